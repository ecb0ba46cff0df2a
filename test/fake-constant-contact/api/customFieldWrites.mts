// POST /contact_custom_fields: at most 100 per account; labels unique (409); the name derives from the label.
import { randomUUID } from 'node:crypto';
import { conflictError, validationError } from '../errors.mts';
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
