import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { CREDENTIAL_TYPE, DEFAULT_API_BASE_URL, REQUIRED_SCOPE } from './constants';
import type { Failure } from './errors';
import { extractFailure, isQuotaExceeded, toNodeApiError } from './errors';
import type { PaceOutcome } from './pacing';
import { pacerFor } from './pacing';
import { MAX_ATTEMPTS, backoffDelayMs, isIdempotentMethod, keepWaitingWhenThrottled, throttleRetryDelayMs } from './retry';
import { inspectAccessToken, isExpired, lacksScope } from './token';

export type ConstantContactContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** A path under the API base (`/contacts`), or a `_links.next.href` path that starts with `/v3/`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Safe to send again after a 5xx or a network failure. Default: GET, PUT and DELETE. */
	idempotent?: boolean;
	/**
	 * For a request that is not idempotent (`POST /contacts`): after an ambiguous failure, find out
	 * whether it took effect. Return the result if it did; undefined means it did not, and it is resent.
	 */
	resolveAmbiguous?: () => Promise<unknown>;
	/** Further answers that mean "try again", e.g. sign_up_form's 409 on simultaneous writes. */
	retryWhen?: (failure: Failure) => boolean;
	/** Resolve with status and body instead of the body alone (to tell 201 from 200). */
	fullResponse?: boolean;
	/** For messages: the contact's email (409) and the item the request is for. */
	email?: string;
	itemIndex?: number;
}

interface StoredCredentials {
	clientId?: string;
	apiBaseUrl?: string;
	oauthTokenData?: { access_token?: unknown };
}

/**
 * Requests that found the access token expired wait for the first one, so that n8n refreshes
 * exactly once: a second concurrent refresh would kill a rotating refresh token.
 */
const refreshLeaders = new Map<string, Promise<unknown>>();

/** Builds the URL: next-page links are paths from the API origin, never to be joined to the base. */
export function resolveUrl(baseUrl: string, path: string): string {
	if (/^https?:\/\//i.test(path)) return path;
	const base = new URL(baseUrl);
	const basePath = base.pathname.replace(/\/+$/, '');
	if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) return `${base.origin}${path}`;
	return `${base.origin}${basePath}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The one way out of this package to Constant Contact. */
export async function constantContactRequest<T = unknown>(this: ConstantContactContext, request: ApiRequest): Promise<T> {
	const credentials = (await this.getCredentials(CREDENTIAL_TYPE)) as StoredCredentials;
	const token = inspectAccessToken(credentials.oauthTokenData?.access_token);
	if (lacksScope(token, REQUIRED_SCOPE)) {
		throw new NodeOperationError(
			this.getNode(),
			`The Constant Contact credential was granted without the "${REQUIRED_SCOPE}" scope`,
			{
				description:
					'Open the credential and reconnect it: the consent screen must grant contact_data (and offline_access for refreshing).',
				itemIndex: request.itemIndex,
			},
		);
	}
	const appKey = credentials.clientId ?? 'default';
	const baseUrl = credentials.apiBaseUrl || DEFAULT_API_BASE_URL;

	if (token && isExpired(token)) {
		const key = `${appKey}:${token.fingerprint}`;
		const leader = refreshLeaders.get(key);
		if (leader) {
			// Once the leader has gone through n8n's refresh, the stored token is new and we proceed.
			await leader.catch(() => undefined);
		} else {
			// The first request will cost two API calls: the 401 and the retry after n8n's refresh.
			const run = send.call(this, request, baseUrl, appKey, 2);
			refreshLeaders.set(key, run);
			try {
				return (await run) as T;
			} finally {
				refreshLeaders.delete(key);
			}
		}
	}
	return (await send.call(this, request, baseUrl, appKey, 1)) as T;
}

async function send(
	this: ConstantContactContext,
	request: ApiRequest,
	baseUrl: string,
	appKey: string,
	firstSlots: number,
): Promise<unknown> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: resolveUrl(baseUrl, request.path),
		json: true,
		headers: { Accept: 'application/json' },
		...(request.qs && Object.keys(request.qs).length ? { qs: request.qs } : {}),
		...(request.body !== undefined ? { body: request.body } : {}),
		...(request.fullResponse ? { returnFullResponse: true } : {}),
	};
	const idempotent = request.idempotent ?? isIdempotentMethod(request.method);
	const gate = pacerFor(appKey);
	const kind = requestKind(request);
	let failure: Failure | undefined;
	/** Attempts that failed with a 5xx or on the network (429 throttled has its own, time-based budget). */
	let attempt = 0;
	let throttledSince: number | undefined;
	let slots = firstSlots;
	for (;;) {
		const ticket = await gate.acquire(slots, kind);
		slots = 1;
		let outcome: PaceOutcome = 'accepted';
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{ ...options },
			)) as unknown;
			if (request.fullResponse) {
				const full = response as IN8nHttpFullResponse;
				return { statusCode: full.statusCode, body: full.body };
			}
			return response;
		} catch (error) {
			// Until an HTTP status says otherwise, it may never have reached Constant Contact.
			outcome = 'unanswered';
			failure = extractFailure(error);
			if (!failure) throw sanitize.call(this, error, request);
			if (failure.status !== undefined) outcome = failure.status === 429 && !isQuotaExceeded(failure) ? 'throttled' : 'accepted';
		} finally {
			gate.settle(ticket, outcome);
		}
		if (outcome === 'throttled') {
			// Nothing happened on Constant Contact's side: wait while the app still gets requests through.
			const now = Date.now();
			throttledSince ??= now;
			if (!keepWaitingWhenThrottled(now, throttledSince, gate.pacer.lastProgressAt)) break;
			await sleep(throttleRetryDelayMs());
			continue;
		}
		// The daily quota: waiting will not help before midnight UTC.
		if (isQuotaExceeded(failure)) break;
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
	});
}

/** What kind of request this is, for its usual answer time: the method and the path without IDs. */
function requestKind(request: ApiRequest): string {
	const path = request.path.split('?')[0].replace(/\/[^/]*\d[^/]*/g, '/:id');
	return `${request.method} ${path}`;
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
