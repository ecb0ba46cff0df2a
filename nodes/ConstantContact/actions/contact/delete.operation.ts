import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { contactLocator } from '../../descriptions/locators.description';
import { constantContactRequest } from '../../transport/request';
import { contactRefKey, isNotFound, notFoundError, readContactRef, requireContact } from './locate';

const show = { resource: ['contact'], operation: ['delete'] };

export const description: INodeProperties[] = [
	contactLocator({ show }, 'The contact to delete: from the list, by email address or by contact ID'),
	{
		displayName:
			'Constant Contact keeps deleted contacts: they get no email, no longer count as active, and can be restored by Update (Revive Deleted Contact) or Create or Update. Their address still blocks Create.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
];

/** `DELETE /contacts/{id}` (a soft delete); an email is looked up first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const ref = readContactRef.call(this, itemIndex);
	const contact = ref.by === 'email' ? await requireContact.call(this, ref, [], itemIndex) : undefined;
	const contactId = contact?.contact_id ?? ref.value;
	await constantContactRequest
		.call(this, { method: 'DELETE', path: `/contacts/${encodeURIComponent(contactId)}`, itemIndex })
		.catch((error: unknown) => {
			throw isNotFound(error) ? notFoundError.call(this, ref, itemIndex) : error;
		});
	return [
		{
			json: {
				contact_id: contactId,
				...(contact?.email_address?.address ? { email_address: contact.email_address.address } : {}),
				deleted: true,
			} as IDataObject,
		},
	];
}

export function orderingKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return contactRefKey.call(this, itemIndex);
}
