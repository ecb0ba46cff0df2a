import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConstantContact } from './server.mts';
import { api } from './testUtil.mts';
import type { FakeConstantContact } from './types.mts';

let fake: FakeConstantContact;
let token: string;
beforeAll(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false });
	token = (await fake.issueTokens()).access_token;
});
afterAll(() => fake.close());
afterEach(() => {
	fake.assertNoContractViolations();
	fake.reset();
});

const signUp = (body: unknown) => api(fake, token, 'POST', '/contacts/sign_up_form', body);

describe('POST /contacts/sign_up_form', () => {
	it('creates (201) then updates (200) the same contact, keyed on the email', async () => {
		const list = fake.seed.list({ name: 'A' });
		const created = await signUp({ email_address: 'new@example.com', first_name: 'New', list_memberships: [list.list_id] });
		expect(created.status).toBe(201);
		expect(created.body).toEqual({ contact_id: expect.any(String), action: 'created' });
		const stored = fake.state.contacts.get(created.body.contact_id)!;
		expect(stored.email_address).toMatchObject({ permission_to_send: 'explicit', opt_in_source: 'Contact' });
		const updated = await signUp({ email_address: 'NEW@example.com', last_name: 'Person', list_memberships: [list.list_id] });
		expect(updated.status).toBe(200);
		expect(updated.body).toEqual({ contact_id: created.body.contact_id, action: 'updated' });
		expect(stored.first_name).toBe('New'); // partial update: not given, kept
		expect(stored.last_name).toBe('Person');
		expect(fake.state.contacts.size).toBe(1);
	});

	it('appends new lists and custom fields instead of replacing them', async () => {
		const a = fake.seed.list({ name: 'A' });
		const b = fake.seed.list({ name: 'B' });
		const color = fake.seed.customField({ label: 'Color' });
		const size = fake.seed.customField({ label: 'Size' });
		const c = fake.seed.contact({ email_address: { address: 'm@example.com' }, list_memberships: [a.list_id], custom_fields: [{ custom_field_id: color.custom_field_id, value: 'red' }] });
		const r = await signUp({ email_address: 'm@example.com', list_memberships: [b.list_id], custom_fields: [{ custom_field_id: size.custom_field_id, value: 'L' }] });
		expect(r.status).toBe(200);
		expect(c.list_memberships).toEqual([a.list_id, b.list_id]);
		expect(c.custom_fields).toEqual([
			{ custom_field_id: color.custom_field_id, value: 'red' },
			{ custom_field_id: size.custom_field_id, value: 'L' },
		]);
	});

	it('sets explicit permission on an unsubscribed contact and clears the opt-out', async () => {
		const list = fake.seed.list({ name: 'A' });
		const c = fake.seed.contact({ email_address: { address: 'u@example.com', permission_to_send: 'unsubscribed', opt_out_reason: 'too many' } });
		expect(c.email_address.opt_out_source).toBe('Contact');
		const r = await signUp({ email_address: 'u@example.com', list_memberships: [list.list_id] });
		expect(r.status).toBe(200);
		expect(c.email_address.permission_to_send).toBe('explicit');
		expect(c.email_address.opt_out_source).toBeUndefined();
		expect(c.email_address.opt_out_date).toBeUndefined();
		expect(c.email_address.opt_out_reason).toBeUndefined();
		expect(c.list_memberships).toEqual([list.list_id]);
	});

	it('restores a deleted contact (200 updated)', async () => {
		const list = fake.seed.list({ name: 'A' });
		const c = fake.seed.contact({ email_address: { address: 'd@example.com' }, deleted: true });
		const r = await signUp({ email_address: 'd@example.com', list_memberships: [list.list_id] });
		expect(r.body).toEqual({ contact_id: c.contact_id, action: 'updated' });
		expect(c.deleted_at).toBeUndefined();
	});

	it('takes one flat phone and address', async () => {
		const list = fake.seed.list({ name: 'A' });
		const r = await signUp({ email_address: 'flat@example.com', phone_number: '555-0100', street_address: { kind: 'home', city: 'Boston' }, list_memberships: [list.list_id] });
		const c = fake.state.contacts.get(r.body.contact_id)!;
		expect(c.phone_numbers.map((p) => p.phone_number)).toEqual(['555-0100']);
		expect(c.street_addresses).toMatchObject([{ kind: 'home', city: 'Boston' }]);
	});

	it('requires list_memberships (1-50) and an email of at most 50 characters', async () => {
		const list = fake.seed.list({ name: 'A' });
		const none = await signUp({ email_address: 'x@example.com' });
		expect(none.status).toBe(400);
		expect(none.body[0].error_message).toContain('list_memberships');
		const empty = await signUp({ email_address: 'x@example.com', list_memberships: [] });
		expect(empty.body[0].error_message).toContain('#/list_memberships');
		const long = await signUp({ email_address: `${'a'.repeat(45)}@example.com`, list_memberships: [list.list_id] });
		expect(long.status).toBe(400);
		expect(long.body[0].error_message).toContain('#/email_address');
		const unknownList = await signUp({ email_address: 'x@example.com', list_memberships: ['00000000-0000-4000-8000-000000000000'] });
		expect(unknownList.status).toBe(400);
		expect(fake.state.contacts.size).toBe(0);
		fake.contractViolations.length = 0; // the first three break the swagger on purpose
	});
});
