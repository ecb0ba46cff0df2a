import { describe, expect, it } from 'vitest';

import { resolveUrl } from '../../../nodes/ConstantContact/transport/request.ts';
import {
	THROTTLED_WITHOUT_PROGRESS_MS,
	backoffDelayMs,
	isIdempotentMethod,
	keepWaitingWhenThrottled,
	throttleRetryDelayMs,
} from '../../../nodes/ConstantContact/transport/retry.ts';

describe('resolveUrl', () => {
	it('joins paths to the base URL and next links to the origin, never /v3/v3', () => {
		const base = 'https://api.cc.email/v3';
		expect(resolveUrl(base, '/contacts')).toBe('https://api.cc.email/v3/contacts');
		expect(resolveUrl(base, '/v3/contacts?cursor=abc')).toBe('https://api.cc.email/v3/contacts?cursor=abc');
		expect(resolveUrl('http://127.0.0.1:9999/v3/', '/v3/contact_lists?cursor=x')).toBe('http://127.0.0.1:9999/v3/contact_lists?cursor=x');
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
