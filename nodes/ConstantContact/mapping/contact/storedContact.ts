import type { ContactResource } from './types';
import { ADDRESS_PARTS, NAME_FIELDS } from './types';

/** More entries than any contact can hold (Constant Contact: 150 notes, 100 custom fields, 50 lists). */
const MAX_ENTRIES = 1000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

const isText = (value: unknown) => value === undefined || value === null || typeof value === 'string';

/**
 * A contact as Constant Contact returned it is input too: before its ID goes into a path or its
 * fields are merged into a PUT (which sends them back), every field the node reads is checked for
 * the type the contract gives it. Returns the problems (empty when the contact can be used).
 */
export function storedContactProblems(value: unknown): string[] {
	if (!isRecord(value)) return ['the contact is not an object'];
	const problems: string[] = [];
	const expect = (ok: boolean, field: string, wanted: string) => {
		if (!ok) problems.push(`"${field}" is not ${wanted}`);
	};
	const id = value.contact_id;
	expect(typeof id === 'string' && id.trim() !== '' && id.length <= 200, 'contact_id', 'an ID');

	const email = value.email_address;
	if (email !== undefined && email !== null) {
		if (!isRecord(email)) problems.push('"email_address" is not an object');
		else {
			for (const key of ['address', 'permission_to_send', 'opt_out_source', 'opt_out_reason', 'opt_out_date']) {
				expect(isText(email[key]), `email_address.${key}`, 'text');
			}
		}
	}
	for (const field of [...NAME_FIELDS, 'anniversary', 'deleted_at', 'created_at', 'updated_at']) {
		expect(isText(value[field]), field, 'text');
	}
	for (const field of ['birthday_month', 'birthday_day']) {
		const n = value[field];
		expect(n === undefined || n === null || Number.isInteger(n), field, 'a whole number');
	}

	const list = (field: string, entry: (item: unknown) => boolean, wanted: string) => {
		const items = value[field];
		if (items === undefined || items === null) return;
		if (!Array.isArray(items) || items.length > MAX_ENTRIES) {
			problems.push(`"${field}" is not a list of at most ${MAX_ENTRIES} entries`);
			return;
		}
		const bad = items.findIndex((item) => !entry(item));
		if (bad >= 0) problems.push(`"${field}[${bad}]" is not ${wanted}`);
	};
	list('list_memberships', (id) => typeof id === 'string', 'a list ID');
	list('taggings', (id) => typeof id === 'string', 'a tag ID');
	list(
		'custom_fields',
		(f) =>
			isRecord(f) &&
			typeof f.custom_field_id === 'string' &&
			isText(f.value) &&
			(f.choice_ids === undefined ||
				f.choice_ids === null ||
				(Array.isArray(f.choice_ids) && f.choice_ids.length <= MAX_ENTRIES && f.choice_ids.every((c) => typeof c === 'string' || typeof c === 'number'))),
		'a custom field value',
	);
	list('phone_numbers', (p) => isRecord(p) && isText(p.phone_number) && isText(p.kind), 'a phone number');
	list('street_addresses', (a) => isRecord(a) && isText(a.kind) && ADDRESS_PARTS.every((part) => isText(a[part])), 'a street address');
	list('notes', (n) => isRecord(n) && isText(n.note_id) && isText(n.created_at) && isText(n.content), 'a note');
	return problems;
}

/** The contact, typed, when it has no problems. */
export function asStoredContact(value: unknown): ContactResource | undefined {
	return storedContactProblems(value).length === 0 ? (value as ContactResource) : undefined;
}
