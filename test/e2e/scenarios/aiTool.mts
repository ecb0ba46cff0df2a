// The node as an AI Agent's tool, in the real n8n: n8n itself derives "Constant Contact Tool"
// (n8n-nodes-constant-contact.constantContactTool) from the node's `usableAsTool`, and the editor's
// "Execute step" on a tool node runs it as an agent would: n8n swaps the agent for its Tool Executor,
// which calls the tool with the `$fromAI()` values given, through n8n-core's tool wrapper. No model is
// needed. Checks: the derived type and its defaults, the argument reaching Constant Contact, and the
// simplified contact as the answer the agent gets.
import type { Ctx } from '../lib/context.mts';
import { isApi, runManually, summarize } from '../lib/context.mts';
import { check, checkEqual, log } from '../lib/log.mts';
import { CC_NODE, CREDENTIAL_TYPE } from '../lib/workflows.mts';

const WORKFLOW_ID = 'e2eAiTool';
export const TOOL_TYPE = 'n8n-nodes-constant-contact.constantContactTool';
const EMAIL = 'ai-tool@example.com';
const TRIGGER = 'When chat message received (stand-in)';

export function aiToolWorkflow(ctx: Ctx): Record<string, unknown> {
	return {
		id: WORKFLOW_ID,
		name: 'e2e AI tool: Constant Contact Tool on an AI Agent',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${WORKFLOW_ID}-1`, name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${WORKFLOW_ID}-2`,
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: ctx.n8n.compat.agentTypeVersion,
				position: [220, 0],
				parameters: { options: {} },
			},
			{
				id: `${WORKFLOW_ID}-3`,
				name: CC_NODE,
				type: TOOL_TYPE,
				typeVersion: 1,
				position: [300, 200],
				// What a user sets on the tool: the operation, and where the model's argument goes. Output is left at its default.
				parameters: {
					resource: 'contact',
					operation: 'get',
					contact: { __rl: true, mode: 'email', value: "={{ $fromAI('email', 'The email address of the contact', 'string') }}" },
				},
				credentials: { [CREDENTIAL_TYPE]: { id: ctx.credential.id, name: ctx.credential.name } },
			},
		],
		connections: {
			[TRIGGER]: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			[CC_NODE]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
}

interface TypeDescription {
	name: string;
	inputs?: unknown;
	outputs?: unknown;
	properties: Array<{ name: string; default?: unknown; displayOptions?: { show?: Record<string, unknown[]> } }>;
}

/** The tool type n8n registered: no main input, an ai_tool output, and the node's parameters with their defaults. */
export async function aiToolType(ctx: Ctx): Promise<void> {
	const nodes = await ctx.rest.typeFile<TypeDescription[]>('/types/nodes.json');
	const tool = nodes.find((n) => n.name === TOOL_TYPE);
	check(tool, `n8n registered no ${TOOL_TYPE} (Constant Contact types: ${nodes.filter((n) => /constant/i.test(n.name)).map((n) => n.name).join(', ')})`);
	checkEqual([tool.inputs, tool.outputs], [[], ['ai_tool']], `${TOOL_TYPE}: inputs and outputs`);
	// Where each is shown and its default, as n8n registered the tool: Output on the reads, Simplify on the writes.
	const shown = (name: string) =>
		tool.properties
			.filter((p) => p.name === name)
			.map((p) => `${String(p.displayOptions?.show?.resource)}: ${String(p.displayOptions?.show?.operation)} = ${String(p.default)}`);
	checkEqual(
		[shown('output'), shown('simple')],
		[
			[
				'contact: export = simple',
				'contact: get = simple',
				'contact: getAll = simple',
				'campaign: get = simple',
				'report: getCampaignSummaries = simple',
				'report: getCampaignStats = simple',
				'report: getTracking = simple',
				'event: getAll = simple',
				'event: getRegistrations = simple',
			],
			['contact: create,upsert,update,addToLists,removeFromLists,addTags,removeTags = true', 'campaign: create,update = true'],
		],
		"the tool's Output (reads) and Simplify (writes): where, and the default",
	);
	check(tool.properties.some((p) => p.name === 'toolDescription'), 'n8n added no Tool Description parameter');
}

interface ToolRunData {
	error?: { message?: string };
	data?: { ai_tool?: Array<Array<{ json: Record<string, unknown> }>> };
	inputOverride?: { ai_tool?: Array<Array<{ json: Record<string, unknown> }>> };
}

export async function aiTool(ctx: Ctx): Promise<void> {
	const contact = ctx.fake.seed.contact({
		email_address: { address: EMAIL, permission_to_send: 'implicit' },
		first_name: 'Ada',
		last_name: 'Tool',
		job_title: 'Not in the simplified contact',
		list_memberships: [ctx.lists.newsletter.list_id],
		phone_numbers: [{ phone_number: '+1 555 0142', kind: 'mobile' }],
	});
	const toolName = CC_NODE.replace(/[^a-zA-Z0-9_-]+/g, '_');
	const from = ctx.fake.requests.length;
	log(`  POST /rest/workflows/${WORKFLOW_ID}/run to "${CC_NODE}", agentRequest ${toolName}({ email })`);
	const execution = await runManually<{ resultData: { error?: { message?: string }; runData: Record<string, ToolRunData[]> } }>(ctx, WORKFLOW_ID, {
		triggerToStartFrom: { name: TRIGGER },
		destinationNode: { nodeName: CC_NODE, mode: 'inclusive' },
		agentRequest: ctx.n8n.compat.agentRequest(toolName, { email: EMAIL }),
	});
	const { data } = execution;
	log(`  ran: ${Object.keys(data.resultData.runData).join(', ')}; requests: ${summarize(ctx.fake.requests.slice(from).filter(isApi))}`);
	check(!data.resultData.error, `the execution failed: ${data.resultData.error?.message}`);
	check(execution.status === 'success', `execution status ${execution.status}`);

	const lookup = ctx.fake.requests.slice(from).find((r) => isApi(r) && r.method === 'GET' && r.path === '/v3/contacts');
	checkEqual([lookup?.query?.email, lookup?.query?.include], [EMAIL, 'list_memberships,taggings'], 'the lookup: the model\'s email, only the subresources the simplified contact needs');
	const runs = data.resultData.runData[CC_NODE];
	check(runs?.length, `the tool "${CC_NODE}" did not run`);
	const last = runs[runs.length - 1]!;
	check(!last.error, `the tool failed: ${last.error?.message}`);
	const answer = last.data?.ai_tool?.[0]?.[0]?.json.response;
	checkEqual(
		answer,
		[
			{
				contact_id: contact.contact_id,
				email: EMAIL,
				first_name: 'Ada',
				last_name: 'Tool',
				permission_to_send: 'implicit',
				opt_out_date: null,
				list_ids: [ctx.lists.newsletter.list_id],
				tag_ids: [],
				updated_at: contact.updated_at,
				deleted_at: null,
			},
		],
		'what the agent gets from the tool (the simplified contact)',
	);
}
