/**
 * The consent flow as n8n's OAuth2 credential controller runs it, with n8n's own OAuth2 client
 * (@n8n/client-oauth2): build the authorize URL, let the "browser" follow it to the provider, take
 * the redirect back to n8n's callback and exchange the code. The stored result is what n8n keeps as
 * `oauthTokenData`.
 */
import { ClientOAuth2 } from '@n8n/client-oauth2';
import { createHash, randomBytes } from 'node:crypto';

export const N8N_CALLBACK = 'http://localhost:5678/rest/oauth2-credential/callback';

export interface ConsentInput {
	authUrl: string;
	accessTokenUrl: string;
	clientId: string;
	clientSecret?: string;
	scope: string;
	grantType: 'authorizationCode' | 'pkce';
}

export async function runConsent(input: ConsentInput): Promise<{ oauthTokenData: Record<string, unknown>; authorizeUrl: string }> {
	const state = randomBytes(16).toString('hex');
	const verifier = randomBytes(32).toString('base64url');
	const challenge = createHash('sha256').update(verifier).digest('base64url');
	const client = new ClientOAuth2({
		clientId: input.clientId,
		clientSecret: input.clientSecret,
		accessTokenUri: input.accessTokenUrl,
		authorizationUri: input.authUrl,
		redirectUri: N8N_CALLBACK,
		scopes: input.scope.split(' '),
		state,
		authentication: 'header',
		...(input.grantType === 'pkce' ? { query: { code_challenge: challenge, code_challenge_method: 'S256' } } : {}),
	});
	const authorizeUrl = client.code.getUri();
	// The browser: the provider answers the authorize URL with a redirect to n8n's callback.
	const consent = await fetch(authorizeUrl, { redirect: 'manual' });
	const location = consent.headers.get('location');
	if (consent.status !== 302 || !location) throw new Error(`consent failed: ${consent.status} ${await consent.text()}`);
	const callback = new URL(location);
	if (callback.searchParams.get('state') !== state) throw new Error('state mismatch');
	const token = await client.code.getToken(callback.toString(), input.grantType === 'pkce' ? { body: { code_verifier: verifier } } : undefined);
	return { oauthTokenData: { ...token.data }, authorizeUrl };
}
