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

	it('choice limits by how the field is shown: 20 for checkboxes and radio buttons, 100 for a dropdown', async () => {
		const choices = (n: number) => Array.from({ length: n }, (_, i) => `C${i}`).join(',');
		const multi = await run(account, { resource: 'customField', operation: 'create', label: 'Topics', type: 'multi_select', choices: choices(21) });
		expect(multi.error?.message).toBe('Choices: 21 given; Constant Contact allows at most 20 for Checkboxes');
		const radio = await run(account, { resource: 'customField', operation: 'create', label: 'Size', type: 'single_select', displayType: 'radio', choices: choices(21) });
		expect(radio.error?.message).toBe('Choices: 21 given; Constant Contact allows at most 20 for Radio Buttons (a dropdown takes up to 100)');
		const tooMany = await run(account, { resource: 'customField', operation: 'create', label: 'Country', type: 'single_select', choices: choices(101) });
		expect(tooMany.error?.message).toBe('Choices: 101 given; Constant Contact allows at most 100 for Dropdown');
		expect(apiRequests(account.fake, 'POST')).toHaveLength(0);

		const dropdown = await run(account, { resource: 'customField', operation: 'create', label: 'Region', type: 'single_select', choices: choices(100) });
		expect(json(dropdown.output)).toMatchObject({ label: 'Region', metadata: { display_type: 'dropdown' } });
		expect(apiRequests(account.fake, 'POST')[0].body).toMatchObject({ metadata: { display_type: 'dropdown' } });
		const checkboxes = await run(account, { resource: 'customField', operation: 'create', label: 'Interests', type: 'multi_select', choices: choices(20) });
		expect(json(checkboxes.output)).toMatchObject({ metadata: { display_type: 'checkbox' } });
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
