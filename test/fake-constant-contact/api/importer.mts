// Applies the rows of a completed contacts_json_import: new contacts get implicit permission and the
// lists; existing ones keep their permission; unsubscribed ones are NOT added to the lists.
import { randomUUID } from 'node:crypto';
import type { FakeState } from '../state.mts';
import { newAddress, newEmailAddress, newPhone, nowIso } from '../state.mts';
import type { ActivityRecord, ContactRecord } from '../types.mts';
import { isEmail } from './contactRules.mts';

const SCALARS = ['first_name', 'last_name', 'job_title', 'company_name', 'anniversary'] as const;
const PHONES: Record<string, string> = { phone: 'other', home_phone: 'home', work_phone: 'work', mobile_phone: 'mobile', other_phone: 'other' };
const ADDRESS_PREFIXES: Record<string, string> = { '': 'other', home_: 'home', work_: 'work', other_: 'other' };

export function applyImport(state: FakeState, act: ActivityRecord): void {
	const byEmail = new Map<string, ContactRecord>();
	for (const c of state.contacts.values()) if (c.email_address) byEmail.set(c.email_address.address.toLowerCase(), c);
	const s = act.status;
	act.import_data.forEach((row, i) => {
		const error = applyRow(state, byEmail, row, act.list_ids, s);
		s.items_completed_count++;
		if (error) {
			s.error_count++;
			act.activity_errors.push(`Row ${i + 1}: ${error}`);
		} else s.person_count++;
	});
}

function applyRow(
	state: FakeState,
	byEmail: Map<string, ContactRecord>,
	row: Record<string, unknown>,
	listIds: string[],
	status: ActivityRecord['status'],
): string | undefined {
	const email = typeof row.email === 'string' ? row.email.trim() : '';
	if (!email) return 'email is required (sms_number-only rows are not supported by the fake)';
	if (email.length > 50 || !isEmail(email)) return `${email} is not a valid email address`;
	const customFields: Array<{ custom_field_id: string; value: string }> = [];
	for (const [k, v] of Object.entries(row)) {
		if (!k.startsWith('cf:')) continue;
		const def = state.customFieldByName(k.slice(3));
		if (!def) return `custom field "${k.slice(3)}" does not exist`;
		customFields.push({ custom_field_id: def.custom_field_id, value: String(v) });
	}
	if (customFields.length > 25) return 'more than 25 custom fields';
	const at = nowIso();
	let c = byEmail.get(email.toLowerCase());
	if (!c) {
		c = {
			contact_id: randomUUID(),
			email_address: newEmailAddress(email, 'implicit', 'Account', at),
			create_source: 'Account',
			created_at: at,
			updated_at: at,
			custom_fields: [],
			phone_numbers: [],
			street_addresses: [],
			list_memberships: [],
			taggings: [],
			notes: [],
		};
		state.contacts.set(c.contact_id, c);
		byEmail.set(email.toLowerCase(), c);
	} else {
		c.update_source = 'Account';
		delete c.deleted_at; // an import revives a deleted contact; its permission stays as it was
	}
	for (const k of SCALARS) if (typeof row[k] === 'string') c[k] = row[k] as string;
	if (Number.isInteger(row.birthday_month) && Number.isInteger(row.birthday_day)) {
		c.birthday_month = row.birthday_month as number;
		c.birthday_day = row.birthday_day as number;
	}
	for (const f of customFields) {
		const existing = c.custom_fields.find((x) => x.custom_field_id === f.custom_field_id);
		if (existing) existing.value = f.value;
		else c.custom_fields.push(f);
	}
	for (const [key, kind] of Object.entries(PHONES)) {
		if (typeof row[key] !== 'string') continue;
		const same = c.phone_numbers.find((p) => p.kind === kind);
		if (same) same.phone_number = row[key] as string;
		else if (c.phone_numbers.length < 3) c.phone_numbers.push(newPhone({ phone_number: row[key] as string, kind }, at));
	}
	for (const [prefix, kind] of Object.entries(ADDRESS_PREFIXES)) {
		const get = (k: string): string | undefined => (typeof row[prefix + k] === 'string' ? (row[prefix + k] as string) : undefined);
		const street = [get('street'), get('street2')].filter(Boolean).join(', ') || undefined;
		const parts = { street, city: get('city'), state: get('state'), postal_code: get('zip'), country: get('country') ?? (prefix === 'home_' ? (row['home country'] as string | undefined) : undefined) };
		if (Object.values(parts).every((v) => v === undefined)) continue;
		const next = newAddress({ kind, ...parts }, at);
		const i = c.street_addresses.findIndex((a) => a.kind === kind);
		if (i >= 0) c.street_addresses[i] = next;
		else if (c.street_addresses.length < 3) c.street_addresses.push(next);
	}
	if (c.email_address.permission_to_send === 'unsubscribed') status.cannot_add_to_list_count++;
	else for (const id of listIds) if (!c.list_memberships.includes(id)) c.list_memberships.push(id);
	c.updated_at = at;
	return undefined;
}
