import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** The contact an operation acts on: picked from a searchable list, by email, or by ID. */
export function contactLocator(displayOptions: IDisplayOptions, description = 'The contact to act on'): INodeProperties {
	return {
		displayName: 'Contact',
		name: 'contact',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a contact...',
				typeOptions: { searchListMethod: 'searchContacts', searchable: true },
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. nathan@example.com',
				hint: 'The exact email address; deleted and unsubscribed contacts are found too',
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 04fe9a97-a579-43c5-bb1a-58ed29bf0a6a',
			},
		],
	};
}

/** A picker of one of the account's lists, tags or campaigns: searchable over every page, or an ID. */
export function accountLocator(
	noun: 'list' | 'tag' | 'campaign' | 'event',
	searchListMethod: string,
	idExample: string,
	displayOptions: IDisplayOptions,
	description: string,
): INodeProperties {
	return {
		displayName: `${noun.charAt(0).toUpperCase()}${noun.slice(1)}`,
		name: noun,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${noun}...`,
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${idExample}`,
			},
		],
	};
}

/** One list: searchable over every list of the account, or by ID. */
export function listLocator(displayOptions: IDisplayOptions, description = 'The list to act on'): INodeProperties {
	return accountLocator('list', 'searchLists', '07936f78-662a-11eb-af0a-fa163e56c9b0', displayOptions, description);
}

/** One tag: searchable over every tag of the account, or by ID. */
export function tagLocator(displayOptions: IDisplayOptions, description = 'The tag to act on'): INodeProperties {
	return accountLocator('tag', 'searchTags', 'd938260a-af1e-11e9-a540-fa163e595123', displayOptions, description);
}

/** One custom field: searchable over every custom field of the account (by label or name), or by ID. */
export function customFieldLocator(displayOptions: IDisplayOptions, description = 'The custom field to act on'): INodeProperties {
	return {
		displayName: 'Custom Field',
		name: 'customField',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a custom field...',
				typeOptions: { searchListMethod: 'searchCustomFields', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 1618ae62-4752-11e9-9c8a-fa163e6b01c1' },
		],
	};
}

/** Tags chosen from every tag of the account (at least one). */
export function tagIdsField(name: string, displayOptions: IDisplayOptions, description: string): INodeProperties {
	return {
		displayName: 'Tag Names or IDs',
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		required: true,
		description: `${description}. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
		displayOptions,
	};
}

/** Return All + Limit, n8n's usual pair. */
export function returnAllFields(displayOptions: IDisplayOptions, maxPage: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			hint: `Fetched in pages of up to ${maxPage}`,
			displayOptions: { ...displayOptions, show: { ...displayOptions.show, returnAll: [false] } },
		},
	];
}

export const CONTACT_SUBRESOURCE_OPTIONS = [
	{ name: 'Custom Fields', value: 'custom_fields' },
	{ name: 'List Memberships', value: 'list_memberships' },
	{ name: 'Notes', value: 'notes' },
	{ name: 'Phone Numbers', value: 'phone_numbers' },
	{ name: 'Street Addresses', value: 'street_addresses' },
	{ name: 'Tags', value: 'taggings' },
];

/** Which subresources `include=` adds to each contact. */
export function includeField(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		options: CONTACT_SUBRESOURCE_OPTIONS,
		default: ['custom_fields', 'list_memberships', 'notes', 'phone_numbers', 'street_addresses', 'taggings'],
		description: 'Parts of the contact to return besides its name, email and permission. Fewer parts make a smaller output.',
		displayOptions,
	};
}
