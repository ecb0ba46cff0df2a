import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { contactLocator } from '../../descriptions/locators.description';
import { idProblem } from '../../mapping/common/ids';
import { isDeleted } from '../../mapping/contact/merge';
import { invalidInputError } from '../../mapping/common/problems';
import type { Activity } from '../../transport/activities';
import { activityErrorSummary, postActivity, waitForActivity } from '../../transport/activities';
import { constantContactRequest } from '../../transport/request';
import { asItemError, errorItem } from '../errorOutput';
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, readTimeoutMs } from '../parameters';
import type { ContactRef } from './locate';
import { contactRefKey, findContact, notFoundError, readContactRef, requireContact } from './locate';
import { isApiError } from '../../transport/errors';

const show = { resource: ['contact'], operation: ['delete'] };

/** `POST /activities/contact_delete` takes at most this many contact IDs. */
export const BULK_DELETE_CONTACTS = 500;

export const description: INodeProperties[] = [
	contactLocator({ show }, 'The contact to delete: from the list, by email address or by contact ID. With many input items, use an expression.'),
	{
		displayName:
			'Constant Contact keeps deleted contacts: they get no email, no longer count as active, and can be restored by Update (Revive Deleted Contact) or Create or Update. Their address still blocks Create.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'deleteOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
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
						description: 'One input item: delete the contact. More items: bulk activities.',
					},
					{
						name: 'Bulk Activity',
						value: 'bulk',
						description: "Constant Contact's bulk delete, up to 500 contacts per request; contacts given by ID need no lookup",
					},
					{
						name: 'Per Contact',
						value: 'perContact',
						description: 'One delete request per item (an email address costs one lookup more)',
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
					'How long to wait for each bulk delete to finish. It goes on at Constant Contact after the timeout; the output then shows its state so far.',
			},
		],
	},
];

/** `DELETE /contacts/{id}` (a soft delete); an email is looked up first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const ref = readContactRef.call(this, itemIndex);
	const contact = ref.by === 'email' ? await requireContact.call(this, ref, [], itemIndex) : undefined;
	const contactId = contact?.contact_id ?? ref.value;
	await constantContactRequest
		.call(this, { method: 'DELETE', path: `/contacts/${encodeURIComponent(contactId)}`, itemIndex })
		.catch((error: unknown) => {
			throw isApiError(error, 404) ? notFoundError.call(this, ref, itemIndex) : error;
		});
	return [
		{
			json: {
				contact_id: contactId,
				...(contact?.email_address?.address ? { email_address: contact.email_address.address } : {}),
				deleted: true,
			} as IDataObject,
		},
	];
}

export function orderingKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return contactRefKey.call(this, itemIndex);
}

/** Whether this run deletes through bulk activities (the router then calls executeBatch). */
export function deletesInBulk(this: IExecuteFunctions): boolean {
	const options = this.getNodeParameter('deleteOptions', 0, {}) as IDataObject;
	const processing = (options.processing as string | undefined) ?? 'auto';
	return processing === 'bulk' || (processing === 'auto' && this.getInputData().length > 1);
}

interface Entry {
	itemIndex: number;
	contactId: string;
	ref: ContactRef;
	email?: string;
}

/**
 * Why the activity did not delete some of its contacts: Constant Contact's messages that name a
 * contact (by ID or email); when it counts more errors than it names, each remaining contact is read
 * and must be deleted now.
 */
async function deleteFailures(this: IExecuteFunctions, activity: Activity, entries: Entry[], itemIndex: number): Promise<Map<string, string>> {
	const status = (activity.status ?? {}) as IDataObject;
	const messages = (activity.activity_errors ?? []).map(String);
	const reported = Math.max(Number(status.error_count ?? 0), messages.length);
	const failures = new Map<string, string>();
	if (!reported) return failures;
	for (const entry of entries) {
		const names = [entry.contactId, entry.email ?? ''].filter(Boolean).map((n) => n.toLowerCase());
		const said = messages.filter((m) => names.some((n) => m.toLowerCase().includes(n)));
		if (said.length) failures.set(entry.contactId, `Constant Contact reported: ${said.join('; ')}`);
	}
	if (failures.size >= reported) return failures;
	for (const contactId of new Set(entries.map((e) => e.contactId))) {
		if (failures.has(contactId)) continue;
		const contact = await findContact.call(this, { by: 'id', value: contactId }, [], itemIndex);
		if (!contact) failures.set(contactId, 'Constant Contact has no contact with this ID');
		else if (!isDeleted(contact)) failures.set(contactId, `Constant Contact counted ${reported} contact(s) it could not delete, and this one is not deleted`);
	}
	return failures;
}

/**
 * Many items: every item's contact is resolved (an email costs one lookup, an ID none and is checked
 * for its form), then deleted through `POST /activities/contact_delete`, 500 contacts per activity.
 * Each item gets its own result: `deleted: true`, or its own error (with Continue On Fail the others
 * go on; without it, a bad item stops the run before anything is deleted).
 */
export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const options = this.getNodeParameter('deleteOptions', 0, {}) as IDataObject;
	const timeoutMs = readTimeoutMs.call(this, options, 0);
	const results = new Map<number, INodeExecutionData>();
	const entries: Entry[] = [];
	const fail = (error: unknown, itemIndex: number): void => {
		const failure = asItemError.call(this, error, itemIndex);
		if (!this.continueOnFail()) throw failure;
		results.set(itemIndex, errorItem(failure, { item: itemIndex }));
	};

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const ref = readContactRef.call(this, itemIndex);
			if (ref.by === 'id') {
				// The activity's contact_ids are UUIDs; anything else would be refused with the whole batch.
				const badId = idProblem('Contact', 'contact', [ref.value]);
				if (badId) throw invalidInputError(this.getNode(), [badId], itemIndex);
				entries.push({ itemIndex, contactId: ref.value, ref });
			} else {
				const contact = await requireContact.call(this, ref, [], itemIndex);
				entries.push({ itemIndex, contactId: contact.contact_id, ref, email: contact.email_address?.address ?? ref.value });
			}
		} catch (error) {
			fail(error, itemIndex);
		}
	}

	const contactIds = [...new Set(entries.map((e) => e.contactId))];
	for (let start = 0; start < contactIds.length; start += BULK_DELETE_CONTACTS) {
		const chunk = new Set(contactIds.slice(start, start + BULK_DELETE_CONTACTS));
		const inChunk = entries.filter((e) => chunk.has(e.contactId));
		const first = inChunk[0].itemIndex;
		let activity: Activity;
		let final: boolean;
		let failures: Map<string, string>;
		try {
			// Deleting the same contacts twice leaves them deleted: safe to resend after a 5xx.
			const created = await postActivity.call(this, { path: '/activities/contact_delete', body: { contact_ids: [...chunk] }, itemIndex: first }, { timeoutMs });
			({ activity, final } = await waitForActivity.call(this, created.activity_id, { timeoutMs, itemIndex: first }));
			if (['failed', 'cancelled', 'timed_out'].includes(activity.state)) {
				throw new NodeOperationError(this.getNode(), `Constant Contact's bulk delete ${activity.activity_id} ended as "${activity.state}"`, {
					description: activityErrorSummary(activity),
					itemIndex: first,
				});
			}
			failures = final ? await deleteFailures.call(this, activity, inChunk, first) : new Map();
		} catch (error) {
			const failure = asItemError.call(this, error, first);
			if (!this.continueOnFail()) throw failure;
			for (const entry of inChunk) results.set(entry.itemIndex, errorItem(failure, { item: entry.itemIndex }));
			continue;
		}
		for (const entry of inChunk) {
			const why = failures.get(entry.contactId);
			if (why) {
				const who = entry.email ?? entry.contactId;
				fail(
					new NodeOperationError(this.getNode(), `Constant Contact's bulk delete ${activity.activity_id} did not delete ${who}`, {
						description: `${why}. The other contacts of the activity were deleted.`,
						itemIndex: entry.itemIndex,
					}),
					entry.itemIndex,
				);
				continue;
			}
			results.set(entry.itemIndex, {
				json: {
					contact_id: entry.contactId,
					...(entry.email ? { email_address: entry.email } : {}),
					deleted: true,
					activity_id: activity.activity_id,
					activity_state: activity.state,
					...(final ? {} : { wait_timed_out: true }),
				},
				pairedItem: { item: entry.itemIndex },
			});
		}
	}
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const result = results.get(itemIndex);
		if (result) output.push(result);
	}
	return output;
}
