import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { SELECT_TYPES } from '../../mapping/customFields';
import { constantContactRequest } from '../../transport/request';
import { expectRecord } from '../../transport/responses';
import { nameConflict } from '../conflict';

const show = { resource: ['customField'], operation: ['create'] };
const MAX_LABEL = 50;
const MAX_CHOICES = 100;
const MAX_CHOICE_LABEL = 255;

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
		description: 'The choices, separated by commas, in display order (at most 100)',
		displayOptions: { show: { ...show, type: SELECT_TYPES } },
	},
];

/** `POST /contact_custom_fields`; a taken label is a clear 409. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const label = String(this.getNodeParameter('label', itemIndex)).trim();
	const type = this.getNodeParameter('type', itemIndex) as string;
	const problems: string[] = [];
	if (!label) problems.push('Label: a value is required');
	else if (label.length > MAX_LABEL) problems.push(`Label: ${label.length} characters; Constant Contact allows at most ${MAX_LABEL}`);
	const body: IDataObject = { label, type };
	if (SELECT_TYPES.includes(type)) {
		const choices = String(this.getNodeParameter('choices', itemIndex, ''))
			.split(',')
			.map((c) => c.trim())
			.filter(Boolean);
		if (choices.length === 0) problems.push('Choices: at least one is required for a choice field');
		if (choices.length > MAX_CHOICES) problems.push(`Choices: ${choices.length} given; Constant Contact allows at most ${MAX_CHOICES}`);
		const long = choices.find((c) => c.length > MAX_CHOICE_LABEL);
		if (long) problems.push(`Choices: "${long.slice(0, 40)}..." has ${long.length} characters; at most ${MAX_CHOICE_LABEL}`);
		body.choices = choices.map((choice_label, i) => ({ choice_label, display_order: i + 1 }));
	}
	if (problems.length) {
		throw new NodeOperationError(this.getNode(), problems[0], { itemIndex, description: problems.join('. ') });
	}
	try {
		const field = await constantContactRequest.call(this, { method: 'POST', path: '/contact_custom_fields', body, itemIndex });
		return [{ json: expectRecord(this.getNode(), field, 'POST /contact_custom_fields', itemIndex) }];
	} catch (error) {
		throw nameConflict.call(this, error, 'custom field', label, itemIndex);
	}
}
