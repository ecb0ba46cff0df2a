import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from '../contact/setup.mts';
import { apiRequests, json, run, startAccount } from '../contact/setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const pick = (value: string | number) => ({ __rl: true, mode: 'list', value: String(value) });
const criteria = { version: '1.0.0', criteria: { type: 'and', group: [{ source: 'tracking', field: 'opened', op: 'contains-any', const_value: 'last-n-campaigns', param: '3' }] } };

describe('Segment', () => {
	it('creates from criteria JSON (an object or its text), sent as one escaped string; a taken name is a clear 409', async () => {
		const { fake } = account;
		const { output } = await run(account, { resource: 'segment', operation: 'create', name: 'Openers', segmentCriteria: JSON.stringify(criteria, null, 2) });
		expect(json(output)).toMatchObject({ name: 'Openers', segment_id: 1, segment_criteria: JSON.stringify(criteria) });
		expect(apiRequests(fake, 'POST')[0].body).toEqual({ name: 'Openers', segment_criteria: JSON.stringify(criteria) });
		const asObject = await run(account, { resource: 'segment', operation: 'create', name: 'Openers 2', segmentCriteria: criteria });
		expect(json(asObject.output).segment_criteria).toBe(JSON.stringify(criteria));
		const dup = await run(account, { resource: 'segment', operation: 'create', name: 'openers', segmentCriteria: criteria });
		expect(dup.error?.message).toBe('A segment named "openers" already exists in Constant Contact (409): A segment named openers already exists');
	});

	it('bad criteria fail before any request, naming the field', async () => {
		const { fake } = account;
		const broken = await run(account, { resource: 'segment', operation: 'create', name: 'X', segmentCriteria: '{"version": ' });
		expect(broken.error?.message).toMatch(/^Segment Criteria: not valid JSON \(.+\); fix the JSON$/);
		const array = await run(account, { resource: 'segment', operation: 'create', name: 'X', segmentCriteria: '[1,2]' });
		expect(array.error?.message).toMatch(/^Segment Criteria: must be a JSON object/);
		const huge = await run(account, { resource: 'segment', operation: 'create', name: 'X', segmentCriteria: { version: '1.0.0', pad: 'x'.repeat(20_000) } });
		expect(huge.error?.message).toBe('Segment Criteria: 20,028 characters as JSON; Constant Contact allows at most 20,000');
		expect(apiRequests(fake)).toHaveLength(0);
	});

	it('gets one (with criteria, deleted ones too), gets many by name or date, renames, deletes ({ segment_id, deleted: true })', async () => {
		const { fake } = account;
		const b = fake.seed.segment({ name: 'Beta' });
		fake.seed.segment({ name: 'Alpha' });
		const one = await run(account, { resource: 'segment', operation: 'get', segment: pick(b.segment_id) });
		expect(json(one.output)).toMatchObject({ segment_id: b.segment_id, name: 'Beta', segment_criteria: expect.stringContaining('not_opened') });
		const byName = await run(account, { resource: 'segment', operation: 'getAll', returnAll: true, sortBy: 'name' });
		expect(byName.output.map((o) => o.json.name)).toEqual(['Alpha', 'Beta']);
		expect(apiRequests(fake, 'GET').at(-1)!.query).toEqual({ sort_by: 'name', limit: '1000' });
		const limited = await run(account, { resource: 'segment', operation: 'getAll', returnAll: false, limit: 1 });
		expect(limited.output).toHaveLength(1);

		const renamed = await run(account, { resource: 'segment', operation: 'rename', segment: pick(b.segment_id), newName: 'Gamma' });
		expect(json(renamed.output).name).toBe('Gamma');
		expect(apiRequests(fake, 'PATCH')[0]).toMatchObject({ path: `/v3/segments/${b.segment_id}/name`, body: { name: 'Gamma' } });
		const deleted = await run(account, { resource: 'segment', operation: 'delete', segment: pick(b.segment_id) });
		expect(json(deleted.output)).toEqual({ segment_id: b.segment_id, deleted: true });
		expect(json((await run(account, { resource: 'segment', operation: 'get', segment: pick(b.segment_id) })).output).name).toBe('Gamma');
	});

	it('a segment ID that is not a number is refused before any request', async () => {
		// Typed in, the editor's own check refuses it; from an expression, the node does.
		const { error } = await run(account, { resource: 'segment', operation: 'get', segment: { __rl: true, mode: 'id', value: '={{ $json.segment }}' } }, [{ segment: 'Openers' }]);
		expect(error?.message).toBe('Segment: "Openers" is not a segment ID (a whole number); pick the segment from the list');
		expect(apiRequests(account.fake)).toHaveLength(0);
	});
});
