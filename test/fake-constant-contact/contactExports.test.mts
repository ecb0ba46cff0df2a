import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConstantContact } from './server.mts';
import { api, until } from './testUtil.mts';
import type { FakeConstantContact } from './types.mts';

let fake: FakeConstantContact;
let token: string;
beforeAll(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false, importStepMs: 100 });
	token = (await fake.issueTokens()).access_token;
});
afterAll(() => fake.close());
afterEach(() => {
	fake.assertNoContractViolations();
	fake.reset();
});

async function exportFile(body: unknown): Promise<{ activity: any; csv: string; contentType: string | null }> {
	const created = await api(fake, token, 'POST', '/activities/contact_exports', body);
	expect(created.status).toBe(201);
	const done = await until(() => api(fake, token, 'GET', `/activities/${created.body.activity_id}`), (r) => r.body.state === 'completed');
	const res = await fetch(`${fake.url}${done.body._links.results.href}`, { headers: { authorization: `Bearer ${token}` } });
	expect(res.status).toBe(200);
	return { activity: done.body, csv: await res.text(), contentType: res.headers.get('content-type') };
}

const rows = (csv: string) => csv.trimEnd().split('\r\n');

describe('POST /activities/contact_exports and GET /contact_exports/{file_export_id}', () => {
	it('moves initialized -> processing -> completed, links the file only then, and serves a CSV of the stored contacts', async () => {
		const list = fake.seed.list({ name: 'L' });
		const a = fake.seed.contact({ email_address: { address: 'a@example.com', permission_to_send: 'explicit' }, first_name: 'Quote "me", please', list_memberships: [list.list_id] });
		fake.seed.contact({ email_address: { address: 'gone@example.com' }, deleted: true });
		const created = await api(fake, token, 'POST', '/activities/contact_exports', {});
		expect(created.body).toMatchObject({ state: 'initialized', status: { items_total_count: 1, items_completed_count: 0 } });
		expect(created.body._links).toEqual({ self: { href: `/v3/activities/${created.body.activity_id}` } });
		const early = await api(fake, token, 'GET', `/contact_exports/${created.body.activity_id}`);
		expect(early.status).toBe(404);
		const processing = await until(() => api(fake, token, 'GET', `/activities/${created.body.activity_id}`), (r) => r.body.state !== 'initialized');
		expect(processing.body.state).toBe('processing');
		expect(processing.body._links.results).toBeUndefined();
		const { activity, csv, contentType } = await exportFile({});
		expect(activity).toMatchObject({ state: 'completed', percent_done: 100, status: { items_total_count: 1, items_completed_count: 1 } });
		expect(activity._links.results.href).toBe(`/v3/contact_exports/${activity.activity_id}`);
		expect(contentType).toBe('text/csv');
		const [header, row] = rows(csv);
		expect(header.split(',').slice(0, 4)).toEqual(['contact_id', 'email_address', 'first_name', 'last_name']);
		expect(header).toContain('email_permission');
		expect(row.startsWith(`${a.contact_id},a@example.com,"Quote ""me"", please",`)).toBe(true);
		expect(row).toContain(',explicit,');
		expect(rows(csv)).toHaveLength(2); // the deleted contact is not exported
	});

	it('applies the filters: lists with status, tags, removed, contact IDs, new subscribers with exclude', async () => {
		const list = fake.seed.list({ name: 'L' });
		const tag = fake.seed.tag({ name: 'T' });
		const a = fake.seed.contact({ email_address: { address: 'a@example.com' }, list_memberships: [list.list_id] });
		const u = fake.seed.contact({ email_address: { address: 'u@example.com', permission_to_send: 'unsubscribed' }, list_memberships: [list.list_id] });
		const t = fake.seed.contact({ email_address: { address: 't@example.com' }, taggings: [tag.tag_id] });
		const d = fake.seed.contact({ email_address: { address: 'd@example.com' }, deleted: true });
		const emails = async (body: unknown) => rows((await exportFile({ ...(body as object), fields: ['email_address'] })).csv).slice(1).map((r) => r.split(',')[1]).sort();
		expect(await emails({ list_ids: [list.list_id], status: 'active' })).toEqual(['a@example.com']);
		expect(await emails({ list_ids: [list.list_id], status: 'unsubscribed' })).toEqual(['u@example.com']);
		expect(await emails({ tag_ids: [tag.tag_id] })).toEqual(['t@example.com']);
		expect(await emails({ status: 'removed' })).toEqual(['d@example.com']);
		expect(await emails({ contact_ids: [a.contact_id, d.contact_id] })).toEqual(['a@example.com']);
		expect(await emails({ new_subscriber: true, exclude: { contact_ids: [t.contact_id] } })).toEqual(['a@example.com']);
		void u;
	});

	it('exports only the fields asked for, in file order', async () => {
		fake.seed.contact({ email_address: { address: 'a@example.com' }, company_name: 'Acme', first_name: 'Ann' });
		const { csv } = await exportFile({ fields: ['company_name', 'first_name'] });
		expect(rows(csv)[0]).toBe('contact_id,first_name,company_name');
		expect(rows(csv)[1].split(',').slice(1)).toEqual(['Ann', 'Acme']);
	});

	it.each([
		[{ tag_ids: ['0b4d7f4e-0000-4000-8000-000000000001'], list_ids: ['0b4d7f4e-0000-4000-8000-000000000002'] }, 'tag_ids cannot be combined with list_ids'],
		[{ status: 'bounced' }, '#/status: bounced is not one of active, unsubscribed, removed'],
		[{ fields: ['email_optout_date'] }, 'email_address must be exported'],
		[{ fields: ['shoe_size'] }, 'unknown field(s) shoe_size'],
		[{ list_ids: ['0b4d7f4e-0000-4000-8000-000000000002'] }, 'list 0b4d7f4e-0000-4000-8000-000000000002 does not exist'],
	])('refuses %j with 400', async (body, message) => {
		const r = await api(fake, token, 'POST', '/activities/contact_exports', body);
		expect(r.status).toBe(400);
		expect(JSON.stringify(r.body)).toContain(message);
	});

	it('answers 404 for an unknown file and for an activity that is not an export', async () => {
		expect((await api(fake, token, 'GET', '/contact_exports/0b4d7f4e-0000-4000-8000-000000000001')).status).toBe(404);
		const c = fake.seed.contact({ email_address: { address: 'a@example.com' } });
		const del = await api(fake, token, 'POST', '/activities/contact_delete', { contact_ids: [c.contact_id] });
		expect((await api(fake, token, 'GET', `/contact_exports/${del.body.activity_id}`)).status).toBe(404);
	});
});

describe('POST /activities/contact_delete', () => {
	it('deletes by contact_ids when it completes, counting unknown IDs as errors', async () => {
		const a = fake.seed.contact({ email_address: { address: 'a@example.com' } });
		const unknown = '0b4d7f4e-0000-4000-8000-000000000001';
		const created = await api(fake, token, 'POST', '/activities/contact_delete', { contact_ids: [a.contact_id, unknown] });
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ state: 'initialized', status: { items_total_count: 2, items_completed_count: 0 } });
		expect(a.deleted_at).toBeUndefined();
		const done = await until(() => api(fake, token, 'GET', `/activities/${created.body.activity_id}`), (r) => r.body.state === 'completed');
		expect(done.body).toMatchObject({ status: { items_total_count: 2, items_completed_count: 2, error_count: 1 }, activity_errors: [`Contact ${unknown} not found`] });
		expect(a.deleted_at).toBeDefined();
		const gone = await api(fake, token, 'GET', '/contacts', undefined);
		expect(gone.body.contacts).toEqual([]);
	});

	it('deletes every member of the lists given by list_ids', async () => {
		const list = fake.seed.list({ name: 'L' });
		const a = fake.seed.contact({ email_address: { address: 'a@example.com' }, list_memberships: [list.list_id] });
		const b = fake.seed.contact({ email_address: { address: 'b@example.com' } });
		const created = await api(fake, token, 'POST', '/activities/contact_delete', { list_ids: [list.list_id] });
		expect(created.body.status).toMatchObject({ list_count: 1 });
		await until(() => api(fake, token, 'GET', `/activities/${created.body.activity_id}`), (r) => r.body.state === 'completed');
		expect(a.deleted_at).toBeDefined();
		expect(b.deleted_at).toBeUndefined();
	});

	it.each([
		[{}, 'exactly one of contact_ids or list_ids'],
		[{ contact_ids: ['0b4d7f4e-0000-4000-8000-000000000001'], list_ids: ['0b4d7f4e-0000-4000-8000-000000000002'] }, 'exactly one of contact_ids or list_ids'],
		[{ contact_ids: Array.from({ length: 501 }, (_, i) => `0b4d7f4e-0000-4000-8000-${String(i).padStart(12, '0')}`) }, '501'],
		[{ contact_ids: ['not-a-uuid'] }, 'uuid'],
	])('refuses %j with 400', async (body, message) => {
		const r = await api(fake, token, 'POST', '/activities/contact_delete', body);
		expect(r.status).toBe(400);
		expect(JSON.stringify(r.body)).toContain(message);
		fake.contractViolations.length = 0; // the contract check itself reports the bad request
	});
});
