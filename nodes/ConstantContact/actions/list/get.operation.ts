import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getList, listId, membershipCountField, on } from './shared';

export const description: INodeProperties[] = [{ ...membershipCountField('membershipCount'), displayOptions: on(['get']) }];

/** `GET /contact_lists/{id}`, with the membership count when asked. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const membershipCount = this.getNodeParameter('membershipCount', itemIndex, 'none') as string;
	return [{ json: await getList.call(this, listId.call(this, itemIndex), membershipCount, itemIndex) }];
}
