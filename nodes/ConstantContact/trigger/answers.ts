import type { IDataObject, INode } from 'n8n-workflow';

import { MAX_ITEMS_PER_PAGE } from '../transport/paginate';
import { isRecord, kindOf, unusableResponse } from '../transport/responses';

/**
 * The trigger's answers, checked like every other: an answer it cannot use ends the poll with an
 * error that says so, and the stored state stays as it was, so nothing is skipped or emitted twice.
 */
const unusable = (node: INode, what: string, problem: string) =>
	unusableResponse(node, what, problem, undefined, "The trigger's position was not moved: the next poll reads the same events again.");

/** The rows of one page of a report: the page an object, `property` a list of objects (absent: none). */
export function rowsOf(node: INode, what: string, page: unknown, property: string): IDataObject[] {
	if (!isRecord(page)) throw unusable(node, what, `the page is ${kindOf(page)}, not an object`);
	const rows = page[property] ?? [];
	if (!Array.isArray(rows)) throw unusable(node, what, `"${property}" is ${kindOf(rows)}, not a list`);
	if (rows.length > MAX_ITEMS_PER_PAGE) throw unusable(node, what, `one page holds ${rows.length} entries (at most ${MAX_ITEMS_PER_PAGE} expected)`);
	const odd = rows.findIndex((row) => !isRecord(row));
	if (odd >= 0) throw unusable(node, what, `"${property}[${odd}]" is ${kindOf(rows[odd])}, not an object`);
	return rows as IDataObject[];
}

/** A page's `_links.next.href`, or undefined on the last page. */
export function nextLink(node: INode, what: string, page: IDataObject): string | undefined {
	const href = isRecord(page._links) && isRecord(page._links.next) ? page._links.next.href : undefined;
	if (href === undefined || href === null || href === '') return undefined;
	if (typeof href !== 'string') throw unusable(node, what, `the next-page link is ${kindOf(href)}, not a path`);
	return href;
}

/** A campaign from `GET /emails/{campaign_id}`: an object whose activities, if any, are a list of objects. */
export function campaignOf(node: INode, answer: unknown): IDataObject {
	const what = 'GET /emails/{campaign_id}';
	if (!isRecord(answer)) throw unusable(node, what, `it is ${kindOf(answer)}, not an object`);
	const activities = answer.campaign_activities ?? [];
	if (!Array.isArray(activities)) throw unusable(node, what, `"campaign_activities" is ${kindOf(activities)}, not a list`);
	const odd = activities.findIndex((a) => !isRecord(a));
	if (odd >= 0) throw unusable(node, what, `"campaign_activities[${odd}]" is ${kindOf(activities[odd])}, not an object`);
	return answer;
}
