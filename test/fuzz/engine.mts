/**
 * Runs the families (families.mts) over generated inputs and tallies the outcomes: inputs tried,
 * items, accepted, rejected by field, crashes, contract-invalid bodies, and the slowest input.
 * Shared by the fixed-seed test in `npm test` and by `npm run fuzz`.
 */
import { inspect } from 'node:util';

import fc from 'fast-check';

import type { Contract } from '../fake-constant-contact/contract.mts';
import type { Family, Outcome } from './families.mts';
import { classify, fieldOf } from './families.mts';

export interface Tally {
	family: string;
	inputs: number;
	items: number;
	accepted: number;
	bodies: number;
	rejected: number;
	rejectedByField: Record<string, number>;
	crashes: number;
	invalid: number;
	slowestMs: number;
	/** 99th percentile of the time one input took (mapping, validation, body and the contract check). */
	p99Ms: number;
	/** The first few failures, for the report. */
	failures: Array<{ outcome: Outcome; input: string }>;
}

function describeInput(input: unknown): string {
	const text = inspect(input, { depth: 6, maxStringLength: 60, maxArrayLength: 8, breakLength: Infinity });
	return text.length > 1500 ? `${text.slice(0, 1500)}…` : text;
}

/** Runs `family` until at least `minItems` items were tried (fixed `seed`), tallying every outcome. */
export function runFamily<T>(family: Family<T>, contract: Contract, options: { minItems: number; seed: number }): Tally {
	const tally: Tally = { family: family.name, inputs: 0, items: 0, accepted: 0, bodies: 0, rejected: 0, rejectedByField: {}, crashes: 0, invalid: 0, slowestMs: 0, p99Ms: 0, failures: [] };
	const times: number[] = [];
	let seed = options.seed;
	while (tally.items < options.minItems) {
		// Small batches: the generated inputs of a batch are held in memory at once, and large heaps mean long GC pauses.
		const batch = Math.min(200, Math.max(1, options.minItems - tally.items));
		for (const input of fc.sample(family.arbitrary, { numRuns: batch, seed: seed++ })) {
			const started = performance.now();
			const outcome = classify(family, input, contract);
			const ms = performance.now() - started;
			tally.slowestMs = Math.max(tally.slowestMs, ms);
			times.push(ms);
			tally.inputs++;
			tally.items += family.items(input);
			if (outcome.kind === 'accepted') {
				tally.accepted++;
				tally.bodies += outcome.bodies.length;
			} else if (outcome.kind === 'rejected') {
				tally.rejected++;
				for (const field of new Set(outcome.problems.map((p) => fieldOf(p, family.field)))) tally.rejectedByField[field] = (tally.rejectedByField[field] ?? 0) + 1;
			} else {
				if (outcome.kind === 'crash') tally.crashes++;
				else tally.invalid++;
				if (tally.failures.length < 5) tally.failures.push({ outcome, input: describeInput(input) });
			}
		}
	}
	times.sort((a, b) => a - b);
	tally.p99Ms = times[Math.floor(times.length * 0.99)] ?? 0;
	return tally;
}

export function formatTally(t: Tally): string {
	const fields = Object.entries(t.rejectedByField)
		.sort((a, b) => b[1] - a[1])
		.map(([f, n]) => `${f} ${n.toLocaleString('en-US')}`)
		.join(', ');
	const lines = [
		`${t.family}`,
		`  inputs ${t.inputs.toLocaleString('en-US')}, items ${t.items.toLocaleString('en-US')}: accepted ${t.accepted.toLocaleString('en-US')} (${t.bodies.toLocaleString('en-US')} bodies, all valid per the contract), rejected ${t.rejected.toLocaleString('en-US')}, crashes ${t.crashes}, contract-invalid ${t.invalid}; time per input p99 ${t.p99Ms.toFixed(2)} ms, slowest ${t.slowestMs.toFixed(1)} ms (GC pauses and other load included)`,
		`  rejected by field: ${fields || '(none)'}`,
	];
	for (const f of t.failures) lines.push(`  FAILURE ${JSON.stringify(f.outcome).slice(0, 1500)}\n    input ${f.input}`);
	return lines.join('\n');
}
