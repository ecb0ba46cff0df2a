/**
 * `npm run bench [-- --latency 50 --items 60 --json]`: the built node (dist/) run through n8n-core
 * against the fake Constant Contact on loopback, with the fake's 4 requests/second limit on.
 * `--model <name>` counts them as that model does (test/fake-constant-contact/limits.mts: sliding,
 * the default, calendar, tokenBucket, refusedCounted, spacing) and `--rate <n>` sets the fake's N
 * (10 for partner keys), which the node's credential also gets as its *Requests per Second*.
 * `--refused-count` is `--model refusedCounted`.
 *
 * `npm run bench -- --processes N [--batches 6 --batch-size 30 --split 5,1 --model M --rate N --json]`:
 * instead, N node processes share one app against the fake in its own process (see processes.mts):
 * accepted requests per second, 429s, contacts delivered and fairness, per process and in total,
 * checked against the targets (exit code 1 when one is missed; with `--split`, unequal work, only
 * delivery and the window are checked).
 *
 * - perItem: Create or Update (account sync) over `items` items: rate and 429s.
 * - naive:   the baseline, measured in the same run: what a loop of HTTP Request nodes does, one
 *            request at a time, no pacing, a one-second wait after a 429.
 * - bulk:    Import of 10,000 contacts: API calls and seconds. bulk40k: 40,000 contacts, one request.
 * - cpuMicrosPerItem: the node's own CPU time per item in an import run (mapping, validation, body),
 *            with one request for all items, so the network is out of the measure.
 *
 * `npm run bench -- --export N [--latency 50 --no-compare --json]`: instead, Contact → Export of N
 * contacts (the fake in its own process holds them): requests, seconds and the node process's peak
 * RSS, and Get Many (Return All) over the same contacts for comparison (see processes.mts).
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

import type { INodeType } from 'n8n-workflow';

import { parseRateLimitModel } from '../test/fake-constant-contact/limits.mts';
import { startFakeConstantContact } from '../test/fake-constant-contact/server.mts';
import type { FakeConstantContact } from '../test/fake-constant-contact/server.mts';
import { connectedCredential, createHarness, runNode } from '../test/helpers/n8n.mts';
import { rateTable } from '../test/helpers/rateReport.mts';
import { runExportBench, runProcesses } from './processes.mts';

const { values: args } = parseArgs({
	options: {
		latency: { type: 'string', default: '50' },
		items: { type: 'string', default: '60' },
		json: { type: 'boolean', default: false },
		processes: { type: 'string' },
		batches: { type: 'string', default: '6' },
		'batch-size': { type: 'string', default: '30' },
		model: { type: 'string' },
		rate: { type: 'string', default: '4' },
		'refused-count': { type: 'boolean', default: false },
		split: { type: 'string' },
		export: { type: 'string' },
		'no-compare': { type: 'boolean', default: false },
	},
});
const latencyMs = Number(args.latency);
const itemCount = Number(args.items);
if (args['refused-count'] && args.model !== undefined && args.model !== 'refusedCounted') throw new Error('--refused-count is --model refusedCounted: give one of them');
const model = args['refused-count'] ? 'refusedCounted' : parseRateLimitModel(args.model, '--model');
const rate = Number(args.rate);
if (!Number.isInteger(rate) || rate < 1) throw new Error(`--rate needs a whole number of requests per second, got ${args.rate}`);
/** How the fake counts, for the headings: "4 requests/s limit" by default, as before. */
const limitLabel = `${rate} requests/s limit${model === 'sliding' ? '' : ` counted as ${model}`}`;

const require = createRequire(import.meta.url);
const { ConstantContact } = require('../dist/nodes/ConstantContact/ConstantContact.node.js') as { ConstantContact: new () => INodeType };

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const apiCalls = (fake: FakeConstantContact) => fake.requests.filter((r) => r.path.startsWith('/v3/'));
const mapAutomatically = { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] };

function people(n: number, prefix: string) {
	return Array.from({ length: n }, (_, i) => ({ Email: `${prefix}${i}@example.com`, 'First Name': `First${i}`, 'Last Name': `Last${i}` }));
}

async function account(fake: FakeConstantContact) {
	fake.reset();
	const tokens = await fake.issueTokens();
	// The credential's *Requests per Second* is the app's rate, as the fake counts it.
	return createHarness({ ...connectedCredential(fake, tokens as never), requestsPerSecond: rate });
}

async function perItem(fake: FakeConstantContact) {
	const harness = await account(fake);
	// Half the contacts exist already, so both the create and the update path run.
	for (let i = 0; i < itemCount; i += 2) fake.seed.contact({ email_address: { address: `p${i}@example.com`, permission_to_send: 'implicit' } });
	fake.requests.length = 0;
	const started = performance.now();
	const run = await runNode(harness, {
		nodeType: new ConstantContact(),
		parameters: { resource: 'contact', operation: 'upsert', consentPath: 'accountSync', contactFields: mapAutomatically },
		items: people(itemCount, 'p'),
	});
	const seconds = (performance.now() - started) / 1000;
	if (run.error) throw run.error;
	const calls = apiCalls(fake);
	return { items: itemCount, seconds: round(seconds), requestsPerSecond: round(calls.length / seconds), throttled: calls.filter((r) => r.status === 429).length };
}

/** One request at a time, no pacing, one second after a 429: a loop of HTTP Request nodes. */
async function naive(fake: FakeConstantContact) {
	fake.reset();
	const { access_token: token } = await fake.issueTokens();
	for (let i = 0; i < itemCount; i += 2) fake.seed.contact({ email_address: { address: `n${i}@example.com`, permission_to_send: 'implicit' } });
	fake.requests.length = 0;
	const send = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => {
		for (;;) {
			const response = await fetch(`${fake.apiBaseUrl}${path}`, {
				method,
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const json = response.status === 204 ? undefined : await response.json();
			if (response.status !== 429) return { status: response.status, json };
			await new Promise((r) => setTimeout(r, 1000));
		}
	};
	const started = performance.now();
	for (const person of people(itemCount, 'n')) {
		const found = await send('GET', `/contacts?email=${encodeURIComponent(person.Email)}&status=all`);
		const existing = found.json.contacts?.[0];
		if (existing) {
			await send('PUT', `/contacts/${existing.contact_id}`, {
				email_address: { address: person.Email },
				first_name: person['First Name'],
				last_name: person['Last Name'],
				update_source: 'Account',
			});
		} else {
			await send('POST', '/contacts', {
				email_address: { address: person.Email, permission_to_send: 'implicit' },
				first_name: person['First Name'],
				last_name: person['Last Name'],
				create_source: 'Account',
			});
		}
	}
	const seconds = (performance.now() - started) / 1000;
	const calls = apiCalls(fake);
	return { items: itemCount, seconds: round(seconds), requestsPerSecond: round(calls.length / seconds), throttled: calls.filter((r) => r.status === 429).length };
}

async function bulk(fake: FakeConstantContact, contacts: number) {
	const harness = await account(fake);
	const list = fake.seed.list({ name: 'Bulk' });
	fake.requests.length = 0;
	const items = people(contacts, `b${contacts}-`);
	const rssBefore = process.memoryUsage().rss;
	let peakRss = rssBefore;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const run = await runNode(harness, {
		nodeType: new ConstantContact(),
		parameters: {
			resource: 'contact',
			operation: 'import',
			contactFields: mapAutomatically,
			importListMemberships: { list: [{ list: { __rl: true, mode: 'list', value: list.list_id } }] },
		},
		items,
	});
	const seconds = (performance.now() - started) / 1000;
	const cpu = process.cpuUsage(cpuBefore);
	clearInterval(sampler);
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
	if (run.error) throw run.error;
	const state = run.output.map((o) => o.json.state);
	if (state.some((s) => s !== 'completed')) throw new Error(`import ended ${state.join(', ')}`);
	const calls = apiCalls(fake);
	return {
		contacts,
		apiCalls: calls.length,
		importRequests: calls.filter((r) => r.method === 'POST').length,
		seconds: round(seconds),
		peakRssMb: Math.round(peakRss / 2 ** 20),
		cpuMicrosPerItem: round((cpu.user + cpu.system) / contacts, 1),
	};
}

if (args.export !== undefined) {
	const contacts = Number(args.export);
	if (!Number.isInteger(contacts) || contacts < 1) throw new Error(`--export needs a whole number of contacts, got ${args.export}`);
	const result = await runExportBench({ contacts, latencyMs, compare: !args['no-compare'] });
	console.log(
		`Constant Contact node benchmark: Contact → Export of ${contacts.toLocaleString('en-US')} contacts, fake latency ${latencyMs} ms, 4 requests/s limit; the fake in its own process, each run in a fresh node process\n`,
	);
	for (const r of result.runs) {
		console.log(`${r.name}: ${r.error ? `FAILED: ${r.error}` : `${r.items.toLocaleString('en-US')} items (${r.distinctEmails.toLocaleString('en-US')} distinct emails)`}`);
		console.log(`  requests ${r.requests} (${Object.entries(r.byEndpoint).map(([k, n]) => `${k} ×${n}`).join(', ')}), 429s ${r.throttled}`);
		console.log(`  ${round(r.seconds, 1)} s, node CPU ${round(r.cpuMicros / 1e6, 1)} s, node process RSS ${r.rssBeforeMb} MB before, peak ${r.peakRssMb} MB`);
	}
	if (args.json) console.log(JSON.stringify(result));
	process.exit(result.runs.some((r) => r.error || r.items !== contacts) ? 1 : 0);
}

if (args.processes !== undefined) {
	const processes = Number(args.processes);
	const split = args.split?.split(',').map(Number);
	if (split && (split.length !== processes || split.some((n) => !Number.isInteger(n) || n < 1))) {
		throw new Error(`--split needs ${processes} whole numbers of batches, one per process (e.g. 5,1)`);
	}
	const result = await runProcesses({
		split,
		processes,
		latencyMs,
		batches: Number(args.batches),
		batchSize: Number(args['batch-size']),
		model,
		rate,
	});
	console.log(
		`Constant Contact node benchmark: ${processes} process(es) sharing one app, fake latency ${latencyMs} ms, ${limitLabel}${
			result.refusedCount ? ' (refused requests count in the window)' : ''
		}, ${result.contacts} contacts in ${split ? `${split.join(' + ')} executions (unequal work)` : `${args.batches} executions`}\n`,
	);
	console.log(rateTable(result));
	console.log(
		`\ncontacts delivered ${result.delivered}/${result.contacts}, failed executions ${result.failedExecutions}, ${result.seconds} s, peak ${result.peakPerSecond} accepted in one second${
			model === 'sliding' || model === 'refusedCounted' ? '' : ` (sliding; as ${model} counts, ${result.overLimit} over the limit)`
		}`,
	);
	console.log(`node CPU per item, per process: ${result.cpuMicrosPerItem.join(', ')} µs (the fake runs in its own process)`);
	console.log(result.targetFailures.length ? `targets missed:\n- ${result.targetFailures.join('\n- ')}` : split ? 'everything delivered, never 5 in a second (rate targets are for equal work)' : 'targets met');
	if (args.json) console.log(JSON.stringify(result));
	process.exit(result.targetFailures.length ? 1 : 0);
}

const fake = await startFakeConstantContact({ rateLimitPerSecond: rate, rateLimitModel: model, latencyMs, tokenRateLimitPerSecond: false, importStepMs: 500 });
try {
	const perItemResult = await perItem(fake);
	const naiveResult = await naive(fake);
	const bulk10k = await bulk(fake, 10_000);
	const bulk40k = await bulk(fake, 40_000);
	const result = {
		latencyMs,
		model,
		rate,
		perItem: perItemResult,
		naive: naiveResult,
		bulk: { contacts: bulk10k.contacts, apiCalls: bulk10k.apiCalls, seconds: bulk10k.seconds, peakRssMb: bulk10k.peakRssMb },
		bulk40k: { contacts: bulk40k.contacts, importRequests: bulk40k.importRequests, seconds: bulk40k.seconds, peakRssMb: bulk40k.peakRssMb },
		cpuMicrosPerItem: bulk10k.cpuMicrosPerItem,
	};
	const ratio = (a: number, b: number) => (b > 0 ? `${round(a / b, 1)}x` : 'n/a');
	console.log(`Constant Contact node benchmark, fake latency ${latencyMs} ms, ${limitLabel} on\n`);
	console.log('| run | items | seconds | requests/s | 429s | API calls | peak RSS MB |');
	console.log('|---|---|---|---|---|---|---|');
	console.log(`| per item (node) | ${perItemResult.items} | ${perItemResult.seconds} | ${perItemResult.requestsPerSecond} | ${perItemResult.throttled} | | |`);
	console.log(`| naive loop (baseline) | ${naiveResult.items} | ${naiveResult.seconds} | ${naiveResult.requestsPerSecond} | ${naiveResult.throttled} | | |`);
	console.log(`| import 10,000 | 10000 | ${bulk10k.seconds} | | | ${bulk10k.apiCalls} | ${bulk10k.peakRssMb} |`);
	console.log(`| import 40,000 | 40000 | ${bulk40k.seconds} | | | ${bulk40k.apiCalls} (${bulk40k.importRequests} import) | ${bulk40k.peakRssMb} |`);
	console.log(`\nper item vs naive: ${ratio(naiveResult.seconds, perItemResult.seconds)} faster, ${perItemResult.throttled} vs ${naiveResult.throttled} throttled`);
	console.log(`import vs per item, API calls for 10,000 contacts: ${bulk10k.apiCalls} vs ~${Math.round((perItemResult.requestsPerSecond * perItemResult.seconds * 10_000) / perItemResult.items)} (${ratio((perItemResult.requestsPerSecond * perItemResult.seconds * 10_000) / perItemResult.items, bulk10k.apiCalls)} fewer)`);
	console.log(`node CPU per item (import run, mapping + validation + body): ${result.cpuMicrosPerItem} µs`);
	if (args.json) console.log(JSON.stringify(result));
} finally {
	await fake.close();
}
