import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { locatePrimary } from './locate';

export const description: INodeProperties[] = [];

/** `GET /emails/activities/{primary email}/schedules`: an empty array unless it is SCHEDULED (L4688-4690). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { campaign, activityId } = await locatePrimary.call(this, itemIndex);
	const schedules = (await constantContactRequest.call(this, {
		method: 'GET',
		path: `/emails/activities/${encodeURIComponent(activityId)}/schedules`,
		itemIndex,
	})) as IDataObject[];
	const date = Array.isArray(schedules) ? schedules[0]?.scheduled_date : undefined;
	return [
		{
			json: {
				campaign_id: campaign.campaign_id,
				campaign_activity_id: activityId,
				name: campaign.name,
				current_status: campaign.current_status,
				scheduled: date !== undefined,
				scheduled_date: date ?? null,
			},
		},
	];
}
