// Campaign-level reports computed from the tracking rows: summaries (newest send first, at most 500
// campaigns, L6345-6396), stats for up to 150 campaigns (one unknown id is a 404 for all, L6404-6409)
// or 10 activities (unknown ids go to errors[], a malformed one is a 404 for all, L6453-6463).
import { notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { primaryActivity } from '../campaignLifecycle.mts';
import { paginate, resolveCursor } from '../pagination.mts';
import type { FakeState } from '../state.mts';
import type { CampaignRecord, TrackingRecord } from '../types.mts';
import type { ApiContext, Obj } from './context.mts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** "aggregate email campaign statistics for up to five hundred email campaigns" (L6349-6350). */
const MAX_SUMMARIES = 500;

const rowsOf = (state: FakeState, activityId: string): TrackingRecord[] => state.tracking.filter((r) => r.campaign_activity_id === activityId);
const unique = (rows: TrackingRecord[], type: string): number => new Set(rows.filter((r) => r.tracking_activity_type === type).map((r) => r.contact_id)).size;
const all = (rows: TrackingRecord[], type: string, device?: string): number =>
	rows.filter((r) => r.tracking_activity_type === type && (device === undefined || (r.device_type ?? 'none') === device)).length;
const percent = (part: number, whole: number): number => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : 0);

/** StatsEmail: unique counts per contact, `_all` counts per event, em_not_opened clamped at 0 (L16338-16341). */
export function statsOf(rows: TrackingRecord[]): Record<string, number> {
	const sends = unique(rows, 'em_sends');
	const opens = unique(rows, 'em_opens');
	const bounces = unique(rows, 'em_bounces');
	const stats: Record<string, number> = {
		em_bounces: bounces,
		em_clicks: unique(rows, 'em_clicks'),
		em_clicks_all: all(rows, 'em_clicks'),
		em_forwards: unique(rows, 'em_forwards'),
		em_not_opened: Math.max(0, sends - opens - bounces),
		em_opens: opens,
		em_opens_all: all(rows, 'em_opens'),
		em_optouts: unique(rows, 'em_optouts'),
		em_sends: sends,
	};
	for (const device of ['computer', 'mobile', 'tablet', 'other', 'none']) {
		stats[`em_clicks_all_${device}`] = all(rows, 'em_clicks', device);
		stats[`em_opens_all_${device}`] = all(rows, 'em_opens', device);
	}
	return stats;
}

function lastSent(state: FakeState, c: CampaignRecord): string | undefined {
	return (state.sendHistory.get(c.activity_ids[0]!) ?? []).at(-1)?.run_date;
}

export function campaignSummaries(ctx: ApiContext): ApiResult {
	const state = ctx.core.state;
	const page = resolveCursor(ctx.query);
	const raw = page.params.limit ?? '50';
	// "The default is 50 and the maximum is 500 per page." (L6365-6366)
	if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 500) throw validationError('limit does not have a valid value; it must be between 1 and 500');
	const sent = [...state.campaigns.values()]
		.filter((c) => lastSent(state, c))
		.sort((a, b) => Date.parse(lastSent(state, b)!) - Date.parse(lastSent(state, a)!))
		.slice(0, MAX_SUMMARIES);
	const { page: items, links } = paginate(sent, page, Number(raw), '/reports/summary_reports/email_campaign_summaries');
	const summaries = items.map((c) => {
		const s = statsOf(rowsOf(state, c.activity_ids[0]!));
		return {
			campaign_id: c.campaign_id,
			campaign_type: 'Newsletter',
			last_sent_date: lastSent(state, c),
			unique_counts: {
				sends: s.em_sends,
				opens: s.em_opens,
				clicks: s.em_clicks,
				forwards: s.em_forwards,
				optouts: s.em_optouts,
				abuse: 0,
				bounces: s.em_bounces,
				not_opened: s.em_not_opened,
			},
		};
	});
	// Percentages for the campaigns on this page only.
	const total = (k: 'sends' | 'opens' | 'clicks' | 'bounces' | 'optouts' | 'not_opened'): number => summaries.reduce((n, x) => n + x.unique_counts[k], 0);
	const body: Obj = {
		bulk_email_campaign_summaries: summaries,
		aggregate_percents: {
			open: percent(total('opens'), total('sends')),
			click: percent(total('clicks'), total('opens')),
			bounce: percent(total('bounces'), total('sends')),
			did_not_open: percent(total('not_opened'), total('sends')),
			unsubscribe: percent(total('optouts'), total('sends')),
		},
	};
	if (links) body._links = links;
	return { status: 200, body };
}

const ids = (raw: string): string[] => raw.split(',').map((s) => s.trim()).filter(Boolean);

export function campaignStats(ctx: ApiContext): ApiResult {
	const state = ctx.core.state;
	const wanted = ids(ctx.params.campaign_ids!);
	const campaigns = wanted.map((id) => state.campaigns.get(id));
	if (campaigns.some((c) => !c)) throw notFoundError('Could not find any campaign stats for all requested campaigns.');
	const at = new Date().toISOString();
	const results = (campaigns as CampaignRecord[]).map((c) => {
		const stats = statsOf(rowsOf(state, primaryActivity(state, c).campaign_activity_id));
		return {
			campaign_id: c.campaign_id,
			stats,
			percents: {
				bounce: percent(stats.em_bounces!, stats.em_sends!),
				click: percent(stats.em_clicks!, stats.em_opens!),
				desktop_click: percent(stats.em_clicks_all_computer!, stats.em_clicks_all!),
				desktop_open: percent(stats.em_opens_all_computer!, stats.em_opens_all!),
				did_not_open: percent(stats.em_not_opened!, stats.em_sends!),
				mobile_click: percent(stats.em_clicks_all_mobile!, stats.em_clicks_all!),
				mobile_open: percent(stats.em_opens_all_mobile!, stats.em_opens_all!),
				open: percent(stats.em_opens!, stats.em_sends!),
				unsubscribe: percent(stats.em_optouts!, stats.em_sends!),
			},
			last_refresh_time: at,
		};
	});
	return { status: 200, body: { errors: [], results } };
}

export function activityStats(ctx: ApiContext): ApiResult {
	const state = ctx.core.state;
	const wanted = ids(ctx.params.campaign_activity_ids!);
	if (wanted.some((id) => !UUID.test(id))) throw notFoundError('A campaign_activity_id is malformed.');
	const errors: Obj[] = [];
	const results: Obj[] = [];
	const at = new Date().toISOString();
	for (const id of wanted) {
		const act = state.campaignActivities.get(id);
		const rows = act ? rowsOf(state, id) : [];
		if (!act || act.current_status === 'REMOVED' || rows.length === 0) {
			errors.push({ error_key: `reportingsvc.not_found.campaign_activity_ids.${id}`, error_message: `Could not find stats for campaign activity ${id}.` });
			continue;
		}
		const stats = statsOf(rows);
		const bounces = (code: string): number => new Set(rows.filter((r) => r.tracking_activity_type === 'em_bounces' && r.bounce_code === code).map((r) => r.contact_id)).size;
		results.push({
			campaign_id: act.campaign_id,
			campaign_activity_id: id,
			stats: {
				...stats,
				em_abuse: 0,
				em_bounces_blocked: bounces('Z'),
				em_bounces_mailbox_full: bounces('F'),
				em_bounces_nonexistent_address: bounces('B'),
				em_bounces_other: bounces('X'),
				em_bounces_suspended: bounces('S'),
				em_bounces_undeliverable: bounces('D'),
				em_bounces_vacation: bounces('V'),
			},
			last_refresh_time: at,
		});
	}
	return { status: 200, body: { errors, results } };
}
