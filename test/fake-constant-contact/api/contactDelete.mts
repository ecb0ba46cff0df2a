// POST /activities/contact_delete: deletes (soft, as DELETE /contacts/{id} does) up to 500 contacts by
// contact_ids, or every member of up to 50 lists by list_ids, when the activity completes. A contact ID
// with no contact is counted as an error and named in activity_errors; the others are deleted.
import { validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { nowIso, todayDate } from '../state.mts';
import type { ActivityRecord } from '../types.mts';
import { bodyObject } from './contacts.mts';
import type { ApiContext } from './context.mts';
import { activityAccepted, queueFull, startActivity } from './activityQueue.mts';

function apply(ctx: ApiContext, act: ActivityRecord, contactIds: string[] | undefined, listIds: string[] | undefined): void {
	const { state } = ctx.core;
	const targets = contactIds ?? [...state.contacts.values()].filter((c) => !c.deleted_at && c.list_memberships.some((l) => listIds!.includes(l))).map((c) => c.contact_id);
	if (!contactIds) act.status.items_total_count = targets.length;
	const at = nowIso();
	for (const id of targets) {
		const c = state.contacts.get(id);
		act.status.items_completed_count++;
		if (!c) {
			act.status.error_count++;
			act.activity_errors.push(`Contact ${id} not found`);
			continue;
		}
		if (!c.deleted_at) {
			c.deleted_at = todayDate();
			c.updated_at = at;
		}
		act.status.person_count++;
	}
}

export function createContactDelete(ctx: ApiContext): ApiResult {
	const body = bodyObject(ctx);
	const errors: string[] = [];
	const contactIds = Array.isArray(body.contact_ids) ? body.contact_ids.map(String) : undefined;
	const listIds = Array.isArray(body.list_ids) ? body.list_ids.map(String) : undefined;
	if (!contactIds === !listIds) errors.push('#: exactly one of contact_ids or list_ids is required');
	if (contactIds && (contactIds.length < 1 || contactIds.length > 500)) errors.push(`#/contact_ids: expected between 1 and 500 items, found: ${contactIds.length}`);
	if (listIds && (listIds.length < 1 || listIds.length > 50)) errors.push(`#/list_ids: expected between 1 and 50 items, found: ${listIds.length}`);
	for (const id of listIds ?? []) if (!ctx.core.state.lists.has(id)) errors.push(`#/list_ids: list ${id} does not exist`);
	if (errors.length) throw validationError(errors);
	const full = queueFull(ctx.core.state);
	if (full) return full;
	const act = startActivity(ctx.core, { itemsTotal: contactIds?.length ?? 0, listIds: listIds ?? [], importData: [] }, (done) =>
		apply(ctx, done, contactIds, listIds),
	);
	act.kind = 'delete';
	return activityAccepted(act, { items_total_count: contactIds?.length ?? 0, items_completed_count: 0, ...(listIds ? { list_count: listIds.length } : {}) });
}
