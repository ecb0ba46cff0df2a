import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { OutputMode, ResourceOutput } from '../common/output';

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const ids = (value: unknown): string[] | null => (Array.isArray(value) ? value.map(String) : null);

/**
 * A simplified contact: ten flat fields, the same keys for every contact (null when Constant Contact
 * has no value). Who it is, whether it may be emailed (permission, opt-out date, deleted), where it
 * is (lists, tags) and when it last changed. Everything else is in Raw or Selected Fields.
 */
export function simplifyContact(raw: IDataObject): IDataObject {
	const email = (raw.email_address ?? {}) as IDataObject;
	return {
		contact_id: raw.contact_id,
		email: text(email.address),
		first_name: text(raw.first_name),
		last_name: text(raw.last_name),
		permission_to_send: text(email.permission_to_send),
		opt_out_date: text(email.opt_out_date),
		list_ids: ids(raw.list_memberships),
		tag_ids: ids(raw.taggings),
		updated_at: text(raw.updated_at),
		deleted_at: text(raw.deleted_at),
	};
}

/** What the UI says a simplified contact holds. */
export const SIMPLE_CONTACT_SUMMARY = 'ID, email, names, permission to send, opt-out date, list and tag IDs, last update, deletion date';

/** A contact as Constant Contact returns it (not a bulk activity's per-item summary, not an error item). */
export function isContactRecord(json: IDataObject): boolean {
	return typeof json.contact_id === 'string' && typeof json.email_address === 'object' && json.email_address !== null;
}

export const CONTACT_OUTPUT: ResourceOutput = { idFields: ['contact_id'], simplify: simplifyContact, isRecord: isContactRecord };

/** The subresources a simplified contact reads. */
export const SIMPLE_CONTACT_INCLUDE = ['list_memberships', 'taggings'];

/** Subresources Constant Contact adds only when `include=` names them. */
const SUBRESOURCES = ['custom_fields', 'list_memberships', 'notes', 'phone_numbers', 'street_addresses', 'taggings'];

/** The contact's own fields, for "Selected Fields" (the contact ID always comes too). */
export const CONTACT_FIELD_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Anniversary', value: 'anniversary' },
	{ name: 'Birthday Day', value: 'birthday_day' },
	{ name: 'Birthday Month', value: 'birthday_month' },
	{ name: 'Company Name', value: 'company_name' },
	{ name: 'Create Source', value: 'create_source' },
	{ name: 'Created At', value: 'created_at' },
	{ name: 'Custom Fields', value: 'custom_fields' },
	{ name: 'Deleted At', value: 'deleted_at' },
	{ name: 'Email Address', value: 'email_address', description: 'The address, its permission to send and opt-in/opt-out details' },
	{ name: 'First Name', value: 'first_name' },
	{ name: 'Job Title', value: 'job_title' },
	{ name: 'Last Name', value: 'last_name' },
	{ name: 'List Memberships', value: 'list_memberships', description: 'The IDs of the lists the contact is on' },
	{ name: 'Notes', value: 'notes' },
	{ name: 'Phone Numbers', value: 'phone_numbers' },
	{ name: 'Street Addresses', value: 'street_addresses' },
	{ name: 'Tags', value: 'taggings', description: 'The IDs of the tags the contact has' },
	{ name: 'Update Source', value: 'update_source' },
	{ name: 'Updated At', value: 'updated_at' },
];

/** What `include=` must ask for: the user's choice for Raw, what Simplified reads, the selected subresources. */
export function contactInclude(mode: OutputMode, fields: string[], chosen: string[]): string[] {
	if (mode === 'raw') return chosen;
	if (mode === 'simple') return SIMPLE_CONTACT_INCLUDE;
	return SUBRESOURCES.filter((s) => fields.includes(s));
}
