// POST /contact_tags (names unique: 409), GET and PUT /contact_tags/{tag_id} (rename; 409 likewise), and DELETE /contact_tags/{tag_id} (202 with an activity;
// the tag is removed from every contact at once here and the activity is already completed).
import { randomUUID } from 'node:crypto';
import { conflictError, notFoundError, validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { nowIso } from '../state.mts';
import type { ActivityRecord, TagRecord } from '../types.mts';
import { bodyObject } from './contacts.mts';
import type { ApiContext, Obj } from './context.mts';

export function createTag(ctx: ApiContext): ApiResult {
	const body = bodyObject(ctx);
	const name = typeof body.name === 'string' ? body.name.trim() : '';
	if (!name) throw validationError('#: required key [name] not found');
	for (const t of ctx.core.state.tags.values()) if (t.name.toLowerCase() === name.toLowerCase()) throw conflictError(`Tag name ${name} already exists`);
	const at = nowIso();
	const tag: TagRecord = { tag_id: randomUUID(), name, tag_source: typeof body.tag_source === 'string' ? body.tag_source : 'Contact', created_at: at, updated_at: at };
	ctx.core.state.tags.set(tag.tag_id, tag);
	return { status: 201, body: { ...tag } };
}

function findTag(ctx: ApiContext): TagRecord {
	const tag = ctx.core.state.tags.get(ctx.params.tag_id!);
	if (!tag) throw notFoundError(`Tag ${ctx.params.tag_id} not found`);
	return tag;
}

/** GET /contact_tags/{tag_id}: with `contacts_count` (contacts not deleted) when include_count=true. */
export function getTag(ctx: ApiContext): ApiResult {
	const tag = findTag(ctx);
	const out: Obj = { ...tag };
	if (ctx.query.include_count === 'true') {
		out.contacts_count = [...ctx.core.state.contacts.values()].filter((c) => !c.deleted_at && c.taggings.includes(tag.tag_id)).length;
	}
	return { status: 200, body: out };
}

/** PUT /contact_tags/{tag_id}: renames it (TagPut holds only `name`; tag_source cannot change, L3963-3966). */
export function updateTag(ctx: ApiContext): ApiResult {
	const tag = findTag(ctx);
	const name = typeof bodyObject(ctx).name === 'string' ? String(bodyObject(ctx).name).trim() : '';
	if (!name) throw validationError('#/name: expected minLength: 1, actual: 0');
	for (const t of ctx.core.state.tags.values()) {
		if (t !== tag && t.name.toLowerCase() === name.toLowerCase()) throw conflictError(`Tag name ${name} already exists`);
	}
	tag.name = name;
	tag.updated_at = nowIso();
	return { status: 200, body: { ...tag } };
}

export function deleteTag(ctx: ApiContext): ApiResult {
	const { state } = ctx.core;
	const tag = state.tags.get(ctx.params.tag_id!);
	if (!tag) throw notFoundError(`Tag ${ctx.params.tag_id} not found`);
	state.tags.delete(tag.tag_id);
	let count = 0;
	for (const c of state.contacts.values()) {
		if (!c.taggings.includes(tag.tag_id)) continue;
		c.taggings = c.taggings.filter((id) => id !== tag.tag_id);
		count++;
	}
	const at = nowIso();
	const act: ActivityRecord = {
		activity_id: randomUUID(),
		state: 'completed',
		created_at: at,
		updated_at: at,
		started_at: at,
		completed_at: at,
		percent_done: 100,
		activity_errors: [],
		status: { items_total_count: count, items_completed_count: count, person_count: count, error_count: 0, correctable_count: 0, cannot_add_to_list_count: 0, list_count: 0 },
		import_data: [],
		list_ids: [],
	};
	state.activities.set(act.activity_id, act);
	return {
		status: 202,
		body: {
			activity_id: act.activity_id,
			state: act.state,
			created_at: at,
			updated_at: at,
			percent_done: 100,
			activity_errors: [],
			status: { items_total_count: count, items_completed_count: count },
			_links: { self: { href: `/v3/activities/${act.activity_id}` } },
		},
	};
}
