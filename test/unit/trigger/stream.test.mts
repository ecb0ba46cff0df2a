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
		const first = advance(state, [ev('b', T0 + 2 * min), ev('a', T0 + min), ev('c', T0 + 2 * min)], { ...options, emit: true });
		expect(first.fresh).toEqual(['a', 'b', 'c']);
		state = first.state;
		// 'd' carries an older time than the position but shows up only now; 'b' is read again.
		const second = advance(state, [ev('b', T0 + 2 * min), ev('d', T0 + min / 2)], { ...options, emit: true });
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
});
