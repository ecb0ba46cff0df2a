import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { expectRecord } from '../../transport/responses';
import { nameConflict } from '../conflict';

const show = { resource: ['tag'], operation: ['create'] };
const MAX_NAME = 255;

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'tagName',
		type: 'string',
		default: '',
		required: true,
		description: "The tag's name, unique in the account (1 to 255 characters)",
		displayOptions: { show },
	},
];

/** `POST /contact_tags`; a taken name is a clear 409. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('tagName', itemIndex)).trim();
	if (!name) throw new NodeOperationError(this.getNode(), 'Name: a value is required', { itemIndex });
	if (name.length > MAX_NAME) {
		throw new NodeOperationError(this.getNode(), `Name: ${name.length} characters; Constant Contact allows at most ${MAX_NAME}`, { itemIndex });
	}
	try {
		const tag = await constantContactRequest.call(this, { method: 'POST', path: '/contact_tags', body: { name }, itemIndex });
		return [{ json: expectRecord(this.getNode(), tag, 'POST /contact_tags', itemIndex) }];
	} catch (error) {
		throw nameConflict.call(this, error, 'tag', name, itemIndex);
	}
}
