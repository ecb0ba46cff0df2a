import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/locators.description';
import { constantContactRequestAllItems } from '../../transport/paginate';
import { on, statusIs } from './locate';
import { checkedDateTime, readLimit } from '../parameters';

const show = on(['getAll']);

/** `current_status` values of a campaign (Title case, swagger L13954-13962). */
export const CAMPAIGN_STATUSES = ['Draft', 'Scheduled', 'Executing', 'Done', 'Error', 'Removed'];

export const description: INodeProperties[] = [
	...returnAllFields(show, 500),
	{
		displayName: 'Filters',
		name: 'campaignFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: CAMPAIGN_STATUSES.map((s) => ({ name: s === 'Removed' ? 'Removed (Deleted)' : s, value: s })),
				default: [],
				description:
					'Only campaigns in any of these states. None chosen: every campaign except deleted (Removed) ones, which Constant Contact would otherwise list too.',
			},
			{
				displayName: 'Updated After',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only campaigns changed (or sent) after this time',
			},
			{
				displayName: 'Updated Before',
				name: 'updatedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only campaigns changed (or sent) before this time',
			},
		],
	},
];

/**
 * `GET /emails`, every page (500 each) or up to the limit. Constant Contact filters only by
 * `updated_at` and lists deleted campaigns too: the status filter applies here. Each campaign is
 * output as listed: 7 flat fields, already short (no Output parameter).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('campaignFilters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const [name, query, label] of [
		['updatedAfter', 'after_date', 'Updated After'],
		['updatedBefore', 'before_date', 'Updated Before'],
	] as const) {
		const iso = checkedDateTime.call(this, label, filters[name], itemIndex);
		if (iso) qs[query] = iso;
	}
	const statuses = Array.isArray(filters.status) ? (filters.status as string[]) : [];
	const wanted = (c: IDataObject): boolean => (statuses.length ? statusIs(c.current_status, ...statuses) : !statusIs(c.current_status, 'Removed'));
	const campaigns = await constantContactRequestAllItems.call(this, 'campaigns', '/emails', qs, { limit, pageSize: 500, itemIndex, filter: wanted });
	return (campaigns as IDataObject[]).map((json) => ({ json }));
}
