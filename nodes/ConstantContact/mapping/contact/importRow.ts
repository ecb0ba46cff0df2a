import type { ValidContact } from './validate';
import { utf8Length } from '../common/values';

/** `POST /activities/contacts_json_import` limits: rows per request, and a body under 4 MB (else Constant Contact drops the rest). */
export const IMPORT_LIMITS = {
	maxRows: 40_000,
	/** 4 MB read as the smaller of 4,000,000 and 4 MiB, so neither reading is exceeded. */
	maxBytes: 4_000_000,
	emailLength: 50,
	maxLists: 50,
} as const;

export type ImportRow = Record<string, string | number>;

const PHONE_COLUMNS: Record<string, string> = { home: 'home_phone', work: 'work_phone', mobile: 'mobile_phone', other: 'other_phone' };

/**
 * One `JsonImportContact` row: the contact's typed columns (a phone per kind, an address per kind)
 * and custom fields as `cf:<custom field name>`, which is how the import names them.
 * Phones without a kind take the first free kind column, so no number is dropped silently.
 */
export function toImportRow(contact: ValidContact, customFieldNames: ReadonlyMap<string, string>): ImportRow {
	const row: ImportRow = { email: contact.email };
	for (const field of ['first_name', 'last_name', 'job_title', 'company_name'] as const) {
		if (contact[field]) row[field] = contact[field];
	}
	if (contact.birthday_month !== undefined && contact.birthday_day !== undefined) {
		row.birthday_month = contact.birthday_month;
		row.birthday_day = contact.birthday_day;
	}
	if (contact.anniversary) row.anniversary = contact.anniversary;

	const unkinded: string[] = [];
	for (const phone of contact.phone_numbers) {
		const column = phone.kind ? PHONE_COLUMNS[phone.kind] : undefined;
		if (column && row[column] === undefined) row[column] = phone.phone_number;
		else unkinded.push(phone.phone_number);
	}
	for (const number of unkinded) {
		const free = ['phone', 'other_phone', 'mobile_phone', 'work_phone', 'home_phone'].find((c) => row[c] === undefined);
		if (free) row[free] = number;
	}

	for (const address of contact.street_addresses) {
		const prefix = `${address.kind}_`;
		if (row[`${prefix}street`] !== undefined || row[`${prefix}city`] !== undefined) continue;
		if (address.street) row[`${prefix}street`] = address.street;
		if (address.city) row[`${prefix}city`] = address.city;
		if (address.state) row[`${prefix}state`] = address.state;
		if (address.postal_code) row[`${prefix}zip`] = address.postal_code;
		if (address.country) row[`${prefix}country`] = address.country;
	}

	for (const field of contact.custom_fields) {
		const name = customFieldNames.get(field.custom_field_id);
		if (name) row[`cf:${name}`] = field.value;
	}
	return row;
}

/** Problems the import has beyond what `/contacts` checks: its shorter email limit. */
export function importProblems(contact: ValidContact): string[] {
	return contact.email.length > IMPORT_LIMITS.emailLength
		? [
				`Email: "${contact.email}" has ${contact.email.length} characters; Constant Contact allows at most ${IMPORT_LIMITS.emailLength} on /activities/contacts_json_import`,
			]
		: [];
}


export interface ImportChunk {
	/** Indexes (into the rows given) of the rows in this chunk. */
	rows: number[];
	/** Exact byte length of the JSON body `{"import_data":[...],"list_ids":[...]}`. */
	bytes: number;
}

/**
 * Splits rows into requests of at most `maxRows` rows whose JSON body stays at or under
 * `maxBytes`, measuring each serialised row. A single row too large for any request is reported
 * in `oversized` rather than sent.
 */
export function chunkImportRows(
	rows: readonly ImportRow[],
	listIds: readonly string[],
	limits: { maxRows: number; maxBytes: number } = IMPORT_LIMITS,
): { chunks: ImportChunk[]; oversized: number[] } {
	// {"import_data":[],"list_ids":[...]}: the envelope's bytes, then each row plus a comma between rows.
	const envelope = utf8Length(JSON.stringify({ import_data: [], list_ids: listIds }));
	const chunks: ImportChunk[] = [];
	const oversized: number[] = [];
	let current: ImportChunk = { rows: [], bytes: envelope };
	rows.forEach((row, index) => {
		const size = utf8Length(JSON.stringify(row));
		if (envelope + size > limits.maxBytes) {
			oversized.push(index);
			return;
		}
		const added = size + (current.rows.length > 0 ? 1 : 0);
		if (current.rows.length >= limits.maxRows || current.bytes + added > limits.maxBytes) {
			chunks.push(current);
			current = { rows: [], bytes: envelope };
		}
		current.bytes += size + (current.rows.length > 0 ? 1 : 0);
		current.rows.push(index);
	});
	if (current.rows.length > 0) chunks.push(current);
	return { chunks, oversized };
}
