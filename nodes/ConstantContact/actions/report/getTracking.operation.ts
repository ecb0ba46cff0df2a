import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { campaignLocator } from '../../descriptions/campaign.description';
import { returnAllFields } from '../../descriptions/locators.description';
import { outputFields } from '../../descriptions/output.description';
import { toIdList } from '../../mapping/common/ids';
import { SIMPLIFIED_TRACKING, TRACKING_FIELD_OPTIONS } from '../../mapping/report/reportOutput';
import { unique } from '../../mapping/common/problems';
import { constantContactRequestAllItems } from '../../transport/paginate';
import { locatePrimary } from '../campaign/locate';
import { on } from './shared';
import { readLimit } from '../parameters';

const show = on(['getTracking']);

/** The eight per-contact reports of one campaign activity (swagger L5834-6343), newest first. */
export const TRACKING_REPORTS = [
	{ name: 'Bounces', value: 'bounces', description: 'Contacts whose email bounced, with the bounce code' },
	{ name: 'Clicks', value: 'clicks', description: 'Each click, with the link' },
	{ name: 'Did Not Open', value: 'didnotopens', description: 'Contacts who were sent the email and have not opened it' },
	{ name: 'Forwards', value: 'forwards', description: 'Contacts who forwarded it with the footer link' },
	{ name: 'Opens', value: 'opens', description: 'Each open' },
	{ name: 'Opt-Outs', value: 'optouts', description: 'Contacts who unsubscribed from it, with their reason' },
	{ name: 'Sends', value: 'sends', description: 'Contacts it was sent to' },
	{ name: 'Unique Opens', value: 'unique_opens', description: 'The last open of each contact' },
];

const BOUNCE_CODES = [
	{ name: 'B: Non-Existent Address', value: 'B' },
	{ name: 'D: Undeliverable', value: 'D' },
	{ name: 'F: Mailbox Full', value: 'F' },
	{ name: 'S: Suspended', value: 'S' },
	{ name: 'V: Vacation or Autoreply (Delivered)', value: 'V' },
	{ name: 'X: Other', value: 'X' },
	{ name: 'Z: Blocked', value: 'Z' },
];

export const description: INodeProperties[] = [
	campaignLocator(show, "The sent campaign whose primary email's tracking to read"),
	{
		displayName: 'Tracking',
		name: 'trackingReport',
		type: 'options',
		default: 'opens',
		options: TRACKING_REPORTS,
		description: 'Which contacts to list',
		displayOptions: show,
	},
	...returnAllFields(show, 500),
	{
		displayName: 'Options',
		name: 'trackingOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Bounce Codes',
				name: 'bounceCodes',
				type: 'multiOptions',
				options: BOUNCE_CODES,
				default: [],
				description: 'Bounces: only these kinds (none chosen: all)',
			},
			{
				displayName: 'Campaign Activity ID',
				name: 'campaignActivityId',
				type: 'string',
				default: '',
				description: "Another email of the campaign than its primary one (a resend to non-openers has its own); default: the campaign's primary email",
			},
			{
				displayName: 'Link ID',
				name: 'urlId',
				type: 'string',
				default: '',
				description: 'Clicks: only clicks on this link (the url_id of a click row)',
			},
		],
	},
	...outputFields(show, TRACKING_FIELD_OPTIONS, SIMPLIFIED_TRACKING),
];

/**
 * `GET /reports/email_reports/{activity}/tracking/{report}`, every page (500 each) or up to the limit;
 * each row with the campaign's ID first.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const report = this.getNodeParameter('trackingReport', itemIndex, 'opens') as string;
	if (!TRACKING_REPORTS.some((r) => r.value === report)) {
		throw new NodeOperationError(this.getNode(), `Tracking: "${report}" is not one of ${TRACKING_REPORTS.map((r) => r.value).join(', ')}`, { itemIndex });
	}
	const limit = readLimit.call(this, itemIndex);
	const options = this.getNodeParameter('trackingOptions', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const urlId = String(options.urlId ?? '').trim();
	if (report === 'clicks' && urlId) {
		if (!/^\d+$/.test(urlId)) throw new NodeOperationError(this.getNode(), `Link ID: "${urlId}" is not a link ID (the number in a click row's url_id)`, { itemIndex });
		qs.url_id = urlId;
	}
	const codes = unique(toIdList(options.bounceCodes));
	// Repeated, as the contract's `collectionFormat: multi` asks: bounce_code=B&bounce_code=D.
	if (report === 'bounces' && codes.length) qs.bounce_code = codes;
	const given = String(options.campaignActivityId ?? '').trim();
	const located = given ? undefined : await locatePrimary.call(this, itemIndex);
	// With an activity ID given, the campaign picked is taken as is (it is not read).
	const campaignId = located ? located.campaign.campaign_id : String(this.getNodeParameter('campaign', itemIndex, '', { extractValue: true }) ?? '').trim() || null;
	const activityId = located?.activityId ?? given;
	const rows = (await constantContactRequestAllItems.call(
		this,
		'tracking_activities',
		`/reports/email_reports/${encodeURIComponent(activityId)}/tracking/${report}`,
		qs,
		{ limit, pageSize: 500, itemIndex },
	)) as IDataObject[];
	// Each row names its campaign too, so rows from several campaigns can be told apart.
	return rows.map((row) => ({ json: { campaign_id: campaignId, ...row } }));
}
