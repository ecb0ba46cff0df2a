import type { IDataObject } from 'n8n-workflow';

/** Text of a field value; `undefined` when there is nothing (null, empty, an object without `value`). */
export function scalarText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) {
		// A CRM's multi-value field (Pipedrive: [{ value, primary, label }]): the primary entry, else the first.
		const primary = value.find((v) => v && typeof v === 'object' && (v as IDataObject).primary === true);
		for (const entry of primary ? [primary, ...value] : value) {
			const text = scalarText(entry);
			if (text !== undefined) return text;
		}
		return undefined;
	}
	if (typeof value === 'object' && 'value' in (value as IDataObject)) return scalarText((value as IDataObject).value);
	return undefined;
}
