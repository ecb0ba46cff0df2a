// Bulk JSON import as an asynchronous activity: initialized -> processing -> completed, each state
// lasting options.importStepMs (read at each step, so tests can speed it up mid-run).
import { randomUUID } from 'node:crypto';
import type { FakeCore } from '../core.ts';
import { notFoundError, validationError } from '../errors.ts';
import type { ApiResult } from '../errors.ts';
import { nowIso } from '../state.ts';
import type { ActivityRecord } from '../types.ts';
import { bodyObject } from './contacts.ts';
import { isObj } from './context.ts';
import type { ApiContext, Obj } from './context.ts';
import { applyImport } from './importer.ts';

export const MAX_IMPORT_ROWS = 40_000;
const MAX_QUEUED = 1000;
const FINAL = new Set(['completed', 'cancelled', 'failed', 'timed_out']);

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
	const queued = [...state.activities.values()].filter((a) => !FINAL.has(a.state)).length;
	if (queued >= MAX_QUEUED) {
		return { status: 429, body: { error_key: 'too_many_activities', error_message: 'You exceeded 1,000 queued activities for this user account.' } };
	}
	const at = nowIso();
	const act: ActivityRecord = {
		activity_id: randomUUID(),
		state: 'initialized',
		created_at: at,
		updated_at: at,
		percent_done: 0,
		activity_errors: [],
		status: {
			items_total_count: (rows as unknown[]).length,
			items_completed_count: 0,
			person_count: 0,
			error_count: 0,
			correctable_count: 0,
			cannot_add_to_list_count: 0,
			list_count: (lists as unknown[]).length,
		},
		import_data: rows as Obj[],
		list_ids: lists as string[],
	};
	state.activities.set(act.activity_id, act);
	schedule(ctx.core, act);
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

function schedule(core: FakeCore, act: ActivityRecord): void {
	const later = (fn: () => void): void => {
		const t = setTimeout(() => {
			core.timers.delete(t);
			if (core.state.activities.get(act.activity_id) === act) fn(); // reset() dropped it otherwise
		}, core.options.importStepMs);
		t.unref();
		core.timers.add(t);
	};
	later(() => {
		act.state = 'processing';
		act.started_at = act.updated_at = nowIso();
		act.percent_done = 50;
		later(() => {
			applyImport(core.state, act);
			act.state = 'completed';
			act.completed_at = act.updated_at = nowIso();
			act.percent_done = 100;
		});
	});
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
		_links: { self: { href: `/v3/activities/${act.activity_id}` } },
	};
	if (act.started_at) body.started_at = act.started_at;
	if (act.completed_at) body.completed_at = act.completed_at;
	return { status: 200, body };
}
