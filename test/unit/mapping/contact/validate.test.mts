import { describe, it, expect } from 'vitest';
import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { isValidEmail } from '../../../../nodes/ConstantContact/mapping/common/email.ts';
import { assertValid, normalizeAnniversary, validateContactInput } from '../../../../nodes/ConstantContact/mapping/contact/validate.ts';
import type { ContactInput, CustomFieldDefinition } from '../../../../nodes/ConstantContact/mapping/contact/types.ts';
import { emptyContactInput } from '../../../../nodes/ConstantContact/mapping/contact/types.ts';

const input = (fields: Partial<ContactInput>): ContactInput => ({ ...emptyContactInput(), email: 'ada@example.com', ...fields });

const problemsOf = (fields: Partial<ContactInput>, target: 'contacts' | 'sign_up_form' = 'contacts', defs?: CustomFieldDefinition[]) => {
	const result = validateContactInput(input(fields), target, defs);
	return result.valid ? [] : result.problems;
};

const definitions: CustomFieldDefinition[] = [
	{ custom_field_id: '11111111-1111-4111-8111-111111111111', label: 'Favorite Color', name: 'Favorite_Color', type: 'string' },
	{
		custom_field_id: '22222222-2222-4222-8222-222222222222',
		label: 'Plan',
		name: 'Plan',
		type: 'single_select',
		choices: [
			{ choice_id: 1, choice_label: 'Free' },
			{ choice_id: 2, choice_label: 'Pro' },
		],
	},
	{
		custom_field_id: '33333333-3333-4333-8333-333333333333',
		label: 'Interests',
		name: 'Interests',
		type: 'multi_select',
		choices: [
			{ choice_id: 7, choice_label: 'Jazz' },
			{ choice_id: 8, choice_label: 'Blues' },
		],
	},
];


const LIST_A = '0b4d7f4e-0000-4000-8000-00000000000a';
const LIST_B = '0b4d7f4e-0000-4000-8000-00000000000b';
const TAG = '0b4d7f4e-0000-4000-8000-0000000000c1';

describe('validateContactInput', () => {
	it('accepts a complete contact and normalises it', () => {
		const result = validateContactInput(
			input({
				email: ' ada@example.com ',
				first_name: 'Ada',
				last_name: 'Lovelace',
				job_title: 'Analyst',
				company_name: 'Engines Ltd',
				phone_numbers: [{ phone_number: '+1 555 0100', kind: 'Mobile' }],
				street_addresses: [{ kind: 'home', street: '1 Main St', city: 'London', postal_code: '' }],
				birthday_month: '12',
				birthday_day: 10,
				anniversary: '2015-06-01T00:00:00.000Z',
				custom_fields: [
					{ key: 'Favorite Color', value: 'green' },
					{ key: 'plan', value: 'pro' },
					{ key: '33333333-3333-4333-8333-333333333333', value: 'Jazz, Blues' },
				],
				list_ids: [LIST_A, LIST_A, LIST_B],
				tag_ids: [TAG],
				notes: ['hello', ''],
			}),
			'contacts',
			definitions,
		);
		expect(result.valid).toBe(true);
		if (!result.valid) return;
		expect(result.contact).toEqual({
			email: 'ada@example.com',
			first_name: 'Ada',
			last_name: 'Lovelace',
			job_title: 'Analyst',
			company_name: 'Engines Ltd',
			phone_numbers: [{ phone_number: '+1 555 0100', kind: 'mobile' }],
			street_addresses: [{ kind: 'home', street: '1 Main St', city: 'London' }],
			birthday_month: 12,
			birthday_day: 10,
			anniversary: '2015-06-01',
			custom_fields: [
				{ custom_field_id: '11111111-1111-4111-8111-111111111111', value: 'green' },
				{ custom_field_id: '22222222-2222-4222-8222-222222222222', value: 'pro', choice_ids: ['2'] },
				{ custom_field_id: '33333333-3333-4333-8333-333333333333', value: 'Jazz, Blues', choice_ids: ['7', '8'] },
			],
			list_ids: [LIST_A, LIST_B],
			tag_ids: [TAG],
			notes: ['hello'],
		});
	});

	it('checks email syntax and the per-endpoint length (80 on /contacts, 50 on sign_up_form)', () => {
		expect(problemsOf({ email: '' })).toEqual(['Email: a value is required']);
		expect(problemsOf({ email: 'not-an-email' })[0]).toBe('Email: "not-an-email" is not a valid email address');
		const long = `${'a'.repeat(60)}@example.com`; // 72 characters
		expect(problemsOf({ email: long }, 'contacts')).toEqual([]);
		expect(problemsOf({ email: long }, 'sign_up_form', undefined).join()).toContain(
			'has 72 characters; Constant Contact allows at most 50 on /contacts/sign_up_form',
		);
		const tooLong = `${'a'.repeat(70)}@example.com`;
		expect(problemsOf({ email: tooLong })[0]).toContain('has 82 characters; Constant Contact allows at most 80 on /contacts');
		expect(isValidEmail('a..b@example.com')).toBe(false);
		expect(isValidEmail('first.last+tag@sub.example.co.uk')).toBe(true);
	});

	it.each([
		'first.last+tag@sub.example.co.uk',
		'a@b.co',
		'1234@example.com',
		"o'brien@example.ie",
		'user_name-x@mail-2.example-domain.com',
		"!#$%&'*+/=?^_`{|}~-@example.com",
		'jörg@müller.de',
		'user@xn--mller-kva.de',
		'user@пример.рф',
		'user@example.xn--p1ai',
		'info@例え.jp',
		'user@example.भारत',
		`${'a'.repeat(64)}@example.com`,
		`a@${'b'.repeat(63)}.io`,
	])('accepts the real address %s', (email) => {
		expect(isValidEmail(email)).toBe(true);
	});

	it.each([
		['NUL', 'a\u0000b@example.com'],
		['BEL', 'a\u0007@example.com'],
		['a line separator', 'a\u2028@example.com'],
		['a no-break space', 'a\u00a0b@example.com'],
		['a zero-width space', 'ab\u200b@example.com'],
		['a zero-width joiner', 'a\u200db@example.com'],
		['a zero-width non-joiner', 'a\u200cb@example.com'],
		['a byte order mark', '\ufeffa@example.com'],
		['a soft hyphen', 'a\u00adb@example.com'],
		['a combining grapheme joiner', 'a\u034fb@example.com'],
		['a right-to-left override', 'a\u202eb@example.com'],
		['a right-to-left override in the domain', 'ab@exa\u202emple.com'],
		['a bidi isolate', 'a\u2066b@example.com'],
		['a private-use character', 'a\ue000@example.com'],
		['a lone surrogate', 'a\ud800@example.com'],
		['a leading dot', '.a@example.com'],
		['a trailing dot in the local part', 'a.@example.com'],
		['a double dot', 'a..b@example.com'],
		['a local part over 64 characters', `${'a'.repeat(65)}@example.com`],
		['a local part over 64 octets in UTF-8', `${'é'.repeat(33)}@example.com`],
		['a one-letter top-level domain', 'a@b.c'],
		['a top-level domain with a digit', 'a@example.c0m'],
		['a numeric top-level domain', 'a@example.123'],
		['no dot in the domain', 'a@localhost'],
		['a label starting with a hyphen', 'a@-example.com'],
		['a label ending with a hyphen', 'a@example-.com'],
		['an underscore in the domain', 'a@exa_mple.com'],
		['an empty label', 'a@example..com'],
		['a leading dot in the domain', 'a@.example.com'],
		['a trailing dot in the domain', 'a@example.com.'],
		['a label over 63 characters', `a@${'b'.repeat(64)}.io`],
		['a space', 'a b@example.com'],
		['two @', 'a@b@example.com'],
		['a quoted local part', '"a"@example.com'],
		['an address literal', 'a@[192.0.2.1]'],
	])('refuses %s', (_, email) => {
		expect(isValidEmail(email)).toBe(false);
	});

	it('checks names and company at 50 characters', () => {
		const problems = problemsOf({ first_name: 'x'.repeat(51), company_name: 'c'.repeat(60) });
		expect(problems).toEqual([
			expect.stringMatching(/^First Name: ".*" has 51 characters; Constant Contact allows at most 50$/),
			expect.stringMatching(/^Company Name: ".*" has 60 characters; Constant Contact allows at most 50$/),
		]);
	});

	it('allows at most 3 phone numbers with a known kind', () => {
		const phones = ['1', '2', '3', '4'].map((n) => ({ phone_number: n, kind: 'home' }));
		expect(problemsOf({ phone_numbers: phones })).toContain(
			'Phone Numbers: 4 given; Constant Contact allows at most 3 per contact on /contacts',
		);
		expect(problemsOf({ phone_numbers: [{ phone_number: '1', kind: 'fax' }] })).toEqual([
			'Phone Number 1: kind "fax" is not one of home, work, mobile or other',
		]);
		expect(problemsOf({ phone_numbers: [{ phone_number: '1' }] })).toEqual([
			'Phone Number 1: a kind is required (home, work, mobile or other)',
		]);
		expect(problemsOf({ phone_numbers: [{ phone_number: '1'.repeat(26), kind: 'work' }] })[0]).toContain(
			'has 26 characters; Constant Contact allows at most 25',
		);
	});

	it('allows at most 3 street addresses, each with a kind', () => {
		const addresses = ['a', 'b', 'c', 'd'].map((street) => ({ kind: 'home', street }));
		expect(problemsOf({ street_addresses: addresses })).toContain(
			'Street Addresses: 4 given; Constant Contact allows at most 3 per contact on /contacts',
		);
		expect(problemsOf({ street_addresses: [{ street: '1 Main St' }] })).toEqual([
			'Street Address 1: a kind is required (home, work or other)',
		]);
		expect(problemsOf({ street_addresses: [{ kind: 'mobile', city: 'Paris' }] })).toEqual([
			'Street Address 1: kind "mobile" is not one of home, work or other',
		]);
		expect(problemsOf({ street_addresses: [{ kind: 'home', city: 'c'.repeat(51) }] })[0]).toContain(
			'city "ccc',
		);
		// An address with only a kind is no address: nothing to send, nothing to complain about.
		expect(problemsOf({ street_addresses: [{ kind: 'home' }] })).toEqual([]);
	});

	it('needs birthday month and day together and in range', () => {
		expect(problemsOf({ birthday_month: 5 })).toEqual([
			'Birthday: month and day go together; the day is missing (month 1-12, day 1-31)',
		]);
		expect(problemsOf({ birthday_day: 5 })).toEqual([
			'Birthday: month and day go together; the month is missing (month 1-12, day 1-31)',
		]);
		expect(problemsOf({ birthday_month: 13, birthday_day: 1 })).toEqual(['Birthday Month: "13" is not a month from 1 to 12']);
		expect(problemsOf({ birthday_month: 1, birthday_day: 32 })).toEqual(['Birthday Day: "32" is not a day from 1 to 31']);
		expect(problemsOf({ birthday_month: 2, birthday_day: 30 })).toEqual(['Birthday Day: month 2 has at most 29 days, not 30']);
		expect(problemsOf({ birthday_month: 'May', birthday_day: 3 })).toEqual(['Birthday Month: "May" is not a month from 1 to 12']);
	});

	it('accepts Constant Contact anniversary formats only', () => {
		for (const ok of ['2006-11-15', '2006-1-5', '11/15/2006', '1/5/2006', '2006/11/15', '11-15-2006']) {
			expect(normalizeAnniversary(ok)).toBe(ok);
		}
		expect(normalizeAnniversary('2006-11-15T00:00:00.000Z')).toBe('2006-11-15');
		for (const bad of ['15.11.2006', 'next tuesday', '2006-13-01', '2006/11-15', '2005-02-29']) {
			expect(normalizeAnniversary(bad)).toBeUndefined();
		}
		expect(problemsOf({ anniversary: '15.11.2006' })[0]).toMatch(/^Anniversary: "15.11.2006" is not a date in a format Constant Contact accepts/);
	});

	it('checks custom fields: known, at most 25 (50 on sign-up), values up to 255, choices', () => {
		const many = Array.from({ length: 26 }, (_, i) => ({ key: `cf-${i}`, value: 'x' }));
		expect(problemsOf({ custom_fields: many })).toEqual([
			'Custom Fields: 26 given; Constant Contact allows at most 25 per contact on /contacts',
		]);
		expect(problemsOf({ custom_fields: many, list_ids: [LIST_A] }, 'sign_up_form')).toEqual([]);
		const tooMany = Array.from({ length: 51 }, (_, i) => ({ key: `cf-${i}`, value: 'x' }));
		expect(problemsOf({ custom_fields: tooMany, list_ids: [LIST_A] }, 'sign_up_form')).toEqual([
			'Custom Fields: 51 given; Constant Contact allows at most 50 per contact on /contacts/sign_up_form',
		]);
		expect(problemsOf({ custom_fields: [{ key: 'Shoe Size', value: '9' }] }, 'contacts', definitions)).toEqual([
			'Custom Field "Shoe Size": no custom field with this ID, name or label exists in this Constant Contact account',
		]);
		expect(problemsOf({ custom_fields: [{ key: 'Favorite_Color', value: 'x'.repeat(256) }] }, 'contacts', definitions)).toEqual([
			'Custom Field "Favorite Color": the value has 256 characters; Constant Contact allows at most 255',
		]);
		expect(problemsOf({ custom_fields: [{ key: 'Plan', value: 'Gold' }] }, 'contacts', definitions)).toEqual([
			'Custom Field "Plan": "Gold" is not one of its choices (Free, Pro)',
		]);
	});

	it('needs 1 to 50 lists on the sign-up form, at most 50 lists and 50 tags on /contacts', () => {
		expect(problemsOf({}, 'sign_up_form')).toEqual([
			'Lists: none given; the sign-up form needs at least 1 list (1 to 50)',
		]);
		const lists = Array.from({ length: 51 }, (_, i) => `list-${i}`);
		expect(problemsOf({ list_ids: lists }, 'sign_up_form')).toEqual([
			'Lists: 51 given; Constant Contact allows at most 50 per request',
		]);
		expect(problemsOf({ list_ids: lists })).toEqual(['Lists: 51 given; Constant Contact allows at most 50 per request']);
		expect(problemsOf({})).toEqual([]);
		const tags = Array.from({ length: 51 }, (_, i) => `tag-${i}`);
		expect(problemsOf({ tag_ids: tags })).toEqual(['Tags: 51 given; Constant Contact allows at most 50 per contact']);
	});

	it('takes list and tag IDs only as Constant Contact IDs (UUIDs), which the contract requires', () => {
		expect(problemsOf({ list_ids: [LIST_A, '../contact_lists'] })).toEqual([
			`Lists: "../contact_lists" is not a list ID (Constant Contact's IDs look like 4a5b6c7d-1e2f-4a3b-8c9d-0e1f2a3b4c5d); choose it from the list, or copy it from Get Many`,
		]);
		expect(problemsOf({ tag_ids: ['x'.repeat(10_000)] })[0]).toMatch(/^Tags: "x{40}…" is not a tag ID/);
		expect(problemsOf({ list_ids: [LIST_A.toUpperCase()], tag_ids: [TAG] })).toEqual([]);
	});

	it('takes one phone and one address on the sign-up form', () => {
		expect(
			problemsOf(
				{
					list_ids: [LIST_A],
					phone_numbers: [{ phone_number: '1' }, { phone_number: '2' }],
					street_addresses: [{ kind: 'home', city: 'a' }, { kind: 'work', city: 'b' }],
				},
				'sign_up_form',
			),
		).toEqual([
			'Phone Numbers: 2 given; Constant Contact allows at most 1 per contact on /contacts/sign_up_form',
			'Street Addresses: 2 given; Constant Contact allows at most 1 per contact on /contacts/sign_up_form',
		]);
	});
});

describe('assertValid', () => {
	const node = { name: 'Constant Contact', type: 'CUSTOM.constantContact', typeVersion: 1, id: 'x', position: [0, 0], parameters: {} } as INode;

	it('throws a NodeOperationError for the item, naming every problem', () => {
		const result = validateContactInput(input({ email: 'bad', first_name: 'x'.repeat(51) }), 'contacts');
		let thrown: unknown;
		try {
			assertValid(node, result, 4);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(NodeOperationError);
		const error = thrown as NodeOperationError;
		expect(error.message).toBe('Email: "bad" is not a valid email address (and 1 more)');
		expect(error.context.itemIndex).toBe(4);
		expect(error.description).toContain('Nothing was sent to Constant Contact for this item.');
		expect(error.description).toContain('First Name:');
	});

	it('returns the contact when valid', () => {
		expect(assertValid(node, validateContactInput(input({}), 'contacts'), 0).email).toBe('ada@example.com');
	});
});
