// Authorization server at the paths of authz.constantcontact.com: authorize (automatic consent,
// the test plays the browser), token (authorization_code + refresh_token) and keys (JWKS).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeCore } from './core.mts';
import { defaultFaultBody } from './errors.mts';
import { dropConnection, mediaType, readBody, sendHtml, sendJson, sleep } from './http.mts';
import { s256 } from './tokens.mts';
import type { TokenResponse } from './tokens.mts';
import type { FakeClient, RequestLogEntry } from './types.mts';

export const AUTHZ_PATHS = {
	authorize: '/oauth2/default/v1/authorize',
	token: '/oauth2/default/v1/token',
	keys: '/oauth2/default/v1/keys',
} as const;

export const KNOWN_SCOPES = new Set([
	'contact_data',
	'campaign_data',
	'account_read',
	'account_update',
	'billing_data',
	'offline_access',
	'openid',
	'profile',
	'email',
]);

const findClient = (core: FakeCore, id: string | null | undefined): FakeClient | undefined =>
	core.options.clients.find((c) => c.clientId === id);

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function handleAuthorize(core: FakeCore, req: IncomingMessage, res: ServerResponse, url: URL): void {
	const q = url.searchParams;
	if (req.method !== 'GET') return sendHtml(res, 405, '<h1>405 Method Not Allowed</h1>');
	const client = findClient(core, q.get('client_id'));
	const redirectUri = q.get('redirect_uri') ?? '';
	// Without a trustworthy redirect_uri the error is shown to the user, never redirected.
	if (!client) return sendHtml(res, 400, '<h1>400 Bad Request</h1><p>invalid_client: The client_id is not registered.</p>');
	if (!client.redirectUris.includes(redirectUri)) {
		return sendHtml(res, 400, `<h1>400 Bad Request</h1><p>The 'redirect_uri' parameter must be a Login redirect URI in the client app settings: ${escapeHtml(redirectUri)}</p>`);
	}
	const redirect = (params: Record<string, string>): void => {
		const target = new URL(redirectUri);
		for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
		const state = q.get('state');
		if (state !== null) target.searchParams.set('state', state);
		res.writeHead(302, { location: target.toString() });
		res.end();
	};
	const fail = (error: string, description: string): void => redirect({ error, error_description: description });

	if (q.get('response_type') !== 'code') return fail('unsupported_response_type', "The response type is not supported by the authorization server. Configured response types: [code].");
	const scopes = (q.get('scope') ?? '').split(' ').filter(Boolean);
	if (scopes.length === 0) return fail('invalid_scope', 'The authorization request must include at least one scope.');
	const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s));
	if (unknown.length) return fail('invalid_scope', `One or more scopes are not configured for the authorization server resource: ${unknown.join(' ')}`);
	const challenge = q.get('code_challenge') ?? undefined;
	const method = q.get('code_challenge_method');
	if (challenge !== undefined && method !== 'S256') return fail('invalid_request', "The 'code_challenge_method' parameter must be 'S256'.");
	if (challenge === undefined && method !== null) return fail('invalid_request', "'code_challenge_method' was given without 'code_challenge'.");
	if (!client.clientSecret && challenge === undefined) return fail('invalid_request', 'PKCE code challenge is required when the token endpoint authentication method is NONE.');
	const code = core.tokens.createCode({ clientId: client.clientId, redirectUri, scopes, codeChallenge: challenge });
	redirect({ code });
}

export function handleKeys(core: FakeCore, res: ServerResponse): void {
	sendJson(res, 200, core.tokens.jwks());
}

interface OAuthResult {
	status: number;
	body: unknown;
}

const oauthError = (status: number, error: string, description: string): OAuthResult => ({
	status,
	body: { error, error_description: description },
});

/** Reads client credentials: HTTP Basic (confidential clients) or client_id in the body (PKCE public clients). */
function identifyClient(req: IncomingMessage, form: URLSearchParams): { clientId?: string; secret?: string; basic: boolean } {
	const m = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
	if (m) {
		const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
		const i = decoded.indexOf(':');
		if (i < 0) return { basic: true };
		// RFC 6749 2.3.1: both parts are form-urlencoded before base64.
		const dec = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
		return { clientId: dec(decoded.slice(0, i)), secret: dec(decoded.slice(i + 1)), basic: true };
	}
	return { clientId: form.get('client_id') ?? undefined, secret: form.get('client_secret') ?? undefined, basic: false };
}

export async function handleToken(core: FakeCore, req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry): Promise<void> {
	const raw = await readBody(req, 1024 * 1024);
	const form = new URLSearchParams(raw.text);
	entry.body = Object.fromEntries(form);
	const grantType = form.get('grant_type') ?? '';
	const logged = { grantType, status: 0, receivedAt: entry.receivedAt };
	core.tokenRequests.push(logged);
	const finish = (status: number, body: unknown): void => {
		entry.status = logged.status = status;
		entry.respondedAt = Date.now();
		sendJson(res, status, body, { 'cache-control': 'no-store', pragma: 'no-cache' });
	};

	entry.clientId = identifyClient(req, form).clientId;
	const before = core.faults.take(req.method ?? 'POST', entry.path, undefined, 'before');
	if (before) {
		entry.fault = 'before';
		await sleep(before.delayMs ?? 0);
		if (before.drop) return dropped(req, res, entry);
		const status = before.status ?? 500;
		return finish(status, before.body ?? defaultFaultBody(status, true));
	}

	const result = await tokenGrant(core, req, form, entry, raw.tooLarge);
	const after = core.faults.take(req.method ?? 'POST', entry.path, undefined, 'after');
	if (after) {
		entry.fault = 'after';
		await sleep(after.delayMs ?? 0);
		if (after.drop) return dropped(req, res, entry);
		const status = after.status ?? 500;
		return finish(status, after.body ?? defaultFaultBody(status, true));
	}
	finish(result.status, result.body);
}

function dropped(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry): void {
	entry.status = 0;
	entry.respondedAt = Date.now();
	dropConnection(req, res);
}

async function tokenGrant(core: FakeCore, req: IncomingMessage, form: URLSearchParams, entry: RequestLogEntry, tooLarge: boolean): Promise<OAuthResult> {
	if (req.method !== 'POST') return oauthError(405, 'invalid_request', 'The token endpoint only accepts POST.');
	if (tooLarge || mediaType(req) !== 'application/x-www-form-urlencoded') {
		return oauthError(400, 'invalid_request', 'The token request must be application/x-www-form-urlencoded.');
	}
	const who = identifyClient(req, form);
	entry.clientId = who.clientId;
	if (who.clientId && !core.tokenLimiter.tryAcquire(who.clientId, core.options.tokenRateLimitPerSecond, entry.receivedAt)) {
		return oauthError(429, 'rate_limited', 'The token endpoint allows one request per second per client. Retry later.');
	}
	const client = findClient(core, who.clientId);
	const badClient = oauthError(401, 'invalid_client', 'Client authentication failed. Either the client or the client credentials are invalid.');
	if (!client) return badClient;
	if (client.clientSecret !== undefined) {
		// Confidential clients authenticate with HTTP Basic only (client_secret_basic).
		if (!who.basic || who.secret !== client.clientSecret) return badClient;
	} else if (who.secret !== undefined) {
		return badClient;
	}

	const grantType = form.get('grant_type');
	let out: TokenResponse;
	if (grantType === 'authorization_code') {
		const codeValue = form.get('code');
		if (!codeValue) return oauthError(400, 'invalid_request', "The 'code' parameter is required.");
		const code = core.tokens.consumeCode(codeValue, client.clientId);
		if (!code) return oauthError(400, 'invalid_grant', 'The authorization code is invalid or has expired.');
		if (form.get('redirect_uri') !== code.redirectUri) {
			return oauthError(400, 'invalid_grant', "The 'redirect_uri' does not match the redirection URI used in the authorization request.");
		}
		const verifier = form.get('code_verifier');
		if (code.codeChallenge !== undefined || verifier !== null) {
			if (code.codeChallenge === undefined || verifier === null || s256(verifier) !== code.codeChallenge) {
				return oauthError(400, 'invalid_grant', 'PKCE verification failed.');
			}
		}
		out = await core.tokens.startGrant(client.clientId, code.scopes, client.refreshTokenMode ?? 'rotating');
	} else if (grantType === 'refresh_token') {
		const token = form.get('refresh_token');
		if (!token) return oauthError(400, 'invalid_request', "The 'refresh_token' parameter is required.");
		const scope = form.get('scope');
		const r = await core.tokens.refresh(token, client.clientId, scope ? scope.split(' ').filter(Boolean) : undefined);
		if (r === 'invalid_grant') return oauthError(400, 'invalid_grant', 'The refresh token is invalid or expired.');
		if (r === 'invalid_scope') return oauthError(400, 'invalid_scope', 'The requested scope is invalid, unknown, or malformed.');
		out = r;
	} else {
		return oauthError(400, 'unsupported_grant_type', `The authorization grant type is not supported by the authorization server: ${grantType ?? ''}`);
	}
	return { status: 200, body: out };
}
