import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { constantContactRequest } from '../transport/request';
import { nextLink, rowsOf } from './answers';

export interface ReadBack {
	rows: IDataObject[];
	requests: number;
	/** True when the page cap stopped the read before it reached the cutoff. */
	truncated: boolean;
}

/**
 * Reads a newest-first report (tracking rows, campaign summaries: no date filter exists) page by page
 * until a row is older than `cutoffMs`, the last page, or `maxPages` pages: a bounded number of
 * requests per poll. Every page is checked (answers.ts).
 */
export async function readNewestFirst(
	this: IPollFunctions,
	/** `what`: the endpoint as messages name it (`GET /reports/…/{campaign_activity_id}/…`). */
	request: { path: string; what: string; qs: IDataObject; property: string; pageSize: number },
	timeOf: (row: IDataObject) => number,
	cutoffMs: number,
	maxPages: number,
): Promise<ReadBack> {
	const rows: IDataObject[] = [];
	let next: string | undefined = request.path;
	let requests = 0;
	while (next && requests < maxPages) {
		const page = await constantContactRequest.call(this, {
			method: 'GET',
			path: next,
			...(requests === 0 ? { qs: { ...request.qs, limit: request.pageSize } } : {}),
		});
		requests++;
		const items = rowsOf(this.getNode(), request.what, page, request.property);
		next = nextLink(this.getNode(), request.what, page as IDataObject);
		rows.push(...items);
		const oldest = items.length ? timeOf(items[items.length - 1]!) : Number.NaN;
		if (!items.length || oldest < cutoffMs) return { rows, requests, truncated: false };
	}
	return { rows, requests, truncated: Boolean(next) };
}
