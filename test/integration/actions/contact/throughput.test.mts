/** Per-item operations at Constant Contact's limit: pacing across executions, one refresh, per-contact order. */
import { afterEach, describe, expect, it } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, contactByEmail, mapped, run, startAccount } from './setup.mts';

let account: Account | undefined;

afterEach(async () => {
	account?.fake.assertNoContractViolations();
	await account?.fake.close();
	account = undefined;
});

const create = (email: string) => ({ operation: 'create', contactFields: mapped({ email_address: email }) });
const byExpression = { operation: 'create', contactFields: mapped({ email_address: '={{ $json.email }}' }) };

describe('throughput at the limit', () => {
	it('two executions of the same app share one 4 requests/second budget: no 429', async () => {
		account = await startAccount({ rateLimitPerSecond: 4 });
		const items = (prefix: string) => Array.from({ length: 12 }, (_, i) => ({ email: `${prefix}${i}@example.com` }));
		const started = Date.now();
		const [a, b] = await Promise.all([run(account, byExpression, items('a')), run(account, byExpression, items('b'))]);
		const seconds = (Date.now() - started) / 1000;
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(a.output).toHaveLength(12);
		expect(b.output).toHaveLength(12);
		const calls = apiRequests(account.fake);
		expect(calls.filter((r) => r.status === 429)).toHaveLength(0);
		expect(calls.filter((r) => r.method === 'POST' && r.status === 201)).toHaveLength(24);
		// 24 requests at 4 per second: 6 windows.
		expect(seconds).toBeGreaterThanOrEqual(5);
	}, 30_000);

	it('with an expired token, the items wait for the one request that lets n8n refresh', async () => {
		account = await startAccount({ accessTokenLifetimeSeconds: 1, tokenRateLimitPerSecond: false });
		account.fake.options.accessTokenLifetimeSeconds = 3600;
		await new Promise((r) => setTimeout(r, 1100));
		const items = Array.from({ length: 8 }, (_, i) => ({ email: `t${i}@example.com` }));
		const { output, error } = await run(account, byExpression, items);
		expect(error).toBeUndefined();
		expect(output.map((o) => o.json.action)).toEqual(Array(8).fill('created'));
		expect(account.fake.tokenRequests.filter((t) => t.grantType === 'refresh_token')).toHaveLength(1);
		expect(apiRequests(account.fake).filter((r) => r.status === 401)).toHaveLength(1);
	});

	it('keeps items for the same contact in order while others run alongside', async () => {
		account = await startAccount({ latencyMs: 30 });
		const items = [
			{ email: 'same@example.com', name: 'One' },
			{ email: 'other@example.com', name: 'Other' },
			{ email: 'SAME@example.com', name: 'Two' },
			{ email: 'same@example.com', name: 'Three' },
		];
		const { output, error } = await run(
			account,
			{ operation: 'upsert', consentPath: 'accountSync', contactFields: mapped({ email_address: '={{ $json.email }}', first_name: '={{ $json.name }}' }) },
			items,
		);
		expect(error).toBeUndefined();
		expect(output.map((o) => o.json.action)).toEqual(['created', 'created', 'updated', 'updated']);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(contactByEmail(account.fake, 'same@example.com')!.first_name).toBe('Three');
		expect([...account.fake.state.contacts.values()]).toHaveLength(2);
	});

	it('runs a single item exactly as before (no lanes needed)', async () => {
		account = await startAccount();
		const { output } = await run(account, create('solo@example.com'));
		expect(output[0].json.action).toBe('created');
	});
});
