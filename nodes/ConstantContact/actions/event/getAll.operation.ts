import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/locators.description';
import { outputFields } from '../../descriptions/output.description';
import { EVENT_FIELD_OPTIONS, SIMPLIFIED_EVENTS } from '../../mapping/event/eventOutput';
import { constantContactRequestAllItems } from '../../transport/paginate';
import { readLimit } from '../parameters';
import { on } from './shared';

const show = on(['getAll']);

export const EVENT_STATUSES = [
	{ name: 'Active', value: 'ACTIVE' },
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'Complete', value: 'COMPLETE' },
	{ name: 'Deleted', value: 'DELETED' },
	{ name: 'Draft', value: 'DRAFT' },
	{ name: 'Error', value: 'ERROR' },
];

const SORT_KEYS = [
	{ name: 'Created Time', value: 'created_time' },
	{ name: 'End Time', value: 'end_time' },
	{ name: 'Name', value: 'name' },
	{ name: 'Start Time', value: 'start_time' },
	{ name: 'Updated Time', value: 'updated_time' },
];

export const SORT_ORDERS = [
	{ name: 'Ascending', value: 'ASC' },
	{ name: 'Descending', value: 'DESC' },
];

export const description: INodeProperties[] = [
	...returnAllFields(show, 100),
	{
		displayName: 'Filters',
		name: 'eventFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Search Text',
				name: 'searchText',
				type: 'string',
				default: '',
				placeholder: 'e.g. reunion',
				description: 'Only events whose details contain this text',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: EVENT_STATUSES,
				default: 'ACTIVE',
				description: 'Only events in this status (without it, every event except deleted ones)',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'eventOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'Sort By', name: 'sortBy', type: 'options', options: SORT_KEYS, default: 'start_time', description: 'The order of the events' },
			{ displayName: 'Sort Order', name: 'sortOrder', type: 'options', options: SORT_ORDERS, default: 'ASC', description: 'Ascending unless set' },
		],
	},
	...outputFields(show, EVENT_FIELD_OPTIONS, SIMPLIFIED_EVENTS),
];

/** One option's value, checked against its choices (an expression may give anything). */
export function chosen(this: IExecuteFunctions, label: string, value: unknown, choices: Array<{ value: string }>, itemIndex: number): string | undefined {
	if (value === undefined || value === '') return undefined;
	if (typeof value === 'string' && choices.some((c) => c.value === value)) return value;
	throw new NodeOperationError(this.getNode(), `${label}: ${typeof value === 'string' ? JSON.stringify(value) : 'that value'} is not one of ${choices.map((c) => c.value).join(', ')}`, {
		itemIndex,
		description: 'Nothing was sent to Constant Contact for this item. Pick one from the list.',
	});
}

/** `GET /events`, every page (100 each, the contract's maximum) or up to the limit. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('eventFilters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('eventOptions', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const status = chosen.call(this, 'Status', filters.status, EVENT_STATUSES, itemIndex);
	if (status) qs.event_status = status;
	const text = typeof filters.searchText === 'string' ? filters.searchText.trim() : '';
	if (text) qs.search_text = text;
	const sortBy = chosen.call(this, 'Sort By', options.sortBy, SORT_KEYS, itemIndex);
	const sortOrder = chosen.call(this, 'Sort Order', options.sortOrder, SORT_ORDERS, itemIndex);
	if (sortBy) qs.sort_by = sortBy;
	if (sortOrder) qs.sort_order = sortOrder;
	const events = await constantContactRequestAllItems.call(this, 'records', '/events', qs, { limit, pageSize: 100, itemIndex });
	return (events as IDataObject[]).map((json) => ({ json }));
}
