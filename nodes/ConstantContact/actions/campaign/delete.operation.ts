import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { campaignIdParam, fetchCampaign, on, statusIs } from './locate';

const show = on(['delete']);

export const description: INodeProperties[] = [
	{
		displayName:
			'Constant Contact keeps deleted campaigns (status Removed): users can restore them in its UI. A scheduled campaign must be unscheduled first.',
		name: 'campaignDeleteNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
];

/**
 * `DELETE /emails/{id}` after a `GET`: "You cannot delete an email campaign when it has a Scheduled
 * status" (L4399-4400) is said before any delete is sent; one already Removed is already deleted.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const campaign = await fetchCampaign.call(this, campaignIdParam.call(this, itemIndex), itemIndex);
	const deleted: INodeExecutionData[] = [{ json: { campaign_id: campaign.campaign_id, name: campaign.name, deleted: true } }];
	if (statusIs(campaign.current_status, 'Removed')) return deleted;
	if (statusIs(campaign.current_status, 'Scheduled', 'Executing')) {
		throw new NodeOperationError(this.getNode(), `Campaign: "${String(campaign.name)}" is ${String(campaign.current_status)}; Constant Contact does not delete a campaign while it is scheduled or sending`, {
			itemIndex,
			description: statusIs(campaign.current_status, 'Scheduled') ? 'Unschedule it first (Campaign → Unschedule), then delete it.' : 'Wait until it has been sent.',
		});
	}
	await constantContactRequest.call(this, { method: 'DELETE', path: `/emails/${encodeURIComponent(String(campaign.campaign_id))}`, itemIndex });
	return deleted;
}
