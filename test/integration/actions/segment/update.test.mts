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

describe('Segment → Update', () => {
	it('changes the criteria and keeps the name: PUT gets both (the contract requires both)', async () => {
		const { fake } = account;
		const s = fake.seed.segment({ name: 'Openers' });
		const { output } = await run(account, { resource: 'segment', operation: 'update', segment: pick(s.segment_id), segmentUpdateFields: { segmentCriteria: JSON.stringify(criteria, null, 2) } });
		expect(json(output)).toMatchObject({ segment_id: s.segment_id, name: 'Openers', segment_criteria: JSON.stringify(criteria) });
		expect(apiRequests(fake, 'PUT')[0]).toMatchObject({ path: `/v3/segments/${s.segment_id}`, body: { name: 'Openers', segment_criteria: JSON.stringify(criteria) } });
		expect(fake.state.segments.get(s.segment_id)!.segment_criteria).toBe(JSON.stringify(criteria));
	});

	it('changes the name and keeps the criteria; or both at once', async () => {
		const { fake } = account;
		const s = fake.seed.segment({ name: 'Openers' });
		const stored = fake.state.segments.get(s.segment_id)!.segment_criteria;
		const renamed = await run(account, { resource: 'segment', operation: 'update', segment: pick(s.segment_id), segmentUpdateFields: { name: 'Readers' } });
		expect(json(renamed.output)).toMatchObject({ name: 'Readers', segment_criteria: stored });
		const both = await run(account, { resource: 'segment', operation: 'update', segment: pick(s.segment_id), segmentUpdateFields: { name: 'Fans', segmentCriteria: criteria } });
		expect(json(both.output)).toMatchObject({ name: 'Fans', segment_criteria: JSON.stringify(criteria) });
		expect(apiRequests(fake, 'PUT').map((r) => r.body)).toEqual([
			{ name: 'Readers', segment_criteria: stored },
			{ name: 'Fans', segment_criteria: JSON.stringify(criteria) },
		]);
	});

	it("bad criteria, an empty name or nothing to change fail before any request, with Create's checks", async () => {
		const { fake } = account;
		const s = fake.seed.segment({ name: 'Openers' });
		const update = (segmentUpdateFields: Record<string, unknown>) => run(account, { resource: 'segment', operation: 'update', segment: pick(s.segment_id), segmentUpdateFields });
		expect((await update({ segmentCriteria: '{"version": ' })).error?.message).toMatch(/^Segment Criteria: not valid JSON \(.+\); fix the JSON$/);
		expect((await update({ segmentCriteria: '[1]' })).error?.message).toMatch(/^Segment Criteria: must be a JSON object/);
		expect((await update({ segmentCriteria: { pad: 'x'.repeat(20_000) } })).error?.message).toBe('Segment Criteria: 20,010 characters as JSON; Constant Contact allows at most 20,000');
		expect((await update({ name: '  ' })).error?.message).toBe('Name: required; segment names are unique in the account');
		expect((await update({})).error?.message).toBe('Update Fields: nothing to change');
		expect(apiRequests(fake)).toHaveLength(0);
	});

	it('a name another segment has is a clear 409; a deleted segment is a 404', async () => {
		const { fake } = account;
		fake.seed.segment({ name: 'Taken' });
		const s = fake.seed.segment({ name: 'Mine' });
		const dup = await run(account, { resource: 'segment', operation: 'update', segment: pick(s.segment_id), segmentUpdateFields: { name: 'taken' } });
		expect(dup.error?.message).toBe('A segment named "taken" already exists in Constant Contact (409): A segment named taken already exists');
		const gone = fake.seed.segment({ name: 'Gone', deleted: true });
		const deleted = await run(account, { resource: 'segment', operation: 'update', segment: pick(gone.segment_id), segmentUpdateFields: { name: 'Back' } });
		expect(deleted.error?.message).toMatch(/^Not found in Constant Contact \(404\)/);
	});
});
