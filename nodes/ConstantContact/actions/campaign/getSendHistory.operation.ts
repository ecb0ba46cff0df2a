import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { locatePrimary } from './locate';

export const description: INodeProperties[] = [];

/**
 * `GET /emails/activities/{primary email}/send_history`: one item per send, oldest first (none when
 * it was never sent). `reason_code` 0 is success; 12 means no contact was eligible (L14679-14717).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { campaign, activityId } = await locatePrimary.call(this, itemIndex);
	const history = (await constantContactRequest.call(this, {
		method: 'GET',
		path: `/emails/activities/${encodeURIComponent(activityId)}/send_history`,
		itemIndex,
	})) as IDataObject[];
	return (Array.isArray(history) ? history : []).map((send) => ({
		json: { campaign_id: campaign.campaign_id, campaign_activity_id: activityId, ...send },
	}));
}
