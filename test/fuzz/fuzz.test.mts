/**
 * The fixed-seed fuzz run inside `npm test`: every operation family that takes item data, over
 * generated hostile items, ends each input in a body the contract accepts or in per-item problems
 * that name their field; never a crash, a polluted prototype or a contract-invalid body.
 * `npm run fuzz -- --runs N` runs the same families for longer.
 */
import { beforeAll, describe, expect, it } from 'vitest';

import type { Contract } from '../fake-constant-contact/contract.mts';
import { loadContract } from '../fake-constant-contact/contract.mts';
import { formatTally, runFamily } from './engine.mts';
import { FAMILIES } from './families.mts';

/** Items per family per `npm test`: a few seconds in all. */
const ITEMS = 400;
const SEED = 20261130;

let contract: Contract;
beforeAll(async () => {
	contract = await loadContract();
});

describe(`fuzz, fixed seed ${SEED}, ${ITEMS} items per operation family`, () => {
	for (const family of FAMILIES) {
		it(family.name, () => {
			const tally = runFamily(family, contract, { minItems: ITEMS, seed: SEED });
			const report = formatTally(tally);
			expect(tally.crashes, report).toBe(0);
			expect(tally.invalid, report).toBe(0);
			// Both ends are reached: the generator makes bodies the contract takes and items the node must refuse.
			expect(tally.accepted, report).toBeGreaterThan(0);
			expect(tally.rejected, report).toBeGreaterThan(0);
			expect(tally.items).toBeGreaterThanOrEqual(ITEMS);
		});
	}
});
