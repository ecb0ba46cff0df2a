/**
 * The pacer as a pure state machine (time passed in), its FIFO gate, and deterministic simulations
 * of several processes sharing one app against a strict one-second sliding window (and, without
 * targets, against every other model of how Constant Contact may count).
 */
import { describe, expect, it } from 'vitest';

import { AppPacer, DEFAULT_TUNING, PacerGate, pacerFor } from '../../../nodes/ConstantContact/transport/pacing.ts';
import type { PaceOutcome, PaceTicket } from '../../../nodes/ConstantContact/transport/pacing.ts';
import { simulate, workerNetwork } from '../../helpers/pacingSimulation.mts';
import type { SimulationOptions, SimulationResult } from '../../helpers/pacingSimulation.mts';
import { RATE_LIMIT_MODELS } from '../../fake-constant-contact/limits.mts';
import type { RateLimitModel } from '../../fake-constant-contact/limits.mts';

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
		const late = 150 - DEFAULT_TUNING.answerNoiseMs;
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
		expect(tickets[4].at - tickets[0].at).toBeGreaterThanOrEqual(CYCLE + 130 - DEFAULT_TUNING.answerNoiseMs);
	});

	it('a request that will go twice (401, refresh, retry) takes room for two arrivals', () => {
		const pacer = new AppPacer({}, fixedRandom());
		const first = pacer.start(pacer.earliestStart(T0, 2), 2);
		expect(pacer.earliestStart(first.at)).toBeGreaterThanOrEqual(first.at + 2 * (CYCLE / 4));
	});

	it('keeps each arrival a little more than 1000 / N ms after the one before: a late answer delays the very next start', () => {
		const pacer = new AppPacer({}, fixedRandom());
		const from = warm(pacer);
		// The first answers 80 ms later than usual: it arrived about 80 ms late, so the next request,
		// due 257.5 ms after it, waits until it is (1000 + marginMs / 2) / 4 ms after that arrival.
		const { tickets } = drive(pacer, from, 3, (i) => (i === 0 ? 130 : 50));
		const lateBy = 80 - DEFAULT_TUNING.answerNoiseMs;
		const gap = (DEFAULT_TUNING.windowMs + DEFAULT_TUNING.marginMs / 2) / 4;
		expect(tickets[1].at - tickets[0].at).toBeGreaterThanOrEqual(lateBy + gap - 0.001);
		// On time again, the next keeps the usual spacing from it.
		expect(tickets[2].at - tickets[1].at).toBeCloseTo(CYCLE / 4, 0);
	});

	it("alone, a 429 right after its own late arrival is its own timing: it keeps the whole window (a spacing count refuses that, not another process)", () => {
		const pacer = new AppPacer({}, fixedRandom());
		const from = warm(pacer);
		const a = pacer.start(pacer.earliestStart(from), 1, 'GET /contacts');
		const b = pacer.start(pacer.earliestStart(a.at), 1, 'GET /contacts');
		// a answered 60 ms late (arrived late), b on time and refused: they arrived about 200 ms apart.
		pacer.settle(a, a.at + 110, 'accepted');
		pacer.settle(b, b.at + 50, 'throttled');
		expect(pacer.share).toBe(4);
		expect(pacer.shared(b.at + 50)).toBe(false);
	});

	it('alone, a 429 for a request that arrived at its usual distance means another process: contention begins', () => {
		const pacer = new AppPacer({}, fixedRandom());
		const from = warm(pacer);
		const a = pacer.start(pacer.earliestStart(from), 1, 'GET /contacts');
		const b = pacer.start(pacer.earliestStart(a.at), 1, 'GET /contacts');
		pacer.settle(a, a.at + 50, 'accepted');
		pacer.settle(b, b.at + 50, 'throttled');
		expect(pacer.share).toBe(1);
		expect(pacer.shared(b.at + 50)).toBe(true);
	});

	it('paces at the rate it is given: 10 per second for a partner key, as the credential sets it', () => {
		const pacer = new AppPacer({ limit: 10 }, fixedRandom());
		const { tickets } = drive(pacer, T0, 60);
		const starts = tickets.map((t) => t.at);
		expect(peak(starts)).toBe(10);
		expect((starts[59] - starts[0]) / 59).toBeCloseTo(CYCLE / 10, 0);
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

/** A 429 for one request: contention begins (or, once shared, a squeeze). Returns when it was answered. */
function refuseOne(pacer: AppPacer, now: number): number {
	const t = pacer.start(pacer.earliestStart(now));
	pacer.settle(t, t.at + 50, 'throttled');
	return t.at + 50;
}

/**
 * Runs a pacer until `until`, answering after 50 ms: accepted, except requests started while the
 * pacer asks for more than `cap` slots (a probe beyond `cap`: no room there). Returns the time reached.
 */
function runCapped(pacer: AppPacer, from: number, until: number, cap = 4): number {
	let now = from;
	for (let at = pacer.earliestStart(now); at < until; at = pacer.earliestStart(now)) {
		const t = pacer.start(at);
		pacer.settle(t, (now = t.at + 50), pacer.share > cap ? 'throttled' : 'accepted');
	}
	pacer.earliestStart(until);
	return until;
}

/** The first instant in [from, from + withinMs) at which the pacer asks for more than `share` slots (a probe begins). */
function probeStartsAt(pacer: AppPacer, from: number, share: number, withinMs = 10_000): number {
	for (let t = from; t < from + withinMs; t += 10) {
		pacer.earliestStart(t);
		if (pacer.share > share) return t;
	}
	return Number.POSITIVE_INFINITY;
}

describe('AppPacer sharing the app', () => {
	const E = DEFAULT_TUNING.epochMs;

	it('contention begins with a 429: one slot, then probes climb back to 4 while nothing is refused', () => {
		const pacer = new AppPacer({}, fixedRandom());
		const now = refuseOne(pacer, warm(pacer, T0 + 500));
		expect(pacer.share).toBe(1);
		expect(pacer.shared(now)).toBe(true);
		runCapped(pacer, now, now + 3000);
		expect(pacer.share).toBeGreaterThanOrEqual(2);
		runCapped(pacer, now + 3000, T0 + E - 100);
		expect(pacer.share).toBe(4);
	});

	it('a probe proves its slot with extra requests right after its own, a cycle and a bit apart, and uses it only after 2 went through', () => {
		const pacer = new AppPacer({}, fixedRandom());
		let now = refuseOne(pacer, warm(pacer, T0 + 500));
		const starts: Array<{ at: number; share: number }> = [];
		// One slot until the probe to 2 begins; follow it until the next probe (to 3) begins.
		while (!starts.some((s) => s.share === 3)) {
			const at = pacer.earliestStart(now);
			starts.push({ at, share: pacer.share });
			pacer.settle(pacer.start(at), (now = at + 50), 'accepted');
		}
		const probing = starts.findIndex((s) => s.share === 2);
		const gap = (i: number): number => starts[probing + i].at - starts[probing + i - 1].at;
		// The extra right after an own request (as soon as its answer is in: 50 ms), the next own one
		// at the old pace (a cycle after the last own one), the second extra soon after it, but a cycle
		// and 120 ms after the first extra: a process whose slot the first one took is back before it.
		const lag = DEFAULT_TUNING.extraLagMs;
		expect(lag).toBe(120);
		expect(gap(0)).toBeLessThanOrEqual(50);
		expect(gap(1)).toBeGreaterThanOrEqual(CYCLE - 50);
		expect(gap(2)).toBeLessThanOrEqual(lag + 50);
		expect(starts[probing + 2].at - starts[probing].at).toBeGreaterThanOrEqual(CYCLE + lag);
		// Both went through: the new share is used, never more than 2 starts within a cycle meanwhile.
		expect(starts.filter((s) => s.share === 2).length).toBeGreaterThanOrEqual(4);
		expect(peak(starts.filter((s) => s.share === 2).map((s) => s.at), CYCLE)).toBeLessThanOrEqual(2);
	});

	it("a race's probe begins between two own requests: its second extra comes a cycle and the lag after the first, not a cycle later", () => {
		// The race's place is on the wall clock, the own requests' phase is anything. If the second extra
		// waited for an own request half a cycle after the first, it could come up to a cycle late, and a
		// process probing after it (the holder getting its slot back) would prove first and take the slot.
		const lag = DEFAULT_TUNING.extraLagMs;
		const boundary = T0 + 2 * E;
		for (let phase = 0; phase < CYCLE; phase += 50) {
			const pacer = new AppPacer({}, fixedRandom());
			// Shared at one slot (its probes refused), no requests waiting from 3 s before the boundary.
			let now = runCapped(pacer, refuseOne(pacer, warm(pacer, T0 + 500)), boundary - 3000, 1);
			expect(pacer.share).toBe(1);
			// Requests wait again from `phase` into the second before the boundary: the own requests' phase.
			// Polled every 5 ms (the gate looks at least every 25 ms), each answered 50 ms after it starts.
			now = boundary - 2000 + phase;
			const starts: Array<{ at: number; share: number }> = [];
			const pending: Array<{ ticket: PaceTicket; at: number }> = [];
			for (; now < boundary + 5000; now += 5) {
				while (pending.length && pending[0].at <= now) pacer.settle(pending.shift()!.ticket, now, 'accepted');
				if (pacer.earliestStart(now) > now) continue;
				starts.push({ at: now, share: pacer.share });
				pending.push({ ticket: pacer.start(now), at: now + 50 });
			}
			// The race's probe begins a cycle after the boundary (never held a second slot: first in the race)
			// with its first extra; own requests keep a cycle apart; any other start in between is an extra.
			const first = starts.findIndex((s) => s.share === 2);
			expect(starts[first].at - boundary).toBeCloseTo(CYCLE + DEFAULT_TUNING.raceJitterMs / 2, -1);
			const lastOwn = starts[first - 1].at;
			const own = (at: number): boolean => Math.abs((at - lastOwn) % CYCLE) < 10 || Math.abs((at - lastOwn) % CYCLE) > CYCLE - 10;
			const second = starts.slice(first + 1).find((s) => !own(s.at))!;
			expect(second.at - starts[first].at).toBeGreaterThanOrEqual(CYCLE + lag);
			expect(second.at - starts[first].at).toBeLessThanOrEqual(CYCLE + lag + 30);
		}
	});

	it('after 3 s with no request waiting, a process that shared the app starts over at one slot and climbs; a lone one keeps the whole window', () => {
		// n8n workers live on between bursts: when the next burst comes, the others may hold the slots it had.
		const pacer = new AppPacer({}, fixedRandom());
		let now = runCapped(pacer, refuseOne(pacer, warm(pacer, T0 + 500)), T0 + 6000, 2);
		expect(pacer.share).toBe(2);
		// A shorter pause changes nothing.
		now += DEFAULT_TUNING.idleResetMs - 100;
		pacer.earliestStart(now);
		expect(pacer.share).toBeGreaterThanOrEqual(2);
		now += DEFAULT_TUNING.idleResetMs;
		const first = pacer.earliestStart(now);
		expect(pacer.share).toBe(1);
		expect(first).toBe(now);
		// It climbs as when contention begins (through the next boundary), here up to the whole window.
		runCapped(pacer, now, now + 9000);
		expect(pacer.share).toBe(4);

		const alone = new AppPacer({}, fixedRandom());
		now = drive(alone, T0 + 500, 20).end;
		alone.earliestStart(now + 60_000);
		expect(alone.share).toBe(4);
	});

	it('a refused extra fails the probe alone: back to the share before it, the same pace, no new probe for a while', () => {
		const pacer = new AppPacer({}, fixedRandom());
		let now = refuseOne(pacer, warm(pacer, T0 + 500));
		now = runCapped(pacer, now, now + 8000, 2);
		expect(pacer.share).toBe(2);
		// The climb stopped at 2 (its probe to 3 was refused), and holds there until the boundary.
		const before = pacer.earliestStart(now);
		expect(probeStartsAt(pacer, now, 2, T0 + E - now - 10)).toBe(Number.POSITIVE_INFINITY);
		expect(pacer.earliestStart(now)).toBe(before);
	});

	it('the first squeeze after a boundary only moves the phase; a second halves a share of 2 or more; one slot halves only after 2 squeezes within 10 s', () => {
		const pacer = new AppPacer({ reprobeMs: 1e9 }, fixedRandom());
		let now = refuseOne(pacer, warm(pacer, T0 + 500));
		now = runCapped(pacer, now, now + 8000, 2);
		expect(pacer.share).toBe(2);
		const squeeze = (): void => {
			now = refuseOne(pacer, now + DEFAULT_TUNING.settleMs);
		};
		squeeze();
		expect(pacer.share).toBe(2);
		squeeze();
		expect(pacer.share).toBe(1);
		squeeze();
		expect(pacer.share).toBe(1);
		squeeze();
		expect(pacer.share).toBe(0.5);
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

	it('at a boundary a second slot is handed back and raced for: who held one longest ago first; the holder whose hand-back was taken sits the next race out', () => {
		// Three processes that began sharing at the same 429, two stopped at one slot, one at two.
		const make = (cap: number): AppPacer => {
			const pacer = new AppPacer({}, fixedRandom(0));
			runCapped(pacer, refuseOne(pacer, warm(pacer, T0 + 500)), T0 + E - 100, cap);
			return pacer;
		};
		const holder = make(2);
		const never = make(1);
		expect([holder.share, never.share]).toEqual([2, 1]);
		// The boundary: the holder hands its second slot back.
		holder.earliestStart(T0 + E);
		never.earliestStart(T0 + E);
		expect(holder.share).toBe(1);
		const neverProbes = probeStartsAt(never, T0 + E, 1, 3000);
		const holderProbes = probeStartsAt(holder, T0 + E, 1, 3000);
		// A cycle for the old shares to leave the server's window, then the one that never held a second slot.
		expect(neverProbes).toBeGreaterThanOrEqual(T0 + E + CYCLE);
		expect(neverProbes).toBeLessThan(holderProbes);
		// The holder's try comes too late (the other took the slot): it is refused, one slot.
		runCapped(holder, holderProbes, T0 + 2 * E - 100, 1);
		expect(holder.share).toBe(1);
		// Next boundary: the former holder, whose hand-back was taken, sits out.
		expect(probeStartsAt(holder, T0 + 2 * E, 1, 5000)).toBe(Number.POSITIVE_INFINITY);
	});

	it('only the process whose hand-back was just taken sits a race out: one squeezed to one slot just before a boundary races', () => {
		// When two sat out (one squeezed, or one that held a second slot in an earlier burst), nobody
		// raced, the holder's hand-back came straight back and it skipped the next boundary too: one
		// process held the second slot for 45 s and finished long before the others.
		const pacer = new AppPacer({}, fixedRandom(0));
		runCapped(pacer, refuseOne(pacer, warm(pacer, T0 + 500)), T0 + E - 3000, 2);
		expect(pacer.share).toBe(2);
		// Squeezed twice (someone else needs room): one slot, 3 s before the boundary.
		refuseOne(pacer, T0 + E - 2900);
		refuseOne(pacer, T0 + E - 1800);
		expect(pacer.share).toBe(1);
		runCapped(pacer, T0 + E - 1700, T0 + E - 100, 1);
		expect(probeStartsAt(pacer, T0 + E, 1, 3000)).toBeLessThan(T0 + E + 3000);
	});

	it('a second slot held only for a moment is not a turn: after its hand-back was taken, the process races next time', () => {
		// Several processes that climbed at once all hand a slot back at the first boundary and all but
		// one are refused getting it back; had they all sat the next race out, nobody would race.
		const pacer = new AppPacer({}, fixedRandom(0));
		runCapped(pacer, refuseOne(pacer, warm(pacer, T0 + E - 6000)), T0 + E - 100, 2);
		expect(pacer.share).toBe(2);
		pacer.earliestStart(T0 + E);
		expect(pacer.share).toBe(1);
		// Its try to get the slot back is refused: another process took it.
		runCapped(pacer, T0 + E, T0 + 2 * E - 100, 1);
		expect(pacer.share).toBe(1);
		expect(probeStartsAt(pacer, T0 + 2 * E, 1, 3000)).toBeLessThan(T0 + 2 * E + 3000);
	});

	it('a hand-back that comes straight back (two processes on 2 + 2) skips the next boundary, then two', () => {
		const pacer = new AppPacer({}, fixedRandom(0));
		runCapped(pacer, refuseOne(pacer, warm(pacer, T0 + 500)), T0 + E - 100, 2);
		const sharesAfterBoundaries: number[] = [];
		for (let k = 1; k <= 4; k++) {
			pacer.earliestStart(T0 + k * E + 10);
			sharesAfterBoundaries.push(pacer.share);
			runCapped(pacer, T0 + k * E + 10, T0 + (k + 1) * E - 100, 2);
			expect(pacer.share).toBe(2);
		}
		expect(sharesAfterBoundaries).toEqual([1, 2, 1, 2]);
	});

	it('a process that held the whole window through a whole boundary without a 429 is alone: the next boundary does not re-divide', () => {
		const pacer = new AppPacer({}, fixedRandom());
		// A stray 429 early in an epoch (a cold request arriving late): contention begins.
		const now = refuseOne(pacer, warm(pacer, T0 + 1000));
		// Probes find room, back to 4 within the epoch; the next boundary (the 429 less than an epoch
		// before) hands back and gets it back; at the one after, the app is still "shared" (a 429
		// within the last minute) but this process held 4 for a whole epoch without one.
		runCapped(pacer, now, T0 + E - 100);
		expect(pacer.share).toBe(4);
		pacer.earliestStart(T0 + E + 100);
		expect(pacer.share).toBe(1);
		runCapped(pacer, T0 + E + 100, T0 + 2 * E - 100);
		expect(pacer.share).toBe(4);
		expect(pacer.shared(T0 + 2 * E + 100)).toBe(true);
		runCapped(pacer, T0 + 2 * E - 100, T0 + 2 * E + 100);
		expect(pacer.share).toBe(4);
	});

	it('a minute without a 429 ends the sharing: no more boundaries, the share grows back to 4', () => {
		const pacer = new AppPacer({}, fixedRandom());
		const t = pacer.start(pacer.earliestStart(warm(pacer)));
		pacer.settle(t, t.at + 50, 'throttled');
		expect(pacer.shared(t.at + 50)).toBe(true);
		// Stuck at 2 (its probes beyond refused) until the minute is over, then back to 4.
		runCapped(pacer, t.at + 50, t.at + 50 + DEFAULT_TUNING.calmAfterMs - 1000, 2);
		expect(pacer.share).toBeLessThanOrEqual(2);
		const end = t.at + 50 + DEFAULT_TUNING.calmAfterMs + 40_000;
		runCapped(pacer, pacer.earliestStart(t.at + 50 + DEFAULT_TUNING.calmAfterMs), end);
		expect(pacer.shared(end)).toBe(false);
		expect(pacer.share).toBe(4);
	});

	it('after a hand-back that came straight back, half a minute without a 429 ends the sharing: the last process left climbs back', () => {
		// Two processes on 2 + 2; at the second boundary the other one has finished.
		const alone = new AppPacer({}, fixedRandom(0));
		runCapped(alone, refuseOne(alone, warm(alone, T0 + 500)), T0 + E - 100, 2);
		runCapped(alone, T0 + E - 100, T0 + 2 * E - 100, 2);
		expect(alone.share).toBe(2);
		runCapped(alone, T0 + 2 * E - 100, T0 + 45_000, 4);
		expect(alone.shared(T0 + 45_000)).toBe(false);
		expect(alone.share).toBe(4);
		// Where the hand-back was taken (a third process took the slot), a minute it stays.
		const rotating = new AppPacer({}, fixedRandom(0));
		runCapped(rotating, refuseOne(rotating, warm(rotating, T0 + 500)), T0 + E - 100, 2);
		runCapped(rotating, T0 + E - 100, T0 + E + 5000, 1);
		runCapped(rotating, T0 + E + 5000, T0 + 45_000, 4);
		expect(rotating.shared(T0 + 45_000)).toBe(true);
		expect(rotating.share).toBeLessThanOrEqual(2);
	});

	it('a 429 soon after the sharing ended (another process probing) shares again at two slots and moves the phase, without dropping to one', () => {
		const pacer = new AppPacer({}, fixedRandom(0.5));
		const t = pacer.start(pacer.earliestStart(warm(pacer)));
		pacer.settle(t, t.at + 50, 'throttled');
		const calm = t.at + 50 + DEFAULT_TUNING.calmAfterMs + 30_000;
		runCapped(pacer, t.at + 50, calm);
		expect(pacer.shared(calm)).toBe(false);
		expect(pacer.share).toBe(4);
		const due = pacer.earliestStart(calm);
		const after = refuseOne(pacer, calm);
		// Two slots, an even split with one other (its climb after the calm may have taken the other's).
		expect(pacer.share).toBe(2);
		expect(pacer.shared(after)).toBe(true);
		expect(pacer.earliestStart(after)).toBeGreaterThan(due + 100);
		// Long after the sharing ended, a 429 is contention beginning again: one slot.
		const later = after + DEFAULT_TUNING.sharedMemoryMs + 60_000;
		runCapped(pacer, after, later);
		expect(pacer.shared(later)).toBe(false);
		refuseOne(pacer, later);
		expect(pacer.share).toBe(1);
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
			// Issue 11's own bound: no process below half of another.
			expect(fairness(r)).toBeGreaterThanOrEqual(0.5);
		}
		expect(mean(results.map(ratio))).toBeLessThanOrEqual(0.035);
		expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(3.5);
	});

	it('three processes on 4 slots: everything gets through, the 4th slot goes round, few refusals', () => {
		const results = run(3, { latencyMs: 50 });
		for (const r of results) {
			expect(r.processes.every((p) => p.finished)).toBe(true);
			expect(fairness(r)).toBeGreaterThanOrEqual(0.6);
		}
		expect(mean(results.map(ratio))).toBeLessThanOrEqual(0.05);
		expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(3.5);
	});

	it('at 400 ms latency the same holds for two and three processes', () => {
		for (const processes of [2, 3]) {
			const results = run(processes, { latencyMs: 400 });
			for (const r of results) expect(r.processes.every((p) => p.finished)).toBe(true);
			expect(mean(results.map(ratio))).toBeLessThanOrEqual(0.06);
			expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(3.4);
		}
	});

	it('a server that counts refused requests too (the harsher reading): still everything gets through, at a cost with three', () => {
		// A refused probe then fills the window for a second, and its neighbours' requests meet it:
		// two processes see about 7 % refused and 3.35 per second (each probe after half a minute of
		// calm costs a few 429s there, one in the documented reading), three about 11 % and 2.8.
		for (const [processes, refused, rate] of [
			[2, 0.09, 3.2],
			[3, 0.14, 2.6],
		]) {
			const results = run(processes, { latencyMs: 50, model: 'refusedCounted' });
			for (const r of results) expect(r.processes.every((p) => p.finished)).toBe(true);
			expect(mean(results.map(ratio))).toBeLessThanOrEqual(refused);
			expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(rate);
		}
	});
});

/**
 * The queue-mode e2e suite's shape: each worker runs `--concurrency` executions of 4 item lanes
 * that start a little apart, answers jitter (credentials read per request, execution data saved),
 * and the event loop stalls now and then; a worker's demand falls as its executions finish. With
 * the slots beyond one going round in order every 15 s, workers with equal work finish close
 * together, so little is lost at the end of the run.
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

	/** Every run delivered everything, never 5 accepted in a second, each fair enough; on average the rate and the refused share. */
	const expectTargets = (results: SimulationResult[], { minFairness, maxRefused, minRate }: { minFairness: number; maxRefused: number; minRate: number }): void => {
		for (const r of results) {
			expect(r.processes.every((p) => p.finished)).toBe(true);
			expect(r.peakAcceptedPerWindow).toBeLessThanOrEqual(4);
			expect(fairness(r)).toBeGreaterThanOrEqual(minFairness);
		}
		expect(mean(results.map(ratio))).toBeLessThanOrEqual(maxRefused);
		expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(minRate);
	};

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
			// Issue 21's target for one process is 3.7; the arrival spacing costs about 0.3 % here.
			expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(3.75);
		}
	});

	it('unequal work (a worker with 5 executions beside one with 1): everything delivered; the one left alone climbs back within about half a minute', () => {
		// Its hand-backs come straight back once the other has finished, and half a minute without a
		// 429 after one ends the sharing: about 3.7 per second over the run (docs/queue-mode.md); with
		// a minute (before), 3.2.
		const results = runSeeds({ processes: 2, requestsPerProcess: 0, requestsOf: [300, 60], executionsOf: [5, 1], lanes: 4, executionStaggerMs: 1500, network: workerNetwork, stalls: { everyMs: 1000, meanMs: 20 } });
		for (const r of results) {
			expect(r.processes.every((p) => p.finished)).toBe(true);
			expect(r.peakAcceptedPerWindow).toBeLessThanOrEqual(4);
		}
		expect(mean(results.map(ratio))).toBeLessThanOrEqual(0.03);
		expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(3.5);
	});

	it('long-lived workers: the next burst, 5 s after the last, starts over at one slot and meets the same targets with 3 workers', () => {
		// Without starting over, each worker began the burst at the share it ended the last one with
		// (2 + 2 + 1 and more for 4 slots), one was squeezed to half a slot: 3.68 per second over 60 seeds, here 3.72.
		const results = queue(3, { latencyMs: 50, rounds: 2, roundGapMs: 5000 });
		const stale = queue(3, { latencyMs: 50, rounds: 2, roundGapMs: 5000, tuning: { idleResetMs: Number.POSITIVE_INFINITY } });
		expectTargets(results, { minFairness: 0.9, maxRefused: 0.04, minRate: 3.65 });
		expect(Math.min(...stale.map(fairness))).toBeLessThan(0.9);
	});

	it("two and three workers: everything delivered, issue 11's targets on average (≥ 3.6 per second, ≤ 5 % refused, fair shares)", () => {
		for (const processes of [2, 3]) expectTargets(queue(processes, { latencyMs: 50 }), { minFairness: 0.5, maxRefused: 0.05, minRate: 3.6 });
	});
});

/**
 * Accepted arrivals beyond what the model allows, checked here independently of limits.mts (brute
 * force, from each model's definition): none, or a description of the first.
 */
function overModel(model: RateLimitModel, rate: number, accepted: number[]): string | undefined {
	const t = [...accepted].sort((a, b) => a - b);
	switch (model) {
		case 'sliding':
		case 'refusedCounted': {
			// The accepted ones alone, in any (x − 1000, x]; refusedCounted is stricter on what it accepts, never looser.
			const p = peak(t);
			return p > rate ? `${p} accepted within a sliding second` : undefined;
		}
		case 'calendar': {
			const perSecond = new Map<number, number>();
			for (const x of t) perSecond.set(Math.floor(x / 1000), (perSecond.get(Math.floor(x / 1000)) ?? 0) + 1);
			const most = Math.max(0, ...perSecond.values());
			return most > rate ? `${most} accepted within one calendar second` : undefined;
		}
		case 'tokenBucket':
			// Any run of accepted arrivals from t[i] to t[j]: at most the burst plus the refill in between.
			for (let i = 0; i < t.length; i++) {
				for (let j = i; j < t.length; j++) {
					if (j - i + 1 > rate + ((t[j] - t[i]) * rate) / 1000 + 1e-3) return `${j - i + 1} accepted within ${(t[j] - t[i]).toFixed(1)} ms`;
				}
			}
			return undefined;
		case 'spacing':
			for (let i = 1; i < t.length; i++) if ((t[i] - t[i - 1]) * rate < 1000 - 1e-6) return `two accepted ${(t[i] - t[i - 1]).toFixed(2)} ms apart`;
			return undefined;
	}
}

/**
 * Today's pacer (tuned for the sliding window, assuming 4 per second) against every model, at 4 and
 * at 10 per second: only what must always hold is asserted, every request accepted in the end and
 * never more accepted than the model allows. Its rate and 429s under each model are measured, not
 * asserted (docs/pacing.md, "How Constant Contact may count"): it misses issue 11's targets under some.
 */
describe('simulated processes against every model of how Constant Contact may count', () => {
	const shapes: Array<[string, Omit<SimulationOptions, 'seed'>]> = [
		['one process', { processes: 1, requestsPerProcess: 120, lanes: 24, latencyMs: 50 }],
		[
			'three queue-mode workers',
			{ processes: 3, requestsPerProcess: 60, executions: 2, lanes: 4, executionStaggerMs: 1500, network: workerNetwork, stalls: { everyMs: 1000, meanMs: 20 }, latencyMs: 50 },
		],
	];
	for (const model of RATE_LIMIT_MODELS) {
		it(`${model}: every request accepted in the end, never more than N accepted within a second as ${model} counts (N = 4 and 10)`, () => {
			for (const limit of [4, 10]) {
				for (const [, shape] of shapes) {
					for (const r of runSeeds({ ...shape, model, limit, tuning: { limit } }, [1, 2])) {
						expect(r.processes.every((p) => p.finished)).toBe(true);
						expect(r.acceptedArrivals).toHaveLength(shape.processes * shape.requestsPerProcess);
						expect(overModel(model, limit, r.acceptedArrivals)).toBeUndefined();
					}
				}
			}
		});
	}

	it("one process meets issue 21's targets however Constant Contact counts: ≥ 3.7 accepted per second, ≤ 1 % 429s", () => {
		// A spacing count refused a lone process's own late arrivals, which it took for another process:
		// 1.77 per second before. Its own timing is now told apart (and kept from happening).
		for (const model of RATE_LIMIT_MODELS) {
			const results = runSeeds({ processes: 1, requestsPerProcess: 360, lanes: 24, latencyMs: 50, model });
			expect(mean(results.map((r) => r.acceptedPerSecond)), model).toBeGreaterThanOrEqual(3.7);
			expect(mean(results.map(ratio)), model).toBeLessThanOrEqual(0.01);
		}
	});

	it('a partner key paced at its 10 per second: one process uses 9.3 or more of them (3.85 when the pacer assumed 4)', () => {
		const results = runSeeds({ processes: 1, requestsPerProcess: 600, lanes: 24, latencyMs: 50, limit: 10, tuning: { limit: 10 } });
		expect(mean(results.map((r) => r.acceptedPerSecond))).toBeGreaterThanOrEqual(9.3);
		expect(mean(results.map(ratio))).toBeLessThanOrEqual(0.01);
	});

	it('the simulation counts as the model says: the same seeds give other outcomes under other models', () => {
		const [, workers] = shapes[1];
		const throttled = RATE_LIMIT_MODELS.map((model) => simulate({ ...workers, model, seed: 1 }).throttled);
		expect(new Set(throttled).size).toBeGreaterThan(1);
		// The deprecated refusedCount is refusedCounted.
		expect(simulate({ ...workers, refusedCount: true, seed: 1 })).toEqual(simulate({ ...workers, model: 'refusedCounted', seed: 1 }));
	});
});
