import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/locators.description';
import { constantContactRequestAllItems } from '../../transport/paginate';
import { membershipCountField, on } from './shared';
import { readLimit } from '../parameters';

export const description: INodeProperties[] = [
	...returnAllFields(on(['getAll']), 500),
	{
		displayName: 'Options',
		name: 'listOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: on(['getAll']),
		options: [
			membershipCountField('membershipCount'),
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only the list with exactly this name',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'active',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'All', value: 'all' },
					{ name: 'Deleted', value: 'deleted' },
				],
			},
		],
	},
];

/** `GET /contact_lists`, every page (500 per page) or up to the limit. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = readLimit.call(this, itemIndex);
	const options = this.getNodeParameter('listOptions', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (options.membershipCount && options.membershipCount !== 'none') qs.include_membership_count = options.membershipCount;
	if (options.name) qs.name = String(options.name);
	if (options.status) qs.status = String(options.status);
	const lists = await constantContactRequestAllItems.call(this, 'lists', '/contact_lists', qs, { limit, pageSize: 500, itemIndex });
	return (lists as IDataObject[]).map((json) => ({ json }));
}
