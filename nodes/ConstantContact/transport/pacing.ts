import { sleep } from 'n8n-workflow';

import { REQUESTS_PER_SECOND } from './constants';

/**
 * How this n8n process paces the requests it sends for one Constant Contact app.
 *
 * Constant Contact refuses (429 `throttled`) a request that arrives when 4 others of the same app
 * arrived in the second before it, counting everything that uses the app: every workflow, every
 * n8n process (queue-mode workers), every other integration. Processes share no state, but they
 * share the wall clock, so the second is divided on it: each cycle of 1030 ms (the margin absorbs
 * clock and network noise) has 4 slots, 257.5 ms apart, at the same instants in every process.
 * A process sends only in slots it holds, each at most once per cycle, so any second holds at most
 * 4 arrivals whoever sends them, and no two processes tick in lockstep into the same slot.
 *
 * - Alone, a process holds all 4 slots: 4 requests per 1030 ms, evenly spaced.
 * - A 429 on a held slot means another process arrived in it first: the slot is theirs now.
 * - A process claims a slot by sending in it 40 ms after it begins, so a holder's request arrives
 *   first and a claim on a held slot fails alone: one 429, and the claimer stays out of it.
 * - While the app is shared (a 429 in the last minute), every 30 s on the wall clock each process
 *   keeps one slot and claims others from a random moment, those that held more later: the slots
 *   beyond one rotate, so 3 processes on 4 slots take turns at the second one. A failed claim
 *   ends claiming until the next of these epochs; a minute without a 429 ends the sharing.
 *
 * The window is counted at Constant Contact's clock, which sees a request when it arrives, not when
 * it was sent. A request whose answer took longer than the usual answer for its kind may have
 * arrived that much later (a new connection, a busy process, a slow network), so its arrival is
 * estimated as `start + (answer time − usual answer time)`, and no more of this process's arrivals
 * than it holds slots may fall within a cycle of each other: a late request delays the next use of
 * its slot. A request that will go twice (401, refresh, retry) takes two slots.
 *
 * `AppPacer` is the pure state machine (time is passed in); `PacerGate` is the FIFO async wait.
 */

/** What the answer to a paced request says about the app's per-second budget. */
export type PaceOutcome =
	/** Any answer other than 429 `throttled`: the request got through the limit. */
	| 'accepted'
	/** 429 `throttled`: the window was full when it arrived. */
	| 'throttled'
	/** No answer (network failure): it may or may not have arrived. */
	| 'unanswered';

export interface PacerTuning {
	/** Requests per window per app (Constant Contact: 4), and slots per cycle. */
	limit: number;
	windowMs: number;
	/** Added to each window: clock and network noise between this process and Constant Contact. */
	marginMs: number;
	/** A slot may still be used this long after it begins (a late timer, a busy process). */
	graceMs: number;
	/** Claims are sent this long into the slot, so the holder's request arrives first. */
	claimOffsetMs: number;
	/** While the app is shared, slots are re-divided at each multiple of this on the wall clock. */
	epochMs: number;
	/** The first claim after a re-division comes within this, at random (later by this per slot held beyond one). */
	raceMs: number;
	/** After a claim that went through, the next one waits about this long. */
	claimPauseMs: number;
	/** Without a 429 for this long, the app is no longer shared: claims go on and no epochs. */
	calmAfterMs: number;
	redivideOnContention: boolean;
	/** Answers slower than the usual one by at most this much count as on time. */
	toleranceMs: number;
	/** No arrival estimate is later than this past its start (a hung request does not stall the app). */
	maxLateMs: number;
	/** Answer times remembered per kind of request, for the usual answer time. */
	samplesPerKind: number;
	/** Until this many answers are known, any answer may hide a late arrival: assume the latest. */
	warmupSamples: number;
}

export const DEFAULT_TUNING: PacerTuning = {
	limit: REQUESTS_PER_SECOND,
	windowMs: 1000,
	marginMs: 30,
	graceMs: 200,
	claimOffsetMs: 120,
	epochMs: 30_000,
	raceMs: 600,
	claimPauseMs: 1_500,
	calmAfterMs: 60_000,
	redivideOnContention: true,
	toleranceMs: 10,
	maxLateMs: 2000,
	samplesPerKind: 16,
	warmupSamples: 4,
};

/** One granted start: what `settle` needs to learn from the answer. */
export interface PaceTicket {
	readonly at: number;
	readonly slots: number;
	readonly kind: string;
	/** The slot it was sent in. */
	readonly slot: number;
	/** Sent to claim the slot. */
	readonly claim: boolean;
}

interface Start {
	ticket: PaceTicket;
	/** How long the answer (or failure) took, once it came back. */
	answerMs?: number;
}

/** The next use a start may take: a slot at one of its occurrences, and when. */
interface Choice {
	slot: number;
	occurrence: number;
	at: number;
	claim: boolean;
}

export class AppPacer {
	readonly tuning: PacerTuning;

	private readonly random: () => number;

	/** Slots this process holds. */
	private readonly held = new Set<number>();

	/** Held slots that already survived a refusal this epoch (the next one gives them up). */
	private readonly struck = new Set<number>();

	/** When the current epoch began (slots held since before it are established). */
	private epochStart = Number.NEGATIVE_INFINITY;

	/** When each held slot was taken. */
	private readonly heldSince = new Map<number, number>();

	/** Slots found held by others this epoch (a 429 in them). */
	private readonly taken = new Set<number>();

	/** The slot being claimed, if any. */
	private claim?: number;

	/** Accepted uses of the slot being claimed so far (it is held after two in a row). */
	private claimAccepted = 0;

	/** When the next claim may be chosen. */
	private claimAt = Number.POSITIVE_INFINITY;

	/** Per slot, the earliest occurrence it may be used at again (each slot once per cycle). */
	private readonly nextUse = new Map<number, number>();

	private readonly starts: Start[] = [];

	private lastThrottledAt = Number.NEGATIVE_INFINITY;

	private epoch?: number;

	private readonly answerTimes = new Map<string, number[]>();

	/** Last time a request of this app got through (any answer but 429 throttled). */
	lastProgressAt = Number.NEGATIVE_INFINITY;

	constructor(tuning: Partial<PacerTuning> = {}, random: () => number = Math.random) {
		this.tuning = { ...DEFAULT_TUNING, ...tuning };
		this.random = random;
		for (let slot = 0; slot < this.tuning.limit; slot++) this.held.add(slot);
	}

	/** How many of the cycle's slots this process holds (its share of the app's rate). */
	get share(): number {
		return this.held.size;
	}

	private get cycleMs(): number {
		return this.tuning.windowMs + this.tuning.marginMs;
	}

	private get slotMs(): number {
		return this.cycleMs / this.tuning.limit;
	}

	/** Whether the app has been shared lately (a 429 within `calmAfterMs`). */
	shared(now: number): boolean {
		return now - this.lastThrottledAt < this.tuning.calmAfterMs;
	}

	/** The earliest time (≥ now) at which `slots` requests may start. */
	earliestStart(now: number, slots = 1): number {
		this.tick(now);
		const choice = this.choose(now, slots);
		if (choice) return Math.max(now, choice.at);
		// Nothing held and nothing to claim yet: look again when a claim may go, or in a cycle.
		return Math.max(now + 1, Math.min(this.claimAt, now + this.cycleMs));
	}

	/** Records a start at `now` (call when earliestStart(now) <= now). */
	start(now: number, slots = 1, kind = ''): PaceTicket {
		this.tick(now);
		const choice = this.choose(now, slots);
		if (!choice || choice.at > now) throw new Error('AppPacer.start called before earliestStart allowed it');
		this.nextUse.set(choice.slot, choice.occurrence + this.cycleMs);
		if (slots > 1) {
			// The retry after a refresh goes out later, at no slot: keep the next use free for it.
			const next = this.choose(now, 1);
			if (next) this.nextUse.set(next.slot, next.occurrence + this.cycleMs);
		}
		const ticket: PaceTicket = { at: now, slots, kind, slot: choice.slot, claim: choice.claim };
		this.starts.push({ ticket });
		return ticket;
	}

	/** Learns from the answer to a started request. */
	settle(ticket: PaceTicket, now: number, outcome: PaceOutcome): void {
		const start = this.starts.find((s) => s.ticket === ticket);
		const answerMs = now - ticket.at;
		if (start) start.answerMs = answerMs;
		if (outcome === 'accepted') {
			this.lastProgressAt = Math.max(this.lastProgressAt, now);
			this.remember(ticket.kind, answerMs);
		}
		if (ticket.claim && this.claim === ticket.slot && outcome !== 'unanswered') {
			// Accepted once may only mean some slot was idle that second: held after two in a row.
			if (outcome === 'accepted' && ++this.claimAccepted < 2) return;
			this.claim = undefined;
			this.claimAccepted = 0;
			if (outcome === 'accepted') {
				this.held.add(ticket.slot);
				this.heldSince.set(ticket.slot, now);
				this.claimAt = now + this.tuning.claimPauseMs * (0.5 + this.random());
			}
		}
		if (outcome === 'throttled') this.throttled(ticket, now);
	}

	private throttled(ticket: PaceTicket, now: number): void {
		const wasShared = this.shared(now);
		this.lastThrottledAt = now;
		if (!wasShared) this.epochStart = now; // every slot is up for grabs from here
		const established = (this.heldSince.get(ticket.slot) ?? now) < this.epochStart;
		if (this.held.has(ticket.slot) && !ticket.claim && established && !this.struck.has(ticket.slot)) {
			// A slot held since before this epoch survives one refusal: the newcomer gives way.
			this.struck.add(ticket.slot);
			return;
		}
		this.held.delete(ticket.slot);
		if (!wasShared && this.tuning.redivideOnContention) {
			// Someone else uses the app now: divide the slots from here.
			this.redivide(now);
			this.taken.add(ticket.slot);
			return;
		}
		this.taken.add(ticket.slot);
		if (ticket.claim) {
			// A claim found the slot held: no more claims this epoch.
			this.claimAt = Number.POSITIVE_INFINITY;
		} else if (this.held.size === 0 && this.claim === undefined) {
			// The last held slot is gone: claim another from a random moment.
			this.claimAt = Math.min(this.claimAt, now + this.random() * this.tuning.raceMs);
		}
	}

	/** Keeps one held slot, forgets which are taken, and claims again from a random moment. */
	private redivide(from: number): void {
		const held = [...this.held];
		this.held.clear();
		if (held.length) this.held.add(held[Math.floor(this.random() * held.length)]);
		this.taken.clear();
		this.claim = undefined;
		this.claimAccepted = 0;
		this.claimAt = from + (this.random() + Math.max(0, held.length - 1)) * this.tuning.raceMs;
	}

	private tick(now: number): void {
		const { epochMs, limit } = this.tuning;
		const epoch = Math.floor(now / epochMs);
		if (this.shared(now) && this.epoch !== undefined && epoch !== this.epoch) {
			this.epochStart = epoch * epochMs;
			this.struck.clear();
			this.redivide(epoch * epochMs);
		}
		this.epoch = epoch;
		if (!this.shared(now) && this.claimAt === Number.POSITIVE_INFINITY) this.claimAt = now;
		if (this.claim !== undefined || now < this.claimAt || this.held.size >= limit) return;
		const free = [...Array(limit).keys()].filter((slot) => !this.held.has(slot) && !this.taken.has(slot));
		if (free.length === 0) {
			this.claimAt = Number.POSITIVE_INFINITY;
			return;
		}
		this.claim = free[Math.floor(this.random() * free.length)];
		this.claimAccepted = 0;
		this.claimAt = Number.POSITIVE_INFINITY;
	}

	/** The held slot (or the slot being claimed) that `slots` requests may start in soonest. */
	private choose(now: number, slots: number): Choice | undefined {
		this.prune(now);
		const { graceMs, claimOffsetMs } = this.tuning;
		const candidates = [...this.held].map((slot) => ({ slot, claim: false }));
		if (this.claim !== undefined) candidates.push({ slot: this.claim, claim: true });
		// This process's arrivals within a cycle: no more than the slots it uses.
		const windowAt = this.windowAt(now, this.held.size + (this.claim !== undefined ? 1 : 0), slots);
		let best: Choice | undefined;
		for (const { slot, claim } of candidates) {
			const offset = claim ? claimOffsetMs : 0;
			let occurrence = this.occurrenceFrom(slot, Math.max(now - graceMs - offset, this.nextUse.get(slot) ?? -Infinity));
			// Past its grace, an occurrence is skipped for the next one.
			while (Math.max(occurrence + offset, windowAt) > occurrence + offset + graceMs) occurrence += this.cycleMs;
			const at = Math.max(occurrence + offset, windowAt);
			if (!best || at < best.at) best = { slot, occurrence, at, claim };
		}
		return best;
	}

	/** The first occurrence of `slot` at or after `from` on the wall clock. */
	private occurrenceFrom(slot: number, from: number): number {
		const phase = slot * this.slotMs;
		return Math.ceil((from - phase) / this.cycleMs) * this.cycleMs + phase;
	}

	/** The earliest time at which a start of `slots` keeps this process's arrivals within `perCycle` per cycle. */
	private windowAt(now: number, perCycle: number, slots: number): number {
		const allowed = Math.max(0, perCycle - slots);
		const arrivals = this.starts
			.flatMap((s) => Array<number>(s.ticket.slots).fill(this.arrivalEstimate(s, now)))
			.sort((a, b) => b - a);
		return arrivals.length > allowed ? arrivals[allowed] + this.cycleMs : Number.NEGATIVE_INFINITY;
	}

	/** Drops starts that can no longer be in any window that matters. */
	private prune(now: number): void {
		for (let i = this.starts.length - 1; i >= 0; i--) {
			const start = this.starts[i];
			if (start.answerMs !== undefined && this.arrivalEstimate(start, now) + this.cycleMs <= now) this.starts.splice(i, 1);
		}
	}

	/** Re-estimated each time: a faster answer learned later shows an earlier slow one was late. */
	private arrivalEstimate(start: Start, now: number): number {
		return start.ticket.at + this.lateBy(start.ticket.kind, start.answerMs ?? now - start.ticket.at);
	}

	/** How much later than its start a request answered after `answerMs` is assumed to have arrived. */
	private lateBy(kind: string, answerMs: number): number {
		const late = answerMs - this.usualAnswerMs(kind) - this.tuning.toleranceMs;
		return Math.min(this.tuning.maxLateMs, Math.max(0, late));
	}

	/**
	 * The fastest recent answer for this kind of request, else for any kind. While fewer than
	 * `warmupSamples` answers are known they may all be slow (a fresh process opens connections for
	 * its first requests), so none counts as usual: 0, the latest possible arrival.
	 */
	private usualAnswerMs(kind: string): number {
		if (this.answersKnown < this.tuning.warmupSamples) return 0;
		const own = this.answerTimes.get(kind);
		if (own?.length) return Math.min(...own);
		let fastest = Number.POSITIVE_INFINITY;
		for (const times of this.answerTimes.values()) fastest = Math.min(fastest, ...times);
		return Number.isFinite(fastest) ? fastest : 0;
	}

	private answersKnown = 0;

	private remember(kind: string, answerMs: number): void {
		this.answersKnown++;
		const times = this.answerTimes.get(kind) ?? [];
		times.push(answerMs);
		if (times.length > this.tuning.samplesPerKind) times.shift();
		this.answerTimes.set(kind, times);
	}
}

/** How long a waiting request sleeps at most before it looks again (answers may free a slot sooner). */
const RECHECK_MS = 25;

/** First come, first served: requests for the same contact keep the order their items came in. */
export class PacerGate {
	readonly pacer: AppPacer;

	private readonly now: () => number;

	private tail: Promise<unknown> = Promise.resolve();

	constructor(pacer: AppPacer, now: () => number = Date.now) {
		this.pacer = pacer;
		this.now = now;
	}

	/** Resolves when `slots` requests may start; the ticket goes back to `settle` with the answer. */
	async acquire(slots = 1, kind = ''): Promise<PaceTicket> {
		const turn = this.tail.then(async () => await this.wait(Math.min(slots, this.pacer.tuning.limit), kind));
		this.tail = turn.catch(() => undefined);
		return await turn;
	}

	settle(ticket: PaceTicket, outcome: PaceOutcome): void {
		this.pacer.settle(ticket, this.now(), outcome);
	}

	private async wait(slots: number, kind: string): Promise<PaceTicket> {
		for (;;) {
			const now = this.now();
			const at = this.pacer.earliestStart(now, slots);
			if (at <= now) return this.pacer.start(now, slots, kind);
			await sleep(Math.max(1, Math.min(Math.ceil(at - now), RECHECK_MS)));
		}
	}
}

// One gate per Constant Contact app (client id) for the whole n8n process: the limit is per app,
// so every execution and every workflow using the same app shares it.
const gates = new Map<string, PacerGate>();

export function pacerFor(appKey: string): PacerGate {
	let gate = gates.get(appKey);
	if (!gate) {
		gate = new PacerGate(new AppPacer());
		gates.set(appKey, gate);
	}
	return gate;
}
