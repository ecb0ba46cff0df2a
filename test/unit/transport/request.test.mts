import { describe, expect, it } from 'vitest';

import { API_BASE_URL } from '../../../nodes/ConstantContact/transport/constants.ts';
import { MAX_PATH_LENGTH, RefusedDestinationError, excerpt, resolveUrl } from '../../../nodes/ConstantContact/transport/request.ts';
import {
	THROTTLED_WITHOUT_PROGRESS_MS,
	backoffDelayMs,
	isIdempotentMethod,
	keepWaitingWhenThrottled,
	throttleRetryDelayMs,
} from '../../../nodes/ConstantContact/transport/retry.ts';

describe('resolveUrl', () => {
	it('joins paths to the base URL and next links to the origin, never /v3/v3', () => {
		expect(API_BASE_URL).toBe('https://api.cc.email/v3');
		expect(resolveUrl(API_BASE_URL, '/contacts')).toBe('https://api.cc.email/v3/contacts');
		expect(resolveUrl(API_BASE_URL, '/v3/contacts?cursor=abc')).toBe('https://api.cc.email/v3/contacts?cursor=abc');
		expect(resolveUrl(API_BASE_URL, 'https://api.cc.email/v3/contacts?cursor=abc')).toBe('https://api.cc.email/v3/contacts?cursor=abc');
		expect(resolveUrl(API_BASE_URL, `/contacts/${encodeURIComponent('../x?y#z')}`)).toBe('https://api.cc.email/v3/contacts/..%2Fx%3Fy%23z');
	});

	// Every way a path or link could take the token off https://api.cc.email (RFC 9700): refused, never resolved.
	const hostile = [
		'https://evil.example/v3/contacts',
		'http://api.cc.email/v3/contacts',
		'https://api.cc.email.evil.example/v3/contacts',
		'https://api.cc.email@evil.example/v3/contacts',
		'https://user:pass@api.cc.email/v3/contacts',
		'https://api.cc.email:8443/v3/contacts',
		'https://API.CC.EMAIL/v3/contacts',
		'https://api.cc.emaіl/v3/contacts', // Cyrillic і: another host once punycoded
		'https://xn--api-cc-email/v3/contacts',
		'//evil.example/v3/contacts',
		'///evil.example/v3/contacts',
		'/\\evil.example/v3/contacts',
		'\\evil.example\\v3',
		'/\tevil.example',
		'/\n/evil.example',
		'https:evil.example/v3/contacts',
		'https:/evil.example/v3',
		'javascript:alert(1)',
		'file:///etc/passwd',
		'data:text/plain,x',
		'evil.example/v3/contacts',
		'contacts',
		'',
		'/contacts/..',
		'/contacts/.',
		'/v3/contacts/../../x',
		'/contacts/%2e%2e',
		'/contacts/.%2E',
		'/v3/%2e%2e/%2e%2e/evil',
		'/contacts/x#fragment',
		'/contacts/x#',
		'/contacts/a b',
		'/contacts/\u0000',
		'/v3',
		`/contacts/${'a'.repeat(MAX_PATH_LENGTH)}`,
	];
	for (const path of hostile) {
		it(`refuses ${JSON.stringify(path.length > 60 ? `${path.slice(0, 60)}…` : path)}`, () => {
			expect(() => resolveUrl(API_BASE_URL, path)).toThrow(RefusedDestinationError);
		});
	}

	it('quotes at most a short excerpt of a refused value', () => {
		const long = `/\\${'x'.repeat(1_000_000)}`;
		let message = '';
		try {
			resolveUrl(API_BASE_URL, long);
		} catch (error) {
			message = (error as Error).message;
		}
		expect(message.length).toBeLessThan(200);
		expect(excerpt('y'.repeat(500)).length).toBeLessThanOrEqual(84);
	});
});

describe('retry policy', () => {
	it('backs off exponentially with jitter, capped', () => {
		expect(backoffDelayMs(0, () => 0)).toBe(250);
		expect(backoffDelayMs(0, () => 1)).toBe(500);
		expect(backoffDelayMs(3, () => 0)).toBe(2000);
		expect(backoffDelayMs(10, () => 1)).toBe(8000);
	});

	it('treats GET, PUT and DELETE as safe to repeat and POST as not', () => {
		expect(['GET', 'PUT', 'DELETE'].every(isIdempotentMethod)).toBe(true);
		expect(isIdempotentMethod('POST')).toBe(false);
	});
});

describe('throttling budget: time without progress, not attempts', () => {
	const minute = 60_000;

	it('keeps a throttled request waiting while the app gets requests through, however long', () => {
		// Throttled for 30 minutes, but a request of the app went through a minute ago.
		expect(keepWaitingWhenThrottled(31 * minute, 1 * minute, 30 * minute)).toBe(true);
	});

	it('gives up after 2 minutes in which no request of the app got through', () => {
		expect(THROTTLED_WITHOUT_PROGRESS_MS).toBe(2 * minute);
		expect(keepWaitingWhenThrottled(10 * minute, 5 * minute, 8 * minute - 1)).toBe(false);
		expect(keepWaitingWhenThrottled(10 * minute, 5 * minute, 8 * minute + 1)).toBe(true);
	});

	it('counts from when the request began waiting, if nothing got through before', () => {
		expect(keepWaitingWhenThrottled(minute, 0, Number.NEGATIVE_INFINITY)).toBe(true);
		expect(keepWaitingWhenThrottled(2 * minute, 0, Number.NEGATIVE_INFINITY)).toBe(false);
	});

	it('pauses briefly and at random before queueing again (the pacer does the spacing)', () => {
		expect(throttleRetryDelayMs(() => 0)).toBe(100);
		expect(throttleRetryDelayMs(() => 1)).toBe(500);
	});
});
