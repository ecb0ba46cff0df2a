// n8n's REST API as the editor calls it, and the browser's part of the OAuth2 consent.
import { N8N_URL, OAUTH_CALLBACK, OWNER } from './n8n.mts';

export class N8nRest {
	private cookie = '';

	async login(): Promise<void> {
		const res = await fetch(`${N8N_URL}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		if (!res.ok) throw new Error(`POST /rest/login answered ${res.status}: ${await res.text()}`);
		const auth = res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error('POST /rest/login set no n8n-auth cookie');
		this.cookie = auth.split(';')[0]!;
	}

	async request<T>(method: string, path: string, body?: unknown): Promise<T> {
		const res = await fetch(`${N8N_URL}${path}`, {
			method,
			headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
		return (JSON.parse(text) as { data: T }).data;
	}

	/** Creates a credential as the editor's credential modal does; n8n fills in the hidden fields' defaults. */
	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<{ id: string; name: string }> {
		return await this.request('POST', '/rest/credentials', { name, type, data });
	}

	/**
	 * The consent flow through n8n's own endpoints, this test playing the browser: n8n builds the
	 * authorize URL, the (fake) provider consents and redirects to n8n's callback, n8n exchanges the
	 * code and stores the tokens in the credential.
	 */
	async connectOAuth2(credentialId: string): Promise<{ authorizeUrl: URL }> {
		const authorizeUrl = new URL(await this.request<string>('GET', `/rest/oauth2-credential/auth?id=${credentialId}`));
		const consent = await fetch(authorizeUrl, { redirect: 'manual' });
		const location = consent.headers.get('location');
		if (consent.status !== 302 || !location) {
			throw new Error(`the provider's authorize page answered ${consent.status} without a redirect: ${(await consent.text()).slice(0, 300)}`);
		}
		const callback = new URL(location);
		if (`${callback.origin}${callback.pathname}` !== OAUTH_CALLBACK) throw new Error(`the provider redirected to ${callback.href}, not n8n's callback`);
		if (callback.searchParams.has('error')) throw new Error(`the provider refused consent: ${callback.searchParams.get('error')} ${callback.searchParams.get('error_description')}`);
		const res = await fetch(callback, { headers: { cookie: this.cookie }, redirect: 'manual' });
		const page = await res.text();
		// n8n renders "oauth-callback" on success and an error page (HTTP 200 too) otherwise.
		if (!res.ok || /error/i.test(page.match(/<title>(.*?)<\/title>/is)?.[1] ?? '') || /Insufficient parameters|callback failed|went wrong/i.test(page)) {
			throw new Error(`n8n's OAuth2 callback did not succeed (${res.status}): ${page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 400)}`);
		}
		return { authorizeUrl };
	}

	/** The credential modal's "Test" button: n8n runs the credential type's test request. */
	async testCredential(credential: { id: string; name: string; type: string }): Promise<{ status: string; message: string }> {
		return await this.request('POST', '/rest/credentials/test', { credentials: { ...credential, data: {} } });
	}

	/** A type file the editor loads (`/types/nodes.json`, `/types/credentials.json`): what n8n registered, descriptions included. */
	async typeFile<T>(path: string): Promise<T> {
		const res = await fetch(`${N8N_URL}${path}`, { headers: { cookie: this.cookie } });
		if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
		return (await res.json()) as T;
	}

	/** The type files the editor loads: proves which node and credential types n8n registered. */
	async expectNodeType(nodeType: string, credentialType: string): Promise<void> {
		const get = async (path: string): Promise<Array<{ name: string }>> => {
			const res = await fetch(`${N8N_URL}${path}`, { headers: { cookie: this.cookie } });
			if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
			return (await res.json()) as Array<{ name: string }>;
		};
		const nodes = await get('/types/nodes.json');
		if (!nodes.some((n) => n.name === nodeType)) {
			const ours = nodes.filter((n) => /constant/i.test(n.name)).map((n) => n.name);
			throw new Error(`n8n has no node type ${nodeType} (of ${nodes.length}; Constant Contact-like: ${ours.join(', ') || 'none'})`);
		}
		const credentials = await get('/types/credentials.json');
		if (!credentials.some((c) => c.name === credentialType)) throw new Error(`n8n has no credential type ${credentialType}`);
	}
}
