import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { nameConflict } from '../conflict';
import { checkSegmentName, on, segmentIdParam } from './shared';

export const description: INodeProperties[] = [
	{
		displayName: 'New Name',
		name: 'newName',
		type: 'string',
		default: '',
		required: true,
		description: 'The new name, unique in the account; the criteria stay as they are',
		displayOptions: on(['rename']),
	},
];

/** `PATCH /segments/{id}/name` with the new name only (the schema holds one `name`, L12147-12156). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = segmentIdParam.call(this, itemIndex);
	const name = checkSegmentName.call(this, this.getNodeParameter('newName', itemIndex, ''), itemIndex);
	try {
		return [{ json: (await constantContactRequest.call(this, { method: 'PATCH', path: `/segments/${id}/name`, body: { name }, itemIndex })) as IDataObject }];
	} catch (error) {
		throw nameConflict.call(this, error, 'segment', name, itemIndex);
	}
}
