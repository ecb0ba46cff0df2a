import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { isActivityQueueFullError } from './errors';
import type { ConstantContactContext } from './requestTypes';
import { constantContactRequest } from './request';
import { expectId, isRecord, kindOf, unusableResponse } from './responses';

/** States after which an activity no longer changes. */
export const FINAL_ACTIVITY_STATES = ['completed', 'cancelled', 'failed', 'timed_out'];

export interface Activity extends IDataObject {
	activity_id: string;
	state: string;
	percent_done?: number;
	activity_errors?: string[];
	status?: IDataObject;
}

export interface WaitOptions {
	/** Give up waiting after this long; the activity goes on at Constant Contact. */
	timeoutMs: number;
	itemIndex?: number;
	/** First poll delay; later polls back off (doubling, at most `maxDelayMs`). */
	firstDelayMs?: number;
	maxDelayMs?: number;
	now?: () => number;
}

/** The longest the node waits for an activity, whatever it was asked: n8n's longest workflow timeout by default (`EXECUTIONS_TIMEOUT_MAX`, 1 hour). */
export const MAX_ACTIVITY_WAIT_MS = 3_600_000;
/** The shortest pause before a poll or another try: no input (NaN, 0, a negative delay) makes the node spin. */
export const MIN_ACTIVITY_PAUSE_MS = 500;

/** How long to keep waiting: NaN and negatives are no wait, more than the maximum is the maximum. */
export function waitBudget(timeoutMs: number): number {
	return timeoutMs > 0 ? Math.min(timeoutMs, MAX_ACTIVITY_WAIT_MS) : 0;
}

/** A pause of `ms` (already cut to the time left), never under the floor: NaN fails every comparison, so it is the floor too. */
function pause(ms: number): number {
	return ms > MIN_ACTIVITY_PAUSE_MS ? ms : MIN_ACTIVITY_PAUSE_MS;
}

/**
 * An activity as Constant Contact answered it (`POST` of a bulk activity, `GET /activities/{id}`),
 * checked for what the node reads: its ID, its state, and its errors as a list.
 */
export function readActivity(this: ConstantContactContext, value: unknown, what: string, itemIndex?: number): Activity {
	if (!isRecord(value)) throw unusableResponse(this.getNode(), what, `it is ${kindOf(value)}, not an activity`, itemIndex);
	expectId(this.getNode(), value.activity_id, 'activity_id', what, itemIndex);
	if (typeof value.state !== 'string') throw unusableResponse(this.getNode(), what, `"state" is ${kindOf(value.state)}, not text`, itemIndex);
	const errors = value.activity_errors;
	if (errors !== undefined && errors !== null && !Array.isArray(errors)) {
		throw unusableResponse(this.getNode(), what, `"activity_errors" is ${kindOf(errors)}, not a list`, itemIndex);
	}
	if (value.status !== undefined && value.status !== null && !isRecord(value.status)) {
		throw unusableResponse(this.getNode(), what, `"status" is ${kindOf(value.status)}, not an object`, itemIndex);
	}
	return value as Activity;
}

/** The first few of an activity's errors, each cut short, for a message. */
export function activityErrorSummary(activity: Activity): string | undefined {
	return (activity.activity_errors ?? []).slice(0, 10).map((e) => String(typeof e === 'object' ? JSON.stringify(e) : e).slice(0, 200)).join('; ') || undefined;
}

/**
 * Polls `GET /activities/{id}` with backoff until the activity reaches a final state or the timeout
 * passes. The first poll waits a moment, so that a small import costs one poll. Whatever the options
 * (NaN included), polls are at least MIN_ACTIVITY_PAUSE_MS apart and stop by MAX_ACTIVITY_WAIT_MS.
 * Returns the last activity seen and whether it is final.
 */
export async function waitForActivity(
	this: ConstantContactContext,
	activityId: string,
	options: WaitOptions,
): Promise<{ activity: Activity; final: boolean }> {
	const now = options.now ?? Date.now;
	const deadline = now() + waitBudget(options.timeoutMs);
	let delay = options.firstDelayMs ?? 1000;
	const maxDelay = options.maxDelayMs ?? 15_000;
	let activity: Activity | undefined;
	for (;;) {
		const remaining = deadline - now();
		if (activity && remaining <= 0) return { activity, final: false };
		await sleep(pause(Math.min(delay, remaining)));
		const answer = await constantContactRequest.call(this, {
			method: 'GET',
			path: `/activities/${encodeURIComponent(activityId)}`,
			itemIndex: options.itemIndex,
		});
		activity = readActivity.call(this, answer, 'GET /activities/{activity_id}', options.itemIndex);
		if (FINAL_ACTIVITY_STATES.includes(activity.state)) return { activity, final: true };
		delay = Math.min(maxDelay, delay * 2);
	}
}

/** How long to wait for room in a full activity queue before trying again; doubles up to the maximum. */
export const QUEUE_FULL_FIRST_WAIT_MS = 2_000;
export const QUEUE_FULL_MAX_WAIT_MS = 30_000;

/**
 * Starts a bulk activity (`POST /activities/...`). Sending one again after an ambiguous failure ends in
 * the same contacts, so it is retried like a PUT. When the account already has 1,000 activities
 * queued, Constant Contact answers 429: that is not throttling, so instead of the transport's quick
 * retries this waits for room (2 s, then doubling up to 30 s) until `timeoutMs` has passed (at most
 * MAX_ACTIVITY_WAIT_MS, tries at least MIN_ACTIVITY_PAUSE_MS apart), and then fails with that reason.
 */
export async function postActivity(
	this: ConstantContactContext,
	request: { path: string; body: IDataObject; itemIndex?: number },
	options: { timeoutMs: number; now?: () => number },
): Promise<Activity> {
	const now = options.now ?? Date.now;
	const deadline = now() + waitBudget(options.timeoutMs);
	let delay = QUEUE_FULL_FIRST_WAIT_MS;
	for (;;) {
		const activity = await constantContactRequest
			.call(this, { method: 'POST', path: request.path, body: request.body, idempotent: true, itemIndex: request.itemIndex })
			.then(
				(started) => readActivity.call(this, started, `POST ${request.path}`, request.itemIndex),
				(error: unknown) => {
					// Only a full queue is waited out, and only until the deadline.
					if (!isActivityQueueFullError(error) || deadline - now() <= 0) throw error;
					return undefined;
				},
			);
		if (activity) return activity;
		await sleep(pause(Math.min(delay, deadline - now())));
		delay = Math.min(QUEUE_FULL_MAX_WAIT_MS, delay * 2);
	}
}
