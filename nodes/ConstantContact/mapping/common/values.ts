import type { IDataObject } from 'n8n-workflow';

/** How deep `scalarText` looks into lists and `{ value }` objects: a CRM's shapes need two levels. */
const MAX_VALUE_DEPTH = 4;

/** Text of a field value; `undefined` when there is nothing (null, empty, an object without `value`). */
export function scalarText(value: unknown, depth = 0): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	// Deeper nesting is no CRM's shape: it is not read (and cannot exhaust the stack).
	if (depth >= MAX_VALUE_DEPTH) return undefined;
	if (Array.isArray(value)) {
		// A CRM's multi-value field (Pipedrive: [{ value, primary, label }]): the primary entry, else the first.
		const primary = value.find((v) => v && typeof v === 'object' && (v as IDataObject).primary === true);
		for (const entry of primary ? [primary, ...value] : value) {
			const text = scalarText(entry, depth + 1);
			if (text !== undefined) return text;
		}
		return undefined;
	}
	if (typeof value === 'object' && Object.hasOwn(value, 'value')) return scalarText((value as IDataObject).value, depth + 1);
	return undefined;
}

/** UTF-8 length of a string, counted without Buffer or TextEncoder (node code may use neither global). */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x80) bytes += 1;
		else if (code < 0x800) bytes += 2;
		else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}
