// Starts the fake Constant Contact (authorization server + /v3 API) on node:http or node:https.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { handleApi } from './api/pipeline.mts';
import { ROUTES } from './api/router.mts';
import { AUTHZ_PATHS, KNOWN_SCOPES, handleAuthorize, handleKeys, handleToken } from './authz.mts';
import { loadContract } from './contract.mts';
import type { FakeCore } from './core.mts';
import { FaultRegistry } from './faults.mts';
import { queryObject, sendJson } from './http.mts';
import { DailyQuota, PerSecondLimiter } from './limits.mts';
import { createSeam } from './campaignLifecycle.mts';
import { FakeState, createSeeder } from './state.mts';
import { TokenService } from './tokens.mts';
import type { FakeConstantContact, FakeOptions, RequestLogEntry, ResolvedOptions, TokenSet } from './types.mts';

export type * from './types.mts';

export const DEFAULT_CLIENT = {
	clientId: 'test-client',
	clientSecret: 'test-secret',
	redirectUris: ['http://localhost:5678/rest/oauth2-credential/callback'],
	refreshTokenMode: 'rotating' as const,
};

function resolveOptions(o: FakeOptions): ResolvedOptions {
	return {
		host: o.host ?? '127.0.0.1',
		port: o.port ?? 0,
		tls: o.tls,
		clients: o.clients ?? [{ ...DEFAULT_CLIENT, redirectUris: [...DEFAULT_CLIENT.redirectUris] }],
		accessTokenLifetimeSeconds: o.accessTokenLifetimeSeconds ?? 86_400,
		rateLimitPerSecond: o.rateLimitPerSecond ?? 4,
		rateLimitModel: o.rateLimitModel ?? (o.refusedCountInWindow ? 'refusedCounted' : 'sliding'),
		tokenRateLimitPerSecond: o.tokenRateLimitPerSecond ?? 1,
		dailyQuota: o.dailyQuota ?? 10_000,
		latencyMs: o.latencyMs ?? 0,
		importStepMs: o.importStepMs ?? 200,
		campaignSendMs: o.campaignSendMs ?? 200,
		contract: o.contract ?? true,
		issuer: o.issuer ?? 'https://identity.constantcontact.com/oauth2/aus1lm3ry9mF7x2Ja0h8',
		audience: o.audience ?? 'https://api.cc.email/v3',
	};
}

export async function startFakeConstantContact(options: FakeOptions = {}): Promise<FakeConstantContact> {
	const opts = resolveOptions(options);
	const contract = opts.contract ? await loadContract() : undefined;
	if (contract) {
		for (const r of ROUTES) {
			if (!contract.hasOperation(r.method, r.template)) throw new Error(`fake-constant-contact: ${r.method} ${r.template} is not in the swagger`);
			// The scope each route demands is the one the swagger's `security` names for it.
			const scopes = contract.scopes(r.method, r.template);
			if (scopes.join(' ') !== (r.scope ?? '')) throw new Error(`fake-constant-contact: ${r.method} ${r.template} asks for scope "${r.scope ?? ''}", the swagger for "${scopes.join(' ')}"`);
		}
	}
	const core: FakeCore = {
		options: opts,
		state: new FakeState(),
		tokens: await TokenService.create(opts),
		apiLimiter: new PerSecondLimiter(),
		tokenLimiter: new PerSecondLimiter(),
		quota: new DailyQuota(),
		faults: new FaultRegistry(),
		contract,
		requests: [],
		tokenRequests: [],
		contractViolations: [],
		timers: new Set(),
	};

	const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
		dispatch(core, req, res).catch((err: unknown) => {
			console.error('fake-constant-contact: request failed', err);
			if (!res.headersSent) sendJson(res, 500, [{ error_key: 'server_error', error_message: 'There was a problem with our internal service.' }]);
		});
	};
	const server = opts.tls ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, listener) : http.createServer(listener);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port, opts.host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	const host = opts.host === '0.0.0.0' ? '127.0.0.1' : opts.host === '::' ? '[::1]' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
	const url = `${opts.tls ? 'https' : 'http'}://${host}:${port}`;

	const clearTimers = (): void => {
		for (const t of core.timers) clearTimeout(t);
		core.timers.clear();
	};

	return {
		url,
		apiBaseUrl: `${url}/v3`,
		authorizeUrl: `${url}${AUTHZ_PATHS.authorize}`,
		tokenUrl: `${url}${AUTHZ_PATHS.token}`,
		keysUrl: `${url}${AUTHZ_PATHS.keys}`,
		options: opts,
		state: core.state,
		seed: createSeeder(core.state),
		campaigns: createSeam(core),
		requests: core.requests,
		tokenRequests: core.tokenRequests,
		contractViolations: core.contractViolations,
		async issueTokens(p = {}): Promise<TokenSet> {
			const client = p.clientId === undefined ? opts.clients[0] : opts.clients.find((c) => c.clientId === p.clientId);
			if (!client) throw new Error(`issueTokens: unknown client ${p.clientId ?? '(none configured)'}`);
			// By default what the credential asks for now; old connections pass their own, narrower scope.
			const scopes = (p.scope ?? 'contact_data campaign_data account_read offline_access').split(' ').filter(Boolean);
			const unknown = scopes.filter((s) => !KNOWN_SCOPES.has(s));
			if (unknown.length) throw new Error(`issueTokens: unknown scope(s) ${unknown.join(' ')}`);
			// Without offline_access there is no refresh token, exactly as after a real consent.
			return (await core.tokens.startGrant(client.clientId, scopes, client.refreshTokenMode ?? 'rotating', p.accessTokenLifetimeSeconds)) as TokenSet;
		},
		async grantOf(accessToken: string): Promise<string | undefined> {
			return (await core.tokens.verify(`Bearer ${accessToken}`))?.grantId;
		},
		revokeGrants(clientId?: string): void {
			core.tokens.revoke(clientId);
		},
		injectFault(f): void {
			core.faults.add(f);
		},
		assertNoContractViolations(): void {
			const v = core.contractViolations;
			if (v.length) throw new Error(`Constant Contact contract violations (${v.length}):\n- ${v.join('\n- ')}`);
		},
		reset(): void {
			// Keeps grants/tokens and options: tests reset between cases without reconnecting.
			clearTimers();
			core.state.clear();
			core.requests.length = 0;
			core.tokenRequests.length = 0;
			core.contractViolations.length = 0;
			core.faults.reset();
			core.apiLimiter.reset();
			core.tokenLimiter.reset();
			core.quota.reset();
		},
		async close(): Promise<void> {
			clearTimers();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

async function dispatch(core: FakeCore, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://fake.invalid');
	const path = url.pathname;
	if (path === AUTHZ_PATHS.authorize) return handleAuthorize(core, req, res, url);
	if (path === AUTHZ_PATHS.keys) return handleKeys(core, res);
	const isToken = path === AUTHZ_PATHS.token;
	if (!isToken && path !== '/v3' && !path.startsWith('/v3/')) {
		sendJson(res, 404, [{ error_key: 'not_found', error_message: `Nothing at ${path}` }]);
		return;
	}
	const entry: RequestLogEntry = {
		method: (req.method ?? 'GET').toUpperCase(),
		path,
		query: queryObject(url.searchParams),
		status: 0,
		receivedAt: Date.now(),
		respondedAt: 0,
	};
	core.requests.push(entry); // arrival order
	if (isToken) return handleToken(core, req, res, entry);
	return handleApi(core, req, res, url, entry);
}
