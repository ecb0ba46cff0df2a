import type { IDataObject } from 'n8n-workflow';

import { API_BASE_URL, DAILY_REQUEST_QUOTA } from './constants';
import type { ConstantContactContext } from './requestTypes';
import { constantContactRequest, excerpt, locate } from './request';
import { isRecord, kindOf, unusableResponse } from './responses';

/** No run can follow more pages than the app may send requests in a day. */
export const MAX_PAGES = DAILY_REQUEST_QUOTA;

/** Twice the largest page Constant Contact serves (500): a longer one is not a page of this API. */
export const MAX_ITEMS_PER_PAGE = 1000;

const API_PATH = `${new URL(API_BASE_URL).pathname}/`;

/**
 * Follows Constant Contact's cursor links (`_links.next.href`, a path from the API origin) and
 * collects `property` from each page until `limit` items or the last page. A page is input like any
 * other: one that is not what the contract describes, a next link off the API origin, a link already
 * followed (a loop) or more pages than a day's quota end the run with a clear error; nothing is sent
 * to a link that leaves the API.
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
		maxPages?: number;
		/** Keeps only matching items, for filters Constant Contact does not offer; the limit counts kept items. */
		filter?: (item: IDataObject) => boolean;
	} = {},
): Promise<T[]> {
	const results: T[] = [];
	const { limit, pageSize } = options;
	const malformed = (problem: string, description?: string) =>
		unusableResponse(this.getNode(), `GET ${path}`, problem, options.itemIndex, description);
	const followed = new Set<string>();
	let next: string | undefined = path;
	let query: IDataObject | undefined = {
		...qs,
		...(pageSize ? { limit: limit !== undefined && !options.filter ? Math.min(pageSize, Math.max(1, limit)) : pageSize } : {}),
	};
	while (next) {
		const maxPages = Math.min(options.maxPages ?? MAX_PAGES, MAX_PAGES);
		if (followed.size >= maxPages) throw malformed(`more than ${maxPages.toLocaleString('en-US')} pages`);
		const page: unknown = await constantContactRequest.call(this, { method: 'GET', path: next, qs: query, itemIndex: options.itemIndex });
		if (!isRecord(page)) throw malformed(`the page is ${kindOf(page)}, not an object`);
		const items = page[property] ?? [];
		if (!Array.isArray(items)) throw malformed(`"${property}" is ${kindOf(items)}, not a list`);
		if (items.length > MAX_ITEMS_PER_PAGE) throw malformed(`one page holds ${items.length} entries (at most ${MAX_ITEMS_PER_PAGE} expected)`);
		const odd = items.findIndex((item) => !isRecord(item));
		if (odd >= 0) throw malformed(`"${property}[${odd}]" is ${kindOf(items[odd])}, not an object`);
		const keep = options.filter;
		results.push(...((keep ? items.filter((item) => keep(item as IDataObject)) : items) as T[]));
		if (limit !== undefined && results.length >= limit) return results.slice(0, limit);

		const href = isRecord(page._links) && isRecord(page._links.next) ? page._links.next.href : undefined;
		if (href !== undefined && href !== null && typeof href !== 'string') throw malformed(`the next-page link is ${kindOf(href)}, not a path`);
		if (!href) break;
		if (followed.has(href)) {
			throw malformed(
				`the next-page link ${excerpt(href)} was already followed`,
				`The pages loop back on themselves; the node stopped after ${followed.size + 1} pages instead of reading forever. Nothing more was sent.`,
			);
		}
		// Constant Contact's links are paths from the origin that start with /v3/.
		const located = href.startsWith(API_PATH) || href.startsWith(`${API_BASE_URL}/`) ? locate(API_BASE_URL, href) : { problem: `${excerpt(href)} is not a path under ${API_PATH}` };
		if ('problem' in located) {
			throw malformed(
				`its next-page link leaves the API (${located.problem})`,
				`The node sends the credential's access token only to ${API_BASE_URL}; nothing was sent to that link.`,
			);
		}
		followed.add(href);
		next = href;
		// The cursor link already carries every query parameter.
		query = undefined;
	}
	return results;
}
