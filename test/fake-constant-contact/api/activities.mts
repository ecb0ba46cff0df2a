// Bulk JSON import as an asynchronous activity (its life in activityQueue.ts), and GET /activities/{id}.
import { notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { bodyObject } from './contacts.mts';
import { isObj } from './context.mts';
import type { ApiContext, Obj } from './context.mts';
import { queueFull, startActivity } from './activityQueue.mts';
import { activityLinks } from './contactExports.mts';
import { applyImport } from './importer.mts';

export const MAX_IMPORT_ROWS = 40_000;

export function createImport(ctx: ApiContext): ApiResult {
	const body = bodyObject(ctx);
	const { state } = ctx.core;
	const errors: string[] = [];
	const rows = body.import_data;
	if (!Array.isArray(rows)) errors.push('#: required key [import_data] not found');
	else if (rows.length > MAX_IMPORT_ROWS) errors.push(`#/import_data: expected maximum item count: ${MAX_IMPORT_ROWS}, found: ${rows.length}`);
	else if (rows.length === 0) errors.push('#/import_data: expected minimum item count: 1, found: 0');
	else if (rows.some((r) => !isObj(r))) errors.push('#/import_data: every row must be an object');
	const lists = body.list_ids;
	if (!Array.isArray(lists)) errors.push('#: required key [list_ids] not found');
	else if (lists.length < 1 || lists.length > 50) errors.push(`#/list_ids: expected between 1 and 50 items, found: ${lists.length}`);
	else lists.forEach((id, i) => typeof id === 'string' && state.lists.has(id) ? undefined : errors.push(`#/list_ids/${i}: list ${String(id)} does not exist`));
	if (errors.length) throw validationError(errors);
	const full = queueFull(state);
	if (full) return full;
	const act = startActivity(ctx.core, { itemsTotal: (rows as unknown[]).length, listIds: lists as string[], importData: rows as Obj[] }, (done) =>
		applyImport(state, done),
	);
	// ActivityImport's status has no items_completed_count / list_count; GET /activities/{id} has them.
	const { items_total_count, person_count, error_count, correctable_count, cannot_add_to_list_count } = act.status;
	return {
		status: 201,
		body: {
			activity_id: act.activity_id,
			state: act.state,
			created_at: act.created_at,
			updated_at: act.updated_at,
			percent_done: act.percent_done,
			activity_errors: [],
			status: { items_total_count, person_count, error_count, correctable_count, cannot_add_to_list_count },
			_links: { self: { href: `/v3/activities/${act.activity_id}` } },
		},
	};
}

export function getActivity(ctx: ApiContext): ApiResult {
	const act = ctx.core.state.activities.get(ctx.params.activity_id!);
	if (!act) throw notFoundError(`Activity ${ctx.params.activity_id} not found`);
	const body: Obj = {
		activity_id: act.activity_id,
		state: act.state,
		created_at: act.created_at,
		updated_at: act.updated_at,
		percent_done: act.percent_done,
		activity_errors: [...act.activity_errors],
		status: { ...act.status },
		_links: activityLinks(act) ?? { self: { href: `/v3/activities/${act.activity_id}` } },
	};
	if (act.started_at) body.started_at = act.started_at;
	if (act.completed_at) body.completed_at = act.completed_at;
	return { status: 200, body };
}
