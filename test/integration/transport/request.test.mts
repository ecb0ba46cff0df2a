/**
 * The credential and the transport against the fake Constant Contact, through n8n's own execution:
 * n8n-core signs each request with the stored token, refreshes on 401 and persists the new tokens.
 */
import type { IDataObject } from 'n8n-workflow';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { ConstantContactOAuth2Api } from '../../../credentials/ConstantContactOAuth2Api.credentials.ts';
import { constantContactRequestAllItems } from '../../../nodes/ConstantContact/transport/paginate.ts';
import { constantContactRequest } from '../../../nodes/ConstantContact/transport/request.ts';
import type { FakeConstantContact } from '../../fake-constant-contact/server.mts';
import { startFakeConstantContact } from '../../fake-constant-contact/server.mts';
import { N8N_CALLBACK, runConsent } from '../../helpers/consent.mts';
import { connectedCredential, createHarness, runNode } from '../../helpers/n8n.mts';
import { ProbeNode } from '../../helpers/probeNode.mts';

const CLIENT = { clientId: 'test-client', clientSecret: 'test-secret' };
const PKCE_CLIENT = { clientId: 'pkce-client', clientSecret: '' };
/** An app of its own for the throttling tests: the pacer is per app, and they leave it shared. */
const THROTTLED_CLIENT = { clientId: 'throttled-client', clientSecret: 'throttled-secret' };

let fake: FakeConstantContact;

beforeAll(async () => {
	fake = await startFakeConstantContact({
		tokenRateLimitPerSecond: false,
		clients: [
			{ ...CLIENT, redirectUris: [N8N_CALLBACK], refreshTokenMode: 'rotating' },
			// A PKCE app in Constant Contact is a public client: no secret.
			{ clientId: PKCE_CLIENT.clientId, redirectUris: [N8N_CALLBACK], refreshTokenMode: 'rotating' },
			{ ...THROTTLED_CLIENT, redirectUris: [N8N_CALLBACK], refreshTokenMode: 'rotating' },
		],
	});
});
afterAll(async () => await fake.close());
afterEach(() => {
	fake.assertNoContractViolations();
	fake.reset();
	fake.options.rateLimitPerSecond = 4;
	fake.options.accessTokenLifetimeSeconds = 86400;
});

async function harnessWithTokens(overrides: IDataObject = {}, client: { clientId: string; clientSecret: string } = CLIENT) {
	const tokens = await fake.issueTokens({ clientId: client.clientId });
	return { harness: createHarness(connectedCredential(fake, { ...tokens, ...overrides }, client)), tokens };
}

async function probe(harness: ReturnType<typeof createHarness>, plan: typeof ProbeNode.plan) {
	ProbeNode.plan = plan;
	return await runNode(harness, { nodeType: new ProbeNode(), typeName: 'CUSTOM.transportProbe', parameters: {} });
}

const apiRequests = () => fake.requests.filter((r) => r.path.startsWith('/v3/'));

describe('the credential', () => {
	const credential = new ConstantContactOAuth2Api();
	const prop = (name: string) => credential.properties.find((p) => p.name === name)!;

	it("declares Constant Contact's endpoints, both flows, the scopes that give a refresh token and Basic auth", () => {
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(prop('authUrl').default).toBe('https://authz.constantcontact.com/oauth2/default/v1/authorize');
		expect(prop('accessTokenUrl').default).toBe('https://authz.constantcontact.com/oauth2/default/v1/token');
		expect(prop('scope').default).toBe('contact_data campaign_data account_read offline_access');
		expect(prop('authentication').default).toBe('header');
		expect(prop('grantType').options!.map((o) => ('value' in o ? o.value : undefined))).toEqual(['authorizationCode', 'pkce']);
		expect(prop('grantType').default).toBe('authorizationCode');
		for (const hidden of ['authUrl', 'accessTokenUrl', 'scope', 'authentication', 'authQueryParameters']) {
			expect(prop(hidden).type).toBe('hidden');
		}
		// No field can move the API elsewhere: the Test request, like the node, calls the API origin.
		expect(credential.properties.map((p) => p.name)).not.toContain('apiBaseUrl');
		expect(credential.test.request).toEqual({ baseURL: 'https://api.cc.email/v3', url: '/contact_lists', qs: { limit: 1 } });
	});

	for (const grantType of ['authorizationCode', 'pkce'] as const) {
		it(`completes consent (${grantType}) with n8n's OAuth2 client, stores the tokens, and the node can call the API`, async () => {
			const { oauthTokenData } = await runConsent({
				authUrl: fake.authorizeUrl,
				accessTokenUrl: fake.tokenUrl,
				clientId: grantType === 'pkce' ? PKCE_CLIENT.clientId : CLIENT.clientId,
				clientSecret: grantType === 'pkce' ? undefined : CLIENT.clientSecret,
				scope: String(credential.properties.find((p) => p.name === 'scope')!.default),
				grantType,
			});
			expect(oauthTokenData.access_token).toEqual(expect.any(String));
			expect(oauthTokenData.refresh_token).toEqual(expect.any(String));
			expect(String(oauthTokenData.scope).split(' ').sort()).toEqual(['account_read', 'campaign_data', 'contact_data', 'offline_access']);
			const harness = createHarness(connectedCredential(fake, oauthTokenData as IDataObject, grantType === 'pkce' ? PKCE_CLIENT : CLIENT, grantType));
			fake.seed.list({ name: 'Newsletter' });
			const run = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_lists', qs: { limit: 1 } }));
			expect(run.error).toBeUndefined();
			expect((run.output[0].json.result as { lists: IDataObject[] }).lists[0].name).toBe('Newsletter');
		});
	}
});

/** 8 concurrent reads all succeed, through exactly one refresh of the token. */
async function expectEightReadsWithOneRefresh(harness: ReturnType<typeof createHarness>) {
	const run = await probe(harness, async (ctx) =>
		await Promise.all(Array.from({ length: 8 }, async () => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_lists' }))),
	);
	expect(run.error).toBeUndefined();
	expect((run.output[0].json.result as unknown[]).length).toBe(8);
	expect(fake.tokenRequests.filter((t) => t.grantType === 'refresh_token')).toHaveLength(1);
}

describe('refresh', () => {
	it('refreshes exactly once for 8 concurrent requests with an expired token and persists the rotated refresh token', async () => {
		fake.options.accessTokenLifetimeSeconds = 1;
		const { harness, tokens } = await harnessWithTokens();
		fake.options.accessTokenLifetimeSeconds = 3600;
		await new Promise((r) => setTimeout(r, 1100));
		fake.options.rateLimitPerSecond = false;
		await expectEightReadsWithOneRefresh(harness);
		const refreshes = fake.tokenRequests.filter((t) => t.grantType === 'refresh_token');
		expect(refreshes[0].status).toBe(200);
		const stored = harness.credentials.get().oauthTokenData as IDataObject;
		expect(stored.refresh_token).not.toBe(tokens.refresh_token);
		expect(stored.access_token).not.toBe(tokens.access_token);
		// 1 rejected request + 8 with the new token.
		expect(apiRequests().filter((r) => r.status === 401)).toHaveLength(1);
		expect(apiRequests().filter((r) => r.status === 200)).toHaveLength(8);
	});

	it('a 401 on a token its expiry calls valid goes through one n8n refresh, shared by 8 concurrent requests', async () => {
		const { harness, tokens } = await harnessWithTokens();
		fake.options.rateLimitPerSecond = false;
		// Constant Contact refuses the token (say, revoked on its side) for the 8 requests and the leader's retry.
		fake.injectFault({ method: 'GET', path: '/v3/contact_lists', status: 401, times: 9 });
		await expectEightReadsWithOneRefresh(harness);
		expect((harness.credentials.get().oauthTokenData as IDataObject).access_token).not.toBe(tokens.access_token);
		// 8 refused + the leader's retry refused (n8n refreshes then) + 8 with the new token.
		expect(apiRequests().filter((r) => r.status === 401)).toHaveLength(9);
		expect(apiRequests().filter((r) => r.status === 200)).toHaveLength(8);
	});

	it('fails like Constant Contact when an old, rotated-out refresh token is reused: reconnect', async () => {
		fake.options.accessTokenLifetimeSeconds = 1;
		const { harness, tokens } = await harnessWithTokens();
		await new Promise((r) => setTimeout(r, 1100));
		const first = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_lists' }));
		expect(first.error).toBeUndefined();
		// Put back the consumed refresh token, as a lost update would.
		await new Promise((r) => setTimeout(r, 1100));
		harness.credentials.set('cc-cred-1', 'constantContactOAuth2Api', connectedCredential(fake, tokens as unknown as IDataObject));
		const second = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_lists' }));
		expect(second.error?.message).toMatch(/needs to be reconnected/);
		const last = fake.tokenRequests.at(-1)!;
		expect(last).toMatchObject({ grantType: 'refresh_token', status: 400 });
		expect(JSON.stringify(second.error)).not.toContain(String(tokens.refresh_token));
	});

	it('an older connection (contact_data offline_access) keeps its contact requests and fails on campaign ones before sending anything', async () => {
		const tokens = await fake.issueTokens({ scope: 'contact_data offline_access' });
		const harness = createHarness(connectedCredential(fake, tokens as unknown as IDataObject));
		const contacts = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_lists' }));
		expect(contacts.error).toBeUndefined();
		const before = apiRequests().length;
		for (const path of ['/emails', '/reports/summary_reports/email_campaign_summaries', '/v3/emails?cursor=abc']) {
			const run = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path }));
			expect(run.error?.message).toBe(
				'The Constant Contact credential was granted without the "campaign_data" scope, which campaigns (create, update, test sends, schedules, send history), campaign reports and stats, events and their registrations, and the Campaign Sent, Contact Bounced, Contact Opted Out, Contact Clicked and Event Registration trigger events need',
			);
			expect(run.error?.description).toMatch(/made before the node asked for campaign_data, account_read \(it grants: contact_data offline_access\)\. Open the Constant Contact credential and click "Reconnect"/);
		}
		const senders = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/account/emails' }));
		expect(senders.error?.message).toMatch(/without the "account_read" scope, which the account's confirmed sender addresses/);
		// Segments and contact reports are contact data: they still work.
		const segments = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/segments' }));
		expect(segments.error).toBeUndefined();
		expect(apiRequests().slice(before).map((r) => r.path)).toEqual(['/v3/segments']);
	});

	it('sends a multi-valued query parameter repeated, as Constant Contact reads it', async () => {
		const { harness } = await harnessWithTokens();
		await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_lists', qs: { limit: 1 } }));
		const run = await probe(harness, async (ctx) =>
			await constantContactRequest
				.call(ctx, { method: 'GET', path: '/reports/email_reports/0b4d7f4e-0000-4000-8000-000000000001/tracking/bounces', qs: { bounce_code: ['B', 'D'] } })
				.catch((e: Error) => e.message),
		);
		expect(run.error).toBeUndefined();
		expect(apiRequests().at(-1)!.query).toEqual({ bounce_code: 'B,D' });
	});

	it('fails before any request when the token lacks contact_data', async () => {
		const tokens = await fake.issueTokens({ scope: 'campaign_data offline_access' });
		const harness = createHarness(connectedCredential(fake, tokens as unknown as IDataObject));
		const run = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_lists' }));
		expect(run.error?.message).toMatch(/without the "contact_data" scope/);
		expect(apiRequests()).toHaveLength(0);
	});
});

describe('pacing and retries', () => {
	it('holds 4 requests per second over 40 requests with no 429', async () => {
		const { harness } = await harnessWithTokens();
		const started = Date.now();
		const run = await probe(harness, async (ctx) =>
			await Promise.all(Array.from({ length: 40 }, async () => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_tags' }))),
		);
		const seconds = (Date.now() - started) / 1000;
		expect(run.error).toBeUndefined();
		const requests = apiRequests();
		expect(requests).toHaveLength(40);
		expect(requests.filter((r) => r.status === 429)).toHaveLength(0);
		// 40 requests at 4/s: the first 4 go at once, then 36 more need 9 windows.
		expect(seconds).toBeGreaterThanOrEqual(9);
		expect(seconds).toBeLessThan(12);
		const rate = 40 / seconds;
		console.log(`pacing: 40 requests in ${seconds.toFixed(2)} s = ${rate.toFixed(2)} requests/s, 0 throttled`);
	}, 20_000);

	it('retries a throttled 429 and succeeds', async () => {
		const { harness } = await harnessWithTokens({}, THROTTLED_CLIENT);
		fake.injectFault({ method: 'GET', path: '/v3/contact_lists', status: 429, body: { error_key: 'throttled', error_message: 'Too Many Requests' }, times: 2 });
		const run = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_lists' }));
		expect(run.error).toBeUndefined();
		expect(apiRequests().map((r) => r.status)).toEqual([429, 429, 200]);
	});

	it('keeps a throttled request waiting past the old 5 attempts while the app gets requests through', async () => {
		const { harness } = await harnessWithTokens({}, THROTTLED_CLIENT);
		fake.injectFault({ method: 'GET', path: '/v3/contact_tags', status: 429, body: { error_key: 'throttled', error_message: 'Too Many Requests' }, times: 7 });
		const run = await probe(harness, async (ctx) =>
			await Promise.all([
				constantContactRequest.call(ctx, { method: 'GET', path: '/contact_tags' }),
				// Another request of the same app that gets through: the app is making progress.
				constantContactRequest.call(ctx, { method: 'GET', path: '/contact_lists' }),
			]),
		);
		expect(run.error).toBeUndefined();
		const tags = apiRequests().filter((r) => r.path === '/v3/contact_tags');
		expect(tags.map((r) => r.status)).toEqual([429, 429, 429, 429, 429, 429, 429, 200]);
	}, 60_000);

	it('gives up on throttling after 2 minutes in which no request of the app got through, and says so', async () => {
		const { harness } = await harnessWithTokens({}, THROTTLED_CLIENT);
		fake.injectFault({ method: 'GET', path: '/v3/contact_tags', status: 429, body: { error_key: 'throttled', error_message: 'Too Many Requests' }, times: 1000 });
		// Date only: timers stay real, so the node's sleeps and the fake run as usual; two minutes pass at
		// once after the second 429 (the app's pacer may still hold a small share from the tests before).
		vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
		try {
			const jump = setInterval(() => {
				// After the second 429: by then the node has taken the first as the start of its wait.
				if (apiRequests().filter((r) => r.path === '/v3/contact_tags' && r.status === 429).length < 2) return;
				clearInterval(jump);
				vi.setSystemTime(Date.now() + 125_000);
			}, 20);
			const run = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_tags' }));
			clearInterval(jump);
			expect(run.error?.message).toMatch(/kept throttling requests \(429\)/);
			expect(run.error?.description).toMatch(/gave up after 2 minutes in which none did \(this request waited 1\d\d s\)/);
			expect(apiRequests().filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(2);
		} finally {
			vi.useRealTimers();
		}
	}, 60_000);

	it('does not retry 429 quota_exceeded and says when the quota resets', async () => {
		const { harness } = await harnessWithTokens();
		fake.options.dailyQuota = 0;
		try {
			const run = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_lists' }));
			expect(run.error?.message).toMatch(/daily request quota/);
			expect(run.error?.description).toMatch(/00:00 UTC, in \d+ h \d+ min|00:00 UTC, in \d+ min/);
			expect(apiRequests()).toHaveLength(1);
		} finally {
			fake.options.dailyQuota = 10_000;
		}
	});

	it('retries a 5xx on PUT, which is safe to repeat', async () => {
		const { harness } = await harnessWithTokens();
		const contact = fake.seed.contact({ email_address: { address: 'put@example.com' }, first_name: 'Old' });
		fake.injectFault({ method: 'PUT', path: /\/v3\/contacts\//, status: 503, times: 2 });
		const run = await probe(harness, async (ctx) =>
			await constantContactRequest.call(ctx, {
				method: 'PUT',
				path: `/contacts/${contact.contact_id}`,
				body: { email_address: { address: 'put@example.com' }, first_name: 'New', update_source: 'Account' },
			}),
		);
		expect(run.error).toBeUndefined();
		expect(apiRequests().map((r) => r.status)).toEqual([503, 503, 200]);
		expect(fake.state.contacts.get(contact.contact_id)!.first_name).toBe('New');
	});

	it('never blindly repeats POST /contacts: an ambiguous failure is resolved by looking the email up', async () => {
		const { harness } = await harnessWithTokens();
		// The contact is created, then the connection drops before the answer.
		fake.injectFault({ method: 'POST', path: '/v3/contacts', mode: 'after', drop: true, times: 1 });
		const run = await probe(harness, async (ctx) =>
			await constantContactRequest.call(ctx, {
				method: 'POST',
				path: '/contacts',
				body: { email_address: { address: 'once@example.com', permission_to_send: 'implicit' }, create_source: 'Account' },
				resolveAmbiguous: async () => {
					const found = (await constantContactRequest.call(ctx, {
						method: 'GET',
						path: '/contacts',
						qs: { email: 'once@example.com', status: 'all' },
					})) as { contacts: IDataObject[] };
					return found.contacts[0];
				},
			}),
		);
		expect(run.error).toBeUndefined();
		expect((run.output[0].json.result as IDataObject).email_address).toMatchObject({ address: 'once@example.com' });
		const matching = [...fake.state.contacts.values()].filter((c) => c.email_address.address === 'once@example.com');
		expect(matching).toHaveLength(1);
		expect(apiRequests().filter((r) => r.method === 'POST')).toHaveLength(1);
	});
});

describe('pagination', () => {
	it('follows _links.next.href over 3 pages from the origin, never /v3/v3', async () => {
		const { harness } = await harnessWithTokens();
		for (let i = 0; i < 1100; i++) fake.seed.list({ name: `List ${String(i).padStart(4, '0')}` });
		fake.options.rateLimitPerSecond = false;
		const run = await probe(harness, async (ctx) => await constantContactRequestAllItems.call(ctx, 'lists', '/contact_lists', {}, { pageSize: 500 }));
		expect(run.error).toBeUndefined();
		const lists = run.output[0].json.result as IDataObject[];
		expect(lists).toHaveLength(1100);
		expect(new Set(lists.map((l) => l.list_id)).size).toBe(1100);
		const pages = apiRequests();
		expect(pages).toHaveLength(3);
		expect(pages.every((r) => r.path === '/v3/contact_lists' && r.status === 200)).toBe(true);
		expect(pages.slice(1).every((r) => 'cursor' in r.query)).toBe(true);
	});

	it('stops at the caller limit', async () => {
		const { harness } = await harnessWithTokens();
		for (let i = 0; i < 30; i++) fake.seed.tag({ name: `Tag ${i}` });
		const run = await probe(harness, async (ctx) => await constantContactRequestAllItems.call(ctx, 'tags', '/contact_tags', {}, { pageSize: 10, limit: 15 }));
		expect((run.output[0].json.result as IDataObject[]).length).toBe(15);
		expect(apiRequests()).toHaveLength(2);
	});
});

describe('errors', () => {
	const cases: Array<{ name: string; status: number; body: unknown; message: RegExp; hint: RegExp }> = [
		{ name: '400 array', status: 400, body: [{ error_key: 'contacts.api.validation.error', error_message: 'first_name exceeds 50 characters' }], message: /first_name exceeds 50/, hint: /correct the field/ },
		{ name: '403', status: 403, body: [{ error_key: 'forbidden', error_message: 'Forbidden' }], message: /refused access \(403\)/, hint: /Campaign Creator/ },
		{ name: '404', status: 404, body: [{ error_key: 'contacts.api.not.found', error_message: 'Not found' }], message: /Not found in Constant Contact \(404\)/, hint: /does not exist/ },
		// A 409 means something different per endpoint (errors.test.mts has each); on a list it is a taken name.
		{ name: '409', status: 409, body: [{ error_key: 'contacts.api.conflict', error_message: 'Name is not unique' }], message: /conflicts with something that already exists \(409\): Name is not unique/, hint: /unique in an account/ },
		{ name: '415', status: 415, body: [{ error_key: 'unsupported_media_type', error_message: 'Unsupported Media Type' }], message: /only JSON/, hint: /bug/ },
	];
	for (const c of cases) {
		it(`maps ${c.name} with Constant Contact's message, the status and a hint, and no secret`, async () => {
			const { harness, tokens } = await harnessWithTokens();
			fake.injectFault({ method: 'GET', path: '/v3/contact_lists', status: c.status, body: c.body, times: 1 });
			const run = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_lists' }));
			expect(run.error?.message).toMatch(c.message);
			expect(run.error?.description).toMatch(c.hint);
			expect(run.error?.httpCode).toBe(String(c.status));
			const everything = JSON.stringify(run.run) + String(run.error?.stack);
			for (const secret of [tokens.access_token, tokens.refresh_token, CLIENT.clientSecret]) expect(everything).not.toContain(secret);
		});
	}

	it('maps a 401 that survives refresh (revoked grant) to "reconnect", without secrets', async () => {
		const { harness, tokens } = await harnessWithTokens();
		fake.revokeGrants();
		const run = await probe(harness, async (ctx) => await constantContactRequest.call(ctx, { method: 'GET', path: '/contact_lists' }));
		expect(run.error?.message).toMatch(/reconnected|reconnect/i);
		const everything = JSON.stringify(run.run) + String(run.error?.stack);
		for (const secret of [tokens.access_token, tokens.refresh_token, CLIENT.clientSecret]) expect(everything).not.toContain(secret);
	});
});
