import { isDeleted, sameDate } from './merge';
import type { ContactPostRequest, ContactResource } from './types';
import { ADDRESS_PARTS, NAME_FIELDS } from './types';

/**
 * How far Constant Contact's clock may be from n8n's when we judge, from a contact's `created_at`,
 * whether our own `POST /contacts` created it. Two minutes covers hosts whose clocks drift without
 * NTP; a contact created that shortly before our request counts as ours only if it also holds every
 * field we sent, and then it is, for the user, the contact they asked for.
 */
export const CREATION_CLOCK_SKEW_MS = 2 * 60_000;

const digits = (value: unknown) => String(value ?? '').replace(/\D/g, '');
const text = (value: unknown) => String(value ?? '').trim();

/**
 * After an ambiguous failure of `POST /contacts` (a 5xx, a dropped connection), whether the contact
 * found under the email is the one this request created: not deleted, created after the request was
 * sent (allowing `skewMs` either way) by the account, and holding every field the request sent.
 * Anything else was there before: a contact Constant Contact would have answered 409 for.
 */
export function createdByRequest(
	found: ContactResource,
	body: ContactPostRequest,
	sentAt: number,
	now: number,
	skewMs = CREATION_CLOCK_SKEW_MS,
): boolean {
	if (isDeleted(found)) return false;
	const createdAt = Date.parse(String(found.created_at ?? found.email_address?.created_at ?? ''));
	if (Number.isNaN(createdAt) || createdAt < sentAt - skewMs || createdAt > now + skewMs) return false;
	if (found.create_source !== undefined && found.create_source !== body.create_source) return false;

	for (const field of NAME_FIELDS) if (body[field] !== undefined && text(found[field]) !== text(body[field])) return false;
	if (body.birthday_month !== undefined && (found.birthday_month !== body.birthday_month || found.birthday_day !== body.birthday_day)) return false;
	if (body.anniversary !== undefined && !sameDate(found.anniversary, body.anniversary)) return false;

	const holds = (stored: unknown[] | undefined, sent: unknown[] | undefined) => (sent ?? []).every((id) => (stored ?? []).map(String).includes(String(id)));
	if (!holds(found.list_memberships, body.list_memberships) || !holds(found.taggings, body.taggings)) return false;
	const phones = (found.phone_numbers ?? []).map((p) => digits(p.phone_number));
	if (!(body.phone_numbers ?? []).every((p) => phones.includes(digits(p.phone_number)))) return false;
	const addresses = found.street_addresses ?? [];
	for (const sent of body.street_addresses ?? []) {
		const match = addresses.some((a) => a.kind === sent.kind && ADDRESS_PARTS.every((part) => sent[part] === undefined || text(a[part]) === text(sent[part])));
		if (!match) return false;
	}
	for (const sent of body.custom_fields ?? []) {
		const stored = (found.custom_fields ?? []).find((f) => f.custom_field_id === sent.custom_field_id);
		if (!stored) return false;
		if (sent.choice_ids ? !holds(stored.choice_ids, sent.choice_ids) : text(stored.value) !== text(sent.value)) return false;
	}
	return true;
}
