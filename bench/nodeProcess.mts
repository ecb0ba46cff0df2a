/**
 * One n8n-like process for `npm run bench -- --processes N`: it runs `batches` executions of the
 * built node at once (as a queue-mode worker runs several jobs), each Create or Update (account
 * sync) over its own contacts, against the fake in its own process, with its own pacer.
 */
import { createRequire } from 'node:module';

import type { INodeType } from 'n8n-workflow';

import { connectedCredential, createHarness, runNode } from '../test/helpers/n8n.mts';

export interface NodeProcessTask {
	fake: { authorizeUrl: string; tokenUrl: string; apiBaseUrl: string };
	tokens: Record<string, unknown>;
	/** Each batch is one execution; the items of each are contacts to create or update. */
	batches: Array<Array<Record<string, string>>>;
	/** The credential's *Requests per Second* (the app's rate, as the fake's `--rate`). */
	rate?: number;
}

export interface NodeProcessResult {
	failedExecutions: number;
	errors: string[];
	seconds: number;
	cpuMicros: number;
	items: number;
}

const require = createRequire(import.meta.url);
const { ConstantContact } = require('../dist/nodes/ConstantContact/ConstantContact.node.js') as { ConstantContact: new () => INodeType };
const mapAutomatically = { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] };

/** `--export`: one execution of one Contact operation (Export, or Get Many for comparison), measured. */
export interface NodeOperationTask {
	fake: NodeProcessTask['fake'];
	tokens: Record<string, unknown>;
	parameters: Record<string, unknown>;
}

export interface NodeOperationResult {
	error?: string;
	items: number;
	/** Distinct email addresses among the output items. */
	distinctEmails: number;
	seconds: number;
	cpuMicros: number;
	/** This process's resident set size before the execution and at its highest during it (sampled every 10 ms). */
	rssBeforeMb: number;
	peakRssMb: number;
}

let task: NodeProcessTask | undefined;
let operation: NodeOperationTask | undefined;
process.on('message', (message: { task?: NodeProcessTask; operation?: NodeOperationTask; go?: boolean }) => {
	if (message.task) task = message.task;
	if (message.operation) operation = message.operation;
	if (message.task || message.operation) process.send?.({ ready: true });
	if (message.go && task) void run(task);
	if (message.go && operation) void runOperation(operation);
});

async function runOperation({ fake, tokens, parameters }: NodeOperationTask): Promise<void> {
	const harness = createHarness(connectedCredential(fake, tokens as never));
	const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
	const rssBefore = process.memoryUsage().rss;
	let peak = rssBefore;
	const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const run = await runNode(harness, { nodeType: new ConstantContact(), parameters: { resource: 'contact', ...parameters } });
	const seconds = (performance.now() - started) / 1000;
	const cpu = process.cpuUsage(cpuBefore);
	clearInterval(sampler);
	peak = Math.max(peak, process.memoryUsage().rss);
	const result: NodeOperationResult = {
		...(run.error ? { error: run.error.message } : {}),
		items: run.output.length,
		distinctEmails: new Set(run.output.map((o) => o.json.email)).size,
		seconds,
		cpuMicros: cpu.user + cpu.system,
		rssBeforeMb: mb(rssBefore),
		peakRssMb: mb(peak),
	};
	process.send?.({ result }, () => process.exit(0));
}

async function run({ fake, tokens, batches, rate }: NodeProcessTask): Promise<void> {
	const harness = createHarness({ ...connectedCredential(fake, tokens as never), ...(rate ? { requestsPerSecond: rate } : {}) });
	const cpuBefore = process.cpuUsage();
	const started = performance.now();
	const runs = await Promise.all(
		batches.map(async (items) =>
			await runNode(harness, {
				nodeType: new ConstantContact(),
				parameters: { resource: 'contact', operation: 'upsert', consentPath: 'accountSync', contactFields: mapAutomatically },
				items,
			}),
		),
	);
	const cpu = process.cpuUsage(cpuBefore);
	const result: NodeProcessResult = {
		failedExecutions: runs.filter((r) => r.error).length,
		errors: runs.flatMap((r) => (r.error ? [r.error.message] : [])),
		seconds: (performance.now() - started) / 1000,
		cpuMicros: cpu.user + cpu.system,
		items: batches.reduce((n, b) => n + b.length, 0),
	};
	process.send?.({ result }, () => process.exit(0));
}
