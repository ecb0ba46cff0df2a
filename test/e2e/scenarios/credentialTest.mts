// Scenario 5: the credential modal's "Test" button (the credential type's test request,
// GET /contact_lists?limit=1): it succeeds after the consent, and once Constant Contact revokes the
// grant (the app was disconnected) it fails with a message that tells the user what is wrong.
import type { Ctx } from '../lib/context.mts';
import { isApi } from '../lib/context.mts';
import { check, checkEqual, log } from '../lib/log.mts';

export async function credentialTestSucceeds(ctx: Ctx): Promise<void> {
	const from = ctx.fake.requests.length;
	const result = await ctx.rest.testCredential(ctx.credential);
	log(`  n8n: ${JSON.stringify(result)}`);
	checkEqual(result.status, 'OK', 'credential test status');
	const probe = ctx.fake.requests.slice(from).filter(isApi);
	check(probe.some((r) => r.path === '/v3/contact_lists' && r.query.limit === '1' && r.status === 200), 'the test did not call GET /v3/contact_lists?limit=1 successfully');
}

export async function credentialTestFailsAfterRevoke(ctx: Ctx): Promise<void> {
	ctx.fake.revokeGrants();
	const result = await ctx.rest.testCredential(ctx.credential);
	log(`  n8n: ${JSON.stringify(result)}`);
	checkEqual(result.status, 'Error', 'credential test status after the grant was revoked');
	check(/401|unauthori[sz]ed|invalid_grant|expired|reconnect|refresh/i.test(result.message), `the failure message does not say what is wrong: "${result.message}"`);
}
