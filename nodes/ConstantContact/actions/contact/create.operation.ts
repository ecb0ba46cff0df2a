import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { MAPPER_DESCRIPTION, contactFieldsMapper } from '../../descriptions/contactFields.description';
import { contactsAdditionalFields, tagsField, existingContactOptions, mappingDefaultsField } from '../../descriptions/contactAdditional.description';
import { listMembershipsField } from '../../descriptions/lists.description';
import { toContactPostRequest } from '../../mapping/contact/contactBody';
import type { PermissionToSend } from '../../mapping/contact/types';
import type { ValidContact } from '../../mapping/contact/validate';
import { createContactOrConflict, findContactByEmail, readUpdateOptions, updateExistingContact } from './contactWrites';
import { CONTACTS_PARAMETERS } from './fieldParameters';
import { itemEmail, readValidContact, withDropped } from './itemContact';

const show = { resource: ['contact'], operation: ['create'] };

export const description: INodeProperties[] = [
	contactFieldsMapper('contactFields', 'getContactFields', { show }, MAPPER_DESCRIPTION),
	listMembershipsField('listMemberships', { show }, {
		required: false,
		description: 'Lists to add the contact to (at most 50)',
	}),
	tagsField({ show }),
	contactsAdditionalFields({ show }),
	mappingDefaultsField('mappingDefaults', { show }, { phoneKind: true }),
	{
		displayName: 'If Contact Exists',
		name: 'ifContactExists',
		type: 'options',
		default: 'error',
		description:
			'What to do when Constant Contact already has this email address. Deleted and unsubscribed contacts also count as existing.',
		displayOptions: { show },
		options: [
			{
				name: 'Error',
				value: 'error',
				description: 'Fail the item; the message points to Create or Update',
			},
			{
				name: 'Skip',
				value: 'skip',
				description: 'Output the existing contact unchanged, with action "skipped"',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Merge the given fields into the existing contact, keeping its permission to send',
			},
		],
	},
	existingContactOptions({ show: { ...show, ifContactExists: ['update'] } }),
];

/** `POST /contacts` with create source `Account`; on 409 as "If Contact Exists" says. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const contact = await readValidContact.call(this, CONTACTS_PARAMETERS, 'contacts', itemIndex);
	return withDropped(contact, await createOne.call(this, contact, itemIndex));
}

async function createOne(this: IExecuteFunctions, contact: ValidContact, itemIndex: number): Promise<INodeExecutionData[]> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const permission = (additional.permissionToSend as PermissionToSend | undefined) ?? 'implicit';
	const body = toContactPostRequest(contact, { permission_to_send: permission });
	const outcome = await createContactOrConflict.call(this, body, itemIndex);
	if ('created' in outcome) return [{ json: { ...outcome.created, action: 'created' } as IDataObject }];
	const ifExists = this.getNodeParameter('ifContactExists', itemIndex, 'error') as string;
	// Error: the transport's 409 message says deleted and unsubscribed contacts also exist and points to Create or Update.
	if (ifExists === 'error') throw outcome.conflict;
	const existing = await findContactByEmail.call(this, contact.email, itemIndex);
	if (!existing) throw outcome.conflict;
	if (ifExists === 'skip') return [{ json: { ...existing, action: 'skipped' } as IDataObject }];
	return [
		await updateExistingContact.call(this, existing, contact, readUpdateOptions.call(this, itemIndex), itemIndex),
	];
}

/** The item's contact fields, checked as execute checks them, before any item is written. */
export async function validate(this: IExecuteFunctions, itemIndex: number): Promise<void> {
	await readValidContact.call(this, CONTACTS_PARAMETERS, 'contacts', itemIndex);
}

export function orderingKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return itemEmail.call(this, CONTACTS_PARAMETERS, 'contacts', itemIndex);
}
