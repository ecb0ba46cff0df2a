import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { EXAMPLE_CRITERIA, segmentCriteria } from '../../mapping/segment/segmentCriteria';
import { invalidInputError } from '../../mapping/common/problems';
import { constantContactRequest } from '../../transport/request';
import { nameConflict } from '../conflict';
import { checkSegmentName, on } from './shared';

const show = on(['create']);

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description: "The segment's name, unique in the account",
		displayOptions: show,
	},
	{
		displayName: 'Segment Criteria',
		name: 'segmentCriteria',
		type: 'json',
		default: JSON.stringify(EXAMPLE_CRITERIA, null, 2),
		required: true,
		description:
			"Who belongs to the segment, as Constant Contact's segment criteria JSON (at most 20,000 characters). The default is Constant Contact's own example: contacts who opened none of the last 5 campaigns.",
		displayOptions: show,
	},
	{
		displayName:
			'Without list_membership criteria Constant Contact evaluates every contact of the account; criteria over more than 500 campaigns or 5 years are refused.',
		name: 'segmentCreateNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
];

/** `POST /segments`: the criteria JSON sent as one escaped string; a taken name is a clear 409. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const name = checkSegmentName.call(this, this.getNodeParameter('name', itemIndex, ''), itemIndex);
	const { criteria, problems } = segmentCriteria(this.getNodeParameter('segmentCriteria', itemIndex, ''));
	if (!criteria) throw invalidInputError(this.getNode(), problems, itemIndex);
	try {
		const segment = (await constantContactRequest.call(this, { method: 'POST', path: '/segments', body: { name, segment_criteria: criteria }, itemIndex })) as IDataObject;
		return [{ json: segment }];
	} catch (error) {
		throw nameConflict.call(this, error, 'segment', name, itemIndex);
	}
}
