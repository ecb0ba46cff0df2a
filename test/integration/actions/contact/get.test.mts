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

const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

describe('Contact → Get', () => {
	it('gets a contact by email with the chosen subresources, deleted contacts included', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'News' });
		const c = fake.seed.contact({ email_address: { address: 'Ann@Example.com' }, first_name: 'Ann', list_memberships: [list.list_id], deleted: true });
		const { output, error } = await run(account, { operation: 'get', contact: byEmail('ann@example.com'), include: ['list_memberships'] });
		expect(error).toBeUndefined();
		expect(json(output)).toMatchObject({ contact_id: c.contact_id, first_name: 'Ann', list_memberships: [list.list_id], deleted_at: expect.any(String) });
		expect(json(output).phone_numbers).toBeUndefined();
		expect(apiRequests(fake)[0].query).toMatchObject({ email: 'ann@example.com', status: 'all', include: 'list_memberships' });
	});

	it('gets a contact by ID (an ID field holding an email is looked up by email)', async () => {
		const { fake } = account;
		const c = fake.seed.contact({ email_address: { address: 'bo@example.com' }, phone_numbers: [{ phone_number: '555', kind: 'home' }] });
		const { output } = await run(account, { operation: 'get', contact: byId(c.contact_id) }, [{}, {}]);
		expect(output).toHaveLength(2);
		expect(json(output)).toMatchObject({ contact_id: c.contact_id, phone_numbers: [expect.objectContaining({ phone_number: '555' })] });
		expect(apiRequests(fake)[0].path).toBe(`/v3/contacts/${c.contact_id}`);
		const viaId = await run(account, { operation: 'get', contact: byId('bo@example.com') });
		expect(json(viaId.output).contact_id).toBe(c.contact_id);
	});

	it('not found: a clear per-item error by default', async () => {
		const { error } = await run(account, { operation: 'get', contact: byEmail('nobody@example.com') });
		expect(error?.message).toBe('No contact with the email address nobody@example.com exists in Constant Contact');
		const byMissingId = await run(account, { operation: 'get', contact: byId('0b4d7f4e-0000-4000-8000-000000000000') });
		expect(byMissingId.error?.message).toBe('No contact with the ID 0b4d7f4e-0000-4000-8000-000000000000 exists in Constant Contact');
	});

	it('not found: nothing for that item when "Return Nothing" is chosen, others still output; continueOnFail pairs the error', async () => {
		const { fake } = account;
		fake.seed.contact({ email_address: { address: 'here@example.com' } });
		const { output } = await run(
			account,
			{ operation: 'get', contact: byEmail('={{ $json.email }}'), ifNotFound: 'empty' },
			[{ email: 'missing@example.com' }, { email: 'here@example.com' }],
		);
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 1 });
		const failing = await run(account, { operation: 'get', contact: byEmail('={{ $json.email }}') }, [{ email: 'missing@example.com' }, { email: 'here@example.com' }], true);
		expect(failing.output.map((o) => o.json.error ?? o.json.email_address)).toEqual([
			'No contact with the email address missing@example.com exists in Constant Contact',
			expect.objectContaining({ address: 'here@example.com' }),
		]);
	});
});
