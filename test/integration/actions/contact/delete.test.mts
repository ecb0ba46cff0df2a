import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, json, run, startAccount } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

describe('Contact → Delete', () => {
	it('deletes by email (looked up first) and by ID (one request)', async () => {
		const { fake } = account;
		const a = fake.seed.contact({ email_address: { address: 'a@example.com' } });
		const b = fake.seed.contact({ email_address: { address: 'b@example.com' } });
		const first = await run(account, { operation: 'delete', contact: { __rl: true, mode: 'email', value: 'A@example.com' } });
		expect(json(first.output)).toEqual({ contact_id: a.contact_id, email_address: 'a@example.com', deleted: true });
		expect(fake.state.contacts.get(a.contact_id)!.deleted_at).toBeDefined();
		const before = apiRequests(fake).length;
		const second = await run(account, { operation: 'delete', contact: { __rl: true, mode: 'list', value: b.contact_id } });
		expect(json(second.output)).toEqual({ contact_id: b.contact_id, deleted: true });
		expect(apiRequests(fake).slice(before).map((r) => `${r.method} ${r.status}`)).toEqual(['DELETE 204']);
	});

	it('not found is a clear per-item error', async () => {
		const { error } = await run(account, { operation: 'delete', contact: { __rl: true, mode: 'id', value: '0b4d7f4e-0000-4000-8000-000000000001' } });
		expect(error?.message).toBe('No contact with the ID 0b4d7f4e-0000-4000-8000-000000000001 exists in Constant Contact');
	});
});
