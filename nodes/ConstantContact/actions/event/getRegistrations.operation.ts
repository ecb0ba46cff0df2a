import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllFields } from '../../descriptions/locators.description';
import { outputFields } from '../../descriptions/output.description';
import { REGISTRATION_FIELD_OPTIONS, SIMPLIFIED_REGISTRATIONS } from '../../mapping/event/eventOutput';
import { constantContactRequestAllItems } from '../../transport/paginate';
import { readLimit } from '../parameters';
import { chosen, SORT_ORDERS } from './getAll.operation';
import { registrationsPath } from '../../account/events';
import { eventIdParam, eventLocator, on, resolveTrack, trackField, trackNotFound } from './shared';

const show = on(['getRegistrations']);

/** The contract's `registration_status` filter (its last value, "IN_PROGRESS, FAILED", is not one status and is left out). */
export const REGISTRATION_STATUSES = [
	{ name: 'Canceled', value: 'CANCELED' },
	{ name: 'Expired', value: 'EXPIRED' },
	{ name: 'Pending', value: 'PENDING' },
	{ name: 'Registered', value: 'REGISTERED' },
];

export const PAYMENT_STATUSES = [
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'Charged Back', value: 'CHARGED_BACK' },
	{ name: 'Failed', value: 'FAILED' },
	{ name: 'Paid', value: 'PAID' },
	{ name: 'Pending', value: 'PENDING' },
	{ name: 'Refunded', value: 'REFUNDED' },
];

const SORT_KEYS = [
	{ name: 'Email Address', value: 'email_address' },
	{ name: 'First Name', value: 'first_name' },
	{ name: 'Last Name', value: 'last_name' },
	{ name: 'Payment Status', value: 'payment_status' },
	{ name: 'Registration Status', value: 'registration_status' },
	{ name: 'Tickets', value: 'tickets' },
	{ name: 'Total', value: 'total' },
];

export const REGISTRATION_PAGE_SIZE = 100;

export const description: INodeProperties[] = [
	eventLocator(show, 'The event whose registrations to get'),
	trackField(show, 'The track (ticket type) whose registrations to get'),
	...returnAllFields(show, REGISTRATION_PAGE_SIZE),
	{
		displayName: 'Filters',
		name: 'registrationFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Payment Status',
				name: 'paymentStatus',
				type: 'options',
				options: PAYMENT_STATUSES,
				default: 'PAID',
				description: 'Only registrations with this payment status',
			},
			{
				displayName: 'Registration Status',
				name: 'registrationStatus',
				type: 'options',
				options: REGISTRATION_STATUSES,
				default: 'REGISTERED',
				description: 'Only registrations in this status',
			},
			{
				displayName: 'Search Text',
				name: 'searchText',
				type: 'string',
				default: '',
				placeholder: 'e.g. nathan@example.com',
				description: "Only registrations whose first name, last name or email address contains this text",
			},
		],
	},
	{
		displayName: 'Options',
		name: 'registrationOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'Sort By', name: 'sortBy', type: 'options', options: SORT_KEYS, default: 'email_address', description: 'The order of the registrations' },
			{ displayName: 'Sort Order', name: 'sortOrder', type: 'options', options: SORT_ORDERS, default: 'ASC', description: 'Ascending unless set' },
		],
	},
	...outputFields(show, REGISTRATION_FIELD_OPTIONS, SIMPLIFIED_REGISTRATIONS),
];

/** `GET /events/{event_id}/tracks/{track_id}/registrations`, every page or up to the limit; each row with the event's ID. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const eventId = eventIdParam.call(this, itemIndex);
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('registrationFilters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('registrationOptions', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const status = chosen.call(this, 'Registration Status', filters.registrationStatus, REGISTRATION_STATUSES, itemIndex);
	const payment = chosen.call(this, 'Payment Status', filters.paymentStatus, PAYMENT_STATUSES, itemIndex);
	const sortBy = chosen.call(this, 'Sort By', options.sortBy, SORT_KEYS, itemIndex);
	const sortOrder = chosen.call(this, 'Sort Order', options.sortOrder, SORT_ORDERS, itemIndex);
	if (status) qs.registration_status = status;
	if (payment) qs.payment_status = payment;
	const text = typeof filters.searchText === 'string' ? filters.searchText.trim() : '';
	if (text) qs.search_text = text;
	if (sortBy) qs.sort_by = sortBy;
	if (sortOrder) qs.sort_order = sortOrder;
	const track = await resolveTrack.call(this, eventId, itemIndex);
	const rows = (await constantContactRequestAllItems
		.call(this, 'records', registrationsPath(eventId, track), qs, { limit, pageSize: REGISTRATION_PAGE_SIZE, itemIndex })
		.catch((error: unknown) => {
			throw trackNotFound.call(this, error, eventId, track, itemIndex);
		})) as IDataObject[];
	return rows.map((row) => ({ json: { event_id: eventId, ...row } }));
}
