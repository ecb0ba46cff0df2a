import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from '../contact/setup.mts';
import { apiRequests, json, run, startAccount } from '../contact/setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount({ importStepMs: 20 });
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const pick = (value: string) => ({ __rl: true, mode: 'list', value });
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const byIdExpression = { __rl: true, mode: 'id', value: '={{ $json.id }}' };
const MISSING = '0b4d7f4e-0000-4000-8000-000000000002';

describe('Custom Field → Get', () => {
	it('gets one custom field with its choices; a missing one is a 404; a bad ID fails before any request', async () => {
		const { fake } = account;
		const f = fake.seed.customField({ label: 'Tier', type: 'single_select', choices: ['Bronze', 'Gold'] });
		const { output } = await run(account, { resource: 'customField', operation: 'get', customField: pick(f.custom_field_id) });
		expect(json(output)).toMatchObject({ custom_field_id: f.custom_field_id, label: 'Tier', type: 'single_select', choices: [{ choice_label: 'Bronze' }, { choice_label: 'Gold' }] });
		expect(apiRequests(fake, 'GET').at(-1)!.path).toBe(`/v3/contact_custom_fields/${f.custom_field_id}`);
		const missing = await run(account, { resource: 'customField', operation: 'get', customField: byId(MISSING) });
		expect(missing.error?.message).toMatch(/^Not found in Constant Contact \(404\)/);
		const before = apiRequests(fake).length;
		const bad = await run(account, { resource: 'customField', operation: 'get', customField: byId('Tier') });
		expect(bad.error?.message).toMatch(/^Custom Field: "Tier" is not a custom field ID/);
		expect(apiRequests(fake)).toHaveLength(before);
	});
});

describe('Custom Field → Update', () => {
	it('renames a field; PUT replaces, so the stored choices are sent back with their IDs', async () => {
		const { fake } = account;
		const f = fake.seed.customField({ label: 'Tier', type: 'single_select', choices: ['Bronze', 'Gold'] });
		const { output } = await run(account, { resource: 'customField', operation: 'update', customField: pick(f.custom_field_id), customFieldUpdateFields: { label: 'Member Tier' } });
		expect(json(output)).toMatchObject({ label: 'Member Tier', type: 'single_select' });
		expect(apiRequests(fake, 'PUT')[0].body).toEqual({
			label: 'Member Tier',
			choices: [
				{ choice_id: 1, choice_label: 'Bronze', display_order: 1 },
				{ choice_id: 2, choice_label: 'Gold', display_order: 2 },
			],
		});
	});

	it("replaces a choice field's choices: kept labels keep their IDs (and the contacts who chose them), new ones get new IDs", async () => {
		const { fake } = account;
		const f = fake.seed.customField({ label: 'Tier', type: 'multi_select', choices: ['Bronze', 'Silver', 'Gold'] });
		const c = fake.seed.contact({ email_address: { address: 'a@example.com' } });
		fake.state.contacts.get(c.contact_id)!.custom_fields = [{ custom_field_id: f.custom_field_id, value: 'Silver,Gold', choice_ids: ['2', '3'] }];
		const { output } = await run(account, {
			resource: 'customField',
			operation: 'update',
			customField: pick(f.custom_field_id),
			customFieldUpdateFields: { choices: 'gold, Platinum' },
		});
		expect(apiRequests(fake, 'PUT')[0].body).toEqual({
			label: 'Tier',
			choices: [
				{ choice_id: 3, choice_label: 'gold', display_order: 1 },
				{ choice_label: 'Platinum', display_order: 2 },
			],
		});
		expect(json(output).choices).toEqual([
			{ choice_id: 3, choice_label: 'gold', display_order: 1 },
			{ choice_id: 4, choice_label: 'Platinum', display_order: 2 },
		]);
		expect(fake.state.contacts.get(c.contact_id)!.custom_fields[0].choice_ids).toEqual(['3']);
	});

	it('a text field sends no choices; bad input fails before the PUT, naming the field', async () => {
		const { fake } = account;
		const text = fake.seed.customField({ label: 'Company Size' });
		const ok = await run(account, { resource: 'customField', operation: 'update', customField: pick(text.custom_field_id), customFieldUpdateFields: { label: 'Team Size' } });
		expect(json(ok.output)).toMatchObject({ label: 'Team Size', type: 'string' });
		expect(apiRequests(fake, 'PUT')[0].body).toEqual({ label: 'Team Size' });

		const choices = await run(account, { resource: 'customField', operation: 'update', customField: pick(text.custom_field_id), customFieldUpdateFields: { choices: 'A, B' } });
		expect(choices.error?.message).toBe('Choices: "Team Size" is a string field; only single and multiple choice fields have choices');
		const radio = fake.seed.customField({ label: 'Size', type: 'multi_select', choices: ['S'] });
		const many = Array.from({ length: 21 }, (_, i) => `C${i}`).join(',');
		const tooMany = await run(account, { resource: 'customField', operation: 'update', customField: pick(radio.custom_field_id), customFieldUpdateFields: { choices: many } });
		expect(tooMany.error?.message).toBe('Choices: 21 given; Constant Contact allows at most 20 for Checkboxes');
		const twice = await run(account, { resource: 'customField', operation: 'update', customField: pick(radio.custom_field_id), customFieldUpdateFields: { choices: 'S, s' } });
		expect(twice.error?.message).toBe('Choices: "s" is given twice');
		const long = await run(account, { resource: 'customField', operation: 'update', customField: pick(text.custom_field_id), customFieldUpdateFields: { label: 'x'.repeat(51) } });
		expect(long.error?.message).toBe('Label: 51 characters; Constant Contact allows at most 50');
		const blank = await run(account, { resource: 'customField', operation: 'update', customField: pick(text.custom_field_id), customFieldUpdateFields: { label: '  ' } });
		expect(blank.error?.message).toBe('Label: must not be empty');
		expect(apiRequests(fake, 'PUT')).toHaveLength(1);

		const before = apiRequests(fake).length;
		const nothing = await run(account, { resource: 'customField', operation: 'update', customField: pick(text.custom_field_id), customFieldUpdateFields: {} });
		expect(nothing.error?.message).toBe('Update Fields: nothing to change');
		expect(apiRequests(fake)).toHaveLength(before);
	});

	it('a label another field has is refused (400: PUT declares no 409); a missing field is a 404', async () => {
		const { fake } = account;
		fake.seed.customField({ label: 'Taken' });
		const f = fake.seed.customField({ label: 'Mine' });
		const dup = await run(account, { resource: 'customField', operation: 'update', customField: pick(f.custom_field_id), customFieldUpdateFields: { label: 'taken' } });
		expect(dup.error?.message).toMatch(/\(400\).*Custom field taken already exists/);
		const missing = await run(account, { resource: 'customField', operation: 'update', customField: byId(MISSING), customFieldUpdateFields: { label: 'X' } });
		expect(missing.error?.message).toMatch(/^Not found in Constant Contact \(404\)/);
		expect(apiRequests(fake, 'PUT')).toHaveLength(1);
	});
});

describe('Custom Field → Delete', () => {
	it('deletes one field (deleted: true with its ID) and its values on contacts; a missing one is a 404', async () => {
		const { fake } = account;
		const f = fake.seed.customField({ label: 'Old' });
		const keep = fake.seed.customField({ label: 'Keep' });
		const c = fake.seed.contact({ email_address: { address: 'a@example.com' } });
		fake.state.contacts.get(c.contact_id)!.custom_fields = [
			{ custom_field_id: f.custom_field_id, value: 'x' },
			{ custom_field_id: keep.custom_field_id, value: 'y' },
		];
		const { output } = await run(account, { resource: 'customField', operation: 'delete', customField: pick(f.custom_field_id) });
		expect(output.map((o) => o.json)).toEqual([{ custom_field_id: f.custom_field_id, deleted: true }]);
		expect(apiRequests(fake, 'DELETE')[0].path).toBe(`/v3/contact_custom_fields/${f.custom_field_id}`);
		expect(fake.state.customFields.has(f.custom_field_id)).toBe(false);
		expect(fake.state.contacts.get(c.contact_id)!.custom_fields).toEqual([{ custom_field_id: keep.custom_field_id, value: 'y' }]);
		const again = await run(account, { resource: 'customField', operation: 'delete', customField: pick(f.custom_field_id) });
		expect(again.error?.message).toMatch(/^Not found in Constant Contact \(404\)/);
	});
});

describe('Custom Field → Delete Many', () => {
	it('deletes 101 fields in 2 bulk activities (100 at most each); each item reports its own field', async () => {
		const { fake } = account;
		const fields = Array.from({ length: 101 }, (_, i) => fake.seed.customField({ label: `F${i}` }));
		const { output, error } = await run(account, { resource: 'customField', operation: 'deleteMany', customField: byIdExpression }, fields.map((f) => ({ id: f.custom_field_id })));
		expect(error).toBeUndefined();
		expect(output).toHaveLength(101);
		expect(output[100]).toEqual({
			json: { custom_field_id: fields[100].custom_field_id, deleted: true, activity_id: expect.any(String), activity_state: 'completed' },
			pairedItem: { item: 100 },
		});
		const posts = apiRequests(fake, 'POST');
		expect(posts.map((p) => p.path)).toEqual(Array(2).fill('/v3/activities/custom_fields_delete'));
		expect(posts.map((p) => (p.body as { custom_field_ids: string[] }).custom_field_ids.length)).toEqual([100, 1]);
		expect(fake.state.customFields.size).toBe(0);
	});

	it('a field the activity reports as not found fails alone; a bad ID fails before the activity (Continue On Fail)', async () => {
		const { fake } = account;
		const a = fake.seed.customField({ label: 'A' });
		const b = fake.seed.customField({ label: 'B' });
		const { outputs } = await run(
			account,
			{ resource: 'customField', operation: 'deleteMany', customField: byIdExpression },
			[{ id: a.custom_field_id }, { id: MISSING }, { id: 'B' }, { id: b.custom_field_id }, { id: a.custom_field_id }],
			'continueErrorOutput',
		);
		expect(outputs[0].map((o) => [o.pairedItem, o.json.custom_field_id, o.json.deleted])).toEqual([
			[{ item: 0 }, a.custom_field_id, true],
			[{ item: 3 }, b.custom_field_id, true],
			[{ item: 4 }, a.custom_field_id, true],
		]);
		expect(outputs[1].map((o) => [o.pairedItem, o.json.error])).toEqual([
			[{ item: 1 }, expect.stringMatching(new RegExp(`^Constant Contact's bulk activity .+ did not delete the custom field ${MISSING}$`))],
			[{ item: 2 }, expect.stringMatching(/^Custom Field: "B" is not a custom field ID/)],
		]);
		expect((outputs[1][0].json.details as Record<string, unknown>).description).toBe(
			`Constant Contact reported: Custom field ${MISSING} not found. The other custom fields of the activity were deleted.`,
		);
		// One activity with each ID once; the bad ID never reached it.
		expect(apiRequests(fake, 'POST').map((p) => p.body)).toEqual([{ custom_field_ids: [a.custom_field_id, MISSING, b.custom_field_id] }]);
	});

	it('without Continue On Fail a bad ID stops the run before anything is deleted', async () => {
		const { fake } = account;
		const a = fake.seed.customField({ label: 'A' });
		const { error } = await run(account, { resource: 'customField', operation: 'deleteMany', customField: byIdExpression }, [{ id: a.custom_field_id }, { id: '' }]);
		expect(error?.message).toBe('Custom Field: no custom field chosen');
		expect(apiRequests(fake)).toHaveLength(0);
		expect(fake.state.customFields.has(a.custom_field_id)).toBe(true);
	});

	it('a Timeout (Seconds) that is not a number fails before any request', async () => {
		const { fake } = account;
		const a = fake.seed.customField({ label: 'A' });
		const { error } = await run(account, { resource: 'customField', operation: 'deleteMany', customField: byIdExpression, customFieldDeleteManyOptions: { timeoutSeconds: 'soon' } }, [{ id: a.custom_field_id }]);
		expect(error?.message).toBe('Timeout (Seconds): "soon" is not a number from 0 to 3600');
		expect(apiRequests(fake)).toHaveLength(0);
	});
});
