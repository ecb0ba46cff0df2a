import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { RESEND_LIMITS, resendBody } from '../../mapping/campaign/campaignBody';
import { invalidInputError } from '../../mapping/common/problems';
import { constantContactRequest } from '../../transport/request';
import { expectRecord } from '../../transport/responses';
import { fetchActivity, locatePrimary, on, statusIs } from './locate';
import { readResend, resendFields, resendPath } from './resend';
import { isApiError } from '../../transport/errors';

const show = on(['createResend']);

export const description: INodeProperties[] = [
	{
		displayName: 'Resend Subject',
		name: 'resendSubject',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. In case you missed it: our spring sale',
		description: 'The subject line of the resend; a new one often gets more opens',
		displayOptions: show,
	},
	{
		displayName: 'Delay Unit',
		name: 'resendDelayUnit',
		type: 'options',
		default: 'days',
		description: 'How the wait after the send is given',
		options: [
			{ name: 'Days', value: 'days', description: '1 to 10 days' },
			{ name: 'Minutes', value: 'minutes', description: '720 to 14,400 minutes (12 hours to 10 days)' },
		],
		displayOptions: show,
	},
	{
		displayName: 'Delay (Days)',
		name: 'resendDelayDays',
		type: 'number',
		typeOptions: { minValue: RESEND_LIMITS.days.min, maxValue: RESEND_LIMITS.days.max },
		default: 3,
		description: 'How many days after the send Constant Contact resends to contacts who did not open it',
		displayOptions: { show: { ...show.show, resendDelayUnit: ['days'] } },
	},
	{
		displayName: 'Delay (Minutes)',
		name: 'resendDelayMinutes',
		type: 'number',
		typeOptions: { minValue: RESEND_LIMITS.minutes.min, maxValue: RESEND_LIMITS.minutes.max },
		default: 1440,
		description: 'How many minutes after the send Constant Contact resends to contacts who did not open it (1,440 is a day)',
		displayOptions: { show: { ...show.show, resendDelayUnit: ['minutes'] } },
	},
	{
		displayName:
			'Constant Contact allows one resend per campaign, for a campaign that is a draft, scheduled or sent. It goes out once, to the contacts who had not opened the email by then.',
		name: 'createResendNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
];

/**
 * `POST /emails/activities/{primary email}/non_opener_resends` (L5050-5115). The subject and the delay
 * are checked first, then the primary email's status (Draft, Scheduled or Done only), before the POST.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const unit = this.getNodeParameter('resendDelayUnit', itemIndex, 'days');
	const delay = unit === 'minutes' ? this.getNodeParameter('resendDelayMinutes', itemIndex, 1440) : this.getNodeParameter('resendDelayDays', itemIndex, 3);
	const { body, problems } = resendBody(this.getNodeParameter('resendSubject', itemIndex, ''), unit, delay);
	if (!body) throw invalidInputError(this.getNode(), problems, itemIndex);
	const { campaign, activityId } = await locatePrimary.call(this, itemIndex);
	const name = String(campaign.name);
	const activity = await fetchActivity.call(this, activityId, itemIndex);
	if (!statusIs(activity.current_status, 'DRAFT', 'SCHEDULED', 'DONE')) {
		const sending = statusIs(activity.current_status, 'EXECUTING');
		throw new NodeOperationError(this.getNode(), `Campaign: "${name}" is ${String(campaign.current_status)}; Constant Contact adds a resend to non-openers only to a Draft, Scheduled or Done campaign`, {
			itemIndex,
			description: sending ? 'It is being sent right now: try again once it is Done.' : 'Nothing was sent to Constant Contact for this item.',
		});
	}
	const path = resendPath(activityId);
	try {
		const created = await constantContactRequest.call(this, {
			method: 'POST',
			path,
			body,
			itemIndex,
			// After a 5xx or a lost connection: a resend now there with this subject is ours.
			resolveAmbiguous: async () => {
				const now = await readResend.call(this, activityId, itemIndex);
				return now && now.resend_subject === body.resend_subject ? now : undefined;
			},
		});
		const resend = expectRecord(this.getNode(), created, 'POST /emails/activities/{campaign_activity_id}/non_opener_resends', itemIndex);
		return [{ json: { campaign_id: campaign.campaign_id, campaign_activity_id: activityId, name, resend_scheduled: true, ...resendFields(resend) } }];
	} catch (error) {
		throw isApiError(error, 409)
			? new NodeApiError(this.getNode(), { status: 409 }, {
					message: `Campaign: "${name}" already has a resend to non-openers (409); Constant Contact allows one per campaign`,
					description: 'To change it, cancel it first (Campaign → Cancel Resend), then create it again; Campaign → Get Resend shows the current one.',
					httpCode: '409',
					itemIndex,
				})
			: error;
	}
}
