import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { tagLocator } from '../../descriptions/locators.description';
import { constantContactRequest } from '../../transport/request';
import { expectRecord } from '../../transport/responses';
import { tagIdParam } from './shared';

const show = { resource: ['tag'], operation: ['get'] };

export const description: INodeProperties[] = [
	tagLocator({ show }, 'The tag to retrieve'),
	{
		displayName: 'Include Contact Count',
		name: 'includeCount',
		type: 'boolean',
		default: false,
		description: 'Whether to add the number of contacts that have the tag (contacts_count)',
		displayOptions: { show },
	},
];

/** `GET /contact_tags/{tag_id}`, with `contacts_count` when asked (`include_count`). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = tagIdParam.call(this, itemIndex);
	const qs: IDataObject = this.getNodeParameter('includeCount', itemIndex, false) ? { include_count: true } : {};
	const tag = await constantContactRequest.call(this, { method: 'GET', path: `/contact_tags/${encodeURIComponent(id)}`, qs, itemIndex });
	return [{ json: expectRecord(this.getNode(), tag, 'GET /contact_tags/{tag_id}', itemIndex) }];
}
