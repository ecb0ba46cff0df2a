import { toContactCustomField } from './customFields';
import type { ContactPostRequest, PermissionToSend, SignUpFormRequest } from './types';
import type { ValidContact } from './validate';

function scalars(contact: ValidContact) {
	return {
		...(contact.first_name ? { first_name: contact.first_name } : {}),
		...(contact.last_name ? { last_name: contact.last_name } : {}),
		...(contact.job_title ? { job_title: contact.job_title } : {}),
		...(contact.company_name ? { company_name: contact.company_name } : {}),
		...(contact.birthday_month !== undefined && contact.birthday_day !== undefined
			? { birthday_month: contact.birthday_month, birthday_day: contact.birthday_day }
			: {}),
		...(contact.anniversary ? { anniversary: contact.anniversary } : {}),
	};
}

/** `POST /contacts` body: create source `Account`, permission as chosen. */
export function toContactPostRequest(
	contact: ValidContact,
	options: { permission_to_send: PermissionToSend },
): ContactPostRequest {
	return {
		email_address: { address: contact.email, permission_to_send: options.permission_to_send },
		...scalars(contact),
		create_source: 'Account',
		...(contact.custom_fields.length ? { custom_fields: contact.custom_fields.map(toContactCustomField) } : {}),
		...(contact.phone_numbers.length
			? { phone_numbers: contact.phone_numbers.map((p) => ({ phone_number: p.phone_number, ...(p.kind ? { kind: p.kind } : {}) })) }
			: {}),
		...(contact.street_addresses.length ? { street_addresses: contact.street_addresses.map((a) => ({ ...a })) } : {}),
		...(contact.list_ids.length ? { list_memberships: [...contact.list_ids] } : {}),
		...(contact.tag_ids.length ? { taggings: [...contact.tag_ids] } : {}),
		...(contact.notes.length ? { notes: contact.notes.map((content) => ({ content })) } : {}),
	};
}

/**
 * `POST /contacts/sign_up_form` body: a flat contact with one phone and one address; custom fields
 * by value (select types by their label). No tags, notes, permission or source: the endpoint takes none.
 */
export function toSignUpFormRequest(contact: ValidContact): SignUpFormRequest {
	const phone = contact.phone_numbers[0];
	const address = contact.street_addresses[0];
	return {
		email_address: contact.email,
		...scalars(contact),
		...(phone ? { phone_number: phone.phone_number } : {}),
		...(address ? { street_address: { ...address } } : {}),
		...(contact.custom_fields.length
			? { custom_fields: contact.custom_fields.map((f) => ({ custom_field_id: f.custom_field_id, value: f.value })) }
			: {}),
		list_memberships: [...contact.list_ids],
	};
}
