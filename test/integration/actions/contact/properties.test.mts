/**
 * The property run through the whole path: generated hostile and plausible items (the fuzz's own
 * arbitraries) go through n8n-core's WorkflowExecute into the node and on to the fake Constant
 * Contact, which checks every request against the contract. Smaller than the pure-function fuzz
 * (test/fuzz), it proves the same thing end to end: every item ends in a stored contact or in an
 * error item that names its field; no request the contract refuses is ever sent, and no crash.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { item, plausibleItem } from '../../../fuzz/arbitraries.mts';
import type { Account } from './setup.mts';
import { apiRequests, automatic, lists, run, startAccount } from './setup.mts';

let account: Account;
let listId: string;
let defs: Array<{ custom_field_id: string; label: string; name?: string; choices?: Array<{ choice_label?: string }> }>;

beforeAll(async () => {
	account = await startAccount({ importStepMs: 20 });
});
afterAll(async () => await account.fake.close());

beforeEach(() => {
	account.fake.reset();
	listId = account.fake.seed.list({ name: 'Newsletter' }).list_id;
	const color = account.fake.seed.customField({ label: 'Favorite Color' });
	const plan = account.fake.seed.customField({ label: 'Plan', type: 'single_select', choices: ['Free', 'Pro'] });
	defs = [
		{ custom_field_id: color.custom_field_id, label: 'Favorite Color' },
		{ custom_field_id: plan.custom_field_id, label: 'Plan', choices: [{ choice_label: 'Free' }, { choice_label: 'Pro' }] },
	];
});

/** Items as n8n holds them after a webhook or an HTTP request: JSON. */
function sampleItems(seed: number, count: number): IDataObject[] {
	const raw = fc.sample(fc.oneof({ weight: 1, arbitrary: item(defs) }, { weight: 2, arbitrary: plausibleItem(defs) }), { numRuns: count, seed });
	return raw.flatMap((value) => {
		try {
			return [JSON.parse(JSON.stringify(value)) as IDataObject];
		} catch {
			return []; // nesting deeper than JSON.stringify's stack: no webhook delivers it
		}
	});
}

/** Half of the items' valid-looking emails exist already, so the update paths run too. */
function seedExisting(items: IDataObject[]) {
	items.forEach((i, n) => {
		const email = i.Email ?? i.email;
		if (n % 2 === 0 && typeof email === 'string' && /^[^@\s]{1,30}@[a-z0-9.-]{1,30}\.[a-z]{2,}$/i.test(email.trim())) {
			try {
				account.fake.seed.contact({ email_address: { address: email.trim(), permission_to_send: 'implicit' }, first_name: 'Stored' });
			} catch {
				// already seeded
			}
		}
	});
}

const CRASH = /TypeError|RangeError|Cannot read prop|is not a function|Cannot convert|\[object Object\]|undefined \(reading/;

const cases: Array<{ name: string; parameters: Record<string, unknown>; perItem: boolean }> = [
	{ name: 'Create', parameters: { operation: 'create', contactFields: automatic(), ifContactExists: 'update' }, perItem: true },
	{ name: 'Create or Update, Account Sync', parameters: { operation: 'upsert', consentPath: 'accountSync', contactFields: automatic() }, perItem: true },
	{ name: "Create or Update, Contact's Own Sign-Up", parameters: { operation: 'upsert', consentPath: 'signUpForm', signUpFields: automatic() }, perItem: true },
	{ name: 'Import', parameters: { operation: 'import', contactFields: automatic() }, perItem: false },
];

describe('generated items through n8n-core and the fake: a stored contact or an error naming the field, never a refused request', () => {
	cases.forEach((c, index) => {
		it(c.name, async () => {
			const items = sampleItems(20261130 + index, 20);
			seedExisting(items);
			const listParameter = c.name === 'Import' ? 'importListMemberships' : c.name.includes('Sign-Up') ? 'signUpListMemberships' : 'listMemberships';
			const { output, error } = await run(account, { ...c.parameters, [listParameter]: lists(listId) }, items, true);
			expect(error).toBeUndefined();
			if (c.perItem) expect(output).toHaveLength(items.length);
			let stored = 0;
			for (const o of output) {
				const message = `${String(o.json.error ?? '')} ${String(o.json.description ?? '')}`;
				expect(message).not.toMatch(CRASH);
				if (o.json.error === undefined) stored++;
				else expect(String(o.json.error).length).toBeLessThan(400);
			}
			// The generator reaches both ends: some items are stored, some refused.
			expect(stored).toBeGreaterThan(0);
			expect(apiRequests(account.fake).length).toBeGreaterThan(0);
			account.fake.assertNoContractViolations();
		}, 60_000);
	});
});
