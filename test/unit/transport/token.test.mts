import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';

import { inspectAccessToken, isExpired, lacksScope, secondsLeft } from '../../../nodes/ConstantContact/transport/token.ts';

async function jwt(claims: Record<string, unknown>, expSeconds: number): Promise<string> {
	const { privateKey } = await generateKeyPair('RS256');
	return await new SignJWT(claims)
		.setProtectedHeader({ alg: 'RS256' })
		.setIssuedAt()
		.setExpirationTime(Math.floor(Date.now() / 1000) + expSeconds)
		.sign(privateKey);
}

describe('inspectAccessToken', () => {
	it('reads expiry and scopes from a Constant Contact style JWT', async () => {
		const token = await jwt({ scp: ['contact_data', 'offline_access'], jti: 'a1' }, 3600);
		const info = inspectAccessToken(token)!;
		expect(info.scopes).toEqual(['contact_data', 'offline_access']);
		expect(isExpired(info)).toBe(false);
		expect(secondsLeft(info)).toBeGreaterThan(3590);
		expect(lacksScope(info, 'contact_data')).toBe(false);
		expect(lacksScope(info, 'account_read')).toBe(true);
	});

	it('reports an expired token', async () => {
		const info = inspectAccessToken(await jwt({ scp: ['contact_data'] }, -5))!;
		expect(isExpired(info)).toBe(true);
		expect(secondsLeft(info)).toBeLessThan(0);
	});

	it('does not claim a scope is missing when the token carries no scp claim', async () => {
		const info = inspectAccessToken(await jwt({}, 60))!;
		expect(info.scopes).toBeUndefined();
		expect(lacksScope(info, 'contact_data')).toBe(false);
	});

	it('returns undefined for opaque tokens and garbage, and never exposes the token', async () => {
		expect(inspectAccessToken('opaque-token')).toBeUndefined();
		expect(inspectAccessToken('a.b.c')).toBeUndefined();
		expect(inspectAccessToken(undefined)).toBeUndefined();
		const token = await jwt({ scp: ['contact_data'], jti: 'x' }, 60);
		expect(JSON.stringify(inspectAccessToken(token))).not.toContain(token.split('.')[2]);
	});
});
