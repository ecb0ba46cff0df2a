import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { accountLocator } from './locators.description';

/** One email campaign: searchable over the account's campaigns (deleted ones left out), or by ID. */
export function campaignLocator(displayOptions: IDisplayOptions, description = 'The email campaign to act on'): INodeProperties {
	return accountLocator('campaign', 'searchCampaigns', '9d3c6e2a-4b1f-4c2d-8a7e-3f5b6c7d8e9f', displayOptions, description);
}

/** A sender address: one of the account's confirmed email addresses, or typed in. */
export function senderLocator(name: string, displayName: string, description: string, displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		// Top level (Create) it is required; inside Update's collection it is one of the optional fields.
		...(displayOptions ? { required: true, displayOptions } : {}),
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a confirmed address...',
				typeOptions: { searchListMethod: 'searchSenderEmails', searchable: true },
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. nathan@example.com',
				hint: "Must be a confirmed email address of the Constant Contact account",
			},
		],
	};
}

/** One segment: searchable over the account's segments, or by its (integer) ID. */
export function segmentLocator(description: string, displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Segment',
		name: 'segment',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(displayOptions ? { required: true, displayOptions } : {}),
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a segment...',
				typeOptions: { searchListMethod: 'searchSegments', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 14',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A segment ID is a whole number' } }],
			},
		],
	};
}

/** Who the campaign goes to: contact lists or one segment, set on its primary email. */
export function audienceField(displayOptions: IDisplayOptions, description: string): INodeProperties {
	return {
		displayName: 'Audience',
		name: 'audience',
		type: 'collection',
		placeholder: 'Add Contact Lists or a Segment',
		default: {},
		description,
		displayOptions,
		options: [
			{
				displayName: 'Contact List Names or IDs',
				name: 'contactLists',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getLists' },
				default: [],
				description:
					'Send to the contacts of these lists (not together with a segment). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			segmentLocator('Send to the contacts of this segment (not together with contact lists)'),
		],
	};
}
