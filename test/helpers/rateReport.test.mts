import { describe, expect, it } from 'vitest';

import { rateReport, rateTargetFailures, rateTimeline, windowViolations } from './rateReport.mts';

/** `n` requests from `owner`, `gapMs` apart from `from`, all with `status`. */
const run = (owner: string, from: number, n: number, gapMs: number, status = 200) =>
	Array.from({ length: n }, (_, i) => ({ owner, receivedAt: from + i * gapMs, status }));

describe('rateReport', () => {
	it('measures accepted requests per second, 429s, and each owner\'s share while all were busy', () => {
		const report = rateReport([...run('w1', 0, 21, 500), ...run('w2', 250, 21, 500), { owner: 'w2', receivedAt: 260, status: 429 }]);
		expect(report.requests).toBe(43);
		expect(report.throttled).toBe(1);
		expect(report.accepted).toBe(42);
		// 42 accepted from 0 to 10,250 ms.
		expect(report.acceptedPerSecond).toBeCloseTo(41 / 10.25, 2);
		expect(report.owners.map((o) => [o.owner, o.accepted, o.throttled])).toEqual([['w1', 21, 0], ['w2', 21, 1]]);
		expect(report.fairness).toBeGreaterThan(0.9);
		expect(report.peakPerSecond).toBe(4);
	});

	it('tells an unfair split: a worker that got a third of another\'s share', () => {
		const report = rateReport([...run('w1', 0, 30, 333), ...run('w2', 0, 10, 1000)]);
		expect(report.fairness).toBeLessThan(0.5);
		expect(rateTargetFailures(report, 2).join()).toMatch(/smallest accepted share/);
	});

	it('checks the targets: one process sees no 429 and ≥ 3.85/s; several see ≤ 5 % 429s and ≥ 3.6/s', () => {
		const alone = rateReport(run('w1', 0, 40, 258));
		expect(rateTargetFailures(alone, 1)).toEqual([]);
		const throttled = rateReport([...run('w1', 0, 40, 258), { owner: 'w1', receivedAt: 100, status: 429 }]);
		expect(rateTargetFailures(throttled, 1).join()).toMatch(/saw 1 429/);
		const slow = rateReport([...run('w1', 0, 20, 600), ...run('w2', 300, 20, 600)]);
		expect(rateTargetFailures(slow, 2).join()).toMatch(/expected ≥ 3.6/);
	});

	it('tells 5 accepted arrivals within one second apart from the rate targets', () => {
		expect(windowViolations(rateReport(run('w1', 0, 40, 258)))).toEqual([]);
		expect(windowViolations(rateReport(run('w1', 0, 5, 200))).join()).toMatch(/5 requests were accepted within one second/);
	});

	it('checks the window as the fake counted: a calendar second or a token bucket may accept 5 within a sliding second', () => {
		// 4 at the end of one calendar second, 4 at the start of the next.
		const acrossSeconds = run('w1', 1_700_000_000_996, 8, 1);
		expect(windowViolations(rateReport(acrossSeconds)).join()).toMatch(/8 requests were accepted within one second \(the fake allows 4\)/);
		expect(windowViolations(rateReport(acrossSeconds, { model: 'calendar', rate: 4 }))).toEqual([]);
		expect(windowViolations(rateReport(acrossSeconds, { model: 'sliding', rate: 10 }))).toEqual([]);
		expect(windowViolations(rateReport(run('w1', 0, 5, 200), { model: 'tokenBucket', rate: 4 }))).toEqual([]);
		expect(windowViolations(rateReport(run('w1', 0, 5, 200), { model: 'spacing', rate: 4 })).join()).toMatch(/2 accepted request\(s\) beyond 4 per second as spacing counts/);
	});

	it('draws how the shares moved: accepted/429 per owner per bucket, from the first arrival', () => {
		const lines = rateTimeline([...run('w1', 1000, 6, 1000), ...run('w2', 1500, 2, 1000), { owner: 'w2', receivedAt: 1600, status: 429 }], 5000);
		expect(lines).toEqual(['   0 s  w1 5/0  w2 2/1', '   5 s  w1 1/0  w2 0/0']);
	});
});
