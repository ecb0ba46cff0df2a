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
