// Renders a stored contact as ContactResource: subresources appear only when included.
import { validationError } from '../errors.mts';
import type { ContactRecord } from '../types.mts';

export const SUBRESOURCES = ['custom_fields', 'list_memberships', 'phone_numbers', 'street_addresses', 'taggings', 'notes'] as const;
export type Subresource = (typeof SUBRESOURCES)[number];

const TOP_LEVEL = [
	'contact_id',
	'first_name',
	'last_name',
	'job_title',
	'company_name',
	'birthday_month',
	'birthday_day',
	'anniversary',
	'create_source',
	'update_source',
	'created_at',
	'updated_at',
	'deleted_at',
] as const;

export function parseInclude(raw: string | undefined): Set<Subresource> {
	const out = new Set<Subresource>();
	if (raw === undefined) return out;
	for (const part of raw.split(',').map((s) => s.trim())) {
		if (!(SUBRESOURCES as readonly string[]).includes(part)) throw validationError('include does not have a valid value');
		out.add(part as Subresource);
	}
	return out;
}

/** The subresources a write request carried: its response shows exactly those. */
export function givenSubresources(body: Record<string, unknown>): Set<Subresource> {
	return new Set(SUBRESOURCES.filter((k) => body[k] !== undefined));
}

export function renderContact(c: ContactRecord, include: Set<Subresource>): Record<string, unknown> {
	// The swagger's order: contact_id, email_address, the other top-level fields, then subresources.
	const out: Record<string, unknown> = { contact_id: c.contact_id, email_address: { ...c.email_address } };
	for (const k of TOP_LEVEL) if (c[k] !== undefined) out[k] = c[k];
	if (c.sms_channel) out.sms_channel = structuredClone(c.sms_channel);
	for (const k of SUBRESOURCES) if (include.has(k)) out[k] = structuredClone(c[k]);
	return out;
}
