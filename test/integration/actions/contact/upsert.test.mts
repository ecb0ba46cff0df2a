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

const signUp = (fields: Record<string, unknown>, listIds: string[], extra: Record<string, unknown> = {}) => ({
	operation: 'upsert',
	consentPath: 'signUpForm',
	signUpFields: mapped(fields),
	signUpListMemberships: lists(...listIds),
	...extra,
});

const sync = (fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	operation: 'upsert',
	consentPath: 'accountSync',
	contactFields: mapped(fields),
	...extra,
});

describe("Contact → Create or Update, Contact's own sign-up (sign_up_form)", () => {
	it('creates a contact (201) and outputs it with its subresources and action created', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Newsletter' });
		const color = fake.seed.customField({ label: 'Favorite Color' });
		const { output, error } = await run(
			account,
			signUp(
				{
					email_address: 'new@example.com',
					first_name: 'Nia',
					phone_number: '555-0100',
					'street_address:kind': 'home',
					'street_address:city': 'Oslo',
					birthday_month: 3,
					birthday_day: 4,
					[`custom_field:${color.custom_field_id}`]: 'blue',
				},
				[list.list_id],
			),
		);
		expect(error).toBeUndefined();
		expect(json(output)).toMatchObject({
			action: 'created',
			first_name: 'Nia',
			list_memberships: [list.list_id],
			phone_numbers: [expect.objectContaining({ phone_number: '555-0100' })],
			street_addresses: [expect.objectContaining({ kind: 'home', city: 'Oslo' })],
			custom_fields: [expect.objectContaining({ custom_field_id: color.custom_field_id, value: 'blue' })],
		});
		const stored = contactByEmail(fake, 'new@example.com')!;
		expect(json(output).contact_id).toBe(stored.contact_id);
		expect(stored.email_address?.permission_to_send).toBe('explicit');
		const post = apiRequests(fake, 'POST')[0];
		expect(post.path).toBe('/v3/contacts/sign_up_form');
		expect(Object.keys(post.body as object).sort()).toEqual(
			['birthday_day', 'birthday_month', 'custom_fields', 'email_address', 'first_name', 'list_memberships', 'phone_number', 'street_address'].sort(),
		);
	});

	it('updates (200) and, as Constant Contact does, re-subscribes an unsubscribed contact with explicit permission', async () => {
		const { fake } = account;
		const oldList = fake.seed.list({ name: 'Old' });
		const newList = fake.seed.list({ name: 'New' });
		fake.seed.contact({
			email_address: { address: 'back@example.com', permission_to_send: 'unsubscribed' },
			last_name: 'Kept',
			list_memberships: [oldList.list_id],
		});
		const { output } = await run(account, signUp({ email_address: 'back@example.com', first_name: 'Bea' }, [newList.list_id]));
		expect(json(output)).toMatchObject({ action: 'updated', first_name: 'Bea', last_name: 'Kept' });
		expect(json(output).list_memberships).toEqual([oldList.list_id, newList.list_id]);
		const stored = contactByEmail(fake, 'back@example.com')!;
		expect(stored.email_address?.permission_to_send).toBe('explicit');
		expect(stored.list_memberships).toEqual([oldList.list_id, newList.list_id]);
	});

	it('retries sign_up_form\'s 409 (simultaneous requests)', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Newsletter' });
		fake.injectFault({
			method: 'POST',
			path: '/contacts/sign_up_form',
			status: 409,
			body: [{ error_key: 'contacts.api.conflict', error_message: 'Simultaneous requests' }],
		});
		const { output, error } = await run(account, signUp({ email_address: 'race@example.com' }, [list.list_id]));
		expect(error).toBeUndefined();
		expect(json(output).action).toBe('created');
		expect(apiRequests(fake, 'POST').map((r) => r.status)).toEqual([409, 201]);
		expect(contactByEmail(fake, 'race@example.com')).toBeDefined();
	});

	it('requires at least one list: n8n refuses to run the node without one', async () => {
		await expect(run(account, signUp({ email_address: 'nolist@example.com' }, []))).rejects.toThrow(/has issues/);
		expect(apiRequests(account.fake)).toHaveLength(0);
		expect(account.fake.state.contacts.size).toBe(0);
	});

	it('requires at least one list when the IDs come from an expression, before any request', async () => {
		const { error } = await run(
			account,
			signUp({ email_address: 'nolist@example.com' }, [], {
				signUpListMemberships: { list: [{ list: { __rl: true, mode: 'id', value: '={{ $json.lists.join(",") }}' } }] },
			}),
			[{ lists: [] }],
		);
		expect(error?.message).toBe('Lists: none given; the sign-up form needs at least 1 list (1 to 50)');
		expect(apiRequests(account.fake)).toHaveLength(0);
		expect(account.fake.state.contacts.size).toBe(0);
	});

	it('checks the sign-up form\'s 50-character email limit', async () => {
		const list = account.fake.seed.list({ name: 'Newsletter' });
		const email = `${'x'.repeat(45)}@example.com`;
		const { error } = await run(account, signUp({ email_address: email }, [list.list_id]));
		expect(error?.message).toContain('has 57 characters; Constant Contact allows at most 50 on /contacts/sign_up_form');
		expect(apiRequests(account.fake, 'POST')).toHaveLength(0);
	});
});

describe('Contact → Create or Update, account sync (keeps consent)', () => {
	it('creates a new contact with create_source Account and implicit permission by default', async () => {
		const { output } = await run(account, sync({ email_address: 'fresh@example.com', first_name: 'Fay' }));
		expect(json(output)).toMatchObject({ action: 'created', create_source: 'Account', first_name: 'Fay' });
		const stored = contactByEmail(account.fake, 'fresh@example.com')!;
		expect(stored.email_address?.permission_to_send).toBe('implicit');
		const lookup = apiRequests(account.fake, 'GET')[0];
		expect(lookup.query).toMatchObject({
			email: 'fresh@example.com',
			status: 'all',
			include: 'custom_fields,list_memberships,phone_numbers,street_addresses,taggings,notes',
		});
	});

	it('updates an existing contact: fields not mapped survive, permission untouched, update_source Account', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Customers' });
		const tag = fake.seed.tag({ name: 'VIP' });
		const color = fake.seed.customField({ label: 'Favorite Color' });
		const before = structuredClone(
			fake.seed.contact({
				email_address: { address: 'kept@example.com', permission_to_send: 'explicit' },
				first_name: 'Kim',
				last_name: 'Old',
				job_title: 'Chef',
				company_name: 'Bistro',
				birthday_month: 7,
				birthday_day: 8,
				anniversary: '2010-01-02',
				custom_fields: [{ custom_field_id: color.custom_field_id, value: 'red' }],
				phone_numbers: [{ phone_number: '555-0101', kind: 'home' }],
				street_addresses: [{ kind: 'home', street: '1 Old Rd', city: 'Bergen' }],
				list_memberships: [list.list_id],
				taggings: [tag.tag_id],
				notes: [{ content: 'old note' }],
			}),
		);
		const { output } = await run(account, sync({ email_address: 'kept@example.com', last_name: 'New' }));
		expect(json(output)).toMatchObject({ action: 'updated', last_name: 'New', first_name: 'Kim' });
		// The output carries the subresources the PUT did not touch.
		expect(json(output).list_memberships).toEqual([list.list_id]);
		expect(json(output).notes).toEqual([expect.objectContaining({ content: 'old note' })]);
		const stored = contactByEmail(fake, 'kept@example.com')!;
		expect(stored).toMatchObject({
			first_name: 'Kim',
			last_name: 'New',
			job_title: 'Chef',
			company_name: 'Bistro',
			birthday_month: 7,
			birthday_day: 8,
			anniversary: '2010-01-02',
			update_source: 'Account',
		});
		expect(stored.email_address?.permission_to_send).toBe('explicit');
		expect(stored.custom_fields).toEqual(before.custom_fields);
		expect(stored.phone_numbers).toEqual(before.phone_numbers);
		expect(stored.street_addresses).toEqual(before.street_addresses);
		expect(stored.list_memberships).toEqual(before.list_memberships);
		expect(stored.taggings).toEqual(before.taggings);
		expect(stored.notes).toEqual(before.notes);
	});

	it('sends no PUT when nothing would change (action unchanged)', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Customers' });
		const before = structuredClone(
			fake.seed.contact({
				email_address: { address: 'same@example.com' },
				first_name: 'Sam',
				list_memberships: [list.list_id],
				phone_numbers: [{ phone_number: '555-0123', kind: 'mobile' }],
			}),
		);
		const { output } = await run(
			account,
			sync({ email_address: 'SAME@example.com', first_name: 'Sam', 'phone_number:mobile': '(555) 0123' }, { listMemberships: lists(list.list_id) }),
		);
		expect(json(output)).toMatchObject({ action: 'unchanged', contact_id: before.contact_id });
		expect(apiRequests(fake, 'PUT')).toHaveLength(0);
		expect(apiRequests(fake, 'POST')).toHaveLength(0);
		expect(contactByEmail(fake, 'same@example.com')).toEqual(before);
	});

	it('keeps an unsubscribed contact unsubscribed while updating its fields and lists', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Promotions' });
		fake.seed.contact({ email_address: { address: 'out@example.com', permission_to_send: 'unsubscribed' }, first_name: 'Otto' });
		const { output } = await run(account, sync({ email_address: 'out@example.com', company_name: 'Acme' }, { listMemberships: lists(list.list_id) }));
		expect(json(output)).toMatchObject({ action: 'updated', company_name: 'Acme' });
		expect((json(output).email_address as { permission_to_send: string }).permission_to_send).toBe('unsubscribed');
		const stored = contactByEmail(fake, 'out@example.com')!;
		expect(stored.email_address?.permission_to_send).toBe('unsubscribed');
		expect(stored.email_address?.opt_out_source).toBe('Contact');
		expect(stored.company_name).toBe('Acme');
	});

	it('appends lists and tags by default, replaces them when asked', async () => {
		const { fake } = account;
		const [a, b, c] = ['A', 'B', 'C'].map((name) => fake.seed.list({ name }));
		const [t1, t2] = ['T1', 'T2'].map((name) => fake.seed.tag({ name }));
		fake.seed.contact({ email_address: { address: 'lists@example.com' }, list_memberships: [a.list_id], taggings: [t1.tag_id] });

		await run(account, sync({ email_address: 'lists@example.com' }, { listMemberships: lists(b.list_id), taggings: [t2.tag_id] }));
		let stored = contactByEmail(fake, 'lists@example.com')!;
		expect(stored.list_memberships).toEqual([a.list_id, b.list_id]);
		expect(stored.taggings).toEqual([t1.tag_id, t2.tag_id]);

		const { output } = await run(
			account,
			sync(
				{ email_address: 'lists@example.com' },
				{
					listMemberships: lists(c.list_id),
					taggings: [t2.tag_id],
					existingContactOptions: { listMembershipMode: 'replace', taggingMode: 'replace' },
				},
			),
		);
		expect(json(output).action).toBe('updated');
		stored = contactByEmail(fake, 'lists@example.com')!;
		expect(stored.list_memberships).toEqual([c.list_id]);
		expect(stored.taggings).toEqual([t2.tag_id]);
	});

	it('revives a deleted contact only when asked', async () => {
		const { fake } = account;
		fake.seed.contact({ email_address: { address: 'gone@example.com' }, first_name: 'Gone', deleted: true });
		const left = await run(account, sync({ email_address: 'gone@example.com', first_name: 'Here' }));
		expect(json(left.output)).toMatchObject({ action: 'skipped', first_name: 'Gone' });
		expect(contactByEmail(fake, 'gone@example.com')).toMatchObject({ first_name: 'Gone', deleted_at: expect.any(String) });
		expect(apiRequests(fake, 'PUT')).toHaveLength(0);
		expect(apiRequests(fake, 'POST')).toHaveLength(0);

		const revived = await run(account, sync({ email_address: 'gone@example.com', first_name: 'Here' }, { existingContactOptions: { reviveDeleted: true } }));
		expect(json(revived.output)).toMatchObject({ action: 'updated', revived: true, first_name: 'Here' });
		const stored = contactByEmail(fake, 'gone@example.com')!;
		expect(stored.deleted_at).toBeUndefined();
		expect(stored.first_name).toBe('Here');
	});

	it('resolves a 409 from a concurrent create by updating the contact', async () => {
		const { fake } = account;
		// The contact appears between the lookup and the POST: the lookup sees nothing.
		fake.seed.contact({ email_address: { address: 'twin@example.com' }, first_name: 'Twin' });
		fake.injectFault({ method: 'GET', path: '/contacts', status: 200, body: { contacts: [] } });
		const { output, error } = await run(account, sync({ email_address: 'twin@example.com', job_title: 'Pilot' }));
		expect(error).toBeUndefined();
		expect(json(output)).toMatchObject({ action: 'updated', first_name: 'Twin', job_title: 'Pilot' });
		expect(apiRequests(fake).map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'POST 409', 'GET 200', 'PUT 200']);
		expect(fake.state.contacts.size).toBe(1);
		expect(contactByEmail(fake, 'twin@example.com')?.job_title).toBe('Pilot');
	});
});
