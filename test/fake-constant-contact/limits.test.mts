import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DailyQuota, PerSecondLimiter } from './limits.mts';
import { startFakeConstantContact } from './server.mts';
import { api, sleep } from './testUtil.mts';
import type { FakeConstantContact } from './types.mts';

let fake: FakeConstantContact;
let token: string;
beforeAll(async () => {
	fake = await startFakeConstantContact();
	token = (await fake.issueTokens()).access_token;
});
afterAll(() => fake.close());
afterEach(() => {
	fake.assertNoContractViolations();
	fake.reset();
	Object.assign(fake.options, { rateLimitPerSecond: 4, dailyQuota: 10_000, latencyMs: 0 });
});

describe('per-second limit (4/s per client id)', () => {
	it('throttles the 5th request within a second with the single-object body, then recovers', async () => {
		const replies = await Promise.all(Array.from({ length: 5 }, () => api(fake, token, 'GET', '/contact_lists')));
		const statuses = replies.map((r) => r.status).sort();
		expect(statuses).toEqual([200, 200, 200, 200, 429]);
		expect(replies.find((r) => r.status === 429)!.body).toEqual({ error_key: 'throttled', error_message: 'Too Many Requests' });
		await sleep(1050);
		expect((await api(fake, token, 'GET', '/contact_lists')).status).toBe(200);
	});

	it('does not count throttled requests in the window', () => {
		const l = new PerSecondLimiter();
		expect([0, 100, 200, 300].map((t) => l.tryAcquire('c', 4, t))).toEqual([true, true, true, true]);
		expect(l.tryAcquire('c', 4, 900)).toBe(false); // refused: not recorded
		expect(l.tryAcquire('c', 4, 1001)).toBe(true); // only the arrival at 0 left the window
		expect(l.tryAcquire('c', 4, 1050)).toBe(false);
		expect(l.tryAcquire('other', 4, 1050)).toBe(true); // per client id
	});

	it('is a strict sliding window: an arrival exactly a second after the first of 4 gets through', () => {
		const l = new PerSecondLimiter();
		expect([0, 10, 20, 30].map((t) => l.tryAcquire('c', 4, t))).toEqual([true, true, true, true]);
		expect(l.tryAcquire('c', 4, 999)).toBe(false);
		expect(l.tryAcquire('c', 4, 1000)).toBe(true); // (0, 1000]: the arrival at 0 has left
	});

	it('in the harsher reading, refused arrivals count too (refusedCountInWindow)', () => {
		const l = new PerSecondLimiter();
		expect([0, 100, 200, 300].map((t) => l.tryAcquire('c', 4, t, true))).toEqual([true, true, true, true]);
		expect(l.tryAcquire('c', 4, 900, true)).toBe(false); // refused, and recorded
		expect(l.tryAcquire('c', 4, 1001, true)).toBe(false); // 100, 200, 300 and the refused 900
		expect(l.tryAcquire('c', 4, 1101, true)).toBe(false); // 200, 300, 900, 1001
		expect(l.tryAcquire('c', 4, 1901, true)).toBe(true);
	});

	it('counts one window per app for every process that talks to it, and logs which grant sent each request', async () => {
		fake.options.refusedCountInWindow = true;
		try {
			// Two grants (two processes with their own tokens) of the same app share one window.
			const other = (await fake.issueTokens()).access_token;
			const replies = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => api(fake, i % 2 ? other : token, 'GET', '/contact_lists')));
			expect(replies.filter((r) => r.status === 429)).toHaveLength(2);
			const grants = new Set(fake.requests.map((r) => r.grantId));
			expect(grants).toEqual(new Set([await fake.grantOf(token), await fake.grantOf(other)]));
		} finally {
			fake.options.refusedCountInWindow = false;
		}
	});

	it('can be switched off at run time', async () => {
		fake.options.rateLimitPerSecond = false;
		const replies = await Promise.all(Array.from({ length: 8 }, () => api(fake, token, 'GET', '/contact_lists')));
		expect(replies.every((r) => r.status === 200)).toBe(true);
	});
});

describe('daily quota', () => {
	it('answers 429 quota_exceeded once the day is used up', async () => {
		fake.options.rateLimitPerSecond = false;
		fake.options.dailyQuota = 3;
		for (let i = 0; i < 3; i++) expect((await api(fake, token, 'GET', '/contact_lists')).status).toBe(200);
		const over = await api(fake, token, 'GET', '/contact_lists');
		expect(over).toMatchObject({ status: 429, body: { error_key: 'quota_exceeded', error_message: 'Limit Exceeded' } });
	});

	it('starts counting again at 00:00 UTC', () => {
		const q = new DailyQuota();
		const beforeMidnight = Date.UTC(2025, 0, 1, 23, 59, 59);
		q.consume('c', beforeMidnight);
		q.consume('c', beforeMidnight);
		expect(q.exceeded('c', 2, beforeMidnight)).toBe(true);
		expect(q.exceeded('c', 2, Date.UTC(2025, 0, 2, 0, 0, 0))).toBe(false);
	});
});

describe('latency', () => {
	it('delays each API answer by options.latencyMs, read at request time', async () => {
		fake.options.latencyMs = 300;
		const t0 = Date.now();
		expect((await api(fake, token, 'GET', '/contact_lists')).status).toBe(200);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
		const entry = fake.requests.at(-1)!;
		expect(entry.respondedAt - entry.receivedAt).toBeGreaterThanOrEqual(290);
	});

	it('decides the limit on arrival, before the latency', async () => {
		fake.options.latencyMs = 600;
		const replies = await Promise.all(Array.from({ length: 5 }, () => api(fake, token, 'GET', '/contact_lists')));
		expect(replies.filter((r) => r.status === 429)).toHaveLength(1);
	});
});
