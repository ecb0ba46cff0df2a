import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INode } from 'n8n-workflow';

import { customFieldDefinitionProblem } from '../mapping/contact/customFields';
import type { CustomFieldDefinition } from '../mapping/contact/types';
import { constantContactRequestAllItems } from '../transport/paginate';
import { constantContactRequest } from '../transport/request';
import { unusableResponse } from '../transport/responses';

// What the node reads of the account to fill in an item or a picker: its lists, its custom fields and
// its confirmed senders. The operations (actions/) and the pickers (methods/) both use these, so the
// one loader of each lives below both.

/** Every list of the account (every page, 500 per page). */
export async function loadAllLists(this: ILoadOptionsFunctions): Promise<IDataObject[]> {
	return await constantContactRequestAllItems.call<
		ILoadOptionsFunctions,
		Parameters<typeof constantContactRequestAllItems>,
		Promise<IDataObject[]>
	>(this, 'lists', '/contact_lists', {}, { pageSize: 500 });
}

/** Every custom field of the account (every page, 100 per page), each checked before values are matched to it. */
export async function loadAllCustomFields(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex?: number,
): Promise<CustomFieldDefinition[]> {
	const definitions = await constantContactRequestAllItems.call<
		IExecuteFunctions | ILoadOptionsFunctions,
		Parameters<typeof constantContactRequestAllItems>,
		Promise<CustomFieldDefinition[]>
	>(this, 'custom_fields', '/contact_custom_fields', {}, { pageSize: 100, itemIndex });
	return checkedDefinitions(this.getNode(), definitions, itemIndex);
}

/** The account's custom fields, each checked before values are matched to it. */
export function checkedDefinitions(node: INode, definitions: unknown[], itemIndex?: number): CustomFieldDefinition[] {
	definitions.forEach((definition, index) => {
		const problem = customFieldDefinitionProblem(definition);
		if (problem) throw unusableResponse(node, 'GET /contact_custom_fields', `custom_fields[${index}] ${problem}`, itemIndex);
	});
	return definitions as CustomFieldDefinition[];
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

/**
 * A lookup read once per execution however many items ask: the first item's request is shared by
 * all; a failure is that item's error, and a later item asks again.
 */
function oncePerExecution<T>(load: (this: IExecuteFunctions, itemIndex: number) => Promise<T>) {
	const perExecution = new WeakMap<object, Promise<T>>();
	return async function (this: IExecuteFunctions, itemIndex: number): Promise<T> {
		let pending = perExecution.get(this);
		if (!pending) {
			pending = load.call(this, itemIndex);
			perExecution.set(this, pending);
			pending.catch(() => perExecution.delete(this));
		}
		return await pending;
	};
}

/** The account's custom fields, one request (every page) per execution, shared by all items. */
export const getCustomFieldDefinitions = oncePerExecution(loadAllCustomFields);

/** The confirmed sender addresses, read once per execution however many items it has. */
export const confirmedSenders = oncePerExecution(loadConfirmedSenders);
