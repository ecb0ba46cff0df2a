import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { constantContactRequest } from '../transport/request';

export interface ReadBack {
	rows: IDataObject[];
	requests: number;
	/** True when the page cap stopped the read before it reached the cutoff. */
	truncated: boolean;
}

/**
 * Reads a newest-first report (tracking rows, campaign summaries: no date filter exists) page by page
 * until a row is older than `cutoffMs`, the last page, or `maxPages` pages: a bounded number of
 * requests per poll.
 */
export async function readNewestFirst(
	this: IPollFunctions,
	request: { path: string; qs: IDataObject; property: string; pageSize: number },
	timeOf: (row: IDataObject) => number,
	cutoffMs: number,
	maxPages: number,
): Promise<ReadBack> {
	const rows: IDataObject[] = [];
	let next: string | undefined = request.path;
	let requests = 0;
	while (next && requests < maxPages) {
		const page = (await constantContactRequest.call(this, {
			method: 'GET',
			path: next,
			...(requests === 0 ? { qs: { ...request.qs, limit: request.pageSize } } : {}),
		})) as IDataObject & { _links?: { next?: { href?: string | null } } };
		requests++;
		const items = Array.isArray(page[request.property]) ? (page[request.property] as IDataObject[]) : [];
		rows.push(...items);
		const oldest = items.length ? timeOf(items[items.length - 1]!) : Number.NaN;
		if (!items.length || oldest < cutoffMs) return { rows, requests, truncated: false };
		next = page._links?.next?.href || undefined;
	}
	return { rows, requests, truncated: Boolean(next) };
}
