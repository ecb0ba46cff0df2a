// The contact export: POST /activities/contact_exports starts an activity (its life in activityQueue.mts)
// that writes a CSV file of the stored contacts, filtered as asked, when it completes; GET
// /contact_exports/{file_export_id} (the activity's ID, as the contract says) returns that file.
// The CSV's columns are the contract's and the developer guide's export field names; which header
// spellings the real file uses is unconfirmed, and the node reads either (its header aliases).
import { notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import type { ActivityRecord, ContactRecord } from '../types.mts';
import { bodyObject } from './contacts.mts';
import { isObj } from './context.mts';
import type { ApiContext, Obj } from './context.mts';
import { activityAccepted, queueFull, startActivity } from './activityQueue.mts';

/** The export's columns, in file order. `contact_id` is always the first column. */
export const EXPORT_FIELDS = [
	'email_address',
	'first_name',
	'last_name',
	'job_title',
	'company_name',
	'phone_number',
	'street',
	'city',
	'state',
	'zip',
	'country',
	'birthday_month',
	'birthday_day',
	'anniversary',
	'email_lists',
	'tag',
	'email_permission',
	'email_optin_source',
	'email_optin_date',
	'email_optout_source',
	'email_optout_date',
	'email_optout_reason',
	'created_at',
	'updated_at',
] as const;
type ExportField = (typeof EXPORT_FIELDS)[number];
const EMAIL_DETAILS = new Set<string>(['email_optin_source', 'email_optin_date', 'email_optout_source', 'email_optout_date', 'email_optout_reason']);
const STATUSES = ['active', 'unsubscribed', 'removed'];

/** Which filters each filter may be combined with (the contract's "mutually exclusive ... except"). */
const COMBINES: Record<string, string[]> = {
	contact_ids: ['status'],
	list_ids: ['status', 'exclude', 'new_subscriber'],
	tag_ids: [],
	segment_id: [],
	new_subscriber: ['list_ids', 'exclude'],
	status: ['contact_ids', 'list_ids'],
	exclude: ['list_ids', 'new_subscriber'],
};

interface ExportRequest {
	contactIds?: Set<string>;
	listIds?: string[];
	tagIds?: string[];
	newSubscriber: boolean;
	status?: string;
	exclude: Set<string>;
	fields: ExportField[];
}

function ids(body: Obj, key: string, max: number, errors: string[]): string[] | undefined {
	const value = body[key];
	if (value === undefined) return undefined;
	if (!Array.isArray(value) || value.length === 0) errors.push(`#/${key}: expected between 1 and ${max} items`);
	else if (value.length > max) errors.push(`#/${key}: expected maximum item count: ${max}, found: ${value.length}`);
	else return value.map(String);
	return undefined;
}

function parse(ctx: ApiContext): ExportRequest {
	const body = bodyObject(ctx);
	const errors: string[] = [];
	const filters = Object.keys(COMBINES).filter((k) => body[k] !== undefined && !(k === 'new_subscriber' && body[k] === false));
	for (const f of filters) {
		for (const other of filters) if (other !== f && !COMBINES[f]!.includes(other)) errors.push(`#: ${f} cannot be combined with ${other}`);
	}
	const contactIds = ids(body, 'contact_ids', 500, errors);
	const listIds = ids(body, 'list_ids', 50, errors);
	const tagIds = ids(body, 'tag_ids', 50, errors);
	if (body.segment_id !== undefined) errors.push('#/segment_id: segments are not modelled by the fake');
	const status = body.status as string | undefined;
	if (status !== undefined && !STATUSES.includes(status)) errors.push(`#/status: ${status} is not one of ${STATUSES.join(', ')}`);
	const exclude = isObj(body.exclude) && Array.isArray(body.exclude.contact_ids) ? body.exclude.contact_ids.map(String) : [];
	if (exclude.length > 50) errors.push(`#/exclude/contact_ids: expected maximum item count: 50, found: ${exclude.length}`);
	let fields: ExportField[] = [...EXPORT_FIELDS];
	if (body.fields !== undefined) {
		const asked = (body.fields as unknown[]).map(String);
		const unknown = asked.filter((f) => !(EXPORT_FIELDS as readonly string[]).includes(f));
		if (unknown.length) errors.push(`#/fields: unknown field(s) ${unknown.join(', ')}`);
		if (asked.length === 0) errors.push('#/fields: at least one field must be exported');
		if (asked.some((f) => EMAIL_DETAILS.has(f)) && !asked.includes('email_address')) {
			errors.push('#/fields: email_address must be exported to export email_optin_* and email_optout_* fields');
		}
		fields = EXPORT_FIELDS.filter((f) => asked.includes(f));
	}
	const state = ctx.core.state;
	for (const id of listIds ?? []) if (!state.lists.has(id)) errors.push(`#/list_ids: list ${id} does not exist`);
	if (errors.length) throw validationError(errors);
	const missingTag = (tagIds ?? []).find((id) => !state.tags.has(id));
	if (missingTag) throw notFoundError(`Tag ${missingTag} not found`);
	return {
		contactIds: contactIds ? new Set(contactIds) : undefined,
		listIds,
		tagIds,
		newSubscriber: body.new_subscriber === true,
		status,
		exclude: new Set(exclude),
		fields,
	};
}

const DAY_MS = 86_400_000;

function selected(c: ContactRecord, r: ExportRequest, now: number): boolean {
	if (r.exclude.has(c.contact_id)) return false;
	if (r.contactIds && !r.contactIds.has(c.contact_id)) return false;
	if (r.listIds && !c.list_memberships.some((l) => r.listIds!.includes(l))) return false;
	if (r.tagIds && !c.taggings.some((t) => r.tagIds!.includes(t))) return false;
	if (r.newSubscriber) {
		const optIn = Date.parse(c.email_address.opt_in_date ?? c.created_at);
		if (!(now - optIn <= 30 * DAY_MS) || c.email_address.permission_to_send === 'unsubscribed') return false;
	}
	const unsubscribed = c.email_address.permission_to_send === 'unsubscribed';
	switch (r.status) {
		case 'removed':
			return !!c.deleted_at;
		case 'unsubscribed':
			return !c.deleted_at && unsubscribed;
		case 'active':
			return !c.deleted_at && !unsubscribed;
		default:
			// Deleted contacts are in no export unless asked for (status "removed"), as in GET /contacts.
			return !c.deleted_at;
	}
}

function cell(value: unknown): string {
	const text = value === undefined || value === null ? '' : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function column(c: ContactRecord, field: ExportField): unknown {
	const e = c.email_address;
	const address = c.street_addresses[0];
	switch (field) {
		case 'email_address':
			return e.address;
		case 'phone_number':
			return c.phone_numbers[0]?.phone_number;
		case 'street':
			return address?.street;
		case 'city':
			return address?.city;
		case 'state':
			return address?.state;
		case 'zip':
			return address?.postal_code;
		case 'country':
			return address?.country;
		case 'email_lists':
			return c.list_memberships.join(',');
		case 'tag':
			return c.taggings.join(',');
		case 'email_permission':
			return e.permission_to_send;
		case 'email_optin_source':
			return e.opt_in_source;
		case 'email_optin_date':
			return e.opt_in_date;
		case 'email_optout_source':
			return e.opt_out_source;
		case 'email_optout_date':
			return e.opt_out_date;
		case 'email_optout_reason':
			return e.opt_out_reason;
		default:
			return c[field];
	}
}

/** The CSV file: a header row, then one row per contact, CRLF line ends (RFC 4180). */
export function exportCsv(contacts: Iterable<ContactRecord>, r: ExportRequest, now = Date.now()): { csv: string; count: number } {
	const columns: Array<'contact_id' | ExportField> = ['contact_id', ...r.fields];
	const lines = [columns.join(',')];
	for (const c of contacts) {
		if (!selected(c, r, now)) continue;
		lines.push(columns.map((f) => cell(f === 'contact_id' ? c.contact_id : column(c, f))).join(','));
	}
	return { csv: `${lines.join('\r\n')}\r\n`, count: lines.length - 1 };
}

function links(act: ActivityRecord): Obj {
	return {
		self: { href: `/v3/activities/${act.activity_id}` },
		...(act.state === 'completed' && act.export_csv !== undefined ? { results: { href: `/v3/contact_exports/${act.activity_id}` } } : {}),
	};
}

/** GET /activities/{id} adds this to an export's answer: the link to its file once it is written. */
export function activityLinks(act: ActivityRecord): Obj | undefined {
	return act.kind === 'export' ? links(act) : undefined;
}

export function createExport(ctx: ApiContext): ApiResult {
	const request = parse(ctx);
	const { state } = ctx.core;
	const full = queueFull(state);
	if (full) return full;
	const total = [...state.contacts.values()].filter((c) => selected(c, request, Date.now())).length;
	const act = startActivity(ctx.core, { itemsTotal: total, listIds: [], importData: [] }, (done) => {
		const { csv, count } = exportCsv(state.contacts.values(), request);
		done.export_csv = csv;
		done.status.items_total_count = count;
		done.status.items_completed_count = count;
	});
	act.kind = 'export';
	return activityAccepted(act, { items_total_count: total, items_completed_count: 0 });
}

export function getExport(ctx: ApiContext): ApiResult {
	const act = ctx.core.state.activities.get(ctx.params.file_export_id!);
	if (!act || act.kind !== 'export' || act.export_csv === undefined) throw notFoundError(`Export file ${ctx.params.file_export_id} not found`);
	return { status: 200, body: act.export_csv, contentType: 'text/csv' };
}
