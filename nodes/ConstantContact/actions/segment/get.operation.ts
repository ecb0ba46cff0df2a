import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { segmentIdParam } from './shared';

export const description: INodeProperties[] = [];

/** `GET /segments/{id}`: with its criteria; deleted segments are readable by id too (L2357-2358). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = segmentIdParam.call(this, itemIndex);
	return [{ json: (await constantContactRequest.call(this, { method: 'GET', path: `/segments/${id}`, itemIndex })) as IDataObject }];
}
