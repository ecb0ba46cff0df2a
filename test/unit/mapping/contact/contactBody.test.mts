import { describe, it, expect } from 'vitest';

import { toContactPostRequest, toSignUpFormRequest } from '../../../../nodes/ConstantContact/mapping/contact/contactBody.ts';
import type { ValidContact } from '../../../../nodes/ConstantContact/mapping/contact/validate.ts';

const full: ValidContact = {
	email: 'ada@example.com',
	first_name: 'Ada',
	last_name: 'Lovelace',
	job_title: 'Analyst',
	company_name: 'Engines Ltd',
	phone_numbers: [
		{ phone_number: '555-0100', kind: 'mobile' },
		{ phone_number: '555-0101', kind: 'work' },
	],
	street_addresses: [{ kind: 'home', street: '1 Main St', city: 'London', country: 'UK' }],
	birthday_month: 12,
	birthday_day: 10,
	anniversary: '2015-06-01',
	custom_fields: [
		{ custom_field_id: 'cf-text', value: 'green' },
		{ custom_field_id: 'cf-select', value: 'Pro', choice_ids: ['2'] },
	],
	list_ids: ['l1', 'l2'],
	tag_ids: ['t1'],
	notes: ['met at the fair'],
};

describe('toContactPostRequest', () => {
	it('builds a ContactPostRequest with create_source Account and the chosen permission', () => {
		expect(toContactPostRequest(full, { permission_to_send: 'implicit' })).toEqual({
			email_address: { address: 'ada@example.com', permission_to_send: 'implicit' },
			first_name: 'Ada',
			last_name: 'Lovelace',
			job_title: 'Analyst',
			company_name: 'Engines Ltd',
			birthday_month: 12,
			birthday_day: 10,
			anniversary: '2015-06-01',
			create_source: 'Account',
			custom_fields: [
				{ custom_field_id: 'cf-text', value: 'green' },
				{ custom_field_id: 'cf-select', value: 'Pro', choice_ids: ['2'] },
			],
			phone_numbers: [
				{ phone_number: '555-0100', kind: 'mobile' },
				{ phone_number: '555-0101', kind: 'work' },
			],
			street_addresses: [{ kind: 'home', street: '1 Main St', city: 'London', country: 'UK' }],
			list_memberships: ['l1', 'l2'],
			taggings: ['t1'],
			notes: [{ content: 'met at the fair' }],
		});
	});

	it('leaves out everything not given', () => {
		const minimal: ValidContact = { email: 'a@b.co', phone_numbers: [], street_addresses: [], custom_fields: [], list_ids: [], tag_ids: [], notes: [] };
		expect(toContactPostRequest(minimal, { permission_to_send: 'explicit' })).toEqual({
			email_address: { address: 'a@b.co', permission_to_send: 'explicit' },
			create_source: 'Account',
		});
	});
});

describe('toSignUpFormRequest', () => {
	it('builds the flat sign_up_form body: one phone, one address, custom fields by value, no tags, notes, permission or source', () => {
		const contact: ValidContact = { ...full, phone_numbers: [{ phone_number: '555-0100' }], tag_ids: [], notes: [] };
		const body = toSignUpFormRequest(contact);
		expect(body).toEqual({
			email_address: 'ada@example.com',
			first_name: 'Ada',
			last_name: 'Lovelace',
			job_title: 'Analyst',
			company_name: 'Engines Ltd',
			birthday_month: 12,
			birthday_day: 10,
			anniversary: '2015-06-01',
			phone_number: '555-0100',
			street_address: { kind: 'home', street: '1 Main St', city: 'London', country: 'UK' },
			custom_fields: [
				{ custom_field_id: 'cf-text', value: 'green' },
				{ custom_field_id: 'cf-select', value: 'Pro' },
			],
			list_memberships: ['l1', 'l2'],
		});
		expect(Object.keys(body)).not.toContain('taggings');
		expect(Object.keys(body)).not.toContain('create_source');
	});
});
