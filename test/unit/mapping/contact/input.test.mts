import { describe, it, expect } from 'vitest';

import { autoMapItem, contactInputFromFields, mergeContactInputs, monthAndDay, scalarText } from '../../../../nodes/ConstantContact/mapping/contact/input.ts';
import type { CustomFieldDefinition } from '../../../../nodes/ConstantContact/mapping/contact/types.ts';

const definitions: CustomFieldDefinition[] = [
	{ custom_field_id: 'cf-color', label: 'Favorite Color', name: 'Favorite_Color', type: 'string' },
	{ custom_field_id: 'cf-plan', label: 'Plan', name: 'Plan', type: 'single_select', choices: [{ choice_id: 1, choice_label: 'Pro' }] },
];

describe('contactInputFromFields (Map Each Field Below)', () => {
	it('reads every mapper field by ID, custom fields by custom_field:<id>, and skips empty values', () => {
		const input = contactInputFromFields(
			{
				email_address: 'ada@example.com',
				first_name: 'Ada',
				last_name: '',
				job_title: null,
				company_name: 'Engines',
				'phone_number:mobile': '555-0100',
				'phone_number:home': '',
				'street_address:kind': 'work',
				'street_address:city': 'London',
				birthday_month: 12,
				birthday_day: 10,
				anniversary: '2015-06-01',
				'custom_field:cf-color': 'green',
			},
			'contacts',
		);
		expect(input).toEqual({
			email: 'ada@example.com',
			first_name: 'Ada',
			company_name: 'Engines',
			phone_numbers: [{ phone_number: '555-0100', kind: 'mobile' }],
			street_addresses: [{ kind: 'work', city: 'London' }],
			birthday_month: '12',
			birthday_day: '10',
			anniversary: '2015-06-01',
			custom_fields: [{ key: 'cf-color', value: 'green' }],
			list_ids: [],
			tag_ids: [],
			notes: [],
		});
	});
});

describe('autoMapItem (Map Automatically)', () => {
	it('maps a Form Trigger item by field label', () => {
		const { input, unmatched } = autoMapItem(
			{
				Email: 'ada@example.com',
				'First Name': 'Ada',
				'Last Name': 'Lovelace',
				Company: 'Engines',
				Phone: '555-0100',
				'Favorite Color': 'green',
				Birthday: '1990-05-17',
				submittedAt: '2026-01-01T10:00:00Z',
				formMode: 'production',
			},
			'contacts',
			definitions,
		);
		expect(input).toMatchObject({
			email: 'ada@example.com',
			first_name: 'Ada',
			last_name: 'Lovelace',
			company_name: 'Engines',
			phone_numbers: [{ phone_number: '555-0100', kind: 'other' }],
			birthday_month: '5',
			birthday_day: '17',
			custom_fields: [{ key: 'cf-color', value: 'green' }],
		});
		expect(unmatched).toEqual(['submittedAt', 'formMode']);
	});

	it('maps a HubSpot contact (properties, with or without { value } wrappers)', () => {
		const { input } = autoMapItem(
			{
				vid: 501,
				properties: {
					email: { value: 'grace@example.com' },
					firstname: { value: 'Grace' },
					lastname: 'Hopper',
					jobtitle: { value: 'Rear Admiral' },
					company: { value: 'US Navy' },
					mobilephone: { value: '555-0111' },
					city: { value: 'Arlington' },
					state: { value: 'VA' },
					zip: { value: '22201' },
					plan: { value: 'Pro' },
				},
			},
			'contacts',
			definitions,
		);
		expect(input).toMatchObject({
			email: 'grace@example.com',
			first_name: 'Grace',
			last_name: 'Hopper',
			job_title: 'Rear Admiral',
			company_name: 'US Navy',
			phone_numbers: [{ phone_number: '555-0111', kind: 'mobile' }],
			street_addresses: [{ city: 'Arlington', state: 'VA', postal_code: '22201' }],
			custom_fields: [{ key: 'cf-plan', value: 'Pro' }],
		});
	});

	it('maps a Pipedrive person: primary email, labelled phones, name split, org_name', () => {
		const { input } = autoMapItem(
			{
				id: 12,
				name: 'Katherine Johnson',
				email: [
					{ label: 'home', value: 'kj@home.example', primary: false },
					{ label: 'work', value: 'kj@nasa.example', primary: true },
				],
				phone: [
					{ label: 'work', value: '555-0001', primary: true },
					{ label: 'mobile', value: '555-0002', primary: false },
				],
				org_name: 'NASA',
			},
			'contacts',
		);
		expect(input).toMatchObject({
			email: 'kj@nasa.example',
			first_name: 'Katherine',
			last_name: 'Johnson',
			company_name: 'NASA',
			phone_numbers: [
				{ phone_number: '555-0001', kind: 'work' },
				{ phone_number: '555-0002', kind: 'mobile' },
			],
		});
	});

	it('maps one phone without kind for the sign-up form', () => {
		expect(autoMapItem({ email: 'a@b.co', Mobile: '555' }, 'sign_up_form').input.phone_numbers).toEqual([{ phone_number: '555' }]);
	});
});

describe('helpers', () => {
	it('scalarText unwraps values', () => {
		expect(scalarText('  x ')).toBe('x');
		expect(scalarText(3)).toBe('3');
		expect(scalarText({ value: 'v' })).toBe('v');
		expect(scalarText([{ value: 'a' }, { value: 'b', primary: true }])).toBe('b');
		expect(scalarText({ other: 1 })).toBeUndefined();
		expect(scalarText('')).toBeUndefined();
	});

	it('monthAndDay reads common date shapes', () => {
		expect(monthAndDay('1990-05-17')).toEqual({ month: 5, day: 17 });
		expect(monthAndDay('05/17/1990')).toEqual({ month: 5, day: 17 });
		expect(monthAndDay('1990-05-17T00:00:00Z')).toEqual({ month: 5, day: 17 });
		expect(monthAndDay('soon')).toBeUndefined();
	});

	it('mergeContactInputs keeps mapped scalars and adds the additional fields', () => {
		const merged = mergeContactInputs(
			{ email: 'a@b.co', phone_numbers: [{ phone_number: '1', kind: 'home' }], street_addresses: [], custom_fields: [], list_ids: [], tag_ids: [], notes: [] },
			{ phone_numbers: [{ phone_number: '2', kind: 'work' }], list_ids: ['l'], notes: ['n'] },
		);
		expect(merged).toEqual({
			email: 'a@b.co',
			phone_numbers: [
				{ phone_number: '1', kind: 'home' },
				{ phone_number: '2', kind: 'work' },
			],
			street_addresses: [],
			custom_fields: [],
			list_ids: ['l'],
			tag_ids: [],
			notes: ['n'],
		});
	});
});
