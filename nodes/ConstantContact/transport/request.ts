import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { API_BASE_URL, CREDENTIAL_TYPE } from './constants';
import { endpointOf } from './endpoints';
import type { Failure } from './errors';
import { extractFailure, readAnswer, isActivityQueueFull, isQuotaExceeded, toNodeApiError } from './errors';
import type { PaceOutcome } from './pacing';
import { appLimits } from './appLimits';
import type { AppLimits } from './appLimits';
import { pacerFor } from './pacing';
import { MAX_ATTEMPTS, backoffDelayMs, isIdempotentMethod, keepWaitingWhenThrottled, throttleRetryDelayMs } from './retry';
import type { ApiRequest, ConstantContactContext } from './requestTypes';
import { missingScopeError, requiredScope } from './scopes';
import { inspectAccessToken, isExpired, lacksScope } from './token';

interface StoredCredentials {
	clientId?: string;
	oauthTokenData?: { access_token?: unknown };
	requestsPerSecond?: unknown;
	requestsPerDay?: unknown;
}

/** The Constant Contact app a request goes through: its key (client id) and its limits. */
interface App {
	key: string;
	limits: AppLimits;
}

/** The request going through n8n's refresh, per app and token (see throughRefresh). */
const refreshLeaders = new Map<string, Promise<unknown>>();

/**
 * Longer than any path or cursor link Constant Contact uses (the longest: 150 campaign IDs in one
 * `/reports/stats/email_campaigns/{ids}`, about 5,600 characters); a longer one is not looked at.
 */
export const MAX_PATH_LENGTH = 8192;

function isEmptyObject(body: IDataObject | IDataObject[]): boolean {
	return !Array.isArray(body) && Object.keys(body).length === 0;
}

/** How much of a streamed request's error answer is read for its message. */
export const MAX_STREAMED_ERROR_BYTES = 100_000;

/** The response body n8n hands back for `encoding: 'stream'`: something to iterate chunk by chunk. */
export function isByteStream(value: unknown): value is AsyncIterable<Uint8Array | string> {
	return typeof value === 'object' && value !== null && typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

/** The first `max` bytes of a streamed body as text; the rest is read and dropped, so the connection is freed. */
async function streamText(body: unknown, max: number): Promise<unknown> {
	if (!isByteStream(body)) return body;
	const decoder = new TextDecoder();
	let text = '';
	let bytes = 0;
	for await (const chunk of body) {
		const piece = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
		if (bytes < max) text += piece;
		bytes += piece.length;
	}
	return text.slice(0, max);
}

/** A URL that would take the request (and the access token) off the API: refused, never sent. */
export class RefusedDestinationError extends Error {}

/** At most `max` characters of a value for a message: never the whole of a long or hostile value. */
export function excerpt(value: string, max = 80): string {
	return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

/**
 * Where a request may go, decided here and nowhere else. `path` is a path under the API base
 * (`/contacts/{encoded ID}`), or a next-page link (`_links.next.href`): a path from the origin that
 * starts with `/v3/`, never to be joined to the base (else `/v3/v3`). The URL is always on the base's
 * origin and under its path; anything else (another host or scheme, `//host`, userinfo, backslashes,
 * whitespace or control characters, dot segments, encoded dots, a fragment) is refused, and the
 * returned problem says why.
 */
export function locate(baseUrl: string, path: string): { url: string } | { problem: string } {
	const base = new URL(baseUrl);
	let basePath = base.pathname;
	while (basePath.endsWith('/')) basePath = basePath.slice(0, -1);
	if (typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH_LENGTH) {
		return { problem: `the path is empty or longer than ${MAX_PATH_LENGTH} characters` };
	}
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u0020\u007f\\]/.test(path)) return { problem: `${excerpt(path)} holds a backslash, whitespace or a control character` };
	let candidate: string;
	if (path.startsWith(`${base.origin}/`)) candidate = path;
	else if (path.startsWith('/') && !path.startsWith('//')) {
		candidate = path === basePath || path.startsWith(`${basePath}/`) ? `${base.origin}${path}` : `${base.origin}${basePath}${path}`;
	} else {
		return { problem: `${excerpt(path)} is not a path on ${base.origin}` };
	}
	const url = new URL(candidate);
	const asWritten = candidate.slice(base.origin.length);
	if (
		url.origin !== base.origin ||
		url.username !== '' ||
		url.password !== '' ||
		url.hash !== '' ||
		`${url.pathname}${url.search}` !== asWritten ||
		!url.pathname.startsWith(`${basePath}/`)
	) {
		return { problem: `${excerpt(path)} does not stay under ${base.origin}${basePath}/` };
	}
	return { url: url.href };
}

/** The URL for `path` on `baseUrl` (see `locate`); a refused path throws, and nothing is sent. */
export function resolveUrl(baseUrl: string, path: string): string {
	const located = locate(baseUrl, path);
	if ('problem' in located) throw new RefusedDestinationError(located.problem);
	return located.url;
}

/** The request stays on the API origin, or it is the item's error before anything is sent. */
function checkDestination(this: ConstantContactContext, request: ApiRequest): void {
	const located = locate(API_BASE_URL, request.path);
	if ('problem' in located) {
		throw new NodeOperationError(this.getNode(), `Refused to send a request outside Constant Contact's API: ${located.problem}`, {
			description: `The node sends the credential's access token only to ${API_BASE_URL}. Nothing was sent. If an ID produced this path, check the ID.`,
			itemIndex: request.itemIndex,
		});
	}
}

/** The one way out of this package to Constant Contact. */
export async function constantContactRequest<T = unknown>(this: ConstantContactContext, request: ApiRequest): Promise<T> {
	checkDestination.call(this, request);
	const credentials = (await this.getCredentials(CREDENTIAL_TYPE)) as StoredCredentials;
	const token = inspectAccessToken(credentials.oauthTokenData?.access_token);
	// Each endpoint's own scope (the contract's `security`): an older connection keeps its contact
	// operations and fails on the rest here, before anything is sent.
	const scope = requiredScope(request.method, request.path);
	if (scope && lacksScope(token, scope)) throw missingScopeError(this.getNode(), scope, token?.scopes ?? [], request.itemIndex);
	const app: App = { key: credentials.clientId ?? 'default', limits: appLimits(credentials) };
	const refreshKey = `${app.key}:${token?.fingerprint ?? 'opaque'}`;
	// A token past its `exp` goes straight to n8n's refresh; any other is tried, and a 401 sends it there.
	if (token && isExpired(token)) return (await throughRefresh.call(this, request, app, refreshKey)) as T;
	const result = await send.call(this, request, app, 'answered');
	if (result !== TOKEN_REFUSED) return result as T;
	return (await throughRefresh.call(this, request, app, refreshKey)) as T;
}

/**
 * How a request is sent. `answered`: n8n returns every HTTP answer (`ignoreHttpStatusErrors`), so
 * status, headers and body are read the same way on every n8n version, and a 401 comes back as
 * TOKEN_REFUSED. `refresh`: the first attempt lets n8n's OAuth2 helper see the 401, refresh the token
 * and retry (it refreshes only on an error it caught), so that attempt's failure is read from n8n's
 * error wrapper. `final`: like answered, after another request's refresh. In `refresh` and `final` one
 * answered 401 more goes through n8n's refresh again before it means reconnect.
 */
type SendMode = 'answered' | 'refresh' | 'final';

/** What `answered` returns for a 401: the caller goes through n8n's refresh once. */
const TOKEN_REFUSED = Symbol('token refused');

/**
 * Requests whose token was refused wait for the first one, so that n8n refreshes exactly once: a
 * second concurrent refresh would kill a rotating refresh token.
 */
async function throughRefresh(this: ConstantContactContext, request: ApiRequest, app: App, key: string): Promise<unknown> {
	const leader = refreshLeaders.get(key);
	if (leader) {
		// Once the leader has gone through n8n's refresh, the stored token is new and we proceed.
		await leader.catch(() => undefined);
		return await send.call(this, request, app, 'final');
	}
	const run = send.call(this, request, app, 'refresh');
	refreshLeaders.set(key, run);
	try {
		return await run;
	} finally {
		refreshLeaders.delete(key);
	}
}

async function send(this: ConstantContactContext, request: ApiRequest, app: App, mode: SendMode): Promise<unknown> {
	// Fixed: no credential field, parameter or response can move the token elsewhere.
	const url = resolveUrl(API_BASE_URL, request.path);
	// n8n leaves an empty object out of the request; a JSON body Constant Contact requires (an export
	// of every contact is `{}`) goes as its text, with its media type.
	const emptyBody = request.body !== undefined && isEmptyObject(request.body);
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		// A streamed answer (the export's CSV file) is handed over unparsed, as bytes.
		json: !request.stream,
		...(request.stream ? { encoding: 'stream' as const } : {}),
		headers: { Accept: request.stream?.accept ?? 'application/json', ...(emptyBody ? { 'Content-Type': 'application/json' } : {}) },
		// Constant Contact repeats a multi-valued parameter (`bounce_code=B&bounce_code=D`), never `bounce_code[0]=B`.
		arrayFormat: 'repeat',
		...(request.qs && Object.keys(request.qs).length ? { qs: request.qs } : {}),
		...(request.body !== undefined ? { body: emptyBody ? '{}' : request.body } : {}),
		returnFullResponse: true,
		// A redirect would carry the bearer token to wherever it points (n8n sends credentials across
		// origins by default): the API never redirects, so a 3xx is answered as an error, not followed.
		disableFollowRedirect: true,
	};
	const idempotent = request.idempotent ?? isIdempotentMethod(request.method);
	const gate = pacerFor(app.key, app.limits.perSecond);
	const kind = requestKind(request);
	let failure: Failure | undefined;
	/** Attempts that failed with a 5xx or on the network (429 throttled has its own, time-based budget). */
	let attempt = 0;
	let throttledSince: number | undefined;
	// n8n's refresh costs two API calls: the 401 and the retry with the new token.
	let letN8nRefresh = mode === 'refresh';
	// Another process sharing the credential (queue mode) may rotate the token again after our refresh:
	// one more 401 then goes through n8n's refresh once more, as every 401 did before.
	let refreshesLeft = 1;
	for (;;) {
		const ticket = await gate.acquire(letN8nRefresh ? 2 : 1, kind);
		let answer: IN8nHttpFullResponse | undefined;
		let thrown: unknown;
		try {
			answer = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				...options,
				...(letN8nRefresh ? {} : { ignoreHttpStatusErrors: true }),
			})) as IN8nHttpFullResponse;
		} catch (error) {
			thrown = error;
		}
		letN8nRefresh = false;
		// A streamed answer that is not a success is an error body: read it (bounded) like any other.
		if (answer && request.stream && !(Number(answer.statusCode) >= 200 && Number(answer.statusCode) < 300)) {
			answer = { ...answer, body: (await streamText(answer.body, MAX_STREAMED_ERROR_BYTES)) as IN8nHttpFullResponse['body'] };
		}
		failure = answer ? readAnswer(answer, url) : extractFailure(thrown, url);
		const outcome = paceOutcome(failure);
		gate.settle(ticket, outcome);
		if (!failure) throw sanitize.call(this, thrown, request);
		if (answer && failure.status !== undefined && failure.status < 300) {
			return request.fullResponse ? { statusCode: answer.statusCode, body: answer.body } : answer.body;
		}
		if (failure.status === 401 && mode === 'answered') return TOKEN_REFUSED;
		if (failure.status === 401 && answer && refreshesLeft > 0) {
			refreshesLeft--;
			letN8nRefresh = true;
			continue;
		}
		if (outcome === 'throttled') {
			// Nothing happened on Constant Contact's side: wait while the app still gets requests through.
			const now = Date.now();
			throttledSince ??= now;
			if (!keepWaitingWhenThrottled(now, throttledSince, gate.pacer.lastProgressAt)) break;
			await sleep(throttleRetryDelayMs());
			continue;
		}
		// A redirect is never followed, nor tried again.
		if (failure.status !== undefined && failure.status < 400) break;
		// The daily quota: waiting will not help before midnight UTC.
		if (isQuotaExceeded(failure)) break;
		// 1,000 activities queued: not throttling; the activity's sender waits for room (activities.ts).
		if (isActivityQueueFull(failure)) break;
		attempt++;
		if (attempt >= MAX_ATTEMPTS) break;
		if (request.retryWhen?.(failure)) {
			await sleep(backoffDelayMs(attempt - 1));
			continue;
		}
		const ambiguous = failure.status === undefined || failure.status >= 500;
		if (!ambiguous) break;
		if (!idempotent) {
			if (!request.resolveAmbiguous) break;
			const found = await request.resolveAmbiguous();
			if (found !== undefined) return found;
			// It did not take effect: sending it again cannot duplicate anything.
		}
		await sleep(backoffDelayMs(attempt - 1));
	}
	throw toNodeApiError(this.getNode(), failure ?? {}, {
		method: request.method,
		path: request.path,
		email: request.email,
		attempts: Math.max(1, attempt),
		throttledForMs: throttledSince === undefined ? undefined : Date.now() - throttledSince,
		itemIndex: request.itemIndex,
		limits: app.limits,
	});
}

/** What the pacer learns from an attempt: until an HTTP status says otherwise, it may never have reached Constant Contact. */
function paceOutcome(failure: Failure | undefined): PaceOutcome {
	if (failure?.status === undefined) return 'unanswered';
	return failure.status === 429 && !isQuotaExceeded(failure) && !isActivityQueueFull(failure) ? 'throttled' : 'accepted';
}

/** What kind of request this is, for its usual answer time: its endpoint, so IDs add no entries. */
function requestKind(request: ApiRequest): string {
	return endpointOf(request.method, request.path);
}

/**
 * An error that carries no HTTP status is n8n's own (credential not connected, refresh refused):
 * keep its message, which never holds a token, and drop everything else it references.
 */
function sanitize(this: ConstantContactContext, error: unknown, request: ApiRequest): Error {
	if (error instanceof NodeOperationError) return error;
	const message = error instanceof Error ? error.message : String(error);
	const notConnected = /not connected/i.test(message);
	return new NodeOperationError(this.getNode(), message, {
		description: notConnected
			? 'Open the Constant Contact credential and click "Connect my account" to run the consent screen.'
			: undefined,
		itemIndex: request.itemIndex,
	});
}
