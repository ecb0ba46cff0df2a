// /contacts and /contacts/{contact_id}: create-only POST, full-replace PUT (subresources kept when
// omitted), soft DELETE, and the filtered, cursor-paginated collection.
import { randomUUID } from 'node:crypto';
import { conflictError, notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { boolParam, limitParam, paginate, resolveCursor } from '../pagination.mts';
import { newAddress, newEmailAddress, newPhone, nowIso, setPermission, todayDate } from '../state.mts';
import type { ContactRecord, NoteRecord, Permission, SmsChannelRecord, StreetAddressRecord } from '../types.mts';
import { checkContactBody } from './contactRules.mts';
import { givenSubresources, parseInclude, renderContact } from './contactView.mts';
import { isObj } from './context.mts';
import type { ApiContext, Obj } from './context.mts';

const SCALARS = ['first_name', 'last_name', 'job_title', 'company_name', 'birthday_month', 'birthday_day', 'anniversary'] as const;
const STATUSES = ['all', 'active', 'deleted', 'not_set', 'pending_confirmation', 'temp_hold', 'unsubscribed'];

export const mailable = (c: ContactRecord): boolean =>
	!c.deleted_at && (c.email_address.permission_to_send === 'explicit' || c.email_address.permission_to_send === 'implicit');

export function bodyObject(ctx: ApiContext): Obj {
	if (!isObj(ctx.body)) throw validationError('#: expected type: JSONObject');
	return ctx.body;
}

function findContact(ctx: ApiContext): ContactRecord {
	const c = ctx.core.state.contacts.get(ctx.params.contact_id!);
	if (!c) throw notFoundError(`Contact ${ctx.params.contact_id} not found`);
	return c;
}

/** Replaces the subresources present in `body` (validated already). */
function applySubresources(c: ContactRecord, body: Obj, at: string): void {
	if (Array.isArray(body.custom_fields)) {
		c.custom_fields = (body.custom_fields as Obj[]).map((f) => {
			const out: ContactRecord['custom_fields'][number] = { custom_field_id: String(f.custom_field_id), value: String(f.value ?? '') };
			if (Array.isArray(f.choice_ids)) out.choice_ids = f.choice_ids.map(String);
			return out;
		});
	}
	if (Array.isArray(body.phone_numbers)) c.phone_numbers = (body.phone_numbers as Obj[]).map((p) => newPhone({ phone_number: String(p.phone_number), kind: p.kind as string | undefined }, at));
	if (Array.isArray(body.street_addresses)) c.street_addresses = (body.street_addresses as Obj[]).map((a) => newAddress(a as unknown as StreetAddressRecord, at));
	if (Array.isArray(body.list_memberships)) c.list_memberships = [...new Set(body.list_memberships as string[])];
	if (Array.isArray(body.taggings)) c.taggings = [...new Set(body.taggings as string[])];
	if (Array.isArray(body.notes)) {
		c.notes = (body.notes as Obj[]).map((n): NoteRecord => ({
			note_id: typeof n.note_id === 'string' ? n.note_id : randomUUID(),
			created_at: typeof n.created_at === 'string' ? n.created_at : at,
			content: String(n.content),
		}));
	}
}

export function createContact(ctx: ApiContext): ApiResult {
	const body = bodyObject(ctx);
	const { state } = ctx.core;
	const errors = checkContactBody(body, state, 'post');
	if (errors.length) throw validationError(errors);
	const email = body.email_address as Obj;
	// Create only: the address blocks a new contact in ANY state, deleted included.
	if (state.findByEmail(String(email.address))) throw conflictError(`Email address ${String(email.address)} is not unique`);
	const at = nowIso();
	const source = String(body.create_source);
	const c: ContactRecord = {
		contact_id: randomUUID(),
		email_address: newEmailAddress(String(email.address), (email.permission_to_send as Permission | undefined) ?? 'implicit', source, at),
		create_source: source,
		created_at: at,
		updated_at: at,
		custom_fields: [],
		phone_numbers: [],
		street_addresses: [],
		list_memberships: [],
		taggings: [],
		notes: [],
	};
	for (const k of SCALARS) if (body[k] !== undefined) (c as unknown as Obj)[k] = body[k];
	applySubresources(c, body, at);
	state.contacts.set(c.contact_id, c);
	return { status: 201, body: renderContact(c, givenSubresources(body)) };
}

export function getContact(ctx: ApiContext): ApiResult {
	const include = parseInclude(ctx.query.include);
	// Deleted contacts are still returned; deleted_at tells them apart.
	return { status: 200, body: renderContact(findContact(ctx), include) };
}

export function updateContact(ctx: ApiContext): ApiResult {
	const body = bodyObject(ctx);
	const { state } = ctx.core;
	const c = findContact(ctx);
	const errors = checkContactBody(body, state, 'put');
	if (errors.length) throw validationError(errors);
	const at = nowIso();
	const source = String(body.update_source);
	const email = body.email_address as Obj;
	const address = String(email.address);
	const owner = state.findByEmail(address);
	if (owner && owner !== c) throw conflictError(`Email address ${address} is not unique`);
	// "To restore a deleted contact you must specify the update_source as Account."
	if (c.deleted_at && source !== 'Account') throw validationError('#/update_source: a deleted contact is restored only with update_source Account');
	const e = c.email_address;
	if (e.address !== address) {
		e.address = address;
		e.updated_at = at;
	}
	applyPermission(e, email.permission_to_send as Permission | undefined, source, at, email.opt_out_reason as string | undefined);
	// Every top-level field the PUT omits becomes null (absent); subresources are kept.
	for (const k of SCALARS) {
		if (body[k] !== undefined) (c as unknown as Obj)[k] = body[k];
		else delete c[k];
	}
	c.update_source = source;
	// sms_channel is a top-level property: omitted, it becomes null like the others.
	c.sms_channel = isObj(body.sms_channel) ? smsChannel(c.sms_channel, body.sms_channel, source) : undefined;
	if (!c.sms_channel) delete c.sms_channel;
	applySubresources(c, body, at);
	delete c.deleted_at; // a PUT revives a deleted contact
	c.updated_at = at;
	return { status: 200, body: renderContact(c, givenSubresources(body)) };
}

/**
 * A PUT's ContactSmsChannel (`full_sms_address` with the dial code, the consents) stored as the
 * resource shows it; the dial code stays the stored one when the number still starts with it.
 */
function smsChannel(stored: SmsChannelRecord | undefined, given: Obj, source: string): SmsChannelRecord {
	const full = String(given.full_sms_address ?? '');
	const dial = stored && full.startsWith(stored.dial_code) ? stored.dial_code : '';
	const consents = Array.isArray(given.sms_channel_consents) ? given.sms_channel_consents.filter(isObj) : [];
	return {
		sms_channel_id: stored?.sms_channel_id ?? randomUUID(),
		sms_address: full.slice(dial.length),
		dial_code: dial,
		...(stored?.country_code ? { country_code: stored.country_code } : {}),
		create_source: stored?.create_source ?? source,
		update_source: source,
		sms_channel_consents: consents.map((consent) => {
			const before = stored?.sms_channel_consents.find((x) => x.consent_type === consent.consent_type);
			return { ...before, sms_consent_permission: String(consent.sms_consent_permission), consent_type: String(consent.consent_type) };
		}),
	};
}

/** An account may not re-subscribe a contact who opted out themselves; the contact itself may. */
function applyPermission(e: ContactRecord['email_address'], wanted: Permission | undefined, source: string, at: string, reason?: string): void {
	if (wanted === undefined || wanted === e.permission_to_send) {
		if (reason !== undefined && e.permission_to_send === 'unsubscribed') e.opt_out_reason = reason;
		return;
	}
	if (e.permission_to_send === 'unsubscribed' && e.opt_out_source === 'Contact' && source !== 'Contact') return;
	setPermission(e, wanted, source, at, reason);
}

export function deleteContact(ctx: ApiContext): ApiResult {
	const c = findContact(ctx);
	if (!c.deleted_at) {
		c.deleted_at = todayDate();
		c.updated_at = nowIso();
	}
	return { status: 204 };
}

function dateParam(q: Record<string, string>, name: string): number | undefined {
	const raw = q[name];
	if (raw === undefined) return undefined;
	const t = Date.parse(raw);
	if (Number.isNaN(t)) throw validationError(`${name} does not have a valid value`);
	return t;
}

export function listContacts(ctx: ApiContext): ApiResult {
	const page = resolveCursor(ctx.query);
	const q = page.params;
	const limit = limitParam(q, 50, 500);
	const include = parseInclude(q.include);
	const includeCount = boolParam(q, 'include_count');
	const statuses = q.status?.split(',').map((s) => s.trim());
	if (statuses?.some((s) => !STATUSES.includes(s))) throw validationError('status does not have a valid value');
	const email = q.email?.trim().toLowerCase();
	const lists = q.lists?.split(',').map((s) => s.trim());
	const tags = q.tags?.split(',').map((s) => s.trim());
	const range = (name: string): [number | undefined, number | undefined] => [dateParam(q, `${name}_after`), dateParam(q, `${name}_before`)];
	const [createdAfter, createdBefore] = range('created');
	const [updatedAfter, updatedBefore] = range('updated');
	const [optoutAfter, optoutBefore] = range('optout');
	const within = (iso: string | undefined, after?: number, before?: number): boolean => {
		if (after === undefined && before === undefined) return true;
		if (iso === undefined) return false;
		const t = Date.parse(iso);
		return (after === undefined || t > after) && (before === undefined || t < before);
	};
	const statusMatches = (c: ContactRecord): boolean => {
		if (!statuses) return !c.deleted_at; // default: everything but deleted
		return statuses.some((s) => {
			if (s === 'all') return true;
			if (s === 'deleted') return Boolean(c.deleted_at);
			if (s === 'active') return mailable(c);
			return !c.deleted_at && c.email_address.permission_to_send === s;
		});
	};
	const matches = [...ctx.core.state.contacts.values()].filter(
		(c) =>
			statusMatches(c) &&
			(email === undefined || c.email_address.address.toLowerCase() === email) &&
			(!lists || lists.some((l) => c.list_memberships.includes(l))) &&
			(!tags || tags.some((t) => c.taggings.includes(t))) &&
			within(c.created_at, createdAfter, createdBefore) &&
			within(c.updated_at, updatedAfter, updatedBefore) &&
			within(c.email_address.opt_out_date, optoutAfter, optoutBefore),
	);
	const { page: items, links } = paginate(matches, page, limit, '/contacts');
	const body: Obj = { contacts: items.map((c) => renderContact(c, include)) };
	if (includeCount) body.contacts_count = matches.length;
	if (links) body._links = links;
	return { status: 200, body };
}
