import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * The contact export's CSV file (`GET /contact_exports/{file_export_id}`) turned into contacts. The
 * contract types the file only as text; its columns are Constant Contact's export field names (the
 * `fields` of `POST /activities/contact_exports`). How the real file spells its header row is not
 * documented, so headers are compared loosely (case, spaces) and a few other spellings are accepted.
 */

/** The export's fields, for "Selected Fields" (sent as the export's `fields`; the contact ID always comes too). */
export const EXPORT_FIELD_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Anniversary', value: 'anniversary' },
	{ name: 'Birthday Day', value: 'birthday_day' },
	{ name: 'Birthday Month', value: 'birthday_month' },
	{ name: 'City', value: 'city' },
	{ name: 'Company Name', value: 'company_name' },
	{ name: 'Country', value: 'country' },
	{ name: 'Created At', value: 'created_at' },
	{ name: 'Email Address', value: 'email_address' },
	{ name: 'Email Lists', value: 'email_lists', description: 'The IDs of the lists the contact is on' },
	{ name: 'Email Opt-In Date', value: 'email_optin_date' },
	{ name: 'Email Opt-In Source', value: 'email_optin_source' },
	{ name: 'Email Opt-Out Date', value: 'email_optout_date' },
	{ name: 'Email Opt-Out Reason', value: 'email_optout_reason' },
	{ name: 'Email Opt-Out Source', value: 'email_optout_source' },
	{ name: 'Email Permission', value: 'email_permission', description: "The contact's permission to send (explicit, implicit, unsubscribed, …)" },
	{ name: 'First Name', value: 'first_name' },
	{ name: 'Job Title', value: 'job_title' },
	{ name: 'Last Name', value: 'last_name' },
	{ name: 'Phone Number', value: 'phone_number' },
	{ name: 'State', value: 'state' },
	{ name: 'Street', value: 'street' },
	{ name: 'Tag', value: 'tag', description: 'The IDs of the tags the contact has' },
	{ name: 'Updated At', value: 'updated_at' },
	{ name: 'Zip', value: 'zip' },
];

export const EXPORT_FIELDS = EXPORT_FIELD_OPTIONS.map((o) => String(o.value));

/** Fields Constant Contact exports only together with `email_address` (the contract's `fields`). */
export const EMAIL_DETAIL_FIELDS = ['email_optin_source', 'email_optin_date', 'email_optout_source', 'email_optout_date', 'email_optout_reason'];

/** Other header spellings, lowercased with runs of non-alphanumerics as `_`, and the field they are. */
const HEADER_ALIASES: Record<string, string> = {
	id: 'contact_id',
	email: 'email_address',
	permission_to_send: 'email_permission',
	email_permission_status: 'email_permission',
	email_status: 'email_permission',
	lists: 'email_lists',
	list_memberships: 'email_lists',
	tags: 'tag',
	taggings: 'tag',
	zip_code: 'zip',
	postal_code: 'zip',
};

/** The field a header names: `Email Address`, `email_address` and `email` are all `email_address`. */
export function exportColumn(header: string): string {
	const parts = header
		.trim()
		.toLowerCase()
		.split(/[^a-z0-9:]+/)
		.filter(Boolean);
	const key = parts.join('_');
	return HEADER_ALIASES[key] ?? key;
}

/** Constant Contact's permission vocabulary, however the file spells it (`Implicit`, `Pending Confirmation`, `Temporary Hold`). */
const PERMISSIONS: Record<string, string> = {
	explicit: 'explicit',
	implicit: 'implicit',
	not_set: 'not_set',
	pending_confirmation: 'pending_confirmation',
	temp_hold: 'temp_hold',
	temporary_hold: 'temp_hold',
	unsubscribed: 'unsubscribed',
};

/** A permission as the API names it (`permission_to_send`); a value it does not know is kept as written. */
export function permissionToSend(value: string | undefined): string | null {
	if (value === undefined || value.trim() === '') return null;
	const key = value.trim().toLowerCase().replace(/[^a-z]+/g, '_');
	return PERMISSIONS[key] ?? value.trim();
}

const text = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);
const idList = (value: string | undefined): string[] | null =>
	value === undefined
		? null
		: value
				.split(/[,;|]/)
				.map((v) => v.trim())
				.filter(Boolean);

/** One row, keyed by field (the header row read through exportColumn). */
export type ExportRow = Record<string, string>;

/** Raw: every column, as the file has it, keyed by field; the permission in the API's words. */
export function rawExportContact(row: ExportRow): IDataObject {
	const out: IDataObject = { ...row };
	if (row.email_permission !== undefined) out.email_permission = permissionToSend(row.email_permission);
	return out;
}

/**
 * Simplified: the keys a simplified contact of Get Many has, where the export has them: who it is,
 * whether it may be emailed, where it is, when it was created and last changed. Ten flat fields.
 */
export function simplifyExportContact(row: ExportRow): IDataObject {
	return {
		contact_id: text(row.contact_id),
		email: text(row.email_address),
		first_name: text(row.first_name),
		last_name: text(row.last_name),
		permission_to_send: permissionToSend(row.email_permission),
		opt_out_date: text(row.email_optout_date),
		list_ids: idList(row.email_lists),
		tag_ids: idList(row.tag),
		created_at: text(row.created_at),
		updated_at: text(row.updated_at),
	};
}

export const SIMPLE_EXPORT_SUMMARY = 'ID, email, names, permission to send, opt-out date, list and tag IDs, creation and last update';

/** Selected Fields: the contact ID and the chosen fields. */
export function selectedExportContact(row: ExportRow, fields: string[]): IDataObject {
	const out: IDataObject = { contact_id: text(row.contact_id) };
	for (const field of fields) {
		if (row[field] === undefined) continue;
		out[field] = field === 'email_permission' ? permissionToSend(row[field]) : row[field];
	}
	return out;
}
