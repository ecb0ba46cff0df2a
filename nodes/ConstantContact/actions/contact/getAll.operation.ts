import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { includeField, returnAllFields } from '../../descriptions/locators.description';
import { CONTACT_FIELD_OPTIONS } from '../../mapping/contact/contactOutput';
import { outputFields } from '../../descriptions/output.description';
import { SIMPLIFIED_CONTACT, readContactInclude } from './get.operation';
import { toIdList } from '../../mapping/common/ids';
import { constantContactRequestAllItems } from '../../transport/paginate';
import { checkedDateTime, readLimit } from '../parameters';

const show = { resource: ['contact'], operation: ['getAll'] };

const STATUS_OPTIONS = [
	{ name: 'Active (Mailable)', value: 'active' },
	{ name: 'All (Deleted Included)', value: 'all' },
	{ name: 'Deleted', value: 'deleted' },
	{ name: 'Not Set', value: 'not_set' },
	{ name: 'Pending Confirmation', value: 'pending_confirmation' },
	{ name: 'Temporary Hold', value: 'temp_hold' },
	{ name: 'Unsubscribed', value: 'unsubscribed' },
];

const DATE_FILTERS: Array<{ name: string; query: string; displayName: string; description: string }> = [
	{ name: 'createdAfter', query: 'created_after', displayName: 'Created After', description: 'Only contacts created after this time' },
	{ name: 'createdBefore', query: 'created_before', displayName: 'Created Before', description: 'Only contacts created before this time' },
	{ name: 'optOutAfter', query: 'optout_after', displayName: 'Opted Out After', description: 'Only contacts who unsubscribed after this time' },
	{ name: 'optOutBefore', query: 'optout_before', displayName: 'Opted Out Before', description: 'Only contacts who unsubscribed before this time' },
	{ name: 'updatedAfter', query: 'updated_after', displayName: 'Updated After', description: 'Only contacts changed after this time' },
	{ name: 'updatedBefore', query: 'updated_before', displayName: 'Updated Before', description: 'Only contacts changed before this time' },
];

/** Constant Contact's limits on the `lists` and `tags` filters. */
const MAX_LIST_FILTER = 25;
const MAX_TAG_FILTER = 50;

export const description: INodeProperties[] = [
	...returnAllFields({ show }, 500),
	...outputFields({ show }, CONTACT_FIELD_OPTIONS, SIMPLIFIED_CONTACT),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			...DATE_FILTERS.map(
				(f): INodeProperties => ({
					displayName: f.displayName,
					name: f.name,
					type: 'dateTime',
					default: '',
					description: f.description,
				}),
			),
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. nathan@example.com',
				default: '',
				description: 'Only the contact with exactly this email address',
			},
			{
				displayName: 'List Names or IDs',
				name: 'lists',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getLists' },
				default: [],
				description:
					'Only members of any of these lists (at most 25). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: STATUS_OPTIONS,
				default: [],
				description:
					'Only contacts in any of these states. None chosen: every contact that is not deleted (Constant Contact\'s default).',
			},
			{
				displayName: 'Tag Names or IDs',
				name: 'tags',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getTags' },
				default: [],
				description:
					'Only contacts with any of these tags (at most 50). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	includeField({ show: { ...show, output: ['raw'] } }),
];

/** The `GET /contacts` query for the filters; a wrong value is the item's error before any request. */
export function contactFilterQuery(this: IExecuteFunctions, filters: IDataObject, itemIndex: number): IDataObject {
	const qs: IDataObject = {};
	const fail = (message: string) => new NodeOperationError(this.getNode(), message, { itemIndex });
	const email = String(filters.email ?? '').trim();
	if (email) qs.email = email;
	const status = toIdList(filters.status);
	if (status.length) qs.status = status.join(',');
	const lists = toIdList(filters.lists);
	if (lists.length > MAX_LIST_FILTER) throw fail(`Lists filter: ${lists.length} given; Constant Contact filters by at most ${MAX_LIST_FILTER} lists`);
	if (lists.length) qs.lists = lists.join(',');
	const tags = toIdList(filters.tags);
	if (tags.length > MAX_TAG_FILTER) throw fail(`Tags filter: ${tags.length} given; Constant Contact filters by at most ${MAX_TAG_FILTER} tags`);
	if (tags.length) qs.tags = tags.join(',');
	for (const f of DATE_FILTERS) {
		const iso = checkedDateTime.call(this, f.displayName, filters[f.name], itemIndex);
		if (iso) qs[f.query] = iso;
	}
	return qs;
}

/** `GET /contacts` with the filters, following the cursor until the limit or the last page. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const include = readContactInclude.call(this, itemIndex);
	const qs = contactFilterQuery.call(this, filters, itemIndex);
	if (include.length) qs.include = include.join(',');
	const contacts = await constantContactRequestAllItems.call(this, 'contacts', '/contacts', qs, { limit, pageSize: 500, itemIndex });
	return (contacts as IDataObject[]).map((json) => ({ json }));
}
