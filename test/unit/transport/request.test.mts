import { describe, expect, it } from 'vitest';

import { resolveUrl } from '../../../nodes/ConstantContact/transport/request.ts';
import { backoffDelayMs, isIdempotentMethod } from '../../../nodes/ConstantContact/transport/retry.ts';

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
