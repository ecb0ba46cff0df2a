import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listMembershipsField } from '../../descriptions/lists.description';
import { contactLocator, tagIdsField } from '../../descriptions/locators.description';
import { idProblem, listIdsFromPicker, toIdList } from '../../mapping/common/ids';
import { LIMITS } from '../../mapping/contact/limits';
import { activityBody, targetProblems } from '../../mapping/contact/memberships';
import { isDeleted, mergeContactForPut } from '../../mapping/contact/merge';
import type { ContactResource } from '../../mapping/contact/types';
import { invalidInputError, unique } from '../../mapping/common/problems';
import type { Activity } from '../../transport/activities';
import { activityErrorSummary, postActivity, waitForActivity } from '../../transport/activities';
import { constantContactRequest } from '../../transport/request';
import { expectRecord } from '../../transport/responses';
import { asItemError, errorItem } from '../errorOutput';
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, readTimeoutMs } from '../parameters';
import type { ContactRef } from './locate';
import { findContact, readContactRef, requireContact, resolveContactId } from './locate';

/** Constant Contact's bulk membership and tagging activities take at most this many contact IDs. */
export const BULK_CONTACTS_PER_ACTIVITY = 500;

type Kind = 'lists' | 'tags';

interface Spec {
	operation: 'addToLists' | 'removeFromLists' | 'addTags' | 'removeTags';
	kind: Kind;
	add: boolean;
	/** The bulk activity. */
	activityPath: string;
}

const SPECS: Record<Spec['operation'], Spec> = {
	addToLists: { operation: 'addToLists', kind: 'lists', add: true, activityPath: '/activities/add_list_memberships' },
	removeFromLists: { operation: 'removeFromLists', kind: 'lists', add: false, activityPath: '/activities/remove_list_memberships' },
	addTags: { operation: 'addTags', kind: 'tags', add: true, activityPath: '/activities/contacts_taggings_add' },
	removeTags: { operation: 'removeTags', kind: 'tags', add: false, activityPath: '/activities/contacts_taggings_remove' },
};

const listOperations = ['addToLists', 'removeFromLists'];
const tagOperations = ['addTags', 'removeTags'];
const allOperations = [...listOperations, ...tagOperations];

export const description: INodeProperties[] = [
	contactLocator({ show: { resource: ['contact'], operation: allOperations } }, 'The contact: from the list, by email address or by contact ID. With many input items, use an expression.'),
	listMembershipsField('membershipLists', { show: { resource: ['contact'], operation: listOperations } }, {
		required: true,
		description: 'The lists to add the contact to, or remove it from (1 to 50)',
	}),
	tagIdsField('membershipTags', { show: { resource: ['contact'], operation: tagOperations } }, 'The tags to add to the contact, or remove from it (1 to 50)'),
	{
		displayName: 'Options',
		name: 'membershipOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['contact'], operation: allOperations } },
		options: [
			{
				displayName: 'Processing',
				name: 'processing',
				type: 'options',
				default: 'auto',
				options: [
					{
						name: 'Automatic',
						value: 'auto',
						description: 'One input item: update the contact. More items: bulk activities.',
					},
					{
						name: 'Bulk Activity',
						value: 'bulk',
						description:
							"Constant Contact's bulk activity, up to 500 contacts per request; contacts given by ID need no lookup",
					},
					{
						name: 'Per Contact',
						value: 'perContact',
						description: 'Read and update each contact (two requests per item); the output is the updated contact',
					},
				],
			},
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
	},
];

const label = (kind: Kind) => (kind === 'lists' ? 'Lists' : 'Tags');
const property = (kind: Kind) => (kind === 'lists' ? 'list_memberships' : 'taggings');

/** The lists or tags one item names, checked (1 to 50 IDs). */
function readTargets(this: IExecuteFunctions, spec: Spec, itemIndex: number): string[] {
	const ids =
		spec.kind === 'lists'
			? unique(listIdsFromPicker((this.getNodeParameter('membershipLists', itemIndex, {}) as IDataObject).list))
			: unique(toIdList(this.getNodeParameter('membershipTags', itemIndex, [])));
	const problems = targetProblems(spec.kind, ids);
	if (problems.length) throw invalidInputError(this.getNode(), problems, itemIndex);
	return ids;
}

/** One contact: read its lists or tags, change them, PUT the merged contact (every other field kept). */
async function updateOne(this: IExecuteFunctions, spec: Spec, itemIndex: number): Promise<IDataObject> {
	const ref = readContactRef.call(this, itemIndex);
	const targets = readTargets.call(this, spec, itemIndex);
	const prop = property(spec.kind);
	const stored = await requireContact.call(this, ref, [prop], itemIndex);
	if (isDeleted(stored)) {
		throw new NodeOperationError(this.getNode(), `The contact ${stored.email_address?.address ?? stored.contact_id} is deleted in Constant Contact`, {
			itemIndex,
			description: 'Restore it first with Update (Revive Deleted Contact) or Create or Update.',
		});
	}
	const current = (stored[prop] ?? []).map(String);
	const next = spec.add ? [...new Set([...current, ...targets])] : current.filter((id) => !targets.includes(id));
	const max = spec.kind === 'lists' ? LIMITS.byTarget.contacts.maxLists : LIMITS.tags;
	if (next.length > max) {
		throw invalidInputError(this.getNode(), [`${label(spec.kind)}: the contact would have ${next.length}; Constant Contact allows at most ${max}`], itemIndex);
	}
	const unchanged = next.length === current.length && next.every((id) => current.includes(id));
	if (unchanged) return { ...stored, action: 'unchanged' };
	const address = stored.email_address?.address ?? '';
	const { body } = mergeContactForPut(stored, {
		email: address,
		phone_numbers: [],
		street_addresses: [],
		custom_fields: [],
		list_ids: [],
		tag_ids: [],
		notes: [],
	});
	body[prop] = next;
	const answer = await constantContactRequest.call(this, {
		method: 'PUT',
		path: `/contacts/${encodeURIComponent(stored.contact_id)}`,
		body: body as unknown as IDataObject,
		email: address,
		itemIndex,
	});
	const updated = expectRecord(this.getNode(), answer, 'PUT /contacts/{contact_id}', itemIndex) as ContactResource;
	return { ...updated, action: 'updated' };
}

interface BulkGroup {
	targets: string[];
	/** Input items and the contact each names. */
	entries: Array<{ itemIndex: number; contactId: string; ref: ContactRef }>;
}

async function sendActivity(this: IExecuteFunctions, spec: Spec, contactIds: string[], targets: string[], itemIndex: number, timeoutMs: number): Promise<Activity> {
	const body = activityBody(spec.kind, contactIds, targets) as IDataObject;
	// Adding or removing the same memberships twice ends in the same state: safe to resend after a 5xx.
	return await postActivity.call(this, { path: spec.activityPath, body, itemIndex }, { timeoutMs });
}

/**
 * A completed activity can still have failed for some contacts (`status.error_count`,
 * `cannot_add_to_list_count`, `activity_errors`). Returns, per contact ID, why its change did not
 * happen: from Constant Contact's messages when they name the contact (by ID or email), else, for
 * failures no message names, by reading each remaining contact and checking its lists or tags.
 */
async function rowFailures(
	this: IExecuteFunctions,
	spec: Spec,
	activity: Activity,
	entries: BulkGroup['entries'],
	targets: string[],
	itemIndex: number,
): Promise<Map<string, string>> {
	const status = (activity.status ?? {}) as IDataObject;
	const messages = (activity.activity_errors ?? []).map(String);
	const reported = Math.max(Number(status.error_count ?? 0) + Number(status.cannot_add_to_list_count ?? 0), messages.length);
	const failures = new Map<string, string>();
	if (!reported) return failures;
	for (const entry of entries) {
		const names = [entry.contactId, entry.ref.by === 'email' ? entry.ref.value : ''].filter(Boolean).map((n) => n.toLowerCase());
		const said = messages.filter((m) => names.some((n) => m.toLowerCase().includes(n)));
		if (said.length) failures.set(entry.contactId, `Constant Contact reported: ${said.join('; ')}`);
	}
	if (failures.size >= reported) return failures;
	const prop = property(spec.kind);
	const unnamed = messages.filter((m) => ![...failures.values()].some((f) => f.includes(m)));
	const why = unnamed.length ? `Constant Contact reported: ${unnamed.slice(0, 3).join('; ')}` : `Constant Contact counted ${reported} contact(s) it could not change without naming them`;
	for (const contactId of new Set(entries.map((e) => e.contactId))) {
		if (failures.has(contactId)) continue;
		const contact = await findContact.call(this, { by: 'id', value: contactId }, [prop], itemIndex);
		const have = (contact?.[prop] ?? []).map(String);
		const done = spec.add ? targets.every((t) => have.includes(t)) : targets.every((t) => !have.includes(t));
		if (!contact || isDeleted(contact) || !done) failures.set(contactId, `${why}; reading the contact shows the change missing`);
	}
	return failures;
}

async function run(this: IExecuteFunctions, spec: Spec): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const options = this.getNodeParameter('membershipOptions', 0, {}) as IDataObject;
	const processing = (options.processing as string | undefined) ?? 'auto';
	const timeoutMs = readTimeoutMs.call(this, options, 0);
	const bulk = processing === 'bulk' || (processing === 'auto' && items.length > 1);
	const output: INodeExecutionData[] = [];
	const fail = (error: unknown, itemIndexes: number[]): void => {
		const failure = asItemError.call(this, error, itemIndexes[0]);
		if (!this.continueOnFail()) throw failure;
		for (const item of itemIndexes) output.push(errorItem(failure, { item }));
	};

	if (!bulk) {
		// Without Continue On Fail, a bad item is found before any contact is changed.
		if (!this.continueOnFail()) {
			for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
				try {
					readContactRef.call(this, itemIndex);
					readTargets.call(this, spec, itemIndex);
				} catch (error) {
					throw asItemError.call(this, error, itemIndex);
				}
			}
		}
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				output.push({ json: await updateOne.call(this, spec, itemIndex), pairedItem: { item: itemIndex } });
			} catch (error) {
				fail(error, [itemIndex]);
			}
		}
		return output;
	}

	// Bulk: resolve every item's contact (an email costs one lookup, an ID none), group by target set.
	const groups = new Map<string, BulkGroup>();
	const results = new Map<number, INodeExecutionData[]>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const ref = readContactRef.call(this, itemIndex);
			const targets = readTargets.call(this, spec, itemIndex).sort();
			const contactId = await resolveContactId.call(this, ref, itemIndex);
			// The activity's contact_ids are UUIDs; anything else would be refused with the whole batch.
			const badId = idProblem('Contact', 'contact', [contactId]);
			if (badId) throw invalidInputError(this.getNode(), [badId], itemIndex);
			const key = targets.join(',');
			const group = groups.get(key) ?? { targets, entries: [] };
			group.entries.push({ itemIndex, contactId, ref });
			groups.set(key, group);
		} catch (error) {
			const failure = asItemError.call(this, error, itemIndex);
			if (!this.continueOnFail()) throw failure;
			results.set(itemIndex, [errorItem(failure, { item: itemIndex })]);
		}
	}

	for (const group of groups.values()) {
		const contactIds = [...new Set(group.entries.map((e) => e.contactId))];
		for (let start = 0; start < contactIds.length; start += BULK_CONTACTS_PER_ACTIVITY) {
			const chunk = contactIds.slice(start, start + BULK_CONTACTS_PER_ACTIVITY);
			const inChunk = new Set(chunk);
			const entries = group.entries.filter((e) => inChunk.has(e.contactId));
			const first = entries[0].itemIndex;
			let failures: Map<string, string>;
			let activity: Activity;
			let final: boolean;
			try {
				const created = await sendActivity.call(this, spec, chunk, group.targets, first, timeoutMs);
				({ activity, final } = await waitForActivity.call(this, created.activity_id, { timeoutMs, itemIndex: first }));
				if (['failed', 'cancelled', 'timed_out'].includes(activity.state)) {
					throw new NodeOperationError(this.getNode(), `Constant Contact's bulk activity ${activity.activity_id} ended as "${activity.state}"`, {
						description: activityErrorSummary(activity),
						itemIndex: first,
					});
				}
				failures = final ? await rowFailures.call(this, spec, activity, entries, group.targets, first) : new Map();
			} catch (error) {
				const failure = asItemError.call(this, error, first);
				if (!this.continueOnFail()) throw failure;
				for (const entry of entries) results.set(entry.itemIndex, [errorItem(failure, { item: entry.itemIndex })]);
				continue;
			}
			for (const entry of entries) {
				const why = failures.get(entry.contactId);
				if (why) {
					const who = entry.ref.by === 'email' ? entry.ref.value : entry.contactId;
					const what = `${spec.add ? 'add' : 'remove'} ${who} ${spec.add ? 'to' : 'from'} the ${spec.kind}`;
					const failure = new NodeOperationError(this.getNode(), `Constant Contact's bulk activity ${activity.activity_id} did not ${what}`, {
						description: `${why}. The other contacts of the activity were changed.`,
						itemIndex: entry.itemIndex,
					});
					if (!this.continueOnFail()) throw failure;
					results.set(entry.itemIndex, [errorItem(failure, { item: entry.itemIndex })]);
					continue;
				}
				results.set(entry.itemIndex, [
					{
						json: {
							contact_id: entry.contactId,
							...(entry.ref.by === 'email' ? { email_address: entry.ref.value } : {}),
							[spec.kind === 'lists' ? 'list_ids' : 'tag_ids']: group.targets,
							action: spec.add ? 'added' : 'removed',
							activity_id: activity.activity_id,
							activity_state: activity.state,
							...(final ? {} : { wait_timed_out: true }),
						},
						pairedItem: { item: entry.itemIndex },
					},
				]);
			}
		}
	}
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) output.push(...(results.get(itemIndex) ?? []));
	return output;
}

export async function addToLists(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await run.call(this, SPECS.addToLists);
}

export async function removeFromLists(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await run.call(this, SPECS.removeFromLists);
}

export async function addTags(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await run.call(this, SPECS.addTags);
}

export async function removeTags(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await run.call(this, SPECS.removeTags);
}
