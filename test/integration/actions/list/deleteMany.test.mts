import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { until } from '../../../fake-constant-contact/testUtil.mts';
import type { Account } from '../contact/setup.mts';
import { apiRequests, run, startAccount } from '../contact/setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount({ importStepMs: 20 });
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const byIdExpression = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
const MISSING = '0b4d7f4e-0000-4000-8000-000000000002';

describe('List → Delete Many', () => {
	it('deletes 150 lists in 2 bulk activities (100 at most each); their contacts stay, each item reports its list', async () => {
		const { fake } = account;
		const lists = Array.from({ length: 150 }, (_, i) => fake.seed.list({ name: `L${i}` }));
		const keep = fake.seed.list({ name: 'Keep' });
		const c = fake.seed.contact({ email_address: { address: 'a@example.com' }, list_memberships: [lists[0].list_id, keep.list_id] });
		const { output, error } = await run(account, { resource: 'list', operation: 'deleteMany', list: byIdExpression }, lists.map((l) => ({ id: l.list_id })));
		expect(error).toBeUndefined();
		expect(output).toHaveLength(150);
		expect(output[149]).toEqual({ json: { list_id: lists[149].list_id, deleted: true, activity_id: expect.any(String), activity_state: 'completed' }, pairedItem: { item: 149 } });
		const posts = apiRequests(fake, 'POST');
		expect(posts.map((p) => p.path)).toEqual(Array(2).fill('/v3/activities/list_delete'));
		expect(posts.map((p) => (p.body as { list_ids: string[] }).list_ids.length)).toEqual([100, 50]);
		expect(lists.every((l) => fake.state.lists.get(l.list_id)!.deleted_at)).toBe(true);
		expect(fake.state.contacts.get(c.contact_id)!.list_memberships).toEqual([keep.list_id]);
		// The single Delete is unchanged: one DELETE per item.
		expect(apiRequests(fake, 'DELETE')).toHaveLength(0);
	});

	it('a list the activity reports as not found fails alone (Continue On Fail, error output)', async () => {
		const { fake } = account;
		const a = fake.seed.list({ name: 'A' });
		const { outputs } = await run(account, { resource: 'list', operation: 'deleteMany', list: byIdExpression }, [{ id: MISSING }, { id: a.list_id }], 'continueErrorOutput');
		expect(outputs[0].map((o) => [o.pairedItem, o.json.list_id, o.json.deleted])).toEqual([[{ item: 1 }, a.list_id, true]]);
		expect(outputs[1].map((o) => [o.pairedItem, o.json.error])).toEqual([
			[{ item: 0 }, expect.stringMatching(new RegExp(`^Constant Contact's bulk activity .+ did not delete the list ${MISSING}$`))],
		]);
	});

	it('errors the activity counts without naming a list: each list is read back, and only one still there fails', async () => {
		const { fake } = account;
		const a = fake.seed.list({ name: 'A' });
		const b = fake.seed.list({ name: 'B' });
		const running = run(account, { resource: 'list', operation: 'deleteMany', list: byIdExpression }, [{ id: a.list_id }, { id: b.list_id }], 'continueErrorOutput');
		// The activity completes before the node's first poll (1 s): make it report an error it does not attribute, with B left in place.
		const act = await until(async () => [...fake.state.activities.values()][0], (x) => x?.state === 'completed');
		act.activity_errors.push('1 list could not be deleted');
		act.status.error_count = 1;
		delete fake.state.lists.get(b.list_id)!.deleted_at;
		const { outputs } = await running;
		expect(outputs[0].map((o) => [o.pairedItem, o.json.list_id])).toEqual([[{ item: 0 }, a.list_id]]);
		expect(outputs[1].map((o) => [o.pairedItem, o.json.error])).toEqual([[{ item: 1 }, expect.stringMatching(new RegExp(`did not delete the list ${b.list_id}$`))]]);
		expect((outputs[1][0].json.details as Record<string, unknown>).description).toBe(
			'Constant Contact reported: 1 list could not be deleted; reading the list shows it is still there. The other lists of the activity were deleted.',
		);
		expect(apiRequests(fake, 'GET').filter((r) => r.path.startsWith('/v3/contact_lists/')).map((r) => r.path)).toEqual([`/v3/contact_lists/${a.list_id}`, `/v3/contact_lists/${b.list_id}`]);
	});

	it('a bad ID stops the run before anything is deleted (without Continue On Fail)', async () => {
		const { fake } = account;
		const a = fake.seed.list({ name: 'A' });
		const { error } = await run(account, { resource: 'list', operation: 'deleteMany', list: byIdExpression }, [{ id: a.list_id }, { id: 'Newsletter' }]);
		expect(error?.message).toMatch(/^List: "Newsletter" is not a list ID/);
		expect(apiRequests(fake)).toHaveLength(0);
		expect(fake.state.lists.get(a.list_id)!.deleted_at).toBeUndefined();
	});
});
