// In-memory account: contacts, lists, tags, custom fields, activities, plus seeding helpers that
// build records exactly as the API would have stored them.
import { randomUUID } from 'node:crypto';
import type {
	AccountEmailRecord,
	ActivityRecord,
	CampaignActivityRecord,
	CampaignRecord,
	ContactRecord,
	CustomFieldRecord,
	CustomFieldType,
	EmailAddressRecord,
	EventRecord,
	FakeStateMaps,
	ListRecord,
	Permission,
	PhoneNumberRecord,
	RegistrationRecord,
	SeedContactInput,
	SegmentRecord,
	Seeder,
	SendHistoryRecord,
	StreetAddressRecord,
	TagRecord,
	TestSendRecord,
	TrackingRecord,
} from './types.mts';

export const nowIso = (): string => new Date().toISOString();
export const todayDate = (): string => new Date().toISOString().slice(0, 10);

export class FakeState implements FakeStateMaps {
	contacts = new Map<string, ContactRecord>();
	lists = new Map<string, ListRecord>();
	tags = new Map<string, TagRecord>();
	customFields = new Map<string, CustomFieldRecord>();
	activities = new Map<string, ActivityRecord>();
	accountEmails: AccountEmailRecord[] = [ownerEmail()];
	campaigns = new Map<string, CampaignRecord>();
	campaignActivities = new Map<string, CampaignActivityRecord>();
	sendHistory = new Map<string, SendHistoryRecord[]>();
	tracking: TrackingRecord[] = [];
	segments = new Map<number, SegmentRecord>();
	testSends: TestSendRecord[] = [];
	events = new Map<string, EventRecord>();
	registrations: RegistrationRecord[] = [];
	/** Segment ids are integers handed out in order. */
	nextSegmentId = 1;

	clear(): void {
		this.contacts.clear();
		this.lists.clear();
		this.tags.clear();
		this.customFields.clear();
		this.activities.clear();
		this.accountEmails = [ownerEmail()];
		this.campaigns.clear();
		this.campaignActivities.clear();
		this.sendHistory.clear();
		this.tracking = [];
		this.segments.clear();
		this.testSends = [];
		this.events.clear();
		this.registrations = [];
		this.nextSegmentId = 1;
	}

	/** A confirmed account email address (the only kind a campaign may be sent from or replied to). */
	confirmedEmail(address: string): AccountEmailRecord | undefined {
		const key = address.trim().toLowerCase();
		return this.accountEmails.find((e) => e.confirm_status === 'CONFIRMED' && e.email_address.toLowerCase() === key);
	}

	/** Email addresses are unique per account in any state (deleted included), case-insensitively. */
	findByEmail(address: string): ContactRecord | undefined {
		const key = address.trim().toLowerCase();
		for (const c of this.contacts.values()) if (c.email_address.address.toLowerCase() === key) return c;
		return undefined;
	}

	customFieldByName(name: string): CustomFieldRecord | undefined {
		for (const f of this.customFields.values()) if (f.name === name) return f;
		return undefined;
	}
}

/** Every account has its owner's address, confirmed when the account was opened. */
export const OWNER_EMAIL = 'owner@example.com';

function ownerEmail(): AccountEmailRecord {
	return {
		email_address: OWNER_EMAIL,
		email_id: 1,
		confirm_status: 'CONFIRMED',
		confirm_time: '2024-01-02T15:04:05.000Z',
		confirm_source_type: 'SITE_OWNER',
		roles: ['CONTACT', 'BILLING', 'REPLY_TO'],
		pending_roles: [],
	};
}

export function newEmailAddress(address: string, permission: Permission, source: string, at: string): EmailAddressRecord {
	const e: EmailAddressRecord = { address, permission_to_send: permission, created_at: at, updated_at: at, confirm_status: 'off' };
	setPermission(e, permission, source, at);
	return e;
}

/** Applies a permission change with the opt-in/opt-out bookkeeping Constant Contact keeps. */
export function setPermission(e: EmailAddressRecord, permission: Permission, source: string, at: string, reason?: string): void {
	e.permission_to_send = permission;
	e.updated_at = at;
	if (permission === 'unsubscribed') {
		e.opt_out_source = source;
		e.opt_out_date = at;
		if (reason !== undefined) e.opt_out_reason = reason;
		return;
	}
	delete e.opt_out_source;
	delete e.opt_out_date;
	delete e.opt_out_reason;
	if (permission === 'explicit' || permission === 'implicit') {
		e.opt_in_source = source;
		e.opt_in_date = at;
	}
}

export function newPhone(p: { phone_number: string; kind?: string }, at: string): PhoneNumberRecord {
	return { phone_number_id: randomUUID(), phone_number: p.phone_number, kind: p.kind ?? 'other', created_at: at, updated_at: at };
}

export function newAddress(p: Omit<StreetAddressRecord, 'street_address_id' | 'created_at' | 'updated_at'>, at: string): StreetAddressRecord {
	const a: StreetAddressRecord = { street_address_id: randomUUID(), kind: p.kind, created_at: at, updated_at: at };
	for (const k of ['street', 'city', 'state', 'postal_code', 'country'] as const) if (p[k] !== undefined) a[k] = p[k];
	return a;
}

/** Custom field names are derived from the label (lower case, underscores), unique per account. */
function deriveName(state: FakeState, label: string): string {
	const base = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 45) || 'custom_field';
	let name = base;
	for (let i = 2; state.customFieldByName(name); i++) name = `${base}_${i}`;
	return name;
}

/** The contract's own example criteria (swagger SegmentData): contacts who opened none of the last 5 campaigns. */
export const DEFAULT_SEGMENT_CRITERIA =
	'{"version":"1.0.0","criteria":{"type":"and","group":[{"source":"tracking","field":"not_opened","op":"contains-any","const_value":"last-n-campaigns","param":"5"}]}}';

export function createSeeder(state: FakeState): Seeder {
	return {
		list(p) {
			for (const l of state.lists.values()) if (l.name === p.name) throw new Error(`seed.list: a list named "${p.name}" already exists`);
			const at = nowIso();
			const rec: ListRecord = { list_id: randomUUID(), name: p.name, favorite: p.favorite ?? false, created_at: at, updated_at: at };
			if (p.description !== undefined) rec.description = p.description;
			state.lists.set(rec.list_id, rec);
			return rec;
		},
		accountEmail(p) {
			if (state.accountEmails.some((e) => e.email_address.toLowerCase() === p.email_address.toLowerCase())) {
				throw new Error(`seed.accountEmail: ${p.email_address} already exists`);
			}
			const confirmed = p.confirmed ?? true;
			const rec: AccountEmailRecord = {
				email_address: p.email_address,
				email_id: Math.max(0, ...state.accountEmails.map((e) => e.email_id)) + 1,
				confirm_status: confirmed ? 'CONFIRMED' : 'UNCONFIRMED',
				...(confirmed ? { confirm_time: nowIso(), confirm_source_type: 'SITE_OWNER' } : {}),
				roles: p.roles ?? ['OTHER'],
				pending_roles: [],
			};
			state.accountEmails.push(rec);
			return rec;
		},
		segment(p) {
			const at = nowIso();
			const rec: SegmentRecord = {
				segment_id: state.nextSegmentId++,
				name: p.name,
				segment_criteria: p.segment_criteria ?? DEFAULT_SEGMENT_CRITERIA,
				created_at: at,
				edited_at: at,
				deleted: p.deleted ?? false,
			};
			state.segments.set(rec.segment_id, rec);
			return rec;
		},
		tag(p) {
			const at = nowIso();
			const rec: TagRecord = { tag_id: randomUUID(), name: p.name, tag_source: 'Contact', created_at: at, updated_at: at };
			state.tags.set(rec.tag_id, rec);
			return rec;
		},
		customField(p) {
			if (p.name !== undefined && state.customFieldByName(p.name)) throw new Error(`seed.customField: name "${p.name}" already exists`);
			const at = nowIso();
			const type: CustomFieldType = p.type ?? 'string';
			const rec: CustomFieldRecord = {
				custom_field_id: randomUUID(),
				label: p.label,
				name: p.name ?? deriveName(state, p.label),
				type,
				created_at: at,
				updated_at: at,
			};
			if (p.choices) rec.choices = p.choices.map((label, i) => ({ choice_id: i + 1, choice_label: label, display_order: i + 1 }));
			state.customFields.set(rec.custom_field_id, rec);
			return rec;
		},
		event(p) {
			for (const e of state.events.values()) if (e.name === p.name) throw new Error(`seed.event: an event named "${p.name}" already exists`);
			const at = p.created_at ?? nowIso();
			const start = p.start_time ?? new Date(Date.now() + 30 * 24 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
			const key = () => randomUUID().replace(/-/g, '').slice(0, 6);
			const rec: EventRecord = {
				event_id: randomUUID(),
				name: p.name,
				title: p.name,
				description: `${p.name}: join us`,
				status: p.status ?? 'ACTIVE',
				event_type: 'CONFERENCE',
				location_type: 'PHYSICAL',
				time_zone: 'US/Eastern',
				start_time: start,
				end_time: new Date(Date.parse(start) + 2 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
				create_time: at,
				tracks: Array.from({ length: Math.max(1, p.tracks ?? 1) }, key),
				campaign_activity_id: randomUUID(),
				registration_url: '',
			};
			rec.registration_url = `https://lp.constantcontactpages.com/ev/reg/${rec.tracks[0]}`;
			state.events.set(rec.event_id, rec);
			return rec;
		},
		registration(p) {
			const event = state.events.get(p.event_id);
			if (!event) throw new Error(`seed.registration: unknown event ${p.event_id}`);
			const track = p.track_key ?? event.tracks[0]!;
			if (!event.tracks.includes(track)) throw new Error(`seed.registration: event ${p.event_id} has no track ${track}`);
			// Registering adds (or finds) the contact, as Constant Contact does.
			const known = state.findByEmail(p.email_address);
			const contact = known ?? this.contact({ email_address: { address: p.email_address }, first_name: p.first_name, last_name: p.last_name, create_source: 'Contact' });
			const first = p.first_name ?? contact.first_name ?? '';
			const last = p.last_name ?? contact.last_name ?? '';
			const base = [
				{ field_name: 'CONTACT_FIRST_NAME', field_label: 'First Name', field_type: 'TEXT', field_value: first },
				{ field_name: 'CONTACT_LAST_NAME', field_label: 'Last Name', field_type: 'TEXT', field_value: last },
				{ field_name: 'CONTACT_EMAIL_ADDRESS', field_label: 'Email Address', field_type: 'TEXT', field_value: p.email_address },
			];
			const answers = Object.entries(p.answers ?? {}).map(([label, value]) => ({
				field_name: `CUSTOM_${label.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`,
				field_label: label,
				field_type: 'TEXT_AREA',
				field_value: value,
			}));
			const rec: RegistrationRecord = {
				registration_id: randomUUID(),
				event_id: event.event_id,
				track_key: track,
				contact_id: contact.contact_id,
				first_name: first,
				last_name: last,
				email_address: p.email_address,
				new_contact: !known,
				registration_status: p.registration_status ?? 'REGISTERED',
				...(p.payment_status !== undefined ? { payment_status: p.payment_status } : {}),
				registration_time: p.registration_time ?? nowIso(),
				tickets: p.tickets ?? 1,
				total: p.total ?? 0,
				fields: [...base, ...answers].map((f, i) => ({ ...f, display_order: i + 1 })),
			};
			state.registrations.push(rec);
			return rec;
		},
		contact(p: SeedContactInput) {
			if (state.findByEmail(p.email_address.address)) throw new Error(`seed.contact: ${p.email_address.address} already exists`);
			for (const id of p.list_memberships ?? []) if (!state.lists.has(id)) throw new Error(`seed.contact: unknown list ${id}`);
			for (const id of p.taggings ?? []) if (!state.tags.has(id)) throw new Error(`seed.contact: unknown tag ${id}`);
			for (const f of p.custom_fields ?? []) if (!state.customFields.has(f.custom_field_id)) throw new Error(`seed.contact: unknown custom field ${f.custom_field_id}`);
			const at = p.created_at ?? nowIso();
			const source = p.create_source ?? 'Account';
			const permission = p.email_address.permission_to_send ?? 'implicit';
			// An unsubscribed contact most often opted out itself.
			const email = newEmailAddress(p.email_address.address, permission, permission === 'unsubscribed' ? (p.email_address.opt_out_source ?? 'Contact') : source, at);
			if (p.email_address.opt_out_reason !== undefined && permission === 'unsubscribed') email.opt_out_reason = p.email_address.opt_out_reason;
			const rec: ContactRecord = {
				contact_id: randomUUID(),
				email_address: email,
				create_source: source,
				created_at: at,
				updated_at: p.updated_at ?? at,
				custom_fields: (p.custom_fields ?? []).map((f) => ({ ...f })),
				phone_numbers: (p.phone_numbers ?? []).map((ph) => newPhone(ph, at)),
				street_addresses: (p.street_addresses ?? []).map((a) => newAddress(a, at)),
				list_memberships: [...(p.list_memberships ?? [])],
				taggings: [...(p.taggings ?? [])],
				notes: (p.notes ?? []).map((n) => ({ note_id: randomUUID(), created_at: at, content: n.content })),
			};
			for (const k of ['first_name', 'last_name', 'job_title', 'company_name', 'birthday_month', 'birthday_day', 'anniversary'] as const) {
				if (p[k] !== undefined) (rec as unknown as Record<string, unknown>)[k] = p[k];
			}
			if (p.sms_channel) {
				const { sms_consent_permission, ...number } = p.sms_channel;
				rec.sms_channel = {
					sms_channel_id: randomUUID(),
					...number,
					create_source: source,
					update_source: source,
					sms_channel_consents: [{ sms_consent_permission, consent_type: 'promotional_sms', ...(sms_consent_permission === 'explicit' ? { opt_in_date: at } : {}) }],
				};
			}
			if (p.deleted) rec.deleted_at = todayDate();
			state.contacts.set(rec.contact_id, rec);
			return rec;
		},
	};
}
