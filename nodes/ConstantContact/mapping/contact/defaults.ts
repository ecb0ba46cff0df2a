import type { IDataObject } from 'n8n-workflow';

import type { DateOrder } from '../common/dates';
import { formatDate, readDate } from '../common/dates';
import type { AddressKind, ContactInput, ContactTarget, PhoneKind } from './types';
import { ADDRESS_KINDS, PHONE_KINDS } from './types';
import { normalizeAnniversary } from './validate';

/**
 * What the node assumes where the data does not say, so that a sensible default never leaves an item
 * invalid: an address's kind (Constant Contact requires one), a phone's kind, and how to read a date
 * such as 05/06/1990. The user can change each under Mapping Defaults.
 */
export interface MappingDefaults {
	addressKind: AddressKind;
	phoneKind: PhoneKind;
	dateOrder: DateOrder;
}

/**
 * Home for an address: a person's contact record most often holds where they live or receive post.
 * Other for a phone: a bare "Phone" does not say which kind, and Other is Constant Contact's word for
 * that. Month first for dates: the order of Constant Contact's own date formats (MM/DD/YYYY).
 */
export const MAPPING_DEFAULTS: MappingDefaults = { addressKind: 'home', phoneKind: 'other', dateOrder: 'monthFirst' };

/** The Mapping Defaults collection's value, with the defaults above where it says nothing. */
export function readMappingDefaults(value: IDataObject | undefined): MappingDefaults {
	const addressKind = String(value?.addressKind ?? '');
	const phoneKind = String(value?.phoneKind ?? '');
	return {
		addressKind: (ADDRESS_KINDS as readonly string[]).includes(addressKind) ? (addressKind as AddressKind) : MAPPING_DEFAULTS.addressKind,
		phoneKind: (PHONE_KINDS as readonly string[]).includes(phoneKind) ? (phoneKind as PhoneKind) : MAPPING_DEFAULTS.phoneKind,
		dateOrder: value?.dateOrder === 'dayFirst' ? 'dayFirst' : MAPPING_DEFAULTS.dateOrder,
	};
}

/**
 * Fills what the item's data left open: a kind for each address without one, a kind for each phone
 * without one (on `/contacts`; the sign-up form takes none), and an anniversary Constant Contact
 * could not read, or would read the other way round, as YYYY-MM-DD.
 */
export function applyMappingDefaults(input: ContactInput, target: ContactTarget, defaults: MappingDefaults): ContactInput {
	const anniversary = input.anniversary?.trim();
	let normalized = anniversary;
	if (anniversary) {
		const parts = readDate(anniversary, defaults.dateOrder);
		const ambiguous = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$/.test(anniversary) && defaults.dateOrder === 'dayFirst';
		if (parts?.year !== undefined && (ambiguous || !normalizeAnniversary(anniversary))) normalized = formatDate({ ...parts, year: parts.year });
	}
	return {
		...input,
		...(normalized !== undefined ? { anniversary: normalized } : {}),
		street_addresses: input.street_addresses.map((a) => (String(a.kind ?? '').trim() ? a : { ...a, kind: defaults.addressKind })),
		phone_numbers:
			target === 'contacts'
				? input.phone_numbers.map((p) => (String(p.kind ?? '').trim() ? p : { ...p, kind: defaults.phoneKind }))
				: input.phone_numbers,
	};
}
