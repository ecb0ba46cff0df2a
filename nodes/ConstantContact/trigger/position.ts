import type { IPollFunctions } from 'n8n-workflow';

import { isRecord, kindOf } from '../transport/responses';

/**
 * How far ahead of n8n's clock a stored position may be and still be taken as written: n8n's clock
 * can step back (NTP), and two n8n instances can disagree a little. A position further ahead has not
 * happened yet: it is replaced by now. Shorter than every overlap (5 minutes), so a position this far
 * ahead still reads back past the previous poll.
 */
export const CLOCK_SKEW_MS = 2 * 60_000;

/** A time (ms) from a stored state or an answer, or undefined unless it is a date-time string. */
export function readTime(value: unknown): number | undefined {
	// An ISO date-time is about 30 characters: a longer value is not parsed.
	if (typeof value !== 'string' || value.length > 64) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

export type Stored<T> = { value: T } | { problem: string };

/** A stored value as a message shows it: text as a short quote, anything else by its kind. */
function shown(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	if (value === undefined) return 'nothing';
	return typeof value === 'number' ? String(value) : kindOf(value);
}

/** A stored position (or start): a date, no further ahead than the clock skew allows. */
export function readStoredTime(value: unknown, now: number, name: string): Stored<number> {
	if (value === undefined) return { problem: `${name} is missing` };
	const ms = readTime(value);
	if (ms === undefined) return { problem: `${name} ${shown(value)} is not a date` };
	if (ms > now + CLOCK_SKEW_MS) return { problem: `${name} ${shown(value)} is in the future` };
	return { value: ms };
}

/** What a stream saw in its overlap window: key → time (ms). A Map, so no key meets Object.prototype. */
export function readSeen(value: unknown): Stored<Map<string, number>> {
	if (!isRecord(value)) return { problem: `what it saw is ${value === undefined ? 'missing' : `${kindOf(value)}, not an object`}` };
	const seen = new Map<string, number>();
	for (const [key, time] of Object.entries(value)) {
		if (typeof time !== 'number' || !Number.isFinite(time)) return { problem: `what it saw holds ${shown(time)}, not a time` };
		seen.set(key, time);
	}
	return { value: seen };
}

/**
 * One part of an event's key: a scalar as String() writes it (the keys states already hold), an
 * object or list by its kind: String() of an answer's object can throw.
 */
export function keyPart(value: unknown): string {
	return value !== null && typeof value === 'object' ? `(${kindOf(value)})` : String(value);
}

/** Said once, by the poll that replaces the state: the next poll reads the state it wrote. */
export function reportUnusableState(this: IPollFunctions, problem: string): void {
	const node = this.getNode().name;
	this.logger.warn(`Constant Contact Trigger "${node}": its stored state cannot be used (${problem}); it starts again from now, and nothing from before is emitted`, {
		workflowId: this.getWorkflow().id,
		nodeName: node,
	});
}
