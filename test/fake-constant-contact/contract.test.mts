import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadContract, strictCopy } from './contract.mts';
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
afterEach(() => fake.reset());

describe('request validation against swagger-v3.yaml', () => {
	it('answers 400 and records a violation for an unknown property in a POST body', async () => {
		const r = await api(fake, token, 'POST', '/contacts', { email_address: { address: 'a@example.com', opt_in_source: 'Account' }, create_source: 'Account', nickname: 'Al' });
		expect(r.status).toBe(400);
		const messages = r.body.map((e: { error_message: string }) => e.error_message);
		expect(messages).toContain('#: extraneous key [nickname] is not permitted');
		expect(messages).toContain('#/email_address: extraneous key [opt_in_source] is not permitted');
		expect(fake.contractViolations).toHaveLength(2);
		expect(fake.contractViolations[0]).toMatch(/^POST \/v3\/contacts \(\/contacts\) request: /);
		expect(fake.state.contacts.size).toBe(0);
		expect(() => fake.assertNoContractViolations()).toThrow(/nickname/);
	});

	it('checks types, enums and unknown query parameters', async () => {
		const wrongType = await api(fake, token, 'POST', '/contacts', { email_address: { address: 'a@example.com' }, create_source: 'Account', birthday_month: '5', birthday_day: 1 });
		expect(wrongType.body[0].error_message).toBe('#/birthday_month: expected type: integer, found: String');
		const unknownParam = await api(fake, token, 'GET', '/contacts?emial=a@example.com');
		expect(unknownParam.status).toBe(400);
		expect(unknownParam.body[0].error_message).toBe('emial is not a supported query parameter');
		const badEnum = await api(fake, token, 'GET', '/contacts?status=gone');
		expect(badEnum.body[0].error_message).toMatch(/^status does not have a valid value/);
		const badDate = await api(fake, token, 'GET', '/contacts?updated_after=yesterday');
		expect(badDate.status).toBe(400);
		expect(fake.contractViolations).toHaveLength(4);
	});

	it('accepts what real clients send: cursor, csv include, cf:<name> import keys', async () => {
		const list = fake.seed.list({ name: 'L' });
		fake.seed.customField({ label: 'Favorite color' });
		expect((await api(fake, token, 'GET', '/contacts?include=custom_fields,list_memberships&limit=500')).status).toBe(200);
		for (let i = 0; i < 3; i++) fake.seed.tag({ name: `t${i}` });
		const page = await api(fake, token, 'GET', '/contact_tags?limit=2');
		expect((await api(fake, token, 'GET', page.body._links.next.href)).status).toBe(200);
		const imp = await api(fake, token, 'POST', '/activities/contacts_json_import', {
			import_data: [{ email: 'a@example.com', 'cf:favorite_color': 'red', home_country: 'US' }],
			list_ids: [list.list_id],
		});
		expect(imp.status).toBe(201);
		fake.assertNoContractViolations();
	});

	it('records a response that breaks the contract and still sends it', async () => {
		const c = fake.seed.contact({ email_address: { address: 'r@example.com' } });
		c.first_name = 'x'.repeat(60); // corrupt state so the fake's own answer breaks the swagger
		const r = await api(fake, token, 'GET', `/contacts/${c.contact_id}`);
		expect(r.status).toBe(200);
		expect(r.body.first_name).toHaveLength(60);
		expect(fake.contractViolations).toEqual([`GET /v3/contacts/${c.contact_id} (/contacts/{contact_id}) response 200: #/first_name: expected maxLength: 50, actual: 60`]);
	});

	it('can be switched off', async () => {
		const loose = await startFakeConstantContact({ contract: false, rateLimitPerSecond: false });
		try {
			const t = (await loose.issueTokens()).access_token;
			const r = await api(loose, t, 'POST', '/contacts', { email_address: { address: 'a@example.com' }, create_source: 'Account', nickname: 'Al' });
			expect(r.status).toBe(201);
			expect(loose.contractViolations).toEqual([]);
		} finally {
			await loose.close();
		}
	});
});

describe('contract internals', () => {
	it('closes object schemas without touching declared additionalProperties, and survives cycles', () => {
		const cyclic: Record<string, unknown> = { type: 'object', properties: { name: { type: 'string' } } };
		(cyclic.properties as Record<string, unknown>).self = cyclic;
		const open = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true };
		const copy = strictCopy({ type: 'object', properties: { c: cyclic, o: open } });
		expect(copy.additionalProperties).toBe(false);
		const c = (copy.properties as Record<string, Record<string, unknown>>).c!;
		expect(c.additionalProperties).toBe(false);
		expect((c.properties as Record<string, unknown>).self).toEqual({});
		expect((copy.properties as Record<string, Record<string, unknown>>).o!.additionalProperties).toBe(true);
		expect(open).not.toHaveProperty('x'); // originals untouched
		expect(cyclic.additionalProperties).toBeUndefined();
	});

	it('loads the swagger once and validates responses by status', async () => {
		const a = await loadContract();
		expect(await loadContract()).toBe(a);
		expect(a.validateResponse('GET', '/contact_lists', 200, { lists: [{ list_id: 'not-a-uuid', name: 'x' }] })[0]).toContain('uuid');
		expect(a.validateResponse('POST', '/contacts', 418, undefined)).toEqual(['status 418 is not declared for this operation']);
		expect(a.validateResponse('GET', '/contacts', 401, { error_key: 'unauthorized', error_message: 'Unauthorized' })).toEqual([]);
		expect(a.validateResponse('GET', '/contacts', 404, { error_key: 'x' })).not.toEqual([]); // must be an array
	});
});

describe('where the contract\'s prose allows what its keywords forbid', () => {
	it('scheduled_date takes "0" (send now) or a bare date besides a date-time, and nothing else', async () => {
		const c = await loadContract();
		const t = '/emails/activities/{campaign_activity_id}/schedules';
		const params = { campaign_activity_id: '0b4d7f4e-0000-4000-8000-000000000001' };
		for (const d of ['0', '2022-05-17', '2022-05-17T16:37:59.091Z']) expect(c.validateRequest('POST', t, {}, { scheduled_date: d }, params).errors).toEqual([]);
		expect(c.validateRequest('POST', t, {}, { scheduled_date: 'tomorrow' }, params).errors).not.toEqual([]);
		expect(c.validateRequest('POST', t, {}, { scheduled_date: 0 }, params).errors).not.toEqual([]);
		expect(c.validateRequest('POST', t, {}, { scheduled_date: '0' }, { campaign_activity_id: 'nope' }).errors[0]).toMatch(/^path parameter campaign_activity_id does not have a valid value/);
	});

	it('reads a string `limit` with minimum/maximum as a number, and checks csv values against items.enum', async () => {
		const c = await loadContract();
		const tracking = '/reports/email_reports/{campaign_activity_id}/tracking/sends';
		const params = { campaign_activity_id: '0b4d7f4e-0000-4000-8000-000000000001' };
		expect(c.validateRequest('GET', tracking, { limit: '500' }, undefined, params).errors).toEqual([]);
		expect(c.validateRequest('GET', tracking, { limit: '501' }, undefined, params).errors).not.toEqual([]);
		const details = '/reports/contact_reports/{contact_id}/activity_details';
		expect(c.validateRequest('GET', details, { tracking_activities_list: 'em_opens,em_clicks' }, undefined, { contact_id: 'x' }).errors).toEqual([]);
		expect(c.validateRequest('GET', details, { tracking_activities_list: 'em_opens,em_smiles' }, undefined, { contact_id: 'x' }).errors).not.toEqual([]);
	});

	it('names each operation\'s scopes from its security entry', async () => {
		const c = await loadContract();
		expect(c.scopes('GET', '/account/emails')).toEqual(['account_read']);
		expect(c.scopes('GET', '/segments')).toEqual(['contact_data']);
		expect(c.scopes('GET', '/reports/contact_reports/{contact_id}/activity_summary')).toEqual(['contact_data']);
		expect(c.scopes('POST', '/emails')).toEqual(['campaign_data']);
		expect(c.scopes('GET', '/account/user/privileges')).toEqual([]);
	});
});

describe('the vendored contract', () => {
	it("is Constant Contact's swagger-v3.yaml verbatim (v3.0.178)", async () => {
		const { createHash } = await import('node:crypto');
		const { readFileSync } = await import('node:fs');
		const { swaggerPath } = await import('./contract.mts');
		const digest = createHash('sha256').update(readFileSync(swaggerPath())).digest('hex');
		expect(digest).toBe('4b4a534c818d018c4c5fa0c4ce0de9e6803fe984e951b98ad22dd3622c7e72cc');
	});
});
