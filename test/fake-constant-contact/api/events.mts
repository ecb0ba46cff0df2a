// /events: the events of the account, each with tracks (keys such as `s8zabc`) and their registrations.
// GET /events pages with the `next` cursor (PaginationDtoEventListingDto: `next_cursor` and `_links`),
// the registrations likewise (PaginatedRegistrations). Registrations are listed in the order they were
// made, unless `sort_by` asks for another (the contract's list of sort keys has no time).
import { notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import type { EventRecord, RegistrationRecord } from '../types.mts';
import { bodyObject } from './contacts.mts';
import type { ApiContext, Obj } from './context.mts';

const EVENT_STATUSES = ['ACTIVE', 'DRAFT', 'COMPLETE', 'DELETED', 'CANCELLED', 'ERROR'];
const EVENT_SORTS = ['name', 'start_time', 'end_time', 'created_time', 'updated_time'];
/** The statuses a registration may be set to by PUT (the request's example is CANCELED). */
export const SETTABLE_REGISTRATION_STATUSES = ['REGISTERED', 'CANCELED', 'PENDING', 'EXPIRED'];

/** A `next` cursor: the query it belongs to and the position, as Constant Contact's are opaque. */
function resolveNext(query: Record<string, string>): { params: Record<string, string>; offset: number } {
	const cursor = query.next;
	if (query.next !== undefined && query.prev !== undefined) throw validationError('next and prev are mutually exclusive');
	if (cursor === undefined) return { params: query, offset: 0 };
	const saved = new URLSearchParams(Buffer.from(cursor, 'base64url').toString('utf8'));
	const at = Number(saved.get('at'));
	if (!saved.has('at') || !Number.isInteger(at) || at < 0) throw validationError('next does not have a valid value');
	saved.delete('at');
	return { params: Object.fromEntries(saved), offset: at };
}

function page<T>(items: T[], params: Record<string, string>, offset: number, limit: number, apiPath: string): { items: T[]; extra: Obj } {
	const slice = items.slice(offset, offset + limit);
	const extra: Obj = { total_records: items.length };
	if (offset + limit < items.length) {
		const saved = new URLSearchParams(params);
		saved.delete('next');
		saved.set('at', String(offset + limit));
		const cursor = Buffer.from(saved.toString(), 'utf8').toString('base64url');
		extra.next_cursor = cursor;
		extra._links = { next: { href: `/v3${apiPath}?next=${cursor}` } };
	}
	return { items: slice, extra };
}

function pageSize(params: Record<string, string>, def: number, max: number): number {
	const { limit, page_size: size } = params;
	if (limit !== undefined && size !== undefined && limit !== size) throw validationError('limit and page_size must be the same value');
	const raw = limit ?? size;
	if (raw === undefined) return def;
	const n = Number(raw);
	if (!/^\d+$/.test(raw) || n < 1 || n > max) throw validationError(`limit does not have a valid value; it must be between 1 and ${max}`);
	return n;
}

const listing = (e: EventRecord, registrations: RegistrationRecord[]): Obj => {
	const own = registrations.filter((r) => r.event_id === e.event_id && r.registration_status === 'REGISTERED');
	return {
		event_id: e.event_id,
		title: e.title,
		description: e.description,
		start_time: e.start_time,
		end_time: e.end_time,
		status: e.status,
		registration_url: e.registration_url,
		name: e.name,
		event_type: e.event_type,
		location_type: e.location_type,
		time_zone_type: 'EST',
		event_registration_summary_metrics: {
			registration_count: own.length,
			ticket_sold: own.reduce((n, r) => n + r.tickets, 0),
			item_sold: 0,
		},
		create_time: e.create_time,
	};
};

export function listEvents(ctx: ApiContext): ApiResult {
	const { params, offset } = resolveNext(ctx.query);
	const limit = pageSize({ ...(params.limit !== undefined ? { limit: params.limit } : {}) }, 100, 100);
	const status = params.event_status;
	if (status !== undefined && !EVENT_STATUSES.includes(status)) throw validationError(`event_status does not have a valid value; use one of ${EVENT_STATUSES.join(', ')}`);
	const sortBy = params.sort_by;
	if (sortBy !== undefined && !EVENT_SORTS.includes(sortBy)) throw validationError('sort_by does not have a valid value');
	const order = params.sort_order ?? 'ASC';
	if (order !== 'ASC' && order !== 'DESC') throw validationError('sort_order does not have a valid value');
	const text = params.search_text?.toLowerCase();
	// Deleted events are listed only when asked for by status.
	let events = [...ctx.core.state.events.values()].filter((e) => (status === undefined ? e.status !== 'DELETED' : e.status === status));
	if (text) events = events.filter((e) => `${e.name} ${e.title} ${e.description}`.toLowerCase().includes(text));
	if (sortBy !== undefined) {
		const key = (e: EventRecord) => (sortBy === 'name' ? e.name : sortBy === 'start_time' ? e.start_time : sortBy === 'end_time' ? e.end_time : e.create_time);
		events.sort((a, b) => key(a).localeCompare(key(b)) * (order === 'DESC' ? -1 : 1));
	}
	const { items, extra } = page(events, params, offset, limit, '/events');
	return { status: 200, body: { records: items.map((e) => listing(e, ctx.core.state.registrations)), ...extra } };
}

function findEvent(ctx: ApiContext): EventRecord {
	const e = ctx.core.state.events.get(ctx.params.event_id!);
	if (!e || e.status === 'DELETED') throw notFoundError(`Event ${ctx.params.event_id} not found`);
	return e;
}

function findTrack(ctx: ApiContext): EventRecord {
	const e = findEvent(ctx);
	if (!e.tracks.includes(ctx.params.track_id!)) throw notFoundError(`Track ${ctx.params.track_id} not found in event ${e.event_id}`);
	return e;
}

export function getEvent(ctx: ApiContext): ApiResult {
	const e = findEvent(ctx);
	const include = ctx.query.include;
	if (include !== undefined && include !== 'true' && include !== 'false') throw validationError('include does not have a valid value');
	return {
		status: 200,
		body: {
			event_id: e.event_id,
			campaign_id: e.event_id,
			name: e.name,
			title: e.title,
			description: e.description,
			event_start: e.start_time,
			event_end: e.end_time,
			event_type: e.event_type,
			location_type: e.location_type,
			time_zone: e.time_zone,
			status: e.status,
			create_time: e.create_time,
			registration_url: e.registration_url,
			default_track: { campaign_activity_id: e.campaign_activity_id, track_id: e.tracks[0], registration_type: 'TICKET' },
		},
	};
}

const REG_SORTS: Record<string, (r: RegistrationRecord) => string | number> = {
	first_name: (r) => r.first_name,
	last_name: (r) => r.last_name,
	email_address: (r) => r.email_address,
	registration_status: (r) => r.registration_status,
	payment_status: (r) => r.payment_status ?? '',
	tickets: (r) => r.tickets,
	total: (r) => r.total,
};

const lite = (r: RegistrationRecord): Obj => ({
	checkedIn_tickets: 0,
	checkin_status: 'NOT_CHECKED_IN',
	eligible_checkin_tickets: r.registration_status === 'REGISTERED' ? r.tickets : 0,
	email_address: r.email_address,
	first_name: r.first_name,
	last_name: r.last_name,
	new_contact: r.new_contact,
	...(r.payment_status !== undefined ? { payment_status: r.payment_status } : {}),
	registration_id: r.registration_id,
	registration_status: r.registration_status,
	registration_time: r.registration_time,
	tickets: r.tickets,
	total: r.total,
	track_key: r.track_key,
});

export function listRegistrations(ctx: ApiContext): ApiResult {
	const e = findTrack(ctx);
	const { params, offset } = resolveNext(ctx.query);
	const limit = pageSize(params, 50, 500);
	let regs = ctx.core.state.registrations.filter((r) => r.event_id === e.event_id && r.track_key === ctx.params.track_id);
	if (params.registration_status !== undefined) regs = regs.filter((r) => r.registration_status === params.registration_status);
	if (params.payment_status !== undefined) regs = regs.filter((r) => r.payment_status === params.payment_status);
	const text = params.search_text?.toLowerCase();
	if (text) regs = regs.filter((r) => `${r.first_name} ${r.last_name} ${r.email_address}`.toLowerCase().includes(text));
	const key = params.sort_by === undefined ? undefined : REG_SORTS[params.sort_by];
	if (key) {
		const sign = params.sort_order === 'DESC' ? -1 : 1;
		regs = [...regs].sort((a, b) => {
			const x = key(a);
			const y = key(b);
			return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sign;
		});
	}
	const path = `/events/${encodeURIComponent(e.event_id)}/tracks/${encodeURIComponent(ctx.params.track_id!)}/registrations`;
	const { items, extra } = page(regs, params, offset, limit, path);
	return { status: 200, body: { records: items.map(lite), ...extra } };
}

export function getRegistration(ctx: ApiContext): ApiResult {
	const e = findTrack(ctx);
	const r = ctx.core.state.registrations.find((x) => x.event_id === e.event_id && x.track_key === ctx.params.track_id && x.registration_id === ctx.params.registration_id);
	if (!r) throw notFoundError(`Registration ${ctx.params.registration_id} not found`);
	const free = r.payment_status === undefined;
	return {
		status: 200,
		body: {
			registration_id: r.registration_id,
			contact_id: r.contact_id,
			checkedIn_tickets: 0,
			checkin_status: 'NOT_CHECKED_IN',
			eligible_checkin_tickets: r.registration_status === 'REGISTERED' ? r.tickets : 0,
			registration_date: r.registration_time,
			registration_status: r.registration_status,
			display_physical_tickets: false,
			contact: r.fields.map((f) => ({ ...f, label_key: `registration.field.label.${f.field_name.toLowerCase()}` })),
			tickets: Array.from({ length: r.tickets }, (_, i) => ({
				editable: false,
				order_ticket_key: `${r.registration_id.slice(0, 4)}${i}`,
				price: r.tickets ? r.total / r.tickets : 0,
				ticket_name: 'General Admission',
				fields: [],
			})),
			order_summary: {
				details: [],
				number: r.registration_id.slice(0, 10),
				...(free ? {} : { payment_method: 'STRIPE', payment_status: r.payment_status }),
				title: e.title,
			},
		},
	};
}

/** PUT: every ID of the track is set; IDs that are not its registrations come back as failed (207). */
export function updateRegistrationStatus(ctx: ApiContext): ApiResult {
	const e = findTrack(ctx);
	const body = bodyObject(ctx);
	const ids = body.registration_ids;
	const status = body.registration_status;
	if (!Array.isArray(ids) || ids.length === 0) throw validationError('registration_ids must not be empty');
	if (typeof status !== 'string' || !SETTABLE_REGISTRATION_STATUSES.includes(status)) {
		throw validationError(`registration_status does not have a valid value; use one of ${SETTABLE_REGISTRATION_STATUSES.join(', ')}`);
	}
	const failed: string[] = [];
	for (const id of ids as string[]) {
		const r = ctx.core.state.registrations.find((x) => x.event_id === e.event_id && x.track_key === ctx.params.track_id && x.registration_id === id);
		if (r) r.registration_status = status;
		else failed.push(id);
	}
	if (failed.length) return { status: 207, body: { failed_registration_ids: failed } };
	return { status: 200 };
}
