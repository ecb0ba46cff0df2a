// /emails/activities/{campaign_activity_id}: the content, recipients, test sends, schedules and send
// history of one campaign activity, with the contract's state rules (L4617-4990): PUT only on a
// primary_email in DRAFT or DONE and it erases omitted top-level fields but keeps omitted
// subresources; schedule only a primary_email in DRAFT/DONE/ERROR that has recipients; unschedule only
// SCHEDULED; tests only for primary_email, at most 50 recipients a day; one resend to non-openers per
// campaign, created for a DRAFT, SCHEDULED or DONE primary_email with a delay of 1-10 days or 720-14,400
// minutes (L5006-5171), its ID `DRAFT` while the campaign is a draft.
import { randomInt } from 'node:crypto';
import { conflictError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { checkSenders, hasAudience, schedule, unschedule } from '../campaignLifecycle.mts';
import { notFoundError } from '../errors.mts';
import { nowIso } from '../state.mts';
import type { CampaignActivityRecord, CampaignRecord, NonOpenerResendRecord } from '../types.mts';
import { bodyObject } from './contacts.mts';
import type { ApiContext, Obj } from './context.mts';
import { isObj } from './context.mts';

/** "You can send up to 50 test emails each day. Each recipient ... counts towards this limit." (L4853-4855) */
export const TEST_SENDS_PER_DAY = 50;

const SUBRESOURCES = ['physical_address_in_footer', 'permalink_url', 'html_content', 'document_properties'] as const;

function findActivity(ctx: ApiContext): { act: CampaignActivityRecord; campaign: CampaignRecord } {
	const act = ctx.core.state.campaignActivities.get(ctx.params.campaign_activity_id!);
	// "You cannot get email campaign activities that have a REMOVED status." (L4562-4563)
	if (!act || act.current_status === 'REMOVED') throw notFoundError(`Email campaign activity ${ctx.params.campaign_activity_id} not found`);
	return { act, campaign: ctx.core.state.campaigns.get(act.campaign_id)! };
}

function requirePrimary(act: CampaignActivityRecord, what: string): void {
	if (act.role !== 'primary_email') throw validationError(`You can only ${what} email campaign activities that have the primary_email role; this one is ${act.role}.`);
}

function renderActivity(act: CampaignActivityRecord, include: string[]): Obj {
	const out: Obj = {
		campaign_activity_id: act.campaign_activity_id,
		campaign_id: act.campaign_id,
		role: act.role,
		current_status: act.current_status,
		format_type: act.format_type,
		from_email: act.from_email,
		from_name: act.from_name,
		reply_to_email: act.reply_to_email,
		subject: act.subject,
	};
	if (act.preheader !== undefined) out.preheader = act.preheader;
	if (act.contact_list_ids?.length) out.contact_list_ids = [...act.contact_list_ids];
	if (act.segment_ids?.length) out.segment_ids = [...act.segment_ids];
	// Subresources come back only when asked for with include= (L4576-4589).
	if (include.includes('html_content') && act.html_content !== undefined) out.html_content = act.html_content;
	if (include.includes('physical_address_in_footer') && act.physical_address_in_footer) out.physical_address_in_footer = { ...act.physical_address_in_footer };
	if (include.includes('permalink_url') && act.permalink_url) out.permalink_url = act.permalink_url;
	return out;
}

export function getActivity(ctx: ApiContext): ApiResult {
	const { act } = findActivity(ctx);
	// `include` is a comma-separated list of the enum's values; the contract check validated each one.
	const include = (ctx.query.include ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	return { status: 200, body: renderActivity(act, include) };
}

/** PUT: "overwrites any properties that are missing in the request body" but not omitted subresources (L4626-4631). */
export function updateActivity(ctx: ApiContext): ApiResult {
	const { act, campaign } = findActivity(ctx);
	requirePrimary(act, 'update');
	if (act.current_status !== 'DRAFT' && act.current_status !== 'DONE') {
		throw validationError(`You can only update email campaign activities that are in DRAFT or Done status; this one is ${act.current_status}.`);
	}
	const body = bodyObject(ctx);
	const lists = Array.isArray(body.contact_list_ids) ? (body.contact_list_ids as string[]) : [];
	const segments = Array.isArray(body.segment_ids) ? (body.segment_ids as number[]) : [];
	const errors: string[] = [];
	if (lists.length && segments.length) errors.push('You cannot use contact lists and segments at the same time in an email campaign activity.');
	if (segments.length > 1) errors.push('segment_ids takes a single segment_id.');
	for (const id of lists) if (!ctx.core.state.lists.get(id) || ctx.core.state.lists.get(id)!.deleted_at) errors.push(`contact list ${id} does not exist`);
	for (const id of segments) if (!ctx.core.state.segments.get(id) || ctx.core.state.segments.get(id)!.deleted) errors.push(`segment ${id} does not exist`);
	if (errors.length) throw validationError(errors);
	checkSenders(ctx.core.state, body);

	act.from_email = String(body.from_email);
	act.from_name = String(body.from_name);
	act.reply_to_email = String(body.reply_to_email);
	act.subject = String(body.subject);
	if (typeof body.preheader === 'string') act.preheader = body.preheader;
	else delete act.preheader;
	if (lists.length) act.contact_list_ids = [...lists];
	else delete act.contact_list_ids;
	if (segments.length) act.segment_ids = [...segments];
	else delete act.segment_ids;
	for (const sub of SUBRESOURCES) {
		if (sub === 'permalink_url' || sub === 'document_properties' || body[sub] === undefined) continue;
		if (sub === 'html_content') act.html_content = String(body.html_content);
		else if (isObj(body[sub])) act.physical_address_in_footer = body[sub] as never;
	}
	campaign.updated_at = nowIso();
	return { status: 200, body: renderActivity(act, ['html_content', 'physical_address_in_footer', 'permalink_url']) };
}

export function getSchedules(ctx: ApiContext): ApiResult {
	const { act } = findActivity(ctx);
	// An empty array when the activity is not SCHEDULED (L4688-4690).
	return { status: 200, body: act.current_status === 'SCHEDULED' && act.scheduled_date ? [{ scheduled_date: act.scheduled_date }] : [] };
}

export function createSchedule(ctx: ApiContext): ApiResult {
	const { act, campaign } = findActivity(ctx);
	requirePrimary(act, 'schedule');
	if (!['DRAFT', 'DONE', 'ERROR'].includes(act.current_status)) {
		throw validationError(`You can only schedule email campaign activities that are in DRAFT, DONE, or ERROR status; this one is ${act.current_status}.`);
	}
	if (!hasAudience(act)) throw validationError('Before you schedule an email campaign activity, add contacts with contact_list_ids or segment_ids.');
	const date = schedule(ctx.core, campaign, act, String(bodyObject(ctx).scheduled_date));
	// "Now" answers an empty array, a date answers the date (L4734-4738).
	return { status: 201, body: date ? [{ scheduled_date: date }] : [] };
}

export function deleteSchedule(ctx: ApiContext): ApiResult {
	const { act, campaign } = findActivity(ctx);
	requirePrimary(act, 'unschedule');
	if (act.current_status !== 'SCHEDULED') throw validationError(`You can only unschedule email campaign activities that are in SCHEDULED status; this one is ${act.current_status}.`);
	unschedule(campaign, act);
	return { status: 204 };
}

export function testSend(ctx: ApiContext): ApiResult {
	const { act } = findActivity(ctx);
	requirePrimary(act, 'test send');
	const body = bodyObject(ctx);
	const addresses = body.email_addresses as string[];
	if (!addresses.length) throw validationError('email_addresses must contain at least one email address.');
	const today = nowIso().slice(0, 10);
	const sentToday = ctx.core.state.testSends.filter((t) => t.at.slice(0, 10) === today).reduce((n, t) => n + t.email_addresses.length, 0);
	if (sentToday + addresses.length > TEST_SENDS_PER_DAY) {
		throw validationError(`You can send up to ${TEST_SENDS_PER_DAY} test emails each day; ${sentToday} were sent today.`);
	}
	ctx.core.state.testSends.push({
		campaign_activity_id: act.campaign_activity_id,
		email_addresses: [...addresses],
		...(typeof body.personal_message === 'string' ? { personal_message: body.personal_message } : {}),
		at: nowIso(),
	});
	return { status: 204 };
}

export function sendHistory(ctx: ApiContext): ApiResult {
	const { act } = findActivity(ctx);
	if (act.role === 'permalink') throw validationError('You can return the send history for primary_email and resend role email campaign activities only.');
	return { status: 200, body: (ctx.core.state.sendHistory.get(act.campaign_activity_id) ?? []).map((h) => ({ ...h })) };
}

/**
 * A resend as GET answers it: `resend_request_id` is `DRAFT` while the campaign is a draft (L5139-5141,
 * L14754-14756); `delay_days` only when created with days or with minutes that are whole days
 * (L14733-14736); `resend_status` only once the campaign is scheduled or sent (L14760-14763).
 */
function renderResend(act: CampaignActivityRecord, resend: NonOpenerResendRecord, withStatus: boolean): Obj {
	const draft = act.current_status === 'DRAFT';
	const out: Obj = { resend_subject: resend.resend_subject, resend_request_id: draft ? 'DRAFT' : resend.resend_request_id };
	if (resend.by_days || resend.delay_minutes % 1440 === 0) out.delay_days = resend.delay_minutes / 1440;
	if (!resend.by_days) out.delay_minutes = resend.delay_minutes;
	if (withStatus && !draft) out.resend_status = 'SCHEDULED';
	return out;
}

export function getResends(ctx: ApiContext): ApiResult {
	const { act } = findActivity(ctx);
	return { status: 200, body: act.resend ? [renderResend(act, act.resend, true)] : [] };
}

export function createResend(ctx: ApiContext): ApiResult {
	const { act } = findActivity(ctx);
	requirePrimary(act, 'resend to non-openers');
	if (!['DRAFT', 'SCHEDULED', 'DONE'].includes(act.current_status)) {
		throw validationError(`You can only resend email campaign activities that are in Draft, Scheduled, or Done status; this one is ${act.current_status}.`);
	}
	if (act.resend) throw conflictError('You can only create one resend activity per email campaign.');
	const body = bodyObject(ctx);
	const subject = typeof body.resend_subject === 'string' ? body.resend_subject.trim() : '';
	const errors: string[] = [];
	if (!subject) errors.push('#/resend_subject: must not be empty');
	// "If you set both delay_days or delay_minutes, delay_minutes is ignored" (L5060-5062).
	let minutes: number | undefined;
	let byDays = false;
	if (body.delay_days !== undefined) {
		const days = body.delay_days as number;
		if (days < 1 || days > 10) errors.push(`#/delay_days: ${days} is not between 1 and 10`);
		minutes = days * 1440;
		byDays = true;
	} else if (body.delay_minutes !== undefined) {
		minutes = body.delay_minutes as number;
		if (minutes < 720 || minutes > 14_400) errors.push(`#/delay_minutes: ${minutes} is not between 720 and 14400`);
	} else errors.push('#: delay_days or delay_minutes is required');
	if (errors.length) throw validationError(errors);
	const resend: NonOpenerResendRecord = { resend_request_id: String(randomInt(100_000, 1_000_000)), resend_subject: subject, delay_minutes: minutes!, by_days: byDays };
	act.resend = resend;
	return { status: 201, body: renderResend(act, resend, false) };
}

export function deleteResend(ctx: ApiContext): ApiResult {
	const { act } = findActivity(ctx);
	const resend = act.resend;
	const id = act.current_status === 'DRAFT' ? 'DRAFT' : resend?.resend_request_id;
	if (!resend || ctx.params.resend_request_id !== id) throw notFoundError(`Resend ${ctx.params.resend_request_id} not found for email campaign activity ${act.campaign_activity_id}`);
	delete act.resend;
	return { status: 204 };
}
