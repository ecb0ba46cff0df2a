// Rate limits keyed by client id (Constant Contact counts per app key, shared by every account).

/**
 * A strict sliding window of one second over arrival times, per key: an arrival is refused when
 * `limit` arrivals lie in the 1000 ms before it, (now − 1000, now]. Whether refused arrivals count
 * is not documented by Constant Contact: by default they do not (the usual token-bucket and
 * sliding-log gateways behave so); `countRefused` is the harsher reading, where every arrival counts.
 */
export class PerSecondLimiter {
	private readonly arrivals = new Map<string, number[]>();

	tryAcquire(key: string, limit: number | false, now: number, countRefused = false): boolean {
		if (limit === false) return true;
		const times = (this.arrivals.get(key) ?? []).filter((t) => t > now - 1000);
		const ok = times.length < limit;
		if (ok || countRefused) times.push(now);
		this.arrivals.set(key, times);
		return ok;
	}

	reset(): void {
		this.arrivals.clear();
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
