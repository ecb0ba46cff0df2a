import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { ResourceOutput } from '../common/output';

/**
 * Events and their registrations as the node outputs them: `GET /events` rows (EventListingDto, 14
 * fields) and `GET /events/{event_id}/tracks/{track_id}/registrations` rows (RegistrantInformationLiteDto,
 * 14 fields, with the event's ID added) have more than ten fields, so each has a simplified form.
 */

const record = (value: unknown): IDataObject => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {});
const orNull = (value: IDataObject[string]): IDataObject[string] => value ?? null;

// ---- Event Get Many: one EventListingDto --------------------------------------------------------

export function simplifyEvent(raw: IDataObject): IDataObject {
	const metrics = record(raw.event_registration_summary_metrics);
	return {
		event_id: raw.event_id,
		name: orNull(raw.name),
		title: orNull(raw.title),
		status: orNull(raw.status),
		start_time: orNull(raw.start_time),
		end_time: orNull(raw.end_time),
		registration_url: orNull(raw.registration_url),
		registration_count: metrics.registration_count ?? 0,
		ticket_sold: metrics.ticket_sold ?? 0,
	};
}

export const SIMPLIFIED_EVENTS = 'Nine fields: event ID, name, title, status, start and end time, registration URL, registrations and tickets sold';

export const EVENT_OUTPUT: ResourceOutput = {
	idFields: ['event_id'],
	simplify: simplifyEvent,
	isRecord: (json) => typeof json.event_id === 'string' && json.registration_id === undefined,
};

export const EVENT_FIELD_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Address', value: 'address' },
	{ name: 'Create Time', value: 'create_time' },
	{ name: 'Description', value: 'description' },
	{ name: 'End Time', value: 'end_time' },
	{ name: 'Event Type', value: 'event_type' },
	{ name: 'Location Type', value: 'location_type', description: 'Physical, virtual, or both' },
	{ name: 'Name', value: 'name' },
	{ name: 'Registration Summary', value: 'event_registration_summary_metrics', description: 'Registrations, tickets and items sold' },
	{ name: 'Registration URL', value: 'registration_url' },
	{ name: 'Start Time', value: 'start_time' },
	{ name: 'Status', value: 'status' },
	{ name: 'Time Zone', value: 'time_zone_type' },
	{ name: 'Title', value: 'title' },
];

// ---- Get Registrations, and the trigger's Event Registration --------------------------------------

/** A registration: who, when, its status and payment, where (event and track). */
export function simplifyRegistration(raw: IDataObject): IDataObject {
	return {
		event_id: raw.event_id,
		track_key: orNull(raw.track_key ?? raw.track_id),
		registration_id: raw.registration_id,
		email_address: orNull(raw.email_address),
		first_name: orNull(raw.first_name),
		last_name: orNull(raw.last_name),
		registration_status: orNull(raw.registration_status),
		payment_status: orNull(raw.payment_status),
		registration_time: orNull(raw.registration_time),
		total: orNull(raw.total),
	};
}

export const SIMPLIFIED_REGISTRATIONS = 'Ten fields: event ID, track, registration ID, email, first and last name, registration and payment status, registration time, total';

const isRegistration = (json: IDataObject): boolean => typeof json.registration_id === 'string';

export const REGISTRATION_OUTPUT: ResourceOutput = {
	idFields: ['event_id', 'registration_id'],
	simplify: simplifyRegistration,
	isRecord: isRegistration,
};

export const REGISTRATION_FIELD_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Check-in Status', value: 'checkin_status' },
	{ name: 'Checked-in Tickets', value: 'checkedIn_tickets' },
	{ name: 'Email Address', value: 'email_address' },
	{ name: 'Eligible Check-in Tickets', value: 'eligible_checkin_tickets' },
	{ name: 'First Name', value: 'first_name' },
	{ name: 'Last Name', value: 'last_name' },
	{ name: 'New Contact', value: 'new_contact', description: 'Whether registering added the contact' },
	{ name: 'Payment Status', value: 'payment_status' },
	{ name: 'Registration Status', value: 'registration_status' },
	{ name: 'Registration Time', value: 'registration_time' },
	{ name: 'Tickets', value: 'tickets', description: 'How many tickets' },
	{ name: 'Total', value: 'total', description: 'The amount paid' },
	{ name: 'Track', value: 'track_key' },
];

/** The form's answers (the registration details' `contact` fields) by label; fields without a value (headers, dividers) left out. */
export function answersOf(fields: unknown): IDataObject {
	const answers: IDataObject = {};
	if (!Array.isArray(fields)) return answers;
	for (const field of fields) {
		const f = record(field);
		const label = typeof f.field_label === 'string' && f.field_label ? f.field_label : typeof f.field_name === 'string' ? f.field_name : undefined;
		if (label === undefined || f.field_value === undefined || f.field_value === null) continue;
		answers[label] = f.field_value;
	}
	return answers;
}

/** The trigger's registration: as Get Registrations simplifies it, with the answers by label in place of the total. */
export function simplifyNewRegistration(raw: IDataObject): IDataObject {
	const simple = simplifyRegistration(raw);
	delete simple.total;
	return { ...simple, answers: answersOf(raw.fields) };
}

export const SIMPLE_NEW_REGISTRATION_SUMMARY =
	'event ID, track, registration ID, email, first and last name, registration and payment status, registration time, and the answers by field label';

export const NEW_REGISTRATION_OUTPUT: ResourceOutput = {
	idFields: ['event_id', 'registration_id'],
	simplify: simplifyNewRegistration,
	isRecord: isRegistration,
};
