import { toContactCustomField } from './customFields';
import { LIMITS } from './limits';
import type {
	ContactCustomField,
	ContactPutRequest,
	ContactResource,
	PermissionToSend,
	PhoneNumberInput,
	SmsChannelPut,
	StoredNote,
	StoredSmsChannel,
	StreetAddressInput,
} from './types';
import { ADDRESS_PARTS, CONTACT_INCLUDE, NAME_FIELDS, PUT_PERMISSIONS } from './types';
import { normalizeAnniversary } from './validate';
import type { ValidContact } from './validate';

export type MembershipMode = 'append' | 'replace';

export interface MergeOptions {
	/** `append` (default): the given lists are added. `replace`: the contact ends up in exactly the given lists. */
	list_memberships?: MembershipMode;
	/** Same for tags. */
	taggings?: MembershipMode;
}

export interface MergeResult {
	/** The `PUT /contacts/{contact_id}` body: the stored contact with the given fields merged in. */
	body: ContactPutRequest;
	/** Whether the PUT would change anything stored (a deleted contact's revival not counted). */
	changed: boolean;
	/** What changed, by Constant Contact property name. */
	changes: string[];
	/** Limits the merged contact would break (e.g. a fourth phone number). */
	problems: string[];
}

function present<T>(value: T | null | undefined): value is T {
	return value !== undefined && value !== null && value !== '';
}

function sameSet(a: string[], b: string[]): boolean {
	const left = new Set(a);
	const right = new Set(b);
	return left.size === right.size && [...left].every((v) => right.has(v));
}

function digits(phone: string | undefined): string {
	return String(phone ?? '').replace(/\D/g, '');
}

/** Whether two anniversaries name the same day, whatever accepted format each is in. */
export function sameDate(a: string | null | undefined, b: string | null | undefined): boolean {
	return dateKey(a) === dateKey(b);
}

function dateKey(value: string | null | undefined): string {
	if (!present(value)) return '';
	const normal = normalizeAnniversary(value) ?? value;
	const parts = normal.split(/[/-]/).map(Number);
	if (parts.length !== 3 || parts.some(Number.isNaN)) return normal;
	const [a, b, c] = parts;
	const [y, m, d] = a > 31 ? [a, b, c] : [c, a, b];
	return `${y}-${m}-${d}`;
}

function storedCustomField(field: ContactCustomField): ContactCustomField {
	return {
		custom_field_id: field.custom_field_id,
		...(field.value !== undefined && field.value !== null ? { value: field.value } : {}),
		...(field.choice_ids ? { choice_ids: field.choice_ids.map(String) } : {}),
	};
}

function sameCustomField(stored: ContactCustomField | undefined, next: ContactCustomField): boolean {
	if (!stored) return false;
	if (next.choice_ids) return sameSet((stored.choice_ids ?? []).map(String), next.choice_ids);
	return String(stored.value ?? '') === String(next.value ?? '');
}

/**
 * The stored `sms_channel` in the shape a PUT takes (`ContactSmsChannel`), unchanged: the same number
 * (dial code and address joined) and the same consents. Undefined when the contact has no SMS number.
 */
export function smsChannelForPut(stored: StoredSmsChannel | null | undefined): SmsChannelPut | undefined {
	const address = String(stored?.sms_address ?? '').trim();
	if (!stored || !address) return undefined;
	return {
		full_sms_address: `${String(stored.dial_code ?? '').trim()}${address}`,
		sms_channel_consents: (stored.sms_channel_consents ?? [])
			.filter((c) => c.sms_consent_permission && c.consent_type)
			.map((c) => ({ sms_consent_permission: String(c.sms_consent_permission), consent_type: String(c.consent_type) })),
	};
}

/**
 * Merges the given fields into the stored contact for `PUT /contacts/{contact_id}`, Constant
 * Contact's recommended update: a PUT nulls every top-level property it omits (`sms_channel`
 * included), so the stored ones go back; what was not given is kept; `permission_to_send` is sent
 * back exactly as stored (any state the contract's PUT lists); subresources are sent only when they
 * change (omitted subresources are kept); lists and tags are appended unless `replace` is asked for;
 * `update_source` is `Account`.
 */
export function mergeContactForPut(stored: ContactResource, contact: ValidContact, options: MergeOptions = {}): MergeResult {
	const changes: string[] = [];
	const problems: string[] = [];
	const storedEmail = stored.email_address;
	const permission = storedEmail?.permission_to_send as PermissionToSend | undefined;
	const body: ContactPutRequest = {
		email_address: {
			address: storedEmail?.address ?? contact.email,
			...(permission && PUT_PERMISSIONS.includes(permission) ? { permission_to_send: permission } : {}),
		},
		update_source: 'Account',
	};
	const sms = smsChannelForPut(stored.sms_channel);
	if (sms) body.sms_channel = sms;

	for (const field of NAME_FIELDS) {
		const given = contact[field];
		const kept = stored[field];
		if (present(given)) {
			body[field] = given;
			if (given !== kept) changes.push(field);
		} else if (present(kept)) {
			body[field] = kept;
		}
	}

	if (contact.birthday_month !== undefined && contact.birthday_day !== undefined) {
		body.birthday_month = contact.birthday_month;
		body.birthday_day = contact.birthday_day;
		if (contact.birthday_month !== stored.birthday_month || contact.birthday_day !== stored.birthday_day) {
			changes.push('birthday');
		}
	} else if (present(stored.birthday_month) && present(stored.birthday_day)) {
		body.birthday_month = stored.birthday_month;
		body.birthday_day = stored.birthday_day;
	}

	if (present(contact.anniversary)) {
		body.anniversary = contact.anniversary;
		if (dateKey(contact.anniversary) !== dateKey(stored.anniversary)) changes.push('anniversary');
	} else if (present(stored.anniversary)) {
		body.anniversary = stored.anniversary;
	}

	// Custom fields: by ID, the given value replaces the stored one.
	if (contact.custom_fields.length) {
		const merged = new Map<string, ContactCustomField>();
		for (const field of stored.custom_fields ?? []) merged.set(field.custom_field_id, storedCustomField(field));
		let changed = false;
		for (const field of contact.custom_fields) {
			const next = toContactCustomField(field);
			if (!sameCustomField(merged.get(next.custom_field_id), next)) changed = true;
			merged.set(next.custom_field_id, next);
		}
		if (changed) {
			body.custom_fields = [...merged.values()];
			changes.push('custom_fields');
			if (body.custom_fields.length > LIMITS.byTarget.contacts.customFields) {
				problems.push(
					`Custom Fields: the contact would have ${body.custom_fields.length}; Constant Contact allows at most ${LIMITS.byTarget.contacts.customFields}`,
				);
			}
		}
	}

	// Phone numbers: a number already stored (any kind) is kept; otherwise it replaces the stored number of its kind, or is added.
	if (contact.phone_numbers.length) {
		const merged: PhoneNumberInput[] = (stored.phone_numbers ?? []).map((p) => ({
			phone_number: String(p.phone_number ?? ''),
			...(p.kind ? { kind: p.kind } : {}),
		}));
		let changed = false;
		for (const phone of contact.phone_numbers) {
			if (merged.some((p) => digits(p.phone_number) === digits(phone.phone_number))) continue;
			const sameKind = merged.findIndex((p) => p.kind === phone.kind);
			if (sameKind >= 0) merged[sameKind] = { ...phone };
			else merged.push({ ...phone });
			changed = true;
		}
		if (changed) {
			body.phone_numbers = merged;
			changes.push('phone_numbers');
			if (merged.length > LIMITS.byTarget.contacts.phoneNumbers) {
				problems.push(
					`Phone Numbers: the contact would have ${merged.length} (${merged.map((p) => p.kind ?? 'no kind').join(', ')}); Constant Contact allows at most ${LIMITS.byTarget.contacts.phoneNumbers}`,
				);
			}
		}
	}

	// Street addresses: by kind, the given parts replace the stored ones; parts not given are kept.
	if (contact.street_addresses.length) {
		const merged: StreetAddressInput[] = (stored.street_addresses ?? []).map((a) => {
			const address: StreetAddressInput = { kind: a.kind };
			for (const part of ADDRESS_PARTS) if (present(a[part])) address[part] = a[part];
			return address;
		});
		let changed = false;
		for (const address of contact.street_addresses) {
			const index = merged.findIndex((a) => a.kind === address.kind);
			if (index < 0) {
				merged.push({ ...address });
				changed = true;
				continue;
			}
			const target = merged[index];
			for (const part of ADDRESS_PARTS) {
				if (present(address[part]) && address[part] !== target[part]) {
					target[part] = address[part];
					changed = true;
				}
			}
		}
		if (changed) {
			body.street_addresses = merged;
			changes.push('street_addresses');
			if (merged.length > LIMITS.byTarget.contacts.streetAddresses) {
				problems.push(
					`Street Addresses: the contact would have ${merged.length}; Constant Contact allows at most ${LIMITS.byTarget.contacts.streetAddresses}`,
				);
			}
		}
	}

	const memberships = (
		property: 'list_memberships' | 'taggings',
		given: string[],
		mode: MembershipMode,
		max: number,
		label: string,
	) => {
		if (!given.length) return;
		const kept = (stored[property] ?? []).map(String);
		const next = mode === 'replace' ? [...given] : [...new Set([...kept, ...given])];
		if (sameSet(kept, next)) return;
		body[property] = next;
		changes.push(property);
		if (next.length > max) {
			problems.push(`${label}: the contact would be in ${next.length}; Constant Contact allows at most ${max}`);
		}
	};
	memberships('list_memberships', contact.list_ids, options.list_memberships ?? 'append', LIMITS.byTarget.contacts.maxLists, 'Lists');
	memberships('taggings', contact.tag_ids, options.taggings ?? 'append', LIMITS.tags, 'Tags');

	// Notes: a note whose text is not stored yet is added; stored notes go back unchanged.
	const storedNotes = stored.notes ?? [];
	const newNotes = contact.notes.filter((n) => !storedNotes.some((s) => (s.content ?? '').trim() === n));
	if (newNotes.length) {
		const notes: StoredNote[] = storedNotes.map((n) => ({
			...(n.note_id ? { note_id: n.note_id } : {}),
			...(n.created_at ? { created_at: n.created_at } : {}),
			...(n.content !== undefined ? { content: n.content } : {}),
		}));
		body.notes = [...newNotes.map((content) => ({ content })), ...notes];
		changes.push('notes');
		if (body.notes.length > LIMITS.notes) {
			problems.push(`Notes: the contact would have ${body.notes.length}; Constant Contact allows at most ${LIMITS.notes}`);
		}
	}

	return { body, changed: changes.length > 0, changes, problems };
}

/** Whether the stored contact is deleted (`deleted_at` set). */
export function isDeleted(contact: ContactResource): boolean {
	return present(contact.deleted_at);
}

/** The subresources a contact is read and written with (`include`). */
export const CONTACT_SUBRESOURCES = CONTACT_INCLUDE.split(',') as Array<keyof ContactResource>;

/** A PUT answers with the subresources it carried; those it did not carry are the stored contact's, unchanged. */
export function uncarriedSubresources(existing: ContactResource, updated: ContactResource): Partial<ContactResource> {
	return Object.fromEntries(
		CONTACT_SUBRESOURCES.filter((k) => updated[k] === undefined && existing[k] !== undefined).map((k) => [k, existing[k]]),
	) as Partial<ContactResource>;
}
