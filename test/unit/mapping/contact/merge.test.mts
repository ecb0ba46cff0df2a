import { describe, it, expect } from 'vitest';

import { isDeleted, mergeContactForPut } from '../../../../nodes/ConstantContact/mapping/contact/merge.ts';
import type { ContactResource } from '../../../../nodes/ConstantContact/mapping/contact/types.ts';
import type { ValidContact } from '../../../../nodes/ConstantContact/mapping/contact/validate.ts';

const stored: ContactResource = {
	contact_id: 'c-1',
	email_address: { address: 'ada@example.com', permission_to_send: 'unsubscribed', opt_out_source: 'Contact', created_at: '2020-01-01T00:00:00Z' },
	first_name: 'Ada',
	last_name: 'Lovelace',
	job_title: 'Analyst',
	company_name: null,
	birthday_month: 12,
	birthday_day: 10,
	anniversary: '2015-06-01',
	create_source: 'Account',
	custom_fields: [{ custom_field_id: 'cf-1', value: 'green' }],
	phone_numbers: [{ phone_number_id: 'p-1', phone_number: '555-0100', kind: 'mobile', created_at: 'x' }],
	street_addresses: [{ street_address_id: 's-1', kind: 'home', street: '1 Main St', city: 'London', postal_code: 'N1' }],
	list_memberships: ['l1'],
	taggings: ['t1'],
	notes: [{ note_id: 'n-1', created_at: '2021-01-01T00:00:00Z', content: 'first' }],
};

const given = (fields: Partial<ValidContact>): ValidContact => ({
	email: 'ada@example.com',
	phone_numbers: [],
	street_addresses: [],
	custom_fields: [],
	list_ids: [],
	tag_ids: [],
	notes: [],
	...fields,
});

describe('mergeContactForPut', () => {
	it('sends back every stored top-level field and the stored permission, and detects no change', () => {
		const result = mergeContactForPut(stored, given({ first_name: 'Ada', list_ids: ['l1'], tag_ids: ['t1'], notes: ['first'] }));
		expect(result.changed).toBe(false);
		expect(result.changes).toEqual([]);
		expect(result.body).toEqual({
			email_address: { address: 'ada@example.com', permission_to_send: 'unsubscribed' },
			update_source: 'Account',
			first_name: 'Ada',
			last_name: 'Lovelace',
			job_title: 'Analyst',
			birthday_month: 12,
			birthday_day: 10,
			anniversary: '2015-06-01',
		});
	});

	it('sends sms_channel back in the PUT shape, unchanged (a PUT erases an omitted top-level property)', () => {
		const withSms: ContactResource = {
			...stored,
			sms_channel: {
				sms_channel_id: 'sms-1',
				sms_address: '7815551212',
				dial_code: '1',
				country_code: 'US',
				update_source: 'Contact',
				sms_channel_consents: [{ sms_consent_permission: 'explicit', consent_type: 'promotional_sms', opt_in_date: '2024-01-01T00:00:00Z' }],
			},
		};
		const result = mergeContactForPut(withSms, given({ first_name: 'Ada' }));
		expect(result.body.sms_channel).toEqual({
			full_sms_address: '17815551212',
			sms_channel_consents: [{ sms_consent_permission: 'explicit', consent_type: 'promotional_sms' }],
		});
		expect(result.changed).toBe(false);
		expect(mergeContactForPut(stored, given({})).body.sms_channel).toBeUndefined();
	});

	it('never sends back a permission state the contract\'s PUT does not list', () => {
		const odd = { ...stored, email_address: { ...stored.email_address!, permission_to_send: 'deprecated' } };
		expect(mergeContactForPut(odd, given({})).body.email_address).toEqual({ address: 'ada@example.com' });
	});

	it('treats the same anniversary in another format and the same phone in another format as unchanged', () => {
		const result = mergeContactForPut(
			stored,
			given({ anniversary: '06/01/2015', phone_numbers: [{ phone_number: '(555) 0100', kind: 'other' }] }),
		);
		expect(result.changed).toBe(false);
	});

	it('merges given fields, keeps what was not given, never touches permission_to_send', () => {
		const result = mergeContactForPut(
			stored,
			given({
				last_name: 'Byron',
				company_name: 'Engines Ltd',
				custom_fields: [{ custom_field_id: 'cf-2', value: 'x' }],
				phone_numbers: [{ phone_number: '555-0199', kind: 'work' }],
				street_addresses: [{ kind: 'home', street: '2 High St' }],
				list_ids: ['l2'],
				tag_ids: ['t2'],
				notes: ['second'],
			}),
		);
		expect(result.changed).toBe(true);
		expect(result.changes).toEqual([
			'last_name',
			'company_name',
			'custom_fields',
			'phone_numbers',
			'street_addresses',
			'list_memberships',
			'taggings',
			'notes',
		]);
		expect(result.body).toEqual({
			email_address: { address: 'ada@example.com', permission_to_send: 'unsubscribed' },
			update_source: 'Account',
			first_name: 'Ada',
			last_name: 'Byron',
			job_title: 'Analyst',
			company_name: 'Engines Ltd',
			birthday_month: 12,
			birthday_day: 10,
			anniversary: '2015-06-01',
			custom_fields: [
				{ custom_field_id: 'cf-1', value: 'green' },
				{ custom_field_id: 'cf-2', value: 'x' },
			],
			phone_numbers: [
				{ phone_number: '555-0100', kind: 'mobile' },
				{ phone_number: '555-0199', kind: 'work' },
			],
			street_addresses: [{ kind: 'home', street: '2 High St', city: 'London', postal_code: 'N1' }],
			list_memberships: ['l1', 'l2'],
			taggings: ['t1', 't2'],
			notes: [
				{ content: 'second' },
				{ note_id: 'n-1', created_at: '2021-01-01T00:00:00Z', content: 'first' },
			],
		});
		expect(result.problems).toEqual([]);
	});

	it('replaces lists and tags when asked, and then detects a change only if the set differs', () => {
		const replaced = mergeContactForPut(stored, given({ list_ids: ['l2'], tag_ids: ['t1'] }), {
			list_memberships: 'replace',
			taggings: 'replace',
		});
		expect(replaced.body.list_memberships).toEqual(['l2']);
		expect(replaced.body.taggings).toBeUndefined();
		expect(replaced.changes).toEqual(['list_memberships']);
		// Replace with nothing given keeps the memberships.
		expect(mergeContactForPut(stored, given({}), { list_memberships: 'replace' }).changed).toBe(false);
	});

	it('replaces a stored phone of the same kind, and reports a fourth phone as a limit problem', () => {
		const sameKind = mergeContactForPut(stored, given({ phone_numbers: [{ phone_number: '555-0200', kind: 'mobile' }] }));
		expect(sameKind.body.phone_numbers).toEqual([{ phone_number: '555-0200', kind: 'mobile' }]);
		const full = { ...stored, phone_numbers: [
			{ phone_number: '1', kind: 'home' },
			{ phone_number: '2', kind: 'work' },
			{ phone_number: '3', kind: 'mobile' },
		] };
		const fourth = mergeContactForPut(full, given({ phone_numbers: [{ phone_number: '4', kind: 'other' }] }));
		expect(fourth.problems).toEqual([
			'Phone Numbers: the contact would have 4 (home, work, mobile, other); Constant Contact allows at most 3',
		]);
	});

	it('changes a select custom field by its choice IDs', () => {
		const withSelect = { ...stored, custom_fields: [{ custom_field_id: 'cf-s', choice_ids: ['1'] }] };
		expect(mergeContactForPut(withSelect, given({ custom_fields: [{ custom_field_id: 'cf-s', value: 'Free', choice_ids: ['1'] }] })).changed).toBe(false);
		const changed = mergeContactForPut(withSelect, given({ custom_fields: [{ custom_field_id: 'cf-s', value: 'Pro', choice_ids: ['2'] }] }));
		expect(changed.body.custom_fields).toEqual([{ custom_field_id: 'cf-s', value: 'Pro', choice_ids: ['2'] }]);
	});

	it('knows a deleted contact', () => {
		expect(isDeleted({ ...stored, deleted_at: '2024-01-01' })).toBe(true);
		expect(isDeleted(stored)).toBe(false);
	});
});
