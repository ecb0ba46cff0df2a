import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { outputFields } from '../../descriptions/output.description';
import { CsvReader } from '../../mapping/contact/csv';
import type { ExportRow } from '../../mapping/contact/contactExport';
import {
	EMAIL_DETAIL_FIELDS,
	EXPORT_FIELD_OPTIONS,
	EXPORT_FIELDS,
	SIMPLE_EXPORT_SUMMARY,
	exportColumn,
	rawExportContact,
	selectedExportContact,
	simplifyExportContact,
} from '../../mapping/contact/contactExport';
import { idProblem, toIdList } from '../../mapping/common/ids';
import { invalidInputError, unique } from '../../mapping/common/problems';
import { activityErrorSummary, postActivity, waitForActivity } from '../../transport/activities';
import type { Activity } from '../../transport/activities';
import { constantContactRequest, isByteStream } from '../../transport/request';
import { unusableResponse } from '../../transport/responses';
import { readOutputMode } from '../output';
import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, readTimeoutMs } from '../parameters';

const show = { resource: ['contact'], operation: ['export'] };

/** Constant Contact's limits on the export's `list_ids` and `tag_ids`. */
const MAX_EXPORT_LISTS = 50;
const MAX_EXPORT_TAGS = 50;

export const description: INodeProperties[] = [
	{
		displayName:
			"Constant Contact writes the contacts to a file in the background; the node waits for it, downloads it and outputs one item per contact: three requests or so for any number of contacts, instead of one per 500. Without filters: every contact that is not deleted. Runs once per input item (turn on Execute Once for a single export).",
		name: 'exportNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	...outputFields({ show }, EXPORT_FIELD_OPTIONS, SIMPLE_EXPORT_SUMMARY).map((p) =>
		p.name === 'output'
			? {
					...p,
					options: (p.options ?? []).map((o) =>
						'value' in o && o.value === 'raw' ? { ...o, description: "Every column of Constant Contact's export file" } : o,
					),
				}
			: p,
	),
	{
		displayName: 'Filters',
		name: 'exportFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'List Names or IDs',
				name: 'lists',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getLists' },
				default: [],
				description:
					'Only members of any of these lists (at most 50). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'New Subscribers Only',
				name: 'newSubscriber',
				type: 'boolean',
				default: false,
				description: 'Whether to export only contacts who subscribed in the last 30 days (with Lists, or alone)',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active', description: 'Contacts who may be emailed' },
					{ name: 'Removed (Deleted)', value: 'removed', description: 'Deleted contacts' },
					{ name: 'Unsubscribed', value: 'unsubscribed', description: 'Contacts who opted out' },
				],
				default: 'active',
				description: 'Only contacts in this state (alone, or with Lists)',
			},
			{
				displayName: 'Tag Names or IDs',
				name: 'tags',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getTags' },
				default: [],
				description:
					'Only contacts with any of these tags (at most 50; not combinable with other filters). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'exportOptions',
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
				description: 'How long to wait for Constant Contact to write the export file. If it is not ready by then, the item fails and nothing is output.',
			},
		],
	},
];

/** The export's request body from the filters and the output choice; a wrong value is the item's error before any request. */
export function exportBody(this: IExecuteFunctions, filters: IDataObject, fields: string[] | undefined, itemIndex: number): IDataObject {
	const problems: string[] = [];
	const lists = unique(toIdList(filters.lists));
	const tags = unique(toIdList(filters.tags));
	const status = filters.status === undefined || filters.status === '' ? undefined : String(filters.status);
	const newSubscriber = filters.newSubscriber === true;
	if (lists.length > MAX_EXPORT_LISTS) problems.push(`Lists: ${lists.length} given; Constant Contact exports at most ${MAX_EXPORT_LISTS} lists at once`);
	if (tags.length > MAX_EXPORT_TAGS) problems.push(`Tags: ${tags.length} given; Constant Contact exports at most ${MAX_EXPORT_TAGS} tags at once`);
	const badList = idProblem('Lists', 'list', lists);
	if (badList) problems.push(badList);
	const badTag = idProblem('Tags', 'tag', tags);
	if (badTag) problems.push(badTag);
	if (status !== undefined && !['active', 'unsubscribed', 'removed'].includes(status)) {
		problems.push(`Status: ${JSON.stringify(status.slice(0, 40))} is not one of active, unsubscribed, removed`);
	}
	// The contract's combinations: tags alone; status alone or with lists; new subscribers alone or with lists.
	if (tags.length && (lists.length || status !== undefined || newSubscriber)) {
		problems.push('Tags: Constant Contact exports by tags only without other filters; remove Lists, Status and New Subscribers Only, or the tags');
	}
	if (status !== undefined && newSubscriber) {
		problems.push('Status: Constant Contact does not combine a status with New Subscribers Only; remove one of them');
	}
	if (problems.length) throw invalidInputError(this.getNode(), problems, itemIndex);
	return {
		...(lists.length ? { list_ids: lists } : {}),
		...(tags.length ? { tag_ids: tags } : {}),
		...(status !== undefined ? { status } : {}),
		...(newSubscriber ? { new_subscriber: true } : {}),
		...(fields ? { fields } : {}),
	};
}

/** The export file's ID: the last segment of the activity's `results` link, else the activity's ID (the contract says both). */
function fileExportId(activity: Activity): string {
	const links = activity._links as IDataObject | undefined;
	const results = links?.results as IDataObject | undefined;
	const href = typeof results?.href === 'string' ? results.href : '';
	const last = href.split('?')[0].split('/').filter(Boolean).pop();
	return last ? decodeURIComponent(last) : activity.activity_id;
}

/** `POST /activities/contact_exports`, wait for the file, `GET /contact_exports/{id}`, one item per contact. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { mode, fields } = readOutputMode.call(this, 'output', itemIndex);
	const filters = this.getNodeParameter('exportFilters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('exportOptions', itemIndex, {}) as IDataObject;
	const timeoutMs = readTimeoutMs.call(this, options, itemIndex);
	let chosen: string[] | undefined;
	if (mode === 'fields') {
		chosen = unique(fields.filter((f) => EXPORT_FIELDS.includes(f)));
		if (chosen.length === 0) {
			throw invalidInputError(this.getNode(), ['Fields: choose at least one field to export (the contact ID always comes too)'], itemIndex);
		}
		// Constant Contact exports opt-in and opt-out details only with the address.
		if (chosen.some((f) => EMAIL_DETAIL_FIELDS.includes(f)) && !chosen.includes('email_address')) chosen = ['email_address', ...chosen];
	}
	const body = exportBody.call(this, filters, chosen, itemIndex);

	const started = await postActivity.call(this, { path: '/activities/contact_exports', body, itemIndex }, { timeoutMs });
	const { activity, final } = await waitForActivity.call(this, started.activity_id, { timeoutMs, itemIndex });
	if (!final) {
		throw new NodeOperationError(this.getNode(), `Constant Contact's export ${activity.activity_id} was not ready within the timeout (state "${activity.state}")`, {
			description: 'Raise Options › Timeout (Seconds); nothing was output. A large account can take several minutes.',
			itemIndex,
		});
	}
	if (activity.state !== 'completed') {
		throw new NodeOperationError(this.getNode(), `Constant Contact's export ${activity.activity_id} ended as "${activity.state}"`, {
			description: activityErrorSummary(activity),
			itemIndex,
		});
	}

	const id = fileExportId(activity);
	const file = await constantContactRequest.call(this, {
		method: 'GET',
		path: `/contact_exports/${encodeURIComponent(id)}`,
		stream: { accept: 'text/csv' },
		itemIndex,
	});
	const shape =
		mode === 'raw' ? rawExportContact : mode === 'fields' ? (row: ExportRow) => selectedExportContact(row, chosen ?? []) : simplifyExportContact;
	const output: INodeExecutionData[] = [];
	await readCsvRows.call(this, file, itemIndex, (row) => output.push({ json: shape(row) }));
	return output;
}

/**
 * Reads the file as it arrives: each piece of text through the CSV reader, each complete row turned
 * into a contact at once, so the file is never held whole (a string body, from an n8n that does not
 * stream, is read the same way).
 */
async function readCsvRows(this: IExecuteFunctions, file: unknown, itemIndex: number, emit: (row: ExportRow) => void): Promise<void> {
	const reader = new CsvReader();
	const push = (text: string): string[][] => {
		try {
			return reader.push(text);
		} catch (error) {
			throw unusableResponse(this.getNode(), 'GET /contact_exports/{file_export_id}', (error as Error).message, itemIndex);
		}
	};
	let header: string[] | undefined;
	const take = (rows: string[][]): void => {
		for (const cells of rows) {
			if (!header) {
				header = cells.map(exportColumn);
				continue;
			}
			const row: ExportRow = {};
			header.forEach((name, i) => {
				if (name) row[name] = cells[i] ?? '';
			});
			emit(row);
		}
	};
	if (isByteStream(file)) {
		const decoder = new TextDecoder();
		for await (const chunk of file) take(push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })));
		take(push(decoder.decode()));
	} else if (typeof file === 'string') {
		take(push(file));
	} else {
		throw unusableResponse(this.getNode(), 'GET /contact_exports/{file_export_id}', 'it is not a CSV file', itemIndex);
	}
	take(reader.end());
	if (reader.unterminated) {
		throw unusableResponse(this.getNode(), 'GET /contact_exports/{file_export_id}', 'the CSV file ends inside a quoted value (cut off)', itemIndex);
	}
}
