import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { Activity } from '../transport/activities';
import { activityErrorSummary, postActivity, waitForActivity } from '../transport/activities';
import { constantContactRequest } from '../transport/request';
import { asItemError, errorItem } from './errorOutput';
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, readTimeoutMs } from './parameters';
import { isApiError } from '../transport/errors';

/** `ListIdList100` and `CustomFieldId100`: at most 100 IDs per delete activity (L1054, L1259). */
export const BULK_DELETE_PER_ACTIVITY = 100;

/** What Delete Many deletes: lists (`/activities/list_delete`) or custom fields (`/activities/custom_fields_delete`). */
export interface BulkDeleteSpec {
	/** As a message names it: `list`, `custom field`. */
	noun: string;
	/** The ID's key in the output: `list_id`, `custom_field_id`. */
	idKey: string;
	/** The body's key: `list_ids`, `custom_field_ids`. */
	bodyKey: string;
	path: string;
	/** The one record's path, read to check a deletion Constant Contact reported errors for without naming it. */
	recordPath: (id: string) => string;
	/** The item's ID, checked (a UUID), or the item's error. */
	readId: (this: IExecuteFunctions, itemIndex: number) => string;
	/** The Options collection's parameter name. */
	optionsName: string;
}

/** The Options of a Delete Many: how long to wait for each activity. */
export function bulkDeleteOptions(name: string, displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Options',
		name,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_TIMEOUT_SECONDS },
				default: DEFAULT_TIMEOUT_SECONDS,
				description:
					'How long to wait for each bulk activity to finish. It goes on at Constant Contact after the timeout; the output then shows its state so far.',
			},
		],
	};
}

/**
 * The IDs a completed activity did not delete, with why: Constant Contact's messages that name an ID;
 * when it counted errors it did not attribute, each remaining ID is read back (a 404 means deleted).
 */
async function failures(this: IExecuteFunctions, spec: BulkDeleteSpec, activity: Activity, ids: string[], itemIndex: number): Promise<Map<string, string>> {
	const messages = (activity.activity_errors ?? []).map((m) => (typeof m === 'object' ? JSON.stringify(m) : String(m)));
	const status = (activity.status ?? {}) as IDataObject;
	const reported = Math.max(messages.length, Number(status.error_count ?? 0) || 0);
	const found = new Map<string, string>();
	if (!reported) return found;
	for (const id of ids) {
		const said = messages.filter((m) => m.toLowerCase().includes(id.toLowerCase()));
		if (said.length) found.set(id, `Constant Contact reported: ${said.join('; ').slice(0, 500)}`);
	}
	if (found.size >= reported) return found;
	const unnamed = messages.filter((m) => !ids.some((id) => m.toLowerCase().includes(id.toLowerCase())));
	const why = unnamed.length ? `Constant Contact reported: ${unnamed.slice(0, 3).join('; ').slice(0, 500)}` : `Constant Contact counted ${reported} error(s) without naming the ${spec.noun}s`;
	for (const id of ids) {
		if (found.has(id)) continue;
		try {
			const still = (await constantContactRequest.call(this, { method: 'GET', path: spec.recordPath(id), itemIndex })) as IDataObject | undefined;
			// A list deleted in the background may still be readable with a deleted status.
			if (!still || still.status === 'deleted' || still.deleted_at) continue;
			found.set(id, `${why}; reading the ${spec.noun} shows it is still there`);
		} catch (error) {
			// A 404 means it is gone: deleted.
			if (isApiError(error, 404)) continue;
			throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : asItemError.call(this, error, itemIndex);
		}
	}
	return found;
}

/**
 * Delete Many: every input item names one record; their IDs go to Constant Contact's bulk delete
 * activity, at most 100 per activity, and each item reports its own record: deleted (with the
 * activity) or the reason it was not. Without Continue On Fail a bad ID stops the run before anything
 * is deleted.
 */
export async function bulkDelete(this: IExecuteFunctions, spec: BulkDeleteSpec): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const options = this.getNodeParameter(spec.optionsName, 0, {}) as IDataObject;
	const timeoutMs = readTimeoutMs.call(this, options, 0);
	const results = new Map<number, INodeExecutionData>();
	const byId = new Map<string, number[]>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const id = spec.readId.call(this, itemIndex);
			byId.set(id, [...(byId.get(id) ?? []), itemIndex]);
		} catch (error) {
			const failure = asItemError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw failure;
			results.set(itemIndex, errorItem(failure, { item: itemIndex }));
		}
	}
	const ids = [...byId.keys()];
	for (let start = 0; start < ids.length; start += BULK_DELETE_PER_ACTIVITY) {
		const chunk = ids.slice(start, start + BULK_DELETE_PER_ACTIVITY);
		const first = byId.get(chunk[0])![0];
		let activity: Activity;
		let final: boolean;
		let failed: Map<string, string>;
		try {
			// Deleting the same records twice ends in the same state: safe to resend after a 5xx.
			const created = await postActivity.call(this, { path: spec.path, body: { [spec.bodyKey]: chunk }, itemIndex: first }, { timeoutMs });
			({ activity, final } = await waitForActivity.call(this, created.activity_id, { timeoutMs, itemIndex: first }));
			if (['failed', 'cancelled', 'timed_out'].includes(activity.state)) {
				throw new NodeOperationError(this.getNode(), `Constant Contact's bulk activity ${activity.activity_id} ended as "${activity.state}"`, {
					description: activityErrorSummary(activity) ?? `None of its ${chunk.length} ${spec.noun}(s) may have been deleted; read them back to check.`,
					itemIndex: first,
				});
			}
			failed = final ? await failures.call(this, spec, activity, chunk, first) : new Map<string, string>();
		} catch (error) {
			const failure = asItemError.call(this, error, first);
			if (!this.continueOnFail()) throw failure;
			for (const id of chunk) for (const item of byId.get(id)!) results.set(item, errorItem(failure, { item }));
			continue;
		}
		for (const id of chunk) {
			const why = failed.get(id);
			for (const itemIndex of byId.get(id)!) {
				if (why) {
					const failure = new NodeOperationError(this.getNode(), `Constant Contact's bulk activity ${activity.activity_id} did not delete the ${spec.noun} ${id}`, {
						description: `${why}. The other ${spec.noun}s of the activity were deleted.`,
						itemIndex,
					});
					if (!this.continueOnFail()) throw failure;
					results.set(itemIndex, errorItem(failure, { item: itemIndex }));
					continue;
				}
				results.set(itemIndex, {
					json: {
						[spec.idKey]: id,
						deleted: true,
						activity_id: activity.activity_id,
						activity_state: activity.state,
						...(final ? {} : { wait_timed_out: true }),
					},
					pairedItem: { item: itemIndex },
				});
			}
		}
	}
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const result = results.get(itemIndex);
		if (result) output.push(result);
	}
	return output;
}
