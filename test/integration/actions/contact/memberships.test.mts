import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, json, lists, run, startAccount } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount({ importStepMs: 20 });
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });
const byIdExpression = { __rl: true, mode: 'id', value: '={{ $json.id }}' };

describe('Contact → Add to Lists / Remove from Lists / Add Tags / Remove Tags, one contact (merge and PUT)', () => {
	it('adds and removes lists, keeping every other field', async () => {
		const { fake } = account;
		const a = fake.seed.list({ name: 'A' });
		const b = fake.seed.list({ name: 'B' });
		const c = fake.seed.contact({ email_address: { address: 'm@example.com', permission_to_send: 'explicit' }, first_name: 'Mo', list_memberships: [a.list_id], phone_numbers: [{ phone_number: '1', kind: 'home' }] });
		const added = await run(account, { operation: 'addToLists', contact: byEmail('m@example.com'), membershipLists: lists(b.list_id) });
		expect(json(added.output)).toMatchObject({ action: 'updated', list_memberships: [a.list_id, b.list_id] });
		const again = await run(account, { operation: 'addToLists', contact: byEmail('m@example.com'), membershipLists: lists(b.list_id) });
		expect(json(again.output).action).toBe('unchanged');
		const removed = await run(account, { operation: 'removeFromLists', contact: byEmail('m@example.com'), membershipLists: lists(a.list_id, b.list_id) });
		expect(json(removed.output)).toMatchObject({ action: 'updated', list_memberships: [] });
		const stored = fake.state.contacts.get(c.contact_id)!;
		expect(stored).toMatchObject({ first_name: 'Mo', list_memberships: [] });
		expect(stored.email_address.permission_to_send).toBe('explicit');
		expect(stored.phone_numbers).toHaveLength(1);
	});

	it('adds and removes tags', async () => {
		const { fake } = account;
		const t1 = fake.seed.tag({ name: 'One' });
		const t2 = fake.seed.tag({ name: 'Two' });
		const c = fake.seed.contact({ email_address: { address: 't@example.com' }, taggings: [t1.tag_id] });
		await run(account, { operation: 'addTags', contact: byEmail('t@example.com'), membershipTags: [t2.tag_id] });
		expect(fake.state.contacts.get(c.contact_id)!.taggings).toEqual([t1.tag_id, t2.tag_id]);
		await run(account, { operation: 'removeTags', contact: byEmail('t@example.com'), membershipTags: [t1.tag_id] });
		expect(fake.state.contacts.get(c.contact_id)!.taggings).toEqual([t2.tag_id]);
		expect(apiRequests(fake, 'POST')).toHaveLength(0);
	});

	it('a deleted or missing contact is a clear item error', async () => {
		const { fake } = account;
		const a = fake.seed.list({ name: 'A' });
		fake.seed.contact({ email_address: { address: 'd@example.com' }, deleted: true });
		const deleted = await run(account, { operation: 'addToLists', contact: byEmail('d@example.com'), membershipLists: lists(a.list_id) });
		expect(deleted.error?.message).toBe('The contact d@example.com is deleted in Constant Contact');
		const missing = await run(account, { operation: 'addToLists', contact: byEmail('x@example.com'), membershipLists: lists(a.list_id) });
		expect(missing.error?.message).toBe('No contact with the email address x@example.com exists in Constant Contact');
	});
});

describe('many input items: bulk activities, at most 500 contacts each, waited for', () => {
	it('adds 1,100 contacts given by ID to a list in 3 activities, then removes them', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Bulk' });
		const keep = fake.seed.list({ name: 'Keep' });
		const contacts = Array.from({ length: 1100 }, (_, i) => fake.seed.contact({ email_address: { address: `b${i}@example.com` }, list_memberships: [keep.list_id] }));
		const items = contacts.map((c) => ({ id: c.contact_id }));
		const { output, error } = await run(account, { operation: 'addToLists', contact: byIdExpression, membershipLists: lists(list.list_id) }, items);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1100);
		expect(output[1099]).toMatchObject({ json: { contact_id: contacts[1099].contact_id, action: 'added', list_ids: [list.list_id], activity_state: 'completed' }, pairedItem: { item: 1099 } });
		const posts = apiRequests(fake, 'POST');
		expect(posts.map((p) => p.path)).toEqual(Array(3).fill('/v3/activities/add_list_memberships'));
		expect(posts.map((p) => (p.body as { source: { contact_ids: string[] } }).source.contact_ids.length)).toEqual([500, 500, 100]);
		expect(contacts.every((c) => fake.state.contacts.get(c.contact_id)!.list_memberships.includes(list.list_id))).toBe(true);
		expect(apiRequests(fake, 'GET').every((r) => r.path.startsWith('/v3/activities/'))).toBe(true);

		const removed = await run(account, { operation: 'removeFromLists', contact: byIdExpression, membershipLists: lists(list.list_id) }, items);
		expect(removed.output).toHaveLength(1100);
		expect(apiRequests(fake, 'POST').filter((p) => p.path === '/v3/activities/remove_list_memberships')).toHaveLength(3);
		expect(contacts.every((c) => fake.state.contacts.get(c.contact_id)!.list_memberships.join() === keep.list_id)).toBe(true);
	});

	it('tags 501 contacts in two activities and removes the tag again', async () => {
		const { fake } = account;
		const tag = fake.seed.tag({ name: 'Bulk' });
		const contacts = Array.from({ length: 501 }, (_, i) => fake.seed.contact({ email_address: { address: `t${i}@example.com` } }));
		const items = contacts.map((c) => ({ id: c.contact_id }));
		const added = await run(account, { operation: 'addTags', contact: byIdExpression, membershipTags: [tag.tag_id] }, items);
		expect(added.output).toHaveLength(501);
		const posts = apiRequests(fake, 'POST');
		expect(posts.map((p) => p.path)).toEqual(Array(2).fill('/v3/activities/contacts_taggings_add'));
		expect(posts[0].body).toMatchObject({ tag_ids: [tag.tag_id] });
		expect(contacts.every((c) => fake.state.contacts.get(c.contact_id)!.taggings.includes(tag.tag_id))).toBe(true);
		await run(account, { operation: 'removeTags', contact: byIdExpression, membershipTags: [tag.tag_id] }, items);
		expect(contacts.every((c) => fake.state.contacts.get(c.contact_id)!.taggings.length === 0)).toBe(true);
	});

	it('by email: each item is looked up; one unknown email fails only its item under Continue On Fail; lists per item form groups', async () => {
		const { fake } = account;
		const a = fake.seed.list({ name: 'A' });
		const b = fake.seed.list({ name: 'B' });
		fake.seed.contact({ email_address: { address: 'one@example.com' } });
		fake.seed.contact({ email_address: { address: 'two@example.com' } });
		const { output } = await run(
			account,
			{
				operation: 'addToLists',
				contact: byEmail('={{ $json.email }}'),
				membershipLists: { list: [{ list: { __rl: true, mode: 'id', value: '={{ $json.list }}' } }] },
			},
			[
				{ email: 'one@example.com', list: a.list_id },
				{ email: 'nobody@example.com', list: a.list_id },
				{ email: 'two@example.com', list: b.list_id },
			],
			true,
		);
		expect(output.map((o) => o.json.action ?? o.json.error)).toEqual(['added', 'No contact with the email address nobody@example.com exists in Constant Contact', 'added']);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(apiRequests(fake, 'POST')).toHaveLength(2);
		expect(fake.seed && [...fake.state.contacts.values()].map((c) => c.list_memberships)).toEqual([[a.list_id], [b.list_id]]);
	});
});

describe('bulk activities that complete with failures for some contacts', () => {
	it('a contact Constant Contact names in activity_errors fails alone; the others are added', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'L' });
		const contacts = ['p0', 'p1', 'p2'].map((n) => fake.seed.contact({ email_address: { address: `${n}@example.com` } }));
		// Deleted after the node looked it up: the activity reports "Contact <id> not found" for it.
		fake.state.contacts.get(contacts[1].contact_id)!.deleted_at = '2026-01-01';
		const { outputs } = await run(account, { operation: 'addToLists', contact: byIdExpression, membershipLists: lists(list.list_id) }, contacts.map((c) => ({ id: c.contact_id })), 'continueErrorOutput');
		expect(outputs[0].map((o) => [o.pairedItem, o.json.action])).toEqual([[{ item: 0 }, 'added'], [{ item: 2 }, 'added']]);
		expect(outputs[1]).toHaveLength(1);
		expect(outputs[1][0].pairedItem).toEqual({ item: 1 });
		expect(outputs[1][0].json.error).toMatch(new RegExp(`^Constant Contact's bulk activity .* did not add ${contacts[1].contact_id} to the lists$`));
		expect((outputs[1][0].json.details as Record<string, unknown>).description).toMatch(`Constant Contact reported: Contact ${contacts[1].contact_id} not found`);
		// Only the activity's own answer was needed: no contact was read back.
		expect(apiRequests(fake, 'GET').filter((r) => r.path.startsWith('/v3/contacts/'))).toHaveLength(0);
	});

	it('a failure no message names: each contact is read back, and the one missing the list fails', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Target' });
		const full = Array.from({ length: 50 }, (_, i) => fake.seed.list({ name: `Full ${i}` }).list_id);
		const ok = fake.seed.contact({ email_address: { address: 'ok@example.com' } });
		// In 50 lists already: Constant Contact counts it in cannot_add_to_list_count, with no message.
		const crowded = fake.seed.contact({ email_address: { address: 'crowded@example.com' }, list_memberships: full });
		const { output, error } = await run(
			account,
			{ operation: 'addToLists', contact: byEmail('={{ $json.email }}'), membershipLists: lists(list.list_id) },
			[{ email: 'ok@example.com' }, { email: 'crowded@example.com' }],
			true,
		);
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ action: 'added', contact_id: ok.contact_id });
		expect(output[1].json.error).toMatch(/did not add crowded@example\.com to the lists/);
		expect((output[1].json.details as Record<string, unknown>).description).toMatch(/reading the contact shows the change missing/);
		expect(fake.state.contacts.get(crowded.contact_id)!.list_memberships).not.toContain(list.list_id);
	});

	it('Stop Workflow: a contact the activity could not change fails the run, naming its item', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'L' });
		const contacts = ['s0', 's1'].map((n) => fake.seed.contact({ email_address: { address: `${n}@example.com` } }));
		fake.state.contacts.get(contacts[1].contact_id)!.deleted_at = '2026-01-01';
		const { error } = await run(account, { operation: 'addToLists', contact: byIdExpression, membershipLists: lists(list.list_id) }, contacts.map((c) => ({ id: c.contact_id })));
		expect(error?.message).toMatch(/did not add .* to the lists/);
		expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
	});
});

describe('1,000 activities queued: not throttling', () => {
	/** Fills the account's activity queue the way other imports and bulk changes would. */
	function fillQueue(): string[] {
		const ids: string[] = [];
		for (let i = 0; i < 1000; i++) {
			const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
			const at = new Date().toISOString();
			account.fake.state.activities.set(id, {
				activity_id: id,
				state: 'processing',
				created_at: at,
				updated_at: at,
				percent_done: 50,
				activity_errors: [],
				status: { items_total_count: 1, items_completed_count: 0, person_count: 0, error_count: 0, correctable_count: 0, cannot_add_to_list_count: 0, list_count: 1 },
				import_data: [],
				list_ids: [],
			});
			ids.push(id);
		}
		return ids;
	}

	const activityPosts = () => apiRequests(account.fake, 'POST').filter((r) => r.path === '/v3/activities/add_list_memberships');
	const bulkAdd = (timeoutSeconds: number) => {
		const list = account.fake.seed.list({ name: 'L' });
		const contacts = ['q0', 'q1'].map((n) => account.fake.seed.contact({ email_address: { address: `${n}@example.com` } }));
		return run(account, { operation: 'addToLists', contact: byIdExpression, membershipLists: lists(list.list_id), membershipOptions: { timeoutSeconds } }, contacts.map((c) => ({ id: c.contact_id })));
	};

	it('waits for room, without a burst of retries, and then goes through', async () => {
		const queued = fillQueue();
		setTimeout(() => {
			for (const id of queued.slice(0, 10)) account.fake.state.activities.get(id)!.state = 'completed';
		}, 500).unref();
		const { output, error } = await bulkAdd(30);
		expect(error).toBeUndefined();
		expect(output.map((o) => o.json.action)).toEqual(['added', 'added']);
		expect(activityPosts().map((r) => r.status)).toEqual([429, 201]);
	});

	it('fails with that reason at the timeout, having asked a few times, not spun', async () => {
		fillQueue();
		const started = Date.now();
		const { error } = await bulkAdd(3);
		expect(error?.message).toMatch(/^Constant Contact already has 1,000 activities queued for this account \(429\)/);
		expect(error?.description).toMatch(/waited for room/);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
		expect(activityPosts().length).toBeLessThanOrEqual(3);
	});
});
