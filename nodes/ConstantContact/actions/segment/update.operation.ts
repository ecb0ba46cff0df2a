import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { segmentCriteria } from '../../mapping/segment/segmentCriteria';
import { invalidInputError } from '../../mapping/common/problems';
import { constantContactRequest } from '../../transport/request';
import { expectRecord, kindOf, unusableResponse } from '../../transport/responses';
import { nameConflict } from '../conflict';
import { checkSegmentName, on, segmentIdParam } from './shared';

const show = on(['update']);

export const description: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'segmentUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'The new name, unique in the account',
			},
			{
				displayName: 'Segment Criteria',
				name: 'segmentCriteria',
				type: 'json',
				default: '{}',
				description:
					"Who belongs to the segment, as Constant Contact's segment criteria JSON (at most 20,000 characters); replaces the current criteria",
			},
		],
	},
	{
		displayName:
			'Criteria over more than 500 campaigns or 5 years are refused. To change only the name, Rename costs one request less.',
		name: 'segmentUpdateNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
];

/**
 * `PUT /segments/{id}` takes both `name` and `segment_criteria` (SegmentData requires both, L2400-2404):
 * the segment is read, the given fields changed, both sent. The criteria get Create's checks.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = segmentIdParam.call(this, itemIndex);
	const fields = this.getNodeParameter('segmentUpdateFields', itemIndex, {}) as IDataObject;
	if (fields.name === undefined && fields.segmentCriteria === undefined) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: nothing to change', {
			itemIndex,
			description: 'Add a Name or Segment Criteria under Update Fields. Nothing was sent to Constant Contact for this item.',
		});
	}
	const givenName = fields.name !== undefined ? checkSegmentName.call(this, fields.name, itemIndex) : undefined;
	let givenCriteria: string | undefined;
	if (fields.segmentCriteria !== undefined) {
		const { criteria, problems } = segmentCriteria(fields.segmentCriteria);
		if (!criteria) throw invalidInputError(this.getNode(), problems, itemIndex);
		givenCriteria = criteria;
	}
	const what = 'GET /segments/{segment_id}';
	const stored = expectRecord(this.getNode(), await constantContactRequest.call(this, { method: 'GET', path: `/segments/${id}`, itemIndex }), what, itemIndex);
	if (givenName === undefined && typeof stored.name !== 'string') throw unusableResponse(this.getNode(), what, `"name" is ${kindOf(stored.name)}, not text`, itemIndex);
	if (givenCriteria === undefined && typeof stored.segment_criteria !== 'string') {
		throw unusableResponse(this.getNode(), what, `"segment_criteria" is ${kindOf(stored.segment_criteria)}, not text`, itemIndex);
	}
	const name = givenName ?? String(stored.name);
	const body = { name, segment_criteria: givenCriteria ?? String(stored.segment_criteria) };
	try {
		const segment = await constantContactRequest.call(this, { method: 'PUT', path: `/segments/${id}`, body, itemIndex });
		return [{ json: expectRecord(this.getNode(), segment, 'PUT /segments/{segment_id}', itemIndex) }];
	} catch (error) {
		throw nameConflict.call(this, error, 'segment', name, itemIndex);
	}
}
