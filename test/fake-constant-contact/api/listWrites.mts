// /contact_lists writes and GET /contact_lists/{list_id}: names unique (409), PUT replaces the list
// (omitted description/favorite reset), DELETE answers 202 with an activity and removes the list's
// memberships (done at once here; the activity is already completed).
import { randomUUID } from 'node:crypto';
import { conflictError, notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { nowIso } from '../state.mts';
import type { ActivityRecord, FakeStateMaps, ListRecord } from '../types.mts';
import { bodyObject, mailable } from './contacts.mts';
import type { ApiContext, Obj } from './context.mts';

function findList(ctx: ApiContext): ListRecord {
	const l = ctx.core.state.lists.get(ctx.params.list_id!);
	if (!l || l.deleted_at) throw notFoundError(`List ${ctx.params.list_id} not found`);
	return l;
}

function checkInput(ctx: ApiContext, self?: ListRecord): { name: string; description?: string; favorite: boolean } {
	const body = bodyObject(ctx);
	const name = typeof body.name === 'string' ? body.name.trim() : '';
	if (!name) throw validationError('#: required key [name] not found');
	for (const l of ctx.core.state.lists.values()) {
		if (l !== self && !l.deleted_at && l.name.toLowerCase() === name.toLowerCase()) throw conflictError(`List name ${name} already exists`);
	}
	return { name, description: typeof body.description === 'string' ? body.description : undefined, favorite: body.favorite === true };
}

const render = (l: ListRecord): Obj => ({ ...l });

export function createList(ctx: ApiContext): ApiResult {
	const input = checkInput(ctx);
	const at = nowIso();
	const l: ListRecord = { list_id: randomUUID(), name: input.name, favorite: input.favorite, created_at: at, updated_at: at };
	if (input.description !== undefined) l.description = input.description;
	ctx.core.state.lists.set(l.list_id, l);
	return { status: 201, body: render(l) };
}

export function getList(ctx: ApiContext): ApiResult {
	const l = findList(ctx);
	const membership = ctx.query.include_membership_count;
	const out = render(l);
	if (membership) {
		const members = [...ctx.core.state.contacts.values()].filter((c) => c.list_memberships.includes(l.list_id));
		out.membership_count = members.filter((c) => (membership === 'active' ? mailable(c) : !c.deleted_at)).length;
	}
	return { status: 200, body: out };
}

export function updateList(ctx: ApiContext): ApiResult {
	const l = findList(ctx);
	const input = checkInput(ctx, l);
	l.name = input.name;
	l.favorite = input.favorite;
	if (input.description !== undefined) l.description = input.description;
	else delete l.description;
	l.updated_at = nowIso();
	return { status: 200, body: render(l) };
}

/** Deletes a list and its memberships (DELETE and the bulk list_delete activity). */
export function removeList(state: FakeStateMaps, l: ListRecord, at = nowIso()): void {
	l.deleted_at = at;
	for (const c of state.contacts.values()) {
		if (c.list_memberships.includes(l.list_id)) c.list_memberships = c.list_memberships.filter((id) => id !== l.list_id);
	}
}

export function deleteList(ctx: ApiContext): ApiResult {
	const l = findList(ctx);
	const at = nowIso();
	removeList(ctx.core.state, l, at);
	const act: ActivityRecord = {
		activity_id: randomUUID(),
		state: 'completed',
		created_at: at,
		updated_at: at,
		started_at: at,
		completed_at: at,
		percent_done: 100,
		activity_errors: [],
		status: { items_total_count: 1, items_completed_count: 1, person_count: 0, error_count: 0, correctable_count: 0, cannot_add_to_list_count: 0, list_count: 1 },
		import_data: [],
		list_ids: [l.list_id],
	};
	ctx.core.state.activities.set(act.activity_id, act);
	return {
		status: 202,
		body: {
			activity_id: act.activity_id,
			state: act.state,
			created_at: at,
			updated_at: at,
			percent_done: 100,
			activity_errors: [],
			_links: { self: { href: `/v3/activities/${act.activity_id}` } },
		},
	};
}
