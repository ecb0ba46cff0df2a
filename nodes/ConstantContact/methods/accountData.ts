import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { CustomFieldDefinition } from '../mapping/types';
import { checkedDefinitions } from '../actions/contact/shared';
import { constantContactRequestAllItems } from '../transport/paginate';
import { constantContactRequest } from '../transport/request';

/** Every list of the account (every page, 500 per page). */
export async function loadAllLists(this: ILoadOptionsFunctions): Promise<IDataObject[]> {
	return await constantContactRequestAllItems.call<
		ILoadOptionsFunctions,
		Parameters<typeof constantContactRequestAllItems>,
		Promise<IDataObject[]>
	>(this, 'lists', '/contact_lists', {}, { pageSize: 500 });
}

/** Every custom field of the account (every page, 100 per page). */
export async function loadAllCustomFields(this: ILoadOptionsFunctions): Promise<CustomFieldDefinition[]> {
	const definitions = await constantContactRequestAllItems.call<
		ILoadOptionsFunctions,
		Parameters<typeof constantContactRequestAllItems>,
		Promise<CustomFieldDefinition[]>
	>(this, 'custom_fields', '/contact_custom_fields', {}, { pageSize: 100 });
	return checkedDefinitions(this.getNode(), definitions);
}

/**
 * `GET /account/emails?confirm_status=CONFIRMED`: the addresses a campaign may be sent from and
 * replied to (a bare array, unpaginated; needs account_read).
 */
export async function loadConfirmedSenders(this: IExecuteFunctions | ILoadOptionsFunctions, itemIndex?: number): Promise<string[]> {
	const answer = (await constantContactRequest.call(this, {
		method: 'GET',
		path: '/account/emails',
		qs: { confirm_status: 'CONFIRMED' },
		itemIndex,
	})) as IDataObject[];
	return (Array.isArray(answer) ? answer : []).map((e) => String(e.email_address ?? '')).filter(Boolean);
}
