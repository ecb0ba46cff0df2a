import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { primaryEmailActivityId } from '../mapping/campaignOutput';
import { constantContactRequest } from '../transport/request';
import { readNewestFirst } from './readBack';
import type { StreamState } from './stream';
import { advance, cutoff } from './stream';

/**
 * Campaign Sent: `GET /reports/summary_reports/email_campaign_summaries` lists sent campaigns by
 * `last_sent_date`, newest first, so one page per poll normally tells what was sent since the last
 * one; a campaign sent again (to new contacts) is a new send. Each send found costs one
 * `GET /emails/{id}` for the campaign's name and status.
 */
export const CAMPAIGN_SENT = {
	overlapMs: 5 * 60_000,
	pageSize: 50,
	/** Bounded: 250 campaigns sent within one poll interval is far beyond any account. */
	maxPages: 5,
};

interface CampaignSentState extends IDataObject {
	signature: string;
	stream: StreamState;
}

const timeOf = (row: IDataObject): number => Date.parse(String(row.last_sent_date ?? ''));

async function output(this: IPollFunctions, summary: IDataObject): Promise<INodeExecutionData> {
	// A campaign deleted right after its send is still a send: reported without its name.
	const campaign = (await constantContactRequest
		.call(this, { method: 'GET', path: `/emails/${encodeURIComponent(String(summary.campaign_id))}` })
		.catch((error: unknown) => {
			if (error instanceof NodeApiError && String(error.httpCode) === '404') return {};
			throw error;
		})) as IDataObject;
	return {
		json: {
			campaign_id: summary.campaign_id,
			name: campaign.name ?? null,
			current_status: campaign.current_status ?? null,
			last_sent_date: summary.last_sent_date,
			primary_email_activity_id: primaryEmailActivityId(campaign) ?? null,
			campaign_type: summary.campaign_type,
			unique_counts: summary.unique_counts,
		},
	};
}

export async function pollCampaignSent(this: IPollFunctions, staticData: IDataObject, now = Date.now()): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') {
		// A test run: the most recently sent campaign, as a sample.
		const page = (await constantContactRequest.call(this, { method: 'GET', path: '/reports/summary_reports/email_campaign_summaries', qs: { limit: 1 } })) as IDataObject;
		const latest = (page.bulk_email_campaign_summaries as IDataObject[] | undefined)?.[0];
		return latest ? [[await output.call(this, latest)]] : null;
	}
	const state = staticData as Partial<CampaignSentState>;
	const first = state.signature !== 'campaignSent' || !state.stream;
	const stream = first ? undefined : state.stream;
	const read = await readNewestFirst.call(
		this,
		{ path: '/reports/summary_reports/email_campaign_summaries', qs: {}, property: 'bulk_email_campaign_summaries', pageSize: CAMPAIGN_SENT.pageSize },
		timeOf,
		cutoff(stream, { now, overlapMs: CAMPAIGN_SENT.overlapMs }),
		CAMPAIGN_SENT.maxPages,
	);
	const { fresh, state: next } = advance(
		stream,
		read.rows.map((row) => ({ row, key: `${String(row.campaign_id)}@${String(row.last_sent_date)}`, time: timeOf(row) })),
		{ now, overlapMs: CAMPAIGN_SENT.overlapMs, emit: !first },
	);
	staticData.signature = 'campaignSent';
	staticData.stream = next;
	if (!fresh.length) return null;
	const items: INodeExecutionData[] = [];
	for (const summary of fresh) items.push(await output.call(this, summary));
	return [items];
}
