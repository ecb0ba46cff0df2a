import type { IDataObject } from 'n8n-workflow';

import { isRecord, kindOf } from '../transport/responses';
import { readSeen, readStoredTime } from './position';

/**
 * One stream of timestamped events (contact changes, campaign sends, one email's bounces…) read
 * again on every poll: everything at or after the position minus an overlap is looked at again, and
 * what was already seen in that window (by key) is not emitted twice. So events with equal
 * timestamps, events split over pages and events that show up a little late are all emitted, each
 * once. The position never passes now: a row dated in the future is emitted once, and later events
 * are still asked for.
 */
export interface StreamState extends IDataObject {
	/** The newest event time seen, at most now (ISO). */
	position: string;
	/** Keys seen within the overlap window: key → time (ms). */
	seen: IDataObject;
}

export interface StreamEvent<T> {
	row: T;
	/** What identifies one event (a contact's bounce at one time with one code). */
	key: string;
	/** When it happened (ms); rows without a readable time (NaN) are skipped. */
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

interface Start {
	position: number;
	seen: Map<string, number>;
	emit: boolean;
	/** Why the stored state could not be used: it was replaced by now, and this poll emits nothing. */
	problem?: string;
}

/** The stored stream, read: none (undefined) starts at the floor or now; one that cannot be used, at now without emitting. */
function start(stored: unknown, options: AdvanceOptions): Start {
	if (stored === undefined) return { position: options.floor ?? options.now, seen: new Map(), emit: options.emit };
	const problem = (p: string): Start => ({ position: options.now, seen: new Map(), emit: false, problem: p });
	if (!isRecord(stored)) return problem(`it is ${kindOf(stored)}, not an object`);
	const position = readStoredTime(stored.position, options.now, 'its position');
	if ('problem' in position) return problem(position.problem);
	const seen = readSeen(stored.seen);
	if ('problem' in seen) return problem(seen.problem);
	return { position: position.value, seen: seen.value, emit: options.emit };
}

/** The oldest time a poll must read back to for this stream. */
export function cutoff(stored: unknown, options: Omit<AdvanceOptions, 'emit'>): number {
	return start(stored, { ...options, emit: false }).position - options.overlapMs;
}

export function advance<T>(stored: unknown, events: Array<StreamEvent<T>>, options: AdvanceOptions): { fresh: T[]; state: StreamState; problem?: string } {
	const { position, seen, emit, problem } = start(stored, options);
	const from = position - options.overlapMs;
	const fresh: Array<StreamEvent<T>> = [];
	let newest = position;
	for (const event of events) {
		if (!Number.isFinite(event.time) || event.time < from) continue;
		if (emit && !seen.has(event.key) && (options.floor === undefined || event.time >= options.floor)) fresh.push(event);
		seen.set(event.key, event.time);
		// A row dated in the future (bad data, a clock ahead) moves the position no further than now.
		newest = Math.max(newest, Math.min(event.time, options.now));
	}
	// What fell out of the overlap window is not read again, so it need not be remembered.
	for (const [key, time] of seen) if (time < newest - options.overlapMs) seen.delete(key);
	fresh.sort((a, b) => a.time - b.time);
	const state = { position: new Date(newest).toISOString(), seen: Object.fromEntries(seen) };
	return { fresh: fresh.map((e) => e.row), state, ...(problem === undefined ? {} : { problem }) };
}
