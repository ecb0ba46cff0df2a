// Grants, authorization codes, RS256 access tokens and refresh tokens (Okta-style, as Constant
// Contact's authz server issues them).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import type { RefreshTokenMode, ResolvedOptions } from './types.mts';

const CODE_LIFETIME_MS = 5 * 60_000;
const REFRESH_IDLE_MS = 180 * 24 * 3600_000; // refresh tokens die after 180 days unused
export const FAKE_USER = { sub: 'fake.user@example.com', platformUserId: '6d3f0f1c-8f4e-4a55-9a43-2f8d7c3b9e10' };

export interface AuthCode {
	clientId: string;
	redirectUri: string;
	scopes: string[];
	codeChallenge?: string;
	expiresAt: number;
	used: boolean;
}

interface Grant {
	id: string;
	clientId: string;
	scopes: string[];
	mode: RefreshTokenMode;
	refreshToken?: string;
	refreshUsedAt: number;
	revoked: boolean;
}

export interface TokenResponse {
	access_token: string;
	token_type: 'Bearer';
	expires_in: number;
	scope: string;
	refresh_token?: string;
}

export interface AccessInfo {
	clientId: string;
	scopes: string[];
	grantId: string;
}

const opaque = (): string => randomBytes(32).toString('base64url');
export const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

export class TokenService {
	private readonly options: ResolvedOptions;
	private readonly privateKey: CryptoKey;
	private readonly publicKey: CryptoKey;
	private readonly publicJwk: JWK;
	private readonly codes = new Map<string, AuthCode>();
	private readonly grants = new Map<string, Grant>();
	private readonly refreshIndex = new Map<string, string>(); // refresh token -> grant id
	private readonly accessIndex = new Map<string, string>(); // jti -> grant id

	private constructor(options: ResolvedOptions, privateKey: CryptoKey, publicKey: CryptoKey, publicJwk: JWK) {
		this.options = options;
		this.privateKey = privateKey;
		this.publicKey = publicKey;
		this.publicJwk = publicJwk;
	}

	static async create(options: ResolvedOptions): Promise<TokenService> {
		const { privateKey, publicKey } = await generateKeyPair('RS256');
		const jwk = await exportJWK(publicKey);
		const kid = s256(JSON.stringify([jwk.n, jwk.e])).slice(0, 16);
		return new TokenService(options, privateKey, publicKey, { ...jwk, kid, alg: 'RS256', use: 'sig' });
	}

	jwks(): { keys: JWK[] } {
		return { keys: [this.publicJwk] };
	}

	createCode(p: Omit<AuthCode, 'expiresAt' | 'used'>): string {
		const code = opaque();
		this.codes.set(code, { ...p, expiresAt: Date.now() + CODE_LIFETIME_MS, used: false });
		return code;
	}

	/** Consumes a code (single use): a second presentation fails even if the first one failed later checks. */
	consumeCode(code: string, clientId: string): AuthCode | undefined {
		const c = this.codes.get(code);
		if (!c || c.clientId !== clientId) return undefined;
		const ok = !c.used && c.expiresAt > Date.now();
		c.used = true;
		return ok ? c : undefined;
	}

	/** Starts a grant, as a completed consent + code exchange does. */
	async startGrant(clientId: string, scopes: string[], mode: RefreshTokenMode, lifetimeSeconds?: number): Promise<TokenResponse> {
		const grant: Grant = { id: randomUUID(), clientId, scopes, mode, refreshUsedAt: Date.now(), revoked: false };
		this.grants.set(grant.id, grant);
		if (scopes.includes('offline_access')) this.newRefreshToken(grant);
		return this.respond(grant, scopes, lifetimeSeconds);
	}

	/** Returns undefined for an unknown, rotated-out, revoked or idle-expired token, or another client's. */
	async refresh(refreshToken: string, clientId: string, requestedScopes?: string[]): Promise<TokenResponse | 'invalid_grant' | 'invalid_scope'> {
		const grant = this.grants.get(this.refreshIndex.get(refreshToken) ?? '');
		const now = Date.now();
		if (!grant || grant.revoked || grant.clientId !== clientId || grant.refreshToken !== refreshToken || now - grant.refreshUsedAt > REFRESH_IDLE_MS) {
			return 'invalid_grant';
		}
		if (requestedScopes && requestedScopes.some((s) => !grant.scopes.includes(s))) return 'invalid_scope';
		grant.refreshUsedAt = now;
		if (grant.mode === 'rotating') this.newRefreshToken(grant); // every earlier token of the grant dies
		return this.respond(grant, requestedScopes ?? grant.scopes);
	}

	async verify(authorization: string | undefined): Promise<AccessInfo | undefined> {
		const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
		if (!m) return undefined;
		try {
			const { payload } = await jwtVerify(m[1]!, this.publicKey, {
				issuer: this.options.issuer,
				audience: this.options.audience,
				algorithms: ['RS256'],
			});
			const grant = this.grants.get(this.accessIndex.get(String(payload.jti)) ?? '');
			if (!grant || grant.revoked) return undefined;
			const scp = Array.isArray(payload.scp) ? payload.scp.map(String) : [];
			return { clientId: String(payload.cid), scopes: scp, grantId: grant.id };
		} catch {
			return undefined;
		}
	}

	revoke(clientId?: string): void {
		for (const g of this.grants.values()) if (clientId === undefined || g.clientId === clientId) g.revoked = true;
	}

	private newRefreshToken(grant: Grant): void {
		if (grant.refreshToken) this.refreshIndex.delete(grant.refreshToken);
		grant.refreshToken = opaque();
		this.refreshIndex.set(grant.refreshToken, grant.id);
	}

	private async respond(grant: Grant, scopes: string[], lifetimeSeconds?: number): Promise<TokenResponse> {
		// Read the lifetime now: refreshed tokens follow the CURRENT option.
		const lifetime = lifetimeSeconds ?? this.options.accessTokenLifetimeSeconds;
		const iat = Math.floor(Date.now() / 1000);
		const jti = `AT.${opaque()}`;
		const accessToken = await new SignJWT({
			ver: 1,
			cid: grant.clientId,
			scp: scopes,
			platform_user_id: FAKE_USER.platformUserId,
		})
			.setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid! })
			.setIssuer(this.options.issuer)
			.setAudience(this.options.audience)
			.setSubject(FAKE_USER.sub)
			.setJti(jti)
			.setIssuedAt(iat)
			.setExpirationTime(iat + lifetime)
			.sign(this.privateKey);
		this.accessIndex.set(jti, grant.id);
		const out: TokenResponse = { access_token: accessToken, token_type: 'Bearer', expires_in: lifetime, scope: scopes.join(' ') };
		if (grant.refreshToken) out.refresh_token = grant.refreshToken;
		return out;
	}
}
