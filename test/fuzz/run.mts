/**
 * `npm run fuzz [-- --runs 100000 --seed 20261130 --family Import]`: the property-based fuzz of every
 * operation family that takes item data (families.mts), for as long as asked: at least `--runs`
 * generated items per family. Prints, per family, the inputs and items tried, accepted (with the
 * bodies, each valid per swagger-v3.yaml), rejected by field, crashes and contract-invalid bodies,
 * and exits non-zero when any crash or contract-invalid body was found.
 *
 * It runs the node's TypeScript source, as the tests do: relative imports without an extension
 * resolve to their `.ts` file, and n8n-workflow to the CommonJS build n8n itself loads.
 */
import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const workflow = pathToFileURL(createRequire(import.meta.url).resolve('n8n-workflow')).href;
registerHooks({
	resolve(specifier, context, nextResolve) {
		if (specifier === 'n8n-workflow') return nextResolve(workflow, context);
		if (specifier.startsWith('.') && context.parentURL?.endsWith('.ts') && !/\.[cm]?[jt]s$/.test(specifier)) {
			return nextResolve(`${specifier}.ts`, context);
		}
		return nextResolve(specifier, context);
	},
});

const { values: args } = parseArgs({
	options: {
		runs: { type: 'string', default: '100000' },
		seed: { type: 'string', default: '20261130' },
		family: { type: 'string' },
	},
});
const minItems = Number(args.runs);
const seed = Number(args.seed);
if (!Number.isInteger(minItems) || minItems < 1 || !Number.isInteger(seed)) {
	console.error('usage: npm run fuzz -- --runs <items per family> [--seed <integer>] [--family <name part>]');
	process.exit(2);
}

const { loadContract } = await import('../fake-constant-contact/contract.mts');
const { FAMILIES } = await import('./families.mts');
const { formatTally, runFamily } = await import('./engine.mts');

const contract = await loadContract();
const families = FAMILIES.filter((f) => !args.family || f.name.toLowerCase().includes(args.family.toLowerCase()));
console.log(`fuzz: at least ${minItems.toLocaleString('en-US')} generated items per operation family, seed ${seed}, Node ${process.version}\n`);
let crashes = 0;
let invalid = 0;
const started = performance.now();
for (const family of families) {
	const familyStarted = performance.now();
	const tally = runFamily(family, contract, { minItems, seed });
	crashes += tally.crashes;
	invalid += tally.invalid;
	console.log(`${formatTally(tally)}\n  ${((performance.now() - familyStarted) / 1000).toFixed(1)} s\n`);
}
console.log(`total: ${families.length} families, crashes ${crashes}, contract-invalid bodies ${invalid}, ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(crashes + invalid > 0 ? 1 : 0);
