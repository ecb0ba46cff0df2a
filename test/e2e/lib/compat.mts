// What differs between the n8n versions the suite runs on (test/e2e/n8n-install/<version>/), decided
// here only, from the version of the n8n install: the suite and the scenarios call these and never ask
// for a version themselves. Each difference was met running the suite on a matrix version; where it
// changed was read in n8n's published packages (this registry lacks some versions: hence the ranges).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nRest } from './rest.mts';

type Json = Record<string, unknown>;

/** The body of the editor's manual run (POST /rest/workflows/:id/run), as n8n 2.x takes it. */
export interface ManualRun {
	triggerToStartFrom?: { name: string };
	destinationNode?: { nodeName: string; mode: 'inclusive' | 'exclusive' };
	agentRequest?: Json;
}

/** n8n features a step needs; `Compat.missing()` says why a version cannot run it. */
export type Feature = 'toolExecutor';

export class Compat {
	readonly version: string;

	private readonly parts: number[];

	constructor(n8nDir: string) {
		this.version = (JSON.parse(readFileSync(join(n8nDir, 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version: string }).version;
		this.parts = this.version.split('.').map(Number);
	}

	private atLeast(version: string): boolean {
		const min = version.split('.').map(Number);
		for (let i = 0; i < 3; i++) if (this.parts[i] !== min[i]) return this.parts[i]! > min[i]!;
		return true;
	}

	/** 2.x's publish model (POST /rest/workflows/:id/activate with a versionId); 1.x saves `active`. */
	private get publishes(): boolean {
		return this.atLeast('2.0.0');
	}

	/**
	 * The owner from N8N_INSTANCE_OWNER_* (a bcrypt hash of the password), which came in 2.17 (2.16.0
	 * lacks them). Before, the owner is claimed through POST /rest/owner/setup once n8n is up (N8n.start).
	 */
	get ownerFromEnv(): boolean {
		return this.atLeast('2.17.0');
	}

	/**
	 * Environment for `n8n start` and the CLI. 1.x lets nodes read any file but the n8n folder's, matched
	 * as a string prefix, so `~/.n8n` blocks `~/.n8n-files`, the folder 2.x allows by default: allowed
	 * explicitly here.
	 */
	env(userFolder: string): Record<string, string> {
		return this.atLeast('2.0.0') ? {} : { N8N_RESTRICT_FILE_ACCESS_TO: join(userFolder, '.n8n-files') };
	}

	/**
	 * n8n 2.0.x's `import:workflow` needs a versionId on each workflow and writes no version history,
	 * which publishing needs (2.33.7's does both itself; 1.x has no history).
	 */
	private get importWritesNoHistory(): boolean {
		return this.parts[0] === 2 && this.parts[1] === 0;
	}

	forImport(workflows: Json[]): Json[] {
		return this.importWritesNoHistory ? workflows.map((w) => ({ versionId: randomUUID(), ...w })) : workflows;
	}

	/**
	 * The AI Agent's newest typeVersion, the one the editor adds: 3.1 from 2.1 on, 3 in 2.0 (which has no
	 * 3.1, and n8n refuses a workflow with an unknown version). No 1.x with the Tool Executor is in the matrix.
	 */
	get agentTypeVersion(): number {
		return this.atLeast('2.1.0') ? 3.1 : 3;
	}

	/**
	 * The editor's `agentRequest` for the Execute step on a tool: the Tool Executor reads the arguments
	 * keyed by the tool's name from 2.5 on (2.6.4 does, 2.4.0 takes the arguments as they are).
	 */
	agentRequest(toolName: string, args: Json): Json {
		return { query: this.atLeast('2.5.0') ? { [toolName]: args } : args, tool: { name: toolName } };
	}

	/** Publishes a workflow with a trigger, so that n8n's server runs it. */
	async activate(rest: N8nRest, workflowId: string): Promise<void> {
		type Saved = { versionId: string; nodes: Array<Json & { position: [number, number] }> };
		const saved = await rest.request<Saved>('GET', `/rest/workflows/${workflowId}`);
		let { versionId } = saved;
		if (this.importWritesNoHistory) {
			// Saved once the way the editor saves an edit (a node moved by a pixel): 2.0.x writes the version then.
			const [first, ...others] = saved.nodes;
			({ versionId } = await rest.request<Saved>('PATCH', `/rest/workflows/${workflowId}`, {
				versionId,
				nodes: [{ ...first, position: [first!.position[0] + 1, first!.position[1]] }, ...others],
			}));
		}
		if (this.publishes) await rest.request('POST', `/rest/workflows/${workflowId}/activate`, { versionId });
		else await rest.request('PATCH', `/rest/workflows/${workflowId}`, { active: true, versionId });
	}

	async deactivate(rest: N8nRest, workflowId: string): Promise<void> {
		if (this.publishes) {
			await rest.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
			return;
		}
		const { versionId } = await rest.request<{ versionId: string }>('GET', `/rest/workflows/${workflowId}`);
		await rest.request('PATCH', `/rest/workflows/${workflowId}`, { active: false, versionId });
	}

	/**
	 * The editor's manual run of a saved workflow; returns the execution's id. Before 2.31 (2.30.0 still)
	 * n8n ran the workflow the editor sent along (`workflowData`) rather than the saved one.
	 */
	async runManually(rest: N8nRest, workflowId: string, run: ManualRun): Promise<string> {
		const body = this.atLeast('2.31.0') ? run : { ...run, workflowData: await rest.request<Json>('GET', `/rest/workflows/${workflowId}`) };
		const started = await rest.request<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/rest/workflows/${workflowId}/run`, body);
		if (!started.executionId) throw new Error(`n8n started no execution: ${JSON.stringify(started)}`);
		return started.executionId;
	}

	/** Why this version cannot run a step that needs `feature`; undefined when it can. */
	missing(feature: Feature): string | undefined {
		switch (feature) {
			case 'toolExecutor':
				// The editor's Execute step on a tool (agentRequest → Tool Executor): 1.88.0 lacks it, 1.94.1 has it.
				return this.atLeast('1.94.0') ? undefined : `n8n ${this.version} has no Tool Executor (the editor's Execute step on a tool node came in 1.89-1.94)`;
		}
	}
}
