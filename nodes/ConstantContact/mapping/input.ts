import type { IDataObject } from 'n8n-workflow';

import { findCustomField, normalizeKey } from './customFields';
import type { ContactFieldSpec } from './fields';
import { CUSTOM_FIELD_PREFIX, contactFieldSpecs } from './fields';
import type { ContactInput, ContactTarget, CustomFieldDefinition, StreetAddressInput } from './types';
import { ADDRESS_PARTS, NAME_FIELDS, PHONE_KINDS, emptyContactInput } from './types';

/** How deep `scalarText` looks into lists and `{ value }` objects: a CRM's shapes need two levels. */
const MAX_VALUE_DEPTH = 4;

/** Text of a field value; `undefined` when there is nothing (null, empty, an object without `value`). */
export function scalarText(value: unknown, depth = 0): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	// Deeper nesting is no CRM's shape: it is not read (and cannot exhaust the stack).
	if (depth >= MAX_VALUE_DEPTH) return undefined;
	if (Array.isArray(value)) {
		// A CRM's multi-value field (Pipedrive: [{ value, primary, label }]): the primary entry, else the first.
		const primary = value.find((v) => v && typeof v === 'object' && (v as IDataObject).primary === true);
		for (const entry of primary ? [primary, ...value] : value) {
			const text = scalarText(entry, depth + 1);
			if (text !== undefined) return text;
		}
		return undefined;
	}
	if (typeof value === 'object' && Object.hasOwn(value, 'value')) return scalarText((value as IDataObject).value, depth + 1);
	return undefined;
}

/**
 * The contact fields given as `{ field ID: value }`: the resource mapper's "Map Each Field Below"
 * values, keyed by the IDs of `contactFieldSpecs` and `custom_field:<custom field ID>`.
 */
export function contactInputFromFields(values: IDataObject | null | undefined, target: ContactTarget): ContactInput {
	const input = emptyContactInput();
	const address: StreetAddressInput = {};
	for (const [id, raw] of Object.entries(values ?? {})) {
		const value = scalarText(raw);
		if (value === undefined) continue;
		if (id === 'email_address') input.email = value;
		else if ((NAME_FIELDS as readonly string[]).includes(id)) input[id as (typeof NAME_FIELDS)[number]] = value;
		else if (id === 'phone_number') input.phone_numbers.push({ phone_number: value });
		else if (id.startsWith('phone_number:')) {
			input.phone_numbers.push({ phone_number: value, kind: target === 'contacts' ? id.slice('phone_number:'.length) : undefined });
		} else if (id === 'street_address:kind') address.kind = value;
		else if (id.startsWith('street_address:')) {
			const part = id.slice('street_address:'.length);
			if ((ADDRESS_PARTS as readonly string[]).includes(part)) address[part as (typeof ADDRESS_PARTS)[number]] = value;
		} else if (id === 'birthday_month') input.birthday_month = value;
		else if (id === 'birthday_day') input.birthday_day = value;
		else if (id === 'anniversary') input.anniversary = value;
		else if (id.startsWith(CUSTOM_FIELD_PREFIX)) {
			input.custom_fields.push({ key: id.slice(CUSTOM_FIELD_PREFIX.length), value });
		}
	}
	if (Object.keys(address).length) input.street_addresses.push(address);
	return input;
}

const FULL_NAME_KEYS = ['name', 'fullname', 'contactname'];

/** Longer than any contact field name, alias or custom field name or label (at most 50). */
const MAX_KEY_LENGTH = 200;
const BIRTHDAY_KEYS = ['birthday', 'birthdate', 'dateofbirth', 'dob'];

/** Month and day of a date such as 1990-05-17, 05/17/1990 or an ISO date-time. */
export function monthAndDay(value: string): { month: number; day: number } | undefined {
	// An ISO date-time is about 30 characters: a longer value is not a birthday, and is not scanned.
	if (value.length > 40) return undefined;
	const yearFirst = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(value);
	if (yearFirst) return { month: Number(yearFirst[2]), day: Number(yearFirst[3]) };
	const monthFirst = /^(\d{1,2})[-/](\d{1,2})(?:[-/]\d{2,4})?$/.exec(value);
	if (monthFirst) return { month: Number(monthFirst[1]), day: Number(monthFirst[2]) };
	return undefined;
}

/** An item's fields, top level first, then those inside a CRM record's `properties` object (HubSpot). */
function itemEntries(json: IDataObject): Array<[string, unknown]> {
	const entries: Array<[string, unknown]> = [];
	for (const [key, value] of Object.entries(json)) {
		if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) continue;
		entries.push([key, value]);
	}
	const properties = json.properties;
	if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
		entries.push(...Object.entries(properties as IDataObject));
	}
	return entries;
}

export interface AutoMapResult {
	input: ContactInput;
	/** Item fields that matched no contact field and no custom field. */
	unmatched: string[];
}

/**
 * "Map Automatically": takes the item's fields by name. Matches Constant Contact's field names and
 * common variants (a Form Trigger's `Email`, `First Name`; HubSpot's `firstname`, `properties.email`;
 * Pipedrive's `email: [{ value, primary }]`, `phone: [{ value, label }]`, `org_name`), then the
 * account's custom fields by name or label. Case, spaces and underscores do not matter.
 */
export function autoMapItem(
	json: IDataObject,
	target: ContactTarget,
	customFieldDefinitions?: CustomFieldDefinition[],
): AutoMapResult {
	const specs = contactFieldSpecs(target);
	const byAlias = new Map<string, ContactFieldSpec>();
	for (const spec of specs) {
		byAlias.set(normalizeKey(spec.id), spec);
		for (const alias of spec.aliases) if (!byAlias.has(alias)) byAlias.set(alias, spec);
	}
	const values: IDataObject = {};
	const extraPhones: ContactInput['phone_numbers'] = [];
	const customFields: ContactInput['custom_fields'] = [];
	const unmatched: string[] = [];
	let fullName: string | undefined;
	let birthday: string | undefined;

	for (const [key, raw] of itemEntries(json)) {
		// No field or custom field name is this long: such a key is not normalised (scanned) at all.
		if (key.length > MAX_KEY_LENGTH) {
			unmatched.push(key);
			continue;
		}
		const normal = normalizeKey(key);
		const spec = byAlias.get(normal);
		if (spec) {
			// Pipedrive's phone list: every entry, its label as the kind.
			if (target === 'contacts' && spec.id.startsWith('phone_number') && Array.isArray(raw) && raw.length > 1) {
				for (const entry of raw) {
					const number = scalarText(entry);
					if (number === undefined) continue;
					const raw = entry && typeof entry === 'object' ? (entry as IDataObject).label : undefined;
					const label = typeof raw === 'string' ? raw.toLowerCase() : '';
					const kind = (PHONE_KINDS as readonly string[]).includes(label) ? label : spec.id.split(':')[1];
					extraPhones.push({ phone_number: number, kind });
				}
				continue;
			}
			const value = scalarText(raw);
			if (value !== undefined && values[spec.id] === undefined) values[spec.id] = value;
			continue;
		}
		if (FULL_NAME_KEYS.includes(normal)) {
			fullName ??= scalarText(raw);
			continue;
		}
		if (BIRTHDAY_KEYS.includes(normal)) {
			birthday ??= scalarText(raw);
			continue;
		}
		const definition = customFieldDefinitions ? findCustomField(key, customFieldDefinitions) : undefined;
		const value = scalarText(raw);
		if (definition) {
			if (value !== undefined) customFields.push({ key: definition.custom_field_id, value });
			continue;
		}
		unmatched.push(key);
	}

	if (fullName && values.first_name === undefined && values.last_name === undefined && fullName.length > 2 * 50 + 1) {
		// Too long for first and last name together: validation reports it by its length, unsplit.
		values.first_name = fullName;
	} else if (fullName && values.first_name === undefined && values.last_name === undefined) {
		const [first, ...rest] = fullName.split(/\s+/);
		values.first_name = first;
		if (rest.length) values.last_name = rest.join(' ');
	}
	if (birthday && values.birthday_month === undefined && values.birthday_day === undefined) {
		const parsed = monthAndDay(birthday);
		if (parsed) {
			values.birthday_month = parsed.month;
			values.birthday_day = parsed.day;
		}
	}
	const input = contactInputFromFields(values, target);
	input.phone_numbers.push(...extraPhones);
	input.custom_fields.push(...customFields);
	return { input, unmatched };
}

/** Adds `extra`'s phones, addresses, custom fields, lists, tags and notes to `base`; scalars from `base` first. */
export function mergeContactInputs(base: ContactInput, extra: Partial<ContactInput>): ContactInput {
	return {
		...extra,
		...Object.fromEntries(Object.entries(base).filter(([, v]) => v !== undefined)),
		phone_numbers: [...base.phone_numbers, ...(extra.phone_numbers ?? [])],
		street_addresses: [...base.street_addresses, ...(extra.street_addresses ?? [])],
		custom_fields: [...base.custom_fields, ...(extra.custom_fields ?? [])],
		list_ids: [...base.list_ids, ...(extra.list_ids ?? [])],
		tag_ids: [...base.tag_ids, ...(extra.tag_ids ?? [])],
		notes: [...base.notes, ...(extra.notes ?? [])],
	} as ContactInput;
}
