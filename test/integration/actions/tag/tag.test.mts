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

describe('Tag', () => {
	it('creates a tag; a taken name is a clear 409', async () => {
		const { output } = await run(account, { resource: 'tag', operation: 'create', tagName: 'Hot lead' });
		expect(json(output)).toMatchObject({ name: 'Hot lead', tag_id: expect.any(String) });
		const dup = await run(account, { resource: 'tag', operation: 'create', tagName: 'Hot lead' });
		expect(dup.error?.message).toMatch(/^A tag named "Hot lead" already exists in Constant Contact \(409\)/);
	});

	it('gets many tags over several pages, with contact counts when asked', async () => {
		const { fake } = account;
		const tags = Array.from({ length: 520 }, (_, i) => fake.seed.tag({ name: `T${i}` }));
		fake.seed.contact({ email_address: { address: 'a@example.com' }, taggings: [tags[0].tag_id] });
		const { output } = await run(account, { resource: 'tag', operation: 'getAll', returnAll: true, includeCount: true });
		expect(output).toHaveLength(520);
		expect(output[0].json.contacts_count).toBe(1);
		expect(apiRequests(fake, 'GET')).toHaveLength(2);
	});

	it('deletes a tag and untags its contacts', async () => {
		const { fake } = account;
		const t = fake.seed.tag({ name: 'Old' });
		const c = fake.seed.contact({ email_address: { address: 'a@example.com' }, taggings: [t.tag_id] });
		const { output } = await run(account, { resource: 'tag', operation: 'delete', tag: { __rl: true, mode: 'list', value: t.tag_id } });
		expect(json(output)).toMatchObject({ tag_id: t.tag_id, deleted: true });
		expect(fake.state.tags.has(t.tag_id)).toBe(false);
		expect(fake.state.contacts.get(c.contact_id)!.taggings).toEqual([]);
	});
});
