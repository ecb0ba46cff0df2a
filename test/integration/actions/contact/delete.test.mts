import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, json, run, startAccount } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount({ importStepMs: 20 });
});

const byIdExpression = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
const byEmailExpression = { __rl: true, mode: 'email', value: '={{ $json.email }}' };
const requestLine = (r: { method: string; path: string; status?: number }) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, '{id}').split('?')[0]} ${r.status}`;

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

describe('Contact → Delete, many items: bulk activities', () => {
	it('deletes 501 contacts by ID in two activities, one result per item', async () => {
		const { fake } = account;
		const contacts = Array.from({ length: 501 }, (_, i) => fake.seed.contact({ email_address: { address: `d${i}@example.com` } }));
		const { output, error } = await run(account, { operation: 'delete', contact: byIdExpression }, contacts.map((c) => ({ id: c.contact_id })));
		expect(error).toBeUndefined();
		expect(output).toHaveLength(501);
		output.forEach((item, i) => {
			expect(item.json).toMatchObject({ contact_id: contacts[i].contact_id, deleted: true, activity_state: 'completed' });
			expect(item.pairedItem).toEqual({ item: i });
		});
		expect(contacts.every((c) => fake.state.contacts.get(c.contact_id)!.deleted_at)).toBe(true);
		const posts = apiRequests(fake, 'POST');
		expect(posts.map((r) => (r.body as { contact_ids: string[] }).contact_ids.length)).toEqual([500, 1]);
		expect(apiRequests(fake).map(requestLine)).toEqual([
			'POST /v3/activities/contact_delete 201',
			'GET /v3/activities/{id} 200',
			'POST /v3/activities/contact_delete 201',
			'GET /v3/activities/{id} 200',
		]);
		expect(apiRequests(fake, 'DELETE')).toHaveLength(0);
	});

	it('looks emails up, reports each item (email kept), and gives invalid items their own error with Continue On Fail', async () => {
		const { fake } = account;
		const a = fake.seed.contact({ email_address: { address: 'a@example.com' } });
		const b = fake.seed.contact({ email_address: { address: 'b@example.com' } });
		const items = [{ email: 'A@example.com' }, { email: 'nobody@example.com' }, { email: 'b@example.com' }];
		const { output } = await run(account, { operation: 'delete', contact: byEmailExpression }, items, true);
		expect(output.map((o) => o.json)).toEqual([
			expect.objectContaining({ contact_id: a.contact_id, email_address: 'a@example.com', deleted: true }),
			expect.objectContaining({ error: 'No contact with the email address nobody@example.com exists in Constant Contact' }),
			expect.objectContaining({ contact_id: b.contact_id, email_address: 'b@example.com', deleted: true }),
		]);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect((apiRequests(fake, 'POST')[0].body as { contact_ids: string[] }).contact_ids).toEqual([a.contact_id, b.contact_id]);
	});

	it('a contact ID Constant Contact does not know fails alone; the others are deleted', async () => {
		const { fake } = account;
		const a = fake.seed.contact({ email_address: { address: 'a@example.com' } });
		const unknown = '0b4d7f4e-0000-4000-8000-000000000001';
		const { output } = await run(account, { operation: 'delete', contact: byIdExpression }, [{ id: a.contact_id }, { id: unknown }, { id: 'not-an-id' }], true);
		expect(output[0].json).toMatchObject({ contact_id: a.contact_id, deleted: true });
		expect(String(output[1].json.error)).toMatch(/^Constant Contact's bulk delete [0-9a-f-]{36} did not delete 0b4d7f4e-0000-4000-8000-000000000001$/);
		expect((output[1].json.details as { description: string }).description).toContain(`Contact ${unknown} not found`);
		expect(String(output[2].json.error)).toContain('Contact: "not-an-id" is not a contact ID');
		expect(fake.state.contacts.get(a.contact_id)!.deleted_at).toBeDefined();
	});

	it('without Continue On Fail an invalid item stops the run before anything is deleted', async () => {
		const { fake } = account;
		const a = fake.seed.contact({ email_address: { address: 'a@example.com' } });
		const { error } = await run(account, { operation: 'delete', contact: byIdExpression }, [{ id: a.contact_id }, { id: 'not-an-id' }]);
		expect(error?.message).toContain('Contact: "not-an-id" is not a contact ID');
		expect(fake.state.contacts.get(a.contact_id)!.deleted_at).toBeUndefined();
		expect(apiRequests(fake, 'POST')).toHaveLength(0);
	});

	it('Per Contact keeps one DELETE per item; Bulk Activity takes even a single item', async () => {
		const { fake } = account;
		const a = fake.seed.contact({ email_address: { address: 'a@example.com' } });
		const b = fake.seed.contact({ email_address: { address: 'b@example.com' } });
		const perContact = await run(account, { operation: 'delete', contact: byIdExpression, deleteOptions: { processing: 'perContact' } }, [{ id: a.contact_id }, { id: b.contact_id }]);
		expect(perContact.output.map((o) => o.json)).toEqual([
			{ contact_id: a.contact_id, deleted: true },
			{ contact_id: b.contact_id, deleted: true },
		]);
		expect(apiRequests(fake).map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
		const c = fake.seed.contact({ email_address: { address: 'c@example.com' } });
		const bulk = await run(account, { operation: 'delete', contact: byIdExpression, deleteOptions: { processing: 'bulk' } }, [{ id: c.contact_id }]);
		expect(bulk.output[0].json).toMatchObject({ contact_id: c.contact_id, deleted: true, activity_state: 'completed' });
		expect(apiRequests(fake, 'POST')).toHaveLength(1);
	});

	it('reports a bulk delete still running after the timeout as such', async () => {
		const slow = await startAccount({ importStepMs: 60_000 });
		try {
			const a = slow.fake.seed.contact({ email_address: { address: 'a@example.com' } });
			const b = slow.fake.seed.contact({ email_address: { address: 'b@example.com' } });
			const { output } = await run(slow, { operation: 'delete', contact: byIdExpression, deleteOptions: { timeoutSeconds: 0 } }, [{ id: a.contact_id }, { id: b.contact_id }]);
			expect(output.map((o) => o.json)).toEqual([
				expect.objectContaining({ contact_id: a.contact_id, deleted: true, activity_state: 'initialized', wait_timed_out: true }),
				expect.objectContaining({ contact_id: b.contact_id, deleted: true, activity_state: 'initialized', wait_timed_out: true }),
			]);
		} finally {
			await slow.fake.close();
		}
	});

	it('a failed activity is every one of its items\' error', async () => {
		const { fake } = account;
		const a = fake.seed.contact({ email_address: { address: 'a@example.com' } });
		const b = fake.seed.contact({ email_address: { address: 'b@example.com' } });
		fake.injectFault({ method: 'GET', path: /^\/activities\//, status: 200, body: { activity_id: '0b4d7f4e-0000-4000-8000-000000000009', state: 'failed', activity_errors: ['Deletion failed'] } });
		const { output } = await run(account, { operation: 'delete', contact: byIdExpression }, [{ id: a.contact_id }, { id: b.contact_id }], true);
		expect(output.map((o) => o.json.error)).toEqual([
			`Constant Contact's bulk delete 0b4d7f4e-0000-4000-8000-000000000009 ended as "failed"`,
			`Constant Contact's bulk delete 0b4d7f4e-0000-4000-8000-000000000009 ended as "failed"`,
		]);
	});
});
