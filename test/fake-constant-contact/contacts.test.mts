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

const post = (body: unknown) => api(fake, token, 'POST', '/contacts', body);

describe('POST /contacts', () => {
	it('creates a contact (201) with created_at/updated_at and the subresources it was given', async () => {
		const list = fake.seed.list({ name: 'Newsletter' });
		const tag = fake.seed.tag({ name: 'VIP' });
		const field = fake.seed.customField({ label: 'Favorite color' });
		const r = await post({
			email_address: { address: 'ada@example.com', permission_to_send: 'explicit' },
			first_name: 'Ada',
			create_source: 'Account',
			list_memberships: [list.list_id],
			taggings: [tag.tag_id],
			custom_fields: [{ custom_field_id: field.custom_field_id, value: 'green' }],
			phone_numbers: [{ phone_number: '555-0100', kind: 'mobile' }],
		});
		expect(r.status).toBe(201);
		expect(r.body).toMatchObject({
			first_name: 'Ada',
			create_source: 'Account',
			email_address: { address: 'ada@example.com', permission_to_send: 'explicit', opt_in_source: 'Account' },
			list_memberships: [list.list_id],
			taggings: [tag.tag_id],
			custom_fields: [{ custom_field_id: field.custom_field_id, value: 'green' }],
			phone_numbers: [{ phone_number: '555-0100', kind: 'mobile' }],
		});
		expect(r.body.street_addresses).toBeUndefined(); // not given, not shown
		expect(Date.parse(r.body.created_at)).not.toBeNaN();
		expect(r.body.updated_at).toBe(r.body.created_at);
		expect(fake.state.contacts.get(r.body.contact_id)!.first_name).toBe('Ada');
	});

	it('defaults permission_to_send to implicit', async () => {
		const r = await post({ email_address: { address: 'x@example.com' }, create_source: 'Contact' });
		expect(r.body.email_address.permission_to_send).toBe('implicit');
	});

	it('answers 409 contacts.api.conflict for an existing email, deleted or not, in any case', async () => {
		fake.seed.contact({ email_address: { address: 'taken@example.com' } });
		fake.seed.contact({ email_address: { address: 'gone@example.com' }, deleted: true });
		for (const address of ['taken@example.com', 'GONE@example.com']) {
			const r = await post({ email_address: { address }, create_source: 'Account' });
			expect(r.status).toBe(409);
			expect(r.body).toEqual([{ error_key: 'contacts.api.conflict', error_message: `Email address ${address} is not unique` }]);
		}
		expect(fake.state.contacts.size).toBe(2);
	});

	it('answers 400 naming the field for limits beyond the swagger (kinds, birthday, unknown ids)', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ phone_numbers: [{ phone_number: '1', kind: 'fax' }] }, '#/phone_numbers/0/kind'],
			[{ street_addresses: [{ kind: 'billing', city: 'X' }] }, '#/street_addresses/0/kind'],
			[{ birthday_month: 2 }, '#/birthday_day'],
			[{ birthday_month: 13, birthday_day: 1 }, '#/birthday_month'],
			[{ birthday_month: 2, birthday_day: 30 }, '#/birthday_day'],
			[{ anniversary: '2020-13-01' }, '#/anniversary'],
			[{ list_memberships: ['00000000-0000-4000-8000-000000000000'] }, '#/list_memberships/0'],
			[{ taggings: ['00000000-0000-4000-8000-000000000000'] }, '#/taggings/0'],
			[{ custom_fields: [{ custom_field_id: '00000000-0000-4000-8000-000000000000', value: 'v' }] }, '#/custom_fields/0/custom_field_id'],
			[{ create_source: 'Robot' }, '#/create_source'],
			[{ email_address: { address: 'not-an-email' } }, '#/email_address/address'],
		];
		for (const [patch, field] of cases) {
			const r = await post({ email_address: { address: 'limits@example.com' }, create_source: 'Account', ...patch });
			expect(r.status, field).toBe(400);
			expect(r.body[0].error_key).toBe('contacts.api.validation.error');
			expect(r.body.map((e: { error_message: string }) => e.error_message).join('\n')).toContain(field);
		}
		expect(fake.state.contacts.size).toBe(0);
		expect(fake.contractViolations).toEqual([]); // all of these conform to the swagger
	});

	it('answers 400 naming the field for limits the swagger states, and records them as violations', async () => {
		const r = await post({ email_address: { address: 'long@example.com' }, create_source: 'Account', first_name: 'x'.repeat(51) });
		expect(r.status).toBe(400);
		expect(r.body).toEqual([{ error_key: 'contacts.api.validation.error', error_message: '#/first_name: expected maxLength: 50, actual: 51' }]);
		const four = await post({ email_address: { address: 'p@example.com' }, create_source: 'Account', phone_numbers: Array(4).fill({ phone_number: '1', kind: 'home' }) });
		expect(four.body[0].error_message).toBe('#/phone_numbers: expected maximum item count: 3, found: 4');
		expect(fake.contractViolations).toHaveLength(2);
		fake.contractViolations.length = 0;
	});
});

describe('GET /contacts/{contact_id} and include=', () => {
	it('shows subresources only when included', async () => {
		const list = fake.seed.list({ name: 'L' });
		const c = fake.seed.contact({
			email_address: { address: 'inc@example.com' },
			list_memberships: [list.list_id],
			phone_numbers: [{ phone_number: '1', kind: 'home' }],
			notes: [{ content: 'hello' }],
		});
		const plain = await api(fake, token, 'GET', `/contacts/${c.contact_id}`);
		expect(plain.status).toBe(200);
		for (const k of ['list_memberships', 'phone_numbers', 'notes', 'custom_fields', 'taggings', 'street_addresses']) expect(plain.body[k]).toBeUndefined();
		const some = await api(fake, token, 'GET', `/contacts/${c.contact_id}?include=list_memberships,notes`);
		expect(some.body.list_memberships).toEqual([list.list_id]);
		expect(some.body.notes[0].content).toBe('hello');
		expect(some.body.phone_numbers).toBeUndefined();
		const bad = await api(fake, token, 'GET', `/contacts/${c.contact_id}?include=everything`);
		expect(bad.status).toBe(400);
		fake.contractViolations.length = 0; // an enum violation, on purpose
	});

	it('returns a deleted contact with deleted_at, and 404 for an unknown id', async () => {
		const c = fake.seed.contact({ email_address: { address: 'del@example.com' }, deleted: true });
		const r = await api(fake, token, 'GET', `/contacts/${c.contact_id}`);
		expect(r.status).toBe(200);
		expect(r.body.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const missing = await api(fake, token, 'GET', '/contacts/00000000-0000-4000-8000-000000000000');
		expect(missing.status).toBe(404);
		expect(missing.body[0].error_key).toBe('contacts.api.not_found');
	});
});

describe('PUT /contacts/{contact_id}', () => {
	it('nulls omitted top-level fields, keeps omitted subresources, replaces given ones', async () => {
		const list = fake.seed.list({ name: 'L' });
		const c = fake.seed.contact({
			email_address: { address: 'put@example.com', permission_to_send: 'explicit' },
			first_name: 'Old',
			last_name: 'Name',
			job_title: 'CTO',
			birthday_month: 5,
			birthday_day: 6,
			list_memberships: [list.list_id],
			phone_numbers: [{ phone_number: '1', kind: 'home' }],
		});
		const r = await api(fake, token, 'PUT', `/contacts/${c.contact_id}`, {
			email_address: { address: 'put@example.com' },
			first_name: 'New',
			update_source: 'Account',
			street_addresses: [{ kind: 'work', city: 'Boston' }],
		});
		expect(r.status).toBe(200);
		const stored = fake.state.contacts.get(c.contact_id)!;
		expect(stored.first_name).toBe('New');
		for (const k of ['last_name', 'job_title', 'birthday_month', 'birthday_day'] as const) expect(stored[k]).toBeUndefined();
		expect(r.body.last_name).toBeUndefined();
		expect(stored.list_memberships).toEqual([list.list_id]);
		expect(stored.phone_numbers[0]!.phone_number).toBe('1');
		expect(stored.street_addresses.map((a) => a.city)).toEqual(['Boston']);
		expect(stored.email_address.permission_to_send).toBe('explicit'); // not given: kept
		expect(stored.update_source).toBe('Account');
	});

	it('requires update_source (contract) and answers 404 for an unknown contact', async () => {
		const c = fake.seed.contact({ email_address: { address: 'src@example.com' } });
		const r = await api(fake, token, 'PUT', `/contacts/${c.contact_id}`, { email_address: { address: 'src@example.com' } });
		expect(r.status).toBe(400);
		expect(r.body[0].error_message).toContain('update_source');
		fake.contractViolations.length = 0;
		const missing = await api(fake, token, 'PUT', '/contacts/00000000-0000-4000-8000-000000000000', { email_address: { address: 'a@example.com' }, update_source: 'Account' });
		expect(missing.status).toBe(404);
	});

	it("revives a deleted contact and answers 409 when taking another contact's address", async () => {
		const c = fake.seed.contact({ email_address: { address: 'rev@example.com' }, deleted: true });
		fake.seed.contact({ email_address: { address: 'other@example.com' } });
		const r = await api(fake, token, 'PUT', `/contacts/${c.contact_id}`, { email_address: { address: 'rev@example.com' }, update_source: 'Account' });
		expect(r.status).toBe(200);
		expect(fake.state.contacts.get(c.contact_id)!.deleted_at).toBeUndefined();
		const clash = await api(fake, token, 'PUT', `/contacts/${c.contact_id}`, { email_address: { address: 'other@example.com' }, update_source: 'Account' });
		expect(clash.status).toBe(409);
	});

	it('restores a deleted contact only with update_source Account', async () => {
		const c = fake.seed.contact({ email_address: { address: 'gone@example.com' }, deleted: true });
		const refused = await api(fake, token, 'PUT', `/contacts/${c.contact_id}`, { email_address: { address: 'gone@example.com' }, update_source: 'Contact' });
		expect(refused.status).toBe(400);
		expect(refused.body[0].error_message).toContain('update_source Account');
		expect(fake.state.contacts.get(c.contact_id)!.deleted_at).toBeDefined();
	});

	it('keeps sms_channel given back in the PUT shape, and erases it when a PUT omits it (a top-level property)', async () => {
		const c = fake.seed.contact({ email_address: { address: 'sms@example.com' }, sms_channel: { sms_address: '7815551212', dial_code: '1', country_code: 'US', sms_consent_permission: 'explicit' } });
		const got = await api(fake, token, 'GET', `/contacts/${c.contact_id}`);
		expect(got.body.sms_channel).toMatchObject({ sms_address: '7815551212', dial_code: '1', sms_channel_consents: [{ sms_consent_permission: 'explicit', consent_type: 'promotional_sms' }] });
		const kept = await api(fake, token, 'PUT', `/contacts/${c.contact_id}`, {
			email_address: { address: 'sms@example.com' },
			update_source: 'Account',
			sms_channel: { full_sms_address: '17815551212', sms_channel_consents: [{ sms_consent_permission: 'explicit', consent_type: 'promotional_sms' }] },
		});
		expect(kept.body.sms_channel).toMatchObject({ sms_address: '7815551212', dial_code: '1', country_code: 'US' });
		await api(fake, token, 'PUT', `/contacts/${c.contact_id}`, { email_address: { address: 'sms@example.com' }, update_source: 'Account' });
		expect(fake.state.contacts.get(c.contact_id)!.sms_channel).toBeUndefined();
	});

	it('does not let the account re-subscribe a contact who opted out themselves', async () => {
		const self = fake.seed.contact({ email_address: { address: 'self@example.com', permission_to_send: 'unsubscribed', opt_out_source: 'Contact' } });
		await api(fake, token, 'PUT', `/contacts/${self.contact_id}`, { email_address: { address: 'self@example.com', permission_to_send: 'explicit' }, update_source: 'Account' });
		expect(fake.state.contacts.get(self.contact_id)!.email_address.permission_to_send).toBe('unsubscribed');
		await api(fake, token, 'PUT', `/contacts/${self.contact_id}`, { email_address: { address: 'self@example.com', permission_to_send: 'explicit' }, update_source: 'Contact' });
		const after = fake.state.contacts.get(self.contact_id)!.email_address;
		expect(after.permission_to_send).toBe('explicit');
		expect(after.opt_out_source).toBeUndefined();
	});
});

describe('DELETE /contacts/{contact_id}', () => {
	it('soft-deletes (204): hidden by default, found with status=all, still blocks POST', async () => {
		const c = fake.seed.contact({ email_address: { address: 'soft@example.com' } });
		const del = await api(fake, token, 'DELETE', `/contacts/${c.contact_id}`);
		expect(del.status).toBe(204);
		expect(del.body).toBeUndefined();
		expect((await api(fake, token, 'GET', '/contacts?email=soft@example.com')).body.contacts).toEqual([]);
		const all = await api(fake, token, 'GET', '/contacts?email=soft@example.com&status=all');
		expect(all.body.contacts[0].deleted_at).toBeDefined();
		expect((await post({ email_address: { address: 'soft@example.com' }, create_source: 'Account' })).status).toBe(409);
	});
});

describe('GET /contacts', () => {
	it('filters by status, email, lists and dates, and counts with include_count', async () => {
		const list = fake.seed.list({ name: 'L' });
		fake.seed.contact({ email_address: { address: 'a@example.com' }, list_memberships: [list.list_id], created_at: '2024-01-01T00:00:00.000Z' });
		fake.seed.contact({ email_address: { address: 'u@example.com', permission_to_send: 'unsubscribed' } });
		fake.seed.contact({ email_address: { address: 'd@example.com' }, deleted: true });
		const emails = async (qs: string): Promise<string[]> =>
			(await api(fake, token, 'GET', `/contacts?${qs}`)).body.contacts.map((c: { email_address: { address: string } }) => c.email_address.address);
		expect(await emails('')).toEqual(['a@example.com', 'u@example.com']);
		expect(await emails('status=all')).toEqual(['a@example.com', 'u@example.com', 'd@example.com']);
		expect(await emails('status=unsubscribed')).toEqual(['u@example.com']);
		expect(await emails('status=deleted,active')).toEqual(['a@example.com', 'd@example.com']);
		expect(await emails('email=A@example.com')).toEqual(['a@example.com']);
		expect(await emails(`lists=${list.list_id}`)).toEqual(['a@example.com']);
		expect(await emails('created_before=2024-06-01T00:00:00Z')).toEqual(['a@example.com']);
		expect(await emails('optout_after=2000-01-01T00:00:00Z')).toEqual(['u@example.com']);
		const counted = await api(fake, token, 'GET', '/contacts?include_count=true&limit=1');
		expect(counted.body.contacts_count).toBe(2);
		expect(counted.body.contacts).toHaveLength(1);
	});

	it('pages with a /v3/ next href that carries the filters and include, with no next on the last page', async () => {
		for (let i = 0; i < 7; i++) fake.seed.contact({ email_address: { address: `p${i}@example.com` }, phone_numbers: [{ phone_number: String(i), kind: 'home' }] });
		const seen: string[] = [];
		let href: string | undefined = '/contacts?limit=3&include=phone_numbers';
		let pages = 0;
		while (href) {
			const r = await api(fake, token, 'GET', href);
			expect(r.status).toBe(200);
			pages++;
			for (const c of r.body.contacts) {
				expect(c.phone_numbers).toHaveLength(1);
				seen.push(c.email_address.address);
			}
			href = r.body._links?.next?.href;
			if (href) expect(href.startsWith('/v3/contacts?cursor=')).toBe(true);
		}
		expect(pages).toBe(3);
		expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `p${i}@example.com`));
	});
});
