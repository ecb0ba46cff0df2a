import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { contactLocator, includeField } from '../../descriptions/locators.description';
import { CONTACT_FIELD_OPTIONS, SIMPLE_CONTACT_SUMMARY, contactInclude } from '../../mapping/contact/contactOutput';
import { outputFields } from '../../descriptions/output.description';
import { readOutputMode } from '../output';
import { findContact, notFoundError, readContactRef } from './locate';

const show = { resource: ['contact'], operation: ['get'] };

/** What "Simplified" says it returns, for Get and Get Many. */
export const SIMPLIFIED_CONTACT = `Ten fields: ${SIMPLE_CONTACT_SUMMARY}`;

export const description: INodeProperties[] = [
	contactLocator({ show }, 'The contact to get: from the list, by email address or by contact ID'),
	...outputFields({ show }, CONTACT_FIELD_OPTIONS, SIMPLIFIED_CONTACT),
	includeField({ show: { ...show, output: ['raw'] } }),
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
	const include = readContactInclude.call(this, itemIndex);
	const contact = await findContact.call(this, ref, include, itemIndex);
	if (!contact) {
		if (this.getNodeParameter('ifNotFound', itemIndex, 'error') === 'empty') return [];
		throw notFoundError.call(this, ref, itemIndex);
	}
	return [{ json: contact as IDataObject }];
}

/** `include=` for the item: what Raw's Include says, what Simplified reads, or the selected subresources. */
export function readContactInclude(this: IExecuteFunctions, itemIndex: number): string[] {
	const { mode, fields } = readOutputMode.call(this, 'output', itemIndex);
	const chosen = mode === 'raw' ? (this.getNodeParameter('include', itemIndex, []) as string[]) : [];
	return contactInclude(mode, fields, chosen);
}

/** Reads never conflict: every item its own lane. */
export function orderingKey(this: IExecuteFunctions, itemIndex: number): string {
	return `item:${itemIndex}`;
}
