import { sleep } from 'n8n-workflow';

import { REQUESTS_PER_SECOND } from './constants';

/**
 * A first-come-first-served limiter: at most `limit` request starts in any `windowMs` (+ a safety
 * margin, since Constant Contact counts arrivals, not departures), and starts spaced evenly
 * (`(windowMs + marginMs) / limit` apart) rather than in bursts: requests granted together would
 * queue behind each other on the event loop and reach Constant Contact late and bunched, so that
 * four of them and the next window's first can land in one second. FIFO order keeps requests for
 * the same contact in the order their items came.
 */
export class SlidingWindowPacer {
	private readonly starts: number[] = [];

	/** Slots taken by the last grant: a request that will be retried after a refresh counts twice. */
	private lastSlots = 1;

	private tail: Promise<void> = Promise.resolve();

	readonly limit: number;

	readonly windowMs: number;

	readonly marginMs: number;

	private readonly now: () => number;

	constructor(limit: number, windowMs = 1000, marginMs = 30, now: () => number = Date.now) {
		this.limit = limit;
		this.windowMs = windowMs;
		this.marginMs = marginMs;
		this.now = now;
	}

	/** Resolves when `slots` request starts fit in the window; reserves them. */
	async acquire(slots = 1): Promise<void> {
		const turn = this.tail.then(async () => await this.reserve(Math.min(slots, this.limit)));
		this.tail = turn.catch(() => undefined);
		await turn;
	}

	private async reserve(slots: number): Promise<void> {
		for (;;) {
			const now = this.now();
			const horizon = now - this.windowMs - this.marginMs;
			while (this.starts.length > 0 && this.starts[0] <= horizon) this.starts.shift();
			const spacing = (this.windowMs + this.marginMs) / this.limit;
			const last = this.starts[this.starts.length - 1];
			const spacedAt = last === undefined ? now : last + spacing * this.lastSlots;
			if (this.starts.length + slots <= this.limit && spacedAt <= now) {
				for (let i = 0; i < slots; i++) this.starts.push(now);
				this.lastSlots = slots;
				return;
			}
			const windowFreeAt =
				this.starts.length + slots <= this.limit
					? now
					: this.starts[this.starts.length + slots - this.limit - 1] + this.windowMs + this.marginMs;
			await sleep(Math.max(1, Math.ceil(Math.max(windowFreeAt, spacedAt) - now)));
		}
	}
}

// One pacer per Constant Contact app (client id) for the whole n8n process: the limit is per app,
// so every execution and every workflow using the same app shares it.
const pacers = new Map<string, SlidingWindowPacer>();

export function pacerFor(appKey: string): SlidingWindowPacer {
	let pacer = pacers.get(appKey);
	if (!pacer) {
		pacer = new SlidingWindowPacer(REQUESTS_PER_SECOND);
		pacers.set(appKey, pacer);
	}
	return pacer;
}
