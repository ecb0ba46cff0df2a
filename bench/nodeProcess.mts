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

let task: NodeProcessTask | undefined;
process.on('message', (message: { task?: NodeProcessTask; go?: boolean }) => {
	if (message.task) {
		task = message.task;
		process.send?.({ ready: true });
	}
	if (message.go && task) void run(task);
});

async function run({ fake, tokens, batches }: NodeProcessTask): Promise<void> {
	const harness = createHarness(connectedCredential(fake, tokens as never));
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
