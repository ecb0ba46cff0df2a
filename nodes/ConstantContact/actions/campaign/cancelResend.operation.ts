import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { unusableResponse } from '../../transport/responses';
import { locatePrimary, on } from './locate';
import { readResend, resendPath } from './resend';

export const description: INodeProperties[] = [
	{
		displayName: 'Cancels the campaign\'s resend to non-openers before it goes out; the campaign itself is not changed.',
		name: 'cancelResendNotice',
		type: 'notice',
		default: '',
		displayOptions: on(['cancelResend']),
	},
];

/**
 * `DELETE /emails/activities/{primary email}/non_opener_resends/{resend_request_id}` (L5117-5171): the
 * resend's ID is read first (`DRAFT` while the campaign is a draft), so the user names only the campaign.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { campaign, activityId } = await locatePrimary.call(this, itemIndex);
	const name = String(campaign.name);
	const resend = await readResend.call(this, activityId, itemIndex);
	if (!resend) {
		throw new NodeOperationError(this.getNode(), `Campaign: "${name}" has no resend to non-openers to cancel`, {
			itemIndex,
			description: 'Nothing was sent to Constant Contact for this item. Campaign → Get Resend shows whether a campaign has one.',
		});
	}
	const id = resend.resend_request_id;
	if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '') {
		throw unusableResponse(this.getNode(), 'GET /emails/activities/{campaign_activity_id}/non_opener_resends', 'the resend has no resend_request_id', itemIndex);
	}
	await constantContactRequest.call(this, { method: 'DELETE', path: `${resendPath(activityId)}/${encodeURIComponent(String(id))}`, itemIndex });
	return [{ json: { campaign_id: campaign.campaign_id, campaign_activity_id: activityId, name, resend_request_id: String(id), cancelled: true } }];
}
