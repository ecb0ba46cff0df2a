/**
 * The pacer as a pure state machine (time passed in), its FIFO gate, and deterministic simulations
 * of several processes sharing one app against a strict one-second sliding window.
 */
import { describe, expect, it } from 'vitest';

import { AppPacer, DEFAULT_TUNING, PacerGate, pacerFor } from '../../../nodes/ConstantContact/transport/pacing.ts';
import type { PaceOutcome, PaceTicket } from '../../../nodes/ConstantContact/transport/pacing.ts';
import { simulate, workerNetwork } from '../../helpers/pacingSimulation.mts';
import type { SimulationOptions, SimulationResult } from '../../helpers/pacingSimulation.mts';

const CYCLE = DEFAULT_TUNING.windowMs + DEFAULT_TUNING.marginMs;
/** A wall-clock instant at the start of an epoch, so epoch boundaries are where the tests expect. */
const T0 = Math.ceil(1_700_000_000_000 / DEFAULT_TUNING.epochMs) * DEFAULT_TUNING.epochMs;

/** Largest number of instants inside any window of `windowMs` (half-open, like the server's). */
function peak(times: number[], windowMs = 1000): number {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	for (let i = 0, j = 0; i < sorted.length; i++) {
		while (sorted[j] <= sorted[i] - windowMs) j++;
		best = Math.max(best, i - j + 1);
	}
	return best;
}

/**
 * Drives one pacer with `count` requests always waiting: each starts as soon as the pacer allows
 * and is answered `answerMs(i)` later with `outcome(i)`. Returns the tickets in start order.
 */
function drive(
	pacer: AppPacer,
	from: number,
	count: number,
	answerMs: (i: number) => number = () => 50,
	outcome: (i: number) => PaceOutcome = () => 'accepted',
): { tickets: PaceTicket[]; end: number } {
	const tickets: PaceTicket[] = [];
	const pending: Array<{ at: number; ticket: PaceTicket; i: number }> = [];
	let now = from;
	while (tickets.length < count) {
		// Answers due before the next start come back first.
		const next = pacer.earliestStart(now);
		const due = pending.filter((p) => p.at <= next).sort((a, b) => a.at - b.at);
		if (due.length) {
			const first = due[0];
			pending.splice(pending.indexOf(first), 1);
			now = Math.max(now, first.at);
			pacer.settle(first.ticket, now, outcome(first.i));
			continue;
		}
		now = next;
		const i = tickets.length;
		const ticket = pacer.start(now, 1, 'GET /contacts');
		tickets.push(ticket);
		pending.push({ at: now + answerMs(i), ticket, i });
	}
	for (const p of pending.sort((a, b) => a.at - b.at)) pacer.settle(p.ticket, p.at, outcome(p.i));
	return { tickets, end: Math.max(now, ...pending.map((p) => p.at)) };
}

const warm = (pacer: AppPacer, from = T0): number => drive(pacer, from, DEFAULT_TUNING.warmupSamples).end + CYCLE;
const fixedRandom = (value = 0.5) => () => value;

describe('AppPacer alone', () => {
	it('holds the whole window: 4 starts per 1030 ms, evenly spaced, never 5 in a second', () => {
		const pacer = new AppPacer({}, fixedRandom());
		const { tickets } = drive(pacer, T0, 40);
		const starts = tickets.map((t) => t.at);
		expect(pacer.share).toBe(4);
		expect(peak(starts)).toBe(4);
		for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeCloseTo(CYCLE / 4, 0);
		// 40 starts: 39 spacings of 257.5 ms, i.e. 3.88 per second.
		expect((starts[39] - starts[0]) / 39).toBeCloseTo(257.5, 0);
	});

	it("counts at Constant Contact's clock: a late answer delays the start that would make 5 arrivals within a second", () => {
		const pacer = new AppPacer({}, fixedRandom());
		const from = warm(pacer);
		// The first of the next four answers 150 ms later than usual: it may have arrived that late.
		const { tickets } = drive(pacer, from, 5, (i) => (i === 0 ? 200 : 50));
		const late = 150 - DEFAULT_TUNING.toleranceMs;
		expect(tickets[4].at - tickets[0].at).toBeGreaterThanOrEqual(CYCLE + late);
		// Arrivals (start + lateness) stay more than a window apart, four starts later.
		expect(tickets[4].at - (tickets[0].at + 150)).toBeGreaterThanOrEqual(1000);
	});

	it('while fewer than 4 answers are known, a slow first answer is taken as a late arrival (a fresh process opens connections)', () => {
		const pacer = new AppPacer({}, fixedRandom());
		// Every early answer is slow; until the fourth one, nothing tells what usual is, so the fifth
		// start waits for it rather than going a cycle after the first.
		const { tickets } = drive(pacer, T0, 5, () => 400);
		expect(tickets[4].at - tickets[0].at).toBeGreaterThan(CYCLE + 100);
		expect(tickets[4].at).toBeGreaterThanOrEqual(tickets[3].at + 400);
	});

	it('re-estimates an earlier answer once a faster one shows what usual is', () => {
		const pacer = new AppPacer({ warmupSamples: 2 }, fixedRandom());
		// Two cold answers (180 ms) become the usual time... until a 50 ms answer arrives.
		drive(pacer, T0, 2, () => 180);
		const { tickets } = drive(pacer, T0 + 5 * CYCLE, 6, (i) => (i === 0 ? 180 : 50));
		// tickets[0] answered after 180 ms where 50 is usual: four starts later waits for it.
		expect(tickets[4].at - tickets[0].at).toBeGreaterThanOrEqual(CYCLE + 130 - DEFAULT_TUNING.toleranceMs);
	});

	it('a request that will go twice (401, refresh, retry) takes room for two arrivals', () => {
		const pacer = new AppPacer({}, fixedRandom());
		const first = pacer.start(pacer.earliestStart(T0, 2), 2);
		expect(pacer.earliestStart(first.at)).toBeGreaterThanOrEqual(first.at + 2 * (CYCLE / 4));
	});

	it('records progress only for requests that got through the limit', () => {
		const pacer = new AppPacer({}, fixedRandom());
		const a = pacer.start(pacer.earliestStart(T0));
		pacer.settle(a, T0 + 50, 'throttled');
		expect(pacer.lastProgressAt).toBe(Number.NEGATIVE_INFINITY);
		const b = pacer.start(pacer.earliestStart(T0 + 50));
		pacer.settle(b, b.at + 50, 'accepted');
		expect(pacer.lastProgressAt).toBe(b.at + 50);
	});
});

describe('AppPacer sharing the app', () => {
	it('contention begins with a 429: one slot, then probes one slot at a time back up while they go through', () => {
		const pacer = new AppPacer({}, fixedRandom());
		let now = warm(pacer);
		const refused = pacer.start(pacer.earliestStart(now));
		now = refused.at + 50;
		pacer.settle(refused, now, 'throttled');
		expect(pacer.share).toBe(1);
		expect(pacer.shared(now)).toBe(true);
		// A cycle later plus a random part of the race, the first probe: 2 slots.
		const { tickets, end } = drive(pacer, now, 8);
		expect(pacer.share).toBeGreaterThanOrEqual(2);
		// Nothing refused it: probes go on every few seconds, up to the whole window.
		drive(pacer, end, 40);
		expect(pacer.share).toBe(4);
		expect(tickets.length).toBe(8);
	});

	it("a probe's first extra request follows one of this process's own, so with no room it fails alone", () => {
		const pacer = new AppPacer({}, fixedRandom());
		let now = warm(pacer);
		const refused = pacer.start(pacer.earliestStart(now));
		pacer.settle(refused, (now = refused.at + 50), 'throttled');
		// Run at one slot until the probe begins (share 2), then look at the gap it makes.
		let last: PaceTicket | undefined;
		for (;;) {
			const at = pacer.earliestStart(now);
			if (pacer.share === 2) {
				// Not half a cycle after the last one (the spacing at 2 slots): right away.
				expect(at).toBe(Math.max(now, last!.at + DEFAULT_TUNING.probeGapMs));
				break;
			}
			last = pacer.start(at);
			pacer.settle(last, (now = at + 50), 'accepted');
		}
	});

	it('a failed probe goes back to the share before it and holds it until the next epoch', () => {
		const pacer = new AppPacer({}, fixedRandom());
		let now = warm(pacer);
		const refused = pacer.start(pacer.earliestStart(now));
		pacer.settle(refused, (now = refused.at + 50), 'throttled');
		// Until the probe to 2 starts; its first request is refused.
		let probe: PaceTicket | undefined;
		while (!probe) {
			const at = pacer.earliestStart(now);
			const ticket = pacer.start(at);
			if (pacer.share === 2) probe = ticket;
			else pacer.settle(ticket, (now = at + 50), 'accepted');
		}
		pacer.settle(probe, (now = probe.at + 50), 'throttled');
		expect(pacer.share).toBe(1);
		// No more probing in this epoch, however long it runs without a 429.
		const epochEnd = (Math.floor(now / DEFAULT_TUNING.epochMs) + 1) * DEFAULT_TUNING.epochMs;
		const { tickets } = drive(pacer, now, 20);
		expect(tickets.at(-1)!.at).toBeLessThan(epochEnd);
		expect(pacer.share).toBe(1);
	});

	it('the first squeeze of an epoch only moves the phase; a second one halves the share', () => {
		// No probing after the first one, so every 429 below is a squeeze.
		const pacer = new AppPacer({ afterGoodProbeMs: 1e9 }, fixedRandom());
		let now = warm(pacer);
		const first = pacer.start(pacer.earliestStart(now));
		pacer.settle(first, (now = first.at + 50), 'throttled');
		// Grow to 2 through an accepted probe.
		const { end } = drive(pacer, now, 12);
		now = end;
		expect(pacer.share).toBeGreaterThanOrEqual(2);
		const shareBefore = pacer.share;
		const squeeze = (): void => {
			const t = pacer.start(pacer.earliestStart(now + DEFAULT_TUNING.probeWindowMs + DEFAULT_TUNING.settleMs));
			pacer.settle(t, (now = t.at + 50), 'throttled');
		};
		squeeze();
		expect(pacer.share).toBe(shareBefore);
		squeeze();
		expect(pacer.share).toBe(Math.ceil(shareBefore / 2));
	});

	it('429s for requests started before the cut had settled belong to the same event: one cut', () => {
		const pacer = new AppPacer({}, fixedRandom());
		const now = warm(pacer);
		const a = pacer.start(pacer.earliestStart(now));
		const b = pacer.start(pacer.earliestStart(a.at));
		pacer.settle(a, a.at + 50, 'throttled');
		const after = pacer.share;
		pacer.settle(b, b.at + 50, 'throttled');
		expect(after).toBe(1);
		expect(pacer.share).toBe(1);
	});

	it('each epoch on the wall clock re-divides: one slot each, those that held more probe later, and nobody stays starved', () => {
		const big = new AppPacer({}, fixedRandom(0));
		const small = new AppPacer({ minShare: 0.25 }, fixedRandom(0));
		for (const pacer of [big, small]) {
			const now = warm(pacer, T0 + 1000);
			const t = pacer.start(pacer.earliestStart(now));
			pacer.settle(t, t.at + 50, 'throttled');
		}
		// big probes back to 4; small is squeezed below one slot.
		drive(big, T0 + 6000, 60);
		let now = T0 + 6000;
		for (let i = 0; i < 4; i++) {
			const t = small.start(small.earliestStart(now));
			small.settle(t, (now = t.at + 50 + DEFAULT_TUNING.settleMs + DEFAULT_TUNING.probeWindowMs), 'throttled');
		}
		expect(big.share).toBeGreaterThanOrEqual(3);
		expect(small.share).toBeLessThan(1);
		// The next epoch: both at one slot; the one that held less probes first.
		const nextEpoch = T0 + DEFAULT_TUNING.epochMs;
		const firstProbe = (pacer: AppPacer): number => {
			for (let t = nextEpoch; t < nextEpoch + 10_000; t += 10) {
				pacer.earliestStart(t);
				if (pacer.share > 1) return t;
			}
			return Number.POSITIVE_INFINITY;
		};
		big.earliestStart(nextEpoch);
		small.earliestStart(nextEpoch);
		expect(big.share).toBe(1);
		expect(small.share).toBe(1);
		expect(firstProbe(small)).toBeLessThan(firstProbe(big));
	});

	it('a process that held the whole window through a whole epoch without a 429 is alone: the next epoch does not re-divide', () => {
		const pacer = new AppPacer({}, fixedRandom());
		// A stray 429 early in an epoch (a cold request arriving late): contention begins.
		const stray = pacer.start(pacer.earliestStart(warm(pacer, T0 + 1000)));
		pacer.settle(stray, stray.at + 50, 'throttled');
		const epochMs = DEFAULT_TUNING.epochMs;
		// Probes find room, back to 4 within the epoch; the next epoch (the 429 less than an epoch
		// before) still re-divides; at the one after, the app is still "shared" (a 429 within the
		// last minute) but this process held 4 for a whole epoch without one.
		let now = stray.at + 50;
		const shareAt = (until: number): number => {
			for (let at = pacer.earliestStart(now); at < until; at = pacer.earliestStart(now)) {
				const t = pacer.start(at);
				pacer.settle(t, (now = t.at + 50), 'accepted');
			}
			pacer.earliestStart((now = until));
			return pacer.share;
		};
		expect(shareAt(T0 + epochMs - 100)).toBe(4);
		expect(shareAt(T0 + epochMs + 100)).toBe(1);
		expect(shareAt(T0 + 2 * epochMs - 100)).toBe(4);
		expect(pacer.shared(T0 + 2 * epochMs + 100)).toBe(true);
		expect(shareAt(T0 + 2 * epochMs + 100)).toBe(4);
	});

	it('a minute without a 429 ends the sharing: no more epochs, the share grows back to 4', () => {
		const pacer = new AppPacer({}, fixedRandom());
		const now = warm(pacer);
		const t = pacer.start(pacer.earliestStart(now));
		pacer.settle(t, t.at + 50, 'throttled');
		expect(pacer.shared(t.at + 50)).toBe(true);
		drive(pacer, t.at + 50 + DEFAULT_TUNING.calmAfterMs, 80);
		expect(pacer.shared(t.at + 50 + DEFAULT_TUNING.calmAfterMs + 1)).toBe(false);
		expect(pacer.share).toBe(4);
	});
});

describe('PacerGate', () => {
	it('lets requests start first come, first served, never 5 within a second', async () => {
		const gate = new PacerGate(new AppPacer());
		const starts: Array<{ id: number; at: number }> = [];
		await Promise.all(
			Array.from({ length: 10 }, async (_, id) => {
				const ticket = await gate.acquire();
				starts.push({ id, at: ticket.at });
				gate.settle(ticket, 'accepted');
			}),
		);
		expect(starts.map((s) => s.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(peak(starts.map((s) => s.at), 1000)).toBeLessThanOrEqual(4);
		// 10 starts at 257.5 ms apart: about 2.3 s, not much more.
		expect(starts[9].at - starts[0].at).toBeGreaterThanOrEqual(2300);
		expect(starts[9].at - starts[0].at).toBeLessThan(3300);
	});

	it('keeps one gate per Constant Contact app for the whole process', () => {
		expect(pacerFor('app-a')).toBe(pacerFor('app-a'));
		expect(pacerFor('app-a')).not.toBe(pacerFor('app-b'));
		expect(pacerFor('app-a').pacer.share).toBe(4);
	});
});

/** Runs a scenario over seeds and returns each result. */
function runSeeds(options: Omit<SimulationOptions, 'seed'>, seeds = [1, 2, 3, 4, 5, 6]): SimulationResult[] {
	return seeds.map((seed) => simulate({ ...options, seed }));
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const ratio = (r: SimulationResult): number => r.throttled / r.requests;
const fairness = (r: SimulationResult): number => Math.min(...r.contendedShares) / Math.max(...r.contendedShares);

/**
 * Simulated processes (the real state machine, simulated time and network: a few ms, a cold first
 * request per execution, a busy process now and then) against a strict sliding window of 4 per
 * second, the way the fake counts. Harsher than the machines the e2e suite and the benchmark run
 * on; the same targets are asserted there.
 */
describe('simulated processes sharing one app', () => {
	const run = (processes: number, extra: Partial<SimulationOptions> = {}): SimulationResult[] =>
		runSeeds({ processes, requestsPerProcess: Math.round(360 / processes), lanes: 12, ...extra });

	it('one process: no 429 at 50 and 400 ms, and the rate a single process reached before', () => {
		for (const latencyMs of [50, 400]) {
			for (const r of run(1, { latencyMs, lanes: 24 })) {
				expect(r.throttled).toBe(0);
				expect(r.peakAcceptedPerWindow).toBeLessThanOrEqual(4);
				expect(r.acceptedPerSecond).toBeGreaterThanOrEqual(3.8);
			}
		}
	});

	it('without learning from 429s (each process at 4/s, as before), two processes get a third or more of their requests refused', () => {
		const results = run(2, { adaptive: false });
		expect(mean(results.map(ratio))).toBeGreaterThan(0.3);
	});

	it('two processes: everything gets through, about 3 % refused, both get a fair share', () => {
		const results = run(2, { latencyMs: 50 });
		for (const r of results) {
			expect(r.processes.every((p) => p.finished)).toBe(true);
			expect(fairness(r)).toBeGreaterThanOrEqual(0.5);
		}
		expect(mean(results.map(ratio))).toBeLessThanOrEqual(0.05);
		expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(3.3);
	});

	it('three processes on 4 slots: everything gets through, the second slot rotates, few refusals', () => {
		const results = run(3, { latencyMs: 50 });
		for (const r of results) expect(r.processes.every((p) => p.finished)).toBe(true);
		expect(mean(results.map(fairness))).toBeGreaterThanOrEqual(0.5);
		expect(mean(results.map(ratio))).toBeLessThanOrEqual(0.07);
		expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(3.2);
	});

	it('at 400 ms latency the same holds for two and three processes', () => {
		for (const processes of [2, 3]) {
			const results = run(processes, { latencyMs: 400 });
			for (const r of results) expect(r.processes.every((p) => p.finished)).toBe(true);
			expect(mean(results.map(ratio))).toBeLessThanOrEqual(0.07);
			expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(3.1);
		}
	});

	it('a server that counts refused requests too (the harsher reading): still everything gets through', () => {
		for (const processes of [2, 3]) {
			const results = run(processes, { latencyMs: 50, refusedCount: true });
			for (const r of results) expect(r.processes.every((p) => p.finished)).toBe(true);
			expect(mean(results.map(ratio))).toBeLessThanOrEqual(0.08);
			expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(2.8);
		}
	});
});

/**
 * The queue-mode e2e suite's shape: each worker runs `--concurrency` executions of 4 item lanes
 * that start a little apart, answers jitter (credentials read per request, execution data saved),
 * and the event loop stalls now and then; a worker's demand falls as its executions finish. While
 * every worker is busy they use about 3.7 of the 3.88 requests per second; the run's total falls
 * with the tail: when one worker finishes, the others hold the shares they had (a failed probe
 * waits for the next epoch) until the next 30 s re-division and the climb after it.
 */
describe('simulated queue-mode workers (executions of 4 lanes, jitter, event-loop stalls)', () => {
	const queue = (processes: number, extra: Partial<SimulationOptions> = {}): SimulationResult[] =>
		runSeeds({
			processes,
			requestsPerProcess: Math.round(360 / processes),
			executions: { 1: 6, 2: 3, 3: 2 }[processes] ?? 2,
			lanes: 4,
			executionStaggerMs: 1500,
			network: workerNetwork,
			stalls: { everyMs: 1000, meanMs: 20 },
			...extra,
		});

	it('an execution has 4 lanes: a slow API bounds one execution by its lanes, six reach the pacer', () => {
		const one = simulate({ processes: 1, requestsPerProcess: 60, executions: 1, lanes: 4, latencyMs: 1500, network: workerNetwork, seed: 1 });
		const six = simulate({ processes: 1, requestsPerProcess: 240, executions: 6, lanes: 4, latencyMs: 1500, network: workerNetwork, seed: 1 });
		expect(one.acceptedPerSecond).toBeLessThan(4 / 1.5);
		expect(six.acceptedPerSecond).toBeGreaterThan(3);
	});

	it('one worker: at most a 429 at the start of an execution, near the single-process rate at 50 and 400 ms', () => {
		for (const latencyMs of [50, 400]) {
			const results = queue(1, { latencyMs });
			for (const r of results) {
				expect(r.throttled).toBeLessThanOrEqual(1);
				expect(r.peakAcceptedPerWindow).toBeLessThanOrEqual(4);
			}
			expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(3.6);
		}
	});

	it('two and three workers: everything delivered, 429s bounded; workers finish at different times', () => {
		for (const processes of [2, 3]) {
			const results = queue(processes, { latencyMs: 50 });
			for (const r of results) {
				expect(r.processes.every((p) => p.finished)).toBe(true);
				expect(r.peakAcceptedPerWindow).toBeLessThanOrEqual(4);
			}
			expect(mean(results.map(ratio))).toBeLessThanOrEqual(0.08);
			expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(3.2);
		}
	});
});
