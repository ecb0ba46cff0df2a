import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { customFieldLocator } from '../../descriptions/locators.description';
import { customFieldIdParam, getCustomField, on } from './shared';

export const description: INodeProperties[] = [customFieldLocator(on(['get']), 'The custom field to retrieve')];

/** `GET /contact_custom_fields/{custom_field_id}`: its label, name, type and choices. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	return [{ json: await getCustomField.call(this, customFieldIdParam.call(this, itemIndex), itemIndex) }];
}
