/**
 * Runs this package's polling trigger as n8n does: n8n-core's PollContext over one Workflow whose
 * static data lives on between polls (as n8n keeps it between ticks of an active workflow).
 */
import { PollContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, INodeParameters, INodeType, INodeTypes, IVersionedNodeType, WorkflowExecuteMode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { Harness } from './n8n.mts';
import { CREDENTIAL_ID, CREDENTIAL_NAME, useApiServer } from './n8n.mts';

class SingleNodeTypes implements INodeTypes {
	private readonly name: string;

	private readonly type: INodeType;

	constructor(name: string, type: INodeType) {
		this.name = name;
		this.type = type;
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		if (name !== this.name) throw new Error(`Unknown node type ${name}`);
		return this.type;
	}

	getByNameAndVersion(name: string): INodeType {
		return this.getByName(name) as INodeType;
	}

	getKnownTypes() {
		return {};
	}
}

export interface Poller {
	/** One poll: 'trigger' as an active workflow's tick, 'manual' as the editor's test run. */
	poll(mode?: WorkflowExecuteMode): Promise<INodeExecutionData[][] | null>;
	/** The node's static data as n8n would persist it. */
	staticData(): IDataObject;
}

export function createPoller(
	harness: Harness,
	nodeType: INodeType,
	parameters: INodeParameters,
	typeName = 'CUSTOM.constantContactTrigger',
): Poller {
	const node: INode = {
		id: 'trigger',
		name: 'Constant Contact Trigger',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { constantContactOAuth2Api: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
	};
	const workflow = new Workflow({
		id: 'wf-poll',
		name: 'poll',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new SingleNodeTypes(typeName, nodeType),
		staticData: {},
		settings: {},
	});
	return {
		async poll(mode: WorkflowExecuteMode = 'trigger') {
			useApiServer(harness);
			const context = new PollContext(workflow, node, harness.additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
			return await nodeType.poll!.call(context);
		},
		staticData() {
			return workflow.getStaticData('node', node);
		},
	};
}
