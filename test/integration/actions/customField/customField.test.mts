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

describe('Custom Field', () => {
	it('creates a text field and a choice field; a taken label is a clear 409', async () => {
		const text = await run(account, { resource: 'customField', operation: 'create', label: 'Member Since', type: 'date' });
		expect(json(text.output)).toMatchObject({ label: 'Member Since', name: 'member_since', type: 'date' });
		const choice = await run(account, { resource: 'customField', operation: 'create', label: 'Tier', type: 'single_select', choices: 'Bronze, Silver ,Gold' });
		expect(json(choice.output).choices).toEqual([
			{ choice_id: 1, choice_label: 'Bronze', display_order: 1 },
			{ choice_id: 2, choice_label: 'Silver', display_order: 2 },
			{ choice_id: 3, choice_label: 'Gold', display_order: 3 },
		]);
		const dup = await run(account, { resource: 'customField', operation: 'create', label: 'tier', type: 'string' });
		expect(dup.error?.message).toMatch(/^A custom field named "tier" already exists in Constant Contact \(409\)/);
		const long = await run(account, { resource: 'customField', operation: 'create', label: 'x'.repeat(51), type: 'string' });
		expect(long.error?.message).toBe('Label: 51 characters; Constant Contact allows at most 50');
	});

	it('gets all custom fields over several pages (100 each)', async () => {
		const { fake } = account;
		for (let i = 0; i < 100; i++) fake.seed.customField({ label: `F${i}` });
		const { output } = await run(account, { resource: 'customField', operation: 'getAll', returnAll: true });
		expect(output).toHaveLength(100);
		const limited = await run(account, { resource: 'customField', operation: 'getAll', returnAll: false, limit: 5 });
		expect(limited.output).toHaveLength(5);
		expect(apiRequests(fake, 'GET').at(-1)!.query.limit).toBe('5');
	});
});
