// Shared setup for the Contact operation tests: a fake Constant Contact account with the contract
// check on, a connected credential, and the node run through n8n-core's WorkflowExecute.
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ConstantContact } from '../../../../nodes/ConstantContact/ConstantContact.node.ts';
import { startFakeConstantContact } from '../../../fake-constant-contact/server.mts';
import type { Harness, NodeRun, RunNodeOptions } from '../../../helpers/n8n.mts';
import { connectedCredential, createHarness, runNode } from '../../../helpers/n8n.mts';

export type Fake = Awaited<ReturnType<typeof startFakeConstantContact>>;

export interface Account {
	fake: Fake;
	harness: Harness;
}

export async function startAccount(options: Parameters<typeof startFakeConstantContact>[0] = {}): Promise<Account> {
	const fake = await startFakeConstantContact({ rateLimitPerSecond: false, ...options });
	const tokens = await fake.issueTokens();
	const harness = createHarness(connectedCredential(fake, tokens as unknown as IDataObject));
	return { fake, harness };
}

/** The resource mapper's value in "Map Each Field Below" mode. */
export function mapped(value: Record<string, unknown>): Record<string, unknown> {
	return { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false };
}

/** The resource mapper's value in "Map Automatically" mode. */
export function automatic(): Record<string, unknown> {
	return { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false };
}

/** The list picker with lists chosen "From List". */
export function lists(...ids: string[]): Record<string, unknown> {
	return { list: ids.map((id) => ({ list: { __rl: true, mode: 'list', value: id } })) };
}

/**
 * Runs a Contact operation. These tests check what Constant Contact stores and returns, so they ask
 * for the raw output (Simplify off, Output: Raw) unless a test sets those parameters itself;
 * output.test.mts checks the simplified default. n8n drops whichever of the two the operation does not show.
 */
export async function run(
	account: Account,
	parameters: Record<string, unknown>,
	items?: Array<Record<string, unknown>>,
	/** `true` is *On Error: Continue (regular output)*; or name the setting. */
	onError: boolean | RunNodeOptions['onError'] = false,
): Promise<NodeRun> {
	return await runNode(account.harness, {
		nodeType: new ConstantContact(),
		parameters: { resource: 'contact', simple: false, output: 'raw', ...parameters } as INodeParameters,
		items: items as IDataObject[] | undefined,
		...(typeof onError === 'string' ? { onError } : { continueOnFail: onError }),
	});
}

/** Requests to the API (token requests excluded). */
export function apiRequests(fake: Fake, method?: string) {
	return fake.requests.filter((r) => r.path.startsWith('/v3/') && (!method || r.method === method));
}

export function contactByEmail(fake: Fake, email: string) {
	return [...fake.state.contacts.values()].find((c) => c.email_address?.address.toLowerCase() === email.toLowerCase());
}

export function json(output: INodeExecutionData[], index = 0): IDataObject {
	return output[index].json;
}
