/**
 * A date or date-time for Constant Contact's `*_after` / `*_before` filters (ISO 8601 with a zone).
 * Takes what n8n gives: the date picker's `2024-05-01T00:00:00`, an ISO string, a Luxon DateTime or a
 * JS Date (both stringify to ISO), or epoch milliseconds. Returns undefined when it is not a date.
 */
export function toIsoDateTime(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	const raw = typeof value === 'number' ? value : String(value).trim();
	const time = typeof raw === 'number' ? raw : Date.parse(raw);
	return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
