import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { loadAllLists } from './accountData';

/**
 * The list picker: Constant Contact filters lists only by exact name, so every page is loaded and
 * the filter (any part of the name or the ID, any case) applies here.
 */
export async function searchLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const lists = await loadAllLists.call(this);
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = lists
		.map((l) => ({ name: String(l.name ?? l.list_id), value: String(l.list_id) }))
		.filter((l) => !wanted || l.name.toLowerCase().includes(wanted) || l.value.toLowerCase() === wanted)
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
