import { sleep } from 'n8n-workflow';

import { REQUESTS_PER_SECOND } from './constants';

/**
 * How this n8n process paces the requests it sends for one Constant Contact app.
 *
 * Constant Contact refuses (429 `throttled`) a request that arrives when 4 others of the same app
 * arrived in the second before it, counting everything that uses the app: every workflow, every
 * n8n process (queue-mode workers), every other integration. Processes share no state, so each
 * holds a *share*: how many of the window's 4 arrivals it may use (its arrivals are evenly spaced,
 * 1030 ms / share apart, and never more than `share` of them fall within 1030 ms). Shares are whole
 * slots, so processes whose shares add up to 4 can never put 5 requests into one second, whatever
 * their phases: no lockstep to fall into.
 *
 * - Alone, a process holds all 4: 4 requests per 1030 ms (the margin absorbs clock noise).
 * - Contention begins with a 429 (another process, another integration): the share drops to one
 *   slot and grows back from a random moment a cycle later. Growing is probing: one slot more, its
 *   first extra request right after one of this process's own (so with no room it meets a full
 *   window and fails alone), and a 429 within 2 s sends the share back. Probes that go through
 *   continue every few seconds; a failed one ends growing until the next epoch.
 * - While shared (a 429 in the last minute), every 30 s on the wall clock every process goes to one
 *   slot and probes up again from a random moment, those that held more later: the slots beyond
 *   one rotate, so 3 processes on 4 slots take turns at the second one, and a process squeezed
 *   below one slot gets its slot back. A process that held the whole window through a whole epoch
 *   without a 429 is alone (anyone else getting through would have met its full window) and keeps
 *   it: a stray 429 costs a lone process one ramp, not a minute of re-divisions.
 * - Squeezed (a 429 outside a probe): the first squeeze of an epoch is most likely someone else's
 *   probe and only moves this process's phase; the next halves the share (4 → 2 → 1 → ½ → ¼:
 *   below one slot, one request per 1/share windows, for 5 processes and more).
 *
 * The window is counted at Constant Contact's clock, which sees a request when it arrives, not when
 * it was sent. A request whose answer took longer than the usual answer for its kind may have
 * arrived that much later (a new connection, a busy process, a slow network), so its arrival is
 * estimated as `start + (answer time − usual answer time)`, re-estimated as faster answers teach
 * what usual is, and no more than `share` arrivals may fall within a cycle: a late request delays
 * the next start. A request that will go twice (401, refresh, retry) takes two slots.
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
	/** Requests per window per app (Constant Contact: 4): the largest share. */
	limit: number;
	windowMs: number;
	/** Added to each window: clock and network noise between this process and Constant Contact. */
	marginMs: number;
	/** The smallest share: one request per 1 / minShare windows (below 1 only with 5+ processes). */
	minShare: number;
	/** While shared, the shares are re-divided at each multiple of this on the wall clock. */
	epochMs: number;
	/** The first probe after contention begins or an epoch starts comes a cycle later plus up to this, at random (later by this per slot held beyond one). */
	raceMs: number;
	/** A 429 this soon after a probe means it failed (back to the share before it). */
	probeWindowMs: number;
	/** After a probe that went through, the next one comes after about this long. */
	afterGoodProbeMs: number;
	/** 429s for requests started this soon after a cut belong to the same event (the others are still reacting). */
	settleMs: number;
	/** After the share was halved, growing starts again after a random time up to this. */
	holdAfterSqueezeMs: number;
	/** Squeezes forgiven per epoch (each only moves the phase): most are someone else's probe. */
	forgivenSqueezes: number;
	/** A probe's first extra request follows one of this process's own this soon: it meets a full window if there is no room. */
	probeGapMs: number;
	/** Without a 429 for this long, the app is no longer shared: no epochs, probes every `afterGoodProbeMs`. */
	calmAfterMs: number;
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
	minShare: 1 / 4,
	epochMs: 30_000,
	raceMs: 600,
	probeWindowMs: 2_000,
	afterGoodProbeMs: 3_000,
	settleMs: 1_000,
	holdAfterSqueezeMs: 10_000,
	forgivenSqueezes: 1,
	probeGapMs: 30,
	calmAfterMs: 60_000,
	toleranceMs: 25,
	maxLateMs: 2000,
	samplesPerKind: 6,
	warmupSamples: 4,
};

/** One granted start: what `settle` needs to learn from the answer. */
export interface PaceTicket {
	readonly at: number;
	readonly slots: number;
	readonly kind: string;
}

interface Start {
	ticket: PaceTicket;
	/** How long the answer (or failure) took, once it came back. */
	answerMs?: number;
}

export class AppPacer {
	readonly tuning: PacerTuning;

	private readonly random: () => number;

	/** Window slots this process uses: `limit` alone, fewer while the app is shared. */
	private currentShare: number;

	private readonly starts: Start[] = [];

	/** When the last start was due (spacing counts from here, so timer lateness does not add up). */
	private lastDue = Number.NEGATIVE_INFINITY;

	private lastSlots = 1;

	/** After a 429, the next start waits a random part of the spacing (moves to another phase). */
	private resumeAt = Number.NEGATIVE_INFINITY;

	/** The last 429 that changed something (contention, a failed probe, a halving): the app is shared for a minute after. */
	private lastCutAt = Number.NEGATIVE_INFINITY;

	/** Whether a request got through since the last cut: the share grows only on progress. */
	private acceptedSinceCut = true;

	/** The probe under way: the share before it, and when it started. */
	private probe?: { from: number; at: number };

	private growAt = Number.POSITIVE_INFINITY;

	/** The wall-clock epoch last seen (while shared, a new one re-divides the shares). */
	private epoch?: number;

	/** A probe failed this epoch: the share holds until the next. */
	private probeFailed = false;

	/** Squeezes this epoch (the first `forgivenSqueezes` only move the phase). */
	private squeezes = 0;

	/** The last 429 this process saw, of any kind. */
	private lastThrottledAt = Number.NEGATIVE_INFINITY;

	/** When the last request started. */
	private lastStartAt = Number.NEGATIVE_INFINITY;

	private readonly answerTimes = new Map<string, number[]>();

	private answersKnown = 0;

	/** Last time a request of this app got through (any answer but 429 throttled). */
	lastProgressAt = Number.NEGATIVE_INFINITY;

	constructor(tuning: Partial<PacerTuning> = {}, random: () => number = Math.random) {
		this.tuning = { ...DEFAULT_TUNING, ...tuning };
		this.random = random;
		this.currentShare = this.tuning.limit;
	}

	/** Window slots this process uses (4 alone). */
	get share(): number {
		return this.currentShare;
	}

	/** Milliseconds between starts at the current share. */
	get spacingMs(): number {
		return this.cycleMs / this.currentShare;
	}

	private get cycleMs(): number {
		return this.tuning.windowMs + this.tuning.marginMs;
	}

	/** Whether the app has been shared lately (a 429 within `calmAfterMs`). */
	shared(now: number): boolean {
		return now - this.lastCutAt < this.tuning.calmAfterMs;
	}

	/** The earliest time (≥ now) at which `slots` requests may start. */
	earliestStart(now: number, slots = 1): number {
		this.tick(now);
		this.prune(now);
		// A probe's first extra request goes right after this process's last one.
		const probing = this.probe && this.lastStartAt < this.probe.at;
		let at = Math.max(now, this.resumeAt, probing ? this.lastStartAt + this.tuning.probeGapMs : this.lastDue + this.spacingMs * this.lastSlots);
		// No more than `share` arrivals (estimated) within a cycle, the new ones included.
		const allowed = Math.max(0, Math.max(1, Math.floor(this.currentShare)) - slots);
		const arrivals = this.starts
			.flatMap((s) => Array<number>(s.ticket.slots).fill(this.arrivalEstimate(s, now)))
			.sort((a, b) => b - a);
		if (arrivals.length > allowed) at = Math.max(at, arrivals[allowed] + this.cycleMs);
		return at;
	}

	/** Records a start at `now` (call when earliestStart(now) <= now). */
	start(now: number, slots = 1, kind = ''): PaceTicket {
		const due = Math.max(this.resumeAt, this.lastDue + this.spacingMs * this.lastSlots);
		// A start later than due by timer noise keeps the schedule; a start after a pause restarts it.
		this.lastDue = now - due <= this.tuning.toleranceMs ? due : now;
		this.lastSlots = slots;
		this.lastStartAt = now;
		const ticket: PaceTicket = { at: now, slots, kind };
		this.starts.push({ ticket });
		return ticket;
	}

	/** Learns from the answer to a started request. */
	settle(ticket: PaceTicket, now: number, outcome: PaceOutcome): void {
		const start = this.starts.find((s) => s.ticket === ticket);
		const answerMs = now - ticket.at;
		if (start) start.answerMs = answerMs;
		if (outcome === 'accepted') {
			this.acceptedSinceCut = true;
			this.lastProgressAt = Math.max(this.lastProgressAt, now);
			this.remember(ticket.kind, answerMs);
		}
		if (outcome === 'throttled') this.throttled(ticket, now);
	}

	private throttled(ticket: PaceTicket, now: number): void {
		const { settleMs, raceMs, minShare, holdAfterSqueezeMs } = this.tuning;
		// Whatever else happens, the next start moves to another phase.
		this.resumeAt = Math.max(this.resumeAt, now + this.random() * this.spacingMs);
		this.lastThrottledAt = now;
		// A request started before the last cut had settled belongs to the same event.
		if (ticket.at < this.lastCutAt + settleMs) return;
		this.tick(now);
		if (!this.shared(now)) {
			// Contention begins (a new process, another integration): one slot each, then a race up.
			this.currentShare = Math.min(1, this.currentShare);
			this.probe = undefined;
			this.newEpoch(now + this.cycleMs + this.random() * raceMs);
		} else if (this.probe) {
			// The probe found no room: back to the share before it until the next epoch.
			this.currentShare = this.probe.from;
			this.probe = undefined;
			this.probeFailed = true;
		} else if (this.squeezes++ < this.tuning.forgivenSqueezes) {
			// Most likely someone else's probe: hold, and let it fail.
			return;
		} else {
			// Squeezed again: someone else needs room.
			const share = this.currentShare;
			this.currentShare = share >= 2 ? Math.ceil(share / 2) : Math.max(minShare, share / 2);
			this.growAt = now + this.random() * holdAfterSqueezeMs;
		}
		this.acceptedSinceCut = false;
		this.lastCutAt = now;
		this.resumeAt = Math.max(this.resumeAt, now + this.random() * this.spacingMs);
	}

	private newEpoch(growAt: number): void {
		this.growAt = growAt;
		this.probeFailed = false;
		this.squeezes = 0;
	}

	private tick(now: number): void {
		const { limit, epochMs, raceMs, probeWindowMs, afterGoodProbeMs } = this.tuning;
		if (this.probe && now - this.probe.at > probeWindowMs) {
			// The probe went through: there may be more room.
			this.probe = undefined;
			this.growAt = now + afterGoodProbeMs * (0.5 + this.random());
		}
		const shared = this.shared(now);
		const epoch = Math.floor(now / epochMs);
		// The whole window through a whole epoch without a 429: nobody else gets through, keep it.
		const alone = this.currentShare >= limit && !this.probe && now - this.lastThrottledAt > epochMs;
		if (shared && this.epoch !== undefined && epoch !== this.epoch && !alone) {
			// A new epoch: everyone sharing the app goes to one slot (a process squeezed below one
			// gets its slot back) and grows from a random moment, those that held more later, so the
			// slots beyond one rotate and nobody is starved for longer than an epoch.
			const held = this.probe ? this.probe.from : this.currentShare;
			this.currentShare = 1;
			this.probe = undefined;
			this.acceptedSinceCut = true;
			// Probes wait a cycle first: until then the server's window still holds the old shares.
			this.newEpoch(epoch * epochMs + this.cycleMs + (this.random() + Math.max(0, held - 1)) * raceMs);
		}
		this.epoch = epoch;
		if (!shared && this.growAt === Number.POSITIVE_INFINITY) this.growAt = now;
		if (this.probe || now < this.growAt || this.currentShare >= limit) return;
		if (!this.acceptedSinceCut || (shared && this.probeFailed)) return;
		this.probe = { from: this.currentShare, at: now };
		this.currentShare = this.currentShare >= 1 ? Math.min(limit, this.currentShare + 1) : this.currentShare * 2;
		this.growAt = Number.POSITIVE_INFINITY;
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
