/**
 * Runs this package's nodes through n8n's own engine (n8n-core's WorkflowExecute and execution
 * contexts) with an in-memory credential store, so that n8n's OAuth2 signing, its 401 → refresh →
 * retry and its credential update really run. A smaller cousin of n8n's unpublished NodeTestHarness.
 */
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	IRequestOptionsSimplified,
	ICredentials,
} from 'n8n-workflow';
import { createRequire } from 'node:module';

// n8n loads nodes and itself with require(): take n8n-workflow's CommonJS build, the one n8n-core
// uses (its ESM build does not load in plain Node, which runs the benchmark).
const { ICredentialsHelper, Workflow } = createRequire(import.meta.url)('n8n-workflow') as typeof import('n8n-workflow');

import { ConstantContactOAuth2Api } from '../../credentials/ConstantContactOAuth2Api.credentials.ts';
import { API_ORIGIN, routeOrigin } from './hosts.mts';

export const CREDENTIAL_ID = 'cc-cred-1';
export const CREDENTIAL_NAME = 'Constant Contact account';

interface StoredCredential {
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** Credential types this harness knows, with the parents n8n would report. */
const credentialTypes: Record<string, { type: ICredentialType; parents: string[] }> = {
	constantContactOAuth2Api: { type: new ConstantContactOAuth2Api(), parents: ['oAuth2Api'] },
};

function withDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const properties = credentialTypes[type]?.type.properties ?? [];
	const result: ICredentialDataDecryptedObject = {};
	for (const p of properties) if (p.default !== undefined) result[p.name] = p.default as never;
	return { ...result, ...structuredClone(data) };
}

/** What n8n's CredentialsHelper does, minus encryption and the database. */
export class InMemoryCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, StoredCredential>();

	/** Every token update n8n asked to persist, in order. */
	readonly tokenUpdates: ICredentialDataDecryptedObject[] = [];

	set(id: string, type: string, data: ICredentialDataDecryptedObject): void {
		this.store.set(id, { type, data: structuredClone(data) });
	}

	get(id = CREDENTIAL_ID): ICredentialDataDecryptedObject {
		const stored = this.store.get(id);
		if (!stored) throw new Error(`No credential ${id}`);
		return stored.data;
	}

	getParentTypes(name: string): string[] {
		return credentialTypes[name]?.parents ?? [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(_nodeCredentials: INodeCredentialsDetails, _type: string): Promise<ICredentials> {
		throw new Error('getCredentials is not used by these tests');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(nodeCredentials.id ?? '');
		if (!stored || stored.type !== type) throw new Error(`Credential ${nodeCredentials.id} of type ${type} not found`);
		return withDefaults(type, stored.data);
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		this.set(nodeCredentials.id ?? '', type, data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const id = nodeCredentials.id ?? '';
		const stored = this.store.get(id);
		if (!stored) throw new Error(`Credential ${id} not found`);
		this.tokenUpdates.push(structuredClone(data.oauthTokenData as ICredentialDataDecryptedObject));
		stored.data = { ...stored.data, oauthTokenData: structuredClone(data.oauthTokenData) } as ICredentialDataDecryptedObject;
		void type;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.type.properties ?? [];
	}
}

/** Emits the items a test gives it: stands in for a Form Trigger or a CRM trigger. */
class SourceNode implements INodeType {
	static items = new Map<string, INodeExecutionData[]>();

	description = {
		displayName: 'Test Source',
		name: 'testSource',
		group: ['input'],
		version: 1,
		description: 'Emits test items',
		defaults: { name: 'Source' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Key', name: 'key', type: 'string', default: '' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const key = this.getNodeParameter('key', 0) as string;
		return [SourceNode.items.get(key) ?? []];
	}
}

export class NodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>();

	constructor(types: Record<string, INodeType>) {
		for (const [name, type] of Object.entries(types)) this.types.set(name, type);
		this.types.set('test.source', new SourceNode());
	}

	getByName(name: string): INodeType | IVersionedNodeType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown node type ${name}`);
		return type;
	}

	getByNameAndVersion(name: string): INodeType {
		return this.getByName(name) as INodeType;
	}

	getKnownTypes() {
		return {};
	}
}

export interface Harness {
	credentials: InMemoryCredentialsHelper;
	additionalData: IWorkflowExecuteAdditionalData;
	/** The loopback server that answers for https://api.cc.email in this harness's runs. */
	apiServer?: string;
}

/** Routes https://api.cc.email to this harness's fake (see hosts.mts) before each of its runs. */
export function useApiServer(harness: Harness): void {
	if (harness.apiServer) routeOrigin(API_ORIGIN, harness.apiServer);
}

/**
 * `apiServer`: the server that answers for https://api.cc.email; by default the one that serves the
 * credential's token URL (the fake Constant Contact serves both).
 */
export function createHarness(credentialData?: ICredentialDataDecryptedObject, apiServer?: string): Harness {
	const credentials = new InMemoryCredentialsHelper();
	if (credentialData) credentials.set(CREDENTIAL_ID, 'constantContactOAuth2Api', credentialData);
	const additionalData = {
		credentialsHelper: credentials,
		executeWorkflow: async () => {
			throw new Error('not supported');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formBaseUrl: 'http://localhost:5678/formBaseUrl',
		formWaitingBaseUrl: 'http://localhost:5678/formWaitingBaseUrl',
		formTestBaseUrl: 'http://localhost:5678/formTestBaseUrl',
		webhookBaseUrl: 'http://localhost:5678/webhookBaseUrl',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhookWaitingBaseUrl',
		webhookTestBaseUrl: 'http://localhost:5678/webhookTestBaseUrl',
		mcpBaseUrl: 'http://localhost:5678/mcpBaseUrl',
		mcpTestBaseUrl: 'http://localhost:5678/mcpTestBaseUrl',
		variables: {},
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('not supported');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	const tokenUrl = typeof credentialData?.accessTokenUrl === 'string' ? credentialData.accessTokenUrl : undefined;
	const harness: Harness = { credentials, additionalData, apiServer: apiServer ?? (tokenUrl ? new URL(tokenUrl).origin : undefined) };
	useApiServer(harness);
	return harness;
}

/**
 * The credential data n8n stores after a completed consent. The API's address is not in it: the node
 * always calls https://api.cc.email, which the harness routes to the fake.
 */
export function connectedCredential(
	fake: { authorizeUrl: string; tokenUrl: string },
	tokens: IDataObject,
	client: { clientId: string; clientSecret?: string } = { clientId: 'test-client', clientSecret: 'test-secret' },
	grantType: 'authorizationCode' | 'pkce' = 'authorizationCode',
): ICredentialDataDecryptedObject {
	return {
		grantType,
		clientId: client.clientId,
		clientSecret: client.clientSecret ?? '',
		authUrl: fake.authorizeUrl,
		accessTokenUrl: fake.tokenUrl,
		oauthTokenData: tokens,
	} as ICredentialDataDecryptedObject;
}

export interface RunNodeOptions {
	nodeType: INodeType;
	typeName?: string;
	parameters: INodeParameters;
	items?: IDataObject[] | INodeExecutionData[];
	continueOnFail?: boolean;
	/**
	 * The node's *Settings → On Error*: `stopWorkflow` (n8n's default), `continueRegularOutput`
	 * (what `continueOnFail: true` sets) or `continueErrorOutput` (a second, error output).
	 */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	nodeName?: string;
}

export interface NodeRun {
	run: IRun;
	/** The node's output items (first output), or undefined when the node errored. */
	output: INodeExecutionData[];
	/** Every main output of the node as n8n-core recorded it: with `continueErrorOutput`, [success, error]. */
	outputs: INodeExecutionData[][];
	/** The node's error when the execution failed. */
	error?: Error & { description?: string; httpCode?: string | null };
}

let runCounter = 0;

/** Runs Source → node in n8n's WorkflowExecute and returns what n8n recorded for the node. */
export async function runNode(harness: Harness, options: RunNodeOptions): Promise<NodeRun> {
	useApiServer(harness);
	const key = `run-${++runCounter}`;
	const items = (options.items ?? [{}]).map((item) =>
		'json' in item && typeof item.json === 'object' ? (item as INodeExecutionData) : { json: item as IDataObject },
	);
	SourceNode.items.set(key, items);
	const typeName = options.typeName ?? 'CUSTOM.constantContact';
	const nodeName = options.nodeName ?? 'Constant Contact';
	const nodes: INode[] = [
		{ id: 'source', name: 'Source', type: 'test.source', typeVersion: 1, position: [0, 0], parameters: { key } },
		{
			id: 'cc',
			name: nodeName,
			type: typeName,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { constantContactOAuth2Api: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
			...(options.onError ? { onError: options.onError } : options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test',
		nodes,
		connections: { Source: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes: new NodeTypes({ [typeName]: options.nodeType }),
		staticData: {},
		settings: {},
	});
	const hooks = new ExecutionLifecycleHooks('manual', `exec-${key}`, {
		id: 'wf-test',
		name: 'test',
		nodes,
		connections: workflow.connectionsBySourceNode,
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	const additionalData = { ...harness.additionalData, hooks } as IWorkflowExecuteAdditionalData;
	const execute = new WorkflowExecute(additionalData, 'manual');
	const run = await execute.run({ workflow, startNode: workflow.getNode('Source')!, destinationNode: { nodeName, mode: 'inclusive' } } as never);
	SourceNode.items.delete(key);
	const taskData = run.data.resultData.runData[nodeName]?.[0];
	const error = (taskData?.error ?? run.data.resultData.error) as NodeRun['error'];
	const outputs = (taskData?.data?.main ?? []).map((items) => items ?? []);
	return { run, output: outputs[0] ?? [], outputs, error };
}

/** Runs a `methods.loadOptions` / `listSearch` / `resourceMapping` function in n8n's LoadOptionsContext. */
export async function runLoadOptions<T>(
	harness: Harness,
	nodeType: INodeType,
	fn: (this: never, ...args: never[]) => Promise<T>,
	parameters: INodeParameters = {},
	args: unknown[] = [],
	typeName = 'CUSTOM.constantContact',
): Promise<T> {
	useApiServer(harness);
	const node: INode = {
		id: 'cc',
		name: 'Constant Contact',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { constantContactOAuth2Api: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
	};
	const workflow = new Workflow({
		id: 'wf-load',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypes({ [typeName]: nodeType }),
	});
	const context = new LoadOptionsContext(workflow, node, harness.additionalData, '');
	return await (fn as unknown as (...a: unknown[]) => Promise<T>).apply(context, args);
}
