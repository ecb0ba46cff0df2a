// Failed items and n8n's On Error setting, through n8n-core's WorkflowExecute with the real node
// setting: n8n-core moves an item to the error output only when its json has an `error` key and no
// keys other than error, message and details (or when it carries item.error). Every path that
// emits error items is covered: the per-item router, Import's invalid items, bulk memberships.
import type { INodeExecutionData } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from './contact/setup.mts';
import { apiRequests, automatic, lists, run, startAccount } from './contact/setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount({ importStepMs: 20 });
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const paired = (item: INodeExecutionData) => (Array.isArray(item.pairedItem) ? item.pairedItem[0]?.item : (item.pairedItem as { item: number } | undefined)?.item);

/** Every error item tells the field, the problem and the fix in n8n's shape: error, details. */
function expectErrorItem(item: INodeExecutionData, pattern: RegExp): void {
	expect(typeof item.json.error).toBe('string');
	expect(String(item.json.error)).toMatch(pattern);
	const details = item.json.details as Record<string, unknown>;
	expect(typeof details.description).toBe('string');
	expect(String(details.description).length).toBeGreaterThan(10);
}

// Twelve CRM rows, four of them invalid (the workflow).
const ROWS = Array.from({ length: 12 }, (_, i) =>
	[2, 5, 7, 10].includes(i) ? { email: `not-an-email-${i}`, firstname: `Bad${i}` } : { email: `row${i}@example.com`, firstname: `Row${i}` },
);
const BAD = [2, 5, 7, 10];

describe('On Error, per-item operations (router)', () => {
	const parameters = () => ({ operation: 'upsert', consentPath: 'accountSync', contactFields: automatic() });

	it('Continue (using error output): the 4 invalid items go to the error output, the 8 contacts to success, each paired', async () => {
		const { outputs, error } = await run(account, parameters(), ROWS, 'continueErrorOutput');
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(2);
		const [success, failed] = outputs;
		expect(success).toHaveLength(8);
		expect(failed).toHaveLength(4);
		expect(success.map(paired)).toEqual([0, 1, 3, 4, 6, 8, 9, 11]);
		expect(failed.map(paired)).toEqual(BAD);
		for (const item of success) expect(item.json.action).toBe('created');
		failed.forEach((item, i) => {
			expectErrorItem(item, /^Email: "not-an-email-\d+" is not a valid email address/);
			// n8n merges the input item into an error item: the failing row's own fields come along.
			expect(item.json.firstname).toBe(`Bad${BAD[i]}`);
			expect((item.json.details as Record<string, unknown>).description).toMatch(/Nothing was sent to Constant Contact/);
		});
	});

	it('Continue (regular output): every item on the one output, in order, the invalid ones as error items', async () => {
		const { outputs, error } = await run(account, parameters(), ROWS, 'continueRegularOutput');
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(1);
		expect(outputs[0]).toHaveLength(12);
		outputs[0].forEach((item, i) => {
			expect(paired(item)).toBe(i);
			if (BAD.includes(i)) expectErrorItem(item, /not a valid email address/);
			else expect(item.json.action).toBe('created');
		});
	});

	it('Stop Workflow: the run fails on the first invalid item and names it', async () => {
		const { error } = await run(account, parameters(), ROWS, 'stopWorkflow');
		expect(error?.message).toMatch(/^Email: "not-an-email-2" is not a valid email address/);
		expect((error as unknown as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(2);
	});

	it('a contact Constant Contact does not have, and a request it refuses (400), reach the error output too', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'A' });
		const c = fake.seed.contact({ email_address: { address: 'a@example.com' } });
		const missing = await run(
			account,
			{ operation: 'addToLists', contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, membershipLists: lists(list.list_id), membershipOptions: { processing: 'perContact' } },
			[{ id: c.contact_id }, { id: '3f1c7a52-0000-4000-8000-000000000000' }],
			'continueErrorOutput',
		);
		expect(missing.outputs[0].map(paired)).toEqual([0]);
		expect(missing.outputs[1].map(paired)).toEqual([1]);
		expectErrorItem(missing.outputs[1][0], /No contact with the ID/);

		fake.injectFault({ method: 'POST', path: '/contacts', status: 400, body: [{ error_key: 'contacts.api.validation.error', error_message: '#/first_name: refused' }] });
		const refused = await run(account, parameters(), [{ email: 'x@example.com' }, { email: 'y@example.com' }], 'continueErrorOutput');
		expect(refused.outputs[0]).toHaveLength(1);
		expect(refused.outputs[1]).toHaveLength(1);
		expectErrorItem(refused.outputs[1][0], /rejected the request \(400\): #\/first_name: refused/);
		expect((refused.outputs[1][0].json.details as Record<string, unknown>).httpCode).toBe('400');
	});
});

describe('On Error, Import', () => {
	const parameters = () => ({ operation: 'import', contactFields: automatic(), importListMemberships: lists(account.fake.seed.list({ name: 'Imported' }).list_id) });

	it('Continue (using error output): invalid rows on the error output, the import activity on success', async () => {
		const { outputs, error } = await run(account, parameters(), ROWS, 'continueErrorOutput');
		expect(error).toBeUndefined();
		const [success, failed] = outputs;
		expect(failed.map(paired)).toEqual(BAD);
		for (const item of failed) expectErrorItem(item, /not a valid email address/);
		expect(success).toHaveLength(1);
		expect(success[0].json).toMatchObject({ state: 'completed', contacts_sent: 8 });
		expect(success[0].pairedItem).toEqual([0, 1, 3, 4, 6, 8, 9, 11].map((item) => ({ item })));
	});

	it('Continue (regular output): the error items and the activity on the one output', async () => {
		const { outputs } = await run(account, parameters(), ROWS, 'continueRegularOutput');
		expect(outputs).toHaveLength(1);
		expect(outputs[0].filter((item) => item.json.error !== undefined).map(paired)).toEqual(BAD);
		expect(outputs[0].filter((item) => item.json.activity_id !== undefined)).toHaveLength(1);
	});

	it('Stop Workflow: nothing is imported', async () => {
		const { error } = await run(account, parameters(), ROWS, 'stopWorkflow');
		expect(error?.message).toMatch(/not-an-email-2/);
		expect(apiRequests(account.fake, 'POST')).toHaveLength(0);
	});
});

describe('On Error, bulk memberships', () => {
	const setup = () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Members' });
		for (const i of [0, 2, 3]) fake.seed.contact({ email_address: { address: `m${i}@example.com` } });
		const items = [0, 1, 2, 3, 4].map((i) => ({ email: `m${i}@example.com` }));
		const parameters = {
			operation: 'addToLists',
			contact: { __rl: true, mode: 'email', value: '={{ $json.email }}' },
			membershipLists: lists(list.list_id),
			membershipOptions: { processing: 'bulk' },
		};
		return { items, parameters };
	};

	it('Continue (using error output): unknown contacts on the error output, added ones on success', async () => {
		const { items, parameters } = setup();
		const { outputs, error } = await run(account, parameters, items, 'continueErrorOutput');
		expect(error).toBeUndefined();
		expect(outputs[0].map(paired)).toEqual([0, 2, 3]);
		for (const item of outputs[0]) expect(item.json.action).toBe('added');
		expect(outputs[1].map(paired)).toEqual([1, 4]);
		for (const item of outputs[1]) expectErrorItem(item, /No contact with the email address m[14]@example\.com/);
	});

	it('Continue (regular output): all five on the one output, in input order', async () => {
		const { items, parameters } = setup();
		const { outputs } = await run(account, parameters, items, 'continueRegularOutput');
		expect(outputs).toHaveLength(1);
		expect(outputs[0].map(paired)).toEqual([0, 1, 2, 3, 4]);
		expect(outputs[0].map((item) => (item.json.error === undefined ? 'ok' : 'error'))).toEqual(['ok', 'error', 'ok', 'ok', 'error']);
	});

	it('Stop Workflow: fails on the unknown contact before any activity is sent', async () => {
		const { items, parameters } = setup();
		const { error } = await run(account, parameters, items, 'stopWorkflow');
		expect(error?.message).toMatch(/m1@example\.com/);
		expect(apiRequests(account.fake, 'POST')).toHaveLength(0);
	});
});
