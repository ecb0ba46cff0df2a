import type { ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { isSelectType } from '../mapping/contact/customFields';
import { CUSTOM_FIELD_PREFIX, contactFieldSpecs } from '../mapping/contact/fields';
import type { ContactTarget, CustomFieldDefinition } from '../mapping/contact/types';
import { loadAllCustomFields } from '../account/lookups';

/** A custom field as a mapper field: a dropdown of its choices for single_select, text otherwise. */
function customFieldMapperField(field: CustomFieldDefinition, target: ContactTarget): ResourceMapperField {
	const single = String(field.type).toLowerCase() === 'single_select';
	const choices = (field.choices ?? []).filter((c) => c.choice_label !== undefined);
	return {
		id: `${CUSTOM_FIELD_PREFIX}${field.custom_field_id}`,
		displayName: isSelectType(field.type) && !single ? `${field.label} (comma-separated choices)` : field.label,
		required: false,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		// Shown on request ("Add field"), so accounts with 100 custom fields keep a short form.
		removed: true,
		type: single && choices.length ? 'options' : target === 'contacts' && field.type === 'number' ? 'number' : 'string',
		...(single && choices.length
			? { options: choices.map((c) => ({ name: String(c.choice_label), value: String(c.choice_label) })) }
			: {}),
	};
}

async function fieldsFor(this: ILoadOptionsFunctions, target: ContactTarget, emailRequired = true): Promise<ResourceMapperFields> {
	const standard: ResourceMapperField[] = contactFieldSpecs(target).map((spec) => ({
		id: spec.id,
		displayName: spec.displayName,
		required: spec.id === 'email_address' ? emailRequired : (spec.required ?? false),
		defaultMatch: spec.id === 'email_address',
		canBeUsedToMatch: spec.id === 'email_address',
		display: true,
		type: spec.type,
		...(spec.options ? { options: spec.options } : {}),
	}));
	const customFields = await loadAllCustomFields.call(this);
	return { fields: [...standard, ...customFields.map((f) => customFieldMapperField(f, target))] };
}

/** The fields `/contacts` takes: up to one phone per kind and one address here, plus every custom field. */
export async function getContactFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsFor.call(this, 'contacts');
}

/** The fields `sign_up_form` takes: one phone, one address, custom fields. */
export async function getSignUpFormFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsFor.call(this, 'sign_up_form');
}

/** Update: the same fields as `/contacts`, none required; an email given there becomes the contact's new address. */
export async function getContactUpdateFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await fieldsFor.call(this, 'contacts', false);
}
