import type { IDataObject } from 'n8n-workflow';

/** Constant Contact's IDs of contacts, lists, tags and custom fields are UUIDs (the contract's `format: uuid`). */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isConstantContactId(value: string): boolean {
	return value.length === 36 && UUID_PATTERN.test(value);
}

function excerpt(value: string): string {
	return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/**
 * The problem with the first of `ids` that is not a Constant Contact ID, or undefined: the contract
 * refuses a body whose `list_memberships`, `taggings`, `list_ids` or `contact_ids` hold anything else.
 */
export function idProblem(label: string, noun: string, ids: readonly string[]): string | undefined {
	const bad = ids.find((id) => !isConstantContactId(id));
	if (bad === undefined) return undefined;
	return `${label}: ${excerpt(bad)} is not a ${noun} ID (Constant Contact's IDs look like 4a5b6c7d-1e2f-4a3b-8c9d-0e1f2a3b4c5d); choose it from the list, or copy it from Get Many`;
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
		else ids.push(...toIdList(value));
	};
	for (const entry of Array.isArray(entries) ? entries : []) add((entry as IDataObject)?.list);
	return ids;
}

/** The one parser of ID lists: IDs from a multi-options parameter or an expression (array or comma-separated), blanks dropped. */
export function toIdList(value: unknown, depth = 0): string[] {
	// A list of IDs, or IDs in a list of lists; nothing deeper is read.
	if (Array.isArray(value)) return depth > 3 ? [] : value.flatMap((v) => toIdList(v, depth + 1));
	if (value === undefined || value === null) return [];
	return idText(value)
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
}
