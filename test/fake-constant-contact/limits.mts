// Rate limits keyed by client id (Constant Contact counts per app key, shared by every account).

/**
 * How Constant Contact may count its per-second limit. It documents N requests per second per app
 * (4; 10 for partner keys) but not how they are counted, so the fake and the pacing simulation
 * (test/helpers/pacingSimulation.mts) offer every plausible reading, from this one implementation:
 *
 * - `sliding` (the default): a strict one-second sliding window of accepted arrivals. An arrival is
 *   refused when N accepted arrivals lie in the 1000 ms before it, (now − 1000, now].
 * - `calendar`: at most N accepted arrivals per calendar second of the server's clock
 *   (`Math.floor(now / 1000)`); the count starts again at each whole second.
 * - `tokenBucket`: a bucket of N tokens, full at the start, refilled continuously at N per second
 *   (one token every 1000 / N ms), capped at N; an arrival takes a token or is refused. Refused
 *   arrivals take nothing. Bursts of N, then one every 1000 / N ms.
 * - `refusedCounted`: the sliding window, where refused arrivals count too: an arrival is refused
 *   when N arrivals, accepted or not, lie in (now − 1000, now]. Retrying into a full window keeps it full.
 * - `spacing`: a leaky bucket without burst (nginx `limit_req` without `burst`): an arrival is refused
 *   when it comes less than 1000 / N ms after the last accepted one. Refused arrivals do not count.
 *
 * Each model is pure: the arrival time is passed in (ms; the server's clock, so `calendar`'s seconds
 * are wall-clock seconds). Arrivals come in order of time, as a server decides them; the fake may
 * decide two a millisecond out of order (its token check is asynchronous), which changes no count.
 */
export const RATE_LIMIT_MODELS = ['sliding', 'calendar', 'tokenBucket', 'refusedCounted', 'spacing'] as const;
export type RateLimitModel = (typeof RATE_LIMIT_MODELS)[number];

export function isRateLimitModel(value: unknown): value is RateLimitModel {
	return typeof value === 'string' && (RATE_LIMIT_MODELS as readonly string[]).includes(value);
}

/** The model named by `value` (a flag or an environment variable), `sliding` when it is empty; an unknown name throws. */
export function parseRateLimitModel(value: string | undefined, source = 'rate limit model'): RateLimitModel {
	if (value === undefined || value === '') return 'sliding';
	if (!isRateLimitModel(value)) throw new Error(`${source}: unknown model "${value}"; one of ${RATE_LIMIT_MODELS.join(', ')}`);
	return value;
}

/** One app's per-second limit as one model counts it: decides each arrival, in order of time. */
export interface RateWindow {
	readonly model: RateLimitModel;
	/** N: requests per second. */
	readonly rate: number;
	/** Whether an arrival at `now` (ms) is accepted; the window records it as its model says. */
	tryAcquire(now: number): boolean;
}

class SlidingWindow implements RateWindow {
	readonly model: 'sliding' | 'refusedCounted';
	readonly rate: number;
	private times: number[] = [];

	constructor(model: 'sliding' | 'refusedCounted', rate: number) {
		this.model = model;
		this.rate = rate;
	}

	tryAcquire(now: number): boolean {
		this.times = this.times.filter((t) => t > now - 1000);
		const ok = this.times.length < this.rate;
		if (ok || this.model === 'refusedCounted') this.times.push(now);
		return ok;
	}
}

class CalendarWindow implements RateWindow {
	readonly model = 'calendar';
	/** Accepted arrivals per calendar second, the last few seconds only. */
	private readonly counts = new Map<number, number>();
	readonly rate: number;

	constructor(rate: number) {
		this.rate = rate;
	}

	tryAcquire(now: number): boolean {
		const second = Math.floor(now / 1000);
		const count = this.counts.get(second) ?? 0;
		if (count >= this.rate) return false;
		this.counts.set(second, count + 1);
		for (const s of this.counts.keys()) if (s < second - 2) this.counts.delete(s);
		return true;
	}
}

/** Counted in thousandths of a token, so that whole milliseconds give exact boundaries: N per ms refill. */
class TokenBucket implements RateWindow {
	readonly model = 'tokenBucket';
	readonly rate: number;
	private level: number;
	private at = Number.NEGATIVE_INFINITY;

	constructor(rate: number) {
		this.rate = rate;
		this.level = rate * 1000;
	}

	tryAcquire(now: number): boolean {
		if (now > this.at) {
			if (this.at !== Number.NEGATIVE_INFINITY) this.level = Math.min(this.rate * 1000, this.level + (now - this.at) * this.rate);
			this.at = now;
		}
		if (this.level < 1000) return false;
		this.level -= 1000;
		return true;
	}
}

class Spacing implements RateWindow {
	readonly model = 'spacing';
	readonly rate: number;
	private last = Number.NEGATIVE_INFINITY;

	constructor(rate: number) {
		this.rate = rate;
	}

	tryAcquire(now: number): boolean {
		// (now − last) ≥ 1000 / N, without dividing: exact for whole milliseconds whatever N.
		if ((now - this.last) * this.rate < 1000) return false;
		this.last = now;
		return true;
	}
}

/** A fresh window of `model` at `rate` requests per second. */
export function rateWindow(model: RateLimitModel, rate: number): RateWindow {
	if (!(rate > 0)) throw new Error(`rateWindow: the rate must be positive, got ${rate}`);
	switch (model) {
		case 'sliding':
		case 'refusedCounted':
			return new SlidingWindow(model, rate);
		case 'calendar':
			return new CalendarWindow(rate);
		case 'tokenBucket':
			return new TokenBucket(rate);
		case 'spacing':
			return new Spacing(rate);
	}
}

/**
 * How many of these accepted arrivals the model would have refused had they been the only ones:
 * 0 when never more than N were accepted within any second as the model counts (for
 * `refusedCounted`, as the sliding window counts: the refused arrivals are not in the list).
 */
export function acceptedOverLimit(model: RateLimitModel, rate: number, acceptedAt: readonly number[]): number {
	const window = rateWindow(model, rate);
	return [...acceptedAt].sort((a, b) => a - b).filter((t) => !window.tryAcquire(t)).length;
}

/**
 * The per-second limit per key (client id): one window per key, of the model and rate asked for at
 * each arrival (a run-time change of either starts that key's window afresh). `false`: no limit.
 */
export class PerSecondLimiter {
	private readonly windows = new Map<string, RateWindow>();

	tryAcquire(key: string, limit: number | false, now: number, model: RateLimitModel = 'sliding'): boolean {
		if (limit === false) return true;
		let window = this.windows.get(key);
		if (!window || window.model !== model || window.rate !== limit) {
			window = rateWindow(model, limit);
			this.windows.set(key, window);
		}
		return window.tryAcquire(now);
	}

	reset(): void {
		this.windows.clear();
	}
}

/** Requests per UTC day; the count starts again at 00:00 UTC. */
export class DailyQuota {
	private readonly counts = new Map<string, { day: string; count: number }>();

	private entry(key: string, now: number): { day: string; count: number } {
		const day = new Date(now).toISOString().slice(0, 10);
		let e = this.counts.get(key);
		if (!e || e.day !== day) {
			e = { day, count: 0 };
			this.counts.set(key, e);
		}
		return e;
	}

	exceeded(key: string, quota: number, now: number): boolean {
		return this.entry(key, now).count >= quota;
	}

	consume(key: string, now: number): void {
		this.entry(key, now).count++;
	}

	used(key: string, now: number): number {
		return this.entry(key, now).count;
	}

	reset(): void {
		this.counts.clear();
	}
}
