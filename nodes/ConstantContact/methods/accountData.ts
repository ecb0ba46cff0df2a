import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import type { CustomFieldDefinition } from '../mapping/types';
import { checkedDefinitions } from '../actions/contact/shared';
import { constantContactRequestAllItems } from '../transport/paginate';

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
