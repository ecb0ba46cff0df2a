import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { expectRecord } from '../../transport/responses';
import { nameConflict } from '../conflict';
import { checkName, descriptionField, favoriteField, on } from './shared';

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description: "The list's name, unique in the account (at most 255 characters)",
		displayOptions: on(['create']),
	},
	{
		displayName: 'Additional Fields',
		name: 'listFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: on(['create']),
		options: [descriptionField, favoriteField],
	},
];

/** `POST /contact_lists`; a taken name is a clear 409. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const name = checkName.call(this, this.getNodeParameter('name', itemIndex) as string, itemIndex);
	const fields = this.getNodeParameter('listFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { name };
	if (fields.description) body.description = String(fields.description);
	if (fields.favorite !== undefined) body.favorite = Boolean(fields.favorite);
	try {
		const list = await constantContactRequest.call(this, { method: 'POST', path: '/contact_lists', body, itemIndex });
		return [{ json: expectRecord(this.getNode(), list, 'POST /contact_lists', itemIndex) }];
	} catch (error) {
		throw nameConflict.call(this, error, 'list', name, itemIndex);
	}
}
