import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { listLocator } from '../../descriptions/locators.description';
import type { BulkDeleteSpec } from '../bulkDelete';
import { BULK_DELETE_PER_ACTIVITY, bulkDelete, bulkDeleteOptions } from '../bulkDelete';
import { listId, on } from './shared';

const show = on(['deleteMany']);

export const description: INodeProperties[] = [
	listLocator(show, 'The list this item deletes. With many input items, use an expression: every item names one list.'),
	{
		displayName: `All input items' lists are deleted together, up to ${BULK_DELETE_PER_ACTIVITY} per bulk activity; their contacts stay in the account.`,
		name: 'listDeleteManyNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	bulkDeleteOptions('listDeleteManyOptions', show),
];

const SPEC: BulkDeleteSpec = {
	noun: 'list',
	idKey: 'list_id',
	bodyKey: 'list_ids',
	path: '/activities/list_delete',
	recordPath: (id) => `/contact_lists/${encodeURIComponent(id)}`,
	readId: listId,
	optionsName: 'listDeleteManyOptions',
};

/** `POST /activities/list_delete` with every item's list, 100 per activity; one output item per input item. */
export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await bulkDelete.call(this, SPEC);
}
