import { describe, expect, it } from 'vitest';

import { answersOf, EVENT_OUTPUT, NEW_REGISTRATION_OUTPUT, REGISTRATION_OUTPUT, simplifyEvent, simplifyNewRegistration } from '../../../../nodes/ConstantContact/mapping/event/eventOutput.ts';
import { shapeOutput } from '../../../../nodes/ConstantContact/mapping/common/output.ts';

describe('event and registration output', () => {
	it("answers: the form's fields by label (the field name without one); fields without a value and anything not a field left out", () => {
		expect(
			answersOf([
				{ field_label: 'Email Address', field_name: 'CONTACT_EMAIL_ADDRESS', field_value: 'a@example.com' },
				{ field_name: 'CUSTOM_SIZE', field_value: 'M' },
				{ field_label: 'Header', field_type: 'HEADER' },
				{ field_label: 'Nothing', field_value: null },
				null,
				'text',
				[1],
			]),
		).toEqual({ 'Email Address': 'a@example.com', CUSTOM_SIZE: 'M' });
		expect(answersOf(undefined)).toEqual({});
		expect(answersOf({ field_label: 'x', field_value: 'y' })).toEqual({});
	});

	it('simplified records have the same keys whatever Constant Contact left out, at most ten', () => {
		const event = simplifyEvent({ event_id: 'e1', event_registration_summary_metrics: 'odd' as never });
		expect(event).toEqual({ event_id: 'e1', name: null, title: null, status: null, start_time: null, end_time: null, registration_url: null, registration_count: 0, ticket_sold: 0 });
		const registration = simplifyNewRegistration({ event_id: 'e1', registration_id: 'r1', fields: 'none' as never });
		expect(Object.keys(registration)).toHaveLength(10);
		expect(registration).toMatchObject({ answers: {}, payment_status: null });
		expect(registration).not.toHaveProperty('total');
	});

	it('Selected Fields keeps the IDs; an item that is not the record (an error item) passes unchanged', () => {
		const row = { event_id: 'e1', registration_id: 'r1', email_address: 'a@example.com', total: 5 };
		expect(shapeOutput(row, REGISTRATION_OUTPUT, 'fields', ['total'])).toEqual({ event_id: 'e1', registration_id: 'r1', total: 5 });
		expect(shapeOutput({ error: 'x' }, NEW_REGISTRATION_OUTPUT, 'simple')).toEqual({ error: 'x' });
		// A registration row carries the event ID too: it is not taken for an event.
		expect(EVENT_OUTPUT.isRecord(row)).toBe(false);
		expect(EVENT_OUTPUT.isRecord({ event_id: 'e1', name: 'Gala' })).toBe(true);
	});
});
