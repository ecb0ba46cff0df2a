import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { DEFAULT_APP_LIMITS } from './appLimits';
import type { AppLimits } from './appLimits';
import { API_ORIGIN } from './constants';
import { THROTTLED_WITHOUT_PROGRESS_MS } from './retry';

export interface ConstantContactErrorDetail {
	error_key?: string;
	error_message?: string;
}

/** What a failed request left us: an HTTP status and body, or a network error code. */
export interface Failure {
	status?: number;
	body?: unknown;
	networkCode?: string;
	/** Where a 3xx pointed (its origin): the node follows no redirect, so nothing was sent there. */
	redirectTo?: string;
}

export interface FailureContext {
	method: string;
	path: string;
	/** The contact's email, for 409 messages. */
	email?: string;
	attempts?: number;
	/** How long the request kept being throttled (429) before the node gave up. */
	throttledForMs?: number;
	itemIndex?: number;
	now?: number;
	/** The app's limits as the credential sets them (default: Constant Contact's documented ones). */
	limits?: AppLimits;
}

/** Constant Contact answers with an array of errors, except 401 and 429 which send one object. */
export function parseErrorBody(body: unknown): ConstantContactErrorDetail[] {
	let parsed: unknown = body;
	if (typeof body === 'string') {
		if (body.length > 100_000) return [{ error_message: body.slice(0, 500) }];
		try {
			parsed = JSON.parse(body);
		} catch {
			return body.trim() ? [{ error_message: body.trim().slice(0, 500) }] : [];
		}
	}
	const list = Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? [parsed] : [];
	// An error body is input too: at most 10 entries, each cut short, go into a message.
	const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 500) : undefined);
	return list
		.slice(0, 10)
		.filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
		.map((e) => ({
			error_key: text(e.error_key),
			error_message: text(e.error_message) ?? text(e.error_description),
		}))
		.filter((e) => e.error_key !== undefined || e.error_message !== undefined);
}

export function errorKeys(body: unknown): string[] {
	return parseErrorBody(body)
		.map((e) => e.error_key)
		.filter((k): k is string => !!k);
}

export function isQuotaExceeded(failure: Failure): boolean {
	return failure.status === 429 && errorKeys(failure.body).includes('quota_exceeded');
}

/**
 * The 429 an activity POST gets when the account already has 1,000 activities queued (the contract:
 * "You exceeded 1,000 queued activities"). It is not throttling: a retry within seconds meets the same
 * full queue, so the transport does not retry it; the activity's sender waits for room (activities.ts).
 * Recognised by its words, since the contract names no error key for it.
 */
export function isActivityQueueFull(failure: Failure): boolean {
	if (failure.status !== 429) return false;
	return parseErrorBody(failure.body).some((e) => /queued activit|too_many_activities/i.test(`${e.error_key ?? ''} ${e.error_message ?? ''}`));
}

/** Whether `error` is the NodeApiError the transport threw for an answer with HTTP status `status`. */
export function isApiError(error: unknown, status: number): error is NodeApiError {
	return error instanceof NodeApiError && String(error.httpCode) === String(status);
}

/** The same, read from the NodeApiError the transport threw. */
export function isActivityQueueFullError(error: unknown): boolean {
	if (!isApiError(error, 429)) return false;
	const response = error.errorResponse as { errors?: unknown } | undefined;
	return isActivityQueueFull({ status: 429, body: response?.errors });
}

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'ERR_STREAM_PREMATURE_CLOSE',
	'UND_ERR_SOCKET',
]);

function asRecord(value: unknown): Record<string, unknown> | undefined {
	return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/** An HTTP status as a number, whether n8n put it there as a number (`status`) or a string (`httpCode`). */
function httpStatus(value: unknown): number | undefined {
	const n = typeof value === 'string' && /^[1-5]\d\d$/.test(value) ? Number(value) : value;
	return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

/** Where a redirect pointed: its origin only (never a path or query that could hold anything), at most 80 characters. */
export function redirectTarget(location: unknown, requestUrl: string): string | undefined {
	if (typeof location !== 'string' || !location) return undefined;
	try {
		const origin = new URL(location, requestUrl).origin;
		return origin.length > 80 ? `${origin.slice(0, 80)}…` : origin;
	} catch {
		return 'an address that is not a URL';
	}
}

/**
 * Reads status, body and network code out of whatever n8n's request helper threw, without keeping
 * the request config, which holds the bearer token. n8n wraps the axios error in a NodeApiError whose
 * shape depends on the version: the axios error stays as `cause` in n8n 1.x and from n8n-workflow 2.34,
 * but 2.0 to 2.33 drop it (a `cause` class field overwrites it), leaving the status only in `httpCode`
 * (a string, which also holds network codes such as ECONNRESET) and an object body in `context.data`.
 * Every place is read, the first found wins.
 */
export function extractFailure(error: unknown, requestUrl = API_ORIGIN): Failure | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	const failure: Failure = {};
	while (current && !seen.has(current)) {
		seen.add(current);
		const record = asRecord(current);
		if (!record) break;
		const response = asRecord(record.response);
		failure.status ??= httpStatus(response?.status) ?? httpStatus(response?.statusCode) ?? httpStatus(record.statusCode) ?? httpStatus(record.httpCode);
		if (failure.body === undefined && response && 'data' in response) failure.body = response.data;
		if (failure.body === undefined && response && 'body' in response) failure.body = response.body;
		if (failure.body === undefined) {
			const data = asRecord(record.context)?.data;
			if (data !== undefined) failure.body = data;
		}
		failure.redirectTo ??= redirectTarget(asRecord(response?.headers)?.location, requestUrl);
		if (failure.networkCode === undefined) {
			const code = [record.code, record.httpCode].find((c): c is string => typeof c === 'string' && NETWORK_CODES.has(c));
			if (code) failure.networkCode = code;
		}
		current = record.cause ?? record.errorResponse;
	}
	if (failure.status === undefined && failure.networkCode === undefined) {
		const message = error instanceof Error ? error.message : '';
		const code = [...NETWORK_CODES].find((c) => message.includes(c));
		if (code) failure.networkCode = code;
		else if (/socket hang up|aborted|timeout/i.test(message)) failure.networkCode = 'ECONNRESET';
	}
	if (failure.status === undefined || failure.status < 300 || failure.status >= 400) delete failure.redirectTo;
	return failure.status !== undefined || failure.networkCode !== undefined ? failure : undefined;
}

/** What an answer that n8n returned in full (`ignoreHttpStatusErrors`) says: the same on every n8n version. */
export function readAnswer(response: { statusCode?: unknown; headers?: unknown; body?: unknown }, requestUrl: string): Failure {
	const status = httpStatus(response.statusCode);
	const redirectTo = status !== undefined && status >= 300 && status < 400 ? redirectTarget(asRecord(response.headers)?.location, requestUrl) : undefined;
	return { status, body: response.body, ...(redirectTo ? { redirectTo } : {}) };
}

export function msUntilUtcMidnight(now = Date.now()): number {
	const d = new Date(now);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - now;
}

function formatDuration(ms: number): string {
	const minutes = Math.ceil(ms / 60_000);
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

function formatSeconds(ms: number): string {
	const seconds = Math.round(ms / 1000);
	return seconds >= 120 && seconds % 60 === 0 ? `${seconds / 60} minutes` : `${seconds} s`;
}

/** Message and hint for a failed request: Constant Contact's own words first, then what to do. */
export function describeFailure(failure: Failure, context: FailureContext): { message: string; description: string } {
	const details = parseErrorBody(failure.body);
	const said = details.map((d) => d.error_message ?? d.error_key).join('; ');
	const suffix = said ? `: ${said}` : '';
	const where = `${context.method.toUpperCase()} ${context.path.split('?')[0]}`;
	const status = failure.status;

	if (status === undefined) {
		return {
			message: `Could not reach Constant Contact (${failure.networkCode ?? 'no connection'})`,
			description: `${where} failed before Constant Contact answered${
				context.attempts ? ` (${context.attempts} attempts)` : ''
			}. Check the n8n host's network access to api.cc.email and try again.`,
		};
	}
	if (status >= 300 && status < 400) {
		const to = failure.redirectTo ? ` to ${failure.redirectTo}` : '';
		return {
			message: `Constant Contact's API answered with a redirect (${status})${to}, which the node does not follow`,
			description: `${where}: the node sends the access token only to ${API_ORIGIN} and follows no redirect, so nothing was sent ${to ? 'there' : 'elsewhere'}. Something between n8n and Constant Contact (a proxy, a captive portal, a DNS entry) answered instead of the API: check the n8n host's network path to api.cc.email.`,
		};
	}
	switch (status) {
		case 400:
			return {
				message: `Constant Contact rejected the request (400)${suffix}`,
				description: `${where}: correct the field Constant Contact names above and run the item again.`,
			};
		case 401:
			return {
				message: `Constant Contact did not accept the credential's access token (401)${suffix}`,
				description:
					'n8n already tried to refresh the token. Open the Constant Contact credential and reconnect it (click "Reconnect" / "Connect my account"). If this keeps happening, switch the app to Long Lived refresh tokens in the Constant Contact developer portal.',
			};
		case 403:
			return {
				message: `Constant Contact refused access (403)${suffix}`,
				description:
					'The credential lacks the scope this request needs (contact_data, campaign_data or account_read), the Constant Contact user who connected it has a role without the privilege (contact access, which "Campaign Creator" lacks; campaign:send to test or schedule; campaign:delete to delete campaigns), or the app was deactivated. "Get Connection Info" shows the granted scopes and the user\'s privileges; reconnect the credential as an account owner or a user with those privileges.',
			};
		case 404:
			return {
				message: `Not found in Constant Contact (404)${suffix}`,
				description: `${where}: the contact, list or tag does not exist in this account (it may have been deleted), or the ID is wrong.`,
			};
		case 409:
			return describeConflict(context, suffix);
		case 413:
			return {
				message: `The request is too large for Constant Contact (413)${suffix}`,
				description: `${where}: send fewer contacts per request.`,
			};
		case 415:
			return {
				message: `Constant Contact accepts only JSON bodies (415)${suffix}`,
				description: `${where} was sent with another content type. This is a bug in the node: please report it.`,
			};
		case 429:
			if (isActivityQueueFull(failure)) {
				return {
					message: `Constant Contact already has 1,000 activities queued for this account (429)${suffix}`,
					description: `${where}: Constant Contact takes no new import or bulk activity until some of the queued ones finish. The node waited for room until its timeout; run it again later, or let fewer imports and bulk list or tag changes run at once.`,
				};
			}
			if (isQuotaExceeded(failure)) {
				return {
					message: `The Constant Contact app's daily request quota is used up (429 quota_exceeded)`,
					description: `Constant Contact allows ${(context.limits ?? DEFAULT_APP_LIMITS).perDay.toLocaleString('en-US')} requests per day per app (the credential's *Requests per Day*), shared by every account and workflow using it. The quota resets at 00:00 UTC, in ${formatDuration(
						msUntilUtcMidnight(context.now),
					)}; retrying sooner will not help. For large batches use the Import operation, which sends up to 40,000 contacts in one request.`,
				};
			}
			return {
				message: `Constant Contact kept throttling requests (429)${suffix}`,
				description: `The limit is ${(context.limits ?? DEFAULT_APP_LIMITS).perSecond} requests per second per app (the credential's *Requests per Second*), shared by every workflow, n8n instance and other integration using the same app. The node slows down when throttled and keeps retrying as long as any of its requests to this app get through; it gave up after ${formatSeconds(
					THROTTLED_WITHOUT_PROGRESS_MS,
				)} in which none did${
					context.throttledForMs ? ` (this request waited ${formatSeconds(context.throttledForMs)})` : ''
				}. Something else is using the app's whole budget: stop it or give it its own app, or run fewer workflows against this app at once.`,
			};
		default:
			if (status >= 500) {
				return {
					message: `Constant Contact could not handle the request (${status})${suffix}`,
					description: `${where} still failed after ${context.attempts ?? 1} attempt(s). Constant Contact may be having an outage; try again later.`,
				};
			}
			return {
				message: `Constant Contact answered ${status}${suffix}`,
				description: `${where} failed.`,
			};
	}
}

/** A 409 says something different on each endpoint (the contract's "conflicts with an existing resource"). */
function describeConflict(context: FailureContext, suffix: string): { message: string; description: string } {
	const method = context.method.toUpperCase();
	const path = context.path.split('?')[0];
	if (method === 'PUT' && path.startsWith('/contacts/resubscribe/')) {
		return {
			message: `Constant Contact refused to send ${context.email ?? 'this contact'} a resubscribe email (409)${suffix}`,
			description:
				'Constant Contact sends the confirmation request only once per contact, and one was already sent. The contact can still re-subscribe through your sign-up form.',
		};
	}
	if (method === 'PUT' && path.startsWith('/contacts/')) {
		const address = context.email ? `The email address ${context.email}` : 'The new email address';
		return {
			message: `${address} already belongs to another contact in Constant Contact (409)${suffix}`,
			description:
				'Each contact has its own email address, deleted and unsubscribed contacts included. Keep this contact\'s address, or first change or delete the contact that has the new one (Get finds it by email).',
		};
	}
	if (method === 'POST' && path === '/contacts/sign_up_form') {
		return {
			message: `Constant Contact was changing this contact in another request at the same time (409)${suffix}`,
			description: 'The node retried and the contact was still busy. Run the item again in a moment.',
		};
	}
	if (path === '/contacts' || path.startsWith('/contacts?')) {
		const who = context.email ? `A contact with the email address ${context.email}` : 'A contact with this email address';
		return {
			message: `${who} already exists in Constant Contact (409)${suffix}`,
			description:
				'Deleted and unsubscribed contacts keep their email address and also count as existing. Use the "Create or Update" operation, or set "If Contact Exists" to Skip or Update.',
		};
	}
	return {
		message: `Constant Contact refused the change: it conflicts with something that already exists (409)${suffix}`,
		description: `${method} ${path}: names of lists, tags and custom fields are unique in an account; choose another, or use the existing one.`,
	};
}

/**
 * Builds the NodeApiError the user sees. Only the status and Constant Contact's own error entries
 * go in: never the request config, whose headers carry the bearer token.
 */
export function toNodeApiError(node: INode, failure: Failure, context: FailureContext): NodeApiError {
	const { message, description } = describeFailure(failure, context);
	const errorResponse: JsonObject = {
		status: failure.status ?? null,
		errors: parseErrorBody(failure.body) as unknown as JsonObject[],
		...(failure.networkCode ? { code: failure.networkCode } : {}),
	};
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
		itemIndex: context.itemIndex,
	});
}
