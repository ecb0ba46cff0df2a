import type { IDataObject } from 'n8n-workflow';

/**
 * Simplified report rows (the node's Simplify option): at most 10 fields each, counts flattened from
 * their nested objects, the most used first. Percentages stay on Constant Contact's 0-100 scale.
 */

const record = (value: unknown): IDataObject => (value !== null && typeof value === 'object' ? (value as IDataObject) : {});

/** One row of `email_campaign_summaries`, with the campaign's name when it was looked up. */
export function simplifySummary(raw: IDataObject): IDataObject {
	const counts = record(raw.unique_counts);
	return {
		campaign_id: raw.campaign_id,
		...(raw.name !== undefined ? { name: raw.name } : {}),
		last_sent_date: raw.last_sent_date,
		sends: counts.sends ?? 0,
		opens: counts.opens ?? 0,
		clicks: counts.clicks ?? 0,
		bounces: counts.bounces ?? 0,
		optouts: counts.optouts ?? 0,
		not_opened: counts.not_opened ?? 0,
		forwards: counts.forwards ?? 0,
	};
}

/** One result of `/reports/stats/email_campaigns`: unique counts and the open and click rates. */
export function simplifyCampaignStats(raw: IDataObject): IDataObject {
	const stats = record(raw.stats);
	const percents = record(raw.percents);
	return {
		campaign_id: raw.campaign_id,
		sends: stats.em_sends ?? 0,
		opens: stats.em_opens ?? 0,
		clicks: stats.em_clicks ?? 0,
		bounces: stats.em_bounces ?? 0,
		optouts: stats.em_optouts ?? 0,
		not_opened: stats.em_not_opened ?? 0,
		open_rate: percents.open ?? null,
		click_rate: percents.click ?? null,
		last_refresh_time: raw.last_refresh_time ?? null,
	};
}

/** One result of `/reports/stats/email_campaign_activities` (activity stats carry no percentages). */
export function simplifyActivityStats(raw: IDataObject): IDataObject {
	const stats = record(raw.stats);
	return {
		campaign_activity_id: raw.campaign_activity_id,
		campaign_id: raw.campaign_id,
		sends: stats.em_sends ?? 0,
		opens: stats.em_opens ?? 0,
		clicks: stats.em_clicks ?? 0,
		bounces: stats.em_bounces ?? 0,
		optouts: stats.em_optouts ?? 0,
		not_opened: stats.em_not_opened ?? 0,
		forwards: stats.em_forwards ?? 0,
		last_refresh_time: raw.last_refresh_time ?? null,
	};
}

/** The fields each tracking report adds to the contact and the time. */
const TRACKING_EXTRAS = ['device_type', 'link_url', 'url_id', 'bounce_code', 'opt_out_reason'];

/** One row of a tracking report: who, when, what; the activity id and deletion date left to the raw output. */
export function simplifyTrackingRow(raw: IDataObject): IDataObject {
	const out: IDataObject = {
		email_address: raw.email_address,
		first_name: raw.first_name ?? null,
		last_name: raw.last_name ?? null,
		created_time: raw.created_time,
		tracking_activity_type: raw.tracking_activity_type,
		contact_id: raw.contact_id,
	};
	for (const key of TRACKING_EXTRAS) if (raw[key] !== undefined) out[key] = raw[key];
	return out;
}
