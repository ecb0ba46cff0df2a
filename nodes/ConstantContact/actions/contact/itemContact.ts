import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getCustomFieldDefinitions } from '../../account/lookups';
import { applyMappingDefaults, readMappingDefaults } from '../../mapping/contact/defaults';
import { listIdsFromPicker, toIdList } from '../../mapping/common/ids';
import { autoMapItem, contactInputFromFields, mergeContactInputs, scalarText } from '../../mapping/contact/input';
import type { ContactInput, ContactTarget } from '../../mapping/contact/types';
import type { ValidContact } from '../../mapping/contact/validate';
import { assertValid, validateContactInput } from '../../mapping/contact/validate';
import type { FieldParameters } from './fieldParameters';

// An item → a valid contact: the node's contact parameters read for one item, checked before any write.

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
