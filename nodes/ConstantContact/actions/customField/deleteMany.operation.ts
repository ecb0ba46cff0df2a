import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { customFieldLocator } from '../../descriptions/locators.description';
import type { BulkDeleteSpec } from '../bulkDelete';
import { BULK_DELETE_PER_ACTIVITY, bulkDelete, bulkDeleteOptions } from '../bulkDelete';
import { customFieldIdParam, customFieldPath, on } from './shared';

const show = on(['deleteMany']);

export const description: INodeProperties[] = [
	customFieldLocator(show, 'The custom field this item deletes. With many input items, use an expression: every item names one custom field.'),
	{
		displayName: `All input items' custom fields are deleted together, up to ${BULK_DELETE_PER_ACTIVITY} per bulk activity, with their values on every contact.`,
		name: 'customFieldDeleteManyNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	bulkDeleteOptions('customFieldDeleteManyOptions', show),
];

const SPEC: BulkDeleteSpec = {
	noun: 'custom field',
	idKey: 'custom_field_id',
	bodyKey: 'custom_field_ids',
	path: '/activities/custom_fields_delete',
	recordPath: customFieldPath,
	readId: customFieldIdParam,
	optionsName: 'customFieldDeleteManyOptions',
};

/** `POST /activities/custom_fields_delete` with every item's custom field, 100 per activity; one output item per input item. */
export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await bulkDelete.call(this, SPEC);
}
