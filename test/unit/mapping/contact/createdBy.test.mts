import { describe, expect, it } from 'vitest';

import { CREATION_CLOCK_SKEW_MS, createdByRequest } from '../../../../nodes/ConstantContact/mapping/contact/createdBy.ts';
import type { ContactPostRequest, ContactResource } from '../../../../nodes/ConstantContact/mapping/contact/types.ts';

const sentAt = Date.parse('2026-05-01T12:00:00Z');
const now = sentAt + 3_000;

const body: ContactPostRequest = {
	email_address: { address: 'a@example.com', permission_to_send: 'implicit' },
	first_name: 'Ada',
	create_source: 'Account',
	anniversary: '2015-06-01',
	phone_numbers: [{ phone_number: '+1 555 0100', kind: 'mobile' }],
	street_addresses: [{ kind: 'home', city: 'London' }],
	list_memberships: ['l1'],
	custom_fields: [{ custom_field_id: 'cf1', value: 'green' }],
};

const found = (over: Partial<ContactResource> = {}): ContactResource => ({
	contact_id: 'c1',
	email_address: { address: 'a@example.com', permission_to_send: 'implicit' },
	first_name: 'Ada',
	create_source: 'Account',
	created_at: new Date(sentAt + 1_000).toISOString(),
	anniversary: '06/01/2015',
	phone_numbers: [{ phone_number: '15550100', kind: 'mobile' }],
	street_addresses: [{ kind: 'home', city: 'London', street_address_id: 's1' }],
	list_memberships: ['l1', 'l0'],
	custom_fields: [{ custom_field_id: 'cf1', value: 'green' }],
	...over,
});

describe('createdByRequest: is the contact found after an ambiguous POST the one it created?', () => {
	it('yes: created after the request was sent, by the account, with every field it sent', () => {
		expect(createdByRequest(found(), body, sentAt, now)).toBe(true);
	});

	it('yes, within the clock-skew tolerance either way', () => {
		expect(createdByRequest(found({ created_at: new Date(sentAt - CREATION_CLOCK_SKEW_MS + 1_000).toISOString() }), body, sentAt, now)).toBe(true);
		expect(createdByRequest(found({ created_at: new Date(now + CREATION_CLOCK_SKEW_MS - 1_000).toISOString() }), body, sentAt, now)).toBe(true);
	});

	it.each<[string, Partial<ContactResource>]>([
		['deleted', { deleted_at: '2026-05-01' }],
		['created long before the request', { created_at: '2026-01-01T00:00:00Z' }],
		['created beyond the tolerance before the request', { created_at: new Date(sentAt - CREATION_CLOCK_SKEW_MS - 1_000).toISOString() }],
		['without a creation time', { created_at: undefined }],
		['created by the contact (a sign-up form)', { create_source: 'Contact' }],
		['with another first name', { first_name: 'Someone' }],
		['with another anniversary', { anniversary: '2016-06-01' }],
		['without our list', { list_memberships: ['l0'] }],
		['without our phone number', { phone_numbers: [] }],
		['with our address in another kind', { street_addresses: [{ kind: 'work', city: 'London' }] }],
		['with another custom field value', { custom_fields: [{ custom_field_id: 'cf1', value: 'blue' }] }],
	])('no: %s', (_name, over) => {
		expect(createdByRequest(found(over), body, sentAt, now)).toBe(false);
	});
});
