import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { tagLocator } from '../../descriptions/locators.description';
import { constantContactRequest } from '../../transport/request';
import { expectRecord } from '../../transport/responses';
import { nameConflict } from '../conflict';
import { checkTagName, tagIdParam } from './shared';

const show = { resource: ['tag'], operation: ['update'] };

export const description: INodeProperties[] = [
	tagLocator({ show }, 'The tag to rename'),
	{
		displayName: 'New Name',
		name: 'newTagName',
		type: 'string',
		default: '',
		required: true,
		description: "The tag's new name, unique in the account (1 to 255 characters); its contacts keep the tag",
		displayOptions: { show },
	},
];

/** `PUT /contact_tags/{tag_id}` with the new name (`TagPut` holds only `name`); a taken name is a clear 409. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = tagIdParam.call(this, itemIndex);
	const name = checkTagName.call(this, this.getNodeParameter('newTagName', itemIndex, ''), 'New Name', itemIndex);
	try {
		const tag = await constantContactRequest.call(this, { method: 'PUT', path: `/contact_tags/${encodeURIComponent(id)}`, body: { name }, itemIndex });
		return [{ json: expectRecord(this.getNode(), tag, 'PUT /contact_tags/{tag_id}', itemIndex) }];
	} catch (error) {
		throw nameConflict.call(this, error, 'tag', name, itemIndex);
	}
}
