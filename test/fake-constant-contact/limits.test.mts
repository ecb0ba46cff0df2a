import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DailyQuota, PerSecondLimiter, RATE_LIMIT_MODELS, acceptedOverLimit, parseRateLimitModel, rateWindow } from './limits.mts';
import type { RateLimitModel } from './limits.mts';
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
	Object.assign(fake.options, { rateLimitPerSecond: 4, rateLimitModel: 'sliding', dailyQuota: 10_000, latencyMs: 0 });
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

	it('in the harsher reading, refused arrivals count too (refusedCounted)', () => {
		const l = new PerSecondLimiter();
		expect([0, 100, 200, 300].map((t) => l.tryAcquire('c', 4, t, 'refusedCounted'))).toEqual([true, true, true, true]);
		expect(l.tryAcquire('c', 4, 900, 'refusedCounted')).toBe(false); // refused, and recorded
		expect(l.tryAcquire('c', 4, 1001, 'refusedCounted')).toBe(false); // 100, 200, 300 and the refused 900
		expect(l.tryAcquire('c', 4, 1101, 'refusedCounted')).toBe(false); // 200, 300, 900, 1001
		expect(l.tryAcquire('c', 4, 1901, 'refusedCounted')).toBe(true);
	});

	it('counts one window per app for every process that talks to it, and logs which grant sent each request', async () => {
		fake.options.rateLimitModel = 'refusedCounted';
		try {
			// Two grants (two processes with their own tokens) of the same app share one window.
			const other = (await fake.issueTokens()).access_token;
			const replies = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => api(fake, i % 2 ? other : token, 'GET', '/contact_lists')));
			expect(replies.filter((r) => r.status === 429)).toHaveLength(2);
			const grants = new Set(fake.requests.map((r) => r.grantId));
			expect(grants).toEqual(new Set([await fake.grantOf(token), await fake.grantOf(other)]));
		} finally {
			fake.options.rateLimitModel = 'sliding';
		}
	});

	it('counts as options.rateLimitModel says, read at request time: spacing refuses the second of two requests sent at once', async () => {
		fake.options.rateLimitModel = 'spacing';
		const replies = await Promise.all([0, 1].map(() => api(fake, token, 'GET', '/contact_lists')));
		expect(replies.map((r) => r.status).sort()).toEqual([200, 429]);
		fake.reset();
		fake.options.rateLimitModel = 'sliding';
		const sliding = await Promise.all([0, 1].map(() => api(fake, token, 'GET', '/contact_lists')));
		expect(sliding.map((r) => r.status)).toEqual([200, 200]);
	});

	it('takes the deprecated refusedCountInWindow as rateLimitModel refusedCounted, and the rate for partner keys', async () => {
		const old = await startFakeConstantContact({ refusedCountInWindow: true, contract: false });
		const partner = await startFakeConstantContact({ rateLimitPerSecond: 10, rateLimitModel: 'calendar', contract: false });
		try {
			expect(old.options.rateLimitModel).toBe('refusedCounted');
			expect(fake.options.rateLimitModel).toBe('sliding');
			expect([partner.options.rateLimitPerSecond, partner.options.rateLimitModel]).toEqual([10, 'calendar']);
		} finally {
			await old.close();
			await partner.close();
		}
	});

	it('can be switched off at run time', async () => {
		fake.options.rateLimitPerSecond = false;
		const replies = await Promise.all(Array.from({ length: 8 }, () => api(fake, token, 'GET', '/contact_lists')));
		expect(replies.every((r) => r.status === 200)).toBe(true);
	});
});

/** A wall-clock instant on a whole second (calendar seconds are the server's). */
const T = 1_700_000_000_000;
/** Each arrival's verdict through one fresh window. */
const verdicts = (model: RateLimitModel, rate: number, offsets: number[]): boolean[] => {
	const w = rateWindow(model, rate);
	return offsets.map((o) => w.tryAcquire(T + o));
};
const all = (n: number, value = true): boolean[] => Array<boolean>(n).fill(value);

describe('how Constant Contact may count its N per second: each model at its boundaries', () => {
	it('the same arrivals, five verdicts: 4 at once-ish, a 5th at 900 ms, two more after the second', () => {
		const arrivals = [0, 100, 200, 300, 900, 1050, 1150];
		const byModel = Object.fromEntries(RATE_LIMIT_MODELS.map((m) => [m, verdicts(m, 4, arrivals)]));
		expect(byModel).toEqual({
			// (50, 1050] holds 100, 200, 300: room; the refused 900 is not counted.
			sliding: [true, true, true, true, false, true, true],
			// 200 ms of a new second.
			calendar: [true, true, true, true, false, true, true],
			// 900 ms refill 3.6 tokens on top of the 0.8 left over: a 5th within one sliding second.
			tokenBucket: [true, true, true, true, true, true, true],
			// The refused 900 fills the window until 1900.
			refusedCounted: [true, true, true, true, false, false, false],
			// 250 ms apart at least, whatever came before.
			spacing: [true, false, false, true, true, false, true],
		});
	});

	it('sliding: N accepted arrivals in (now − 1000, now] refuse the next, at 4 and at 10 per second', () => {
		expect(verdicts('sliding', 4, [0, 0, 0, 0, 0, 999, 1000, 1000, 1000, 1000, 1001])).toEqual([...all(5).fill(false, 4), false, ...all(4), false]);
		// The arrival at 0 leaves at 1000, the one at 10 at 1010.
		expect(verdicts('sliding', 10, [...Array.from({ length: 11 }, (_, i) => i * 10), 999, 1000, 1001, 1010])).toEqual([...all(10), false, false, true, false, true]);
	});

	it('calendar: N per second of the server clock, the count starting again at each whole second; refused arrivals do not count', () => {
		// 4 at the end of one second and 4 at the start of the next: 8 within 8 ms.
		expect(verdicts('calendar', 4, [996, 997, 998, 999, 999, 1000, 1001, 1002, 1003, 1004, 1999, 2000])).toEqual([
			...all(4),
			false,
			...all(4),
			false,
			false,
			true,
		]);
		expect(verdicts('calendar', 10, [...Array.from({ length: 11 }, (_, i) => 500 + i), 1000])).toEqual([...all(10), false, true]);
	});

	it('tokenBucket: a burst of N, then one every 1000 / N ms; refused arrivals take nothing; never more than N banked', () => {
		expect(verdicts('tokenBucket', 4, [0, 0, 0, 0, 0, 249, 250, 499, 500, 10_000, 10_000, 10_000, 10_000, 10_000, 10_100, 10_250])).toEqual([
			...all(4),
			false,
			false, // 0.996 of a token
			true, // exactly one
			false,
			true,
			...all(4), // 9.5 s idle: full, not more
			false,
			false,
			true, // the refusal at 10_100 took nothing
		]);
		// 3 per second: 333.33 ms a token, exact at whole milliseconds.
		expect(verdicts('tokenBucket', 3, [0, 0, 0, 333, 334])).toEqual([true, true, true, false, true]);
		expect(verdicts('tokenBucket', 10, [...all(11).map(() => 0), 99, 100])).toEqual([...all(10), false, false, true]);
	});

	it('refusedCounted: every arrival counts in the sliding window, so retrying into a full window keeps it full', () => {
		// The refused 900 and 1050 count: at 1300 only 900, 1050 and 1150 are left in (300, 1300].
		expect(verdicts('refusedCounted', 4, [0, 100, 200, 300, 900, 1050, 1150, 1300])).toEqual([...all(4), false, false, false, true]);
		// 10 refused at 999 fill (0, 1000] as the 10 accepted at 0 leave it; the refused 1000 leaves room at 1999.
		expect(verdicts('refusedCounted', 10, [...all(10).map(() => 0), ...all(10).map(() => 999), 1000, 1999])).toEqual([...all(10), ...all(10, false), false, true]);
	});

	it('spacing: at least 1000 / N ms after the last accepted arrival, no burst; refused arrivals do not count', () => {
		expect(verdicts('spacing', 4, [0, 0, 249, 250, 499, 500, 750, 1000])).toEqual([true, false, false, true, false, true, true, true]);
		expect(verdicts('spacing', 3, [0, 333, 334])).toEqual([true, false, true]);
		expect(verdicts('spacing', 10, [0, 99, 100, 200])).toEqual([true, false, true, true]);
	});

	it('acceptedOverLimit replays accepted arrivals through the model: 0 when they keep to it', () => {
		const fiveInASecond = [0, 100, 200, 300, 900].map((o) => T + o);
		expect(RATE_LIMIT_MODELS.map((m) => acceptedOverLimit(m, 4, fiveInASecond))).toEqual([1, 1, 0, 1, 2]);
		const acrossSeconds = [996, 997, 998, 999, 1000, 1001, 1002, 1003].map((o) => T + o);
		expect(acceptedOverLimit('calendar', 4, acrossSeconds)).toBe(0);
		expect(acceptedOverLimit('sliding', 4, acrossSeconds)).toBe(4);
	});

	it('names: sliding when none is given, an unknown one refused with the list', () => {
		expect(parseRateLimitModel(undefined)).toBe('sliding');
		expect(parseRateLimitModel('')).toBe('sliding');
		expect(parseRateLimitModel('tokenBucket')).toBe('tokenBucket');
		expect(() => parseRateLimitModel('leaky', 'E2E_QUEUE_MODEL')).toThrow('E2E_QUEUE_MODEL: unknown model "leaky"; one of sliding, calendar, tokenBucket, refusedCounted, spacing');
		expect(() => rateWindow('sliding', 0)).toThrow();
	});

	it('PerSecondLimiter keeps one window per key, and starts a key afresh when its model or rate changes', () => {
		const l = new PerSecondLimiter();
		expect([0, 1, 2, 3, 4].map((o) => l.tryAcquire('c', 4, T + o, 'calendar'))).toEqual([...all(4), false]);
		expect(l.tryAcquire('d', 4, T + 5, 'calendar')).toBe(true);
		expect(l.tryAcquire('c', 10, T + 6, 'calendar')).toBe(true);
		expect(l.tryAcquire('c', 10, T + 7, 'spacing')).toBe(true);
		expect(l.tryAcquire('c', 10, T + 8, 'spacing')).toBe(false);
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
