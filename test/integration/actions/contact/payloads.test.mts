// Real payload shapes (test/fixtures/payloads/*.json: HubSpot, Pipedrive, Salesforce, Shopify,
// WooCommerce, Typeform, Jotform, Google Forms, n8n's Form Trigger, each item as the service or n8n's
// node emits it, with its public source) through Create or Update with Map Automatically, in n8n-core,
// into the fake Constant Contact: each lands in the fields a person would expect, or, when it carries
// no email, fails with that reason and writes nothing.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, automatic, contactByEmail, run, startAccount } from './setup.mts';

interface Expected {
	email: string;
	first_name: string | null;
	last_name: string | null;
	job_title: string | null;
	company_name: string | null;
	phone_numbers: Array<{ phone_number: string; kind: string }>;
	street_addresses: Array<Record<string, string>>;
	birthday_month: number | null;
	birthday_day: number | null;
	anniversary: string | null;
}

interface Fixture {
	service: string;
	sources: string[];
	items: Array<{ name: string; json: Record<string, unknown>; expected: Expected | { invalid: string } }>;
}

const dir = fileURLToPath(new URL('../../../fixtures/payloads/', import.meta.url));
const fixtures: Fixture[] = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.map((f) => JSON.parse(readFileSync(`${dir}${f}`, 'utf8')) as Fixture);

let account: Account;

beforeAll(async () => {
	account = await startAccount();
});

beforeEach(() => {
	account.fake.reset();
});

afterAll(async () => {
	await account.fake.close();
});

const orNull = (value: unknown) => (value === undefined ? null : value);

it('the corpus covers every service the issue names, each with its public source', () => {
	expect(fixtures.map((f) => f.service).sort()).toEqual(['google-forms', 'hubspot', 'jotform', 'n8n-form', 'pipedrive', 'salesforce', 'shopify', 'typeform', 'woocommerce']);
	for (const f of fixtures) expect(f.sources.length).toBeGreaterThan(0);
});

describe.each(fixtures.map((f) => [f.service, f] as const))('%s', (_service, fixture) => {
	it.each(fixture.items.map((item) => [item.name, item] as const))('%s', async (_name, item) => {
		const { fake } = account;
		const { output, error } = await run(account, { operation: 'upsert', consentPath: 'accountSync', contactFields: automatic() }, [item.json], true);
		expect(error).toBeUndefined();
		fake.assertNoContractViolations();
		if ('invalid' in item.expected) {
			expect(output[0].json.error).toBe(item.expected.invalid);
			expect(apiRequests(fake).filter((r) => r.method !== 'GET')).toHaveLength(0);
			return;
		}
		const expected = item.expected;
		expect(output[0].json.error).toBeUndefined();
		expect(output[0].json.action).toBe('created');
		const stored = contactByEmail(fake, expected.email)!;
		expect({
			email: stored.email_address.address,
			first_name: orNull(stored.first_name),
			last_name: orNull(stored.last_name),
			job_title: orNull(stored.job_title),
			company_name: orNull(stored.company_name),
			phone_numbers: stored.phone_numbers.map((p) => ({ phone_number: p.phone_number, kind: p.kind })),
			street_addresses: stored.street_addresses.map(({ street_address_id: _id, created_at: _c, updated_at: _u, ...address }) => address),
			birthday_month: orNull(stored.birthday_month),
			birthday_day: orNull(stored.birthday_day),
			anniversary: orNull(stored.anniversary),
		}).toEqual(expected);
	});
});

describe('Mapping Defaults: the user decides what the data does not say', () => {
	const item = { Email: 'dm@example.com', Phone: '555-0100', City: 'Lyon', Country: 'France', Birthday: '05/06/1990', 'Wedding anniversary': '04/03/2015' };

	it('by default: address Home, phone Other, dates month first', async () => {
		const { output } = await run(account, { operation: 'upsert', consentPath: 'accountSync', contactFields: automatic() }, [item]);
		expect(output[0].json.action).toBe('created');
		expect(contactByEmail(account.fake, 'dm@example.com')).toMatchObject({
			phone_numbers: [{ phone_number: '555-0100', kind: 'other' }],
			street_addresses: [{ kind: 'home', city: 'Lyon', country: 'France' }],
			birthday_month: 5,
			birthday_day: 6,
			anniversary: '04/03/2015',
		});
	});

	it('chosen: address Work, phone Mobile, dates day first', async () => {
		const { output } = await run(
			account,
			{ operation: 'create', contactFields: automatic(), mappingDefaults: { addressKind: 'work', phoneKind: 'mobile', dateOrder: 'dayFirst' } },
			[item],
		);
		expect(output[0].json.action).toBe('created');
		expect(contactByEmail(account.fake, 'dm@example.com')).toMatchObject({
			phone_numbers: [{ phone_number: '555-0100', kind: 'mobile' }],
			street_addresses: [{ kind: 'work', city: 'Lyon', country: 'France' }],
			birthday_month: 6,
			birthday_day: 5,
			anniversary: '2015-03-04',
		});
	});

	it('a date readable only one way is read that way, whatever the order', async () => {
		await run(account, { operation: 'create', contactFields: automatic() }, [{ Email: 'dm@example.com', Birthday: '17/05/1990', Anniversary: '25/12/2015' }]);
		expect(contactByEmail(account.fake, 'dm@example.com')).toMatchObject({ birthday_month: 5, birthday_day: 17, anniversary: '2015-12-25' });
	});

	it('Map Each Field Below: an address without a kind takes the default too', async () => {
		const { output } = await run(account, {
			operation: 'create',
			contactFields: { mappingMode: 'defineBelow', value: { email_address: 'dm@example.com', 'street_address:city': 'Lyon' }, matchingColumns: [], schema: [] },
			mappingDefaults: { addressKind: 'other' },
		});
		expect(output[0].json.action).toBe('created');
		expect(contactByEmail(account.fake, 'dm@example.com')!.street_addresses).toMatchObject([{ kind: 'other', city: 'Lyon' }]);
	});

	it("the sign-up form's one address takes the default kind", async () => {
		const list = account.fake.seed.list({ name: 'News' });
		const { output } = await run(account, {
			operation: 'upsert',
			consentPath: 'signUpForm',
			signUpFields: automatic(),
			signUpListMemberships: { list: [{ list: { __rl: true, mode: 'list', value: list.list_id } }] },
			signUpMappingDefaults: { addressKind: 'work' },
		}, [{ email: 'su@example.com', city: 'Cambridge', state: 'MA', zip: '02139' }]);
		expect(output[0].json.action).toBe('created');
		expect(contactByEmail(account.fake, 'su@example.com')!.street_addresses).toMatchObject([{ kind: 'work', city: 'Cambridge', state: 'MA', postal_code: '02139' }]);
	});
});
