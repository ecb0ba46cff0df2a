import type { ContactTarget } from './types';
import { ADDRESS_KINDS, PHONE_KINDS } from './types';

/** Resource mapper field IDs for custom fields: this prefix, then the custom field's ID. */
export const CUSTOM_FIELD_PREFIX = 'custom_field:';

export type ContactFieldId =
	| 'email_address'
	| 'first_name'
	| 'last_name'
	| 'job_title'
	| 'company_name'
	| 'phone_number'
	| `phone_number:${(typeof PHONE_KINDS)[number]}`
	| 'street_address:kind'
	| 'street_address:street'
	| 'street_address:city'
	| 'street_address:state'
	| 'street_address:postal_code'
	| 'street_address:country'
	| 'birthday_month'
	| 'birthday_day'
	| 'anniversary';

export interface ContactFieldSpec {
	id: ContactFieldId;
	displayName: string;
	type: 'string' | 'number' | 'options';
	required?: boolean;
	options?: Array<{ name: string; value: string }>;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The contact fields each endpoint takes, as flat mappable fields. `/contacts` takes up to three
 * phone numbers (one per kind here) and addresses; `sign_up_form` takes one of each.
 */
export function contactFieldSpecs(target: ContactTarget): ContactFieldSpec[] {
	const phones: ContactFieldSpec[] =
		target === 'sign_up_form'
			? [{ id: 'phone_number', displayName: 'Phone Number', type: 'string' }]
			: [
					{ id: 'phone_number:home', displayName: 'Phone (Home)', type: 'string' },
					{ id: 'phone_number:work', displayName: 'Phone (Work)', type: 'string' },
					{ id: 'phone_number:mobile', displayName: 'Phone (Mobile)', type: 'string' },
					{ id: 'phone_number:other', displayName: 'Phone (Other)', type: 'string' },
				];
	return [
		{ id: 'email_address', displayName: 'Email', type: 'string', required: true },
		{ id: 'first_name', displayName: 'First Name', type: 'string' },
		{ id: 'last_name', displayName: 'Last Name', type: 'string' },
		{ id: 'job_title', displayName: 'Job Title', type: 'string' },
		{ id: 'company_name', displayName: 'Company Name', type: 'string' },
		...phones,
		{
			id: 'street_address:kind',
			displayName: 'Address Kind',
			type: 'options',
			options: ADDRESS_KINDS.map((kind) => ({ name: capitalize(kind), value: kind })),
		},
		{ id: 'street_address:street', displayName: 'Address Street', type: 'string' },
		{ id: 'street_address:city', displayName: 'Address City', type: 'string' },
		{ id: 'street_address:state', displayName: 'Address State', type: 'string' },
		{ id: 'street_address:postal_code', displayName: 'Address Postal Code', type: 'string' },
		{ id: 'street_address:country', displayName: 'Address Country', type: 'string' },
		{ id: 'birthday_month', displayName: 'Birthday Month', type: 'number' },
		{ id: 'birthday_day', displayName: 'Birthday Day', type: 'number' },
		{ id: 'anniversary', displayName: 'Anniversary', type: 'string' },
	];
}
