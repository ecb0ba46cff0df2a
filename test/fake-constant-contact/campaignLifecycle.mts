// Email campaigns as Constant Contact keeps them: a campaign and its activities (primary_email,
// permalink), the activity state machine DRAFT → SCHEDULED → EXECUTING → DONE (swagger-v3.yaml
// L4729-4803: schedule from DRAFT/DONE/ERROR, unschedule back to the status before SCHEDULED), the
// send itself (history and one send row per recipient), and the engagement rows the reports read.
// The test seam (`fake.campaigns.send/track`) drives what Constant Contact does on its own.
import { randomUUID } from 'node:crypto';
import type { FakeCore } from './core.mts';
import { validationError } from './errors.mts';
import { nowIso, setPermission } from './state.mts';
import type {
	CampaignActivityRecord,
	CampaignActivityStatus,
	CampaignRecord,
	CampaignSeam,
	ContactRecord,
	TrackingEvent,
	TrackingRecord,
	TrackingType,
} from './types.mts';
import type { FakeState } from './state.mts';

const TITLE: Record<CampaignActivityStatus, string> = {
	DRAFT: 'Draft',
	SCHEDULED: 'Scheduled',
	EXECUTING: 'Executing',
	DONE: 'Done',
	ERROR: 'Error',
	REMOVED: 'Removed',
};

export function primaryActivity(state: FakeState, campaign: CampaignRecord): CampaignActivityRecord {
	const act = state.campaignActivities.get(campaign.activity_ids[0]!);
	if (!act) throw new Error(`fake: campaign ${campaign.campaign_id} has no primary_email activity`);
	return act;
}

/** The campaign's `current_status`, Title case (the activity's is UPPER case): the primary email's. */
export function campaignStatus(state: FakeState, campaign: CampaignRecord): string {
	return campaign.removed ? 'Removed' : TITLE[primaryActivity(state, campaign).current_status];
}

export function touch(campaign: CampaignRecord, at = nowIso()): void {
	campaign.updated_at = at;
}

/** Contacts who can be emailed: not deleted, permission explicit or implicit. */
const mailable = (c: ContactRecord): boolean =>
	!c.deleted_at && (c.email_address.permission_to_send === 'explicit' || c.email_address.permission_to_send === 'implicit');

/**
 * Who the activity goes to: mailable members of its lists. The fake does not evaluate segment
 * criteria: a segment's members are every mailable contact of the account.
 */
export function recipients(state: FakeState, act: CampaignActivityRecord): ContactRecord[] {
	const lists = act.contact_list_ids ?? [];
	const all = [...state.contacts.values()].filter(mailable);
	if (act.segment_ids?.length) return all;
	return all.filter((c) => c.list_memberships.some((id) => lists.includes(id)));
}

export const hasAudience = (act: CampaignActivityRecord): boolean => Boolean(act.contact_list_ids?.length || act.segment_ids?.length);

/** POST .../schedules: "0" sends now (EXECUTING, then DONE after options.campaignSendMs), a date schedules it. */
export function schedule(core: FakeCore, campaign: CampaignRecord, act: CampaignActivityRecord, scheduledDate: string): string | undefined {
	const before = act.current_status;
	if (scheduledDate === '0') {
		act.current_status = 'EXECUTING';
		act.status_before_schedule = before;
		touch(campaign);
		const t = setTimeout(() => {
			core.timers.delete(t);
			if (core.state.campaignActivities.get(act.campaign_activity_id) === act && act.current_status === 'EXECUTING') send(core.state, campaign);
		}, core.options.campaignSendMs);
		t.unref();
		core.timers.add(t);
		return undefined;
	}
	// A bare date (2022-05-17) is valid (L14565); it is stored as midnight UTC.
	const date = /^\d{4}-\d{2}-\d{2}$/.test(scheduledDate) ? `${scheduledDate}T00:00:00.000Z` : new Date(scheduledDate).toISOString();
	act.current_status = 'SCHEDULED';
	act.scheduled_date = date;
	act.status_before_schedule = before;
	touch(campaign);
	return date;
}

/** DELETE .../schedules: "reverts the email campaign activity to the status prior to SCHEDULED" (L4802). */
export function unschedule(campaign: CampaignRecord, act: CampaignActivityRecord): void {
	act.current_status = act.status_before_schedule ?? 'DRAFT';
	delete act.scheduled_date;
	delete act.status_before_schedule;
	touch(campaign);
}

function trackingRow(type: TrackingType, act: CampaignActivityRecord, c: ContactRecord, at: string): TrackingRecord {
	const row: TrackingRecord = {
		tracking_activity_type: type,
		campaign_activity_id: act.campaign_activity_id,
		contact_id: c.contact_id,
		email_address: c.email_address.address,
		created_time: at,
	};
	if (c.first_name !== undefined) row.first_name = c.first_name;
	if (c.last_name !== undefined) row.last_name = c.last_name;
	return row;
}

/**
 * Sends the primary email: to every recipient it has not reached yet (a DONE activity scheduled again
 * goes only to new contacts, L4744-4747), one history entry (reason_code 12 when nobody was eligible).
 */
export function send(state: FakeState, campaign: CampaignRecord, at = nowIso()): { campaign_activity_id: string; sent_to: string[] } {
	const act = primaryActivity(state, campaign);
	if (act.current_status !== 'SCHEDULED' && act.current_status !== 'EXECUTING') {
		throw new Error(`fake.campaigns.send: the campaign is ${act.current_status}; schedule it first`);
	}
	const already = new Set(state.tracking.filter((r) => r.campaign_activity_id === act.campaign_activity_id && r.tracking_activity_type === 'em_sends').map((r) => r.contact_id));
	const to = recipients(state, act).filter((c) => !already.has(c.contact_id));
	for (const c of to) state.tracking.push(trackingRow('em_sends', act, c, at));
	const history = state.sendHistory.get(act.campaign_activity_id) ?? [];
	history.push({
		send_id: history.length + 1,
		contact_list_ids: [...(act.contact_list_ids ?? [])],
		segment_ids: [...(act.segment_ids ?? [])],
		count: to.length,
		run_date: at,
		send_status: 'COMPLETED',
		reason_code: to.length ? 0 : 12,
	});
	state.sendHistory.set(act.campaign_activity_id, history);
	act.current_status = 'DONE';
	delete act.scheduled_date;
	delete act.status_before_schedule;
	act.permalink_url = `https://myemail.constantcontact.com/fake.html?soid=${act.campaign_activity_id}`;
	touch(campaign, at);
	return { campaign_activity_id: act.campaign_activity_id, sent_to: to.map((c) => c.email_address.address) };
}

/** Link ids per activity: stable, in the order links were first clicked (a number, sent as a string). */
function urlId(state: FakeState, activityId: string, url: string): string {
	const links: string[] = [];
	for (const r of state.tracking) if (r.campaign_activity_id === activityId && r.link_url && !links.includes(r.link_url)) links.push(r.link_url);
	const i = links.indexOf(url);
	return String(1000 + (i >= 0 ? i : links.length));
}

const TYPES: Record<TrackingEvent['type'], TrackingType> = {
	open: 'em_opens',
	click: 'em_clicks',
	bounce: 'em_bounces',
	optout: 'em_optouts',
	forward: 'em_forwards',
};

export function track(state: FakeState, campaign: CampaignRecord, events: TrackingEvent[]): void {
	const act = primaryActivity(state, campaign);
	const sentTo = new Set(state.tracking.filter((r) => r.campaign_activity_id === act.campaign_activity_id && r.tracking_activity_type === 'em_sends').map((r) => r.contact_id));
	for (const e of events) {
		const contact = state.findByEmail(e.email);
		if (!contact || !sentTo.has(contact.contact_id)) throw new Error(`fake.campaigns.track: ${e.email} was not sent campaign ${campaign.name}`);
		const at = e.at ?? nowIso();
		const row = trackingRow(TYPES[e.type], act, contact, at);
		if (e.type === 'open' || e.type === 'click') row.device_type = e.device_type ?? 'computer';
		if (e.type === 'click') {
			const url = e.link_url ?? 'https://example.com/';
			row.url_id = urlId(state, act.campaign_activity_id, url);
			row.link_url = url;
		}
		if (e.type === 'bounce') row.bounce_code = e.bounce_code ?? 'B';
		if (e.type === 'optout') {
			row.opt_out_reason = e.opt_out_reason ?? '';
			// Opting out through the email's link unsubscribes the contact, by the contact's own action.
			setPermission(contact.email_address, 'unsubscribed', 'Contact', at, e.opt_out_reason);
			contact.updated_at = at;
		}
		state.tracking.push(row);
	}
}

export function createSeam(core: FakeCore): CampaignSeam {
	const find = (campaignId: string): CampaignRecord => {
		const c = core.state.campaigns.get(campaignId);
		if (!c) throw new Error(`fake.campaigns: no campaign ${campaignId}`);
		return c;
	};
	return {
		send: (campaignId, at) => send(core.state, find(campaignId), at),
		track: (campaignId, events) => track(core.state, find(campaignId), events),
	};
}

/** A new campaign with its primary_email (DRAFT) and permalink activities, as POST /emails makes it. */
export function newCampaign(state: FakeState, name: string, fields: Omit<CampaignActivityRecord, 'campaign_activity_id' | 'campaign_id' | 'role' | 'current_status'>): CampaignRecord {
	const at = nowIso();
	const campaign: CampaignRecord = {
		campaign_id: randomUUID(),
		name,
		type: 'NEWSLETTER',
		type_code: 10,
		created_at: at,
		updated_at: at,
		removed: false,
		activity_ids: [],
	};
	const primary: CampaignActivityRecord = { ...fields, campaign_activity_id: randomUUID(), campaign_id: campaign.campaign_id, role: 'primary_email', current_status: 'DRAFT' };
	const permalink: CampaignActivityRecord = { ...fields, campaign_activity_id: randomUUID(), campaign_id: campaign.campaign_id, role: 'permalink', current_status: 'DRAFT' };
	campaign.activity_ids = [primary.campaign_activity_id, permalink.campaign_activity_id];
	state.campaigns.set(campaign.campaign_id, campaign);
	state.campaignActivities.set(primary.campaign_activity_id, primary);
	state.campaignActivities.set(permalink.campaign_activity_id, permalink);
	return campaign;
}

/** from_email and reply_to_email must be confirmed account addresses (EmailCampaignActivityInput, L14090-14105). */
export function checkSenders(state: FakeState, body: { from_email?: unknown; reply_to_email?: unknown }): void {
	const errors: string[] = [];
	for (const field of ['from_email', 'reply_to_email'] as const) {
		const value = body[field];
		if (typeof value === 'string' && !state.confirmedEmail(value)) {
			errors.push(`${field} ${value} is not a confirmed email address of this account; confirm it in Constant Contact or use one that is confirmed.`);
		}
	}
	if (errors.length) throw validationError(errors);
}
