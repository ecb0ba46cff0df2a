import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/locators.description';
import { outputFields } from '../../descriptions/output.description';
import { SIMPLIFIED_SUMMARIES, SUMMARY_FIELD_OPTIONS } from '../../mapping/report/reportOutput';
import { constantContactRequestAllItems } from '../../transport/paginate';
import { readOutputMode } from '../output';
import { on } from './shared';
import { readLimit } from '../parameters';

const show = on(['getCampaignSummaries']);

export const description: INodeProperties[] = [
	...returnAllFields(show, 500),
	{
		displayName: 'Add Campaign Names',
		name: 'addCampaignNames',
		type: 'boolean',
		default: true,
		description: "Whether to add each campaign's name (the summaries carry only its ID); costs one request per 500 campaigns of the account",
		displayOptions: show,
	},
	...outputFields(show, SUMMARY_FIELD_OPTIONS, SIMPLIFIED_SUMMARIES),
];

/**
 * `GET /reports/summary_reports/email_campaign_summaries`, newest send first, every page (500 each) or
 * up to the limit; Constant Contact reports on at most 500 campaigns in all (L6349-6350). Names come
 * from `GET /emails` when asked.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = readLimit.call(this, itemIndex);
	const summaries = (await constantContactRequestAllItems.call(
		this,
		'bulk_email_campaign_summaries',
		'/reports/summary_reports/email_campaign_summaries',
		{},
		{ limit, pageSize: 500, itemIndex },
	)) as IDataObject[];
	let rows = summaries;
	// Selected Fields without Name does not need the names: no request for them.
	const { mode, fields } = readOutputMode.call(this, 'output', itemIndex);
	const names = this.getNodeParameter('addCampaignNames', itemIndex, true) !== false && (mode !== 'fields' || fields.includes('name'));
	if (summaries.length && names) {
		const campaigns = (await constantContactRequestAllItems.call(this, 'campaigns', '/emails', {}, { pageSize: 500, itemIndex })) as IDataObject[];
		const byId = new Map(campaigns.map((c) => [String(c.campaign_id), c.name]));
		rows = summaries.map((s) => ({ ...s, name: byId.get(String(s.campaign_id)) ?? null }));
	}
	return rows.map((json) => ({ json }));
}
