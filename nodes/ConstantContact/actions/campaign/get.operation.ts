import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { simplifyField } from '../../descriptions/campaign.description';
import { primaryEmailActivityId, simplifyCampaign } from '../../mapping/campaignOutput';
import { campaignIdParam, fetchActivity, fetchCampaign, on, statusIs } from './locate';

const show = on(['get']);

export const description: INodeProperties[] = [
	{
		displayName: 'Include Email Content',
		name: 'includeContent',
		type: 'boolean',
		default: false,
		description:
			'Whether to add the primary email (subject, sender, preheader, lists or segment, HTML, permalink) under primary_email; costs one more request',
		displayOptions: show,
	},
	simplifyField(show),
];

/** `GET /emails/{id}`, and the primary email activity (`include=html_content,…`) when asked. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const campaign = await fetchCampaign.call(this, campaignIdParam.call(this, itemIndex), itemIndex);
	let raw: IDataObject = campaign;
	const activityId = primaryEmailActivityId(campaign);
	// A deleted campaign's activities cannot be read (they are REMOVED).
	if (this.getNodeParameter('includeContent', itemIndex, false) && activityId && !statusIs(campaign.current_status, 'Removed')) {
		const activity = await fetchActivity.call(this, activityId, itemIndex, ['html_content', 'physical_address_in_footer', 'permalink_url']);
		raw = { ...campaign, primary_email: activity };
	}
	const simple = this.getNodeParameter('simple', itemIndex, true) as boolean;
	return [{ json: simple ? simplifyCampaign(raw) : raw }];
}
