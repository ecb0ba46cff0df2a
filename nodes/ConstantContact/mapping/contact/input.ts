import type { IDataObject } from 'n8n-workflow';

import { readDate } from '../common/dates';
import { CUSTOM_FIELD_PREFIX } from './fields';
import type { ContactInput, ContactTarget, StreetAddressInput } from './types';
import { ADDRESS_PARTS, NAME_FIELDS, emptyContactInput } from './types';
import { scalarText } from '../common/values';

export { scalarText } from '../common/values';

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

/** Month and day of a date such as 1990-05-17, 05/17/1990 or an ISO date-time. */
export function monthAndDay(value: string): { month: number; day: number } | undefined {
	const parts = readDate(value);
	return parts ? { month: parts.month, day: parts.day } : undefined;
}

// "Map Automatically" lives in autoMap.ts; re-exported for the operations that import it from here.
export type { AutoMapResult } from './autoMap';
export { autoMapItem } from './autoMap';

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
