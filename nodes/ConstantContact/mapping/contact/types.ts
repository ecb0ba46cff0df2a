/**
 * Shapes of what Constant Contact sends and takes (swagger-v3.yaml), and of the contact fields a
 * user gives, before they become a request body.
 */

export const PHONE_KINDS = ['home', 'work', 'mobile', 'other'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

export const ADDRESS_KINDS = ['home', 'work', 'other'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

export const ADDRESS_PARTS = ['street', 'city', 'state', 'postal_code', 'country'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

export const NAME_FIELDS = ['first_name', 'last_name', 'job_title', 'company_name'] as const;
export type NameField = (typeof NAME_FIELDS)[number];

/** Every subresource `GET /contacts?include=` can add. */
export const CONTACT_INCLUDE = 'custom_fields,list_memberships,phone_numbers,street_addresses,taggings,notes';

export type PermissionToSend = 'explicit' | 'implicit' | 'not_set' | 'pending_confirmation' | 'temp_hold' | 'unsubscribed';

/**
 * The permission states `EmailAddressPut` lists (swagger-v3.yaml): a PUT accepts each of them, so a
 * stored state goes back as it is; a state outside this list is never sent back.
 */
export const PUT_PERMISSIONS: readonly PermissionToSend[] = ['explicit', 'implicit', 'not_set', 'pending_confirmation', 'temp_hold', 'unsubscribed'];

/** `ContactResource.sms_channel`: the number split into dial code and address, with its consents. */
export interface StoredSmsChannel {
	sms_channel_id?: string;
	sms_address?: string;
	dial_code?: string;
	country_code?: string;
	sms_channel_consents?: Array<{ sms_consent_permission?: string; consent_type?: string; [key: string]: unknown }>;
	[key: string]: unknown;
}

/** `ContactSmsChannel`, what a PUT takes: the full number with its dial code, and the consents. */
export interface SmsChannelPut {
	full_sms_address: string;
	sms_channel_consents: Array<{ sms_consent_permission: string; consent_type: string }>;
}

/** `PhoneNumberPut` */
export interface PhoneNumberInput {
	phone_number: string;
	kind?: string;
}

/** `StreetAddressPut` (kind is required by Constant Contact; validation says so before any request) */
export interface StreetAddressInput {
	kind?: string;
	street?: string;
	city?: string;
	state?: string;
	postal_code?: string;
	country?: string;
}

/**
 * A custom field value as the user gave it: `key` is a custom field ID, or (from automatic mapping)
 * the custom field's name or label. `value` is text; for select types, the choice label(s).
 */
export interface CustomFieldInput {
	key: string;
	value: string;
}

/** The contact fields one item gives, normalised but not yet validated. */
export interface ContactInput {
	email?: string;
	first_name?: string;
	last_name?: string;
	job_title?: string;
	company_name?: string;
	phone_numbers: PhoneNumberInput[];
	street_addresses: StreetAddressInput[];
	birthday_month?: string | number;
	birthday_day?: string | number;
	anniversary?: string;
	custom_fields: CustomFieldInput[];
	list_ids: string[];
	tag_ids: string[];
	notes: string[];
}

export function emptyContactInput(): ContactInput {
	return { phone_numbers: [], street_addresses: [], custom_fields: [], list_ids: [], tag_ids: [], notes: [] };
}

/** `CustomFieldChoice` */
export interface CustomFieldChoice {
	choice_id?: number | string;
	choice_label?: string;
	display_order?: number;
}

/** `CustomField`, as `GET /contact_custom_fields` returns it. */
export interface CustomFieldDefinition {
	custom_field_id: string;
	label: string;
	name?: string;
	type: string;
	choices?: CustomFieldChoice[];
}

/** `ContactCustomField` */
export interface ContactCustomField {
	custom_field_id: string;
	value?: string;
	choice_ids?: string[];
}

export interface StoredPhoneNumber {
	phone_number_id?: string;
	phone_number?: string;
	kind?: string;
	[key: string]: unknown;
}

export interface StoredStreetAddress extends StreetAddressInput {
	street_address_id?: string;
	[key: string]: unknown;
}

export interface StoredNote {
	note_id?: string;
	created_at?: string;
	content?: string;
}

/** `ContactResource`, as `GET /contacts?include=…` returns it. */
export interface ContactResource {
	contact_id: string;
	email_address?: {
		address: string;
		permission_to_send?: string;
		opt_out_source?: string;
		[key: string]: unknown;
	};
	first_name?: string | null;
	last_name?: string | null;
	job_title?: string | null;
	company_name?: string | null;
	birthday_month?: number | null;
	birthday_day?: number | null;
	anniversary?: string | null;
	create_source?: string;
	update_source?: string;
	deleted_at?: string | null;
	custom_fields?: ContactCustomField[];
	phone_numbers?: StoredPhoneNumber[];
	street_addresses?: StoredStreetAddress[];
	list_memberships?: string[];
	taggings?: string[];
	notes?: StoredNote[];
	sms_channel?: StoredSmsChannel | null;
	[key: string]: unknown;
}

/** `ContactPostRequest` */
export interface ContactPostRequest {
	email_address: { address: string; permission_to_send?: string };
	first_name?: string;
	last_name?: string;
	job_title?: string;
	company_name?: string;
	create_source: 'Account' | 'Contact';
	birthday_month?: number;
	birthday_day?: number;
	anniversary?: string;
	custom_fields?: ContactCustomField[];
	phone_numbers?: PhoneNumberInput[];
	street_addresses?: StreetAddressInput[];
	list_memberships?: string[];
	taggings?: string[];
	notes?: Array<{ content: string }>;
}

/** `ContactPutRequest` */
export interface ContactPutRequest {
	email_address?: { address: string; permission_to_send?: string };
	first_name?: string;
	last_name?: string;
	job_title?: string;
	company_name?: string;
	birthday_month?: number;
	birthday_day?: number;
	anniversary?: string;
	update_source: 'Account' | 'Contact';
	custom_fields?: ContactCustomField[];
	phone_numbers?: PhoneNumberInput[];
	street_addresses?: StreetAddressInput[];
	list_memberships?: string[];
	taggings?: string[];
	notes?: StoredNote[];
	sms_channel?: SmsChannelPut;
}

/** `ContactCreateOrUpdateInput` (`POST /contacts/sign_up_form`) */
export interface SignUpFormRequest {
	email_address: string;
	first_name?: string;
	last_name?: string;
	job_title?: string;
	company_name?: string;
	phone_number?: string;
	list_memberships: string[];
	custom_fields?: Array<{ custom_field_id: string; value: string }>;
	anniversary?: string;
	birthday_month?: number;
	birthday_day?: number;
	street_address?: StreetAddressInput & { kind: string };
}

/** Which endpoint a body is for: their limits differ. */
export type ContactTarget = 'contacts' | 'sign_up_form';
