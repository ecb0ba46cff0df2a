import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { audienceField, senderLocator } from '../../descriptions/campaign.description';
import type { ActivityChanges } from '../../mapping/campaign/activityMerge';
import { mergeActivity } from '../../mapping/campaign/activityMerge';
import type { CampaignContentInput } from '../../mapping/campaign/campaignBody';
import { contentProblems, senderProblems } from '../../mapping/campaign/campaignBody';
import { constantContactRequest } from '../../transport/request';
import { nameConflict } from '../conflict';
import { assertNoProblems, htmlContentField, locatorValue, preheaderField, readAudience } from './fields';
import { fetchActivity, locatePrimary, on, statusIs } from './locate';
import { confirmedSenders } from '../../account/lookups';

const show = on(['update']);

export const description: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'campaignUpdateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'From Name', name: 'fromName', type: 'string', default: '', description: 'The sender name contacts see (at most 100 characters)' },
			senderLocator('fromEmail', 'From Email', "The sender address: one of the account's confirmed email addresses"),
			htmlContentField('htmlContent', false),
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The new campaign name, unique in the account (at most 80 characters)' },
			preheaderField,
			senderLocator('replyToEmail', 'Reply-To Email', "Where replies go: one of the account's confirmed email addresses"),
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '', description: 'The subject line contacts see' },
		],
	},
	audienceField(show, 'Replaces who the campaign goes to: contact lists, or one segment. Leave empty to keep the current audience.'),
	{
		displayName:
			'Only fields you add change: the rest of the email is read and sent back as it is. Constant Contact accepts changes to a Draft or a sent (Done) campaign, not while it is scheduled or sending.',
		name: 'updateNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
];

function readChanges(this: IExecuteFunctions, itemIndex: number): CampaignContentInput {
	const fields = this.getNodeParameter('campaignUpdateFields', itemIndex, {}) as IDataObject;
	const text = (key: string): string | undefined => (fields[key] === undefined ? undefined : String(fields[key]));
	const sender = (key: string): string | undefined => (fields[key] === undefined ? undefined : locatorValue(fields[key]) || undefined);
	const html = text('htmlContent');
	return {
		name: text('name'),
		subject: text('subject'),
		fromName: text('fromName'),
		fromEmail: sender('fromEmail'),
		replyToEmail: sender('replyToEmail'),
		preheader: text('preheader'),
		htmlContent: html !== undefined && html.trim() !== '' ? html : undefined,
	};
}

/**
 * The name: `PATCH /emails/{id}`. Content, senders and audience: on the primary email activity, which
 * PUT replaces whole, so it is read (`GET`), merged and sent back (`PUT`); no PUT when nothing changes.
 * The output is the campaign with its email under `primary_email`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const input = readChanges.call(this, itemIndex);
	assertNoProblems.call(this, contentProblems(input, 'update'), itemIndex);
	const audience = readAudience.call(this, itemIndex);
	const changes: ActivityChanges = {
		...(input.subject !== undefined ? { subject: input.subject } : {}),
		...(input.fromName !== undefined ? { from_name: input.fromName.trim() } : {}),
		...(input.fromEmail !== undefined ? { from_email: input.fromEmail.trim() } : {}),
		...(input.replyToEmail !== undefined ? { reply_to_email: input.replyToEmail.trim() } : {}),
		...(input.preheader !== undefined ? { preheader: input.preheader } : {}),
		...(input.htmlContent !== undefined ? { html_content: input.htmlContent } : {}),
		...(audience ? { audience } : {}),
	};
	const touchesActivity = Object.keys(changes).length > 0;
	const located = await locatePrimary.call(this, itemIndex);
	const activityId = located.activityId;
	let campaign = located.campaign;

	let activity: IDataObject | undefined;
	let put: IDataObject | undefined;
	if (touchesActivity) {
		activity = await fetchActivity.call(this, activityId, itemIndex);
		// "You can only update email campaign activities that ... are in DRAFT or Done status." (L4624-4625)
		if (!statusIs(activity.current_status, 'DRAFT', 'DONE')) {
			throw new NodeOperationError(this.getNode(), `Campaign: "${String(campaign.name)}" is ${String(campaign.current_status)}; Constant Contact changes a campaign's email only while it is a Draft or Done`, {
				itemIndex,
				description: statusIs(activity.current_status, 'SCHEDULED')
					? 'Unschedule it first (Campaign → Unschedule), update it, then schedule it again.'
					: 'Wait until it has been sent, then update it.',
			});
		}
		if (changes.from_email !== undefined || changes.reply_to_email !== undefined) {
			assertNoProblems.call(this, senderProblems(input, await confirmedSenders.call(this, itemIndex)), itemIndex);
		}
		const merged = mergeActivity(activity, changes);
		if (merged.changed) put = merged.body;
	}

	const name = input.name?.trim();
	if (name && name !== campaign.name) {
		try {
			campaign = (await constantContactRequest.call(this, { method: 'PATCH', path: `/emails/${encodeURIComponent(String(campaign.campaign_id))}`, body: { name }, itemIndex })) as IDataObject;
		} catch (error) {
			throw nameConflict.call(this, error, 'campaign', name, itemIndex);
		}
	}
	if (put) {
		activity = (await constantContactRequest.call(this, { method: 'PUT', path: `/emails/activities/${encodeURIComponent(activityId)}`, body: put, itemIndex })) as IDataObject;
	}
	// A rename alone did not read the email: read it, so the output always shows it as stored.
	activity ??= await fetchActivity.call(this, activityId, itemIndex);
	return [{ json: { ...campaign, primary_email: activity } }];
}
