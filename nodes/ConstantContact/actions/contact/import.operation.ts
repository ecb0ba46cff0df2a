import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, IPairedItemData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { customFieldsField, mappingDefaultsField, phoneNumbersField, streetAddressesField } from '../../descriptions/contactAdditional.description';
import { MAPPER_DESCRIPTION, contactFieldsMapper } from '../../descriptions/contactFields.description';
import { listMembershipsField } from '../../descriptions/lists.description';
import type { ImportRow } from '../../mapping/contact/importRow';
import { IMPORT_LIMITS, chunkImportRows, importProblems, toImportRow } from '../../mapping/contact/importRow';
import { invalidInputError } from '../../mapping/common/problems';
import type { Activity } from '../../transport/activities';
import { activityErrorSummary, postActivity, waitForActivity } from '../../transport/activities';
import { errorItem } from '../errorOutput';
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, readTimeoutMs } from '../parameters';
import type { FieldParameters } from './fieldParameters';
import { getCustomFieldDefinitions } from '../../account/lookups';
import { readValidContact } from './itemContact';

const show = { resource: ['contact'], operation: ['import'] };

const IMPORT_PARAMETERS: FieldParameters = {
	mapper: 'contactFields',
	lists: 'importListMemberships',
	additional: 'importAdditionalFields',
	taggings: false,
	defaults: 'mappingDefaults',
};

export const description: INodeProperties[] = [
	{
		displayName:
			'Sends all input items to Constant Contact in one bulk import (up to 40,000 contacts per request) instead of one request per contact. New contacts get permission "implicit"; existing contacts keep their permission, and unsubscribed contacts are not added back to lists. The result is one item per import activity, not per contact.',
		name: 'importNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	contactFieldsMapper('contactFields', 'getContactFields', { show }, MAPPER_DESCRIPTION),
	listMembershipsField('importListMemberships', { show }, {
		required: true,
		description: 'Lists every imported contact is added to (1 to 50)',
	}),
	{
		displayName: 'Additional Fields',
		name: 'importAdditionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [customFieldsField, phoneNumbersField, streetAddressesField],
	},
	mappingDefaultsField('mappingDefaults', { show }, { phoneKind: true }),
	{
		displayName: 'Options',
		name: 'importOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeoutSeconds',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_TIMEOUT_SECONDS },
				default: DEFAULT_TIMEOUT_SECONDS,
				description:
					'How long to wait for each import to finish. The import goes on at Constant Contact after the timeout; the output then shows its state so far.',
			},
			{
				displayName: 'Wait for Completion',
				name: 'waitForCompletion',
				type: 'boolean',
				default: true,
				description:
					"Whether to wait until Constant Contact has processed each import and output its final counts and errors, or output the queued activity at once",
			},
		],
	},
];

interface PendingImport {
	listIds: string[];
	rows: ImportRow[];
	items: number[];
}

/** The import takes the whole run: validate every item, group by lists, chunk, send, wait. */
export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const groups = new Map<string, PendingImport>();
	// What Map Automatically did not send, per input item (its index, as in pairedItem).
	const dropped = new Map<number, string[]>();
	const options = this.getNodeParameter('importOptions', 0, {}) as IDataObject;
	const wait = options.waitForCompletion !== false;
	const timeoutMs = readTimeoutMs.call(this, options, 0);
	const fail = (error: unknown, pairedItem: IPairedItemData[]): void => {
		if (!this.continueOnFail()) throw error;
		// One error item per input item, so that each reaches the error output with its own fields.
		for (const item of pairedItem) output.push(errorItem(error, item));
	};

	// Every item is checked before anything is sent: without Continue On Fail a bad item stops the
	// run before any import; with it, the bad item is reported and left out.
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const contact = await readValidContact.call(this, IMPORT_PARAMETERS, 'contacts', itemIndex);
			const problems = importProblems(contact);
			if (contact.list_ids.length === 0) problems.push('Lists: the import needs at least one list (at most 50)');
			if (problems.length) throw invalidInputError(this.getNode(), problems, itemIndex);
			const definitions = contact.custom_fields.length ? await getCustomFieldDefinitions.call(this, itemIndex) : [];
			const names = new Map(definitions.map((d) => [d.custom_field_id, d.name ?? d.label]));
			const listIds = [...contact.list_ids].sort();
			const key = listIds.join(',');
			const group = groups.get(key) ?? { listIds, rows: [], items: [] };
			group.rows.push(toImportRow(contact, names));
			group.items.push(itemIndex);
			groups.set(key, group);
			if (contact.dropped) dropped.set(itemIndex, contact.dropped);
		} catch (error) {
			fail(error, [{ item: itemIndex }]);
		}
	}

	for (const group of groups.values()) {
		const { chunks, oversized } = chunkImportRows(group.rows, group.listIds);
		for (const row of oversized) {
			const itemIndex = group.items[row];
			fail(
				new NodeOperationError(this.getNode(), 'This contact is too large for an import request', {
					description: `Its row alone exceeds the import's ${IMPORT_LIMITS.maxBytes.toLocaleString('en-US')}-byte body limit.`,
					itemIndex,
				}),
				[{ item: itemIndex }],
			);
		}
		for (const chunk of chunks) {
			const chunkItems = chunk.rows.map((row) => group.items[row]);
			const pairedItem = chunkItems.map((item) => ({ item }));
			try {
				const activity = await sendImport.call(this, chunk.rows.map((row) => group.rows[row]), group.listIds, chunkItems[0], timeoutMs);
				const result = wait
					? await waitForActivity.call(this, activity.activity_id, { timeoutMs, itemIndex: chunkItems[0] })
					: { activity, final: false };
				if (['failed', 'cancelled', 'timed_out'].includes(result.activity.state)) {
					throw new NodeOperationError(this.getNode(), `Constant Contact's import ${result.activity.activity_id} ended as "${result.activity.state}"`, {
						description: activityErrorSummary(result.activity),
						itemIndex: chunkItems[0],
					});
				}
				const left = chunkItems.flatMap((item) => (dropped.get(item) ?? []).map((what) => `item ${item}: ${what}`));
				const summary = summarize(result.activity, chunk.rows.length, group.listIds, wait && !result.final);
				output.push({ json: left.length ? { ...summary, dropped: left } : summary, pairedItem });
			} catch (error) {
				fail(error, pairedItem);
			}
		}
	}
	return output;
}

async function sendImport(this: IExecuteFunctions, rows: ImportRow[], listIds: string[], itemIndex: number, timeoutMs: number): Promise<Activity> {
	// Importing the same rows twice leaves the same contacts: safe to resend after a 5xx.
	return await postActivity.call(
		this,
		{ path: '/activities/contacts_json_import', body: { import_data: rows, list_ids: listIds } as unknown as IDataObject, itemIndex },
		{ timeoutMs },
	);
}

/** One output item per import activity: its state, counts and Constant Contact's error rows. */
export function summarize(activity: Activity, contacts: number, listIds: string[], waitTimedOut: boolean): IDataObject {
	const status = (activity.status ?? {}) as IDataObject;
	return {
		activity_id: activity.activity_id,
		state: activity.state,
		percent_done: activity.percent_done ?? (activity.state === 'completed' ? 100 : 0),
		contacts_sent: contacts,
		list_ids: listIds,
		items_total_count: status.items_total_count ?? contacts,
		items_completed_count: status.items_completed_count ?? 0,
		error_count: status.error_count ?? 0,
		cannot_add_to_list_count: status.cannot_add_to_list_count ?? 0,
		activity_errors: activity.activity_errors ?? [],
		...(waitTimedOut ? { wait_timed_out: true } : {}),
	};
}
