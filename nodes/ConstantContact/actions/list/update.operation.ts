import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { expectRecord, kindOf, unusableResponse } from '../../transport/responses';
import { nameConflict } from '../conflict';
import { checkName, descriptionField, favoriteField, getList, listId, on } from './shared';

export const description: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'listUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: on(['update']),
		options: [
			descriptionField,
			favoriteField,
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The new name, unique in the account' },
		],
	},
];

/** `PUT /contact_lists/{id}` replaces the list: read it, change the given fields, send it back whole. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = listId.call(this, itemIndex);
	const fields = this.getNodeParameter('listUpdateFields', itemIndex, {}) as IDataObject;
	const stored = await getList.call(this, id, 'none', itemIndex);
	const givenName = fields.name !== undefined ? String(fields.name).trim() : '';
	if (!givenName && typeof stored.name !== 'string') {
		throw unusableResponse(this.getNode(), 'GET /contact_lists/{list_id}', `"name" is ${kindOf(stored.name)}, not text`, itemIndex);
	}
	const name = givenName ? checkName.call(this, givenName, itemIndex) : String(stored.name);
	const body: IDataObject = { name };
	const text = fields.description !== undefined ? fields.description : stored.description;
	if (text !== undefined && text !== null && text !== '') body.description = String(text);
	const favorite = fields.favorite !== undefined ? fields.favorite : stored.favorite;
	if (favorite !== undefined && favorite !== null) body.favorite = Boolean(favorite);
	try {
		const list = await constantContactRequest.call(this, {
			method: 'PUT',
			path: `/contact_lists/${encodeURIComponent(id)}`,
			body,
			itemIndex,
		});
		return [{ json: expectRecord(this.getNode(), list, 'PUT /contact_lists/{list_id}', itemIndex) }];
	} catch (error) {
		throw nameConflict.call(this, error, 'list', name, itemIndex);
	}
}
