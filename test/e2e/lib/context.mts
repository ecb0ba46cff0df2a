// What the scenarios share: the fake (in this process, so its state is read directly), the running
// n8n, a logged-in REST session, the credential, and timings of `n8n execute`.
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { ContactRecord, FakeConstantContact, ListRecord, RequestLogEntry } from '../../fake-constant-contact/server.mts';
import type { ManualRun } from './compat.mts';
import { waitFor } from './log.mts';
import type { ExecutedRun, N8n } from './n8n.mts';
import type { N8nRest } from './rest.mts';

/** What run.mts hands to suite.mts (as a JSON file). */
export interface SuiteConfig {
	n8nDir: string;
	projectRoot: string;
	workDir: string;
	tarball: string;
	caCertFile: string;
	tlsKey: string;
	tlsCert: string;
	/**
	 * e2e: every scenario; core: the core scenarios (the other n8n versions); queue: queue mode under load;
	 * ui: the editor in Chromium; hold: set up, then wait (for exploring).
	 */
	mode: 'e2e' | 'core' | 'queue' | 'ui' | 'hold';
	/** Where the suite writes the steps it skipped and why (run.mts reports them). */
	skippedFile: string;
}

/** The Constant Contact app the credential uses, registered at the fake. */
export const CLIENT = { clientId: 'e2e-client', clientSecret: 'e2e-secret' };

export interface Ctx {
	fake: FakeConstantContact;
	n8n: N8n;
	rest: N8nRest;
	credential: { id: string; name: string; type: string };
	lists: { newsletter: ListRecord; customers: ListRecord };
	/** Milliseconds from spawning `n8n execute` to its first Constant Contact API request. */
	bootMs: number[];
}

export const isApi = (r: RequestLogEntry): boolean => r.path.startsWith('/v3/');
export const isRefresh = (r: RequestLogEntry): boolean =>
	r.path.endsWith('/v1/token') && (r.body as Record<string, string> | undefined)?.grant_type === 'refresh_token';

export function contactByEmail(fake: FakeConstantContact, email: string): ContactRecord | undefined {
	return [...fake.state.contacts.values()].find((c) => c.email_address.address.toLowerCase() === email.toLowerCase());
}

/** Runs a workflow with `n8n execute` and returns the run and every request the fake saw meanwhile. */
export async function execute(ctx: Ctx, workflowId: string): Promise<{ run: ExecutedRun; requests: RequestLogEntry[] }> {
	const t0 = Date.now();
	const from = ctx.fake.requests.length;
	const { run } = await ctx.n8n.execute(workflowId);
	const requests = ctx.fake.requests.slice(from);
	const firstApi = requests.find(isApi);
	if (firstApi) ctx.bootMs.push(firstApi.receivedAt - t0);
	if (run.data.resultData.error) throw new Error(`the execution failed: ${run.data.resultData.error.message}`);
	return { run, requests };
}

/** A saved execution: n8n stores its data "flatted" (JSON with references), read with n8n's own copy of the package. */
export async function readExecution<D = ExecutedRun['data']>(ctx: Ctx, id: string): Promise<{ status: string; data: D }> {
	const execution = await ctx.rest.request<{ status: string; data: string }>('GET', `/rest/executions/${id}`);
	const flatted = createRequire(join(ctx.n8n.config.n8nDir, 'node_modules', 'n8n', 'package.json'))('flatted') as { parse(text: string): unknown };
	return { status: execution.status, data: flatted.parse(execution.data) as D };
}

/** The editor's manual run (*Execute workflow*, *Execute step*) in the n8n server; returns the finished execution. */
export async function runManually<D = ExecutedRun['data']>(ctx: Ctx, workflowId: string, run: ManualRun): Promise<{ id: string; status: string; data: D }> {
	const id = await ctx.n8n.compat.runManually(ctx.rest, workflowId, run);
	const status = await waitFor(
		`execution ${id} to finish`,
		async () => {
			const { status } = await ctx.rest.request<{ status: string }>('GET', `/rest/executions/${id}`);
			return ['new', 'running', 'waiting'].includes(status) ? undefined : status;
		},
		60_000,
		200,
	);
	return { id, ...(await readExecution<D>(ctx, id)), status };
}

export const summarize = (requests: RequestLogEntry[]): string =>
	requests.map((r) => `${r.method} ${r.path} ${r.status}`).join(', ');
