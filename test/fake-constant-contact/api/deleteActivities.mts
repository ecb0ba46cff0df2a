// Bulk deletes as asynchronous activities: POST /activities/list_delete (ListIdList100, up to 100 lists,
// L1049-1094) and POST /activities/custom_fields_delete (CustomFieldId100, "up to 100 custom fields",
// L1256-1300; its schema's `maxItems: 0` is read as no maximum by contract.mts, so the 100 is checked
// here). initialized -> processing -> completed like every activity (activityQueue.mts); an ID that is
// not there (never was, or already deleted) is not refused up front: the activity reports it in
// activity_errors, by ID, and counts it in error_count. Unconfirmed how Constant Contact words that.
import { validationError } from '../errors.mts';
import type { ApiResult } from '../errors.mts';
import { activityAccepted, queueFull, startActivity } from './activityQueue.mts';
import { bodyObject } from './contacts.mts';
import type { ApiContext } from './context.mts';
import { removeCustomField } from './customFieldWrites.mts';
import { removeList } from './listWrites.mts';

export const MAX_DELETE_IDS = 100;

function ids(ctx: ApiContext, key: string): string[] {
	const value = bodyObject(ctx)[key];
	if (!Array.isArray(value)) throw validationError(`#: required key [${key}] not found`);
	if (value.length < 1) throw validationError(`#/${key}: expected minimum item count: 1, found: 0`);
	if (value.length > MAX_DELETE_IDS) throw validationError(`#/${key}: expected maximum item count: ${MAX_DELETE_IDS}, found: ${value.length}`);
	return [...new Set(value.map(String))];
}

export function deleteListsActivity(ctx: ApiContext): ApiResult {
	const listIds = ids(ctx, 'list_ids');
	const full = queueFull(ctx.core.state);
	if (full) return full;
	const act = startActivity(ctx.core, { itemsTotal: listIds.length, listIds: [], importData: [] }, (done) => {
		for (const id of listIds) {
			done.status.items_completed_count++;
			const l = ctx.core.state.lists.get(id);
			if (!l || l.deleted_at) {
				done.status.error_count++;
				done.activity_errors.push(`List ${id} not found`);
				continue;
			}
			removeList(ctx.core.state, l);
			done.status.list_count++;
		}
	});
	// ActivityDeleteListsResponse: its status holds list_count only.
	return activityAccepted(act, { list_count: 0 });
}

export function deleteCustomFieldsActivity(ctx: ApiContext): ApiResult {
	const fieldIds = ids(ctx, 'custom_field_ids');
	const full = queueFull(ctx.core.state);
	if (full) return full;
	const act = startActivity(ctx.core, { itemsTotal: fieldIds.length, listIds: [], importData: [] }, (done) => {
		for (const id of fieldIds) {
			done.status.items_completed_count++;
			if (removeCustomField(ctx, id)) continue;
			done.status.error_count++;
			done.activity_errors.push(`Custom field ${id} not found`);
		}
	});
	// ActivityDeleteCustomFields has no status.
	return activityAccepted(act);
}
