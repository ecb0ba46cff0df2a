/**
 * When did a request reach Constant Contact? Its limit is counted at its own clock, as requests
 * arrive, and a request can arrive later than it was sent (a new connection, a busy process, a slow
 * network). The answer tells: a request answered slower than the usual answer for its kind most
 * likely arrived that much later. Each estimate is re-made when asked, so a faster answer learned
 * later shows an earlier slow one was late.
 */
export interface ArrivalTuning {
	/** Answers slower than the usual one by at most this much count as on time (noise on the way back). */
	answerNoiseMs: number;
	/** No arrival is assumed later than this past its start (a hung request does not stall the app). */
	maxLateMs: number;
	/** Answer times remembered per kind of request. */
	samplesPerKind: number;
	/** Answers older than this no longer say what usual is (the API may have become slower or faster meanwhile). */
	sampleMaxAgeMs: number;
	/** Until this many answers are known, any answer may hide a late arrival (`latest`: assume it). */
	warmupSamples: number;
}

export const DEFAULT_ARRIVAL_TUNING: ArrivalTuning = { answerNoiseMs: 3, maxLateMs: 2000, samplesPerKind: 6, sampleMaxAgeMs: 10_000, warmupSamples: 4 };

/** One request as sent: when it started, what kind it is, and how long its answer took once known. */
export interface SentRequest {
	readonly at: number;
	readonly kind: string;
	/** Arrivals it stands for (a request that goes twice, 401 then again, counts two). */
	readonly count: number;
	answerMs?: number;
}

/**
 * `latest`: while what usual is is not known yet (a fresh process, or answers gone stale), every
 * answer's whole time may have been late: safe for a count over a window. `fastest`: measured from
 * the fastest recent answer, and on time while none is known: for the distance between two arrivals,
 * where assuming every request late would space them all out.
 */
export type WarmingUp = 'latest' | 'fastest';

interface Sample {
	answerMs: number;
	at: number;
}

export class ArrivalEstimator {
	private readonly tuning: ArrivalTuning;

	private readonly samples = new Map<string, Sample[]>();

	constructor(tuning: Partial<ArrivalTuning> = {}) {
		this.tuning = { ...DEFAULT_ARRIVAL_TUNING, ...tuning };
	}

	/** The request's likely arrival; while it is unanswered, as late as the time it has been out allows. */
	arrival(request: SentRequest, now: number, warmingUp: WarmingUp = 'latest'): number {
		const usual = this.usualAnswerMs(request.kind, now, warmingUp);
		const late = (request.answerMs ?? now - request.at) - usual - this.tuning.answerNoiseMs;
		return request.at + Math.min(this.tuning.maxLateMs, Math.max(0, late));
	}

	/** Learns an answer's time (only answers that got through the limit: a refusal may come faster). */
	remember(kind: string, answerMs: number, now: number): void {
		const samples = this.samples.get(kind) ?? [];
		samples.push({ answerMs, at: now });
		if (samples.length > this.tuning.samplesPerKind) samples.shift();
		this.samples.set(kind, samples);
	}

	/** The fastest recent answer for this kind, else for any kind. */
	private usualAnswerMs(kind: string, now: number, warmingUp: WarmingUp): number {
		const recent = (samples: Sample[] | undefined): number[] =>
			(samples ?? []).filter((s) => now - s.at <= this.tuning.sampleMaxAgeMs).map((s) => s.answerMs);
		const all = [...this.samples.values()].flatMap(recent);
		if (all.length < this.tuning.warmupSamples && warmingUp === 'latest') return 0;
		const own = recent(this.samples.get(kind));
		const pool = own.length ? own : all;
		if (pool.length) return Math.min(...pool);
		return warmingUp === 'latest' ? 0 : Number.POSITIVE_INFINITY;
	}
}
