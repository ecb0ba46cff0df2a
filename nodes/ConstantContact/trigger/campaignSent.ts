import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { primaryEmailActivityId } from '../mapping/campaign/campaignOutput';
import { isConstantContactId } from '../mapping/common/ids';
import { constantContactRequest } from '../transport/request';
import { campaignOf, rowsOf } from './answers';
import { keyPart, readTime, reportUnusableState } from './position';
import { readNewestFirst } from './readBack';
import type { StreamEvent } from './stream';
import { advance, cutoff } from './stream';
import { isApiError } from '../transport/errors';

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

const SUMMARIES = '/reports/summary_reports/email_campaign_summaries';
const timeOf = (row: IDataObject): number => readTime(row.last_sent_date) ?? Number.NaN;

/** One send per summary row; a row whose campaign ID is not one is skipped, never put in a path. */
export function sendEvents(rows: IDataObject[]): Array<StreamEvent<IDataObject>> {
	return rows
		.filter((row) => typeof row.campaign_id === 'string' && isConstantContactId(row.campaign_id))
		.map((row) => ({ row, key: `${keyPart(row.campaign_id)}@${keyPart(row.last_sent_date)}`, time: timeOf(row) }));
}

async function output(this: IPollFunctions, summary: IDataObject): Promise<INodeExecutionData> {
	// A campaign deleted right after its send is still a send: reported without its name.
	const answer = await constantContactRequest
		.call(this, { method: 'GET', path: `/emails/${encodeURIComponent(String(summary.campaign_id))}` })
		.catch((error: unknown) => {
			if (isApiError(error, 404)) return {};
			throw error;
		});
	return sentItem(summary, campaignOf(this.getNode(), answer));
}

/** One send: its summary row with the campaign's name, status and primary email. */
export function sentItem(summary: IDataObject, campaign: IDataObject): INodeExecutionData {
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
		const page = await constantContactRequest.call(this, { method: 'GET', path: SUMMARIES, qs: { limit: 1 } });
		const latest = sendEvents(rowsOf(this.getNode(), `GET ${SUMMARIES}`, page, 'bulk_email_campaign_summaries'))[0];
		return latest ? [[await output.call(this, latest.row)]] : null;
	}
	const first = staticData.signature !== 'campaignSent' || staticData.stream === undefined;
	const stored: unknown = first ? undefined : staticData.stream;
	const options = { now, overlapMs: CAMPAIGN_SENT.overlapMs, emit: !first };
	const read = await readNewestFirst.call(
		this,
		{ path: SUMMARIES, what: `GET ${SUMMARIES}`, qs: {}, property: 'bulk_email_campaign_summaries', pageSize: CAMPAIGN_SENT.pageSize },
		timeOf,
		cutoff(stored, options),
		CAMPAIGN_SENT.maxPages,
	);
	const { fresh, state: next, problem } = advance(stored, sendEvents(read.rows), options);
	const items: INodeExecutionData[] = [];
	for (const summary of fresh) items.push(await output.call(this, summary));
	// Written only once every send is ready: a poll that fails reads the same sends again.
	staticData.signature = 'campaignSent';
	staticData.stream = next;
	if (problem !== undefined) reportUnusableState.call(this, problem);
	return items.length ? [items] : null;
}
