import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { listId, on } from './shared';

export const description: INodeProperties[] = [
	{
		displayName: 'Deleting a list removes its memberships; the contacts themselves stay in the account.',
		name: 'listDeleteNotice',
		type: 'notice',
		default: '',
		displayOptions: on(['delete']),
	},
];

/** `DELETE /contact_lists/{id}`: Constant Contact deletes the list in the background (an activity). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const id = listId.call(this, itemIndex);
	const activity = (await constantContactRequest.call(this, {
		method: 'DELETE',
		path: `/contact_lists/${encodeURIComponent(id)}`,
		itemIndex,
	})) as IDataObject | undefined;
	return [
		{
			json: {
				list_id: id,
				deleted: true,
				...(activity?.activity_id ? { activity_id: activity.activity_id, activity_state: activity.state } : {}),
			},
		},
	];
}
