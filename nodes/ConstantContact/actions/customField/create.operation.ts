import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { SELECT_TYPES, customFieldRequest } from '../../mapping/contact/customFields';
import { constantContactRequest } from '../../transport/request';
import { expectRecord } from '../../transport/responses';
import { nameConflict } from '../conflict';

const show = { resource: ['customField'], operation: ['create'] };


export const description: INodeProperties[] = [
	{
		displayName: 'Label',
		name: 'label',
		type: 'string',
		default: '',
		required: true,
		description:
			'The name shown in Constant Contact (at most 50 characters); Constant Contact derives the field\'s unique name from it',
		displayOptions: { show },
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'string',
		description: 'The kind of value the field holds',
		displayOptions: { show },
		options: [
			{ name: 'Currency', value: 'currency' },
			{ name: 'Date', value: 'date' },
			{ name: 'Multiple Choice (Several)', value: 'multi_select' },
			{ name: 'Number', value: 'number' },
			{ name: 'Single Choice', value: 'single_select' },
			{ name: 'Text', value: 'string' },
			{ name: 'Yes/No', value: 'boolean' },
		],
	},
	{
		displayName: 'Choices',
		name: 'choices',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Bronze, Silver, Gold',
		description:
			'The choices, separated by commas, in display order: at most 100 for a dropdown, 20 for radio buttons or checkboxes (how Constant Contact shows a multiple-choice field)',
		displayOptions: { show: { ...show, type: SELECT_TYPES } },
	},
	{
		displayName: 'Display As',
		name: 'displayType',
		type: 'options',
		default: 'dropdown',
		description: 'How Constant Contact shows the choices',
		displayOptions: { show: { ...show, type: ['single_select'] } },
		options: [
			{ name: 'Dropdown', value: 'dropdown', description: 'Up to 100 choices' },
			{ name: 'Radio Buttons', value: 'radio', description: 'Up to 20 choices' },
		],
	},
];

/** `POST /contact_custom_fields`; a taken label is a clear 409. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const type = this.getNodeParameter('type', itemIndex);
	const request = customFieldRequest(
		this.getNodeParameter('label', itemIndex),
		type,
		this.getNodeParameter('choices', itemIndex, ''),
		type === 'single_select' ? this.getNodeParameter('displayType', itemIndex, 'dropdown') : undefined,
	);
	if ('problems' in request) {
		throw new NodeOperationError(this.getNode(), request.problems[0], { itemIndex, description: request.problems.join('. ') });
	}
	const { body } = request;
	const label = body.label;
	try {
		const field = await constantContactRequest.call(this, { method: 'POST', path: '/contact_custom_fields', body: body as unknown as IDataObject, itemIndex });
		return [{ json: expectRecord(this.getNode(), field, 'POST /contact_custom_fields', itemIndex) }];
	} catch (error) {
		throw nameConflict.call(this, error, 'custom field', label, itemIndex);
	}
}
