import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { contactLocator, includeField } from '../../descriptions/locators.description';
import { findContact, notFoundError, readContactRef } from './locate';

const show = { resource: ['contact'], operation: ['get'] };

export const description: INodeProperties[] = [
	contactLocator({ show }, 'The contact to get: from the list, by email address or by contact ID'),
	includeField({ show }),
	{
		displayName: 'If Not Found',
		name: 'ifNotFound',
		type: 'options',
		default: 'error',
		description: 'What to do when Constant Contact has no such contact (deleted contacts are found, with deleted_at set)',
		displayOptions: { show },
		options: [
			{ name: 'Error', value: 'error', description: 'Fail the item with a message naming the email or ID' },
			{ name: 'Return Nothing', value: 'empty', description: 'Output no item for it, so a workflow can branch on "not found"' },
		],
	},
];

/** `GET /contacts/{id}`, or `GET /contacts?email=&status=all` for an email. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const ref = readContactRef.call(this, itemIndex);
	const include = this.getNodeParameter('include', itemIndex, []) as string[];
	const contact = await findContact.call(this, ref, include, itemIndex);
	if (!contact) {
		if (this.getNodeParameter('ifNotFound', itemIndex, 'error') === 'empty') return [];
		throw notFoundError.call(this, ref, itemIndex);
	}
	return [{ json: contact as IDataObject }];
}

/** Reads never conflict: every item its own lane. */
export function orderingKey(this: IExecuteFunctions, itemIndex: number): string {
	return `item:${itemIndex}`;
}
