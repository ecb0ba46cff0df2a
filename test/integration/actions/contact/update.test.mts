import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, automatic, json, lists, mapped, run, startAccount } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Contact → Update', () => {
	it('does not re-subscribe an unsubscribed contact on the account\'s word; does on their own request', async () => {
		const { fake } = account;
		const c = fake.seed.contact({ email_address: { address: 'gone@example.com', permission_to_send: 'unsubscribed', opt_out_source: 'Account' } });
		const refused = await run(
			account,
			{ operation: 'update', contact: byId(c.contact_id), updateFields: mapped({}), changeOptions: { permissionToSend: 'explicit' } },
			[{}],
			true,
		);
		expect(String(refused.output[0].json.error) + JSON.stringify(refused.output[0].json.details ?? '')).toMatch(/only their own request can re-subscribe them/);
		expect(apiRequests(fake, 'PUT')).toHaveLength(0);
		expect(fake.state.contacts.get(c.contact_id)!.email_address.permission_to_send).toBe('unsubscribed');

		const { output, error } = await run(account, {
			operation: 'update',
			contact: byId(c.contact_id),
			updateFields: mapped({}),
			changeOptions: { permissionToSend: 'explicit', updateSource: 'Contact' },
		});
		expect(error).toBeUndefined();
		expect(json(output).action).toBe('updated');
		expect(fake.state.contacts.get(c.contact_id)!.email_address.permission_to_send).toBe('explicit');
	});

	it('changes only the given fields and keeps every unmapped one (names, phones, custom fields, lists, notes, permission)', async () => {
		const { fake } = account;
		const oldList = fake.seed.list({ name: 'Old' });
		const newList = fake.seed.list({ name: 'New' });
		const color = fake.seed.customField({ label: 'Color' });
		const c = fake.seed.contact({
			email_address: { address: 'keep@example.com', permission_to_send: 'explicit' },
			first_name: 'Kay',
			last_name: 'Keeper',
			company_name: 'Acme',
			birthday_month: 4,
			birthday_day: 5,
			phone_numbers: [{ phone_number: '555-0100', kind: 'home' }],
			custom_fields: [{ custom_field_id: color.custom_field_id, value: 'red' }],
			list_memberships: [oldList.list_id],
			notes: [{ content: 'VIP' }],
		});
		const { output, error } = await run(account, {
			operation: 'update',
			contact: byId(c.contact_id),
			updateFields: mapped({ job_title: 'CTO' }),
			changeListMemberships: lists(newList.list_id),
		});
		expect(error).toBeUndefined();
		expect(json(output)).toMatchObject({ action: 'updated', job_title: 'CTO', first_name: 'Kay', changes: ['job_title', 'list_memberships'] });
		const stored = fake.state.contacts.get(c.contact_id)!;
		expect(stored).toMatchObject({ first_name: 'Kay', last_name: 'Keeper', company_name: 'Acme', job_title: 'CTO', birthday_month: 4, birthday_day: 5 });
		expect(stored.email_address.permission_to_send).toBe('explicit');
		expect(stored.phone_numbers.map((p) => p.phone_number)).toEqual(['555-0100']);
		expect(stored.custom_fields).toEqual([{ custom_field_id: color.custom_field_id, value: 'red' }]);
		expect(stored.notes.map((n) => n.content)).toEqual(['VIP']);
		expect(stored.list_memberships).toEqual([oldList.list_id, newList.list_id]);
		const put = apiRequests(fake, 'PUT')[0].body as Record<string, unknown>;
		expect(put.email_address).toEqual({ address: 'keep@example.com', permission_to_send: 'explicit' });
		expect(put.update_source).toBe('Account');
	});

	it('by email, from an item (Map Automatically); an unchanged contact is not written; a new email renames it', async () => {
		const { fake } = account;
		const c = fake.seed.contact({ email_address: { address: 'same@example.com' }, first_name: 'Sam' });
		const unchanged = await run(account, { operation: 'update', contact: byEmail('={{ $json.email }}'), updateFields: automatic() }, [
			{ email: 'same@example.com', 'First Name': 'Sam' },
		]);
		expect(json(unchanged.output).action).toBe('unchanged');
		expect(apiRequests(fake, 'PUT')).toHaveLength(0);

		const renamed = await run(account, { operation: 'update', contact: byId(c.contact_id), updateFields: mapped({ email_address: 'new@example.com' }) });
		expect(json(renamed.output)).toMatchObject({ action: 'updated', changes: ['email_address'] });
		expect(fake.state.contacts.get(c.contact_id)!.email_address.address).toBe('new@example.com');
		expect(fake.state.contacts.get(c.contact_id)!.first_name).toBe('Sam');
	});

	it('never changes permission unless asked; unsubscribing records the source and the reason', async () => {
		const { fake } = account;
		const c = fake.seed.contact({ email_address: { address: 'stay@example.com', permission_to_send: 'implicit' } });
		await run(account, { operation: 'update', contact: byEmail('stay@example.com'), updateFields: mapped({ first_name: 'Stu' }) });
		expect(fake.state.contacts.get(c.contact_id)!.email_address.permission_to_send).toBe('implicit');

		const { output } = await run(account, {
			operation: 'update',
			contact: byEmail('stay@example.com'),
			updateFields: mapped({}),
			changeOptions: { permissionToSend: 'unsubscribed', optOutReason: 'Asked by phone', updateSource: 'Contact' },
		});
		expect(json(output).action).toBe('updated');
		const e = fake.state.contacts.get(c.contact_id)!.email_address;
		expect(e).toMatchObject({ permission_to_send: 'unsubscribed', opt_out_source: 'Contact', opt_out_reason: 'Asked by phone' });
		expect(fake.state.contacts.get(c.contact_id)!.first_name).toBe('Stu');
	});

	it('a reason without an unsubscribe is refused before any write', async () => {
		const { fake } = account;
		fake.seed.contact({ email_address: { address: 'r@example.com' } });
		const { error } = await run(account, {
			operation: 'update',
			contact: byEmail('r@example.com'),
			updateFields: mapped({}),
			changeOptions: { optOutReason: 'why' },
		});
		expect(error?.message).toMatch(/^Unsubscribe Reason: only recorded when the contact is unsubscribed/);
		expect(apiRequests(fake, 'PUT')).toHaveLength(0);
	});

	it('a deleted contact is skipped unless Revive Deleted Contact is on; a missing one is a clear error', async () => {
		const { fake } = account;
		const c = fake.seed.contact({ email_address: { address: 'del@example.com' }, deleted: true });
		const skipped = await run(account, { operation: 'update', contact: byEmail('del@example.com'), updateFields: mapped({ first_name: 'D' }) });
		expect(json(skipped.output).action).toBe('skipped');
		const revived = await run(account, {
			operation: 'update',
			contact: byEmail('del@example.com'),
			updateFields: mapped({ first_name: 'D' }),
			changeOptions: { reviveDeleted: true },
		});
		expect(json(revived.output)).toMatchObject({ action: 'updated', revived: true });
		expect(fake.state.contacts.get(c.contact_id)!.deleted_at).toBeUndefined();
		const missing = await run(account, { operation: 'update', contact: byEmail('none@example.com'), updateFields: mapped({ first_name: 'N' }) });
		expect(missing.error?.message).toBe('No contact with the email address none@example.com exists in Constant Contact');
	});

	it('two items for one contact, one naming it by ID and one by email, run in order: both changes are kept', async () => {
		const { fake } = account;
		fake.options.latencyMs = 30;
		const c = fake.seed.contact({ email_address: { address: 'both@example.com' }, first_name: 'Old', last_name: 'Old' });
		const { output, error } = await run(
			account,
			{ operation: 'update', contact: byId('={{ $json.ref }}'), updateFields: mapped({ first_name: '={{ $json.first }}', last_name: '={{ $json.last }}' }) },
			[
				{ ref: c.contact_id, first: 'New' },
				{ ref: 'BOTH@example.com', last: 'New' },
			],
		);
		expect(error).toBeUndefined();
		expect(output.map((o) => o.json.action)).toEqual(['updated', 'updated']);
		expect(fake.state.contacts.get(c.contact_id)).toMatchObject({ first_name: 'New', last_name: 'New' });
		// The second item read the contact after the first one's PUT: no lookup was added to tell them apart.
		const calls = apiRequests(fake);
		expect(calls.map((r) => r.method)).toEqual(['GET', 'PUT', 'GET', 'PUT']);
	});
});
