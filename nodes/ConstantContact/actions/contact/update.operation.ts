import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	customFieldsField,
	mappingDefaultsField,
	notesField,
	phoneNumbersField,
	streetAddressesField,
	tagsField,
} from '../../descriptions/contactAdditional.description';
import { contactFieldsMapper } from '../../descriptions/contactFields.description';
import { listMembershipsField } from '../../descriptions/lists.description';
import { contactLocator } from '../../descriptions/locators.description';
import type { MembershipMode } from '../../mapping/contact/merge';
import { CONTACT_SUBRESOURCES, isDeleted, mergeContactForPut, uncarriedSubresources } from '../../mapping/contact/merge';
import type { ContactChangeOptions, PermissionChange } from '../../mapping/contact/permission';
import { applyContactChanges } from '../../mapping/contact/permission';
import type { ContactPutRequest, ContactResource, PermissionToSend } from '../../mapping/contact/types';
import { PUT_PERMISSIONS } from '../../mapping/contact/types';
import type { ValidContact } from '../../mapping/contact/validate';
import { invalidInputError } from '../../mapping/common/problems';
import { constantContactRequest } from '../../transport/request';
import { expectRecord } from '../../transport/responses';
import { contactRefKey, readContactRef, requireContact } from './locate';
import type { FieldParameters } from './fieldParameters';
import { readValidContact, withDropped } from './itemContact';

const show = { resource: ['contact'], operation: ['update'] };

const UPDATE_PARAMETERS: FieldParameters = {
	mapper: 'updateFields',
	lists: 'changeListMemberships',
	additional: 'extraFields',
	taggings: true,
	defaults: 'mappingDefaults',
};

export const description: INodeProperties[] = [
	contactLocator({ show }, 'The contact to update: from the list, by email address or by contact ID'),
	{
		displayName:
			'Only the fields you give change; everything else is kept. The permission to send changes only when you set it under Options.',
		name: 'changeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	contactFieldsMapper(
		'updateFields',
		'getContactUpdateFields',
		{ show },
		'The fields to change. Fields left empty keep their stored value. An email different from the stored one becomes the contact\'s new address.',
	),
	listMembershipsField('changeListMemberships', { show }, { required: false, description: 'Lists to add the contact to (see Options to replace them instead)' }),
	tagsField({ show }),
	{
		displayName: 'Update Fields',
		name: 'extraFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [customFieldsField, notesField, phoneNumbersField, streetAddressesField],
	},
	mappingDefaultsField('mappingDefaults', { show }, { phoneKind: true }),
	{
		displayName: 'Options',
		name: 'changeOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Changed By',
				name: 'updateSource',
				type: 'options',
				default: 'Account',
				description: 'Who made this change; Constant Contact records it as the update source (and as the source of an unsubscribe)',
				options: [
					{ name: 'Account', value: 'Account', description: 'You or your systems (the usual case)' },
					{
						name: 'Contact',
						value: 'Contact',
						description: 'The person themselves, e.g. they asked to unsubscribe or to be re-subscribed',
					},
				],
			},
			{
				displayName: 'Lists',
				name: 'listMembershipMode',
				type: 'options',
				default: 'append',
				options: [
					{ name: 'Add to Current Lists', value: 'append' },
					{ name: 'Replace Current Lists', value: 'replace', description: 'The contact ends up in exactly the given lists (when at least one is given)' },
				],
			},
			{
				displayName: 'Permission to Send',
				name: 'permissionToSend',
				type: 'options',
				default: 'unsubscribed',
				description:
					'Change the email permission. Without this option it is never changed. Set Explicit or Implicit only with the person\'s own consent: an account cannot re-subscribe a contact who unsubscribed themselves (use Resubscribe, or Changed By: Contact when they asked).',
				options: [
					{ name: 'Explicit', value: 'explicit', description: 'The person expressly agreed to receive your emails' },
					{ name: 'Implicit', value: 'implicit', description: 'An existing business relationship' },
					{ name: 'Unsubscribed', value: 'unsubscribed', description: 'Stop all email to the contact' },
				],
			},
			{
				displayName: 'Revive Deleted Contact',
				name: 'reviveDeleted',
				type: 'boolean',
				default: false,
				description:
					'Whether to update (and so restore) a contact that was deleted in Constant Contact. Off: a deleted contact is left alone and output with action "skipped".',
			},
			{
				displayName: 'Tags',
				name: 'taggingMode',
				type: 'options',
				default: 'append',
				options: [
					{ name: 'Add to Current Tags', value: 'append' },
					{ name: 'Replace Current Tags', value: 'replace', description: 'The contact ends up with exactly the given tags (when at least one is given)' },
				],
			},
			{
				displayName: 'Unsubscribe Reason',
				name: 'optOutReason',
				type: 'string',
				default: '',
				description: 'Recorded with the unsubscribe (at most 255 characters)',
			},
		],
	},
];

/** Read (every subresource), merge the given fields, PUT; nothing is sent when nothing would change. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const ref = readContactRef.call(this, itemIndex);
	const options = this.getNodeParameter('changeOptions', itemIndex, {}) as IDataObject;
	const existing = await requireContact.call(this, ref, CONTACT_SUBRESOURCES as string[], itemIndex);
	const storedAddress = existing.email_address?.address;
	const contact = await readValidContact.call(this, UPDATE_PARAMETERS, 'contacts', itemIndex, { email: storedAddress });
	return withDropped(contact, await updateContact.call(this, existing, contact, options, itemIndex));
}

async function updateContact(
	this: IExecuteFunctions,
	existing: ContactResource,
	contact: ValidContact,
	options: IDataObject,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const deleted = isDeleted(existing);
	if (deleted && !options.reviveDeleted) {
		return [
			{
				json: {
					...existing,
					action: 'skipped',
					skip_reason:
						'The contact was deleted in Constant Contact. Turn on "Revive Deleted Contact" under Options to restore and update it.',
				} as IDataObject,
			},
		];
	}
	const merge = mergeContactForPut(existing, contact, {
		list_memberships: (options.listMembershipMode as MembershipMode | undefined) ?? 'append',
		taggings: (options.taggingMode as MembershipMode | undefined) ?? 'append',
	});
	const change: ContactChangeOptions = {
		email: contact.email,
		permission: options.permissionToSend as PermissionChange | undefined,
		optOutReason: options.optOutReason as string | undefined,
		updateSource: options.updateSource as ContactChangeOptions['updateSource'],
	};
	const problems = [...merge.problems, ...applyContactChanges(existing, merge, change)];
	if (problems.length) throw invalidInputError(this.getNode(), problems, itemIndex);
	if (!merge.changed && !deleted) return [{ json: { ...existing, action: 'unchanged' } as IDataObject }];

	const put = async (body: ContactPutRequest): Promise<ContactResource> => {
		const answer = await constantContactRequest.call(this, {
			method: 'PUT',
			path: `/contacts/${encodeURIComponent(existing.contact_id)}`,
			body: body as unknown as IDataObject,
			email: contact.email,
			itemIndex,
		});
		return expectRecord(this.getNode(), answer, 'PUT /contacts/{contact_id}', itemIndex) as ContactResource;
	};
	let updated: ContactResource;
	if (deleted && merge.body.update_source !== 'Account') {
		// "To restore a deleted contact you must specify the update_source as Account" (the contract):
		// restore it as the account; a permission change on the contact's own word follows as theirs.
		const ownWord = merge.changes.some((c) => c === 'permission_to_send' || c === 'opt_out_reason');
		const stored = existing.email_address?.permission_to_send as PermissionToSend | undefined;
		const restore: ContactPutRequest = {
			...merge.body,
			update_source: 'Account',
			email_address: {
				address: merge.body.email_address?.address ?? contact.email,
				...(stored && PUT_PERMISSIONS.includes(stored) ? { permission_to_send: stored } : {}),
			},
		};
		updated = await put(ownWord ? restore : { ...merge.body, update_source: 'Account' });
		if (ownWord) updated = await put(merge.body);
	} else {
		updated = await put(merge.body);
	}
	const kept = uncarriedSubresources(existing, updated);
	return [
		{
			json: {
				...updated,
				...kept,
				action: 'updated',
				changes: merge.changes,
				...(deleted ? { revived: true } : {}),
			} as IDataObject,
		},
	];
}

/**
 * The contact named and the fields to change, checked before any item is written. Where no new email
 * is given the contact keeps its stored one, which Constant Contact accepted: a valid address stands in.
 */
export async function validate(this: IExecuteFunctions, itemIndex: number): Promise<void> {
	readContactRef.call(this, itemIndex);
	await readValidContact.call(this, UPDATE_PARAMETERS, 'contacts', itemIndex, { email: 'stored.address@example.com' });
}

export function orderingKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return contactRefKey.call(this, itemIndex);
}
