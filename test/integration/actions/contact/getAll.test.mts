import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, run, startAccount } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

describe('Contact → Get Many', () => {
	it('Return All follows the cursor over several pages (500 each)', async () => {
		const { fake } = account;
		for (let i = 0; i < 1203; i++) fake.seed.contact({ email_address: { address: `c${i}@example.com` } });
		const { output, error } = await run(account, { operation: 'getAll', returnAll: true, include: [] });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1203);
		expect(new Set(output.map((o) => o.json.contact_id)).size).toBe(1203);
		const gets = apiRequests(fake, 'GET');
		expect(gets).toHaveLength(3);
		expect(gets[0].query.limit).toBe('500');
		expect(gets[1].query.cursor).toBeDefined();
	});

	it('a limit stops early and asks only for what it needs', async () => {
		const { fake } = account;
		for (let i = 0; i < 30; i++) fake.seed.contact({ email_address: { address: `c${i}@example.com` } });
		const { output } = await run(account, { operation: 'getAll', returnAll: false, limit: 7 });
		expect(output).toHaveLength(7);
		expect(apiRequests(fake, 'GET')).toHaveLength(1);
		expect(apiRequests(fake, 'GET')[0].query.limit).toBe('7');
		expect(output[0].json.list_memberships).toEqual([]);
	});

	it('filters by status (deleted, unsubscribed), lists, tags, email and dates', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'VIP' });
		const tag = fake.seed.tag({ name: 'Hot' });
		fake.seed.contact({ email_address: { address: 'gone@example.com' }, deleted: true });
		fake.seed.contact({ email_address: { address: 'out@example.com', permission_to_send: 'unsubscribed' } });
		fake.seed.contact({ email_address: { address: 'vip@example.com' }, list_memberships: [list.list_id], created_at: '2020-01-01T00:00:00.000Z' });
		fake.seed.contact({ email_address: { address: 'hot@example.com' }, taggings: [tag.tag_id] });
		const emails = async (filters: Record<string, unknown>) =>
			(await run(account, { operation: 'getAll', returnAll: true, filters, include: [] })).output.map(
				(o) => (o.json.email_address as { address: string }).address,
			);
		expect(await emails({ status: ['deleted'] })).toEqual(['gone@example.com']);
		expect(await emails({ status: ['unsubscribed'] })).toEqual(['out@example.com']);
		expect((await emails({ status: ['all'] })).length).toBe(4);
		expect((await emails({})).length).toBe(3);
		expect(await emails({ lists: [list.list_id] })).toEqual(['vip@example.com']);
		expect(await emails({ tags: [tag.tag_id] })).toEqual(['hot@example.com']);
		expect(await emails({ email: 'hot@example.com' })).toEqual(['hot@example.com']);
		expect(await emails({ createdBefore: '2021-01-01T00:00:00' })).toEqual(['vip@example.com']);
		expect(await emails({ createdAfter: '2021-01-01T00:00:00Z' })).not.toContain('vip@example.com');
		const q = apiRequests(fake, 'GET').at(-1)!.query;
		expect(q.created_after).toBe('2021-01-01T00:00:00.000Z');
	});

	it('a filter value that is not a date fails the item before any request', async () => {
		const { error } = await run(account, { operation: 'getAll', returnAll: true, filters: { updatedAfter: 'yesterday-ish' } });
		expect(error?.message).toBe('Updated After: "yesterday-ish" is not a date and time');
		expect(apiRequests(account.fake)).toHaveLength(0);
	});
});
