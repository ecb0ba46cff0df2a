import { LIMITS } from './limits';
import type { ContactCustomField, ContactTarget, CustomFieldDefinition, CustomFieldInput } from './types';

/** A custom field value matched to the account's custom field. */
export interface ResolvedCustomField {
	custom_field_id: string;
	/** The text value; for select types the choice label(s), comma-separated. */
	value: string;
	/** For single_select and multi_select: the IDs of the chosen choices. */
	choice_ids?: string[];
}

export const SELECT_TYPES = ['single_select', 'multi_select'];

/**
 * What is wrong with a custom field as `GET /contact_custom_fields` returned it (its ID, label, name,
 * type and choices are read when values are matched to it), or undefined when it can be used.
 */
export function customFieldDefinitionProblem(value: unknown): string | undefined {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'is not an object';
	const d = value as Record<string, unknown>;
	if (typeof d.custom_field_id !== 'string' || d.custom_field_id === '') return 'has no custom_field_id';
	if (typeof d.label !== 'string') return '"label" is not text';
	if (d.name !== undefined && d.name !== null && typeof d.name !== 'string') return '"name" is not text';
	if (typeof d.type !== 'string') return '"type" is not text';
	if (d.choices === undefined || d.choices === null) return undefined;
	if (!Array.isArray(d.choices) || d.choices.length > 1000) return '"choices" is not a list';
	const bad = d.choices.findIndex(
		(c: unknown) =>
			c === null ||
			typeof c !== 'object' ||
			!['string', 'number'].includes(typeof (c as Record<string, unknown>).choice_id) ||
			!['string', 'undefined'].includes(typeof (c as Record<string, unknown>).choice_label),
	);
	return bad >= 0 ? `"choices[${bad}]" is not a choice` : undefined;
}

export function isSelectType(type: string | undefined): boolean {
	return SELECT_TYPES.includes(String(type ?? '').toLowerCase());
}

/** Lower case, letters and digits only: "First Name", "first_name" and "firstName" compare equal. */
export function normalizeKey(key: string): string {
	return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Finds a custom field by ID, then by name or label (case, spaces and underscores ignored). */
export function findCustomField(
	key: string,
	definitions: CustomFieldDefinition[],
): CustomFieldDefinition | undefined {
	const byId = definitions.find((d) => d.custom_field_id === key);
	if (byId) return byId;
	// Names and labels have at most 50 characters: a longer key names none, and is not scanned.
	if (key.length > 200) return undefined;
	const wanted = normalizeKey(key);
	if (!wanted) return undefined;
	return (
		definitions.find((d) => d.name !== undefined && normalizeKey(d.name) === wanted) ??
		definitions.find((d) => normalizeKey(d.label) === wanted)
	);
}

/** A name or value for a message: quoted, escaped, and cut to a short excerpt. */
function quoted(value: string): string {
	return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

function describeChoices(definition: CustomFieldDefinition): string {
	const labels = (definition.choices ?? []).map((c) => (c.choice_label ?? String(c.choice_id)).slice(0, 40));
	const shown = labels.slice(0, 10).join(', ');
	return labels.length > 10 ? `${shown}, … (${labels.length} in all)` : shown;
}

/**
 * Matches each given custom field to the account's custom fields (when `definitions` is given),
 * turns select-type labels into choice IDs, and checks the 255-character value limit.
 */
export function resolveCustomFields(
	entries: CustomFieldInput[],
	target: ContactTarget,
	definitions?: CustomFieldDefinition[],
): { resolved: ResolvedCustomField[]; problems: string[] } {
	const problems: string[] = [];
	const byId = new Map<string, ResolvedCustomField>();
	for (const entry of entries) {
		const key = String(entry.key ?? '').trim();
		const value = entry.value === undefined || entry.value === null ? '' : String(entry.value).trim();
		if (!key || value === '') continue;
		const definition = definitions ? findCustomField(key, definitions) : undefined;
		if (definitions && !definition) {
			problems.push(
				`Custom Field ${quoted(key)}: no custom field with this ID, name or label exists in this Constant Contact account`,
			);
			continue;
		}
		const label = `Custom Field ${quoted(definition ? definition.label : key)}`;
		if (value.length > LIMITS.customFieldValueLength) {
			problems.push(
				`${label}: the value has ${value.length} characters; Constant Contact allows at most ${LIMITS.customFieldValueLength}`,
			);
			continue;
		}
		const resolved: ResolvedCustomField = { custom_field_id: definition?.custom_field_id ?? key, value };
		if (definition && isSelectType(definition.type) && target === 'contacts') {
			const multi = definition.type.toLowerCase() === 'multi_select';
			const wanted = multi ? value.split(',').map((v) => v.trim()).filter((v) => v !== '') : [value];
			if (!multi && wanted.length > 1) {
				problems.push(`${label}: takes one choice`);
				continue;
			}
			const choiceIds: string[] = [];
			for (const want of wanted) {
				const choice = (definition.choices ?? []).find(
					(c) =>
						String(c.choice_id) === want ||
						(c.choice_label !== undefined && c.choice_label.trim().toLowerCase() === want.toLowerCase()),
				);
				if (!choice) {
					problems.push(`${label}: ${quoted(want)} is not one of its choices (${describeChoices(definition)})`);
					continue;
				}
				choiceIds.push(String(choice.choice_id));
			}
			resolved.choice_ids = [...new Set(choiceIds)];
		}
		byId.set(resolved.custom_field_id, resolved);
	}
	return { resolved: [...byId.values()], problems };
}

/** The `ContactCustomField` to send on `/contacts`: the value, and for select types the choice IDs too. */
export function toContactCustomField(field: ResolvedCustomField): ContactCustomField {
	return {
		custom_field_id: field.custom_field_id,
		value: field.value,
		...(field.choice_ids ? { choice_ids: field.choice_ids } : {}),
	};
}

/** `POST /contact_custom_fields` limits. */
export const CUSTOM_FIELD_LIMITS = { labelLength: 50, choices: 100, choiceLabelLength: 255 } as const;

/** The types Custom Field → Create offers (the contract's `CustomFieldRequest.type`). */
export const CUSTOM_FIELD_TYPES = ['currency', 'date', 'multi_select', 'number', 'single_select', 'string', 'boolean'];

/**
 * How Constant Contact shows a choice field (`metadata.display_type`) and how many choices each takes
 * (the contract: 20 for radio buttons and checkboxes, 100 for a dropdown). A multiple-choice field is
 * shown as checkboxes; a single-choice field as a dropdown or radio buttons.
 */
export const DISPLAY_TYPES: Record<string, { label: string; maxChoices: number }> = {
	dropdown: { label: 'Dropdown', maxChoices: 100 },
	radio: { label: 'Radio Buttons', maxChoices: 20 },
	checkbox: { label: 'Checkboxes', maxChoices: 20 },
};

export interface CustomFieldRequest {
	label: string;
	type: string;
	choices?: Array<{ choice_label: string; display_order: number }>;
	metadata?: { display_type: string };
}

/**
 * The `POST /contact_custom_fields` body from the label, the type and (for the choice types) the
 * comma-separated choices and how a single choice is shown, or the problems that name the field. Each
 * value may come from an expression, so it is read as whatever it is.
 */
export function customFieldRequest(
	label: unknown,
	type: unknown,
	choices: unknown,
	displayType: unknown = 'dropdown',
): { body: CustomFieldRequest } | { problems: string[] } {
	const problems: string[] = [];
	const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
	const name = text(label);
	if (!name) problems.push('Label: a value is required');
	else if (name.length > CUSTOM_FIELD_LIMITS.labelLength) {
		problems.push(`Label: ${name.length} characters; Constant Contact allows at most ${CUSTOM_FIELD_LIMITS.labelLength}`);
	}
	const kind = text(type);
	if (!CUSTOM_FIELD_TYPES.includes(kind)) problems.push(`Type: "${kind.slice(0, 40)}" is not one of ${CUSTOM_FIELD_TYPES.join(', ')}`);
	const body: CustomFieldRequest = { label: name, type: kind };
	if (SELECT_TYPES.includes(kind)) {
		const list = text(choices)
			.split(',')
			.map((c) => c.trim())
			.filter(Boolean);
		const shownAs = kind === 'multi_select' ? 'checkbox' : text(displayType) || 'dropdown';
		const display = DISPLAY_TYPES[shownAs];
		if (!display || (shownAs === 'checkbox' && kind !== 'multi_select')) {
			problems.push(`Display As: "${shownAs.slice(0, 40)}" is not one of dropdown, radio`);
		}
		if (list.length === 0) problems.push('Choices: at least one is required for a choice field');
		const max = display?.maxChoices ?? CUSTOM_FIELD_LIMITS.choices;
		if (list.length > max) {
			problems.push(
				`Choices: ${list.length} given; Constant Contact allows at most ${max}${display ? ` for ${display.label}` : ''}${shownAs === 'radio' ? ' (a dropdown takes up to 100)' : ''}`,
			);
		}
		const long = list.find((c) => c.length > CUSTOM_FIELD_LIMITS.choiceLabelLength);
		if (long) problems.push(`Choices: "${long.slice(0, 40)}..." has ${long.length} characters; at most ${CUSTOM_FIELD_LIMITS.choiceLabelLength}`);
		body.choices = list.map((choice_label, i) => ({ choice_label, display_order: i + 1 }));
		body.metadata = { display_type: shownAs };
	}
	return problems.length ? { problems } : { body };
}

/** `CustomFieldPutRequest`: the label and, for a choice field, every choice (omitted ones become null). */
export interface CustomFieldPutBody {
	label: string;
	choices?: Array<{ choice_id?: number; choice_label: string; display_order: number }>;
}

/**
 * The `PUT /contact_custom_fields/{id}` body: the stored field with the given label and choices.
 * PUT overwrites what it omits, so the stored label and choices are sent back when not given. Given
 * choices (comma-separated, in display order) replace the stored ones; a choice whose label is kept
 * keeps its `choice_id`, so contacts that chose it keep their value. Only a choice field has choices,
 * and the field's display type bounds how many (the type and display type cannot be changed).
 */
export function customFieldPutBody(
	stored: CustomFieldDefinition & { metadata?: { display_type?: unknown } },
	label: unknown,
	choices: unknown,
): { body: CustomFieldPutBody } | { problems: string[] } {
	const problems: string[] = [];
	const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
	const given = text(label);
	if (label !== undefined && label !== null && !given) problems.push('Label: must not be empty');
	if (given.length > CUSTOM_FIELD_LIMITS.labelLength) {
		problems.push(`Label: ${given.length} characters; Constant Contact allows at most ${CUSTOM_FIELD_LIMITS.labelLength}`);
	}
	const body: CustomFieldPutBody = { label: given || stored.label };
	const select = isSelectType(stored.type);
	const storedChoices = (stored.choices ?? []).filter((c) => typeof c.choice_label === 'string');
	const wanted =
		choices === undefined || choices === null || choices === ''
			? undefined
			: text(choices)
					.split(',')
					.map((c) => c.trim())
					.filter(Boolean);
	if (wanted !== undefined && !select) {
		problems.push(`Choices: "${stored.label.slice(0, 40)}" is a ${stored.type} field; only single and multiple choice fields have choices`);
	}
	if (select) {
		const list = wanted ?? storedChoices.map((c) => String(c.choice_label));
		const displayType = typeof stored.metadata?.display_type === 'string' ? stored.metadata.display_type : stored.type === 'multi_select' ? 'checkbox' : 'dropdown';
		const display = DISPLAY_TYPES[displayType];
		const max = display?.maxChoices ?? CUSTOM_FIELD_LIMITS.choices;
		if (wanted !== undefined && list.length === 0) problems.push('Choices: at least one is required for a choice field');
		if (list.length > max) problems.push(`Choices: ${list.length} given; Constant Contact allows at most ${max}${display ? ` for ${display.label}` : ''}`);
		const lower = list.map((c) => c.toLowerCase());
		const duplicate = lower.find((c, i) => lower.indexOf(c) !== i);
		if (duplicate !== undefined) problems.push(`Choices: "${duplicate.slice(0, 40)}" is given twice`);
		const long = list.find((c) => c.length > CUSTOM_FIELD_LIMITS.choiceLabelLength);
		if (long) problems.push(`Choices: "${long.slice(0, 40)}..." has ${long.length} characters; at most ${CUSTOM_FIELD_LIMITS.choiceLabelLength}`);
		body.choices = list.map((choice_label, i) => {
			const kept = storedChoices.find((c) => String(c.choice_label).toLowerCase() === choice_label.toLowerCase());
			const id = kept ? Number(kept.choice_id) : Number.NaN;
			return { ...(Number.isSafeInteger(id) ? { choice_id: id } : {}), choice_label, display_order: i + 1 };
		});
	}
	return problems.length ? { problems } : { body };
}
