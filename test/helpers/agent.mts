/**
 * Runs a node the way n8n's AI Agent uses it as a tool, through n8n-core's own code for both ways an
 * agent calls tools in n8n 2.x:
 *
 * - `langchain`: the agent asks n8n-core for its tools (`getInputConnectionData('ai_tool')`). n8n-core
 *   builds one LangChain tool per connected node (`createNodeAsTool`: the tool's name from the node's
 *   name, its argument schema from the node's `$fromAI()` expressions) and, when the model calls it,
 *   runs the node in a SupplyDataContext (`makeHandleToolInvocation`) and hands the agent the items'
 *   JSON as a string. Agents V1/V2, the MCP Server Trigger and the editor's "Execute step" on a tool
 *   (n8n's Tool Executor) call tools this way.
 * - `engine`: the agent (Tools Agent V3) returns an EngineRequest naming the tool node and the model's
 *   arguments; n8n-core's WorkflowExecute runs the tool node as an ordinary node run (`$fromAI()` read
 *   from the request), then resumes the agent with the node's output, which the agent turns into the
 *   model's observation (the `ai_tool` items' JSON).
 *
 * The agent here stands in for the model: it calls the one connected tool with the arguments a test
 * gives. Turning a `usableAsTool` node into its "…Tool" node type is done by n8n's server package (the
 * `n8n` CLI, `dist/tool-generation/ai-tools.js`, `convertNodeToAiTool`), not by n8n-core: `asTool`
 * below does the part of it that execution depends on, and the end-to-end suite checks the real one.
 */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	EngineRequest,
	EngineResponse,
	IConnections,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { createRequire } from 'node:module';

import type { Harness } from './n8n.mts';
import { CREDENTIAL_ID, CREDENTIAL_NAME, NodeTypes } from './n8n.mts';

const { Workflow, deepCopy } = createRequire(import.meta.url)('n8n-workflow') as typeof import('n8n-workflow');

/** The "…Tool" node type n8n derives from a `usableAsTool` node: no main input, one ai_tool output, same parameters and execute. */
export function asTool(nodeType: INodeType): INodeType {
	const description = deepCopy(nodeType.description) as INodeTypeDescription & { usableAsTool?: unknown };
	if (!description.usableAsTool) throw new Error(`${description.name} is not usable as a tool`);
	delete description.usableAsTool;
	const tool: INodeTypeDescription = {
		...description,
		name: `${description.name}Tool`,
		displayName: `${description.displayName} Tool`,
		inputs: [],
		outputs: ['ai_tool'],
	} as INodeTypeDescription;
	return Object.create(nodeType, { description: { value: tool } }) as INodeType;
}

type Via = 'langchain' | 'engine';

interface ToolLike {
	name: string;
	description: string;
	schema: { shape: Record<string, unknown> };
	metadata?: { sourceNodeName?: string };
	invoke(args: IDataObject): Promise<string>;
}

/** What the agent recorded: the tool as the model sees it, and the observation the model gets back. */
export interface ToolCall {
	toolName: string;
	toolDescription: string;
	/** The arguments the tool takes: the node's `$fromAI()` keys. */
	argumentKeys: string[];
	/** What the model reads after the call, parsed. */
	observation: unknown;
}

class TestAgent implements INodeType {
	static readonly calls = new Map<string, { via: Via; args: IDataObject }>();

	description = {
		displayName: 'Test Agent',
		name: 'testAgent',
		group: ['transform'],
		version: 1,
		description: 'Calls its one tool with given arguments, as a model would',
		defaults: { name: 'Agent' },
		inputs: ['main', 'ai_tool'],
		outputs: ['main'],
		properties: [{ displayName: 'Key', name: 'key', type: 'string', default: '' }],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions, response?: EngineResponse): Promise<INodeExecutionData[][] | EngineRequest> {
		const call = TestAgent.calls.get(this.getNodeParameter('key', 0) as string)!;
		// n8n-core always passes a response; it carries results only when the agent is resumed after its request.
		if (response?.actionResponses.length) {
			// What Tools Agent V3 hands the model: the tool node's ai_tool items, as JSON.
			const data = response.actionResponses[0]?.data;
			const items = data?.data?.ai_tool?.[0] ?? [];
			const { seen } = response.metadata as { seen: IDataObject };
			return [[{ json: { ...seen, observation: items.map((item) => item.json) } }]];
		}
		const tools = (await this.getInputConnectionData('ai_tool', 0)) as ToolLike[];
		const tool = tools[0];
		const seen = { toolName: tool.name, toolDescription: tool.description, argumentKeys: Object.keys(tool.schema.shape).sort() };
		if (call.via === 'langchain') {
			const observation = JSON.parse(await tool.invoke(call.args)) as unknown;
			return [[{ json: { ...seen, observation } as IDataObject }]];
		}
		return {
			actions: [{ actionType: 'ExecutionNodeAction', nodeName: String(tool.metadata?.sourceNodeName), input: call.args, type: 'ai_tool', id: 'call-1', metadata: { itemIndex: 0 } }],
			metadata: { seen },
		};
	}
}

class Start implements INodeType {
	description = {
		displayName: 'Start',
		name: 'testStart',
		group: ['input'],
		version: 1,
		description: 'One empty item',
		defaults: { name: 'Start' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeTypeDescription;

	async execute(): Promise<INodeExecutionData[][]> {
		return [[{ json: { chatInput: 'a user message' } }]];
	}
}

export interface ToolRun {
	run: IRun;
	call: ToolCall;
	/** What n8n recorded for the tool node's (last) run. */
	toolRunData: IRun['data']['resultData']['runData'][string][number] | undefined;
}

let counter = 0;

/**
 * Start → Agent, with the tool node (parameters as the user set them, `$fromAI()` included) connected
 * to the agent's ai_tool input; the agent calls it once with `args`.
 */
export async function runAsTool(
	harness: Harness,
	options: { nodeType: INodeType; typeName: string; parameters: IDataObject; args: IDataObject; via: Via; toolNodeName?: string },
): Promise<ToolRun> {
	const key = `agent-${++counter}`;
	TestAgent.calls.set(key, { via: options.via, args: options.args });
	const toolName = options.toolNodeName ?? 'Constant Contact';
	const nodes: INode[] = [
		{ id: 'start', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'agent', name: 'Agent', type: 'test.agent', typeVersion: 1, position: [200, 0], parameters: { key } },
		{
			id: 'tool',
			name: toolName,
			type: options.typeName,
			typeVersion: 1,
			position: [200, 200],
			parameters: options.parameters as INode['parameters'],
			credentials: { constantContactOAuth2Api: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
		},
	];
	const connections: IConnections = {
		Start: { main: [[{ node: 'Agent', type: 'main', index: 0 }]] },
		[toolName]: { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] },
	};
	const workflow = new Workflow({
		id: 'wf-agent',
		name: 'agent',
		nodes,
		connections,
		active: false,
		nodeTypes: new NodeTypes({ 'test.start': new Start(), 'test.agent': new TestAgent(), [options.typeName]: options.nodeType }),
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	const hooks = new ExecutionLifecycleHooks('manual', `exec-${key}`, {
		id: 'wf-agent',
		name: 'agent',
		nodes,
		connections,
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const additionalData = { ...harness.additionalData, hooks } as IWorkflowExecuteAdditionalData;
	const run = await new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode: workflow.getNode('Start')!,
		destinationNode: { nodeName: 'Agent', mode: 'inclusive' },
	} as never);
	TestAgent.calls.delete(key);
	const runData = run.data.resultData.runData;
	const error = run.data.resultData.error;
	if (error) throw new Error(`the workflow failed: ${error.message}${error.description ? ` (${String(error.description)})` : ''}`);
	const agentOut = runData.Agent?.at(-1)?.data?.main?.[0]?.[0]?.json as IDataObject | undefined;
	if (!agentOut) throw new Error('the agent produced no output');
	return {
		run,
		call: {
			toolName: String(agentOut.toolName ?? ''),
			toolDescription: String(agentOut.toolDescription ?? ''),
			argumentKeys: (agentOut.argumentKeys as string[] | undefined) ?? [],
			observation: agentOut.observation,
		},
		toolRunData: runData[toolName]?.at(-1),
	};
}
