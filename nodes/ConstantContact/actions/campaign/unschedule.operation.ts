import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { fetchActivity, locatePrimary, on, statusIs } from './locate';

export const description: INodeProperties[] = [
	{
		displayName: 'Unscheduling puts the campaign back in the state it had before it was scheduled (Draft, or Done if it was sent before).',
		name: 'unscheduleNotice',
		type: 'notice',
		default: '',
		displayOptions: on(['unschedule']),
	},
];

/** `DELETE /emails/activities/{primary email}/schedules`: only a SCHEDULED one (L4801-4803), checked first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { campaign, activityId } = await locatePrimary.call(this, itemIndex);
	const activity = await fetchActivity.call(this, activityId, itemIndex);
	if (!statusIs(activity.current_status, 'SCHEDULED')) {
		throw new NodeOperationError(this.getNode(), `Campaign: "${String(campaign.name)}" is not scheduled (it is ${String(campaign.current_status)}); only a scheduled campaign can be unscheduled`, {
			itemIndex,
			description: statusIs(activity.current_status, 'EXECUTING') ? 'It is being sent right now.' : 'Nothing to undo.',
		});
	}
	await constantContactRequest.call(this, { method: 'DELETE', path: `/emails/activities/${encodeURIComponent(activityId)}/schedules`, itemIndex });
	return [{ json: { campaign_id: campaign.campaign_id, campaign_activity_id: activityId, name: campaign.name, unscheduled: true } }];
}
