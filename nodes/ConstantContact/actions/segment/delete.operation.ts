import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { on, segmentIdParam } from './shared';

export const description: INodeProperties[] = [
	{
		displayName:
			'Check first that no scheduled campaign uses this segment: Constant Contact asks you to verify this before deleting. Its details stay readable by ID.',
		name: 'segmentDeleteNotice',
		type: 'notice',
		default: '',
		displayOptions: on(['delete']),
	},
];

/** `DELETE /segments/{id}` (204). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = segmentIdParam.call(this, itemIndex);
	await constantContactRequest.call(this, { method: 'DELETE', path: `/segments/${id}`, itemIndex });
	return [{ json: { segment_id: Number(id), deleted: true } }];
}
