import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { audienceField, senderLocator } from '../../descriptions/campaign.description';
import { mergeActivity } from '../../mapping/campaign/activityMerge';
import { contentProblems, createCampaignBody, senderProblems } from '../../mapping/campaign/campaignBody';
import type { CampaignContentInput } from '../../mapping/campaign/campaignBody';
import { EMAIL_CONTENT_INCLUDE, primaryEmailActivityId } from '../../mapping/campaign/campaignOutput';
import { constantContactRequest } from '../../transport/request';
import { assertScopes } from '../../transport/scopes';
import { nameConflict } from '../conflict';
import { afterCreateError, assertNoProblems, htmlContentField, locatorValue, preheaderField, readAudience } from './fields';
import { fetchActivity, on, statusIs } from './locate';
import { confirmedSenders } from '../../account/lookups';

const show = on(['create']);

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description: 'The campaign\'s name in Constant Contact, unique in the account (at most 80 characters; contacts do not see it)',
		displayOptions: show,
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		required: true,
		description: 'The subject line contacts see',
		displayOptions: show,
	},
	{
		displayName: 'From Name',
		name: 'fromName',
		type: 'string',
		default: '',
		required: true,
		description: 'The sender name contacts see (at most 100 characters)',
		displayOptions: show,
	},
	senderLocator('fromEmail', 'From Email', "The sender address: one of the account's confirmed email addresses", show),
	senderLocator('replyToEmail', 'Reply-To Email', "Where replies go: one of the account's confirmed email addresses", show),
	{ ...htmlContentField('htmlContent', true), displayOptions: show },
	{
		displayName: 'Additional Fields',
		name: 'campaignFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [preheaderField],
	},
	audienceField(show, 'Who the campaign will go to; can also be set later with Update. Nothing is sent until the campaign is scheduled.'),
	{
		displayName: 'Creating a campaign sends nothing: it is a draft until you schedule it. Send Test mails it to up to 5 addresses first.',
		name: 'createNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
];

function readContent(this: IExecuteFunctions, itemIndex: number): CampaignContentInput {
	const fields = this.getNodeParameter('campaignFields', itemIndex, {}) as IDataObject;
	return {
		name: String(this.getNodeParameter('name', itemIndex, '')),
		subject: String(this.getNodeParameter('subject', itemIndex, '')),
		fromName: String(this.getNodeParameter('fromName', itemIndex, '')),
		fromEmail: locatorValue(this.getNodeParameter('fromEmail', itemIndex, '')),
		replyToEmail: locatorValue(this.getNodeParameter('replyToEmail', itemIndex, '')),
		htmlContent: String(this.getNodeParameter('htmlContent', itemIndex, '')),
		...(fields.preheader ? { preheader: String(fields.preheader) } : {}),
	};
}

async function findCreated(this: IExecuteFunctions, name: string, since: number, itemIndex: number): Promise<IDataObject | undefined> {
	const recent = (await constantContactRequest.call(this, {
		method: 'GET',
		path: '/emails',
		qs: { limit: 500, after_date: new Date(since - 60_000).toISOString() },
		itemIndex,
	})) as { campaigns?: IDataObject[] };
	const match = (recent.campaigns ?? []).find((c) => String(c.name).toLowerCase() === name.toLowerCase() && !statusIs(c.current_status, 'Removed'));
	if (!match) return undefined;
	return (await constantContactRequest.call(this, { method: 'GET', path: `/emails/${encodeURIComponent(String(match.campaign_id))}`, itemIndex })) as IDataObject;
}

/**
 * `POST /emails` (a custom code email, answered with 200 and the activity ids), after checking the
 * content and that both sender addresses are confirmed account addresses (`GET /account/emails`, once
 * per execution); then, for an audience, the primary email's lists or segment (GET, merge, PUT),
 * or else a read of the primary email. The output is the campaign with its email under `primary_email`.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const content = readContent.call(this, itemIndex);
	assertNoProblems.call(this, contentProblems(content, 'create'), itemIndex);
	const audience = readAudience.call(this, itemIndex);
	await assertScopes.call(this, ['campaign_data', 'account_read'], itemIndex);
	assertNoProblems.call(this, senderProblems(content, await confirmedSenders.call(this, itemIndex)), itemIndex);

	const body = createCampaignBody(content as Parameters<typeof createCampaignBody>[0]);
	const name = String(body.name);
	const startedAt = Date.now();
	let campaign: IDataObject;
	try {
		campaign = (await constantContactRequest.call(this, {
			method: 'POST',
			path: '/emails',
			body,
			itemIndex,
			// After a 5xx or a lost connection: created or not? A campaign created since is found by its
			// (unique) name among those updated since just before the POST; only then is it not resent.
			resolveAmbiguous: async () => await findCreated.call(this, name, startedAt, itemIndex),
		})) as IDataObject;
	} catch (error) {
		throw nameConflict.call(this, error, 'campaign', name, itemIndex);
	}

	const activityId = primaryEmailActivityId(campaign);
	if (!activityId) return [{ json: campaign }];
	if (audience) {
		try {
			const stored = await fetchActivity.call(this, activityId, itemIndex);
			const { body: put } = mergeActivity(stored, { audience });
			const activity = (await constantContactRequest.call(this, {
				method: 'PUT',
				path: `/emails/activities/${encodeURIComponent(activityId)}`,
				body: put,
				itemIndex,
			})) as IDataObject;
			return [{ json: { ...campaign, primary_email: activity } }];
		} catch (error) {
			throw afterCreateError.call(this, campaign, 'setting its audience', error, itemIndex);
		}
	}
	// Output the email as stored (POST answers with the campaign and its activity IDs only). The
	// campaign exists: a failed read-back leaves the email out rather than failing the item.
	const activity = await fetchActivity.call(this, activityId, itemIndex, EMAIL_CONTENT_INCLUDE).catch(() => undefined);
	return [{ json: activity ? { ...campaign, primary_email: activity } : campaign }];
}
