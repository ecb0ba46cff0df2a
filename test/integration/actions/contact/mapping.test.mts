import { afterEach, beforeEach, describe, it, expect } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, automatic, contactByEmail, json, lists, mapped, run, startAccount } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

describe('Contact fields from a trigger, without writing expressions', () => {
	it('Map Automatically: a Form Trigger submission (labels as field names, custom field by label) signs the person up', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Newsletter' });
		const interest = fake.seed.customField({ label: 'Main Interest' });
		const { output, error } = await run(
			account,
			{ operation: 'upsert', consentPath: 'signUpForm', signUpFields: automatic(), signUpListMemberships: lists(list.list_id) },
			[
				{
					Email: 'form@example.com',
					'First Name': 'Frida',
					'Last Name': 'Kahlo',
					Phone: '555-0142',
					'Main Interest': 'Painting',
					submittedAt: '2026-03-01T09:00:00.000Z',
					formMode: 'production',
				},
			],
		);
		expect(error).toBeUndefined();
		expect(json(output)).toMatchObject({ action: 'created', first_name: 'Frida', last_name: 'Kahlo' });
		const stored = contactByEmail(fake, 'form@example.com')!;
		expect(stored).toMatchObject({ first_name: 'Frida', last_name: 'Kahlo' });
		expect(stored.phone_numbers.map((p) => p.phone_number)).toEqual(['555-0142']);
		expect(stored.custom_fields).toEqual([expect.objectContaining({ custom_field_id: interest.custom_field_id, value: 'Painting' })]);
		expect(stored.list_memberships).toEqual([list.list_id]);
	});

	it('Map Each Field Below: fields dragged from a Form Trigger item (expressions n8n writes) create the contact', async () => {
		const { output } = await run(
			account,
			{
				operation: 'create',
				contactFields: mapped({
					email_address: '={{ $json.Email }}',
					first_name: "={{ $json['First Name'] }}",
					'phone_number:mobile': '={{ $json.Phone }}',
				}),
			},
			[{ Email: 'dragged@example.com', 'First Name': 'Drew', Phone: '555-0199' }],
		);
		expect(json(output)).toMatchObject({ action: 'created', first_name: 'Drew' });
		const stored = contactByEmail(account.fake, 'dragged@example.com')!;
		expect(stored.phone_numbers.map((p) => [p.kind, p.phone_number])).toEqual([['mobile', '555-0199']]);
	});

	it('Map Automatically: a HubSpot contact (properties with { value }) syncs into an existing contact, keeping consent', async () => {
		const { fake } = account;
		const plan = fake.seed.customField({ label: 'Plan', type: 'single_select', choices: ['Free', 'Pro'] });
		fake.seed.contact({ email_address: { address: 'grace@example.com', permission_to_send: 'unsubscribed' }, first_name: 'G' });
		const { output } = await run(account, { operation: 'upsert', consentPath: 'accountSync', contactFields: automatic() }, [
			{
				vid: 501,
				'portal-id': 62515,
				properties: {
					email: { value: 'grace@example.com' },
					firstname: { value: 'Grace' },
					lastname: { value: 'Hopper' },
					jobtitle: { value: 'Rear Admiral' },
					company: { value: 'US Navy' },
					mobilephone: { value: '555-0111' },
					lifecyclestage: { value: 'customer' },
					plan: { value: 'Pro' },
				},
			},
		]);
		expect(json(output)).toMatchObject({ action: 'updated', first_name: 'Grace', last_name: 'Hopper' });
		const stored = contactByEmail(fake, 'grace@example.com')!;
		expect(stored).toMatchObject({ first_name: 'Grace', last_name: 'Hopper', job_title: 'Rear Admiral', company_name: 'US Navy' });
		expect(stored.email_address?.permission_to_send).toBe('unsubscribed');
		expect(stored.phone_numbers.map((p) => [p.kind, p.phone_number])).toEqual([['mobile', '555-0111']]);
		expect(stored.custom_fields).toEqual([expect.objectContaining({ custom_field_id: plan.custom_field_id, choice_ids: ['2'] })]);
	});

	it('Map Automatically: a Pipedrive person (email and phone lists, name, org_name) creates the contact', async () => {
		const { output } = await run(account, { operation: 'upsert', consentPath: 'accountSync', contactFields: automatic() }, [
			{
				id: 12,
				name: 'Katherine Johnson',
				first_name: 'Katherine',
				last_name: 'Johnson',
				org_name: 'NASA',
				email: [
					{ label: 'home', value: 'kj@home.example', primary: false },
					{ label: 'work', value: 'kj@nasa.example', primary: true },
				],
				phone: [
					{ label: 'work', value: '555-0001', primary: true },
					{ label: 'mobile', value: '555-0002', primary: false },
				],
				owner_id: { id: 1, name: 'Owner' },
			},
		]);
		expect(json(output)).toMatchObject({ action: 'created', first_name: 'Katherine', company_name: 'NASA' });
		const stored = contactByEmail(account.fake, 'kj@nasa.example')!;
		expect(stored).toMatchObject({ first_name: 'Katherine', last_name: 'Johnson', company_name: 'NASA', create_source: 'Account' });
		expect(stored.phone_numbers.map((p) => [p.kind, p.phone_number])).toEqual([
			['work', '555-0001'],
			['mobile', '555-0002'],
		]);
		expect(contactByEmail(account.fake, 'kj@home.example')).toBeUndefined();
		expect(apiRequests(account.fake, 'POST')).toHaveLength(1);
	});
});
