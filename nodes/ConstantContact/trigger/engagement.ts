import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { isConstantContactId } from '../mapping/common/ids';
import { constantContactRequest } from '../transport/request';
import { isRecord, kindOf } from '../transport/responses';
import { campaignOf, rowsOf } from './answers';
import { CLOCK_SKEW_MS, readStoredTime, readTime, reportUnusableState } from './position';
import { readNewestFirst } from './readBack';
import type { StreamState } from './stream';
import { advance, cutoff } from './stream';
import { isApiError } from '../transport/errors';

/**
 * Contact Bounced, Contact Opted Out, Contact Clicked: what contacts did with recently sent campaigns.
 * The contract has no webhook or date filter for them: each campaign email has a tracking report,
 * newest first, read from the top on every poll. So the trigger watches a bounded set of campaigns
 * (the most recently sent ones, within a number of days), and each poll costs
 *   1 request (`GET /reports/summary_reports/email_campaign_summaries?limit={max campaigns}`)
 *   + 1 request per watched campaign email (its tracking report's first page; more only when more
 *     than 500 new events arrived since the last poll, at most `maxPages`)
 *   + 1 request per newly watched campaign, once a day (`GET /emails/{id}`: its name and email ids).
 */
export interface EngagementSpec {
	event: 'contactBounced' | 'contactOptedOut' | 'contactClicked';
	/** The tracking report: `/reports/email_reports/{activity}/tracking/{report}`. */
	report: 'bounces' | 'optouts' | 'clicks';
	/** What identifies one event in the report. */
	key: (row: IDataObject) => string;
}

export interface EngagementSettings {
	/** Campaigns last sent within this many days are watched. */
	days: number;
	/** At most this many campaigns (the most recently sent) are watched. */
	maxCampaigns: number;
}

export const ENGAGEMENT = {
	/** Tracking rows can appear a little after their time: each poll looks this far back again. */
	overlapMs: 30 * 60_000,
	pageSize: 500,
	/** Pages per campaign email per poll: 5,000 events between two polls. */
	maxPages: 10,
	/** A campaign's name and email ids are read again after this long (a resend adds an email). */
	campaignTtlMs: 24 * 3600_000,
	/** Streams of campaigns no longer watched are forgotten after this long. */
	forgetAfterMs: 30 * 24 * 3600_000,
	limits: { days: { min: 1, max: 60 }, maxCampaigns: { min: 1, max: 20 } },
};

interface WatchedCampaign extends IDataObject {
	name: string;
	/** The primary email and any resend: each has its own tracking. */
	activity_ids: string[];
	fetched_at: number;
}

interface EngagementState extends IDataObject {
	signature: string;
	/** When this configuration started (ISO): nothing before it is emitted. */
	since: string;
	campaigns: Record<string, WatchedCampaign>;
	streams: Record<string, StreamState & { campaign_id: string; polled_at: number }>;
}

const SUMMARIES = '/reports/summary_reports/email_campaign_summaries';
const timeOf = (row: IDataObject): number => readTime(row.created_time) ?? Number.NaN;

/** The most recently sent campaigns, within the window: one request. */
async function recentCampaigns(this: IPollFunctions, settings: EngagementSettings, now: number): Promise<IDataObject[]> {
	const page = await constantContactRequest.call(this, { method: 'GET', path: SUMMARIES, qs: { limit: settings.maxCampaigns } });
	const since = now - settings.days * 24 * 3600_000;
	return rowsOf(this.getNode(), `GET ${SUMMARIES}`, page, 'bulk_email_campaign_summaries')
		.filter((s) => (readTime(s.last_sent_date) ?? Number.NaN) >= since)
		.slice(0, settings.maxCampaigns);
}

/** A campaign remembered from an earlier poll, if it is one this poll can still use. */
function remembered(value: unknown, now: number): WatchedCampaign | undefined {
	if (!isRecord(value)) return undefined;
	const { name, activity_ids: ids, fetched_at: at } = value;
	const fresh = typeof at === 'number' && now - at >= -CLOCK_SKEW_MS && now - at < ENGAGEMENT.campaignTtlMs;
	const usable = typeof name === 'string' && Array.isArray(ids) && ids.every((id) => typeof id === 'string');
	return fresh && usable ? (value as WatchedCampaign) : undefined;
}

async function watched(this: IPollFunctions, campaignId: string, known: unknown, now: number): Promise<WatchedCampaign> {
	const kept = remembered(known, now);
	if (kept) return kept;
	const answer = await constantContactRequest.call(this, { method: 'GET', path: `/emails/${encodeURIComponent(campaignId)}` });
	const campaign = campaignOf(this.getNode(), answer);
	const activities = (campaign.campaign_activities ?? []) as IDataObject[];
	return {
		name: typeof campaign.name === 'string' ? campaign.name : '',
		activity_ids: activities
			.filter((a) => (a.role === 'primary_email' || a.role === 'resend') && typeof a.campaign_activity_id === 'string')
			.map((a) => a.campaign_activity_id as string),
		fetched_at: now,
	};
}

/** One event: the tracking row with its campaign and the campaign's name. */
export function item(spec: EngagementSpec, campaignId: string, campaign: Pick<WatchedCampaign, 'name'>, row: IDataObject): INodeExecutionData {
	return { json: { event: spec.event, campaign_id: campaignId, campaign_name: campaign.name, ...row } };
}

const trackingWhat = (spec: EngagementSpec) => `GET /reports/email_reports/{campaign_activity_id}/tracking/${spec.report}`;

export function signatureOf(spec: EngagementSpec, settings: EngagementSettings): string {
	return JSON.stringify([spec.event, settings.days, settings.maxCampaigns]);
}

/** A test run: the newest event among the watched campaigns, as a sample. */
async function sample(this: IPollFunctions, spec: EngagementSpec, settings: EngagementSettings, now: number): Promise<INodeExecutionData[][] | null> {
	for (const summary of await recentCampaigns.call(this, settings, now)) {
		const campaignId = summary.campaign_id;
		if (typeof campaignId !== 'string' || !isConstantContactId(campaignId)) continue;
		const campaign = await watched.call(this, campaignId, undefined, now);
		for (const activityId of campaign.activity_ids) {
			if (!isConstantContactId(activityId)) continue;
			const page = await constantContactRequest.call(this, {
				method: 'GET',
				path: `/reports/email_reports/${encodeURIComponent(activityId)}/tracking/${spec.report}`,
				qs: { limit: 1 },
			});
			const row = rowsOf(this.getNode(), trackingWhat(spec), page, 'tracking_activities')[0];
			if (row) return [[item(spec, campaignId, campaign, row)]];
		}
	}
	return null;
}

interface Opened {
	/** False on a configuration's first poll, and when the stored state could not be used. */
	emit: boolean;
	since: number;
	streams: Record<string, unknown>;
	campaigns: Record<string, unknown>;
	problems: string[];
}

/** The stored state, read: a new configuration starts afresh; one that cannot be used starts again from now. */
function open(staticData: IDataObject, signature: string, now: number): Opened {
	const afresh = (problems: string[] = []): Opened => ({ emit: false, since: now, streams: {}, campaigns: {}, problems });
	if (staticData.signature !== signature || staticData.since === undefined) return afresh();
	const since = readStoredTime(staticData.since, now, 'its start');
	if ('problem' in since) return afresh([since.problem]);
	const streams = staticData.streams ?? {};
	if (!isRecord(streams)) return afresh([`its campaign emails are ${kindOf(streams)}, not an object`]);
	return { emit: true, since: since.value, streams: { ...streams }, campaigns: isRecord(staticData.campaigns) ? staticData.campaigns : {}, problems: [] };
}

/**
 * One poll. The first of a configuration reads what is there and emits nothing. Later ones emit each
 * new event of every watched campaign email once, oldest first; a campaign that starts being watched
 * later (it was just sent) emits its events since the trigger started.
 */
export async function pollEngagement(
	this: IPollFunctions,
	spec: EngagementSpec,
	settings: EngagementSettings,
	staticData: IDataObject,
	now = Date.now(),
): Promise<INodeExecutionData[][] | null> {
	if (this.getMode() === 'manual') return await sample.call(this, spec, settings, now);

	const signature = signatureOf(spec, settings);
	const opened = open(staticData, signature, now);
	const { since, streams, problems } = opened;
	const campaigns: Record<string, WatchedCampaign> = {};

	const found: Array<{ time: number; out: INodeExecutionData }> = [];
	for (const summary of await recentCampaigns.call(this, settings, now)) {
		const campaignId = summary.campaign_id;
		// Campaign IDs are UUIDs: anything else in an answer is skipped, never used as a key or in a path.
		if (typeof campaignId !== 'string' || !isConstantContactId(campaignId)) continue;
		const stored = Object.hasOwn(opened.campaigns, campaignId) ? opened.campaigns[campaignId] : undefined;
		const campaign = await watched.call(this, campaignId, stored, now).catch((error: unknown) => {
			// A campaign deleted since it was sent: skipped this poll rather than failing every poll.
			if (isApiError(error, 404)) return undefined;
			throw error;
		});
		if (!campaign) continue;
		campaigns[campaignId] = campaign;
		for (const activityId of campaign.activity_ids) {
			if (!isConstantContactId(activityId)) continue;
			const stream = Object.hasOwn(streams, activityId) ? streams[activityId] : undefined;
			const options = { now, overlapMs: ENGAGEMENT.overlapMs, floor: since, emit: opened.emit };
			const read = await readNewestFirst
				.call(
					this,
					{
						path: `/reports/email_reports/${encodeURIComponent(activityId)}/tracking/${spec.report}`,
						what: trackingWhat(spec),
						qs: {},
						property: 'tracking_activities',
						pageSize: ENGAGEMENT.pageSize,
					},
					timeOf,
					cutoff(stream, options),
					ENGAGEMENT.maxPages,
				)
				.catch((error: unknown) => {
					if (isApiError(error, 404)) return undefined;
					throw error;
				});
			if (!read) continue;
			const { fresh, state: next, problem } = advance(
				stream,
				read.rows.map((row) => ({ row, key: spec.key(row), time: timeOf(row) })),
				options,
			);
			if (problem !== undefined) problems.push(`campaign email ${activityId}: ${problem}`);
			streams[activityId] = { ...next, campaign_id: campaignId, polled_at: now };
			for (const row of fresh) found.push({ time: timeOf(row), out: item(spec, campaignId, campaign, row) });
		}
	}
	// Streams of campaigns that left the window are kept a while (one sent again comes back), then forgotten.
	for (const [activityId, stream] of Object.entries(streams)) {
		const age = isRecord(stream) && typeof stream.polled_at === 'number' ? now - stream.polled_at : Number.NaN;
		if (!(age >= -CLOCK_SKEW_MS && age <= ENGAGEMENT.forgetAfterMs)) delete streams[activityId];
	}

	const next: EngagementState = { signature, since: new Date(since).toISOString(), campaigns, streams: streams as EngagementState['streams'] };
	Object.assign(staticData, next);
	if (problems.length) reportUnusableState.call(this, problems.slice(0, 3).join('; '));
	if (!found.length) return null;
	found.sort((a, b) => a.time - b.time);
	return [found.map((f) => f.out)];
}
