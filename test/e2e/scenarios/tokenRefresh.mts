// Scenario 3: the access token expires in the middle of a 20-item run. Constant Contact's refresh
// tokens rotate (each refresh kills the previous one), so n8n must refresh exactly once, save the new
// refresh token, and a later execution must refresh with that saved token and succeed.
//
// Timing: the token comes from a fresh consent with a lifetime of a few seconds more than `n8n execute`
// needs to boot (measured on the earlier scenarios), so it expires after the run's first requests. The
// fake paces nothing; the node itself keeps to 4 requests/s, so 20 items take several seconds.
import type { Ctx } from '../lib/context.mts';
import { execute, isApi, isRefresh, summarize } from '../lib/context.mts';
import { check, checkEqual, log } from '../lib/log.mts';
import { nodeOutput } from '../lib/n8n.mts';
import { CC_NODE, accountSyncParameters, workflow } from '../lib/workflows.mts';

const WORKFLOW_ID = 'e2eTokenRefresh20';
/** Lifetime of the tokens issued by refreshes: longer than the rest of a run, short enough to wait out. */
const REFRESHED_LIFETIME_S = 30;

const ITEMS = Array.from({ length: 20 }, (_, i) => {
	const n = String(i + 1).padStart(2, '0');
	return { email: `bulk${n}@example.com`, firstname: 'Bulk', lastname: `Contact ${n}` };
});

export function tokenRefreshWorkflow(ctx: Ctx, nodeType: string): Record<string, unknown> {
	return workflow({
		id: WORKFLOW_ID,
		name: 'e2e 3: 20 records while the access token expires',
		sourceName: 'Spreadsheet rows (stand-in)',
		items: ITEMS,
		parameters: accountSyncParameters([ctx.lists.customers.list_id]),
		credential: ctx.credential,
		nodeType,
	});
}

type TokenBody = { refresh_token?: string } | undefined;

export async function tokenRefresh(ctx: Ctx): Promise<void> {
	const { fake, n8n, rest, credential } = ctx;
	const bootS = Math.ceil(Math.max(5000, ...ctx.bootMs) / 1000);
	const lifetime = bootS + 4;
	log(`  n8n execute boots in up to ${bootS} s here: reconnecting with an access token lifetime of ${lifetime} s`);
	fake.options.accessTokenLifetimeSeconds = lifetime;
	await rest.connectOAuth2(credential.id);
	fake.options.accessTokenLifetimeSeconds = REFRESHED_LIFETIME_S;
	const consentAt = Date.now();

	// Run 1: the token expires during the run.
	const first = await execute(ctx, WORKFLOW_ID);
	const api = first.requests.filter(isApi);
	const refreshes = first.requests.filter(isRefresh);
	log(`  run 1: ${api.length} API requests, ${refreshes.length} refresh(es), token expired ${((consentAt + lifetime * 1000 - (api[0]?.receivedAt ?? 0)) / 1000).toFixed(1)} s after the first request`);
	checkEqual(nodeOutput(first.run, CC_NODE).map((i) => i.json.action), ITEMS.map(() => 'created'), 'run 1: output `action` per item');
	checkEqual(refreshes.map((r) => r.status), [200], 'run 1: refresh requests (status of each)');
	const firstUnauthorized = api.findIndex((r) => r.status === 401);
	check(firstUnauthorized >= 0, `run 1: no request met an expired token (${summarize(api)})`);
	check(
		api.slice(0, firstUnauthorized).some((r) => r.status < 300),
		`run 1: the token had expired before the run's first request (n8n execute booted slower than ${bootS} s); requests: ${summarize(api)}`,
	);
	check(api.slice(firstUnauthorized).some((r) => r.status < 300), 'run 1: no successful request after the refresh');
	const usedRefreshToken = (refreshes[0]!.body as TokenBody)?.refresh_token;

	// What n8n saved: the rotated refresh token, not the one it spent.
	const saved = await n8n.exportCredential(credential.id);
	const savedRefreshToken = (saved.data.oauthTokenData as TokenBody)?.refresh_token;
	check(savedRefreshToken, 'n8n saved no refresh token');
	check(savedRefreshToken !== usedRefreshToken, 'n8n still holds the refresh token it spent: the rotated one was not saved');

	// Run 2: wait until the refreshed access token has expired too, so that this run refreshes again with what n8n saved.
	fake.options.accessTokenLifetimeSeconds = 86_400;
	const waitMs = refreshes[0]!.respondedAt + REFRESHED_LIFETIME_S * 1000 + 1000 - Date.now();
	if (waitMs > 0) {
		log(`  waiting ${(waitMs / 1000).toFixed(0)} s for the refreshed access token to expire as well`);
		await new Promise((r) => setTimeout(r, waitMs));
	}
	const second = await execute(ctx, WORKFLOW_ID);
	const secondRefreshes = second.requests.filter(isRefresh);
	// The same rows again: every contact is found, compared, and left alone.
	checkEqual(nodeOutput(second.run, CC_NODE).map((i) => i.json.action), ITEMS.map(() => 'unchanged'), 'run 2: output `action` per item');
	checkEqual(secondRefreshes.map((r) => r.status), [200], 'run 2: refresh requests (status of each)');
	check((secondRefreshes[0]!.body as TokenBody)?.refresh_token === savedRefreshToken, 'run 2 refreshed with another token than the one n8n saved');
	fake.assertNoContractViolations();
}
