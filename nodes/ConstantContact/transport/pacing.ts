import { sleep } from 'n8n-workflow';

import { ArrivalEstimator, DEFAULT_ARRIVAL_TUNING } from './arrivals';
import type { ArrivalTuning, SentRequest } from './arrivals';
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
 * their phases.
 *
 * - Alone, a process holds all 4: 4 requests per 1030 ms (the margin absorbs clock noise).
 * - Contention begins with a 429: the share drops to one slot and climbs back by probes until one
 *   fails. A probe asks for one slot more and proves it with extra requests sent right after the
 *   process's own (a cycle and 120 ms apart, each at the old share's pace; the lag keeps an extra
 *   that once arrived in another process's margin from taking its slot every cycle): with no room,
 *   the extra request meets a full window and is refused alone, so a probe costs one 429 and
 *   nobody else's request.
 *   Only after 2 extras went through does the process use the new share. A failed probe goes back
 *   to the share before it and keeps its phase: nothing moves for the others to mistake for room.
 * - Shared (a recent 429, see below), the slots beyond one rotate on the wall clock, which every
 *   process reads alike: at each 15 s boundary a process holding more than one slot hands one
 *   back, a cycle later the one-slot processes race for it, those that held a second slot longest
 *   ago first (so 3 processes on 4 slots take turns at the 4th in order), and the one that handed
 *   it back tries to get it back last. The process whose hand-back was taken at the last boundary
 *   sits this race out, so a boundary costs one refused probe, not one per process. When
 *   a hand-back comes straight back (nobody took it: two processes on 2 + 2), the process skips the
 *   next boundary, then two: sharing evenly costs almost nothing.
 * - Squeezed (a 429 outside a probe): the first of a boundary is most likely someone else's probe
 *   and is forgiven; the next halves a share of 2 or more; one slot halves (4 → 2 → 1 → ½ → ¼, for
 *   5 processes and more) only after 2 squeezes within 10 s.
 * - A minute without a 429 ends the sharing: the process probes back up every few seconds. Half a
 *   minute is enough after its last hand-back came straight back (nobody wanted the slot): the
 *   other processes have most likely finished, and the last one left climbs back to the whole
 *   window. A 429 within 3 minutes after the sharing ended is most likely another process probing
 *   for room: the process shares again (at most 2 slots) and moves its phase, without dropping to one.
 * - n8n workers live on between bursts: after 3 s with nothing waiting, a process that shared the
 *   app starts the next burst at one slot and climbs, as when contention begins.
 *
 * The window is counted at Constant Contact's clock, which sees a request when it arrives, not when
 * it was sent. A request whose answer took longer than the usual answer for its kind may have
 * arrived that much later (a new connection, a busy process, a slow network), so its arrival is
 * estimated as `start + (answer time − usual answer time)`, re-estimated as faster answers teach
 * what usual is, and no more than `share` arrivals may fall within a cycle: a late request delays
 * the next start. A request that will go twice (401, refresh, retry) takes two slots.
 *
 * `AppPacer` is the pure state machine (time is passed in); `PacerGate` is the FIFO async wait.
 * `test/helpers/pacingSimulation.mts` runs it as several processes against a strict window.
 */

/** What the answer to a paced request says about the app's per-second budget. */
export type PaceOutcome =
	/** Any answer other than 429 `throttled`: the request got through the limit. */
	| 'accepted'
	/** 429 `throttled`: the window was full when it arrived. */
	| 'throttled'
	/** No answer (network failure): it may or may not have arrived. */
	| 'unanswered';

export interface PacerTuning extends ArrivalTuning {
	/** Requests per window per app (Constant Contact: 4): the largest share. */
	limit: number;
	windowMs: number;
	/** Added to each window: clock and network noise between this process and Constant Contact. */
	marginMs: number;
	/** The smallest share: one request per 1 / minShare windows (below 1 only with 5+ processes). */
	minShare: number;
	/** While shared, the slots beyond one rotate at each multiple of this on the wall clock. */
	epochMs: number;
	/** At a boundary, a process that held a second slot more recently probes later, by up to this. */
	raceMs: number;
	/** Random spread added to each process's place in the race. */
	raceJitterMs: number;
	/** How far back holding a second slot counts for the place in the race. */
	rotationMemoryMs: number;
	/** Extra requests that must go through before a probe's new share is used. */
	probeExtras: number;
	/** A probe's extra request follows one of this process's own this soon: it meets a full window if there is no room. */
	probeGapMs: number;
	/**
	 * An extra follows the probe's previous extra by a cycle and this much. Both the extra and the
	 * request of a process whose slot just left the window come about a cycle after their last, so
	 * without the lag an extra that arrived first once (in the other's margin) would arrive first
	 * every cycle and take that process's slot for good.
	 */
	extraLagMs: number;
	/** A probe whose extras could not all be sent (no demand) within this long is dropped. */
	probeTimeoutMs: number;
	/** While below the share it aims for (back to what it held, or up after contention), the next probe comes after about this long. */
	regainGapMs: number;
	/** Alone (not shared), probes come about this often until the whole window is back. */
	afterGoodProbeMs: number;
	/** Shared, after a failed probe or with the aimed-for share reached, the next probe waits about this long (boundaries come first). */
	reprobeMs: number;
	/** Boundaries skipped at most after hand-backs that came straight back. */
	maxSkippedBoundaries: number;
	/** 429s for requests started this soon after a cut belong to the same event (the others are still reacting). */
	settleMs: number;
	/** After the share was halved, growing starts again after a random time up to this. */
	holdAfterSqueezeMs: number;
	/** Squeezes forgiven per boundary (each only moves the phase): most are someone else's probe. */
	forgivenSqueezes: number;
	/** One slot is halved only after this many squeezes within `floorWindowMs`. */
	floorSqueezes: number;
	floorWindowMs: number;
	/** Without a 429 for this long, the app is no longer shared: no boundaries, probes every `afterGoodProbeMs`. */
	calmAfterMs: number;
	/**
	 * The same, sooner, after this process's last hand-back came straight back (no other process
	 * wanted the slot): the others have most likely finished, and the last one left climbs back.
	 */
	calmAfterStraightBackMs: number;
	/**
	 * A 429 this soon after the sharing ended is most likely another process's probe for room (it
	 * ended too early for them): the process shares again and moves its phase, without dropping
	 * to one slot as when contention begins.
	 */
	sharedMemoryMs: number;
	/**
	 * No request waiting for this long while sharing the app (n8n workers live on between bursts of
	 * executions): what the process knew of the others is stale, so the next burst starts at one
	 * slot and climbs, as when contention begins, instead of at a share the others may have taken.
	 */
	idleResetMs: number;
	/** A start later than due by at most this much (timer noise) keeps the schedule. */
	toleranceMs: number;
	/**
	 * Alone, a `429` for a request that arrived less than 1000 / limit ms and this much after the
	 * process's own one before it is its own timing (a count that wants requests spaced): it moves the
	 * phase and costs nothing more. Any other `429` means another process uses the app.
	 */
	ownTimingMs: number;
}

export const DEFAULT_TUNING: PacerTuning = {
	...DEFAULT_ARRIVAL_TUNING,
	limit: REQUESTS_PER_SECOND,
	windowMs: 1000,
	marginMs: 30,
	minShare: 1 / 4,
	epochMs: 15_000,
	raceMs: 300,
	raceJitterMs: 60,
	rotationMemoryMs: 30_000,
	probeExtras: 2,
	probeGapMs: 30,
	extraLagMs: 120,
	probeTimeoutMs: 8_000,
	regainGapMs: 400,
	afterGoodProbeMs: 3_000,
	reprobeMs: 60_000,
	maxSkippedBoundaries: 2,
	settleMs: 1_000,
	holdAfterSqueezeMs: 10_000,
	forgivenSqueezes: 1,
	floorSqueezes: 2,
	floorWindowMs: 10_000,
	calmAfterMs: 60_000,
	calmAfterStraightBackMs: 30_000,
	sharedMemoryMs: 180_000,
	idleResetMs: 3_000,
	toleranceMs: 25,
	ownTimingMs: 3,
};

/** One granted start: what `settle` needs to learn from the answer. */
export interface PaceTicket {
	readonly at: number;
	readonly slots: number;
	readonly kind: string;
}

interface Start extends SentRequest {
	ticket: PaceTicket;
}

/** A probe under way: one slot more, proven by extra requests before it is used. */
interface Probe {
	/** The share before it (used until the probe is proven). */
	from: number;
	at: number;
	extras: Set<PaceTicket>;
	/** Extras that went through. */
	good: number;
	lastExtraAt: number;
	/** The next start is an extra request. */
	wantExtra: boolean;
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

	private probe?: Probe;

	/** When the next probe may begin. */
	private growAt = Number.POSITIVE_INFINITY;

	/** The share this process climbs to quickly (`regainGapMs`); beyond it only every `reprobeMs`. */
	private aim: number;

	/** The share held when the last boundary handed a slot back. */
	private heldAtBoundary = 0;

	/** The epoch whose hand-back another process took (its try to get it back was refused): it sits the next race out. */
	private takenAtEpoch = -1;

	/** Since when this process holds a second slot (its probe from one slot was proven). */
	private secondFrom = Number.POSITIVE_INFINITY;

	/** It held the second slot it handed back at the last boundary for half an epoch or more (a turn, not a moment). */
	private longHold = false;

	/** Getting back what the last boundary handed back is under way. */
	private regaining = false;

	/** Climbing since contention began, nothing refused yet: the next boundary is not ours. */
	private climbing = false;

	/** The last hand-back came straight back (the sharing ends after `calmAfterStraightBackMs`). */
	private straightBack = false;

	/** Boundaries to skip (hand-backs came straight back), and how many the next time. */
	private skipBoundaries = 0;

	private nextSkip = 0;

	/** Last time this process held more than one slot while shared (its place in the race). */
	private lastHeldSecondAt = Number.NEGATIVE_INFINITY;

	/** The wall-clock boundary last seen. */
	private epoch?: number;

	/** Squeezes since the last boundary (the first `forgivenSqueezes` only move the phase). */
	private squeezes = 0;

	/** Recent squeezes at one slot. */
	private floorSqueezeTimes: number[] = [];

	/** The last 429 this process saw, of any kind. */
	private lastThrottledAt = Number.NEGATIVE_INFINITY;

	/** When the last request started. */
	private lastStartAt = Number.NEGATIVE_INFINITY;

	/** When a request last waited for its start (`earliestStart`). */
	private lastAskedAt = Number.NEGATIVE_INFINITY;

	private readonly arrivals: ArrivalEstimator;


	/** Last time a request of this app got through (any answer but 429 throttled). */
	lastProgressAt = Number.NEGATIVE_INFINITY;

	constructor(tuning: Partial<PacerTuning> = {}, random: () => number = Math.random) {
		this.tuning = { ...DEFAULT_TUNING, ...tuning };
		this.random = random;
		this.arrivals = new ArrivalEstimator(this.tuning);
		this.currentShare = this.tuning.limit;
		this.aim = this.tuning.limit;
	}

	/** Window slots this process uses (4 alone; while a probe is being proven, the share it asks for). */
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

	/** Whether the app has been shared lately (a 429 within `calmAfterMs`, or `calmAfterStraightBackMs`). */
	shared(now: number): boolean {
		const { calmAfterMs, calmAfterStraightBackMs } = this.tuning;
		return now - this.lastCutAt < (this.straightBack ? calmAfterStraightBackMs : calmAfterMs);
	}

	/** The earliest time (≥ now) at which `slots` requests may start. */
	earliestStart(now: number, slots = 1): number {
		if (now - Math.max(this.lastAskedAt, this.lastStartAt) >= this.tuning.idleResetMs) this.resume(now);
		this.lastAskedAt = now;
		this.tick(now);
		this.prune(now);
		const probe = this.probe;
		// While a probe is proven, the own requests keep the old share's pace and an extra follows one of them.
		const spacing = probe ? this.cycleMs / probe.from : this.spacingMs;
		let at = Math.max(now, this.resumeAt, probe?.wantExtra ? this.lastStartAt + this.tuning.probeGapMs : this.lastDue + spacing * this.lastSlots);
		// No more than `share` arrivals (estimated) within a cycle, the new ones included.
		const allowed = Math.max(0, Math.max(1, Math.floor(this.currentShare)) - slots);
		const arrivals = this.starts
			.flatMap((s) => Array<number>(s.ticket.slots).fill(this.arrivalEstimate(s, now)))
			.sort((a, b) => b - a);
		if (arrivals.length > allowed) at = Math.max(at, arrivals[allowed] + this.cycleMs);
		// Alone, every start keeps its distance to the arrivals before it (sharing keeps whole slots per cycle instead).
		if (!probe && !this.shared(now)) at = Math.max(at, this.chainedArrival(now));
		// An extra comes a cycle and a bit after the one before: a process whose slot it took once
		// (it arrived in that process's margin) is back first, and the probe fails instead of taking it again.
		if (probe?.wantExtra) at = Math.max(at, probe.lastExtraAt + this.cycleMs + this.tuning.extraLagMs);
		return at;
	}

	/** Records a start at `now` (call when earliestStart(now) <= now). */
	start(now: number, slots = 1, kind = ''): PaceTicket {
		const ticket: PaceTicket = { at: now, slots, kind };
		const probe = this.probe;
		this.lastStartAt = now;
		this.starts.push({ ticket, at: now, kind, count: slots });
		if (probe?.wantExtra) {
			// The extra request: outside the own schedule.
			probe.wantExtra = false;
			probe.lastExtraAt = now;
			probe.extras.add(ticket);
			return ticket;
		}
		const spacing = probe ? this.cycleMs / probe.from : this.spacingMs;
		const due = Math.max(this.resumeAt, this.lastDue + spacing * this.lastSlots);
		// A start later than due by timer noise keeps the schedule; a start after a pause restarts it.
		this.lastDue = now - due <= this.tuning.toleranceMs ? due : now;
		this.lastSlots = slots;
		// The next extra goes right after this own request if that is no sooner than a cycle and the lag
		// after the last extra (`earliestStart`) and before the next own one is due. A race's probe
		// begins between two own requests; waiting for one half a cycle after its first extra could
		// delay the second by up to a cycle, and a later prober (the holder getting its slot back)
		// would prove first and take the slot the race was for.
		if (probe && this.lastDue + spacing * slots >= probe.lastExtraAt + this.cycleMs + this.tuning.extraLagMs) probe.wantExtra = true;
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
			this.arrivals.remember(ticket.kind, answerMs, now);
			if (this.probe?.extras.has(ticket) && ++this.probe.good >= this.tuning.probeExtras) this.proven(now);
		}
		if (outcome === 'throttled') this.throttled(ticket, now);
	}

	/** The probe's extras went through: the new share is used from now on. */
	private proven(now: number): void {
		const from = this.probe!.from;
		this.probe = undefined;
		if (from < 2) this.secondFrom = now;
		if (this.regaining && from + 1 >= this.heldAtBoundary) {
			// Back to what the boundary handed back, and nobody took it: skip the next boundary (then two).
			this.regaining = false;
			this.nextSkip = Math.min(this.tuning.maxSkippedBoundaries, this.nextSkip ? this.nextSkip * 2 : 1);
			this.skipBoundaries = this.nextSkip;
			this.straightBack = true;
		}
		this.growAt = this.nextProbeAt(now);
	}

	private nextProbeAt(now: number): number {
		const { regainGapMs, reprobeMs, afterGoodProbeMs } = this.tuning;
		if (!this.shared(now)) return now + afterGoodProbeMs * (0.5 + this.random());
		return now + (this.currentShare < this.aim ? regainGapMs : reprobeMs) * (0.5 + this.random());
	}

	private throttled(ticket: PaceTicket, now: number): void {
		const { settleMs, minShare, holdAfterSqueezeMs } = this.tuning;
		const probe = this.probe;
		const failedExtra = probe?.extras.has(ticket) ?? false;
		this.lastThrottledAt = now;
		if (failedExtra) {
			// Refused, so it does not count in the window; the own schedule and phase stay as they were.
			const refused = this.starts.findIndex((s) => s.ticket === ticket);
			if (refused >= 0) this.starts.splice(refused, 1);
		} else {
			// Whatever else happens, the next start moves to another phase.
			this.resumeAt = Math.max(this.resumeAt, now + this.random() * this.spacingMs);
		}
		// A request started before the last cut had settled belongs to the same event.
		if (ticket.at < this.lastCutAt + settleMs) return;
		this.tick(now);
		if (probe) {
			// The probe found no room: back to the share before it. A hand-back that someone took: no skipping.
			if (this.regaining) {
				// Its turn was taken: it sits the next race out. Not after a second slot held for a
				// moment (several processes climbed at once and all handed one back): two would sit out.
				if (this.longHold) this.takenAtEpoch = this.epoch ?? -1;
				this.straightBack = false;
				this.regaining = false;
				this.nextSkip = 0;
				this.skipBoundaries = 0;
			}
			this.climbing = false;
			this.currentShare = probe.from;
			this.probe = undefined;
			this.growAt = now + this.tuning.reprobeMs * (0.5 + this.random());
		} else if (now - this.lastCutAt >= this.tuning.sharedMemoryMs && this.ownTiming(ticket)) {
			// Alone for minutes and seldom refused: this process's own timing. The phase has moved; nothing else changes.
			return;
		} else if (!this.shared(now) && now - this.lastCutAt < this.tuning.sharedMemoryMs) {
			// The sharing ended a short while ago: most likely another process probing for room. Shared
			// again (boundaries resume, and the first squeeze after one is forgiven); the phase has moved.
			// No more than 2 slots, an even split with one other: the climb after the calm may have
			// taken slots another process still holds, and that one would be squeezed to one.
			this.lastCutAt = now;
			this.squeezes = 0;
			if (this.currentShare > 2) {
				this.currentShare = 2;
				this.growAt = now + this.tuning.reprobeMs * (0.5 + this.random());
			}
			return;
		} else if (!this.shared(now)) {
			// Contention begins (a new process, another integration).
			this.beginContention(now);
		} else if (this.squeezes++ < this.tuning.forgivenSqueezes) {
			// Most likely someone else's probe: hold, and let it fail.
			this.climbing = false;
			return;
		} else {
			// Squeezed again: someone else needs room.
			this.climbing = false;
			const share = this.currentShare;
			if (share <= 1) {
				this.floorSqueezeTimes = [...this.floorSqueezeTimes.filter((t) => now - t < this.tuning.floorWindowMs), now];
				if (this.floorSqueezeTimes.length < this.tuning.floorSqueezes) return;
				this.floorSqueezeTimes = [];
			}
			this.currentShare = share >= 2 ? Math.ceil(share / 2) : Math.max(minShare, share / 2);
			this.growAt = now + this.random() * holdAfterSqueezeMs;
		}
		this.acceptedSinceCut = false;
		this.lastCutAt = now;
		if (!failedExtra) this.resumeAt = Math.max(this.resumeAt, now + this.random() * this.spacingMs);
	}

	/** A boundary while shared: a slot beyond one is handed back and raced for. */
	private boundary(now: number, epoch: number): void {
		const { epochMs, limit, raceMs, raceJitterMs, rotationMemoryMs, reprobeMs } = this.tuning;
		this.squeezes = 0;
		// The whole window through a whole boundary without a 429: nobody else gets through, keep it.
		const alone = this.currentShare >= limit && !this.probe && now - this.lastThrottledAt > epochMs;
		if (alone) return;
		if (this.climbing && this.currentShare < limit) {
			// Still climbing since contention began: finish first.
			this.climbing = false;
			return;
		}
		if (this.skipBoundaries > 0 && !this.probe && this.currentShare >= 2) {
			this.skipBoundaries--;
			return;
		}
		const held = this.probe ? this.probe.from : this.currentShare;
		this.heldAtBoundary = held;
		this.longHold = held >= 2 && now - this.secondFrom >= epochMs / 2;
		this.regaining = held >= 2;
		this.aim = Math.max(held, 2);
		// One slot each (a process squeezed below one gets its slot back).
		this.currentShare = 1;
		this.probe = undefined;
		this.acceptedSinceCut = true;
		const sinceSecond = now - this.lastHeldSecondAt;
		if (held <= 1 && this.takenAtEpoch === epoch - 1) {
			// Its turn ended at the last boundary (its hand-back was taken): the others go first this time,
			// so a boundary costs one refused probe (the holder's), not one per process. Only this process:
			// when two sat out (one squeezed to one slot, one that held a second slot in an earlier burst or
			// only for a moment), nobody raced, the holder's hand-back came straight back, it skipped the
			// next boundary too and kept the slot for 45 s.
			this.growAt = now + reprobeMs * (0.5 + this.random());
			return;
		}
		// Probes wait a cycle first (until then the server's window still holds the old shares),
		// then go in the order of who held a second slot longest ago.
		const recency = Math.min(1, Math.max(0, 1 - sinceSecond / rotationMemoryMs));
		this.growAt = epoch * epochMs + this.cycleMs + recency * raceMs + this.random() * raceJitterMs;
	}

	/**
	 * Alone, whether this 429 is this process's own timing: its request arrived (as estimated) less than
	 * 1000 / limit ms and `ownTimingMs` after its own request before it, which a count that wants
	 * requests spaced refuses whoever else uses the app. At its own pace, requests arrive further apart:
	 * a 429 then means another process.
	 */
	private ownTiming(ticket: PaceTicket): boolean {
		const index = this.starts.findIndex((s) => s.ticket === ticket);
		if (index <= 0) return false;
		const before = this.starts[index - 1];
		const refused = this.starts[index];
		// Two answers of one kind differ by how much later one arrived (the way back and the server's work vary less).
		if (before.answerMs === undefined || refused.answerMs === undefined || before.kind !== refused.kind) return false;
		const gap = refused.at + refused.answerMs - (before.at + before.answerMs);
		return gap < this.tuning.windowMs / this.tuning.limit + this.tuning.ownTimingMs;
	}

	/** One slot, then climb until a probe fails (the next boundary is not this process's). */
	private beginContention(now: number): void {
		this.currentShare = Math.min(1, this.currentShare);
		this.aim = this.tuning.limit;
		this.climbing = true;
		this.squeezes = 0;
		this.growAt = now + this.cycleMs + this.random() * this.tuning.raceMs;
	}

	/** The first request after a pause: while the app was shared, start over as when contention begins. */
	private resume(now: number): void {
		if (this.currentShare >= this.tuning.limit && !this.shared(now)) return;
		// What the last burst left (a probe, a hand-back, skips, a turn, squeezes) is stale.
		this.probe = undefined;
		this.regaining = false;
		this.straightBack = false;
		this.skipBoundaries = 0;
		this.nextSkip = 0;
		this.takenAtEpoch = -1;
		this.floorSqueezeTimes = [];
		this.beginContention(now);
		this.acceptedSinceCut = true;
		this.lastCutAt = now;
	}

	private tick(now: number): void {
		const { limit, epochMs, afterGoodProbeMs, probeTimeoutMs } = this.tuning;
		if (this.probe && now - this.probe.at > probeTimeoutMs) {
			// Not proven in time (no demand for the extras): back to the share before it.
			this.currentShare = this.probe.from;
			this.probe = undefined;
			this.growAt = now + afterGoodProbeMs;
		}
		const shared = this.shared(now);
		const epoch = Math.floor(now / epochMs);
		if (shared && this.epoch !== undefined && epoch !== this.epoch) this.boundary(now, epoch);
		this.epoch = epoch;
		if (shared && this.currentShare > 1 && !this.probe) this.lastHeldSecondAt = now;
		if (!shared && !this.probe && this.currentShare < limit) {
			// Calm for a minute: climb back to the whole window.
			this.aim = limit;
			if (this.growAt > now + afterGoodProbeMs) this.growAt = now + afterGoodProbeMs * this.random();
		}
		if (this.probe || now < this.growAt || this.currentShare >= limit || !this.acceptedSinceCut) return;
		this.probe = { from: this.currentShare, at: now, extras: new Set(), good: 0, lastExtraAt: Number.NEGATIVE_INFINITY, wantExtra: true };
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

	/** Re-estimated each time: a faster answer learned later shows an earlier slow one was late (arrivals.ts). */
	private arrivalEstimate(start: Start, now: number): number {
		return this.arrivals.arrival(start, now);
	}

	/**
	 * The earliest arrival the requests already sent allow: each (1000 + marginMs / 2) / limit ms
	 * after the one before, as estimated from recent answers. Under a count that wants requests
	 * spaced, a request right after a late one would be refused.
	 */
	private chainedArrival(now: number): number {
		const gap = (this.tuning.windowMs + this.tuning.marginMs / 2) / this.tuning.limit;
		let notBefore = Number.NEGATIVE_INFINITY;
		let after = 0;
		for (let i = this.starts.length - 1; i >= 0; i--) {
			// A request that goes twice arrives again only after its 401 and n8n's refresh: one arrival here
			// (the window above counts it as two).
			after++;
			notBefore = Math.max(notBefore, this.arrivals.arrival(this.starts[i], now, 'fastest') + after * gap);
		}
		return notBefore;
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

// One gate per Constant Contact app (client id) and rate for the whole n8n process: the limit is per
// app, so every execution and every workflow using the same app shares it.
const gates = new Map<string, PacerGate>();

/** The gate of an app paced at `limit` requests per second (the credential's setting). */
export function pacerFor(appKey: string, limit = REQUESTS_PER_SECOND): PacerGate {
	const key = `${limit}:${appKey}`;
	let gate = gates.get(key);
	if (!gate) {
		gate = new PacerGate(new AppPacer({ limit }));
		gates.set(key, gate);
	}
	return gate;
}
