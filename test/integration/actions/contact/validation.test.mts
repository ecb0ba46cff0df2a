import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, it, expect } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, automatic, contactByEmail, mapped, run, startAccount } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const writes = () => apiRequests(account.fake).filter((r) => r.method !== 'GET');

interface BadInput {
	name: string;
	fields?: Record<string, unknown>;
	extra?: (account: Account) => Record<string, unknown>;
	message: string | RegExp;
}

const ok = { email_address: 'valid@example.com' };

const cases: BadInput[] = [
	{ name: 'email syntax', fields: { email_address: 'valid.example.com' }, message: 'Email: "valid.example.com" is not a valid email address' },
	{
		name: 'email over 80 characters on /contacts',
		fields: { email_address: `${'e'.repeat(75)}@example.com` },
		message: /^Email: ".*" has 87 characters; Constant Contact allows at most 80 on \/contacts$/,
	},
	{ name: 'first name over 50', fields: { ...ok, first_name: 'f'.repeat(51) }, message: /^First Name: ".*" has 51 characters; Constant Contact allows at most 50$/ },
	{ name: 'last name over 50', fields: { ...ok, last_name: 'l'.repeat(52) }, message: /^Last Name: ".*" has 52 characters; Constant Contact allows at most 50$/ },
	{ name: 'company over 50', fields: { ...ok, company_name: 'c'.repeat(60) }, message: /^Company Name: ".*" has 60 characters; Constant Contact allows at most 50$/ },
	{
		name: 'more than 3 phone numbers',
		fields: { ...ok, 'phone_number:home': '1', 'phone_number:work': '2', 'phone_number:mobile': '3', 'phone_number:other': '4' },
		message: 'Phone Numbers: 4 given; Constant Contact allows at most 3 per contact on /contacts',
	},
	{
		name: 'more than 3 street addresses',
		fields: { ...ok, 'street_address:kind': 'home', 'street_address:city': 'A' },
		extra: () => ({
			additionalFields: {
				streetAddresses: { streetAddress: [{ kind: 'work', city: 'B' }, { kind: 'other', city: 'C' }, { kind: 'work', city: 'D' }] },
			},
		}),
		message: 'Street Addresses: 4 given; Constant Contact allows at most 3 per contact on /contacts',
	},
	{ name: 'address of an unknown kind', fields: { ...ok, 'street_address:kind': 'office', 'street_address:street': '1 Main St' }, message: 'Street Address 1: kind "office" is not one of home, work or other' },
	{ name: 'birthday month without day', fields: { ...ok, birthday_month: 4 }, message: 'Birthday: month and day go together; the day is missing (month 1-12, day 1-31)' },
	{ name: 'birthday month out of range', fields: { ...ok, birthday_month: 13, birthday_day: 1 }, message: 'Birthday Month: "13" is not a month from 1 to 12' },
	{ name: 'birthday day out of range', fields: { ...ok, birthday_month: 4, birthday_day: 31 }, message: 'Birthday Day: month 4 has at most 30 days, not 31' },
	{ name: 'anniversary format', fields: { ...ok, anniversary: '1st of May' }, message: /^Anniversary: "1st of May" is not a date in a format Constant Contact accepts/ },
	{
		name: 'more than 25 custom fields',
		extra: ({ fake }) => ({
			contactFields: mapped({
				...ok,
				...Object.fromEntries(
					Array.from({ length: 26 }, (_, i) => [`custom_field:${fake.seed.customField({ label: `Field ${i}` }).custom_field_id}`, `v${i}`]),
				),
			}),
		}),
		message: 'Custom Fields: 26 given; Constant Contact allows at most 25 per contact on /contacts',
	},
	{
		name: 'custom field value over 255',
		extra: ({ fake }) => ({
			contactFields: mapped({ ...ok, [`custom_field:${fake.seed.customField({ label: 'Bio' }).custom_field_id}`]: 'b'.repeat(256) }),
		}),
		message: 'Custom Field "Bio": the value has 256 characters; Constant Contact allows at most 255',
	},
	{
		name: 'unknown custom field',
		fields: ok,
		extra: () => ({ additionalFields: { customFields: { customField: [{ custom_field_id: '9d5a1f3e-0000-4000-8000-000000000000', value: 'x' }] } } }),
		message: 'Custom Field "9d5a1f3e-0000-4000-8000-000000000000": no custom field with this ID, name or label exists in this Constant Contact account',
	},
	{
		name: 'more than 50 lists',
		fields: ok,
		extra: () => ({
			listMemberships: { list: [{ list: { __rl: true, mode: 'id', value: Array.from({ length: 51 }, () => randomUUID()).join(',') } }] },
		}),
		message: 'Lists: 51 given; Constant Contact allows at most 50 per request',
	},
	{
		name: 'more than 50 tags',
		fields: ok,
		extra: () => ({ taggings: Array.from({ length: 51 }, () => randomUUID()) }),
		message: 'Tags: 51 given; Constant Contact allows at most 50 per contact',
	},
];

describe('Contact → bad input is refused per item, before any request', () => {
	for (const operation of ['create', 'upsert'] as const) {
		for (const bad of cases) {
			it(`${operation}: ${bad.name}`, async () => {
				const parameters = {
					operation,
					...(operation === 'upsert' ? { consentPath: 'accountSync' } : {}),
					contactFields: mapped(bad.fields ?? ok),
					...(bad.extra ? bad.extra(account) : {}),
				};
				const { error, output } = await run(account, parameters);
				expect(output).toEqual([]);
				expect(error?.message).toEqual(typeof bad.message === 'string' ? bad.message : expect.stringMatching(bad.message));
				expect(error?.description).toContain('Nothing was sent to Constant Contact for this item.');
				expect(writes()).toEqual([]);
				// Only the custom field definitions may have been read.
				expect(apiRequests(account.fake).every((r) => r.path === '/v3/contact_custom_fields')).toBe(true);
				expect(account.fake.state.contacts.size).toBe(0);
			});
		}
	}
});

describe('Stop Workflow (no Continue On Fail): every item is checked before the first write', () => {
	const rows = (bad: number) =>
		Array.from({ length: 8 }, (_, i) => (i === bad ? { email: `row${i}-at-example.com`, firstname: 'Bad' } : { email: `row${i}@example.com`, firstname: `Row${i}` }));
	const byEmail = (value: string) => ({ __rl: true, mode: 'id', value });

	it.each<[string, Record<string, unknown>]>([
		['Create', { operation: 'create', contactFields: automatic() }],
		['Create or Update (account sync)', { operation: 'upsert', consentPath: 'accountSync', contactFields: automatic() }],
		['Create or Update (sign-up form)', { operation: 'upsert', consentPath: 'signUpForm', signUpFields: automatic(), signUpListMemberships: { list: [{ list: { __rl: true, mode: 'id', value: 'b1a7e1b2-0000-4000-8000-000000000000' } }] } }],
	])('%s: a batch with one bad item (the 6th) writes nothing and names it', async (_name, parameters) => {
		const { fake } = account;
		if (parameters.signUpListMemberships) fake.state.lists.set('b1a7e1b2-0000-4000-8000-000000000000', { list_id: 'b1a7e1b2-0000-4000-8000-000000000000', name: 'L', favorite: false, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' });
		const { error } = await run(account, parameters, rows(5));
		expect(error?.message).toBe('Email: "row5-at-example.com" is not a valid email address');
		expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(5);
		expect(writes()).toEqual([]);
		expect(fake.state.contacts.size).toBe(0);
	});

	it('Update: a bad item among contacts to change stops the run before any of them changes', async () => {
		const { fake } = account;
		const contacts = [0, 1, 2, 3, 4, 5].map((i) => fake.seed.contact({ email_address: { address: `u${i}@example.com` }, first_name: 'Old' }));
		const items = contacts.map((c, i) => ({ id: c.contact_id, first_name: i === 4 ? 'x'.repeat(51) : 'New' }));
		const { error } = await run(account, { operation: 'update', contact: byEmail('={{ $json.id }}'), updateFields: mapped({ first_name: '={{ $json.first_name }}' }) }, items);
		expect(error?.message).toMatch(/^First Name: ".*" has 51 characters/);
		expect(writes()).toEqual([]);
		expect([...fake.state.contacts.values()].every((c) => c.first_name === 'Old')).toBe(true);
	});

	it('Add to Lists, one contact at a time: a bad item stops the run before any contact changes', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'L' });
		for (const i of [0, 1, 2]) fake.seed.contact({ email_address: { address: `m${i}@example.com` } });
		const { error } = await run(
			account,
			{
				operation: 'addToLists',
				contact: { __rl: true, mode: 'email', value: '={{ $json.email }}' },
				membershipLists: { list: [{ list: { __rl: true, mode: 'id', value: '={{ $json.list }}' } }] },
				membershipOptions: { processing: 'perContact' },
			},
			[{ email: 'm0@example.com', list: list.list_id }, { email: 'm1@example.com', list: list.list_id }, { email: 'm2@example.com', list: '' }],
		);
		expect(error?.message).toBe('Lists: none given; choose at least one');
		expect(writes()).toEqual([]);
	});
});

describe('Continue On Fail', () => {
	it('creates 22 of 25 Form Trigger items and outputs why each of the 3 bad ones failed, paired with its item', async () => {
		const { fake } = account;
		const items = Array.from({ length: 25 }, (_, i) => ({
			Email: `person${i}@example.com`,
			'First Name': `Person${i}`,
			submittedAt: '2026-01-01T10:00:00Z',
			formMode: 'production',
		}));
		items[3] = { ...items[3], Email: 'person3-at-example.com' };
		items[11] = { ...items[11], 'First Name': 'n'.repeat(51) };
		(items[19] as Record<string, unknown>)['Birthday Month'] = '5';

		const { output, error } = await run(account, { operation: 'create', contactFields: automatic() }, items, true);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(25);
		output.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));

		const failed = output.map((item, i) => [i, item.json.error] as const).filter(([, e]) => e !== undefined);
		expect(failed).toEqual([
			[3, 'Email: "person3-at-example.com" is not a valid email address'],
			[11, expect.stringMatching(/^First Name: ".*" has 51 characters; Constant Contact allows at most 50$/)],
			[19, 'Birthday: month and day go together; the day is missing (month 1-12, day 1-31)'],
		]);
		for (const [i] of failed) expect(String((output[i].json.details as Record<string, unknown>).description)).toContain('Nothing was sent to Constant Contact');

		expect(output.filter((item) => item.json.action === 'created')).toHaveLength(22);
		expect(fake.state.contacts.size).toBe(22);
		expect(apiRequests(fake, 'POST')).toHaveLength(22);
		for (let i = 0; i < 25; i++) {
			const stored = contactByEmail(fake, `person${i}@example.com`);
			if ([3, 11, 19].includes(i)) expect(stored).toBeUndefined();
			else expect(stored?.first_name).toBe(`Person${i}`);
		}
	});
});
