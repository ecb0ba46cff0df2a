import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { outputFields } from '../../descriptions/output.description';
import { toIdList } from '../../mapping/common/ids';
import { SIMPLIFIED_STATS, STATS_FIELD_OPTIONS } from '../../mapping/report/reportOutput';
import { unique } from '../../mapping/common/problems';
import { constantContactRequest } from '../../transport/request';
import { chunks, on } from './shared';
import { isApiError } from '../../transport/errors';

const show = on(['getCampaignStats']);

/** Ids per request: the `maximum` the contract puts on each path parameter (L6421, L6475). */
export const STATS_BATCH = { campaigns: 150, campaignActivities: 10 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const description: INodeProperties[] = [
	{
		displayName: 'Stats For',
		name: 'statsFor',
		type: 'options',
		default: 'campaigns',
		options: [
			{ name: 'Campaigns', value: 'campaigns', description: 'Totals and rates per campaign' },
			{ name: 'Campaign Activities', value: 'campaignActivities', description: 'Totals per email (a campaign\'s primary email or a resend), bounces by kind' },
		],
		displayOptions: show,
	},
	{
		displayName: 'Campaign Names or IDs',
		name: 'campaignIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCampaigns' },
		default: [],
		required: true,
		description:
			'The campaigns to report on (150 per request). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { ...show.show, statsFor: ['campaigns'] } },
	},
	{
		displayName: 'Campaign Activity IDs',
		name: 'campaignActivityIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 9d3c6e2a-4b1f-4c2d-8a7e-3f5b6c7d8e9f, …',
		description: "Activity IDs separated by commas, or an array by expression (a campaign's primary_email_activity_id); 10 per request",
		displayOptions: { show: { ...show.show, statsFor: ['campaignActivities'] } },
	},
	...outputFields(show, STATS_FIELD_OPTIONS, SIMPLIFIED_STATS),
];

/**
 * `GET /reports/stats/email_campaigns/{ids}` (150 a request; one unknown id is a 404 for the whole
 * request, L6408-6409) or `/email_campaign_activities/{ids}` (10 a request; unknown ids come back under
 * `errors`, L6458-6463). One output item per requested id, in the order given.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const statsFor = this.getNodeParameter('statsFor', itemIndex, 'campaigns') as 'campaigns' | 'campaignActivities';
	const activities = statsFor === 'campaignActivities';
	const ids = unique(toIdList(this.getNodeParameter(activities ? 'campaignActivityIds' : 'campaignIds', itemIndex, '')));
	const field = activities ? 'Campaign Activity IDs' : 'Campaign Names or IDs';
	if (!ids.length) throw new NodeOperationError(this.getNode(), `${field}: required; choose at least one`, { itemIndex });
	// A malformed activity id makes Constant Contact answer 404 for all of them: said here instead.
	const malformed = activities ? ids.filter((id) => !UUID.test(id)) : [];
	if (malformed.length) {
		throw new NodeOperationError(this.getNode(), `${field}: "${malformed[0]}" is not a campaign activity ID (a UUID such as a campaign's primary_email_activity_id)`, { itemIndex });
	}
	const path = activities ? '/reports/stats/email_campaign_activities' : '/reports/stats/email_campaigns';
	const idKey = activities ? 'campaign_activity_id' : 'campaign_id';
	const found = new Map<string, IDataObject>();
	const problems: string[] = [];
	for (const batch of chunks(ids, activities ? STATS_BATCH.campaignActivities : STATS_BATCH.campaigns)) {
		let answer: { results?: IDataObject[]; errors?: IDataObject[] };
		try {
			answer = (await constantContactRequest.call(this, { method: 'GET', path: `${path}/${batch.map(encodeURIComponent).join(',')}`, itemIndex })) as typeof answer;
		} catch (error) {
			throw isApiError(error, 404) && !activities
				? new NodeOperationError(this.getNode(), `${field}: Constant Contact has no stats for at least one of these campaigns (404), so it answered none`, {
						itemIndex,
						description: `Check that each ID is a campaign of this account: ${batch.join(', ')}.`,
					})
				: error;
		}
		for (const result of answer.results ?? []) found.set(String(result[idKey]), result);
		for (const e of answer.errors ?? []) problems.push(String(e.error_message ?? e.error_key ?? ''));
	}
	return ids.map((id) => {
		const result = found.get(id);
		if (result) return { json: result };
		// "do not exist, were deleted, or do not have any stats" (L6458-6461): reported, not thrown.
		const why = problems.find((p) => p.includes(id)) ?? 'Constant Contact returned no stats for it (unknown, deleted, or not sent yet)';
		return { json: { [idKey]: id, stats: null, no_stats_reason: why } };
	});
}
