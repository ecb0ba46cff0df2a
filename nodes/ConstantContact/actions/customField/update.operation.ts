import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { customFieldLocator } from '../../descriptions/locators.description';
import { customFieldDefinitionProblem, customFieldPutBody } from '../../mapping/contact/customFields';
import type { CustomFieldDefinition } from '../../mapping/contact/types';
import { constantContactRequest } from '../../transport/request';
import { expectRecord, unusableResponse } from '../../transport/responses';
import { nameConflict } from '../conflict';
import { customFieldIdParam, customFieldPath, getCustomField, on } from './shared';

const show = on(['update']);

export const description: INodeProperties[] = [
	customFieldLocator(show, 'The custom field to update'),
	{
		displayName: 'Update Fields',
		name: 'customFieldUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Choices',
				name: 'choices',
				type: 'string',
				default: '',
				placeholder: 'e.g. Bronze, Silver, Gold',
				description:
					"A choice field's choices, separated by commas, in display order; they replace the current ones. A choice kept by its label keeps its ID, so contacts who chose it keep it. At most 100 for a dropdown, 20 for radio buttons or checkboxes.",
			},
			{
				displayName: 'Label',
				name: 'label',
				type: 'string',
				default: '',
				description: 'The new name shown in Constant Contact (at most 50 characters)',
			},
		],
	},
];

/**
 * `PUT /contact_custom_fields/{custom_field_id}` replaces the label and choices (omitted ones become
 * null): read the field, change what was given, send the rest back.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = customFieldIdParam.call(this, itemIndex);
	const fields = this.getNodeParameter('customFieldUpdateFields', itemIndex, {}) as IDataObject;
	if (fields.label === undefined && fields.choices === undefined) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: nothing to change', {
			itemIndex,
			description: 'Add a Label or Choices under Update Fields. Nothing was sent to Constant Contact for this item.',
		});
	}
	const stored = await getCustomField.call(this, id, itemIndex);
	const problem = customFieldDefinitionProblem(stored);
	if (problem) throw unusableResponse(this.getNode(), 'GET /contact_custom_fields/{custom_field_id}', `the custom field ${problem}`, itemIndex);
	const request = customFieldPutBody(stored as unknown as CustomFieldDefinition, fields.label, fields.choices);
	if ('problems' in request) {
		throw new NodeOperationError(this.getNode(), request.problems[0], { itemIndex, description: request.problems.join('. ') });
	}
	try {
		const field = await constantContactRequest.call(this, { method: 'PUT', path: customFieldPath(id), body: request.body as unknown as IDataObject, itemIndex });
		return [{ json: expectRecord(this.getNode(), field, 'PUT /contact_custom_fields/{custom_field_id}', itemIndex) }];
	} catch (error) {
		throw nameConflict.call(this, error, 'custom field', request.body.label, itemIndex);
	}
}
