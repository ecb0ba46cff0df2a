import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConstantContact } from './server.mts';
import { api, sleep, tokenRequest } from './testUtil.mts';
import type { FakeConstantContact } from './types.mts';

const REDIRECT = 'http://localhost:5678/rest/oauth2-credential/callback';
const CONFIDENTIAL = { id: 'test-client', secret: 'test-secret' };

let fake: FakeConstantContact;
beforeAll(async () => {
	fake = await startFakeConstantContact({
		tokenRateLimitPerSecond: false,
		rateLimitPerSecond: false,
		clients: [
			{ clientId: 'test-client', clientSecret: 'test-secret', redirectUris: [REDIRECT], refreshTokenMode: 'rotating' },
			{ clientId: 'long-client', clientSecret: 'long-secret', redirectUris: [REDIRECT], refreshTokenMode: 'long_lived' },
			{ clientId: 'public-client', redirectUris: [REDIRECT] },
		],
	});
});
afterAll(() => fake.close());
afterEach(() => {
	fake.assertNoContractViolations();
	fake.reset();
	fake.options.tokenRateLimitPerSecond = false;
	fake.options.accessTokenLifetimeSeconds = 86_400;
});

async function authorize(params: Record<string, string>): Promise<Response> {
	return fetch(`${fake.authorizeUrl}?${new URLSearchParams(params)}`, { redirect: 'manual' });
}

async function consent(clientId: string, scope: string, extra: Record<string, string> = {}): Promise<string> {
	const res = await authorize({ response_type: 'code', client_id: clientId, redirect_uri: REDIRECT, scope, state: 'xyz', ...extra });
	expect(res.status).toBe(302);
	const location = new URL(res.headers.get('location')!);
	expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
	expect(location.searchParams.get('state')).toBe('xyz');
	return location.searchParams.get('code')!;
}

describe('authorize', () => {
	it('redirects back with a code and the state', async () => {
		const code = await consent('test-client', 'contact_data offline_access');
		expect(code).toMatch(/^[\w-]{20,}$/);
	});

	it('shows a 400 page instead of redirecting for an unknown client or an unregistered redirect_uri', async () => {
		const unknownClient = await authorize({ response_type: 'code', client_id: 'nope', redirect_uri: REDIRECT, scope: 'contact_data' });
		expect(unknownClient.status).toBe(400);
		expect(unknownClient.headers.get('location')).toBeNull();
		const badRedirect = await authorize({ response_type: 'code', client_id: 'test-client', redirect_uri: `${REDIRECT}/`, scope: 'contact_data' });
		expect(badRedirect.status).toBe(400);
		expect(badRedirect.headers.get('location')).toBeNull();
	});

	it('redirects with error=invalid_scope for an unknown scope', async () => {
		const res = await authorize({ response_type: 'code', client_id: 'test-client', redirect_uri: REDIRECT, scope: 'contact_data bogus', state: 's' });
		expect(res.status).toBe(302);
		const loc = new URL(res.headers.get('location')!);
		expect(loc.searchParams.get('error')).toBe('invalid_scope');
		expect(loc.searchParams.get('code')).toBeNull();
	});
});

describe('token endpoint: authorization_code', () => {
	it('exchanges a code for a verifiable RS256 JWT with the documented claims and a refresh token', async () => {
		const code = await consent('test-client', 'contact_data offline_access');
		const r = await tokenRequest(fake, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, CONFIDENTIAL);
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: 86_400, scope: 'contact_data offline_access' });
		expect(typeof r.body.refresh_token).toBe('string');
		const jwks = createRemoteJWKSet(new URL(`${fake.url}/oauth2/default/v1/keys`));
		const { payload, protectedHeader } = await jwtVerify(r.body.access_token, jwks, {
			issuer: 'https://identity.constantcontact.com/oauth2/aus1lm3ry9mF7x2Ja0h8',
			audience: 'https://api.cc.email/v3',
		});
		expect(protectedHeader.alg).toBe('RS256');
		expect(payload).toMatchObject({ cid: 'test-client', scp: ['contact_data', 'offline_access'] });
		expect(payload.exp! - payload.iat!).toBe(86_400);
		expect(typeof payload.jti).toBe('string');
		expect(typeof payload.sub).toBe('string');
		expect(typeof payload.platform_user_id).toBe('string');
		expect((await api(fake, r.body.access_token, 'GET', '/contact_lists')).status).toBe(200);
		expect(fake.tokenRequests.at(-1)).toMatchObject({ grantType: 'authorization_code', status: 200 });
	});

	it('issues no refresh token without offline_access', async () => {
		const code = await consent('test-client', 'contact_data');
		const r = await tokenRequest(fake, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, CONFIDENTIAL);
		expect(r.status).toBe(200);
		expect(r.body.refresh_token).toBeUndefined();
	});

	it('accepts a code once only', async () => {
		const code = await consent('test-client', 'contact_data offline_access');
		const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT };
		expect((await tokenRequest(fake, form, CONFIDENTIAL)).status).toBe(200);
		const again = await tokenRequest(fake, form, CONFIDENTIAL);
		expect(again.status).toBe(400);
		expect(again.body.error).toBe('invalid_grant');
	});

	it('rejects a redirect_uri different from the authorize request', async () => {
		const code = await consent('test-client', 'contact_data');
		const r = await tokenRequest(fake, { grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:5678/other' }, CONFIDENTIAL);
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('invalid_grant');
	});

	it('answers 401 invalid_client for a wrong secret or a secret in the body', async () => {
		const code = await consent('test-client', 'contact_data');
		const wrong = await tokenRequest(fake, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, { id: 'test-client', secret: 'nope' });
		expect(wrong.status).toBe(401);
		expect(wrong.body.error).toBe('invalid_client');
		const inBody = await tokenRequest(fake, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: 'test-client', client_secret: 'test-secret' });
		expect(inBody.status).toBe(401);
	});

	describe('PKCE (public client, no secret)', () => {
		const verifier = randomBytes(32).toString('base64url');
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		const pkce = { code_challenge: challenge, code_challenge_method: 'S256' };

		it('exchanges the code with the right S256 verifier and returns a refresh token', async () => {
			const code = await consent('public-client', 'contact_data offline_access', pkce);
			const r = await tokenRequest(fake, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: 'public-client', code_verifier: verifier });
			expect(r.status).toBe(200);
			expect(typeof r.body.refresh_token).toBe('string');
			const refreshed = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: r.body.refresh_token, client_id: 'public-client' });
			expect(refreshed.status).toBe(200);
		});

		it('rejects a wrong verifier and a missing one', async () => {
			const code = await consent('public-client', 'contact_data offline_access', pkce);
			const wrong = await tokenRequest(fake, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: 'public-client', code_verifier: `${verifier}x` });
			expect(wrong.status).toBe(400);
			expect(wrong.body.error).toBe('invalid_grant');
			const code2 = await consent('public-client', 'contact_data offline_access', pkce);
			const missing = await tokenRequest(fake, { grant_type: 'authorization_code', code: code2, redirect_uri: REDIRECT, client_id: 'public-client' });
			expect(missing.status).toBe(400);
		});

		it('refuses to start a public-client consent without a code challenge', async () => {
			const res = await authorize({ response_type: 'code', client_id: 'public-client', redirect_uri: REDIRECT, scope: 'contact_data', state: 's' });
			expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
		});
	});
});

describe('token endpoint: refresh_token', () => {
	it('rotating: the new refresh token works, the old one is invalid_grant', async () => {
		const first = await fake.issueTokens();
		const r1 = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: first.refresh_token }, CONFIDENTIAL);
		expect(r1.status).toBe(200);
		expect(r1.body.refresh_token).not.toBe(first.refresh_token);
		expect((await api(fake, r1.body.access_token, 'GET', '/contact_lists')).status).toBe(200);
		const reuse = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: first.refresh_token }, CONFIDENTIAL);
		expect(reuse.status).toBe(400);
		expect(reuse.body).toEqual({ error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' });
		const r2 = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: r1.body.refresh_token }, CONFIDENTIAL);
		expect(r2.status).toBe(200);
	});

	it('long_lived: the same refresh token comes back and keeps working', async () => {
		const first = await fake.issueTokens({ clientId: 'long-client' });
		const creds = { id: 'long-client', secret: 'long-secret' };
		const r1 = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: first.refresh_token }, creds);
		const r2 = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: first.refresh_token }, creds);
		expect([r1.status, r2.status]).toEqual([200, 200]);
		expect(r1.body.refresh_token).toBe(first.refresh_token);
		expect(r2.body.refresh_token).toBe(first.refresh_token);
	});

	it("rejects another client's refresh token", async () => {
		const first = await fake.issueTokens({ clientId: 'long-client' });
		const r = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: first.refresh_token }, CONFIDENTIAL);
		expect(r.body.error).toBe('invalid_grant');
	});

	it('gives refreshed access tokens the CURRENT lifetime option', async () => {
		const first = await fake.issueTokens();
		fake.options.accessTokenLifetimeSeconds = 5;
		const r = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: first.refresh_token }, CONFIDENTIAL);
		expect(r.body.expires_in).toBe(5);
		const claims = decodeJwt(r.body.access_token);
		expect(claims.exp! - claims.iat!).toBe(5);
	});

	it('revokeGrants kills access and refresh tokens of the client', async () => {
		const t = await fake.issueTokens();
		expect((await api(fake, t.access_token, 'GET', '/contact_lists')).status).toBe(200);
		fake.revokeGrants('test-client');
		const call = await api(fake, t.access_token, 'GET', '/contact_lists');
		expect(call.status).toBe(401);
		const r = await tokenRequest(fake, { grant_type: 'refresh_token', refresh_token: t.refresh_token }, CONFIDENTIAL);
		expect(r.body.error).toBe('invalid_grant');
	});

	it('limits the token endpoint to 1 request per second per client (429 rate_limited)', async () => {
		fake.options.tokenRateLimitPerSecond = 1;
		const t = await fake.issueTokens({ clientId: 'long-client' });
		const creds = { id: 'long-client', secret: 'long-secret' };
		const form = { grant_type: 'refresh_token', refresh_token: t.refresh_token };
		expect((await tokenRequest(fake, form, creds)).status).toBe(200);
		const second = await tokenRequest(fake, form, creds);
		expect(second.status).toBe(429);
		expect(second.body.error).toBe('rate_limited');
		await sleep(1050);
		expect((await tokenRequest(fake, form, creds)).status).toBe(200);
	});
});

describe('API authentication', () => {
	it('answers 401 with the single-object body for a missing, forged or expired token', async () => {
		const unauthorized = { error_key: 'unauthorized', error_message: 'Unauthorized' };
		const missing = await api(fake, undefined, 'GET', '/contacts');
		expect(missing).toMatchObject({ status: 401, body: unauthorized });
		const forged = await api(fake, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.', 'GET', '/contacts');
		expect(forged).toMatchObject({ status: 401, body: unauthorized });

		// exp has one-second granularity: 2 s leaves at least 1 s to prove the token works first.
		const short = await fake.issueTokens({ accessTokenLifetimeSeconds: 2 });
		expect((await api(fake, short.access_token, 'GET', '/contacts')).status).toBe(200);
		await sleep(decodeJwt(short.access_token).exp! * 1000 - Date.now() + 50);
		expect(await api(fake, short.access_token, 'GET', '/contacts')).toMatchObject({ status: 401, body: unauthorized });
	});

	it('rejects a token signed by another fake (other key)', async () => {
		const other = await startFakeConstantContact({ contract: false });
		try {
			const t = await other.issueTokens();
			expect((await api(fake, t.access_token, 'GET', '/contacts')).status).toBe(401);
		} finally {
			await other.close();
		}
	});

	it('answers 403 with an array body without contact_data, and summary needs account_read', async () => {
		const t = await fake.issueTokens({ scope: 'campaign_data offline_access' });
		const r = await api(fake, t.access_token, 'GET', '/contacts');
		expect(r.status).toBe(403);
		expect(Array.isArray(r.body)).toBe(true);
		expect(r.body[0].error_key).toBeTypeOf('string');
		// Privileges need no scope (swagger); the summary needs account_read.
		const contacts = await fake.issueTokens({ scope: 'contact_data' });
		const privileges = await api(fake, contacts.access_token, 'GET', '/account/user/privileges');
		expect(privileges.status).toBe(200);
		expect(privileges.body.map((p: { privilege_name: string }) => p.privilege_name)).toContain('contacts:write');
		expect((await api(fake, contacts.access_token, 'GET', '/account/summary')).status).toBe(403);
		const account = await fake.issueTokens({ scope: 'contact_data account_read' });
		const summary = await api(fake, account.access_token, 'GET', '/account/summary?extra_fields=physical_address');
		expect(summary.status).toBe(200);
		expect(summary.body.physical_address.country_code).toBe('US');
	});
});
