import { sleep } from 'n8n-workflow';

import { REQUESTS_PER_SECOND } from './constants';

/**
 * A first-come-first-served sliding-window limiter: at most `limit` request starts in any
 * `windowMs` (+ a safety margin, since Constant Contact counts arrivals, not departures).
 * FIFO order keeps requests for the same contact in the order their items came.
 */
export class SlidingWindowPacer {
	private readonly starts: number[] = [];

	private tail: Promise<void> = Promise.resolve();

	readonly limit: number;

	readonly windowMs: number;

	readonly marginMs: number;

	private readonly now: () => number;

	constructor(limit: number, windowMs = 1000, marginMs = 40, now: () => number = Date.now) {
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
			if (this.starts.length + slots <= this.limit) {
				for (let i = 0; i < slots; i++) this.starts.push(now);
				return;
			}
			const freeAt = this.starts[this.starts.length + slots - this.limit - 1] + this.windowMs + this.marginMs;
			await sleep(Math.max(1, freeAt - now));
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
