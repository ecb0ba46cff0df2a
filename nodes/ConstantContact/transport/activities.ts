import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { ConstantContactContext } from './request';
import { constantContactRequest } from './request';

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

/**
 * Polls `GET /activities/{id}` with backoff until the activity reaches a final state or the timeout
 * passes. The first poll waits a moment, so that a small import costs one poll. Returns the last
 * activity seen and whether it is final.
 */
export async function waitForActivity(
	this: ConstantContactContext,
	activityId: string,
	options: WaitOptions,
): Promise<{ activity: Activity; final: boolean }> {
	const now = options.now ?? Date.now;
	const deadline = now() + options.timeoutMs;
	let delay = options.firstDelayMs ?? 1000;
	const maxDelay = options.maxDelayMs ?? 15_000;
	let activity: Activity | undefined;
	for (;;) {
		const remaining = deadline - now();
		if (activity && remaining <= 0) return { activity, final: false };
		await sleep(Math.max(0, Math.min(delay, remaining)));
		activity = (await constantContactRequest.call(this, {
			method: 'GET',
			path: `/activities/${encodeURIComponent(activityId)}`,
			itemIndex: options.itemIndex,
		})) as Activity;
		if (FINAL_ACTIVITY_STATES.includes(activity.state)) return { activity, final: true };
		delay = Math.min(maxDelay, delay * 2);
	}
}
