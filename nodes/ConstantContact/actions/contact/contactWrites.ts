import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { createdByRequest } from '../../mapping/contact/createdBy';
import type { MembershipMode } from '../../mapping/contact/merge';
import { isDeleted, mergeContactForPut, uncarriedSubresources } from '../../mapping/contact/merge';
import type { ContactPostRequest, ContactResource } from '../../mapping/contact/types';
import { CONTACT_INCLUDE } from '../../mapping/contact/types';
import type { ValidContact } from '../../mapping/contact/validate';
import { invalidInputError } from '../../mapping/common/problems';
import { constantContactRequest } from '../../transport/request';
import { expectRecord } from '../../transport/responses';
import { contactWithEmail } from './locate';
import { isApiError } from '../../transport/errors';

// The contact writes the operations share: find by email, create (safely after an ambiguous failure)
// and the consent-keeping update.

/** Looks the email up in every state, deleted included, with every subresource. */
export async function findContactByEmail(this: IExecuteFunctions, email: string, itemIndex: number): Promise<ContactResource | undefined> {
	const page = await constantContactRequest.call(this, {
		method: 'GET',
		path: '/contacts',
		qs: { email, status: 'all', include: CONTACT_INCLUDE },
		itemIndex,
	});
	return contactWithEmail.call(this, page, email, itemIndex);
}

/**
 * `POST /contacts`. After an ambiguous failure (a 5xx, a dropped connection) the email is looked up:
 * the contact found counts as created by this request only on the evidence (`createdByRequest`: not
 * deleted, created after the request was sent, holding the fields it sent). Otherwise the request
 * is sent again, so that Constant Contact itself answers: a 409 when the email was there before,
 * which the caller resolves as the user chose. A retry never duplicates and never claims a contact
 * it did not create.
 */
export async function createContact(
	this: IExecuteFunctions,
	body: ContactPostRequest,
	itemIndex: number,
): Promise<ContactResource> {
	const email = body.email_address.address;
	const sentAt = Date.now();
	const created = await constantContactRequest.call(this, {
		method: 'POST',
		path: '/contacts',
		body: body as unknown as IDataObject,
		email,
		itemIndex,
		resolveAmbiguous: async () => {
			const found = await findContactByEmail.call(this, email, itemIndex);
			return found && createdByRequest(found, body, sentAt, Date.now()) ? found : undefined;
		},
	});
	return expectRecord(this.getNode(), created, 'POST /contacts', itemIndex) as ContactResource;
}

/**
 * `POST /contacts`, with Constant Contact's 409 (the email exists, in any state) returned as a value
 * for the caller to resolve; every other failure is thrown as the transport's NodeApiError.
 */
export async function createContactOrConflict(
	this: IExecuteFunctions,
	body: ContactPostRequest,
	itemIndex: number,
): Promise<{ created: ContactResource } | { conflict: NodeApiError }> {
	return await createContact.call(this, body, itemIndex).then(
		(created) => ({ created }),
		(error: unknown) => {
			if (isApiError(error, 409)) return { conflict: error as NodeApiError };
			throw error;
		},
	);
}

export interface UpdateOptions {
	listMembershipMode?: MembershipMode;
	taggingMode?: MembershipMode;
	reviveDeleted?: boolean;
}

export function readUpdateOptions(this: IExecuteFunctions, itemIndex: number): UpdateOptions {
	return this.getNodeParameter('existingContactOptions', itemIndex, {}) as UpdateOptions;
}

/**
 * The consent-keeping update: merge what was given into the stored contact and PUT it, keeping
 * `permission_to_send`; no PUT when nothing would change; a deleted contact only when asked.
 */
export async function updateExistingContact(
	this: IExecuteFunctions,
	existing: ContactResource,
	contact: ValidContact,
	options: UpdateOptions,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const deleted = isDeleted(existing);
	if (deleted && !options.reviveDeleted) {
		return {
			json: {
				...existing,
				action: 'skipped',
				skip_reason:
					'The contact was deleted in Constant Contact. Turn on "Revive Deleted Contact" under Existing Contact Options to restore and update it.',
			} as IDataObject,
		};
	}
	const merge = mergeContactForPut(existing, contact, {
		list_memberships: options.listMembershipMode ?? 'append',
		taggings: options.taggingMode ?? 'append',
	});
	if (merge.problems.length) throw invalidInputError(this.getNode(), merge.problems, itemIndex);
	if (!merge.changed && !deleted) return { json: { ...existing, action: 'unchanged' } as IDataObject };
	const answer = await constantContactRequest.call(this, {
		method: 'PUT',
		path: `/contacts/${encodeURIComponent(existing.contact_id)}`,
		body: merge.body as unknown as IDataObject,
		email: contact.email,
		itemIndex,
	});
	const updated = expectRecord(this.getNode(), answer, 'PUT /contacts/{contact_id}', itemIndex) as ContactResource;
	const kept = uncarriedSubresources(existing, updated);
	return {
		json: {
			...updated,
			...kept,
			action: 'updated',
			...(deleted ? { revived: true } : {}),
		} as IDataObject,
	};
}
