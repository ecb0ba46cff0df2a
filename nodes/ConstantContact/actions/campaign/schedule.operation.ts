import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { hasAudience } from '../../mapping/campaign/activityMerge';
import { scheduleBody } from '../../mapping/campaign/campaignBody';
import { constantContactRequest } from '../../transport/request';
import { invalidInputError } from '../../mapping/common/problems';
import { checkedDateTime } from '../parameters';
import { fetchActivity, locatePrimary, on, statusIs } from './locate';

const show = on(['schedule']);

export const description: INodeProperties[] = [
	{
		displayName: 'When',
		name: 'when',
		type: 'options',
		default: 'date',
		options: [
			{ name: 'At a Date and Time', value: 'date', description: 'Constant Contact sends it then' },
			{ name: 'Now', value: 'now', description: 'Constant Contact sends it right away' },
		],
		displayOptions: show,
	},
	{
		displayName: 'Scheduled Date',
		name: 'scheduledDate',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When to send it; must be in the future',
		displayOptions: { show: { ...show.show, when: ['date'] } },
	},
	{
		displayName:
			'This sends the email to every contact in its audience (set with Create or Update). A campaign that was already sent goes only to contacts who have not received it.',
		name: 'scheduleNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
];

/**
 * `POST /emails/activities/{primary email}/schedules` with `scheduled_date` (`"0"` for now), after
 * reading the activity: only a Draft, Done or Error one with lists or a segment can be scheduled
 * (L4738-4744), which is said before anything is sent.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const when = this.getNodeParameter('when', itemIndex, 'date') as 'now' | 'date';
	const given = when === 'date' ? checkedDateTime.call(this, 'Scheduled Date', this.getNodeParameter('scheduledDate', itemIndex, ''), itemIndex) : undefined;
	const { body, problems } = scheduleBody(when, given);
	if (!body) throw invalidInputError(this.getNode(), problems, itemIndex);
	const { campaign, activityId } = await locatePrimary.call(this, itemIndex);
	const activity = await fetchActivity.call(this, activityId, itemIndex);
	const name = String(campaign.name);
	if (!statusIs(activity.current_status, 'DRAFT', 'DONE', 'ERROR')) {
		const scheduled = statusIs(activity.current_status, 'SCHEDULED');
		throw new NodeOperationError(this.getNode(), `Campaign: "${name}" is ${scheduled ? 'already scheduled' : String(campaign.current_status)}; Constant Contact schedules a Draft, Done or Error campaign only`, {
			itemIndex,
			description: scheduled ? 'To change the date, unschedule it first (Campaign → Unschedule), then schedule it again.' : 'Wait until it has been sent.',
		});
	}
	if (!hasAudience(activity)) {
		throw new NodeOperationError(this.getNode(), `Audience: "${name}" has no contact lists or segment to send to`, {
			itemIndex,
			description: 'Set its audience first: Campaign → Update, Audience → Contact Lists or Segment.',
		});
	}
	const path = `/emails/activities/${encodeURIComponent(activityId)}/schedules`;
	const schedules = (await constantContactRequest.call(this, {
		method: 'POST',
		path,
		body,
		itemIndex,
		// After a 5xx or a lost connection: scheduled (or sending) means it took effect; only otherwise is it sent again.
		resolveAmbiguous: async () => {
			const now = await fetchActivity.call(this, activityId, itemIndex);
			if (!statusIs(now.current_status, 'SCHEDULED', 'EXECUTING', 'DONE') || statusIs(now.current_status, activity.current_status as string)) return undefined;
			return await constantContactRequest.call(this, { method: 'GET', path, itemIndex });
		},
	})) as IDataObject[];
	const scheduled = Array.isArray(schedules) ? schedules[0]?.scheduled_date : undefined;
	return [
		{
			json: {
				campaign_id: campaign.campaign_id,
				campaign_activity_id: activityId,
				name,
				scheduled_date: scheduled ?? (when === 'now' ? 'now' : (body.scheduled_date as string)),
				// Sent before: Constant Contact sends it again only to contacts who have not received it.
				only_new_contacts: statusIs(activity.current_status, 'DONE'),
			},
		},
	];
}
