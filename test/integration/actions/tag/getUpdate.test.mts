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
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const MISSING = '0b4d7f4e-0000-4000-8000-000000000002';

describe('Tag → Get', () => {
	it('gets one tag, with its contact count when asked; a missing one is a 404', async () => {
		const { fake } = account;
		const t = fake.seed.tag({ name: 'VIP' });
		fake.seed.contact({ email_address: { address: 'a@example.com' }, taggings: [t.tag_id] });
		fake.seed.contact({ email_address: { address: 'b@example.com' }, taggings: [t.tag_id] });
		const plain = await run(account, { resource: 'tag', operation: 'get', tag: pick(t.tag_id) });
		expect(json(plain.output)).toEqual({ tag_id: t.tag_id, name: 'VIP', tag_source: 'Contact', created_at: expect.any(String), updated_at: expect.any(String) });
		expect(apiRequests(fake, 'GET').at(-1)!.query).toEqual({});
		const counted = await run(account, { resource: 'tag', operation: 'get', tag: byId(t.tag_id), includeCount: true });
		expect(json(counted.output)).toMatchObject({ tag_id: t.tag_id, contacts_count: 2 });
		expect(apiRequests(fake, 'GET').at(-1)!.query).toEqual({ include_count: 'true' });
		const missing = await run(account, { resource: 'tag', operation: 'get', tag: byId(MISSING) });
		expect(missing.error?.message).toMatch(/^Not found in Constant Contact \(404\)/);
	});

	it('an ID that is not a tag ID, or none, fails before any request', async () => {
		const bad = await run(account, { resource: 'tag', operation: 'get', tag: byId('VIP') });
		expect(bad.error?.message).toBe(
			'Tag: "VIP" is not a tag ID (Constant Contact\'s IDs look like 4a5b6c7d-1e2f-4a3b-8c9d-0e1f2a3b4c5d); choose it from the list, or copy it from Get Many',
		);
		const none = await run(account, { resource: 'tag', operation: 'get', tag: byId('  ') });
		expect(none.error?.message).toBe('Tag: no tag chosen');
		expect(apiRequests(account.fake)).toHaveLength(0);
	});
});

describe('Tag → Update', () => {
	it('renames a tag; its contacts keep it', async () => {
		const { fake } = account;
		const t = fake.seed.tag({ name: 'Old' });
		const c = fake.seed.contact({ email_address: { address: 'a@example.com' }, taggings: [t.tag_id] });
		const { output } = await run(account, { resource: 'tag', operation: 'update', tag: pick(t.tag_id), newTagName: '  Gold member ' });
		expect(json(output)).toMatchObject({ tag_id: t.tag_id, name: 'Gold member' });
		expect(apiRequests(fake, 'PUT')[0]).toMatchObject({ path: `/v3/contact_tags/${t.tag_id}`, body: { name: 'Gold member' } });
		expect(fake.state.tags.get(t.tag_id)!.name).toBe('Gold member');
		expect(fake.state.contacts.get(c.contact_id)!.taggings).toEqual([t.tag_id]);
	});

	it('a name another tag has is a clear 409; an empty or too long name, or a bad ID, fails before any request', async () => {
		const { fake } = account;
		fake.seed.tag({ name: 'Taken' });
		const t = fake.seed.tag({ name: 'Mine' });
		const dup = await run(account, { resource: 'tag', operation: 'update', tag: pick(t.tag_id), newTagName: 'taken' });
		expect(dup.error?.message).toBe('A tag named "taken" already exists in Constant Contact (409): Tag name taken already exists');
		expect(fake.state.tags.get(t.tag_id)!.name).toBe('Mine');
		const before = apiRequests(fake).length;
		const empty = await run(account, { resource: 'tag', operation: 'update', tag: pick(t.tag_id), newTagName: '   ' });
		expect(empty.error?.message).toBe('New Name: a value is required');
		const long = await run(account, { resource: 'tag', operation: 'update', tag: pick(t.tag_id), newTagName: 'x'.repeat(256) });
		expect(long.error?.message).toBe('New Name: 256 characters; Constant Contact allows at most 255');
		const bad = await run(account, { resource: 'tag', operation: 'update', tag: byId('../contacts'), newTagName: 'X' });
		expect(bad.error?.message).toMatch(/^Tag: "\.\.\/contacts" is not a tag ID/);
		expect(apiRequests(fake)).toHaveLength(before);
		const missing = await run(account, { resource: 'tag', operation: 'update', tag: byId(MISSING), newTagName: 'X' });
		expect(missing.error?.message).toMatch(/^Not found in Constant Contact \(404\)/);
	});

	it('with many items, each renames its own tag and a failed one does not stop the others (Continue On Fail)', async () => {
		const { fake } = account;
		const a = fake.seed.tag({ name: 'A' });
		const b = fake.seed.tag({ name: 'B' });
		const { output } = await run(
			account,
			{ resource: 'tag', operation: 'update', tag: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, newTagName: '={{ $json.name }}' },
			[
				{ id: a.tag_id, name: 'A2' },
				{ id: b.tag_id, name: 'A2' },
			],
			true,
		);
		expect(output.map((o) => o.json.name ?? o.json.error)).toEqual(['A2', 'A tag named "A2" already exists in Constant Contact (409): Tag name A2 already exists']);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
