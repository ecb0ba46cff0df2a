// The life of one /v3 request: faults 'before' -> bearer auth -> limits (decided at arrival) ->
// latency -> routing, scope, media type -> contract -> handler -> contract on the response ->
// faults 'after' -> answer. Every step answers the way Constant Contact does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeCore } from '../core.mts';
import { ApiError, KEYS, arrayError, defaultFaultBody, quotaExceeded, throttled, unauthorized } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { dropConnection, mediaType, readBody, sendJson, sendText, sleep } from '../http.mts';
import type { RawBody } from '../http.mts';
import type { RequestLogEntry } from '../types.mts';
import { matchRoute } from './router.mts';

/** The import accepts bodies below 4 MB; nothing else comes close. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export async function handleApi(core: FakeCore, req: IncomingMessage, res: ServerResponse, url: URL, entry: RequestLogEntry): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const apiPath = url.pathname.slice('/v3'.length) || '/';
	const raw = await readBody(req, MAX_BODY_BYTES);
	let parsed: unknown;
	let malformed = false;
	if (raw.text.trim() !== '') {
		try {
			parsed = JSON.parse(raw.text);
		} catch {
			malformed = true;
		}
	}
	entry.body = malformed ? raw.text : parsed;

	const finish = (r: ApiResult, headers?: Record<string, string>): void => {
		entry.status = r.status;
		entry.respondedAt = Date.now();
		if (r.contentType && typeof r.body === 'string') sendText(res, r.status, r.body, r.contentType);
		else sendJson(res, r.status, r.body, headers);
	};
	const drop = (): void => {
		entry.status = 0;
		entry.respondedAt = Date.now();
		dropConnection(req, res);
	};

	const before = core.faults.take(method, url.pathname, apiPath, 'before');
	if (before) {
		entry.fault = 'before';
		entry.clientId = (await core.tokens.verify(req.headers.authorization))?.clientId; // for the log only
		await sleep(before.delayMs ?? 0);
		if (before.drop) return drop();
		const status = before.status ?? 500;
		return finish({ status, body: before.body ?? defaultFaultBody(status, false) }, before.headers);
	}

	const result = await processRequest(core, req, method, apiPath, url, raw, parsed, malformed, entry);

	const after = core.faults.take(method, url.pathname, apiPath, 'after');
	if (after) {
		entry.fault = 'after';
		await sleep(after.delayMs ?? 0);
		if (after.drop) return drop();
		const status = after.status ?? 500;
		return finish({ status, body: after.body ?? defaultFaultBody(status, false) }, after.headers);
	}
	finish(result);
}

async function processRequest(
	core: FakeCore,
	req: IncomingMessage,
	method: string,
	apiPath: string,
	url: URL,
	raw: RawBody,
	body: unknown,
	malformed: boolean,
	entry: RequestLogEntry,
): Promise<ApiResult> {
	const { options } = core;
	const auth = await core.tokens.verify(req.headers.authorization);
	if (!auth) {
		await sleep(options.latencyMs);
		return unauthorized();
	}
	entry.clientId = auth.clientId;
	entry.grantId = auth.grantId;
	// Limits are per app key (client id), decided on the arrival time (the server's clock).
	let limited: ApiResult | undefined;
	if (core.quota.exceeded(auth.clientId, options.dailyQuota, entry.receivedAt)) limited = quotaExceeded();
	else if (!core.apiLimiter.tryAcquire(auth.clientId, options.rateLimitPerSecond, entry.receivedAt, options.rateLimitModel)) limited = throttled();
	else core.quota.consume(auth.clientId, entry.receivedAt);
	await sleep(options.latencyMs);
	if (limited) return limited;

	const match = matchRoute(method, apiPath);
	if (!match) return arrayError(404, KEYS.notFound, `No resource at ${method} ${url.pathname}`);
	const { route, params } = match;
	const query = entry.query;
	const contract = options.contract ? core.contract : undefined;
	const label = `${method} ${url.pathname} (${route.template})`;

	const result = await (async (): Promise<ApiResult> => {
		if (route.scope && !auth.scopes.includes(route.scope)) {
			return arrayError(403, KEYS.forbidden, `Forbidden: the access token lacks the ${route.scope} scope this endpoint requires.`);
		}
		if (raw.tooLarge) return arrayError(413, KEYS.tooLarge, `The request body must be smaller than ${MAX_BODY_BYTES} bytes.`);
		if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
			const type = mediaType(req);
			if (type !== 'application/json' && !type.endsWith('+json')) {
				return arrayError(415, KEYS.unsupportedMediaType, 'Unsupported Media Type; the payload must be in JSON format, and Content-Type must be application/json');
			}
		}
		if (malformed) return arrayError(400, KEYS.validation, 'The request body is not valid JSON.');
		if (contract) {
			const check = contract.validateRequest(method, route.template, query, body, params);
			if (check.errors.length) {
				for (const e of check.errors) core.contractViolations.push(`${label} request: ${e}`);
				return arrayError(400, KEYS.validation, check.errors);
			}
		}
		try {
			return await route.handler({ core, method, params, query, body, clientId: auth.clientId, scopes: auth.scopes });
		} catch (e) {
			if (e instanceof ApiError) return { status: e.status, body: e.body };
			console.error('fake-constant-contact: handler crashed', e);
			return arrayError(500, KEYS.server, 'There was a problem with our internal service.');
		}
	})();

	if (contract) {
		for (const e of contract.validateResponse(method, route.template, result.status, result.body)) {
			core.contractViolations.push(`${label} response ${result.status}: ${e}`);
		}
	}
	return result;
}
