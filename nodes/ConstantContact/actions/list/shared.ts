import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idProblem } from '../../mapping/common/ids';
import { constantContactRequest } from '../../transport/request';
import { expectRecord } from '../../transport/responses';

export const on = (operation: string[]) => ({ show: { resource: ['list'], operation } });

const MAX_NAME = 255;

export const membershipCountField = (name: string): INodeProperties => ({
	displayName: 'Membership Count',
	name,
	type: 'options',
	default: 'none',
	description: "Whether to add each list's number of members (membership_count)",
	options: [
		{ name: 'Active Members', value: 'active', description: 'Count only members you can email' },
		{ name: 'All Members', value: 'all', description: 'Count every member that is not deleted' },
		{ name: 'None', value: 'none' },
	],
});

export const favoriteField: INodeProperties = {
	displayName: 'Favorite',
	name: 'favorite',
	type: 'boolean',
	default: false,
	description: 'Whether the list is marked as a favorite in Constant Contact',
};

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
	description: 'Text describing the list',
};

/** The list the `list` resource locator names. */
export function listId(this: IExecuteFunctions, itemIndex: number): string {
	const id = String(this.getNodeParameter('list', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!id) throw new NodeOperationError(this.getNode(), 'List: no list chosen', { itemIndex });
	// The contract takes only a UUID here: anything else is refused before a request is built from it.
	const problem = idProblem('List', 'list', [id]);
	if (problem) throw new NodeOperationError(this.getNode(), problem, { itemIndex });
	return id;
}

export function checkName(this: IExecuteFunctions, name: string, itemIndex: number): string {
	const trimmed = name.trim();
	if (!trimmed) throw new NodeOperationError(this.getNode(), 'Name: a value is required', { itemIndex });
	if (trimmed.length > MAX_NAME) {
		throw new NodeOperationError(this.getNode(), `Name: ${trimmed.length} characters; Constant Contact allows at most ${MAX_NAME}`, { itemIndex });
	}
	return trimmed;
}

export async function getList(this: IExecuteFunctions, id: string, membershipCount: string, itemIndex: number): Promise<IDataObject> {
	const answer = await constantContactRequest.call(this, {
		method: 'GET',
		path: `/contact_lists/${encodeURIComponent(id)}`,
		qs: membershipCount && membershipCount !== 'none' ? { include_membership_count: membershipCount } : {},
		itemIndex,
	});
	return expectRecord(this.getNode(), answer, 'GET /contact_lists/{list_id}', itemIndex);
}
