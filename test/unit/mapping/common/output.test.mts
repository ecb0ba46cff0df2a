import { describe, expect, it } from 'vitest';
import type { IDataObject } from 'n8n-workflow';

import {
	CONTACT_FIELD_OPTIONS,
	CONTACT_OUTPUT,
	SIMPLE_CONTACT_INCLUDE,
	contactInclude,
	isContactRecord,
	simplifyContact,
} from '../../../../nodes/ConstantContact/mapping/contact/contactOutput.ts';
import { OUTCOME_FIELDS, shapeOutput, toOutputMode } from '../../../../nodes/ConstantContact/mapping/common/output.ts';

/** A contact as GET /contacts/{id}?include=… returns it: every field of ContactResource but deleted_at. */
const stored: IDataObject = {
	contact_id: 'c-1',
	email_address: {
		address: 'ada@example.com',
		permission_to_send: 'unsubscribed',
		created_at: '2020-01-01T00:00:00Z',
		updated_at: '2024-02-01T00:00:00Z',
		opt_in_source: 'Account',
		opt_in_date: '2020-01-01T00:00:00Z',
		opt_out_source: 'Contact',
		opt_out_date: '2024-02-01T00:00:00Z',
		opt_out_reason: 'Too many emails',
		confirm_status: 'off',
	},
	first_name: 'Ada',
	last_name: 'Lovelace',
	job_title: 'Analyst',
	company_name: 'Engines Ltd',
	birthday_month: 12,
	birthday_day: 10,
	anniversary: '2015-06-01',
	update_source: 'Contact',
	create_source: 'Account',
	created_at: '2020-01-01T00:00:00Z',
	updated_at: '2024-02-01T00:00:00Z',
	custom_fields: [{ custom_field_id: 'cf-1', value: 'green' }],
	phone_numbers: [{ phone_number_id: 'p-1', phone_number: '555-0100', kind: 'mobile' }],
	street_addresses: [{ street_address_id: 's-1', kind: 'home', city: 'London' }],
	list_memberships: ['l1', 'l2'],
	taggings: ['t1'],
	notes: [{ note_id: 'n-1', content: 'first' }],
	sms_channel: { sms_address: '5550100' },
};

describe('simplifyContact', () => {
	it('flattens a contact to ten fields, most used first', () => {
		const simple = simplifyContact(stored);
		expect(simple).toEqual({
			contact_id: 'c-1',
			email: 'ada@example.com',
			first_name: 'Ada',
			last_name: 'Lovelace',
			permission_to_send: 'unsubscribed',
			opt_out_date: '2024-02-01T00:00:00Z',
			list_ids: ['l1', 'l2'],
			tag_ids: ['t1'],
			updated_at: '2024-02-01T00:00:00Z',
			deleted_at: null,
		});
		expect(Object.keys(simple)).toHaveLength(10);
		expect(Object.values(simple).some((v) => typeof v === 'object' && v !== null && !Array.isArray(v))).toBe(false);
	});

	it('gives every contact the same keys: null where Constant Contact has no value or the subresource was not asked for', () => {
		const bare = simplifyContact({ contact_id: 'c-2', email_address: { address: 'b@example.com' }, deleted_at: '2024-03-01T00:00:00Z' });
		expect(bare).toEqual({
			contact_id: 'c-2',
			email: 'b@example.com',
			first_name: null,
			last_name: null,
			permission_to_send: null,
			opt_out_date: null,
			list_ids: null,
			tag_ids: null,
			updated_at: null,
			deleted_at: '2024-03-01T00:00:00Z',
		});
		expect(Object.keys(bare)).toEqual(Object.keys(simplifyContact(stored)));
	});
});

describe('shapeOutput', () => {
	const written = { ...stored, action: 'updated', changes: ['first_name'], revived: true };

	it('Raw returns the record untouched', () => {
		expect(shapeOutput(written, CONTACT_OUTPUT, 'raw')).toBe(written);
	});

	it("Simplified keeps what the node adds about a write (action, skip reason, revived, changes)", () => {
		expect(shapeOutput(written, CONTACT_OUTPUT, 'simple')).toEqual({ ...simplifyContact(stored), action: 'updated', changes: ['first_name'], revived: true });
		const skipped = shapeOutput({ ...stored, action: 'skipped', skip_reason: 'deleted' }, CONTACT_OUTPUT, 'simple');
		expect(skipped).toMatchObject({ action: 'skipped', skip_reason: 'deleted' });
		expect([...OUTCOME_FIELDS]).toEqual(['action', 'skip_reason', 'revived', 'changes', 'dropped']);
	});

	it('Selected Fields returns the ID and the chosen fields as Constant Contact returned them, skipping absent ones', () => {
		expect(shapeOutput(stored, CONTACT_OUTPUT, 'fields', ['phone_numbers', 'company_name', 'deleted_at'])).toEqual({
			contact_id: 'c-1',
			phone_numbers: stored.phone_numbers,
			company_name: 'Engines Ltd',
		});
		expect(shapeOutput(stored, CONTACT_OUTPUT, 'fields', [])).toEqual({ contact_id: 'c-1' });
		expect(shapeOutput(written, CONTACT_OUTPUT, 'fields', ['first_name'])).toEqual({ contact_id: 'c-1', first_name: 'Ada', action: 'updated', changes: ['first_name'], revived: true });
	});

	it('leaves what is not a contact alone: a bulk activity summary, an error item', () => {
		const summary = { contact_id: 'c-1', email_address: 'ada@example.com', list_ids: ['l1'], action: 'added', activity_id: 'a-1' };
		const error = { error: 'No contact with the ID x exists in Constant Contact' };
		for (const json of [summary, error]) {
			expect(isContactRecord(json)).toBe(false);
			expect(shapeOutput(json, CONTACT_OUTPUT, 'simple')).toBe(json);
			expect(shapeOutput(json, CONTACT_OUTPUT, 'fields', ['first_name'])).toBe(json);
		}
		expect(isContactRecord(stored)).toBe(true);
	});
});

describe('contactInclude and the output options', () => {
	it('asks Constant Contact only for the subresources the output needs', () => {
		expect(contactInclude('raw', [], ['notes'])).toEqual(['notes']);
		expect(contactInclude('simple', [], ['notes'])).toEqual(SIMPLE_CONTACT_INCLUDE);
		expect(SIMPLE_CONTACT_INCLUDE).toEqual(['list_memberships', 'taggings']);
		expect(contactInclude('fields', ['first_name', 'taggings', 'custom_fields'], [])).toEqual(['custom_fields', 'taggings']);
		expect(contactInclude('fields', ['first_name'], [])).toEqual([]);
	});

	it('offers every field of the contact but its ID (always returned) for selection, sorted by name', () => {
		const values = CONTACT_FIELD_OPTIONS.map((o) => o.value);
		const names = CONTACT_FIELD_OPTIONS.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(values).not.toContain('contact_id');
		// ContactResource's properties in swagger-v3.yaml. sms_channel is not one of the `include` values
		// GET /contacts accepts, so it is never returned.
		const contactResource = [...Object.keys(stored), 'deleted_at'];
		expect(contactResource).toHaveLength(21);
		expect([...values, 'contact_id', 'sms_channel'].sort()).toEqual(contactResource.sort());
	});

	it('reads an unknown Output value as the default, Simplified', () => {
		expect(toOutputMode('raw')).toBe('raw');
		expect(toOutputMode('fields')).toBe('fields');
		expect(toOutputMode(undefined)).toBe('simple');
		expect(toOutputMode('simple')).toBe('simple');
	});
});
