import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, run, startAccount } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount({ importStepMs: 20 });
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const requestLine = (r: { method: string; path: string; status?: number }) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, '{id}')} ${r.status}`;

describe('Contact → Export', () => {
	it('exports every contact that is not deleted in three requests, one item each, simplified by default', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Newsletter' });
		const tag = fake.seed.tag({ name: 'VIP' });
		const a = fake.seed.contact({
			email_address: { address: 'a@example.com', permission_to_send: 'explicit' },
			first_name: 'Ann, "the first"',
			last_name: 'Line\nBreak',
			list_memberships: [list.list_id],
			taggings: [tag.tag_id],
		});
		const b = fake.seed.contact({ email_address: { address: 'b@example.com', permission_to_send: 'unsubscribed', opt_out_source: 'Contact' } });
		fake.seed.contact({ email_address: { address: 'gone@example.com' }, deleted: true });
		const { output, error } = await run(account, { operation: 'export', output: 'simple' });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(2);
		const byEmail = new Map(output.map((o) => [o.json.email, o.json]));
		expect(byEmail.get('a@example.com')).toEqual({
			contact_id: a.contact_id,
			email: 'a@example.com',
			first_name: 'Ann, "the first"',
			last_name: 'Line\nBreak',
			permission_to_send: 'explicit',
			opt_out_date: null,
			list_ids: [list.list_id],
			tag_ids: [tag.tag_id],
			created_at: a.created_at,
			updated_at: a.updated_at,
		});
		const unsubscribed = byEmail.get('b@example.com')!;
		expect(unsubscribed).toMatchObject({ contact_id: b.contact_id, permission_to_send: 'unsubscribed', list_ids: [], tag_ids: [] });
		expect(unsubscribed.opt_out_date).toBe(b.email_address.opt_out_date);
		expect(output.every((o) => (o.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(apiRequests(fake).map(requestLine)).toEqual([
			'POST /v3/activities/contact_exports 201',
			'GET /v3/activities/{id} 200',
			'GET /v3/contact_exports/{id} 200',
		]);
		// Simplified asks for every field (Constant Contact's default) and keeps ten.
		expect(apiRequests(fake)[0].body).toEqual({});
	});

	it('filters by lists and status, and by tags, as the contract combines them', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'L' });
		const tag = fake.seed.tag({ name: 'T' });
		fake.seed.contact({ email_address: { address: 'in@example.com' }, list_memberships: [list.list_id] });
		fake.seed.contact({ email_address: { address: 'out@example.com', permission_to_send: 'unsubscribed' }, list_memberships: [list.list_id] });
		fake.seed.contact({ email_address: { address: 'other@example.com' }, taggings: [tag.tag_id] });
		const active = await run(account, { operation: 'export', output: 'simple', exportFilters: { lists: [list.list_id], status: 'active' } });
		expect(active.output.map((o) => o.json.email)).toEqual(['in@example.com']);
		expect(apiRequests(fake, 'POST')[0].body).toEqual({ list_ids: [list.list_id], status: 'active' });
		const unsubscribed = await run(account, { operation: 'export', output: 'simple', exportFilters: { status: 'unsubscribed' } });
		expect(unsubscribed.output.map((o) => [o.json.email, o.json.permission_to_send])).toEqual([['out@example.com', 'unsubscribed']]);
		const tagged = await run(account, { operation: 'export', output: 'simple', exportFilters: { tags: [tag.tag_id] } });
		expect(tagged.output.map((o) => o.json.email)).toEqual(['other@example.com']);
	});

	it('Selected Fields asks Constant Contact for those columns only (the address too for opt-out details)', async () => {
		const { fake } = account;
		const c = fake.seed.contact({ email_address: { address: 'x@example.com', permission_to_send: 'implicit' }, company_name: 'Acme', job_title: 'Boss' });
		const { output } = await run(account, { operation: 'export', output: 'fields', fields: ['company_name', 'email_optout_reason', 'email_permission'] });
		expect(apiRequests(fake, 'POST')[0].body).toEqual({ fields: ['email_address', 'company_name', 'email_optout_reason', 'email_permission'] });
		expect(output.map((o) => o.json)).toEqual([
			{ contact_id: c.contact_id, email_address: 'x@example.com', company_name: 'Acme', email_optout_reason: '', email_permission: 'implicit' },
		]);
	});

	it('Raw outputs every column of the file', async () => {
		const { fake } = account;
		fake.seed.contact({ email_address: { address: 'r@example.com' }, phone_numbers: [{ phone_number: '555-0100', kind: 'home' }], street_addresses: [{ kind: 'home', city: 'Boston' }] });
		const { output } = await run(account, { operation: 'export' });
		expect(Object.keys(output[0].json)).toEqual(expect.arrayContaining(['contact_id', 'email_address', 'phone_number', 'city', 'email_permission', 'email_lists', 'created_at']));
		expect(output[0].json).toMatchObject({ email_address: 'r@example.com', phone_number: '555-0100', city: 'Boston' });
	});

	it('exports 1,200 contacts with the same three requests', async () => {
		const { fake } = account;
		for (let i = 0; i < 1200; i++) fake.seed.contact({ email_address: { address: `c${i}@example.com` } });
		const { output } = await run(account, { operation: 'export', output: 'simple' });
		expect(output).toHaveLength(1200);
		expect(new Set(output.map((o) => o.json.email)).size).toBe(1200);
		expect(apiRequests(fake)).toHaveLength(3);
	});

	it.each([
		[{ tags: ['0b4d7f4e-0000-4000-8000-000000000001'], lists: ['0b4d7f4e-0000-4000-8000-000000000002'] }, 'Tags: Constant Contact exports by tags only without other filters'],
		[{ status: 'active', newSubscriber: true }, 'Status: Constant Contact does not combine a status with New Subscribers Only'],
		[{ lists: ['not-a-list'] }, 'Lists: "not-a-list" is not a list ID'],
		[{ lists: Array.from({ length: 51 }, (_, i) => `0b4d7f4e-0000-4000-8000-${String(i).padStart(12, '0')}`) }, 'Lists: 51 given; Constant Contact exports at most 50 lists at once'],
		[{ status: 'bounced' }, 'Status: "bounced" is not one of active, unsubscribed, removed'],
	])('refuses %j before any request', async (exportFilters, message) => {
		const { error } = await run(account, { operation: 'export', exportFilters });
		expect(error?.message).toContain(message);
		expect(apiRequests(account.fake)).toHaveLength(0);
	});

	it('refuses Selected Fields without fields', async () => {
		const { error } = await run(account, { operation: 'export', output: 'fields', fields: [] });
		expect(error?.message).toContain('Fields: choose at least one field');
		expect(apiRequests(account.fake)).toHaveLength(0);
	});

	it('fails clearly when the file is not ready within the timeout, and when the export failed', async () => {
		const slow = await startAccount({ importStepMs: 60_000 });
		try {
			const { error } = await run(slow, { operation: 'export', exportOptions: { timeoutSeconds: 0 } });
			expect(error?.message).toMatch(/^Constant Contact's export [0-9a-f-]{36} was not ready within the timeout \(state "initialized"\)$/);
			expect(apiRequests(slow.fake, 'GET').filter((r) => r.path.startsWith('/v3/contact_exports'))).toHaveLength(0);
		} finally {
			await slow.fake.close();
		}
		account.fake.injectFault({
			method: 'GET',
			path: /^\/activities\//,
			status: 200,
			body: { activity_id: '0b4d7f4e-0000-4000-8000-000000000009', state: 'failed', activity_errors: ['Export could not be written'] },
		});
		const failed = await run(account, { operation: 'export' });
		expect(failed.error?.message).toBe(`Constant Contact's export 0b4d7f4e-0000-4000-8000-000000000009 ended as "failed"`);
		expect(failed.error?.description).toBe('Export could not be written');
	});

	it('the file request is paced and retried like any other: a 429 and a 503 before the file', async () => {
		const { fake } = account;
		fake.seed.contact({ email_address: { address: 'r@example.com' } });
		fake.injectFault({ method: 'GET', path: /^\/contact_exports\//, status: 429, body: { error_key: 'throttled', error_message: 'Too Many Requests' } });
		fake.injectFault({ method: 'GET', path: /^\/contact_exports\//, status: 503, body: [{ error_key: 'server_error', error_message: 'Service Unavailable' }] });
		const { output, error } = await run(account, { operation: 'export', output: 'simple' });
		expect(error).toBeUndefined();
		expect(output.map((o) => o.json.email)).toEqual(['r@example.com']);
		expect(apiRequests(fake).map(requestLine)).toEqual([
			'POST /v3/activities/contact_exports 201',
			'GET /v3/activities/{id} 200',
			'GET /v3/contact_exports/{id} 429',
			'GET /v3/contact_exports/{id} 503',
			'GET /v3/contact_exports/{id} 200',
		]);
	});

	it('an error answer to the file request is reported with Constant Contact\'s words, and Continue On Fail keeps the item', async () => {
		account.fake.seed.contact({ email_address: { address: 'e@example.com' } });
		account.fake.injectFault({ method: 'GET', path: /^\/contact_exports\//, status: 404, body: [{ error_key: 'not_found', error_message: 'Export file not found' }] });
		const { output } = await run(account, { operation: 'export' }, [{}], true);
		expect(output).toHaveLength(1);
		expect(String(output[0].json.error)).toContain('Export file not found');
	});
});
