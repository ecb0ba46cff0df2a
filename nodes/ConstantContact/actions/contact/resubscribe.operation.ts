import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { listMembershipsField } from '../../descriptions/lists.description';
import { contactLocator } from '../../descriptions/locators.description';
import { invalidInputError, unique } from '../../mapping/common/problems';
import { constantContactRequest } from '../../transport/request';
import { contactRefKey, readContactRef, requireContact } from './locate';
import { listIdsFromPicker } from '../../mapping/common/ids';
import { isApiError } from '../../transport/errors';

const show = { resource: ['contact'], operation: ['resubscribe'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'Constant Contact emails the contact a request to confirm that they want your emails again. They are re-subscribed (and added to the lists below) only when they confirm. Constant Contact sends this email only once per contact.',
		name: 'resubscribeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	contactLocator({ show }, 'The unsubscribed contact: from the list, by email address or by contact ID'),
	listMembershipsField('resubscribeLists', { show }, {
		required: true,
		description: 'The lists the contact joins once they confirm (1 to 50)',
	}),
];

function readListIds(this: IExecuteFunctions, itemIndex: number): string[] {
	const listIds = unique(listIdsFromPicker((this.getNodeParameter('resubscribeLists', itemIndex, {}) as IDataObject).list));
	if (listIds.length === 0) throw invalidInputError(this.getNode(), ['Lists: none given; choose at least one'], itemIndex);
	if (listIds.length > 50) throw invalidInputError(this.getNode(), [`Lists: ${listIds.length} given; Constant Contact allows at most 50`], itemIndex);
	return listIds;
}

/** The contact named and its lists, checked before any item is written. */
export async function validate(this: IExecuteFunctions, itemIndex: number): Promise<void> {
	readContactRef.call(this, itemIndex);
	readListIds.call(this, itemIndex);
}

/** `PUT /contacts/resubscribe/{id}` for an unsubscribed contact. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const ref = readContactRef.call(this, itemIndex);
	const listIds = readListIds.call(this, itemIndex);
	const contact = await requireContact.call(this, ref, [], itemIndex);
	const address = contact.email_address?.address ?? contact.contact_id;
	const permission = contact.email_address?.permission_to_send;
	if (permission !== 'unsubscribed') {
		throw new NodeOperationError(this.getNode(), `The contact ${address} is not unsubscribed (permission to send: ${permission ?? 'unknown'})`, {
			itemIndex,
			description: 'Resubscribe is only for unsubscribed contacts. To add a subscribed contact to lists, use Add to Lists.',
		});
	}
	let ambiguous = false;
	await constantContactRequest
		.call(this, {
			method: 'PUT',
			path: `/contacts/resubscribe/${encodeURIComponent(contact.contact_id)}`,
			body: { list_ids: listIds },
			// Constant Contact sends the email once per contact and refuses a second request (409), so
			// after an ambiguous failure the request is sent again: a 409 then means our first one went through.
			idempotent: false,
			resolveAmbiguous: async () => {
				ambiguous = true;
				return undefined;
			},
			itemIndex,
		})
		.catch((error: unknown) => {
			if (!isApiError(error, 409)) throw error;
			if (ambiguous) return;
			throw new NodeApiError(this.getNode(), { status: 409 }, {
				message: `Constant Contact already sent ${address} a resubscribe email (409)`,
				description:
					'Constant Contact sends the confirmation request only once per contact. The contact can still re-subscribe through your sign-up form.',
				httpCode: '409',
				itemIndex,
			});
		});
	return [
		{
			json: {
				contact_id: contact.contact_id,
				email_address: address,
				list_ids: listIds,
				resubscribe_email_sent: true,
			},
		},
	];
}

export function orderingKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return contactRefKey.call(this, itemIndex);
}
