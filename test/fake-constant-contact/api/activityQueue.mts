// What every bulk activity shares: the 1,000-queued-activities limit, a new record, and the life
// initialized -> processing -> completed, each state lasting options.importStepMs (read at each step,
// so tests can speed it up mid-run), with the work applied on completion.
import { randomUUID } from 'node:crypto';
import type { FakeCore } from '../core.mts';
import type { ApiResult } from '../errors.mts';
import { nowIso } from '../state.mts';
import type { ActivityRecord, FakeStateMaps } from '../types.mts';

const MAX_QUEUED = 1000;
export const FINAL_STATES = new Set(['completed', 'cancelled', 'failed', 'timed_out']);

/** The 429 Constant Contact sends past 1,000 queued activities, or undefined while there is room. */
export function queueFull(state: FakeStateMaps): ApiResult | undefined {
	const queued = [...state.activities.values()].filter((a) => !FINAL_STATES.has(a.state)).length;
	if (queued < MAX_QUEUED) return undefined;
	return { status: 429, body: { error_key: 'too_many_activities', error_message: 'You exceeded 1,000 queued activities for this user account.' } };
}

/** Stores a new activity in state `initialized` and schedules its steps; `apply` runs when it completes. */
export function startActivity(
	core: FakeCore,
	fields: { itemsTotal: number; listIds: string[]; importData: ActivityRecord['import_data'] },
	apply: (act: ActivityRecord) => void,
): ActivityRecord {
	const at = nowIso();
	const act: ActivityRecord = {
		activity_id: randomUUID(),
		state: 'initialized',
		created_at: at,
		updated_at: at,
		percent_done: 0,
		activity_errors: [],
		status: {
			items_total_count: fields.itemsTotal,
			items_completed_count: 0,
			person_count: 0,
			error_count: 0,
			correctable_count: 0,
			cannot_add_to_list_count: 0,
			list_count: fields.listIds.length,
		},
		import_data: fields.importData,
		list_ids: fields.listIds,
	};
	core.state.activities.set(act.activity_id, act);
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
			apply(act);
			act.state = 'completed';
			act.completed_at = act.updated_at = nowIso();
			act.percent_done = 100;
		});
	});
	return act;
}

/**
 * The 201 that accepts a bulk activity: the record as created, its `status` as the contract's response
 * schema for that activity has it (none for some), and a link to itself.
 */
export function activityAccepted(act: ActivityRecord, status?: Record<string, unknown>): ApiResult {
	return {
		status: 201,
		body: {
			activity_id: act.activity_id,
			state: act.state,
			created_at: act.created_at,
			updated_at: act.updated_at,
			percent_done: 0,
			activity_errors: [],
			...(status ? { status } : {}),
			_links: { self: { href: `/v3/activities/${act.activity_id}` } },
		},
	};
}
