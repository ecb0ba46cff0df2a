import { decodeJwt } from 'jose';

/** What the package may know about an access token: never the token itself. */
export interface AccessTokenInfo {
	/** Expiry in epoch milliseconds, from `exp`. */
	expiresAt?: number;
	/** Granted scopes, from `scp` (Okta style, unconfirmed by Constant Contact: read it only when present). */
	scopes?: string[];
	/** A stable, non-secret identity of this token, used to group requests that wait for one refresh. */
	fingerprint: string;
}

/**
 * Decodes (never verifies: n8n holds the token, Constant Contact verifies it) the claims of a
 * Constant Contact access token. Returns undefined for anything that is not a JWT.
 */
export function inspectAccessToken(accessToken: unknown): AccessTokenInfo | undefined {
	if (typeof accessToken !== 'string' || accessToken.split('.').length !== 3) return undefined;
	let claims: ReturnType<typeof decodeJwt>;
	try {
		claims = decodeJwt(accessToken);
	} catch {
		return undefined;
	}
	const scp = claims.scp ?? claims.scope;
	const scopes = Array.isArray(scp)
		? scp.filter((s): s is string => typeof s === 'string')
		: typeof scp === 'string'
			? scp.split(/\s+/).filter(Boolean)
			: undefined;
	const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
	const identity = [claims.jti, claims.sub, claims.iat, claims.exp].map((v) => String(v ?? '')).join(':');
	return { expiresAt, scopes, fingerprint: identity };
}

export function isExpired(info: AccessTokenInfo | undefined, now = Date.now()): boolean {
	return info?.expiresAt !== undefined && info.expiresAt <= now;
}

export function lacksScope(info: AccessTokenInfo | undefined, scope: string): boolean {
	return info?.scopes !== undefined && !info.scopes.includes(scope);
}

/** Seconds until expiry (negative once expired), or undefined when the token carries no `exp`. */
export function secondsLeft(info: AccessTokenInfo | undefined, now = Date.now()): number | undefined {
	return info?.expiresAt === undefined ? undefined : Math.floor((info.expiresAt - now) / 1000);
}
