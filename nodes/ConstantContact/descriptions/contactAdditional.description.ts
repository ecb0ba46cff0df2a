import type { INodeProperties } from 'n8n-workflow';

export const phoneNumbersField: INodeProperties = {
	displayName: 'Phone Numbers',
	name: 'phoneNumbers',
	type: 'fixedCollection',
	placeholder: 'Add Phone Number',
	default: {},
	description: 'Up to 3 per contact, counting those mapped above',
	typeOptions: { multipleValues: true, maxAllowedFields: 3 },
	options: [
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			values: [
				{
					displayName: 'Kind',
					name: 'kind',
					type: 'options',
					default: 'mobile',
					options: [
						{ name: 'Home', value: 'home' },
						{ name: 'Mobile', value: 'mobile' },
						{ name: 'Other', value: 'other' },
						{ name: 'Work', value: 'work' },
					],
				},
				{
					displayName: 'Phone Number',
					name: 'phone_number',
					type: 'string',
					default: '',
					description: 'At most 25 characters',
				},
			],
		},
	],
};

export const streetAddressesField: INodeProperties = {
	displayName: 'Street Addresses',
	name: 'streetAddresses',
	type: 'fixedCollection',
	placeholder: 'Add Street Address',
	default: {},
	description: 'Up to 3 per contact, counting the one mapped above; each needs a kind',
	typeOptions: { multipleValues: true, maxAllowedFields: 3 },
	options: [
		{
			displayName: 'Street Address',
			name: 'streetAddress',
			values: [
				{
					displayName: 'City',
					name: 'city',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Country',
					name: 'country',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Kind',
					name: 'kind',
					type: 'options',
					required: true,
					default: 'home',
					options: [
						{ name: 'Home', value: 'home' },
						{ name: 'Other', value: 'other' },
						{ name: 'Work', value: 'work' },
					],
				},
				{
					displayName: 'Postal Code',
					name: 'postal_code',
					type: 'string',
					default: '',
				},
				{
					displayName: 'State',
					name: 'state',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Street',
					name: 'street',
					type: 'string',
					default: '',
				},
			],
		},
	],
};

export const customFieldsField: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	placeholder: 'Add Custom Field',
	default: {},
	description:
		'Custom fields by ID, for values that come from expressions. For select types, give the choice label (several comma-separated for multi-select).',
	typeOptions: { multipleValues: true },
	options: [
		{
			displayName: 'Custom Field',
			name: 'customField',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'custom_field_id',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCustomFields' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description: 'At most 255 characters',
				},
			],
		},
	],
};

export const notesField: INodeProperties = {
	displayName: 'Notes',
	name: 'notes',
	type: 'fixedCollection',
	placeholder: 'Add Note',
	default: {},
	description: 'Notes added to the contact; a note whose text the contact already has is not added again',
	typeOptions: { multipleValues: true },
	options: [
		{
			displayName: 'Note',
			name: 'note',
			values: [
				{
					displayName: 'Content',
					name: 'content',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
					description: 'At most 2000 characters',
				},
			],
		},
	],
};

export const permissionToSendField: INodeProperties = {
	displayName: 'Permission to Send (New Contacts)',
	name: 'permissionToSend',
	type: 'options',
	default: 'implicit',
	description:
		'The email permission a newly created contact gets. Existing contacts always keep theirs. Choose Explicit only when the person gave you express consent.',
	options: [
		{ name: 'Explicit', value: 'explicit', description: 'The person expressly agreed to receive your emails' },
		{ name: 'Implicit', value: 'implicit', description: 'An existing business relationship (the default)' },
		{ name: 'Not Set', value: 'not_set' },
	],
};

export const tagsField = (displayOptions: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'Tag Names or IDs',
	name: 'taggings',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTags' },
	default: [],
	description:
		'Tags to add to the contact (at most 50). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	displayOptions,
});

/** The /contacts paths (Create; Create or Update by account sync): every subresource. */
export const contactsAdditionalFields = (displayOptions: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions,
	options: [customFieldsField, notesField, permissionToSendField, phoneNumbersField, streetAddressesField],
});

/** The sign-up path takes only what sign_up_form takes: custom fields by value. */
export const signUpAdditionalFields = (displayOptions: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'signUpAdditionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	displayOptions,
	options: [{ ...customFieldsField, description: `${customFieldsField.description} At most 50 on the sign-up form.` }],
});

/** How an existing contact is updated: the consent-keeping merge. */
export const existingContactOptions = (displayOptions: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'Existing Contact Options',
	name: 'existingContactOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	description:
		"How an existing contact is updated. Its fields are merged: what is not given is kept, and its permission to send is never changed (an unsubscribed contact stays unsubscribed).",
	displayOptions,
	options: [
		{
			displayName: 'Lists',
			name: 'listMembershipMode',
			type: 'options',
			default: 'append',
			options: [
				{ name: 'Add to Current Lists', value: 'append' },
				{
					name: 'Replace Current Lists',
					value: 'replace',
					description: 'The contact ends up in exactly the given lists (when at least one is given)',
				},
			],
		},
		{
			displayName: 'Revive Deleted Contact',
			name: 'reviveDeleted',
			type: 'boolean',
			default: false,
			description:
				'Whether to update (and so restore) a contact that was deleted in Constant Contact. Off: a deleted contact is left alone and the item is output with action "skipped".',
		},
		{
			displayName: 'Tags',
			name: 'taggingMode',
			type: 'options',
			default: 'append',
			options: [
				{ name: 'Add to Current Tags', value: 'append' },
				{
					name: 'Replace Current Tags',
					value: 'replace',
					description: 'The contact ends up with exactly the given tags (when at least one is given)',
				},
			],
		},
	],
});

/**
 * Mapping Defaults: what the node assumes where the data does not say, so that no item is refused
 * for a missing kind or an unusual date order.
 */
export const mappingDefaultsField = (
	name: 'mappingDefaults' | 'signUpMappingDefaults',
	displayOptions: INodeProperties['displayOptions'],
	options: { phoneKind: boolean },
): INodeProperties => ({
	displayName: 'Mapping Defaults',
	name,
	type: 'collection',
	placeholder: 'Add Default',
	default: {},
	description:
		'What to assume where the data does not say. Map Automatically keeps a kind the data names (a MobilePhone field, a Pipedrive phone label, a shipping address); everything else takes these.',
	displayOptions,
	options: [
		{
			displayName: 'Address Kind',
			name: 'addressKind',
			type: 'options',
			default: 'home',
			description:
				'The kind of an address whose kind is not given (Constant Contact requires one), such as a CRM\'s city, state and zip or a form\'s address. Default: Home.',
			options: [
				{ name: 'Home', value: 'home' },
				{ name: 'Other', value: 'other' },
				{ name: 'Work', value: 'work' },
			],
		},
		{
			displayName: 'Date Order',
			name: 'dateOrder',
			type: 'options',
			default: 'monthFirst',
			description:
				'How to read a birthday or anniversary such as 05/06/1990. A date that can be read only one way (17/05/1990) is read that way. Default: month first, as Constant Contact\'s own formats.',
			options: [
				{ name: 'Month First (05/17/1990)', value: 'monthFirst' },
				{ name: 'Day First (17/05/1990)', value: 'dayFirst' },
			],
		},
		...(options.phoneKind
			? [
					{
						displayName: 'Phone Kind',
						name: 'phoneKind',
						type: 'options' as const,
						default: 'other',
						description:
							'The kind of a phone number whose kind is not given, such as a form\'s "Phone" or a CRM\'s main phone. Default: Other, Constant Contact\'s kind for a number of unknown kind.',
						options: [
							{ name: 'Home', value: 'home' },
							{ name: 'Mobile', value: 'mobile' },
							{ name: 'Other', value: 'other' },
							{ name: 'Work', value: 'work' },
						],
					},
				]
			: []),
	],
});
