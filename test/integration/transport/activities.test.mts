/**
 * Waiting for bulk activities, through n8n's own execution against the fake: whatever the timeout and
 * delays the caller passes (NaN from an expression, 0, Infinity), tries and polls keep a floor between
 * them and stop at a deadline.
 */
import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { MAX_ACTIVITY_WAIT_MS, postActivity, waitBudget, waitForActivity } from '../../../nodes/ConstantContact/transport/activities.ts';
import type { FakeConstantContact } from '../../fake-constant-contact/server.mts';
import { startFakeConstantContact } from '../../fake-constant-contact/server.mts';
import { connectedCredential, createHarness, runNode } from '../../helpers/n8n.mts';
import { ProbeNode } from '../../helpers/probeNode.mts';

let fake: FakeConstantContact;
let harness: ReturnType<typeof createHarness>;

beforeEach(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false });
	harness = createHarness(connectedCredential(fake, (await fake.issueTokens()) as unknown as IDataObject));
});
afterEach(async () => {
	fake.assertNoContractViolations();
	await fake.close();
});

async function probe(plan: typeof ProbeNode.plan) {
	ProbeNode.plan = plan;
	return await runNode(harness, { nodeType: new ProbeNode(), typeName: 'CUSTOM.transportProbe', parameters: {} });
}

const QUEUE_FULL = [{ error_key: 'too_many_activities', error_message: 'You exceeded 1,000 queued activities for this user account.' }];
const calls = (method: string, prefix: string) => fake.requests.filter((r) => r.method === method && r.path.startsWith(prefix));
const list = () => [...fake.state.lists.values()][0] ?? fake.seed.list({ name: 'L' });

describe('waiting for activities', () => {
	it('a NaN timeout against a full queue is no wait: one try, then the reason', async () => {
		fake.injectFault({ method: 'POST', path: '/activities/contacts_json_import', status: 429, body: QUEUE_FULL, times: 50 });
		const started = Date.now();
		const { error } = await probe(async (ctx) =>
			postActivity.call(ctx, { path: '/activities/contacts_json_import', body: { import_data: [{ email: 'a@example.com' }], list_ids: [list().list_id] } }, { timeoutMs: Number.NaN }),
		);
		expect(error?.message).toMatch(/1,000 activities queued/);
		expect(calls('POST', '/v3/activities')).toHaveLength(1);
		expect(Date.now() - started).toBeLessThan(3_000);
	});

	it('a NaN timeout on an unfinished activity is no wait: one poll, and the state so far', async () => {
		fake.options.importStepMs = 60_000;
		const { output, error } = await probe(async (ctx) => {
			const started = await postActivity.call(ctx, { path: '/activities/contacts_json_import', body: { import_data: [{ email: 'a@example.com' }], list_ids: [list().list_id] } }, { timeoutMs: 1000 });
			return await waitForActivity.call(ctx, started.activity_id, { timeoutMs: Number.NaN });
		});
		expect(error).toBeUndefined();
		expect(output[0].json.result).toMatchObject({ final: false });
		expect(calls('GET', '/v3/activities/')).toHaveLength(1);
	}, 10_000);

	it('polls keep a floor between them whatever delays are asked (0, NaN)', async () => {
		fake.options.importStepMs = 60_000;
		for (const firstDelayMs of [0, Number.NaN]) {
			fake.requests.length = 0;
			const started = Date.now();
			await probe(async (ctx) => {
				const activity = await postActivity.call(ctx, { path: '/activities/contacts_json_import', body: { import_data: [{ email: 'a@example.com' }], list_ids: [list().list_id] } }, { timeoutMs: 1000 });
				return await waitForActivity.call(ctx, activity.activity_id, { timeoutMs: 1_500, firstDelayMs, maxDelayMs: firstDelayMs });
			});
			expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
			// At most one poll per 500 ms over 1.5 s, and one at the end.
			expect(calls('GET', '/v3/activities/').length).toBeLessThanOrEqual(4);
		}
	}, 15_000);

	it('a timeout of Infinity or beyond the maximum waits at most the maximum; NaN and negatives not at all', () => {
		expect(waitBudget(Number.POSITIVE_INFINITY)).toBe(MAX_ACTIVITY_WAIT_MS);
		expect(waitBudget(1e20)).toBe(MAX_ACTIVITY_WAIT_MS);
		expect(waitBudget(Number.NaN)).toBe(0);
		expect(waitBudget(-5)).toBe(0);
		expect(waitBudget(2_000)).toBe(2_000);
	});
});
