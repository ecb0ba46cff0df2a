import { afterEach, beforeEach, describe, it, expect } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, contactByEmail, json, lists, mapped, run, startAccount } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const create = (fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	operation: 'create',
	contactFields: mapped(fields),
	...extra,
});

describe('Contact → Create', () => {
	it('creates a contact with every field, create_source Account, the chosen permission', async () => {
		const { fake } = account;
		const newsletter = fake.seed.list({ name: 'Newsletter' });
		const customers = fake.seed.list({ name: 'Customers' });
		const vip = fake.seed.tag({ name: 'VIP' });
		const color = fake.seed.customField({ label: 'Favorite Color' });
		const plan = fake.seed.customField({ label: 'Plan', type: 'single_select', choices: ['Free', 'Pro'] });
		const shoe = fake.seed.customField({ label: 'Shoe Size' });

		const { output, error } = await run(
			account,
			create(
				{
					email_address: 'ada@example.com',
					first_name: 'Ada',
					last_name: 'Lovelace',
					job_title: 'Analyst',
					company_name: 'Engines Ltd',
					'phone_number:mobile': '+44 20 7946 0000',
					'street_address:kind': 'home',
					'street_address:street': '12 St James Square',
					'street_address:city': 'London',
					'street_address:state': 'Greater London',
					'street_address:postal_code': 'SW1Y 4JH',
					'street_address:country': 'United Kingdom',
					birthday_month: 12,
					birthday_day: 10,
					anniversary: '2015-06-01',
					[`custom_field:${color.custom_field_id}`]: 'green',
					[`custom_field:${plan.custom_field_id}`]: 'Pro',
				},
				{
					listMemberships: lists(newsletter.list_id, customers.list_id),
					taggings: [vip.tag_id],
					additionalFields: {
						permissionToSend: 'explicit',
						phoneNumbers: { phoneNumber: [{ kind: 'work', phone_number: '+44 20 7946 0001' }] },
						streetAddresses: { streetAddress: [{ kind: 'work', street: '1 Analytical Way', city: 'Cambridge' }] },
						customFields: { customField: [{ custom_field_id: shoe.custom_field_id, value: '38' }] },
						notes: { note: [{ content: 'Met at the Difference Engine demo' }] },
					},
				},
			),
		);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(json(output)).toMatchObject({
			action: 'created',
			first_name: 'Ada',
			create_source: 'Account',
			email_address: { address: 'ada@example.com', permission_to_send: 'explicit' },
		});
		expect(output[0].pairedItem).toEqual({ item: 0 });

		const stored = contactByEmail(fake, 'ada@example.com')!;
		expect(stored).toMatchObject({
			first_name: 'Ada',
			last_name: 'Lovelace',
			job_title: 'Analyst',
			company_name: 'Engines Ltd',
			birthday_month: 12,
			birthday_day: 10,
			anniversary: '2015-06-01',
			create_source: 'Account',
		});
		expect(stored.email_address?.permission_to_send).toBe('explicit');
		expect(stored.phone_numbers.map((p) => [p.kind, p.phone_number])).toEqual([
			['mobile', '+44 20 7946 0000'],
			['work', '+44 20 7946 0001'],
		]);
		expect(stored.street_addresses.map((a) => [a.kind, a.street, a.city])).toEqual([
			['home', '12 St James Square', 'London'],
			['work', '1 Analytical Way', 'Cambridge'],
		]);
		expect(stored.street_addresses[0]).toMatchObject({ state: 'Greater London', postal_code: 'SW1Y 4JH', country: 'United Kingdom' });
		expect(stored.list_memberships.sort()).toEqual([newsletter.list_id, customers.list_id].sort());
		expect(stored.taggings).toEqual([vip.tag_id]);
		expect(stored.custom_fields).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ custom_field_id: color.custom_field_id, value: 'green' }),
				expect.objectContaining({ custom_field_id: plan.custom_field_id, choice_ids: ['2'] }),
				expect.objectContaining({ custom_field_id: shoe.custom_field_id, value: '38' }),
			]),
		);
		expect(stored.notes.map((n) => n.content)).toEqual(['Met at the Difference Engine demo']);
		expect(apiRequests(fake, 'POST')).toHaveLength(1);
	});

	it('gives new contacts implicit permission by default', async () => {
		const { output } = await run(account, create({ email_address: 'grace@example.com' }));
		expect(json(output).action).toBe('created');
		expect(contactByEmail(account.fake, 'grace@example.com')?.email_address?.permission_to_send).toBe('implicit');
	});

	describe('when the email already exists', () => {
		const states = {
			existing: { permission_to_send: 'implicit' as const, deleted: false },
			deleted: { permission_to_send: 'implicit' as const, deleted: true },
			unsubscribed: { permission_to_send: 'unsubscribed' as const, deleted: false },
		};
		const seed = (state: keyof typeof states) => {
			const list = account.fake.seed.list({ name: 'Old list' });
			return account.fake.seed.contact({
				email_address: { address: 'known@example.com', permission_to_send: states[state].permission_to_send },
				first_name: 'Known',
				last_name: 'Person',
				list_memberships: [list.list_id],
				deleted: states[state].deleted,
			});
		};

		for (const state of Object.keys(states) as Array<keyof typeof states>) {
			it(`${state}: Error (the default) fails the item, explains deleted/unsubscribed contacts and points to Create or Update`, async () => {
				const before = structuredClone(seed(state));
				const { error, output } = await run(account, create({ email_address: 'known@example.com', first_name: 'New' }));
				expect(output).toEqual([]);
				expect(error?.message).toContain('A contact with the email address known@example.com already exists in Constant Contact (409)');
				expect(error?.description).toContain('Deleted and unsubscribed contacts keep their email address');
				expect(error?.description).toContain('Create or Update');
				expect(contactByEmail(account.fake, 'known@example.com')).toEqual(before);
			});

			it(`${state}: Skip outputs the existing contact, marked skipped, and changes nothing`, async () => {
				const before = structuredClone(seed(state));
				const { error, output } = await run(
					account,
					create({ email_address: 'known@example.com', first_name: 'New' }, { ifContactExists: 'skip' }),
				);
				expect(error).toBeUndefined();
				expect(json(output)).toMatchObject({ action: 'skipped', contact_id: before.contact_id, first_name: 'Known' });
				expect(json(output).list_memberships).toEqual(before.list_memberships);
				expect(contactByEmail(account.fake, 'known@example.com')).toEqual(before);
				expect(apiRequests(account.fake, 'PUT')).toHaveLength(0);
			});
		}

		it('existing: Update merges the fields and keeps what was not given', async () => {
			const before = structuredClone(seed('existing'));
			const extra = account.fake.seed.list({ name: 'New list' });
			const { output } = await run(
				account,
				create(
					{ email_address: 'known@example.com', first_name: 'Renamed' },
					{ ifContactExists: 'update', listMemberships: lists(extra.list_id) },
				),
			);
			expect(json(output)).toMatchObject({ action: 'updated', contact_id: before.contact_id, first_name: 'Renamed', last_name: 'Person' });
			const stored = contactByEmail(account.fake, 'known@example.com')!;
			expect(stored).toMatchObject({ first_name: 'Renamed', last_name: 'Person', update_source: 'Account' });
			expect(stored.list_memberships).toEqual([...before.list_memberships, extra.list_id]);
			expect(stored.email_address?.permission_to_send).toBe('implicit');
		});

		it('unsubscribed: Update keeps the contact unsubscribed', async () => {
			const before = seed('unsubscribed');
			const { output } = await run(
				account,
				create({ email_address: 'known@example.com', job_title: 'Engineer' }, { ifContactExists: 'update' }),
			);
			expect(json(output)).toMatchObject({ action: 'updated', job_title: 'Engineer' });
			const stored = contactByEmail(account.fake, 'known@example.com')!;
			expect(stored.job_title).toBe('Engineer');
			expect(stored.email_address?.permission_to_send).toBe('unsubscribed');
			expect(stored.email_address?.opt_out_source).toBe(before.email_address?.opt_out_source);
			const put = apiRequests(account.fake, 'PUT')[0].body as { email_address: { permission_to_send: string } };
			expect(put.email_address.permission_to_send).toBe('unsubscribed');
		});

		it('deleted: Update leaves a deleted contact alone unless "Revive Deleted Contact" is on', async () => {
			seed('deleted');
			const skipped = await run(account, create({ email_address: 'known@example.com', first_name: 'Back' }, { ifContactExists: 'update' }));
			expect(json(skipped.output)).toMatchObject({ action: 'skipped' });
			expect(String(json(skipped.output).skip_reason)).toContain('Revive Deleted Contact');
			expect(contactByEmail(account.fake, 'known@example.com')?.deleted_at).toBeDefined();
			expect(apiRequests(account.fake, 'PUT')).toHaveLength(0);

			const revived = await run(
				account,
				create(
					{ email_address: 'known@example.com', first_name: 'Back' },
					{ ifContactExists: 'update', existingContactOptions: { reviveDeleted: true } },
				),
			);
			expect(json(revived.output)).toMatchObject({ action: 'updated', revived: true, first_name: 'Back' });
			const stored = contactByEmail(account.fake, 'known@example.com')!;
			expect(stored.deleted_at).toBeUndefined();
			expect(stored.first_name).toBe('Back');
		});
	});
});
