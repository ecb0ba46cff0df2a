// POST /contact_custom_fields: at most 100 per account; labels unique (409); the name derives from the label.
// GET, PUT (label and choices; omitted ones become null, L3219-3221) and DELETE (204; the values go from
// every contact) /contact_custom_fields/{custom_field_id}.
import { randomUUID } from 'node:crypto';
import { conflictError, notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { nowIso } from '../state.mts';
import type { CustomFieldRecord } from '../types.mts';
import { bodyObject } from './contacts.mts';
import { isObj } from './context.mts';
import type { ApiContext } from './context.mts';

const TYPES = ['string', 'date', 'number', 'boolean', 'currency', 'single_select', 'multi_select'];
const MAX_FIELDS = 100;

export function createCustomField(ctx: ApiContext): ApiResult {
	const body = bodyObject(ctx);
	const { state } = ctx.core;
	const label = typeof body.label === 'string' ? body.label.trim() : '';
	const type = typeof body.type === 'string' ? body.type : '';
	const errors: string[] = [];
	if (!label) errors.push('#: required key [label] not found');
	if (!TYPES.includes(type)) errors.push(`#/type: ${JSON.stringify(type)} is not a valid enum value`);
	const select = type === 'single_select' || type === 'multi_select';
	const choices = Array.isArray(body.choices) ? body.choices.filter(isObj) : [];
	if (select && choices.length === 0) errors.push('#/choices: a select field needs at least one choice');
	// The contract: at most 20 choices for radio or checkbox display types, 100 for a dropdown. Without a
	// display_type the fake assumes a dropdown for single_select and checkboxes for multi_select (unconfirmed).
	const metadata = isObj(body.metadata) ? body.metadata : {};
	const display = typeof metadata.display_type === 'string' ? metadata.display_type : type === 'multi_select' ? 'checkbox' : 'dropdown';
	const maxChoices = display === 'radio' || display === 'checkbox' ? 20 : 100;
	if (select && choices.length > maxChoices) errors.push(`#/choices: at most ${maxChoices} choices for display type ${display}, found: ${choices.length}`);
	if (errors.length) throw validationError(errors);
	if (state.customFields.size >= MAX_FIELDS) throw validationError(`An account can have at most ${MAX_FIELDS} custom fields.`);
	for (const f of state.customFields.values()) if (f.label.toLowerCase() === label.toLowerCase()) throw conflictError(`Custom field ${label} already exists`);
	const base = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 45) || 'custom_field';
	let name = base;
	for (let i = 2; state.customFieldByName(name); i++) name = `${base}_${i}`;
	const at = nowIso();
	const field: CustomFieldRecord = { custom_field_id: randomUUID(), label, name, type, created_at: at, updated_at: at };
	if (select) {
		field.metadata = { display_type: display };
		field.choices = choices.map((c, i) => ({
			choice_id: i + 1,
			choice_label: String(c.choice_label ?? ''),
			display_order: typeof c.display_order === 'number' ? c.display_order : i + 1,
		}));
	}
	state.customFields.set(field.custom_field_id, field);
	return { status: 201, body: structuredClone(field) };
}

function findField(ctx: ApiContext): CustomFieldRecord {
	const field = ctx.core.state.customFields.get(ctx.params.custom_field_id!);
	if (!field) throw notFoundError(`Custom field ${ctx.params.custom_field_id} not found`);
	return field;
}

export function getCustomField(ctx: ApiContext): ApiResult {
	return { status: 200, body: structuredClone(findField(ctx)) };
}

/**
 * PUT: "Any properties omitted in the PUT request are overwritten with a null value" (L3219-3221). A
 * field has a label (CustomField requires one) and a choice field its choices, so omitting either is a
 * 400 here; choices on a field of another type too. A choice sent with its choice_id keeps it, one
 * without gets a new ID; choices not sent are removed. The type and display type stay.
 */
export function updateCustomField(ctx: ApiContext): ApiResult {
	const field = findField(ctx);
	const body = bodyObject(ctx);
	const errors: string[] = [];
	const label = typeof body.label === 'string' ? body.label.trim() : '';
	if (!label) errors.push('#: required key [label] not found');
	const select = field.type === 'single_select' || field.type === 'multi_select';
	const choices = Array.isArray(body.choices) ? body.choices.filter(isObj) : undefined;
	if (!select && choices?.length) errors.push(`#/choices: a custom field of type ${field.type} has no choices`);
	if (select && !choices?.length) errors.push('#/choices: a select field needs at least one choice');
	const display = field.metadata?.display_type ?? (field.type === 'multi_select' ? 'checkbox' : 'dropdown');
	const maxChoices = display === 'radio' || display === 'checkbox' ? 20 : 100;
	if (select && choices && choices.length > maxChoices) errors.push(`#/choices: at most ${maxChoices} choices for display type ${display}, found: ${choices.length}`);
	const known = new Set((field.choices ?? []).map((c) => c.choice_id));
	for (const c of choices ?? []) if (c.choice_id !== undefined && !known.has(Number(c.choice_id))) errors.push(`#/choices: choice_id ${String(c.choice_id)} does not exist`);
	if (errors.length) throw validationError(errors);
	// PUT declares no 409 (L3228-3245): a label another field has is a 400 here (unconfirmed wording).
	for (const f of ctx.core.state.customFields.values()) {
		if (f !== field && f.label.toLowerCase() === label.toLowerCase()) throw validationError(`Custom field ${label} already exists`);
	}
	field.label = label;
	if (select && choices) {
		let next = Math.max(0, ...known) + 1;
		field.choices = choices.map((c, i) => ({
			choice_id: c.choice_id !== undefined ? Number(c.choice_id) : next++,
			choice_label: String(c.choice_label ?? ''),
			display_order: typeof c.display_order === 'number' ? c.display_order : i + 1,
		}));
		// Contacts lose the choices that were removed.
		const kept = new Set(field.choices.map((c) => String(c.choice_id)));
		for (const contact of ctx.core.state.contacts.values()) {
			for (const value of contact.custom_fields) {
				if (value.custom_field_id === field.custom_field_id && value.choice_ids) value.choice_ids = value.choice_ids.filter((id) => kept.has(id));
			}
		}
	}
	field.updated_at = nowIso();
	return { status: 200, body: structuredClone(field) };
}

/** Removes a custom field and its value from every contact (DELETE and the bulk delete activity). */
export function removeCustomField(ctx: ApiContext, id: string): boolean {
	const { state } = ctx.core;
	if (!state.customFields.delete(id)) return false;
	for (const contact of state.contacts.values()) contact.custom_fields = contact.custom_fields.filter((v) => v.custom_field_id !== id);
	return true;
}

export function deleteCustomField(ctx: ApiContext): ApiResult {
	removeCustomField(ctx, findField(ctx).custom_field_id);
	return { status: 204 };
}
