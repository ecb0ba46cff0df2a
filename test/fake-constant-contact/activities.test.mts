import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConstantContact } from './server.mts';
import { api, until } from './testUtil.mts';
import type { FakeConstantContact } from './types.mts';

let fake: FakeConstantContact;
let token: string;
beforeAll(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false, importStepMs: 150 });
	token = (await fake.issueTokens()).access_token;
});
afterAll(() => fake.close());
afterEach(() => {
	fake.assertNoContractViolations();
	fake.reset();
});

describe('POST /activities/contacts_json_import', () => {
	it('moves initialized -> processing -> completed and then applies the rows', async () => {
		const list = fake.seed.list({ name: 'Import' });
		const other = fake.seed.list({ name: 'Other' });
		const color = fake.seed.customField({ label: 'Color' });
		const existing = fake.seed.contact({ email_address: { address: 'old@example.com', permission_to_send: 'explicit' }, first_name: 'Old', list_memberships: [other.list_id] });
		const unsub = fake.seed.contact({ email_address: { address: 'gone@example.com', permission_to_send: 'unsubscribed' } });
		const created = await api(fake, token, 'POST', '/activities/contacts_json_import', {
			import_data: [
				{ email: 'new@example.com', first_name: 'New', 'cf:color': 'blue', home_phone: '555-0100', home_city: 'Boston' },
				{ email: 'old@example.com', last_name: 'Timer' },
				{ email: 'gone@example.com' },
				{ email: 'not an email' },
			],
			list_ids: [list.list_id],
		});
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ state: 'initialized', status: { items_total_count: 4 }, _links: { self: { href: `/v3/activities/${created.body.activity_id}` } } });
		const get = () => api(fake, token, 'GET', `/activities/${created.body.activity_id}`);
		expect((await get()).body.state).toBe('initialized');
		expect(fake.state.contacts.size).toBe(2); // nothing applied yet
		const processing = await until(get, (r) => r.body.state !== 'initialized');
		expect(processing.body.state).toBe('processing');
		const done = await until(get, (r) => r.body.state === 'completed');
		expect(done.body).toMatchObject({
			state: 'completed',
			percent_done: 100,
			status: { items_total_count: 4, items_completed_count: 4, person_count: 3, error_count: 1, cannot_add_to_list_count: 1, list_count: 1 },
		});
		expect(done.body.activity_errors).toHaveLength(1);
		expect(done.body.activity_errors[0]).toContain('Row 4');

		const fresh = [...fake.state.contacts.values()].find((c) => c.email_address.address === 'new@example.com')!;
		expect(fresh.email_address).toMatchObject({ permission_to_send: 'implicit', opt_in_source: 'Account' });
		expect(fresh.list_memberships).toEqual([list.list_id]);
		expect(fresh.custom_fields).toEqual([{ custom_field_id: color.custom_field_id, value: 'blue' }]);
		expect(fresh.phone_numbers).toMatchObject([{ kind: 'home', phone_number: '555-0100' }]);
		expect(fresh.street_addresses).toMatchObject([{ kind: 'home', city: 'Boston' }]);
		expect(existing.email_address.permission_to_send).toBe('explicit'); // kept
		expect(existing).toMatchObject({ first_name: 'Old', last_name: 'Timer' });
		expect(existing.list_memberships).toEqual([other.list_id, list.list_id]);
		expect(unsub.email_address.permission_to_send).toBe('unsubscribed');
		expect(unsub.list_memberships).toEqual([]); // never re-added to lists
	});

	it('validates list_ids (1-50, existing) and answers 404 for an unknown activity', async () => {
		const unknown = await api(fake, token, 'POST', '/activities/contacts_json_import', { import_data: [{ email: 'a@example.com' }], list_ids: ['00000000-0000-4000-8000-000000000000'] });
		expect(unknown.status).toBe(400);
		expect(unknown.body[0].error_message).toContain('#/list_ids/0');
		const missing = await api(fake, token, 'GET', '/activities/00000000-0000-4000-8000-000000000000');
		expect(missing.status).toBe(404);
		expect(Array.isArray(missing.body)).toBe(true);
	});

	it('refuses a body of 4 MB or more with 413', async () => {
		const list = fake.seed.list({ name: 'Big' });
		const rows = Array.from({ length: 40_000 }, (_, i) => ({ email: `person${i}@example.com`, first_name: 'x'.repeat(50), last_name: 'y'.repeat(50) }));
		const body = JSON.stringify({ import_data: rows, list_ids: [list.list_id] });
		expect(body.length).toBeGreaterThan(4 * 1024 * 1024);
		const r = await api(fake, token, 'POST', '/activities/contacts_json_import', body);
		expect(r.status).toBe(413);
		expect(fake.state.activities.size).toBe(0);
	});

	it('accepts 40,000 small rows and refuses 40,001', async () => {
		const list = fake.seed.list({ name: 'Many' });
		const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `p${i}@example.com` }));
		const ok = await api(fake, token, 'POST', '/activities/contacts_json_import', { import_data: rows(40_000), list_ids: [list.list_id] });
		expect(ok.status).toBe(201);
		const over = await api(fake, token, 'POST', '/activities/contacts_json_import', { import_data: rows(40_001), list_ids: [list.list_id] });
		expect(over.status).toBe(400);
		expect(over.body[0].error_message).toContain('#/import_data');
	});
});
