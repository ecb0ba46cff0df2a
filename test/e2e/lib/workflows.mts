// Workflows as n8n exports them. An external trigger (Form Trigger, a CRM trigger) cannot fire inside
// the sandbox and `n8n execute` ignores pinned data (it runs in "cli" mode), so a Manual Trigger and a
// Code node stand in for it, emitting items shaped like that trigger's output.

export const NODE_TYPE_COMMUNITY = 'n8n-nodes-constant-contact.constantContact';
export const NODE_TYPE_CUSTOM = 'CUSTOM.constantContact';
export const CREDENTIAL_TYPE = 'constantContactOAuth2Api';
export const CC_NODE = 'Constant Contact';

export interface WorkflowSpec {
	id: string;
	name: string;
	/** The items the stand-in trigger emits (each becomes one item's json). */
	items: Array<Record<string, unknown>>;
	/** What the Code node is called: it names the trigger it stands in for. */
	sourceName: string;
	/** The Constant Contact node's parameters. */
	parameters: Record<string, unknown>;
	credential: { id: string; name: string };
	nodeType?: string;
	continueOnFail?: boolean;
	/** The node's Settings → On Error (overrides continueOnFail). */
	onError?: 'continueRegularOutput' | 'continueErrorOutput';
	/** No Operation nodes connected to the node's outputs, in order (Success, then Error with continueErrorOutput). */
	downstream?: string[];
}

export function workflow(spec: WorkflowSpec): Record<string, unknown> {
	const trigger = 'Manual Trigger';
	return {
		id: spec.id,
		name: spec.name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: `${spec.id}-1`, name: trigger, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: `${spec.id}-2`,
				name: spec.sourceName,
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: `return ${JSON.stringify(spec.items)}.map((json) => ({ json }));` },
			},
			{
				id: `${spec.id}-3`,
				name: CC_NODE,
				type: spec.nodeType ?? NODE_TYPE_COMMUNITY,
				typeVersion: 1,
				position: [440, 0],
				parameters: spec.parameters,
				credentials: { [CREDENTIAL_TYPE]: spec.credential },
				...(spec.onError ? { onError: spec.onError } : spec.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
			},
			...(spec.downstream ?? []).map((name, i) => ({
				id: `${spec.id}-${4 + i}`,
				name,
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [660, i * 200],
				parameters: {},
			})),
		],
		connections: {
			[trigger]: { main: [[{ node: spec.sourceName, type: 'main', index: 0 }]] },
			[spec.sourceName]: { main: [[{ node: CC_NODE, type: 'main', index: 0 }]] },
			...(spec.downstream?.length ? { [CC_NODE]: { main: spec.downstream.map((node) => [{ node, type: 'main', index: 0 }]) } } : {}),
		},
	};
}

/** A list picker entry "By ID", as the editor stores it. */
const listById = (id: string): Record<string, unknown> => ({ list: { __rl: true, mode: 'id', value: id } });

/** Create or Update, the contact's own sign-up (POST /contacts/sign_up_form), fields mapped automatically. */
export function signUpParameters(listIds: string[]): Record<string, unknown> {
	return {
		resource: 'contact',
		operation: 'upsert',
		consentPath: 'signUpForm',
		signUpFields: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
		signUpListMemberships: { list: listIds.map(listById) },
	};
}

/** Create or Update by account sync (look up, then POST or merge + PUT keeping consent), fields mapped automatically. */
export function accountSyncParameters(listIds: string[]): Record<string, unknown> {
	return {
		resource: 'contact',
		operation: 'upsert',
		consentPath: 'accountSync',
		contactFields: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
		listMemberships: { list: listIds.map(listById) },
	};
}
