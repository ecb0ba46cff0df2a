import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { customFieldLocator } from '../../descriptions/locators.description';
import { constantContactRequest } from '../../transport/request';
import { customFieldIdParam, customFieldPath, on } from './shared';

const show = on(['delete']);

export const description: INodeProperties[] = [
	customFieldLocator(show, 'The custom field to delete'),
	{
		displayName: "Deleting a custom field removes its value from every contact that has one.",
		name: 'customFieldDeleteNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
];

/** `DELETE /contact_custom_fields/{custom_field_id}` (204). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = customFieldIdParam.call(this, itemIndex);
	await constantContactRequest.call(this, { method: 'DELETE', path: customFieldPath(id), itemIndex });
	return [{ json: { custom_field_id: id, deleted: true } }];
}
