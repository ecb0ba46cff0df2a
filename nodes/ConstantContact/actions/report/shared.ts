export const on = (operation: string[]) => ({ show: { resource: ['report'], operation } });

export function chunks<T>(values: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
	return out;
}
