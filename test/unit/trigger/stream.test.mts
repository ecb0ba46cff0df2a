import { describe, expect, it } from 'vitest';

import { advance, cutoff } from '../../../nodes/ConstantContact/trigger/stream.ts';

const T0 = Date.parse('2026-05-01T12:00:00.000Z');
const min = 60_000;
const ev = (key: string, at: number) => ({ row: key, key, time: at });
const options = { now: T0, overlapMs: 30 * min };

describe('advance (one stream of timestamped events)', () => {
	it('the first poll marks what is there and emits nothing', () => {
		const { fresh, state } = advance(undefined, [ev('a', T0 - min)], { ...options, emit: false });
		expect(fresh).toEqual([]);
		expect(state).toEqual({ position: new Date(T0).toISOString(), seen: { a: T0 - min } });
	});

	it('emits new keys oldest first, equal times included, each once; late rows within the overlap too', () => {
		let state = advance(undefined, [], { ...options, emit: false }).state;
		const later = { ...options, now: T0 + 3 * min, emit: true };
		const first = advance(state, [ev('b', T0 + 2 * min), ev('a', T0 + min), ev('c', T0 + 2 * min)], later);
		expect(first.fresh).toEqual(['a', 'b', 'c']);
		state = first.state;
		// 'd' carries an older time than the position but shows up only now; 'b' is read again.
		const second = advance(state, [ev('b', T0 + 2 * min), ev('d', T0 + min / 2)], later);
		expect(second.fresh).toEqual(['d']);
		expect(second.state.position).toBe(new Date(T0 + 2 * min).toISOString());
	});

	it('ignores rows older than the overlap and forgets keys that left it', () => {
		const state = { position: new Date(T0).toISOString(), seen: { old: T0 - 40 * min, recent: T0 - 5 * min } };
		const { fresh, state: next } = advance(state, [ev('ancient', T0 - 31 * min), ev('recent', T0 - 5 * min)], { ...options, emit: true });
		expect(fresh).toEqual([]);
		expect(next.seen).toEqual({ recent: T0 - 5 * min });
		expect(cutoff(state, options)).toBe(T0 - 30 * min);
	});

	it('a stream watched from later on starts at the floor: older events are never emitted', () => {
		const floor = T0 - 10 * min;
		const { fresh, state } = advance(undefined, [ev('before', T0 - 20 * min), ev('after', T0 - 5 * min)], { ...options, emit: true, floor });
		expect(fresh).toEqual(['after']);
		expect(Object.keys(state.seen).sort()).toEqual(['after', 'before']);
		expect(cutoff(undefined, { ...options, floor })).toBe(floor - 30 * min);
	});

	it('a row dated in the future is emitted once and moves the position no further than now', () => {
		const state = advance(undefined, [], { ...options, emit: false }).state;
		const year = 365 * 24 * 60 * min;
		const first = advance(state, [ev('future', T0 + year), ev('now', T0)], { ...options, emit: true });
		expect(first.fresh).toEqual(['now', 'future']);
		expect(first.state.position).toBe(new Date(T0).toISOString());
		const second = advance(first.state, [ev('future', T0 + year), ev('next', T0 + min)], { ...options, now: T0 + min, emit: true });
		expect(second.fresh).toEqual(['next']);
		expect(cutoff(second.state, { ...options, now: T0 + min })).toBe(T0 + min - 30 * min);
	});

	it('a stored state that cannot be used is replaced by now, emits nothing this poll and says why', () => {
		const spoiled: Array<[unknown, RegExp]> = [
			['garbage', /it is a string, not an object/],
			[{ position: 'not a date', seen: {} }, /its position "not a date" is not a date/],
			[{ position: 12345, seen: {} }, /its position 12345 is not a date/],
			[{ position: '2099-01-01T00:00:00Z', seen: {} }, /its position "2099-01-01T00:00:00Z" is in the future/],
			[{ position: new Date(T0).toISOString(), seen: ['x'] }, /what it saw is a list, not an object/],
			[{ position: new Date(T0).toISOString(), seen: { a: 'x' } }, /what it saw holds "x", not a time/],
			[{ position: new Date(T0).toISOString() }, /what it saw is missing/],
		];
		for (const [stored, why] of spoiled) {
			const { fresh, state, problem } = advance(stored, [ev('a', T0 - min)], { ...options, emit: true });
			expect(fresh).toEqual([]);
			expect(state).toEqual({ position: new Date(T0).toISOString(), seen: { a: T0 - min } });
			expect(problem).toMatch(why);
			expect(cutoff(stored, options)).toBe(T0 - 30 * min);
		}
		// A position a little ahead (another n8n's clock) is taken as written.
		const ahead = { position: new Date(T0 + min).toISOString(), seen: {} };
		expect(advance(ahead, [], { ...options, emit: true })).toEqual({ fresh: [], state: ahead });
	});
});
