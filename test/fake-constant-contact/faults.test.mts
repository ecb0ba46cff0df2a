import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConstantContact } from './server.mts';
import { api, tokenRequest } from './testUtil.mts';
import type { FakeConstantContact } from './types.mts';

let fake: FakeConstantContact;
let token: string;
beforeAll(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false, tokenRateLimitPerSecond: false });
	token = (await fake.issueTokens()).access_token;
});
afterAll(() => fake.close());
afterEach(() => {
	fake.assertNoContractViolations();
	fake.reset();
});

const newContact = (address: string) => ({ email_address: { address }, create_source: 'Account' });

describe('injectFault', () => {
	it("mode 'before' answers the injected status without touching state, `times` times", async () => {
		fake.injectFault({ method: 'POST', path: '/contacts', status: 503, times: 2 });
		const a = await api(fake, token, 'POST', '/contacts', newContact('f@example.com'));
		const b = await api(fake, token, 'POST', '/contacts', newContact('f@example.com'));
		expect([a.status, b.status]).toEqual([503, 503]);
		expect(Array.isArray(a.body)).toBe(true);
		expect(fake.state.contacts.size).toBe(0);
		const c = await api(fake, token, 'POST', '/contacts', newContact('f@example.com'));
		expect(c.status).toBe(201);
		expect(fake.requests.map((r) => [r.status, r.fault])).toEqual([
			[503, 'before'],
			[503, 'before'],
			[201, undefined],
		]);
	});

	it('matches method and path (string or RegExp) and uses the given body', async () => {
		fake.injectFault({ method: 'GET', path: /^\/v3\/contact_lists/, status: 429, body: { error_key: 'throttled', error_message: 'Too Many Requests' } });
		expect((await api(fake, token, 'GET', '/contact_tags')).status).toBe(200);
		const r = await api(fake, token, 'GET', '/contact_lists?limit=1');
		expect(r).toMatchObject({ status: 429, body: { error_key: 'throttled' } });
	});

	it("mode 'after' processes the request (state changes) and replaces the answer", async () => {
		fake.injectFault({ method: 'POST', path: '/v3/contacts', mode: 'after', status: 500 });
		const r = await api(fake, token, 'POST', '/contacts', newContact('after@example.com'));
		expect(r.status).toBe(500);
		expect(fake.state.contacts.size).toBe(1);
		const retry = await api(fake, token, 'POST', '/contacts', newContact('after@example.com'));
		expect(retry.status).toBe(409); // the ambiguous failure did create it
	});

	it('drop destroys the connection: before leaves state alone, after keeps the change', async () => {
		fake.injectFault({ method: 'POST', path: '/contacts', drop: true });
		await expect(api(fake, token, 'POST', '/contacts', newContact('drop1@example.com'))).rejects.toThrow();
		expect(fake.state.contacts.size).toBe(0);
		fake.injectFault({ method: 'POST', path: '/contacts', drop: true, mode: 'after' });
		await expect(api(fake, token, 'POST', '/contacts', newContact('drop2@example.com'))).rejects.toThrow();
		expect([...fake.state.contacts.values()].map((c) => c.email_address.address)).toEqual(['drop2@example.com']);
		expect(fake.requests.map((r) => r.status)).toEqual([0, 0]);
	});

	it('delays by delayMs and also applies to the token endpoint', async () => {
		const t = await fake.issueTokens();
		fake.injectFault({ path: '/oauth2/default/v1/token', status: 500, delayMs: 200 });
		const t0 = Date.now();
		const r = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: t.refresh_token }, { id: 'test-client', secret: 'test-secret' });
		expect(r.status).toBe(500);
		expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
		expect(fake.tokenRequests.at(-1)).toMatchObject({ grantType: 'refresh_token', status: 500 });
		// The refresh token was not consumed by the faulted call.
		const ok = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: t.refresh_token }, { id: 'test-client', secret: 'test-secret' });
		expect(ok.status).toBe(200);
	});
});

describe('request plumbing', () => {
	it('answers 415 for a non-JSON POST and 404 (array) for an unknown /v3 path', async () => {
		const r = await api(fake, token, 'POST', '/contacts', 'email=a@example.com', { 'content-type': 'application/x-www-form-urlencoded' });
		expect(r.status).toBe(415);
		expect(Array.isArray(r.body)).toBe(true);
		const unknown = await api(fake, token, 'GET', '/social/profiles');
		expect(unknown.status).toBe(404);
		expect(unknown.body[0]).toHaveProperty('error_key');
	});

	it('logs API and token requests in arrival order with client id, status and times', async () => {
		await api(fake, token, 'GET', '/contact_lists?limit=2');
		await api(fake, undefined, 'GET', '/contacts');
		await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: 'nope' }, { id: 'test-client', secret: 'test-secret' });
		expect(fake.requests).toMatchObject([
			{ method: 'GET', path: '/v3/contact_lists', query: { limit: '2' }, clientId: 'test-client', status: 200 },
			{ method: 'GET', path: '/v3/contacts', status: 401 },
			{ method: 'POST', path: '/oauth2/default/v1/token', clientId: 'test-client', status: 400 },
		]);
		expect(fake.requests[1]!.clientId).toBeUndefined();
		expect(fake.tokenRequests).toMatchObject([{ grantType: 'refresh_token', status: 400 }]);
		for (const r of fake.requests) expect(r.respondedAt).toBeGreaterThanOrEqual(r.receivedAt);
	});

	it('reset() empties state and logs but keeps tokens working', async () => {
		fake.seed.list({ name: 'x' });
		fake.injectFault({ status: 500 });
		fake.reset();
		expect(fake.state.lists.size).toBe(0);
		expect(fake.requests).toHaveLength(0);
		expect((await api(fake, token, 'GET', '/contact_lists')).status).toBe(200); // fault gone too
	});
});
