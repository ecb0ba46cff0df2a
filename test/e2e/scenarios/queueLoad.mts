// Queue mode under load: an active workflow Webhook → Split Out → Constant Contact (Create or
// Update, account sync), production executions that n8n's main enqueues and its workers run.
// `fireLoad` posts N webhook calls of M contacts at once, waits for the executions, learns which
// worker ran each one (its log: "Worker started execution <id>"), attributes every request the fake
// received to that worker (through the contact's email, which names the call), and reports.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { FakeConstantContact, RequestLogEntry } from '../../fake-constant-contact/server.mts';
import type { AttributedRequest, RateReport } from '../../helpers/rateReport.mts';
import { rateReport } from '../../helpers/rateReport.mts';
import { isApi, isRefresh } from '../lib/context.mts';
import { check, log, waitFor } from '../lib/log.mts';
import type { N8nWorker } from '../lib/n8n.mts';
import { N8N_URL } from '../lib/n8n.mts';
import type { N8nRest } from '../lib/rest.mts';
import { CC_NODE, CREDENTIAL_TYPE, NODE_TYPE_COMMUNITY, accountSyncParameters } from '../lib/workflows.mts';

export const WEBHOOK_PATH = 'e2e-queue-account-sync';

export interface QueueCtx {
	fake: FakeConstantContact;
	rest: N8nRest;
	n8nDir: string;
	credential: { id: string; name: string };
	listId: string;
	/** The main's log (it must run no execution itself). */
	mainLog: () => string;
}

/** The workflow as the editor saves it: Webhook (POST, answers at once) → Split Out → Create or Update. */
export function webhookWorkflow(ctx: QueueCtx): Record<string, unknown> {
	return {
		name: 'e2e queue: webhook → account sync',
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		nodes: [
			{
				id: randomUUID(),
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'onReceived', options: {} },
			},
			{
				id: randomUUID(),
				name: 'Split Out',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.contacts', options: {} },
			},
			{
				id: randomUUID(),
				name: CC_NODE,
				type: NODE_TYPE_COMMUNITY,
				typeVersion: 1,
				position: [440, 0],
				parameters: accountSyncParameters([ctx.listId]),
				credentials: { [CREDENTIAL_TYPE]: ctx.credential },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] },
			'Split Out': { main: [[{ node: CC_NODE, type: 'main', index: 0 }]] },
		},
	};
}

/**
 * Saves the workflow and publishes it (n8n 2.x: activate a version), then waits until its webhook is
 * registered: n8n registers it in the background, so a call right after activation can get a 404.
 * A CORS preflight asks n8n for the path's methods without starting an execution.
 */
export async function activateWorkflow(rest: N8nRest, workflow: Record<string, unknown>): Promise<string> {
	const created = await rest.request<{ id: string; versionId: string }>('POST', '/rest/workflows', workflow);
	const active = await rest.request<{ active: boolean }>('POST', `/rest/workflows/${created.id}/activate`, { versionId: created.versionId });
	check(active.active, `POST /rest/workflows/${created.id}/activate left the workflow inactive`);
	await waitFor(
		`the webhook POST /webhook/${WEBHOOK_PATH} to be registered`,
		async () => {
			const preflight = await fetch(`${N8N_URL}/webhook/${WEBHOOK_PATH}`, {
				method: 'OPTIONS',
				headers: { origin: N8N_URL, 'access-control-request-method': 'POST' },
			});
			return preflight.status === 204 && (preflight.headers.get('access-control-allow-methods') ?? '').includes('POST');
		},
		60_000,
		250,
	);
	return created.id;
}

interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
}

export interface LoadOptions {
	/** Names the contacts of this run: `<prefix>-<call>-<n>@example.com`. */
	prefix: string;
	calls: number;
	contactsPerCall: number;
	workflowId: string;
	/** The workers that may run the executions; none: a regular n8n, whose main runs them. */
	workers: N8nWorker[];
}

export interface LoadResult {
	report: RateReport;
	/** Every API request, attributed to the worker whose execution sent it. */
	arrivals: AttributedRequest[];
	requests: RequestLogEntry[];
	executions: Array<ExecutionSummary & { worker: string; call: string }>;
	delivered: number;
	expected: number;
	failedExecutions: number;
	duplicates: number;
	refreshes: RequestLogEntry[];
	startedAt: number;
}

/** Executions already accounted for, as `<workflow id>:<execution id>` (each database counts from 1). */
const seenExecutions = new Set<string>();

async function listExecutions(rest: N8nRest, workflowId: string): Promise<ExecutionSummary[]> {
	const page = await rest.request<{ results: ExecutionSummary[] }>('GET', `/rest/executions?limit=100&filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
	return page.results;
}

/** The call an execution handled: the `call` field of its webhook body, read from n8n's stored run data. */
async function callOf(ctx: QueueCtx, id: string): Promise<string> {
	const execution = await ctx.rest.request<{ data: string }>('GET', `/rest/executions/${id}`);
	const flatted = createRequire(join(ctx.n8nDir, 'node_modules', 'n8n', 'package.json'))('flatted') as { parse(s: string): unknown };
	const data = flatted.parse(execution.data) as { resultData: { runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: { body?: { call?: string } } }>> } }>> } };
	const call = data.resultData.runData.Webhook?.[0]?.data?.main?.[0]?.[0]?.json.body?.call;
	check(call, `execution ${id} holds no webhook body with a call name`);
	return call;
}

/** The contact's email a request was about: the query, the body, or the contact ID it names. */
function emailOf(fake: FakeConstantContact, r: RequestLogEntry): string | undefined {
	if (r.query.email) return r.query.email.toLowerCase();
	const body = r.body as { email_address?: { address?: string } } | undefined;
	if (body?.email_address?.address) return body.email_address.address.toLowerCase();
	const id = /^\/v3\/contacts\/([^/]+)$/.exec(r.path)?.[1];
	return id ? fake.state.contacts.get(id)?.email_address.address.toLowerCase() : undefined;
}

export async function fireLoad(ctx: QueueCtx, options: LoadOptions): Promise<LoadResult> {
	const { fake, rest } = ctx;
	const { prefix, calls, contactsPerCall, workflowId, workers } = options;
	const seen = (e: ExecutionSummary): boolean => seenExecutions.has(`${workflowId}:${e.id}`);
	for (const e of await listExecutions(rest, workflowId)) seenExecutions.add(`${workflowId}:${e.id}`);
	const from = fake.requests.length;
	const startedAt = Date.now();
	const bodies = Array.from({ length: calls }, (_, c) => ({
		call: `${prefix}-${c + 1}`,
		contacts: Array.from({ length: contactsPerCall }, (_, i) => ({
			email: `${prefix}-${c + 1}-${i + 1}@example.com`,
			firstname: 'Queue',
			lastname: `Contact ${c + 1}.${i + 1}`,
		})),
	}));
	log(`  firing ${calls} webhook calls of ${contactsPerCall} contacts at once (${prefix})`);
	const answers = await Promise.all(
		bodies.map(async (body) => await fetch(`${N8N_URL}/webhook/${WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })),
	);
	check(answers.every((a) => a.ok), `webhook answers: ${answers.map((a) => a.status).join(', ')}`);

	const finished = new Set(['success', 'error', 'crashed', 'canceled']);
	const executions = await waitFor(
		`${calls} executions of the webhook workflow to finish`,
		async () => {
			const fresh = (await listExecutions(rest, workflowId)).filter((e) => !seen(e));
			return fresh.length >= calls && fresh.every((e) => finished.has(e.status)) ? fresh : undefined;
		},
		600_000,
		2000,
	);
	// A few seconds more: an execution n8n retried (a stalled job) would show up now.
	await new Promise((r) => setTimeout(r, 3000));
	const all = (await listExecutions(rest, workflowId)).filter((e) => !seen(e));
	for (const e of all) seenExecutions.add(`${workflowId}:${e.id}`);
	check(all.length === executions.length, `${all.length} executions appeared for ${calls} calls`);

	// Which process ran each execution: in queue mode the worker whose log says it started it, never
	// the main; in regular mode the main itself.
	const logs = workers.map((w) => ({ name: w.name, text: w.log() }));
	const mainLog = ctx.mainLog();
	const attributed = await Promise.all(
		all.map(async (e) => {
			const started = new RegExp(`Worker started execution ${e.id} \\(job`);
			const ranOn = workers.length ? logs.filter((l) => started.test(l.text)).map((l) => l.name) : ['main'];
			check(!started.test(mainLog), `the main process ran execution ${e.id}`);
			check(ranOn.length === 1, `execution ${e.id} started on ${ranOn.length ? ranOn.join(' and ') : 'no worker'}`);
			return { ...e, worker: ranOn[0]!, call: await callOf(ctx, e.id) };
		}),
	);
	const workerOfCall = new Map(attributed.map((e) => [e.call, e.worker]));

	const requests = fake.requests.slice(from);
	const api = requests.filter(isApi);
	const ownerOf = (r: RequestLogEntry): string | undefined => {
		const call = emailOf(fake, r)?.match(new RegExp(`^(${prefix}-\\d+)-\\d+@`))?.[1];
		return call ? workerOfCall.get(call) : undefined;
	};
	const arrivals = api.map((r) => ({ receivedAt: r.receivedAt, status: r.status, owner: ownerOf(r) }));
	const report = rateReport(arrivals);
	const expected = calls * contactsPerCall;
	const mine = [...fake.state.contacts.values()].filter((c) => c.email_address.address.startsWith(`${prefix}-`));
	const creates = new Map<string, number>();
	for (const r of api) {
		if (r.method === 'POST' && r.path === '/v3/contacts' && r.status === 201) {
			const email = emailOf(fake, r)!;
			creates.set(email, (creates.get(email) ?? 0) + 1);
		}
	}
	const duplicates = [...creates.values()].filter((n) => n > 1).length + Math.max(0, all.length - calls) + (mine.length - new Set(mine.map((c) => c.email_address.address)).size);
	return {
		report,
		arrivals,
		requests,
		executions: attributed,
		delivered: mine.length,
		expected,
		failedExecutions: all.filter((e) => e.status !== 'success').length,
		duplicates,
		refreshes: requests.filter(isRefresh),
		startedAt,
	};
}
