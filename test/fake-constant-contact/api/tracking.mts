// Per-contact reports: the eight tracking reports of one campaign activity (most recent first, up to
// 500 a page, no date filter, L5834-6343) and the contact reports (activity details, newest first up to
// 100 a page; activity summary for the most recent 200 campaigns in a date range, L5539-5773).
import { notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { limitParam, paginate, resolveCursor } from '../pagination.mts';
import type { FakeState } from '../state.mts';
import type { TrackingRecord, TrackingType } from '../types.mts';
import type { ApiContext, Handler, Obj } from './context.mts';

type Report = 'sends' | 'opens' | 'unique_opens' | 'didnotopens' | 'clicks' | 'forwards' | 'optouts' | 'bounces';

const SOURCE: Record<Report, TrackingType> = {
	sends: 'em_sends',
	opens: 'em_opens',
	unique_opens: 'em_opens',
	didnotopens: 'em_sends',
	clicks: 'em_clicks',
	forwards: 'em_forwards',
	optouts: 'em_optouts',
	bounces: 'em_bounces',
};

/** Newest first; rows recorded later come first among equal times. */
const newestFirst = (rows: TrackingRecord[]): TrackingRecord[] =>
	rows
		.map((r, i) => ({ r, i }))
		.sort((a, b) => Date.parse(b.r.created_time) - Date.parse(a.r.created_time) || b.i - a.i)
		.map(({ r }) => r);

function rowsFor(state: FakeState, activityId: string, report: Report, query: Record<string, string>): TrackingRecord[] {
	const rows = state.tracking.filter((r) => r.campaign_activity_id === activityId);
	const of = (type: TrackingType): TrackingRecord[] => rows.filter((r) => r.tracking_activity_type === type);
	let picked: TrackingRecord[];
	if (report === 'unique_opens') {
		// "the last time that each contact opened" (L5961-5963)
		const last = new Map<string, TrackingRecord>();
		for (const r of of('em_opens')) last.set(r.contact_id, r);
		picked = [...last.values()];
	} else if (report === 'didnotopens') {
		const opened = new Set(of('em_opens').map((r) => r.contact_id));
		picked = of('em_sends').filter((r) => !opened.has(r.contact_id));
	} else {
		picked = of(SOURCE[report]);
	}
	if (report === 'clicks' && query.url_id !== undefined) picked = picked.filter((r) => r.url_id === query.url_id);
	if (report === 'bounces' && query.bounce_code !== undefined) {
		// Repeated parameters (bounce_code=B&bounce_code=D) arrive joined with commas.
		const codes = query.bounce_code.split(',');
		picked = picked.filter((r) => codes.includes(r.bounce_code ?? ''));
	}
	return newestFirst(picked);
}

function render(state: FakeState, r: TrackingRecord, report: Report): Obj {
	const contact = state.contacts.get(r.contact_id);
	const out: Obj = {
		contact_id: r.contact_id,
		campaign_activity_id: r.campaign_activity_id,
		tracking_activity_type: report === 'didnotopens' ? 'em_didnotopens' : r.tracking_activity_type,
		email_address: r.email_address,
		created_time: r.created_time,
	};
	if (r.first_name !== undefined) out.first_name = r.first_name;
	if (r.last_name !== undefined) out.last_name = r.last_name;
	if (contact?.deleted_at) out.deleted_at = contact.deleted_at;
	if ((report === 'opens' || report === 'unique_opens' || report === 'clicks') && r.device_type) out.device_type = r.device_type;
	if (report === 'clicks') Object.assign(out, { url_id: r.url_id, link_url: r.link_url });
	if (report === 'optouts') out.opt_out_reason = r.opt_out_reason ?? '';
	if (report === 'bounces') Object.assign(out, { bounce_code: r.bounce_code, current_email_address: contact?.email_address.address ?? r.email_address });
	return out;
}

export function trackingReport(report: Report): Handler {
	return (ctx: ApiContext): ApiResult => {
		const state = ctx.core.state;
		const id = ctx.params.campaign_activity_id!;
		const act = state.campaignActivities.get(id);
		if (!act) throw notFoundError(`Email campaign activity ${id} not found`);
		const page = resolveCursor(ctx.query);
		const limit = limitParam(page.params, 500, 500);
		const rows = rowsFor(state, id, report, page.params);
		const { page: items, links } = paginate(rows, page, limit, `/reports/email_reports/${id}/tracking/${report}`);
		// Opt-out and bounce pages always carry _links (required there, L16063, L16149).
		return { status: 200, body: { tracking_activities: items.map((r) => render(state, r, report)), _links: links ?? {} } };
	};
}

const CONTACT_TYPES = ['em_sends', 'em_opens', 'em_clicks', 'em_bounces', 'em_optouts', 'em_forwards', 'p_contact_open', 'p_contact_click', 'p_contact_add', 'p_contact_update'];

export function contactActivityDetails(ctx: ApiContext): ApiResult {
	const state = ctx.core.state;
	const contactId = ctx.params.contact_id!;
	if (!state.contacts.get(contactId)) throw notFoundError(`Contact ${contactId} not found`);
	const page = resolveCursor(ctx.query);
	const q = page.params;
	// One of the two, never both (L5543-5547); both arrive as comma-separated values here.
	if ((q.tracking_activities_list === undefined) === (q.tracking_activity_type === undefined)) {
		throw validationError('Use either tracking_activities_list or tracking_activity_type (they are mutually exclusive), and one of them is required.');
	}
	const types = (q.tracking_activities_list ?? q.tracking_activity_type!).split(',').map((s) => s.trim());
	const unknown = types.filter((t) => !CONTACT_TYPES.includes(t));
	if (unknown.length) throw validationError(`Unknown tracking activity type(s): ${unknown.join(', ')}`);
	const names = q.include_campaign_activity_names !== 'false';
	const limit = limitParam(q, 100, 100);
	const rows = newestFirst(state.tracking.filter((r) => r.contact_id === contactId && types.includes(r.tracking_activity_type)));
	const { page: items, links } = paginate(rows, page, limit, `/reports/contact_reports/${contactId}/activity_details`);
	const body: Obj = {
		tracking_activities: items.map((r) => {
			const out: Obj = { contact_id: r.contact_id, campaign_activity_id: r.campaign_activity_id, created_time: r.created_time, tracking_activity_type: r.tracking_activity_type };
			const campaign = state.campaigns.get(state.campaignActivities.get(r.campaign_activity_id)?.campaign_id ?? '');
			if (names && campaign) out.campaign_activity_name = campaign.name;
			return out;
		}),
	};
	if (links) body._links = links;
	return { status: 200, body };
}

/** "the most recent 200 campaigns" sent to the contact, with what the contact did with each (L5719-5721). */
export function contactActivitySummary(ctx: ApiContext): ApiResult {
	const state = ctx.core.state;
	const contactId = ctx.params.contact_id!;
	if (!state.contacts.get(contactId)) throw notFoundError(`Contact ${contactId} not found`);
	const start = Date.parse(ctx.query.start!);
	const end = Date.parse(ctx.query.end!);
	if (Number.isNaN(start) || Number.isNaN(end)) throw validationError('start and end must be ISO 8601 dates');
	const mine = state.tracking.filter((r) => r.contact_id === contactId);
	const byActivity = new Map<string, TrackingRecord[]>();
	for (const r of mine) byActivity.set(r.campaign_activity_id, [...(byActivity.get(r.campaign_activity_id) ?? []), r]);
	const count = (rows: TrackingRecord[], type: TrackingType): number => rows.filter((r) => r.tracking_activity_type === type).length;
	const summaries = [...byActivity.entries()]
		.map(([id, rows]) => {
			const sends = rows.filter((r) => r.tracking_activity_type === 'em_sends').map((r) => r.created_time);
			return { id, rows, startOn: sends.sort().at(-1) };
		})
		.filter((a) => a.startOn && Date.parse(a.startOn) >= start && Date.parse(a.startOn) <= end)
		.sort((a, b) => Date.parse(b.startOn!) - Date.parse(a.startOn!))
		.slice(0, 200)
		.map(({ id, rows, startOn }) => ({
			campaign_activity_id: id,
			start_on: startOn,
			em_bounces: count(rows, 'em_bounces'),
			em_clicks: count(rows, 'em_clicks'),
			em_forwards: count(rows, 'em_forwards'),
			em_opens: count(rows, 'em_opens'),
			em_sends: count(rows, 'em_sends'),
			em_unsubscribes: count(rows, 'em_optouts'),
		}));
	return { status: 200, body: { contact_id: contactId, campaign_activities: summaries } };
}
