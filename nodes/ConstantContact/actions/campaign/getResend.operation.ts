import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { locatePrimary } from './locate';
import { readResend, resendFields } from './resend';

export const description: INodeProperties[] = [];

/** `GET /emails/activities/{primary email}/non_opener_resends`: the campaign's resend, or `resend_scheduled: false`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { campaign, activityId } = await locatePrimary.call(this, itemIndex);
	const resend = await readResend.call(this, activityId, itemIndex);
	return [
		{
			json: {
				campaign_id: campaign.campaign_id,
				campaign_activity_id: activityId,
				name: campaign.name,
				resend_scheduled: resend !== undefined,
				...resendFields(resend),
			},
		},
	];
}
