import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { MAPPER_DESCRIPTION, contactFieldsMapper } from '../../descriptions/contactFields.description';
import {
	contactsAdditionalFields,
	signUpAdditionalFields,
	tagsField,
	existingContactOptions,
	mappingDefaultsField,
} from '../../descriptions/contactAdditional.description';
import { listMembershipsField } from '../../descriptions/lists.description';
import { toContactPostRequest, toSignUpFormRequest } from '../../mapping/contact/contactBody';
import { CREATION_CLOCK_SKEW_MS } from '../../mapping/contact/createdBy';
import type { ContactResource, PermissionToSend } from '../../mapping/contact/types';
import { CONTACT_INCLUDE } from '../../mapping/contact/types';
import type { ValidContact } from '../../mapping/contact/validate';
import { constantContactRequest } from '../../transport/request';
import { expectId, expectRecord } from '../../transport/responses';
import { readContact } from './locate';
import { createContactOrConflict, findContactByEmail, readUpdateOptions, updateExistingContact } from './contactWrites';
import { CONTACTS_PARAMETERS, SIGN_UP_PARAMETERS } from './fieldParameters';
import { itemEmail, readValidContact, withDropped } from './itemContact';

const show = { resource: ['contact'], operation: ['upsert'] };
const accountSync = { show: { ...show, consentPath: ['accountSync'] } };
const signUp = { show: { ...show, consentPath: ['signUpForm'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Consent Path',
		name: 'consentPath',
		type: 'options',
		noDataExpression: true,
		default: 'accountSync',
		displayOptions: { show },
		options: [
			{
				name: 'Account Sync, Keeps Consent',
				value: 'accountSync',
				description:
					'For data from your own systems (CRM, shop, spreadsheet). Looks the email up (deleted and unsubscribed contacts included): a new contact is created with the permission you choose; an existing one is updated by merging the given fields, never changing its permission to send, so an unsubscribed contact stays unsubscribed.',
			},
			{
				name: "Contact's Own Sign-Up",
				value: 'signUpForm',
				description:
					'Only for the person\'s own action, such as submitting your sign-up form. Uses Constant Contact\'s sign-up form endpoint, which sets permission to send to explicit, even for a contact who had unsubscribed, and restores deleted contacts.',
			},
		],
	},
	{
		displayName:
			"Constant Contact sets this contact's permission to send to explicit, even if they had unsubscribed. Use this path only when the person is signing up themselves; for syncing data from other systems, use Account Sync.",
		name: 'signUpNotice',
		type: 'notice',
		default: '',
		displayOptions: signUp,
	},
	contactFieldsMapper('contactFields', 'getContactFields', accountSync, MAPPER_DESCRIPTION),
	listMembershipsField('listMemberships', accountSync, {
		required: false,
		description: 'Lists to add the contact to (at most 50)',
	}),
	tagsField(accountSync),
	contactsAdditionalFields(accountSync),
	mappingDefaultsField('mappingDefaults', accountSync, { phoneKind: true }),
	existingContactOptions(accountSync),
	contactFieldsMapper(
		'signUpFields',
		'getSignUpFormFields',
		signUp,
		`${MAPPER_DESCRIPTION} The sign-up form takes one phone number and one address.`,
	),
	listMembershipsField('signUpListMemberships', signUp, {
		required: true,
		description: 'The lists the person signs up for: at least 1, at most 50',
	}),
	signUpAdditionalFields(signUp),
	mappingDefaultsField('signUpMappingDefaults', signUp, { phoneKind: false }),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('consentPath', itemIndex, 'accountSync') === 'signUpForm') {
		const contact = await readValidContact.call(this, SIGN_UP_PARAMETERS, 'sign_up_form', itemIndex);
		return withDropped(contact, await signUpForm.call(this, contact, itemIndex));
	}
	const contact = await readValidContact.call(this, CONTACTS_PARAMETERS, 'contacts', itemIndex);
	return withDropped(contact, await syncAccount.call(this, contact, itemIndex));
}

async function getContact(this: IExecuteFunctions, contactId: string, itemIndex: number): Promise<ContactResource> {
	const answer = await constantContactRequest.call(this, {
		method: 'GET',
		path: `/contacts/${encodeURIComponent(contactId)}`,
		qs: { include: CONTACT_INCLUDE },
		itemIndex,
	});
	return readContact.call(this, answer, 'GET /contacts/{contact_id}', itemIndex);
}

/**
 * `POST /contacts/sign_up_form`: created (201) or updated (200); its 409 (simultaneous writes) is
 * retried. Keyed on the email, it is safe to send again after an ambiguous failure, but the answer to
 * the resend is then "updated" even when our first attempt created the contact: the contact's
 * `created_at` (after this request was sent) tells the two apart.
 */
async function signUpForm(this: IExecuteFunctions, contact: ValidContact, itemIndex: number): Promise<INodeExecutionData[]> {
	const sentAt = Date.now();
	let ambiguous = false;
	const response = await constantContactRequest.call<
		IExecuteFunctions,
		Parameters<typeof constantContactRequest>,
		Promise<{ statusCode: number; body: unknown }>
	>(this, {
		method: 'POST',
		path: '/contacts/sign_up_form',
		body: toSignUpFormRequest(contact) as unknown as IDataObject,
		fullResponse: true,
		retryWhen: (failure) => failure.status === 409,
		// Create or update keyed on the email: sending it again after an ambiguous failure cannot
		// duplicate. Resent through resolveAmbiguous (undefined: send again) to learn that it happened.
		idempotent: false,
		resolveAmbiguous: async () => {
			ambiguous = true;
			return undefined;
		},
		email: contact.email,
		itemIndex,
	});
	const what = 'POST /contacts/sign_up_form';
	const answer = expectRecord(this.getNode(), response.body, what, itemIndex);
	const stored = await getContact.call(this, expectId(this.getNode(), answer.contact_id, 'contact_id', what, itemIndex), itemIndex);
	const createdAt = Date.parse(String(stored.created_at ?? ''));
	const createdByFirstAttempt = ambiguous && response.statusCode === 200 && createdAt >= sentAt - CREATION_CLOCK_SKEW_MS;
	const action = response.statusCode === 201 || createdByFirstAttempt ? 'created' : 'updated';
	return [{ json: { ...stored, action } as IDataObject }];
}

/** Look up (every state) → not found: POST; found: merge and PUT, keeping consent. */
async function syncAccount(this: IExecuteFunctions, contact: ValidContact, itemIndex: number): Promise<INodeExecutionData[]> {
	const options = readUpdateOptions.call(this, itemIndex);
	const existing = await findContactByEmail.call(this, contact.email, itemIndex);
	if (existing) return [await updateExistingContact.call(this, existing, contact, options, itemIndex)];

	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const permission = (additional.permissionToSend as PermissionToSend | undefined) ?? 'implicit';
	const outcome = await createContactOrConflict.call(
		this,
		toContactPostRequest(contact, { permission_to_send: permission }),
		itemIndex,
	);
	if ('created' in outcome) return [{ json: { ...outcome.created, action: 'created' } as IDataObject }];
	// Someone created it between our lookup and our POST: update it instead.
	const concurrent = await findContactByEmail.call(this, contact.email, itemIndex);
	if (!concurrent) throw outcome.conflict;
	return [await updateExistingContact.call(this, concurrent, contact, options, itemIndex)];
}

/** The item's contact fields for its path, checked as execute checks them, before any item is written. */
export async function validate(this: IExecuteFunctions, itemIndex: number): Promise<void> {
	const path = this.getNodeParameter('consentPath', itemIndex, 'accountSync') as string;
	if (path === 'signUpForm') await readValidContact.call(this, SIGN_UP_PARAMETERS, 'sign_up_form', itemIndex);
	else await readValidContact.call(this, CONTACTS_PARAMETERS, 'contacts', itemIndex);
}

export function orderingKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const path = this.getNodeParameter('consentPath', itemIndex, 'accountSync') as string;
	return path === 'signUpForm'
		? itemEmail.call(this, SIGN_UP_PARAMETERS, 'sign_up_form', itemIndex)
		: itemEmail.call(this, CONTACTS_PARAMETERS, 'contacts', itemIndex);
}
