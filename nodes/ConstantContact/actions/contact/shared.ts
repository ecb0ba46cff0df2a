import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { createdByRequest } from '../../mapping/createdBy';
import { applyMappingDefaults, readMappingDefaults } from '../../mapping/defaults';
import { autoMapItem, contactInputFromFields, mergeContactInputs, scalarText } from '../../mapping/input';
import type { MembershipMode } from '../../mapping/merge';
import { isDeleted, mergeContactForPut } from '../../mapping/merge';
import type { ContactInput, ContactPostRequest, ContactResource, ContactTarget, CustomFieldDefinition } from '../../mapping/types';
import { CONTACT_INCLUDE } from '../../mapping/types';

const SUBRESOURCES = CONTACT_INCLUDE.split(',') as Array<keyof ContactResource>;
import type { ValidContact } from '../../mapping/validate';
import { assertValid, invalidInputError, validateContactInput } from '../../mapping/validate';
import { constantContactRequestAllItems } from '../../transport/paginate';
import { constantContactRequest } from '../../transport/request';
import { expectRecord, unusableResponse } from '../../transport/responses';
import { customFieldDefinitionProblem } from '../../mapping/customFields';
import { contactWithEmail } from './locate';

/** Where one path of the node keeps its fields. */
export interface FieldParameters {
	mapper: string;
	lists: string;
	additional: string;
	/** Whether tags are offered (not on the sign-up form). */
	taggings: boolean;
	/** The Mapping Defaults collection: kinds and date order where the data does not say. */
	defaults: string;
}

export const CONTACTS_PARAMETERS: FieldParameters = {
	mapper: 'contactFields',
	lists: 'listMemberships',
	additional: 'additionalFields',
	taggings: true,
	defaults: 'mappingDefaults',
};

export const SIGN_UP_PARAMETERS: FieldParameters = {
	mapper: 'signUpFields',
	lists: 'signUpListMemberships',
	additional: 'signUpAdditionalFields',
	taggings: false,
	defaults: 'signUpMappingDefaults',
};

/** One request per execution for the account's custom fields (every page), shared by all items. */
const customFieldCache = new WeakMap<object, Promise<CustomFieldDefinition[]>>();

export async function getCustomFieldDefinitions(this: IExecuteFunctions, itemIndex: number): Promise<CustomFieldDefinition[]> {
	let pending = customFieldCache.get(this);
	if (!pending) {
		pending = constantContactRequestAllItems
			.call<IExecuteFunctions, Parameters<typeof constantContactRequestAllItems>, Promise<CustomFieldDefinition[]>>(
				this,
				'custom_fields',
				'/contact_custom_fields',
				{},
				{ pageSize: 100, itemIndex },
			)
			.then((definitions) => checkedDefinitions(this.getNode(), definitions, itemIndex));
		customFieldCache.set(this, pending);
		pending.catch(() => customFieldCache.delete(this));
	}
	return await pending;
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
 * An ID as text. A value that is neither text nor a number (an object from an expression) is named,
 * never converted: `String()` of an item's object can throw, or make "[object Object]" of it.
 */
function idText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	return Array.isArray(value) ? '(a list)' : '(an object)';
}

/** List IDs from the list pickers: each a resource locator; in ID mode one ID, several comma-separated, or an array. */
export function listIdsFromPicker(entries: unknown): string[] {
	const ids: string[] = [];
	const add = (value: unknown, depth = 0) => {
		// A locator, a list of them, or IDs; nothing deeper is any picker's shape.
		if (depth > 3) return;
		if (Array.isArray(value)) value.forEach((v) => add(v, depth + 1));
		else if (value && typeof value === 'object' && '__rl' in (value as IDataObject)) add((value as IDataObject).value, depth + 1);
		else if (value !== undefined && value !== null) {
			for (const id of idText(value).split(',')) if (id.trim()) ids.push(id.trim());
		}
	};
	for (const entry of Array.isArray(entries) ? entries : []) add((entry as IDataObject)?.list);
	return ids;
}

function asArray(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

function mappingMode(this: IExecuteFunctions, parameters: FieldParameters, itemIndex: number): string {
	return this.getNodeParameter(`${parameters.mapper}.mappingMode`, itemIndex, 'defineBelow') as string;
}

/** The item's email as mapped (no request): the key that keeps two items for one contact in order. */
export function itemEmail(this: IExecuteFunctions, parameters: FieldParameters, target: ContactTarget, itemIndex: number): string | undefined {
	try {
		const email =
			mappingMode.call(this, parameters, itemIndex) === 'autoMapInputData'
				? autoMapItem(this.getInputData()[itemIndex]?.json ?? {}, target).input.email
				: scalarText((this.getNodeParameter(`${parameters.mapper}.value`, itemIndex, {}) as IDataObject)?.email_address);
		return email ? email.trim().toLowerCase() : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The contact fields given outside the mapper: the Additional Fields collection (phones, addresses,
 * custom fields, notes), the list picker and the tags. Any of them may come from an expression, so
 * each value is read as whatever it is, never assumed to be text.
 */
export function additionalContactInput(additional: IDataObject, lists: unknown, tags: unknown): Partial<ContactInput> {
	const text = (value: unknown) => (value === undefined || value === null ? undefined : (scalarText(value) ?? ''));
	return {
		phone_numbers: asArray((additional.phoneNumbers as IDataObject | undefined)?.phoneNumber).map((p) => ({
			phone_number: text(p?.phone_number) ?? '',
			kind: text(p?.kind),
		})),
		street_addresses: asArray((additional.streetAddresses as IDataObject | undefined)?.streetAddress).map((a) => ({
			kind: text(a?.kind),
			street: scalarText(a?.street),
			city: scalarText(a?.city),
			state: scalarText(a?.state),
			postal_code: scalarText(a?.postal_code),
			country: scalarText(a?.country),
		})),
		custom_fields: asArray((additional.customFields as IDataObject | undefined)?.customField).map((f) => ({
			key: text(f?.custom_field_id) ?? '',
			value: scalarText(f?.value) ?? '',
		})),
		notes: asArray((additional.notes as IDataObject | undefined)?.note).map((n) => text(n?.content) ?? ''),
		list_ids: listIdsFromPicker(lists),
		tag_ids: toIdList(tags),
	};
}

/**
 * Reads one item's contact fields from the node's parameters (the mapper, the list picker, tags and
 * the additional fields), loads the account's custom fields when they are needed, and validates them
 * for the endpoint. Throws a NodeOperationError for the item before any write.
 */
export async function readValidContact(
	this: IExecuteFunctions,
	parameters: FieldParameters,
	target: ContactTarget,
	itemIndex: number,
	defaults: { email?: string } = {},
): Promise<ValidContact> {
	const auto = mappingMode.call(this, parameters, itemIndex) === 'autoMapInputData';
	const json = this.getInputData()[itemIndex]?.json ?? {};
	const additional = this.getNodeParameter(parameters.additional, itemIndex, {}) as IDataObject;

	const extra = additionalContactInput(
		additional,
		(this.getNodeParameter(parameters.lists, itemIndex, {}) as IDataObject).list,
		parameters.taggings ? this.getNodeParameter('taggings', itemIndex, []) : [],
	);

	const mappingDefaults = readMappingDefaults(this.getNodeParameter(parameters.defaults, itemIndex, {}) as IDataObject);
	const mapped = auto
		? undefined
		: contactInputFromFields(this.getNodeParameter(`${parameters.mapper}.value`, itemIndex, {}) as IDataObject, target);
	const firstPass = auto ? autoMapItem(json, target, undefined, mappingDefaults) : undefined;
	const needsDefinitions = firstPass
		? // A Form Trigger's or CRM's other fields, and its labels, may be custom fields, by name or label.
			firstPass.unmatched.length > 0 || firstPass.guessed.length > 0 || (extra.custom_fields?.length ?? 0) > 0
		: (mapped?.custom_fields.length ?? 0) > 0 || (extra.custom_fields?.length ?? 0) > 0;
	const definitions = needsDefinitions ? await getCustomFieldDefinitions.call(this, itemIndex) : undefined;
	const autoMapped = definitions && firstPass ? autoMapItem(json, target, definitions, mappingDefaults) : firstPass;
	const input = applyMappingDefaults(mergeContactInputs(mapped ?? autoMapped!.input, extra), target, mappingDefaults);
	// Update: an email not given means the contact keeps its own.
	if (!input.email?.trim() && defaults.email) input.email = defaults.email;
	const contact = assertValid(this.getNode(), validateContactInput(input, target, definitions), itemIndex);
	return autoMapped?.dropped.length ? { ...contact, dropped: autoMapped.dropped } : contact;
}

/** The item's output with what Map Automatically did not send, so that nothing is left out silently. */
export function withDropped(contact: ValidContact, items: INodeExecutionData[]): INodeExecutionData[] {
	if (!contact.dropped?.length) return items;
	return items.map((item) => ({ ...item, json: { ...item.json, dropped: contact.dropped } }));
}

/** Tag or list IDs from a multi-options parameter or an expression (array or comma-separated). */
export function toIdList(value: unknown, depth = 0): string[] {
	// A list of IDs, or IDs in a list of lists; nothing deeper is read.
	if (Array.isArray(value)) return depth > 3 ? [] : value.flatMap((v) => toIdList(v, depth + 1));
	if (value === undefined || value === null) return [];
	return idText(value)
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}

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

export function isConflict(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '409';
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
			if (isConflict(error)) return { conflict: error as NodeApiError };
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
	// The PUT answers with the subresources it carried; those it did not carry are unchanged.
	const kept = Object.fromEntries(SUBRESOURCES.filter((k) => updated[k] === undefined && existing[k] !== undefined).map((k) => [k, existing[k]]));
	return {
		json: {
			...updated,
			...kept,
			action: 'updated',
			...(deleted ? { revived: true } : {}),
		} as IDataObject,
	};
}
