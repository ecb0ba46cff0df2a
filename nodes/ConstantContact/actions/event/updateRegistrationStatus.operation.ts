import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { constantContactRequest } from '../../transport/request';
import { isRecord, kindOf, unusableResponse } from '../../transport/responses';
import { chosen } from './getAll.operation';
import { isRegistrationId, registrationsPath } from '../../account/events';
import { eventIdParam, eventLocator, on, resolveTrack, trackField, trackNotFound } from './shared';

const show = on(['updateRegistrationStatus']);

/** What a registration may be set to by hand: cancelled, or registered again (the contract's example is CANCELED). */
export const SETTABLE_STATUSES = [
	{ name: 'Canceled', value: 'CANCELED', description: 'Cancel the registrations' },
	{ name: 'Registered', value: 'REGISTERED', description: 'Register them again' },
];

const NOTHING_SENT = 'Nothing was sent to Constant Contact for this item.';

export const description: INodeProperties[] = [
	eventLocator(show, 'The event the registrations belong to'),
	trackField(show, 'The track (ticket type) the registrations belong to'),
	{
		displayName: 'Registration IDs',
		name: 'registrationIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 0c6a6ce8-e620-4ffc-92e6-6ffb689eb9d2, 15cdb4d3-86b9-4b9d-9431-4a5a0de53c4f',
		description: 'The registrations to update, separated by commas (or a list from an expression); each a registration_id from Get Registrations or the trigger',
		displayOptions: show,
	},
	{
		displayName: 'Registration Status',
		name: 'registrationStatus',
		type: 'options',
		options: SETTABLE_STATUSES,
		default: 'CANCELED',
		description: 'The status to set',
		displayOptions: show,
	},
	{
		displayName: 'Options',
		name: 'statusOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Return Items to Inventory',
				name: 'returnItemsToInventory',
				type: 'boolean',
				default: true,
				description: "Whether the tickets and items of cancelled registrations become available again (Constant Contact's default)",
			},
		],
	},
];

/** The Registration IDs parameter: text separated by commas or a list of texts, each a registration ID; duplicates once. */
export function registrationIds(this: IExecuteFunctions, value: unknown, itemIndex: number): string[] {
	const fail = (message: string) => new NodeOperationError(this.getNode(), `Registration IDs: ${message}`, { itemIndex, description: `${NOTHING_SENT} Give registration_id values from Get Registrations or the trigger, separated by commas.` });
	const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
	if (!parts) throw fail(`${kindOf(value)} is not a list of IDs`);
	const ids: string[] = [];
	for (const part of parts) {
		if (typeof part !== 'string') throw fail(`${kindOf(part)} in the list is not an ID`);
		const id = part.trim();
		if (!id) continue;
		if (!isRegistrationId(id)) throw fail(`${JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id)} is not a registration ID`);
		if (!ids.includes(id)) ids.push(id);
	}
	if (!ids.length) throw fail('none given');
	return ids;
}

/**
 * `PUT /events/{event_id}/tracks/{track_id}/registrations` with `registration_ids` and
 * `registration_status`. 200: every registration updated; 207: `failed_registration_ids` were not.
 * One item: which were updated and which failed; an error when none was.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const eventId = eventIdParam.call(this, itemIndex);
	const ids = registrationIds.call(this, this.getNodeParameter('registrationIds', itemIndex, ''), itemIndex);
	const status = chosen.call(this, 'Registration Status', this.getNodeParameter('registrationStatus', itemIndex, 'CANCELED'), SETTABLE_STATUSES, itemIndex);
	if (!status) throw new NodeOperationError(this.getNode(), 'Registration Status: none chosen', { itemIndex, description: `${NOTHING_SENT} Pick Canceled or Registered.` });
	const options = this.getNodeParameter('statusOptions', itemIndex, {}) as IDataObject;
	const inventory = options.returnItemsToInventory;
	if (inventory !== undefined && typeof inventory !== 'boolean') {
		throw new NodeOperationError(this.getNode(), `Return Items to Inventory: ${kindOf(inventory)} is not true or false`, { itemIndex, description: NOTHING_SENT });
	}
	const track = await resolveTrack.call(this, eventId, itemIndex);
	const answer = (await constantContactRequest
		.call(this, {
			method: 'PUT',
			path: registrationsPath(eventId, track),
			qs: inventory === undefined ? {} : { return_items_to_inventory: inventory },
			body: { registration_ids: ids, registration_status: status },
			fullResponse: true,
			itemIndex,
		})
		.catch((error: unknown) => {
			throw trackNotFound.call(this, error, eventId, track, itemIndex);
		})) as { statusCode?: number; body?: unknown };
	let failed: string[] = [];
	if (answer.statusCode === 207) {
		const list = isRecord(answer.body) ? answer.body.failed_registration_ids : undefined;
		if (list !== undefined && (!Array.isArray(list) || list.some((id) => typeof id !== 'string'))) {
			throw unusableResponse(this.getNode(), 'PUT /events/{event_id}/tracks/{track_id}/registrations', `"failed_registration_ids" is ${kindOf(list)}, not a list of IDs`, itemIndex);
		}
		failed = (list ?? []) as string[];
	}
	const updated = ids.filter((id) => !failed.includes(id));
	if (!updated.length) {
		throw new NodeOperationError(this.getNode(), `None of the ${ids.length} registrations was set to ${status}`, {
			itemIndex,
			description: `Constant Contact could not update ${failed.join(', ')} in track ${track} of event ${eventId}: check that they are registrations of this event and track (Get Registrations lists them).`,
		});
	}
	return [{ json: { event_id: eventId, track_key: track, registration_status: status, updated_registration_ids: updated, failed_registration_ids: failed } }];
}
