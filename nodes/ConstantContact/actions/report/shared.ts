export const on = (operation: string[]) => ({ show: { resource: ['report'], operation } });

/** The comma-separated or array IDs an ID field holds, without blanks or repeats. */
export function idList(value: unknown): string[] {
	const raw = Array.isArray(value) ? value.flatMap((v) => String(v ?? '').split(',')) : String(value ?? '').split(',');
	return [...new Set(raw.map((v) => v.trim()).filter(Boolean))];
}

export function chunks<T>(values: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
	return out;
}
