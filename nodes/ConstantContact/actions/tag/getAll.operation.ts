import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/locators.description';
import { constantContactRequestAllItems } from '../../transport/paginate';
import { readLimit } from '../parameters';

const show = { resource: ['tag'], operation: ['getAll'] };

export const description: INodeProperties[] = [
	...returnAllFields({ show }, 500),
	{
		displayName: 'Include Contact Count',
		name: 'includeCount',
		type: 'boolean',
		default: false,
		description: 'Whether to add the number of contacts that have each tag (contacts_count)',
		displayOptions: { show },
	},
];

/** `GET /contact_tags`, every page (500 per page) or up to the limit. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = readLimit.call(this, itemIndex);
	const qs: IDataObject = this.getNodeParameter('includeCount', itemIndex, false) ? { include_count: true } : {};
	const tags = await constantContactRequestAllItems.call(this, 'tags', '/contact_tags', qs, { limit, pageSize: 500, itemIndex });
	return (tags as IDataObject[]).map((json) => ({ json }));
}
