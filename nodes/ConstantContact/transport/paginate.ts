import type { IDataObject } from 'n8n-workflow';

import type { ConstantContactContext } from './request';
import { constantContactRequest } from './request';

interface Page {
	_links?: { next?: { href?: string } };
	[key: string]: unknown;
}

/**
 * Follows Constant Contact's cursor links (`_links.next.href`, a path from the API origin) and
 * collects `property` from each page until `limit` items or the last page.
 */
export async function constantContactRequestAllItems<T = IDataObject>(
	this: ConstantContactContext,
	property: string,
	path: string,
	qs: IDataObject = {},
	options: {
		limit?: number;
		pageSize?: number;
		itemIndex?: number;
		/** Keeps only matching items, for filters Constant Contact does not offer; the limit counts kept items. */
		filter?: (item: IDataObject) => boolean;
	} = {},
): Promise<T[]> {
	const results: T[] = [];
	const { limit, pageSize } = options;
	let next: string | undefined = path;
	let query: IDataObject | undefined = {
		...qs,
		...(pageSize ? { limit: limit !== undefined && !options.filter ? Math.min(pageSize, Math.max(1, limit)) : pageSize } : {}),
	};
	while (next) {
		const page: Page = await constantContactRequest.call<ConstantContactContext, Parameters<typeof constantContactRequest>, Promise<Page>>(
			this,
			{ method: 'GET', path: next, qs: query, itemIndex: options.itemIndex },
		);
		const items = Array.isArray(page[property]) ? (page[property] as T[]) : [];
		const keep = options.filter;
		results.push(...(keep ? items.filter((item) => keep(item as IDataObject)) : items));
		if (limit !== undefined && results.length >= limit) return results.slice(0, limit);
		// Some reports answer `"href": null` or "" on their last page.
		next = page._links?.next?.href || undefined;
		// The cursor link already carries every query parameter.
		query = undefined;
	}
	return results;
}
