/**
 * The same failure must read the same on every n8n the package supports. n8n-core wraps the axios
 * error of a failed request in n8n-workflow's NodeApiError, whose shape changed: n8n 1.x and
 * n8n-workflow 2.34 on keep the axios error as `cause`; 2.0 to 2.33 lose it (a `cause` class field
 * overwrites what Error's constructor set), so the status is only in `httpCode`, a string. Each error
 * here is built with that version's own class (aliased dev dependencies; 2.33 has 2.0's shape), around
 * a real AxiosError, as n8n-core builds it.
 */
import { createRequire } from 'node:module';

import type { INode } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { readAnswer, extractFailure, isActivityQueueFull, isQuotaExceeded } from '../../../nodes/ConstantContact/transport/errors.ts';

const require = createRequire(import.meta.url);
const { AxiosError } = require(require.resolve('axios', { paths: [require.resolve('n8n-core')] })) as typeof import('axios');

type NodeApiErrorClass = new (node: INode, error: object) => Error & { httpCode: string | null };
const versions: Array<{ n8n: string; workflow: string; keepsCause: boolean }> = [
	{ n8n: '1.85', workflow: 'n8n-workflow-1.83.0', keepsCause: true },
	{ n8n: '2.0 to 2.33', workflow: 'n8n-workflow-2.0.1', keepsCause: false },
	{ n8n: '2.34 and later', workflow: 'n8n-workflow', keepsCause: true },
];

const node: INode = { id: '1', name: 'Constant Contact', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };
const SECRET = 'Bearer eyJ.secret.token';
const config = { url: 'https://api.cc.email/v3/contacts', method: 'post', headers: { Authorization: SECRET } };

function httpError(status: number, data: unknown, headers: Record<string, string> = {}) {
	const response = { status, statusText: '', data, headers, config, request: {} };
	return new AxiosError(`Request failed with status code ${status}`, status >= 500 ? 'ERR_BAD_RESPONSE' : 'ERR_BAD_REQUEST', config as never, {}, response as never);
}

const throttled = { error_key: 'throttled', error_message: 'Too Many Requests' };
const quota = { error_key: 'quota_exceeded', error_message: 'Limit Exceeded' };
const conflict = [{ error_key: 'contacts.api.conflict', error_message: 'Email already exists' }];

for (const v of versions) {
	const NodeApiError = (require(v.workflow) as { NodeApiError: NodeApiErrorClass }).NodeApiError;
	const wrap = (error: Error) => new NodeApiError(node, error);

	describe(`n8n ${v.n8n} (${v.workflow}'s NodeApiError)`, () => {
		it(`${v.keepsCause ? 'keeps' : 'drops'} the axios error as cause: the shape this reading must not depend on`, () => {
			expect(wrap(httpError(429, throttled)).cause !== undefined).toBe(v.keepsCause);
		});

		it('gives every HTTP status as a number, and a 2.x-shaped NodeApiError its httpCode', () => {
			for (const status of [400, 401, 403, 404, 409, 415, 500, 502, 503]) {
				expect(extractFailure(wrap(httpError(status, [{ error_key: 'k', error_message: 'm' }])))?.status).toBe(status);
			}
		});

		it('tells throttling from the daily quota (object bodies survive every shape)', () => {
			const t = extractFailure(wrap(httpError(429, throttled)))!;
			expect(t).toMatchObject({ status: 429, body: throttled });
			expect(isQuotaExceeded(t)).toBe(false);
			expect(isActivityQueueFull(t)).toBe(false);
			const q = extractFailure(wrap(httpError(429, quota)))!;
			expect(isQuotaExceeded(q)).toBe(true);
		});

		it(`reads a 409's array body ${v.keepsCause ? 'in full' : '(lost with the cause: the status alone decides)'}`, () => {
			const f = extractFailure(wrap(httpError(409, conflict)))!;
			expect(f.status).toBe(409);
			if (v.keepsCause) expect(f.body).toEqual(conflict);
		});

		it('reads a redirect as a redirect, never as data', () => {
			const f = extractFailure(wrap(httpError(302, '', { location: 'https://evil.example/v3/contacts?x=1' })))!;
			expect(f.status).toBe(302);
			if (v.keepsCause) expect(f.redirectTo).toBe('https://evil.example');
		});

		it('finds a dropped connection\'s code, with no status', () => {
			const reset = new AxiosError('socket hang up', 'ECONNRESET', config as never, {});
			expect(extractFailure(wrap(reset))).toEqual({ networkCode: 'ECONNRESET' });
		});

		it('keeps nothing of the request: the bearer token is not in what it read', () => {
			expect(JSON.stringify(extractFailure(wrap(httpError(400, conflict))))).not.toContain('secret');
		});
	});
}

describe('an answer n8n returned in full (ignoreHttpStatusErrors: the same on every version)', () => {
	it('gives status and body as Constant Contact sent them', () => {
		expect(readAnswer({ statusCode: 409, headers: {}, body: conflict }, config.url)).toEqual({ status: 409, body: conflict });
		expect(isQuotaExceeded(readAnswer({ statusCode: 429, body: quota }, config.url))).toBe(true);
	});

	it("names only a redirect's origin, resolved against the request", () => {
		expect(readAnswer({ statusCode: 301, headers: { location: '//evil.example/a?token=x' }, body: '' }, config.url).redirectTo).toBe('https://evil.example');
		expect(readAnswer({ statusCode: 307, headers: { location: '/v3/contacts' }, body: '' }, config.url).redirectTo).toBe('https://api.cc.email');
		expect(readAnswer({ statusCode: 302, headers: {}, body: '' }, config.url).redirectTo).toBeUndefined();
		expect(readAnswer({ statusCode: 400, headers: { location: 'https://evil.example' }, body: '' }, config.url).redirectTo).toBeUndefined();
	});

	it('has no status for an answer without a usable one', () => {
		expect(readAnswer({ statusCode: 'abc', body: '' }, config.url).status).toBeUndefined();
		expect(readAnswer({ statusCode: 99, body: '' }, config.url).status).toBeUndefined();
	});
});
