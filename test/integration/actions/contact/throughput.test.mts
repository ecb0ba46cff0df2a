/** Per-item operations at Constant Contact's limit: pacing across executions, one refresh, per-contact order. */
import { afterEach, describe, expect, it } from 'vitest';

import type { IDataObject } from 'n8n-workflow';

import { startFakeConstantContact } from '../../../fake-constant-contact/server.mts';
import { connectedCredential, createHarness } from '../../../helpers/n8n.mts';
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

	it("a partner key's 10 requests/second, set in the credential: the node paces at 10, not 4, and meets no 429", async () => {
		const fake = await startFakeConstantContact({ rateLimitPerSecond: 10 });
		const tokens = await fake.issueTokens();
		// Its own app key: the pacer is per app (and rate) for the whole process.
		const credential = { ...connectedCredential(fake, tokens as unknown as IDataObject, { clientId: 'partner-app' }), requestsPerSecond: 10, requestsPerDay: 250_000 };
		account = { fake, harness: createHarness(credential) };
		const items = Array.from({ length: 40 }, (_, i) => ({ email: `p${i}@example.com` }));
		const started = Date.now();
		const { output, error } = await run(account, byExpression, items);
		const seconds = (Date.now() - started) / 1000;
		expect(error).toBeUndefined();
		expect(output).toHaveLength(40);
		const calls = apiRequests(account.fake);
		expect(calls.filter((r) => r.status === 429)).toHaveLength(0);
		// 40 requests: 4 seconds at 10 per second, where 4 per second would take 10.
		expect(seconds).toBeLessThan(7);
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

	it('distinct contacts still overlap at the pacer\'s rate, named by ID or by email; naming them both ways adds no request', async () => {
		// 400 ms answers, a request every ~257 ms: one at a time would take 12 × 400 ms; in lanes the pacer sets the pace.
		// Its own app: the pacer of the tests before learned 30 to 50 ms answers, and takes 400 ms ones
		// for late arrivals until it has seen a few (arrivals.ts), which spaces them out.
		const fake = await startFakeConstantContact({ rateLimitPerSecond: false, latencyMs: 400 });
		account = { fake, harness: createHarness(connectedCredential(fake, (await fake.issueTokens()) as unknown as IDataObject, { clientId: 'slow-app' })) };
		const contacts = Array.from({ length: 6 }, (_, i) => fake.seed.contact({ email_address: { address: `d${i}@example.com` } }));
		/** The most API requests the fake was answering at one time. */
		const peak = (calls: ReturnType<typeof apiRequests>) =>
			Math.max(...calls.map((a) => calls.filter((b) => b.receivedAt <= a.receivedAt && b.respondedAt > a.receivedAt).length));
		let runs = 0;
		const update = (refs: string[]) => {
			runs++;
			return run(account!, { operation: 'update', contact: { __rl: true, mode: 'id', value: '={{ $json.ref }}' }, updateFields: mapped({ job_title: '={{ $json.title }}' }) }, refs.map((ref) => ({ ref, title: `Run ${runs}` })));
		};
		for (const refs of [contacts.map((c) => c.contact_id), contacts.map((c) => c.email_address.address)]) {
			fake.requests.length = 0;
			const started = Date.now();
			const { output, error } = await update(refs);
			expect(error).toBeUndefined();
			expect(output.map((o) => o.json.action)).toEqual(Array(6).fill('updated'));
			expect(apiRequests(fake)).toHaveLength(12);
			expect(peak(apiRequests(fake))).toBeGreaterThanOrEqual(2);
			expect(Date.now() - started).toBeLessThan(12 * 400);
		}
		fake.requests.length = 0;
		const mixed = await update(contacts.map((c, i) => (i % 2 ? c.email_address.address : c.contact_id)));
		expect(mixed.output.map((o) => o.json.action)).toEqual(Array(6).fill('updated'));
		expect(apiRequests(fake)).toHaveLength(12);
	}, 30_000);

	it('runs a single item exactly as before (no lanes needed)', async () => {
		account = await startAccount();
		const { output } = await run(account, create('solo@example.com'));
		expect(output[0].json.action).toBe('created');
	});
});
