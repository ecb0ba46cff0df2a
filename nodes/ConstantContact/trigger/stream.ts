import type { IDataObject } from 'n8n-workflow';

/**
 * One stream of timestamped events (campaign sends, one email's bounces…) read from the top on every
 * poll, as the contact trigger reads contacts: everything at or after the position minus an overlap is
 * looked at again, and what was already seen in that window (by key) is not emitted twice. So events
 * with equal timestamps, events split over pages and events that show up a little late are all
 * emitted, each once.
 */
export interface StreamState extends IDataObject {
	/** The newest event time seen (ISO). */
	position: string;
	/** Keys seen within the overlap window: key → time (ms). */
	seen: IDataObject;
}

export interface StreamEvent<T> {
	row: T;
	/** What identifies one event (a contact's bounce at one time with one code). */
	key: string;
	/** When it happened (ms); rows without a readable time are skipped. */
	time: number;
}

export interface AdvanceOptions {
	now: number;
	overlapMs: number;
	/** False on a configuration's first poll: everything there is marks the start, nothing is emitted. */
	emit: boolean;
	/** Events before this time (ms) are never emitted: a stream watched from later on starts at the trigger's start. */
	floor?: number;
}

/** The oldest time a poll must read back to for this stream. */
export function cutoff(state: Partial<StreamState> | undefined, options: Pick<AdvanceOptions, 'now' | 'overlapMs' | 'floor'>): number {
	const position = state?.position ? Date.parse(state.position) : (options.floor ?? options.now);
	return position - options.overlapMs;
}

export function advance<T>(
	state: Partial<StreamState> | undefined,
	events: Array<StreamEvent<T>>,
	options: AdvanceOptions,
): { fresh: T[]; state: StreamState } {
	const position = state?.position ? Date.parse(state.position) : (options.floor ?? options.now);
	const seen: Record<string, number> = { ...((state?.seen ?? {}) as Record<string, number>) };
	const from = position - options.overlapMs;
	const fresh: Array<StreamEvent<T>> = [];
	let newest = position;
	for (const event of events) {
		if (Number.isNaN(event.time) || event.time < from) continue;
		const emittable = options.emit && !(event.key in seen) && (options.floor === undefined || event.time >= options.floor);
		if (emittable) fresh.push(event);
		seen[event.key] = event.time;
		if (event.time > newest) newest = event.time;
	}
	// What fell out of the overlap window is not read again, so it need not be remembered.
	for (const [key, time] of Object.entries(seen)) if (time < newest - options.overlapMs) delete seen[key];
	fresh.sort((a, b) => a.time - b.time);
	return { fresh: fresh.map((e) => e.row), state: { position: new Date(newest).toISOString(), seen } };
}
