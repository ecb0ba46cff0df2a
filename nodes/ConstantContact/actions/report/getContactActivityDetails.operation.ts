import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/locators.description';
import { constantContactRequestAllItems } from '../../transport/paginate';
import { reportContactId, reportContactLocator } from './contactReport';
import { on } from './shared';
import { readLimit } from '../parameters';

const show = on(['getContactActivityDetails']);

/** The email tracking types of `tracking_activities_list` (swagger L5582-5592); landing-page ones left out. */
export const CONTACT_ACTIVITY_TYPES = [
	{ name: 'Bounces', value: 'em_bounces' },
	{ name: 'Clicks', value: 'em_clicks' },
	{ name: 'Forwards', value: 'em_forwards' },
	{ name: 'Opens', value: 'em_opens' },
	{ name: 'Opt-Outs', value: 'em_optouts' },
	{ name: 'Sends', value: 'em_sends' },
];

export const description: INodeProperties[] = [
	reportContactLocator(show),
	{
		displayName: 'Activity Types',
		name: 'activityTypes',
		type: 'multiOptions',
		options: CONTACT_ACTIVITY_TYPES,
		default: ['em_opens', 'em_clicks'],
		required: true,
		description: 'What the contact did to list',
		displayOptions: show,
	},
	...returnAllFields(show, 100),
	{
		displayName: 'Include Campaign Names',
		name: 'includeCampaignActivityNames',
		type: 'boolean',
		default: true,
		description: "Whether each row names its campaign (campaign_activity_name); without them Constant Contact answers faster",
		displayOptions: show,
	},
];

/**
 * `GET /reports/contact_reports/{contact}/activity_details`, newest first, every page (100 each) or up
 * to the limit. The types go as one comma-separated `tracking_activities_list` (one of the two type
 * parameters is required, and they are mutually exclusive, L5543-5547).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const types = this.getNodeParameter('activityTypes', itemIndex, []) as string[];
	if (!types.length) throw new NodeOperationError(this.getNode(), 'Activity Types: choose at least one', { itemIndex });
	const limit = readLimit.call(this, itemIndex);
	const names = this.getNodeParameter('includeCampaignActivityNames', itemIndex, true) as boolean;
	const contactId = await reportContactId.call(this, itemIndex);
	const rows = await constantContactRequestAllItems.call(
		this,
		'tracking_activities',
		`/reports/contact_reports/${encodeURIComponent(contactId)}/activity_details`,
		{ tracking_activities_list: types.join(','), include_campaign_activity_names: names },
		{ limit, pageSize: 100, itemIndex },
	);
	return (rows as IDataObject[]).map((json) => ({ json }));
}
