import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/locators.description';
import { constantContactRequestAllItems } from '../../transport/paginate';
import { on } from './shared';
import { readLimit } from '../parameters';

const show = on(['getAll']);

export const description: INodeProperties[] = [
	...returnAllFields(show, 1000),
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		default: 'date',
		options: [
			{ name: 'Last Changed (Newest First)', value: 'date' },
			{ name: 'Name (A to Z)', value: 'name' },
		],
		displayOptions: show,
	},
];

/** `GET /segments` (without their criteria; deleted segments are not listed), every page or up to the limit. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = readLimit.call(this, itemIndex);
	const sortBy = this.getNodeParameter('sortBy', itemIndex, 'date') as string;
	const segments = await constantContactRequestAllItems.call(this, 'segments', '/segments', { sort_by: sortBy }, { limit, pageSize: 1000, itemIndex });
	return (segments as IDataObject[]).map((json) => ({ json }));
}
