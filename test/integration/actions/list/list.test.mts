import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from '../contact/setup.mts';
import { apiRequests, json, run, startAccount } from '../contact/setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const pick = (value: string) => ({ __rl: true, mode: 'list', value });

describe('List', () => {
	it('creates a list; a taken name is a clear 409', async () => {
		const { output } = await run(account, { resource: 'list', operation: 'create', name: 'Newsletter', listFields: { description: 'Monthly', favorite: true } });
		expect(json(output)).toMatchObject({ name: 'Newsletter', description: 'Monthly', favorite: true, list_id: expect.any(String) });
		const dup = await run(account, { resource: 'list', operation: 'create', name: 'newsletter' });
		expect(dup.error?.message).toBe('A list named "newsletter" already exists in Constant Contact (409): List name newsletter already exists');
	});

	it('gets one list with its membership count, and a missing one is a 404', async () => {
		const { fake } = account;
		const l = fake.seed.list({ name: 'VIP' });
		fake.seed.contact({ email_address: { address: 'a@example.com' }, list_memberships: [l.list_id] });
		fake.seed.contact({ email_address: { address: 'b@example.com', permission_to_send: 'unsubscribed' }, list_memberships: [l.list_id] });
		const all = await run(account, { resource: 'list', operation: 'get', list: pick(l.list_id), membershipCount: 'all' });
		expect(json(all.output)).toMatchObject({ list_id: l.list_id, name: 'VIP', membership_count: 2 });
		const active = await run(account, { resource: 'list', operation: 'get', list: pick(l.list_id), membershipCount: 'active' });
		expect(json(active.output).membership_count).toBe(1);
		const missing = await run(account, { resource: 'list', operation: 'get', list: pick('0b4d7f4e-0000-4000-8000-000000000002') });
		expect(missing.error?.message).toMatch(/^Not found in Constant Contact \(404\)/);
	});

	it('gets many lists over several pages, with membership counts when asked', async () => {
		const { fake } = account;
		for (let i = 0; i < 1001; i++) fake.seed.list({ name: `L${i}` });
		const { output } = await run(account, { resource: 'list', operation: 'getAll', returnAll: true, listOptions: { membershipCount: 'all' } });
		expect(output).toHaveLength(1001);
		expect(output[0].json.membership_count).toBe(0);
		expect(apiRequests(fake, 'GET')).toHaveLength(3);
		const limited = await run(account, { resource: 'list', operation: 'getAll', returnAll: false, limit: 3 });
		expect(limited.output).toHaveLength(3);
	});

	it('updates only the given fields (PUT replaces, so the others are sent back)', async () => {
		const { fake } = account;
		const l = fake.seed.list({ name: 'Old', description: 'Keep me', favorite: true });
		const { output } = await run(account, { resource: 'list', operation: 'update', list: pick(l.list_id), listUpdateFields: { name: 'New' } });
		expect(json(output)).toMatchObject({ name: 'New', description: 'Keep me', favorite: true });
		expect(apiRequests(fake, 'PUT')[0].body).toEqual({ name: 'New', description: 'Keep me', favorite: true });
	});

	it('deletes a list; its contacts stay', async () => {
		const { fake } = account;
		const l = fake.seed.list({ name: 'Gone' });
		const c = fake.seed.contact({ email_address: { address: 'stay@example.com' }, list_memberships: [l.list_id] });
		const { output } = await run(account, { resource: 'list', operation: 'delete', list: { __rl: true, mode: 'id', value: l.list_id } });
		expect(json(output)).toMatchObject({ list_id: l.list_id, deleted: true, activity_id: expect.any(String) });
		expect(fake.state.contacts.get(c.contact_id)!.list_memberships).toEqual([]);
		expect(fake.state.contacts.get(c.contact_id)!.deleted_at).toBeUndefined();
	});
});
