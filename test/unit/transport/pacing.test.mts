import { describe, expect, it } from 'vitest';

import { SlidingWindowPacer, pacerFor } from '../../../nodes/ConstantContact/transport/pacing.ts';

/** Largest number of starts inside any window of `windowMs`. */
function peak(starts: number[], windowMs: number): number {
	let best = 0;
	for (let i = 0; i < starts.length; i++) {
		let n = 0;
		for (let j = i; j < starts.length && starts[j] - starts[i] < windowMs; j++) n++;
		best = Math.max(best, n);
	}
	return best;
}

describe('SlidingWindowPacer', () => {
	it('lets at most 4 requests start in any second, in arrival order', async () => {
		const pacer = new SlidingWindowPacer(4, 1000, 20);
		const starts: Array<{ id: number; at: number }> = [];
		const t0 = Date.now();
		await Promise.all(
			Array.from({ length: 10 }, async (_, id) => {
				await pacer.acquire();
				starts.push({ id, at: Date.now() - t0 });
			}),
		);
		expect(starts.map((s) => s.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(peak(starts.map((s) => s.at), 1000)).toBe(4);
		// 10 starts at 4 per second need two full windows, and not much more.
		expect(starts[9].at).toBeGreaterThanOrEqual(2000);
		expect(starts[9].at).toBeLessThan(2600);
	});

	it('reserves two slots for a request that will be retried after a refresh', async () => {
		const pacer = new SlidingWindowPacer(4, 1000, 0);
		const t0 = Date.now();
		await pacer.acquire(2);
		await pacer.acquire(2);
		await pacer.acquire(1);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(990);
	});

	it('shares one budget per Constant Contact app across callers', () => {
		expect(pacerFor('app-a')).toBe(pacerFor('app-a'));
		expect(pacerFor('app-a')).not.toBe(pacerFor('app-b'));
		expect(pacerFor('app-a').limit).toBe(4);
	});
});
