import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { outputFields } from '../../descriptions/output.description';
import { CAMPAIGN_FIELD_OPTIONS, SIMPLE_CAMPAIGN_SUMMARY, campaignEmailInclude, primaryEmailActivityId } from '../../mapping/campaign/campaignOutput';
import { readOutputMode } from '../output';
import { campaignIdParam, fetchActivity, fetchCampaign, on, statusIs } from './locate';

const show = on(['get']);

export const description: INodeProperties[] = [
	...outputFields(show, CAMPAIGN_FIELD_OPTIONS, `Ten fields: ${SIMPLE_CAMPAIGN_SUMMARY} (reads the primary email: one more request)`),
	{
		displayName: 'Include Email Content',
		name: 'includeContent',
		type: 'boolean',
		default: false,
		description:
			'Whether to add the primary email (subject, sender, preheader, lists or segment, HTML, permalink) under primary_email; costs one more request',
		displayOptions: { show: { ...show.show, output: ['raw'] } },
	},
];

/**
 * `GET /emails/{id}`, and its primary email activity when the output needs it (Simplified: its
 * subject, sender and audience; Raw and Selected Fields: the content too, `include=html_content,…`).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const campaign = await fetchCampaign.call(this, campaignIdParam.call(this, itemIndex), itemIndex);
	const { mode, fields } = readOutputMode.call(this, 'output', itemIndex);
	const include = campaignEmailInclude(mode, fields, mode === 'raw' && this.getNodeParameter('includeContent', itemIndex, false) === true);
	const activityId = primaryEmailActivityId(campaign);
	// A deleted campaign's activities cannot be read (they are REMOVED).
	if (!include || !activityId || statusIs(campaign.current_status, 'Removed')) return [{ json: campaign }];
	const activity = await fetchActivity.call(this, activityId, itemIndex, include);
	return [{ json: { ...campaign, primary_email: activity } as IDataObject }];
}
