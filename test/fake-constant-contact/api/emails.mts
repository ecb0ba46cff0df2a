// /emails and /emails/{campaign_id}: email campaigns. POST answers 200 (not 201) with the campaign and
// its activity ids only; names are unique (409); GET /emails lists deleted (Removed) campaigns too and
// filters only by updated_at; a Scheduled campaign cannot be deleted, a Removed one not renamed.
import { ApiError, arrayError, conflictError, notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { campaignStatus, checkSenders, newCampaign, primaryActivity, touch } from '../campaignLifecycle.mts';
import { limitParam, paginate, resolveCursor } from '../pagination.mts';
import type { FakeState } from '../state.mts';
import type { CampaignRecord } from '../types.mts';
import { bodyObject } from './contacts.mts';
import type { ApiContext, Obj } from './context.mts';
import { isObj } from './context.mts';

export function findCampaign(ctx: ApiContext): CampaignRecord {
	const c = ctx.core.state.campaigns.get(ctx.params.campaign_id!);
	if (!c) throw notFoundError(`Email campaign ${ctx.params.campaign_id} not found`);
	return c;
}

function listItem(state: FakeState, c: CampaignRecord): Obj {
	return {
		campaign_id: c.campaign_id,
		created_at: c.created_at,
		current_status: campaignStatus(state, c),
		name: c.name,
		type: c.type,
		type_code: c.type_code,
		updated_at: c.updated_at,
	};
}

export function renderCampaign(state: FakeState, c: CampaignRecord): Obj {
	return {
		...listItem(state, c),
		campaign_activities: c.activity_ids.map((id) => ({ campaign_activity_id: id, role: state.campaignActivities.get(id)!.role })),
	};
}

function nameTaken(state: FakeState, name: string, self?: CampaignRecord): boolean {
	for (const c of state.campaigns.values()) if (c !== self && !c.removed && c.name.toLowerCase() === name.toLowerCase()) return true;
	return false;
}

export function listCampaigns(ctx: ApiContext): ApiResult {
	const page = resolveCursor(ctx.query);
	const q = page.params;
	const limit = limitParam(q, 50, 500);
	const after = q.after_date ? Date.parse(q.after_date) : undefined;
	const before = q.before_date ? Date.parse(q.before_date) : undefined;
	const matches = [...ctx.core.state.campaigns.values()]
		.filter((c) => (after === undefined || Date.parse(c.updated_at) > after) && (before === undefined || Date.parse(c.updated_at) < before))
		.sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at));
	const { page: items, links } = paginate(matches, page, limit, '/emails');
	const body: Obj = { campaigns: items.map((c) => listItem(ctx.core.state, c)) };
	if (links) body._links = links;
	return { status: 200, body };
}

/** POST /emails: one format_type 5 activity from confirmed sender addresses, a unique name. */
export function createCampaign(ctx: ApiContext): ApiResult {
	const body = bodyObject(ctx);
	const name = String(body.name).trim();
	const activities = body.email_campaign_activities as unknown[];
	// "an array that contains a single email campaign activity object" (L14148-14153).
	if (activities.length !== 1 || !isObj(activities[0])) throw validationError('email_campaign_activities must contain exactly one email campaign activity');
	const a = activities[0];
	// Only format_type 5 (custom code) can carry html_content, which the input requires (L14119-14128).
	if (a.format_type !== 5) throw validationError(`format_type ${String(a.format_type)} is not supported here: only format_type 5 (custom code emails) can contain html_content`);
	checkSenders(ctx.core.state, a);
	if (nameTaken(ctx.core.state, name)) throw conflictError(`An email campaign named ${name} already exists`);
	const fields = {
		format_type: 5,
		from_email: String(a.from_email),
		from_name: String(a.from_name),
		reply_to_email: String(a.reply_to_email),
		subject: String(a.subject),
		html_content: String(a.html_content),
		...(typeof a.preheader === 'string' ? { preheader: a.preheader } : {}),
		...(isObj(a.physical_address_in_footer) ? { physical_address_in_footer: a.physical_address_in_footer as never } : {}),
	};
	const campaign = newCampaign(ctx.core.state, name, fields);
	return { status: 200, body: renderCampaign(ctx.core.state, campaign) };
}

export function getCampaign(ctx: ApiContext): ApiResult {
	return { status: 200, body: renderCampaign(ctx.core.state, findCampaign(ctx)) };
}

/** PATCH /emails/{id}: the name only; unique; not while Removed (L4441-4443). */
export function renameCampaign(ctx: ApiContext): ApiResult {
	const c = findCampaign(ctx);
	const name = String(bodyObject(ctx).name).trim();
	if (c.removed) throw validationError('You cannot rename email campaigns that have a Removed status.');
	if (nameTaken(ctx.core.state, name, c)) throw conflictError(`An email campaign named ${name} already exists`);
	c.name = name;
	touch(c);
	return { status: 200, body: renderCampaign(ctx.core.state, c) };
}

/** DELETE /emails/{id}: not while Scheduled (L4399-4400); the campaign stays, as Removed, with REMOVED activities. */
export function deleteCampaign(ctx: ApiContext): ApiResult {
	const c = findCampaign(ctx);
	if (c.removed) throw notFoundError(`Email campaign ${c.campaign_id} not found`);
	if (primaryActivity(ctx.core.state, c).current_status === 'SCHEDULED') {
		const r = arrayError(400, 'emails.api.validation.error', 'You cannot delete an email campaign when it has a Scheduled status. Unschedule it first.');
		throw new ApiError(r.status, r.body);
	}
	c.removed = true;
	for (const id of c.activity_ids) ctx.core.state.campaignActivities.get(id)!.current_status = 'REMOVED';
	touch(c);
	return { status: 204 };
}
