import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import {
	describeFailure,
	extractFailure,
	isActivityQueueFull,
	isActivityQueueFullError,
	msUntilUtcMidnight,
	parseErrorBody,
	toNodeApiError,
} from '../../../nodes/ConstantContact/transport/errors.ts';

const node: INode = { id: '1', name: 'Constant Contact', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };
const ctx = { method: 'POST', path: '/contacts' };

describe('parseErrorBody', () => {
	it('accepts the array shape, the single-object shape (401, 429) and OAuth errors', () => {
		expect(parseErrorBody([{ error_key: 'contacts.api.conflict', error_message: 'not unique' }])).toEqual([
			{ error_key: 'contacts.api.conflict', error_message: 'not unique' },
		]);
		expect(parseErrorBody({ error_key: 'unauthorized', error_message: 'Unauthorized' })).toEqual([
			{ error_key: 'unauthorized', error_message: 'Unauthorized' },
		]);
		expect(parseErrorBody('[{"error_key":"throttled","error_message":"Too Many Requests"}]')[0].error_key).toBe('throttled');
		expect(parseErrorBody({ error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' })).toEqual([
			{ error_key: undefined, error_message: 'The refresh token is invalid or expired.' },
		]);
		expect(parseErrorBody(undefined)).toEqual([]);
	});
});

describe('a hostile error body', () => {
	it('goes into the message as at most 10 entries of at most 500 characters each', () => {
		const entry = { error_key: 'k'.repeat(100_000), error_message: 'm'.repeat(1_000_000) };
		const body = Array.from({ length: 100_000 }, () => entry);
		const parsed = parseErrorBody(body);
		expect(parsed).toHaveLength(10);
		for (const e of parsed) expect((e.error_key ?? '').length + (e.error_message ?? '').length).toBeLessThanOrEqual(1000);
		const { message } = describeFailure({ status: 400, body }, ctx);
		expect(message.length).toBeLessThan(10 * 501 + 100);
		expect(parseErrorBody('x'.repeat(5_000_000))[0].error_message).toHaveLength(500);
	});
});

describe('describeFailure', () => {
	it('names the colliding email and explains deleted and unsubscribed contacts on 409', () => {
		const d = describeFailure({ status: 409, body: [{ error_key: 'contacts.api.conflict', error_message: 'EmailAddress is not unique' }] }, { ...ctx, email: 'ann@example.com' });
		expect(d.message).toContain('ann@example.com');
		expect(d.message).toContain('EmailAddress is not unique');
		expect(d.description).toMatch(/Deleted and unsubscribed/);
		expect(d.description).toMatch(/Create or Update/);
	});

	it('words a 409 by endpoint: a taken email on PUT, a resubscribe already sent, simultaneous sign-ups, a taken name', () => {
		const body = [{ error_key: 'contacts.api.conflict', error_message: 'conflict' }];
		const put = describeFailure({ status: 409, body }, { method: 'PUT', path: '/contacts/abc', email: 'new@example.com' });
		expect(put.message).toBe('The email address new@example.com already belongs to another contact in Constant Contact (409): conflict');
		expect(put.description).not.toMatch(/Create or Update/);
		const resubscribe = describeFailure({ status: 409, body }, { method: 'PUT', path: '/contacts/resubscribe/abc', email: 'old@example.com' });
		expect(resubscribe.message).toMatch(/^Constant Contact refused to send old@example.com a resubscribe email \(409\)/);
		expect(resubscribe.description).toMatch(/only once per contact/);
		expect(describeFailure({ status: 409, body }, { method: 'POST', path: '/contacts/sign_up_form' }).message).toMatch(/at the same time \(409\)/);
		expect(describeFailure({ status: 409, body }, { method: 'POST', path: '/contact_lists' }).description).toMatch(/unique in an account/);
	});

	it('a 429 for 1,000 queued activities is not throttling', () => {
		const full = { status: 429, body: [{ error_key: 'too_many_activities', error_message: 'You exceeded 1,000 queued activities for this user account.' }] };
		expect(isActivityQueueFull(full)).toBe(true);
		expect(isActivityQueueFull({ status: 429, body: { error_key: 'throttled', error_message: 'Too Many Requests' } })).toBe(false);
		// The contract names no error key: the words alone are enough.
		expect(isActivityQueueFull({ status: 429, body: [{ error_message: 'Too many requests. You exceeded 1,000 queued activities for this user account.' }] })).toBe(true);
		expect(describeFailure(full, { method: 'POST', path: '/activities/add_list_memberships' }).message).toMatch(/1,000 activities queued/);
		expect(isActivityQueueFullError(toNodeApiError(node, full, { method: 'POST', path: '/activities/contacts_json_import' }))).toBe(true);
		expect(isActivityQueueFullError(toNodeApiError(node, { status: 429, body: { error_key: 'throttled' } }, ctx))).toBe(false);
	});

	it('tells the user to reconnect on 401 and names roles and scopes on 403', () => {
		expect(describeFailure({ status: 401 }, ctx).description).toMatch(/reconnect/i);
		const forbidden = describeFailure({ status: 403, body: [{ error_key: 'forbidden', error_message: 'Forbidden' }] }, ctx);
		expect(forbidden.description).toMatch(/contact_data/);
		expect(forbidden.description).toMatch(/Campaign Creator/);
	});

	it('says when the daily quota resets on 429 quota_exceeded', () => {
		const now = Date.UTC(2026, 10, 27, 21, 30);
		const d = describeFailure({ status: 429, body: { error_key: 'quota_exceeded', error_message: 'Limit Exceeded' } }, { ...ctx, now });
		expect(d.message).toMatch(/daily request quota/);
		expect(d.description).toMatch(/00:00 UTC, in 2 h 30 min/);
		expect(d.description).toMatch(/Import/);
		expect(msUntilUtcMidnight(now)).toBe(150 * 60_000);
	});

	it('covers 400, 404, 415, throttled 429, 5xx and network failures', () => {
		expect(describeFailure({ status: 400, body: [{ error_message: 'first_name is too long' }] }, ctx).message).toContain('first_name is too long');
		expect(describeFailure({ status: 404 }, ctx).message).toMatch(/Not found/);
		expect(describeFailure({ status: 415 }, ctx).message).toMatch(/JSON/);
		expect(describeFailure({ status: 429, body: { error_key: 'throttled', error_message: 'Too Many Requests' } }, { ...ctx, attempts: 5 }).description).toMatch(/4 requests per second/);
		expect(describeFailure({ status: 503 }, { ...ctx, attempts: 5 }).message).toMatch(/could not handle the request \(503\)/);
		expect(describeFailure({ networkCode: 'ECONNRESET' }, ctx).message).toMatch(/ECONNRESET/);
	});
});

describe('toNodeApiError', () => {
	it('keeps our message and hint, the HTTP status, and nothing of the request', () => {
		const error = toNodeApiError(node, { status: 409, body: [{ error_key: 'contacts.api.conflict', error_message: 'dup' }] }, { ...ctx, email: 'a@b.co', itemIndex: 3 });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('a@b.co');
		expect(error.description).toMatch(/Create or Update/);
		expect(error.httpCode).toBe('409');
		expect(error.context.itemIndex).toBe(3);
	});
});

describe('extractFailure', () => {
	it('finds status and body in an axios-style error wrapped by n8n, and network codes', () => {
		const axiosLike = Object.assign(new Error('Request failed'), {
			response: { status: 429, data: { error_key: 'throttled' } },
			config: { headers: { Authorization: 'Bearer secret' } },
		});
		const wrapped = Object.assign(new Error('wrapped'), { cause: axiosLike });
		expect(extractFailure(wrapped)).toEqual({ status: 429, body: { error_key: 'throttled' } });
		expect(extractFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toEqual({ networkCode: 'ECONNRESET' });
		expect(extractFailure(new Error('OAuth credentials not connected'))).toBeUndefined();
	});
});

describe('the throttling message', () => {
	const ctx = { method: 'GET', path: '/contacts' };

	it('says what the node did: slowed down and kept waiting while requests got through, until 2 minutes without any', () => {
		const { message, description } = describeFailure(
			{ status: 429, body: { error_key: 'throttled', error_message: 'Too Many Requests' } },
			{ ...ctx, throttledForMs: 185_000 },
		);
		expect(message).toMatch(/kept throttling requests \(429\): Too Many Requests/);
		expect(description).toMatch(/4 requests per second per app \(the credential's \*Requests per Second\*\), shared by every workflow, n8n instance and other integration/);
		expect(description).toMatch(/keeps retrying as long as any of its requests to this app get through/);
		expect(description).toMatch(/gave up after 2 minutes in which none did \(this request waited 185 s\)/);
		// No attempt count: throttling is not limited by attempts any more.
		expect(description).not.toMatch(/retried \d+ times/);
	});
});
