import { afterEach, describe, expect, it } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, contactByEmail, lists, mapped, automatic, run, startAccount } from './setup.mts';

let account: Account | undefined;

afterEach(async () => {
	account?.fake.assertNoContractViolations();
	await account?.fake.close();
	account = undefined;
});

const importParams = (listIds: string[], extra: Record<string, unknown> = {}) => ({
	operation: 'import',
	contactFields: automatic(),
	importListMemberships: lists(...listIds),
	...extra,
});

describe('Contact → Import', () => {
	it('imports all items in one request, waits for the activity, and keeps consent', async () => {
		account = await startAccount({ importStepMs: 150 });
		const { fake } = account;
		const list = fake.seed.list({ name: 'Imported' });
		const color = fake.seed.customField({ label: 'Favorite Color', name: 'favorite_color' });
		fake.seed.contact({ email_address: { address: 'gone@example.com', permission_to_send: 'unsubscribed', opt_out_source: 'Contact' } });
		fake.seed.contact({ email_address: { address: 'known@example.com', permission_to_send: 'explicit' }, first_name: 'Known' });
		const items = [
			{ Email: 'new1@example.com', 'First Name': 'New', 'Favorite Color': 'blue' },
			{ Email: 'new2@example.com', 'Last Name': 'Second' },
			{ Email: 'gone@example.com', 'First Name': 'Gone' },
			{ Email: 'known@example.com', Company: 'Acme' },
		];
		const { output, error } = await run(account, importParams([list.list_id]), items);
		expect(error).toBeUndefined();
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({ state: 'completed', contacts_sent: 4, items_total_count: 4, items_completed_count: 4, error_count: 0 });
		expect(output[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		// One import request, then status polls.
		expect(apiRequests(fake, 'POST').map((r) => r.path)).toEqual(['/v3/activities/contacts_json_import']);
		const created = contactByEmail(fake, 'new1@example.com')!;
		expect(created.email_address.permission_to_send).toBe('implicit');
		expect(created.list_memberships).toContain(list.list_id);
		expect(created.custom_fields).toEqual([expect.objectContaining({ custom_field_id: color.custom_field_id, value: 'blue' })]);
		// The unsubscribed contact is not re-added; the known one keeps explicit permission.
		const gone = contactByEmail(fake, 'gone@example.com')!;
		expect(gone.email_address.permission_to_send).toBe('unsubscribed');
		expect(gone.list_memberships ?? []).not.toContain(list.list_id);
		expect(contactByEmail(fake, 'known@example.com')!.email_address.permission_to_send).toBe('explicit');
		expect(output[0].json.cannot_add_to_list_count).toBe(1);
	});

	it('Map Automatically: what an item held past Constant Contact\'s limits is named in the summary, by item', async () => {
		account = await startAccount({ importStepMs: 20 });
		const list = account.fake.seed.list({ name: 'L' });
		const items = [
			{ Email: 'fits@example.com', 'Home Phone': '555-0100' },
			{ Email: 'many@example.com', 'Home Phone': '555-0101', 'Work Phone': '555-0102', 'Mobile Phone': '555-0103', 'Other Phone': '555-0104' },
		];
		const { output, error } = await run(account, importParams([list.list_id]), items);
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ state: 'completed', contacts_sent: 2 });
		expect(output[0].json.dropped).toEqual(['item 1: Phone Number "555-0104": Constant Contact takes at most 3 per contact on /contacts']);
	});

	it('reports bad items per item under Continue On Fail and imports the others', async () => {
		account = await startAccount({ importStepMs: 50 });
		const { fake } = account;
		const list = fake.seed.list({ name: 'L' });
		const items = [
			{ Email: 'ok1@example.com' },
			{ Email: 'not-an-email' },
			{ Email: `${'x'.repeat(45)}@example.com` },
			{ Email: 'ok2@example.com' },
		];
		const { output, error } = await run(account, importParams([list.list_id]), items, true);
		expect(error).toBeUndefined();
		const errors = output.filter((o) => o.json.error);
		expect(errors.map((o) => o.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(String(errors[0].json.error) + JSON.stringify(errors[0].json.details ?? '')).toMatch(/Email/);
		expect(String(errors[1].json.error) + JSON.stringify(errors[1].json.details ?? '')).toMatch(/at most 50/);
		const activity = output.find((o) => o.json.activity_id)!;
		expect(activity.json).toMatchObject({ state: 'completed', contacts_sent: 2 });
		expect(activity.pairedItem).toEqual([{ item: 0 }, { item: 3 }]);
		expect(contactByEmail(fake, 'ok2@example.com')).toBeDefined();
	});

	it('stops before any import when an item is bad and Continue On Fail is off', async () => {
		account = await startAccount();
		const list = account.fake.seed.list({ name: 'L' });
		const { error } = await run(account, importParams([list.list_id]), [{ Email: 'ok@example.com' }, { Email: 'bad' }]);
		expect(error?.message).toBeTruthy();
		expect(apiRequests(account.fake, 'POST')).toHaveLength(0);
	});

	it('requires a list for every item, also when the lists come from an expression', async () => {
		account = await startAccount();
		const byExpression = { list: [{ list: { __rl: true, mode: 'id', value: '={{ $json.lists }}' } }] };
		const { output } = await run(account, importParams([], { importListMemberships: byExpression }), [{ Email: 'a@example.com', lists: '' }], true);
		expect(String(output[0].json.error) + JSON.stringify(output[0].json.details ?? '')).toMatch(/Lists: the import needs at least one list/);
		expect(apiRequests(account.fake, 'POST')).toHaveLength(0);
	});

	it('returns the queued activity at once when waiting is off', async () => {
		account = await startAccount({ importStepMs: 5_000 });
		const list = account.fake.seed.list({ name: 'L' });
		const { output } = await run(account, importParams([list.list_id], { importOptions: { waitForCompletion: false } }), [{ Email: 'a@example.com' }]);
		expect(output[0].json).toMatchObject({ state: 'initialized', contacts_sent: 1 });
		expect(apiRequests(account.fake, 'GET')).toHaveLength(0);
	});

	it('gives up waiting at the timeout and says so, with the state so far', async () => {
		account = await startAccount({ importStepMs: 10_000 });
		const list = account.fake.seed.list({ name: 'L' });
		const started = Date.now();
		const { output } = await run(account, importParams([list.list_id], { importOptions: { timeoutSeconds: 2 } }), [{ Email: 'a@example.com' }]);
		expect(Date.now() - started).toBeLessThan(6_000);
		expect(output[0].json).toMatchObject({ wait_timed_out: true });
		expect(['initialized', 'processing']).toContain(output[0].json.state);
	});

	it('with 1,000 activities queued, fails at the timeout with that reason, after a few spaced tries', async () => {
		account = await startAccount();
		const { fake } = account;
		const list = fake.seed.list({ name: 'L' });
		fake.injectFault({ method: 'POST', path: '/activities/contacts_json_import', status: 429, body: [{ error_key: 'too_many_activities', error_message: 'You exceeded 1,000 queued activities for this user account.' }], times: 100 });
		const started = Date.now();
		const { error } = await run(account, importParams([list.list_id], { importOptions: { timeoutSeconds: 3 } }), [{ Email: 'a@example.com' }]);
		expect(error?.message).toMatch(/^Constant Contact already has 1,000 activities queued for this account \(429\)/);
		expect(Date.now() - started).toBeGreaterThanOrEqual(2_900);
		expect(apiRequests(fake, 'POST').length).toBeLessThanOrEqual(3);
	});

	it('turns a failed activity into an error for its items', async () => {
		account = await startAccount({ importStepMs: 50 });
		const list = account.fake.seed.list({ name: 'L' });
		account.fake.injectFault({
			method: 'GET',
			path: /\/v3\/activities\//,
			status: 200,
			body: { activity_id: '00000000-0000-4000-8000-000000000001', state: 'failed', percent_done: 0, activity_errors: ['Import file could not be processed'] },
			times: 5,
		});
		const { output } = await run(account, importParams([list.list_id]), [{ Email: 'a@example.com' }, { Email: 'b@example.com' }], true);
		// One error item per contact of the failed import, each paired with its own input item.
		expect(output).toHaveLength(2);
		for (const item of output) {
			expect(item.json.error).toMatch(/ended as "failed"/);
			expect((item.json.details as Record<string, unknown>).description).toMatch(/could not be processed/);
		}
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('maps fields given below for every item', async () => {
		account = await startAccount({ importStepMs: 50 });
		const list = account.fake.seed.list({ name: 'L' });
		const { output } = await run(
			account,
			importParams([list.list_id], { contactFields: mapped({ email_address: '={{ $json.mail }}', first_name: '={{ $json.name }}' }) }),
			[{ mail: 'm1@example.com', name: 'Mia' }, { mail: 'm2@example.com', name: 'Max' }],
		);
		expect(output[0].json).toMatchObject({ state: 'completed', contacts_sent: 2 });
		expect(contactByEmail(account.fake, 'm2@example.com')!.first_name).toBe('Max');
	});
});
