import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { ResourceOutput } from '../common/output';

/**
 * Simplified report rows: at most 10 flat fields each, the same keys for every row of a report,
 * counts flattened from their nested objects, the IDs a workflow joins on (campaign, campaign
 * activity, contact) always in. Percentages stay on Constant Contact's 0-100 scale. The trigger's
 * campaign events are report rows too, and are simplified here.
 */

const record = (value: unknown): IDataObject => (value !== null && typeof value === 'object' ? (value as IDataObject) : {});
const orNull = (value: IDataObject[string]): IDataObject[string] => value ?? null;
const isObject = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

// ---- Get Campaign Summaries: one row of `email_campaign_summaries` -----------------------------

/** A summary row, with the campaign's name (null when the names were not looked up). */
export function simplifySummary(raw: IDataObject): IDataObject {
	const counts = record(raw.unique_counts);
	return {
		campaign_id: raw.campaign_id,
		name: orNull(raw.name),
		last_sent_date: orNull(raw.last_sent_date),
		sends: counts.sends ?? 0,
		opens: counts.opens ?? 0,
		clicks: counts.clicks ?? 0,
		bounces: counts.bounces ?? 0,
		optouts: counts.optouts ?? 0,
		not_opened: counts.not_opened ?? 0,
		forwards: counts.forwards ?? 0,
	};
}

/** Output's Simplified, for each report. */
export const SIMPLIFIED_SUMMARIES = 'Ten fields: campaign ID and name, last send, unique sends, opens, clicks, bounces, opt-outs, not opened and forwards';

export const SUMMARY_OUTPUT: ResourceOutput = {
	idFields: ['campaign_id'],
	simplify: simplifySummary,
	isRecord: (json) => typeof json.campaign_id === 'string' && isObject(json.unique_counts),
};

export const SUMMARY_FIELD_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Campaign Type', value: 'campaign_type' },
	{ name: 'Last Sent Date', value: 'last_sent_date' },
	{ name: 'Name', value: 'name', description: "The campaign's name, when Add Campaign Names is on" },
	{ name: 'Unique Counts', value: 'unique_counts', description: 'Unique sends, opens, clicks, forwards, opt-outs, abuse reports, bounces and not opened' },
];

// ---- Get Campaign Stats: `/reports/stats/email_campaigns` or `/email_campaign_activities` -------

/** A campaign's stats: unique counts and the open and click rates. */
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
		last_refresh_time: orNull(raw.last_refresh_time),
	};
}

/** A campaign activity's stats (they carry no percentages). */
export function simplifyActivityStats(raw: IDataObject): IDataObject {
	const stats = record(raw.stats);
	return {
		campaign_id: orNull(raw.campaign_id),
		campaign_activity_id: raw.campaign_activity_id,
		sends: stats.em_sends ?? 0,
		opens: stats.em_opens ?? 0,
		clicks: stats.em_clicks ?? 0,
		bounces: stats.em_bounces ?? 0,
		optouts: stats.em_optouts ?? 0,
		not_opened: stats.em_not_opened ?? 0,
		forwards: stats.em_forwards ?? 0,
		last_refresh_time: orNull(raw.last_refresh_time),
	};
}

export const SIMPLIFIED_STATS =
	'Ten fields: the campaign (and activity) ID, unique sends, opens, clicks, bounces, opt-outs, not opened, open and click rates (campaigns) or forwards (activities), last refresh';

/** One output for both kinds: an activity's result names its activity, a campaign's does not. */
export const STATS_OUTPUT: ResourceOutput = {
	idFields: ['campaign_id', 'campaign_activity_id'],
	simplify: (raw) => (typeof raw.campaign_activity_id === 'string' ? simplifyActivityStats(raw) : simplifyCampaignStats(raw)),
	// An ID Constant Contact had no stats for is output as { …_id, stats: null, no_stats_reason }: kept whole.
	isRecord: (json) => isObject(json.stats),
};

export const STATS_FIELD_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Last Refresh Time', value: 'last_refresh_time' },
	{ name: 'Percents', value: 'percents', description: 'Open, click, bounce, unsubscribe and device rates, 0-100 (campaigns only)' },
	{ name: 'Stats', value: 'stats', description: 'Every count Constant Contact keeps (all opens and clicks by device; bounces by kind for activities)' },
];

// ---- Get Campaign Tracking: one row of `/reports/email_reports/{activity}/tracking/{report}` ----

/** What each kind of tracking row adds to who and when (the contract's *TrackingActivity schemas). */
const TRACKING_DETAILS: Record<string, string[]> = {
	em_bounces: ['bounce_code'],
	em_clicks: ['link_url', 'url_id'],
	em_opens: ['device_type'],
	em_optouts: ['opt_out_reason'],
};

function trackingDetails(raw: IDataObject): IDataObject {
	const details: IDataObject = {};
	for (const key of TRACKING_DETAILS[String(raw.tracking_activity_type)] ?? []) details[key] = orNull(raw[key]);
	return details;
}

/** Who did it, when, and the report's own detail (the link, the bounce code, the reason, the device). */
export function simplifyTrackingRow(raw: IDataObject): IDataObject {
	return {
		campaign_id: orNull(raw.campaign_id),
		campaign_activity_id: orNull(raw.campaign_activity_id),
		contact_id: raw.contact_id,
		email_address: orNull(raw.email_address),
		first_name: orNull(raw.first_name),
		last_name: orNull(raw.last_name),
		created_time: orNull(raw.created_time),
		...trackingDetails(raw),
	};
}

export const SIMPLIFIED_TRACKING =
	'Up to nine fields: campaign, campaign activity and contact IDs, email, names, time, and the link (clicks), bounce code (bounces), reason (opt-outs) or device (opens)';

const isTrackingRow = (json: IDataObject): boolean => typeof json.contact_id === 'string' && typeof json.tracking_activity_type === 'string';

export const TRACKING_OUTPUT: ResourceOutput = {
	idFields: ['campaign_id', 'campaign_activity_id', 'contact_id'],
	simplify: simplifyTrackingRow,
	isRecord: isTrackingRow,
};

export const TRACKING_FIELD_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Bounce Code', value: 'bounce_code', description: 'Bounces: B, D, F, S, V, X or Z' },
	{ name: 'Created Time', value: 'created_time', description: 'When it happened' },
	{ name: 'Current Email Address', value: 'current_email_address', description: "Bounces: the contact's address now" },
	{ name: 'Deleted At', value: 'deleted_at', description: 'When the contact was deleted, if it was' },
	{ name: 'Device Type', value: 'device_type', description: 'Opens and clicks' },
	{ name: 'Email Address', value: 'email_address' },
	{ name: 'First Name', value: 'first_name' },
	{ name: 'Last Name', value: 'last_name' },
	{ name: 'Link ID', value: 'url_id', description: 'Clicks' },
	{ name: 'Link URL', value: 'link_url', description: 'Clicks' },
	{ name: 'Opt-Out Reason', value: 'opt_out_reason', description: 'Opt-outs' },
	{ name: 'Tracking Activity Type', value: 'tracking_activity_type' },
];

// ---- The trigger's campaign events ------------------------------------------------------------

/** Contact Bounced, Opted Out, Clicked: the tracking row with the campaign's name. */
export function simplifyEngagementEvent(raw: IDataObject): IDataObject {
	const { campaign_id: campaignId, ...row } = simplifyTrackingRow(raw);
	return { campaign_id: campaignId, campaign_name: orNull(raw.campaign_name), ...row };
}

export const SIMPLE_ENGAGEMENT_SUMMARY =
	'Campaign ID and name, campaign activity and contact IDs, email, names, time, and the link (clicks), bounce code (bounces) or reason (opt-outs)';

export const ENGAGEMENT_OUTPUT: ResourceOutput = { idFields: TRACKING_OUTPUT.idFields, simplify: simplifyEngagementEvent, isRecord: isTrackingRow };

/** Campaign Sent: which campaign went out, when, to how many (its other counts are read at the send, so mostly 0). */
export function simplifyCampaignSent(raw: IDataObject): IDataObject {
	return {
		campaign_id: raw.campaign_id,
		name: orNull(raw.name),
		current_status: orNull(raw.current_status),
		last_sent_date: orNull(raw.last_sent_date),
		primary_email_activity_id: orNull(raw.primary_email_activity_id),
		campaign_type: orNull(raw.campaign_type),
		sends: record(raw.unique_counts).sends ?? 0,
	};
}

export const SIMPLE_CAMPAIGN_SENT_SUMMARY = 'Campaign ID and name, status, send date, primary email activity ID, campaign type, unique sends';

export const CAMPAIGN_SENT_OUTPUT: ResourceOutput = {
	idFields: ['campaign_id', 'primary_email_activity_id'],
	simplify: simplifyCampaignSent,
	isRecord: (json) => typeof json.campaign_id === 'string' && typeof json.last_sent_date === 'string',
};
