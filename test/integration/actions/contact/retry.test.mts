// Every write operation meets a failure of its write: one that did not take effect (Constant Contact
// answered 500 before doing anything) and one that did (it wrote, then the answer was a 500), for a
// new email and for one that exists, is deleted or is unsubscribed. Whatever the retry finds, the
// output must say what this request did, and the user's choices (If Contact Exists, Revive Deleted
// Contact) must decide what happens to a contact that was there before.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { ContactRecord } from '../../../fake-constant-contact/types.mts';
import type { Account } from './setup.mts';
import { apiRequests, automatic, contactByEmail, lists, run, startAccount } from './setup.mts';

type State = 'new' | 'existing' | 'deleted' | 'unsubscribed';
type FaultMode = 'before' | 'after';
const FAULTS: Array<[FaultMode, string]> = [
	['before', 'a 500 that did not take effect'],
	['after', 'a 500 after the write took effect'],
];
const EXISTING: State[] = ['existing', 'deleted', 'unsubscribed'];
const EMAIL = 'retry@example.com';

let account: Account;

beforeAll(async () => {
	account = await startAccount({ importStepMs: 20 });
});

beforeEach(() => {
	account.fake.reset();
});

afterAll(async () => {
	await account.fake.close();
});

/** The contact as it was before this run: an old name, in an old list, with the state asked for. */
function seed(state: State): ContactRecord | undefined {
	if (state === 'new') return undefined;
	const old = account.fake.seed.list({ name: 'Old list' });
	return account.fake.seed.contact({
		email_address: { address: EMAIL, permission_to_send: state === 'unsubscribed' ? 'unsubscribed' : 'implicit' },
		first_name: 'Old',
		last_name: 'Name',
		list_memberships: [old.list_id],
		deleted: state === 'deleted',
		created_at: new Date(Date.now() - 30 * 24 * 3600_000).toISOString(),
	});
}

const item = { email: EMAIL, firstname: 'New', lastname: 'Person' };

function only(): ContactRecord {
	const all = [...account.fake.state.contacts.values()].filter((c) => c.email_address.address === EMAIL);
	expect(all).toHaveLength(1);
	return all[0]!;
}

async function runWithFault(parameters: Record<string, unknown>, fault: { method: string; path: string | RegExp; mode: FaultMode }) {
	account.fake.injectFault({ method: fault.method, path: fault.path, mode: fault.mode, status: 500, times: 1 });
	const result = await run(account, parameters, [item]);
	account.fake.assertNoContractViolations();
	// The fault was really met.
	expect(account.fake.requests.some((r) => r.fault === fault.mode)).toBe(true);
	return result;
}

describe('Create: a failed POST /contacts, then the retry', () => {
	const create = (ifContactExists: string, extra: Record<string, unknown> = {}) => ({
		operation: 'create',
		contactFields: automatic(),
		ifContactExists,
		...extra,
	});

	describe.each(FAULTS)('%s', (mode) => {
		it.each(['error', 'skip', 'update'])('new email, If Contact Exists %s: created once, reported created', async (ifExists) => {
			const { output, error } = await runWithFault(create(ifExists), { method: 'POST', path: '/contacts', mode });
			expect(error).toBeUndefined();
			expect(output[0].json).toMatchObject({ action: 'created', first_name: 'New', email_address: { address: EMAIL } });
			expect(only()).toMatchObject({ first_name: 'New', last_name: 'Person' });
		});

		it.each(EXISTING)('%s email, If Contact Exists Error: the item fails as existing, nothing changes', async (state) => {
			const before = seed(state)!;
			const { output, error } = await runWithFault(create('error'), { method: 'POST', path: '/contacts', mode });
			expect(output).toHaveLength(0);
			expect(error?.message).toBe(`A contact with the email address ${EMAIL} already exists in Constant Contact (409): Email address ${EMAIL} is not unique`);
			expect(only()).toMatchObject({ contact_id: before.contact_id, first_name: 'Old' });
			expect(only().deleted_at).toBe(before.deleted_at);
		});

		it.each(EXISTING)('%s email, If Contact Exists Skip: skipped, nothing changes', async (state) => {
			const before = seed(state)!;
			const { output, error } = await runWithFault(create('skip'), { method: 'POST', path: '/contacts', mode });
			expect(error).toBeUndefined();
			expect(output[0].json).toMatchObject({ action: 'skipped', contact_id: before.contact_id, first_name: 'Old' });
			expect(only().first_name).toBe('Old');
		});

		it.each(EXISTING)('%s email, If Contact Exists Update (revive on): this item\'s fields applied, consent kept', async (state) => {
			const before = seed(state)!;
			const { output, error } = await runWithFault(create('update', { existingContactOptions: { reviveDeleted: true } }), { method: 'POST', path: '/contacts', mode });
			expect(error).toBeUndefined();
			expect(output[0].json).toMatchObject({ action: 'updated', contact_id: before.contact_id, first_name: 'New' });
			const stored = only();
			expect(stored).toMatchObject({ first_name: 'New', last_name: 'Person', update_source: 'Account' });
			expect(stored.deleted_at).toBeUndefined();
			expect(stored.email_address.permission_to_send).toBe(state === 'unsubscribed' ? 'unsubscribed' : 'implicit');
		});
	});
});

describe('Create or Update (account sync): a failed write, then the retry', () => {
	const upsert = () => ({ operation: 'upsert', consentPath: 'accountSync', contactFields: automatic(), existingContactOptions: { reviveDeleted: true } });

	describe.each(FAULTS)('%s', (mode) => {
		it('new email: created once, reported created', async () => {
			const { output } = await runWithFault(upsert(), { method: 'POST', path: '/contacts', mode });
			expect(output[0].json).toMatchObject({ action: 'created', first_name: 'New' });
			expect(only().first_name).toBe('New');
		});

		it.each(EXISTING)('%s email (failed PUT): updated once with this item\'s fields', async (state) => {
			const before = seed(state)!;
			const { output } = await runWithFault(upsert(), { method: 'PUT', path: `/contacts/${before.contact_id}`, mode });
			expect(output[0].json).toMatchObject({ action: 'updated', contact_id: before.contact_id, first_name: 'New' });
			expect(only()).toMatchObject({ first_name: 'New', last_name: 'Person' });
		});

		it.each(EXISTING)('%s email created by someone else between our lookup and our POST: this item\'s fields are still applied', async (state) => {
			const before = seed(state)!;
			// Our lookup misses it (it "does not exist yet"), so the node POSTs, and that POST fails.
			account.fake.injectFault({ method: 'GET', path: '/contacts', status: 200, body: { contacts: [] }, times: 1 });
			const { output, error } = await runWithFault(upsert(), { method: 'POST', path: '/contacts', mode });
			expect(error).toBeUndefined();
			expect(output[0].json).toMatchObject({ action: 'updated', contact_id: before.contact_id, first_name: 'New', last_name: 'Person' });
			const stored = only();
			expect(stored).toMatchObject({ first_name: 'New', last_name: 'Person' });
			expect(stored.email_address.permission_to_send).toBe(state === 'unsubscribed' ? 'unsubscribed' : 'implicit');
		});
	});
});

describe("Create or Update (contact's own sign-up): a failed sign_up_form, then the retry", () => {
	const signUp = () => ({ operation: 'upsert', consentPath: 'signUpForm', signUpFields: automatic(), signUpListMemberships: lists(account.fake.seed.list({ name: 'News' }).list_id) });

	describe.each(FAULTS)('%s', (mode) => {
		it('new email: created once, reported created (the retry\'s "updated" is our own first write)', async () => {
			const { output } = await runWithFault(signUp(), { method: 'POST', path: '/contacts/sign_up_form', mode });
			expect(output[0].json).toMatchObject({ action: 'created', first_name: 'New' });
			expect(only().first_name).toBe('New');
		});

		it.each(EXISTING)('%s email: reported updated', async (state) => {
			const before = seed(state)!;
			const { output } = await runWithFault(signUp(), { method: 'POST', path: '/contacts/sign_up_form', mode });
			expect(output[0].json).toMatchObject({ action: 'updated', contact_id: before.contact_id, first_name: 'New' });
			expect(only().first_name).toBe('New');
		});
	});
});

describe('Update, Add to Lists, Delete, Resubscribe: a failed write, then the retry', () => {
	const byEmail = { __rl: true, mode: 'email', value: EMAIL };

	describe.each(FAULTS)('%s', (mode) => {
		it.each(EXISTING)('Update, %s contact: updated once', async (state) => {
			const before = seed(state)!;
			const { output } = await runWithFault(
				{ operation: 'update', contact: byEmail, updateFields: automatic(), changeOptions: { reviveDeleted: true } },
				{ method: 'PUT', path: `/contacts/${before.contact_id}`, mode },
			);
			expect(output[0].json).toMatchObject({ action: 'updated', first_name: 'New' });
			expect(only()).toMatchObject({ first_name: 'New' });
			expect(only().deleted_at).toBeUndefined();
		});

		it.each(['existing', 'unsubscribed'] as State[])('Add to Lists, %s contact: added once', async (state) => {
			const before = seed(state)!;
			const list = account.fake.seed.list({ name: 'New list' });
			const { output } = await runWithFault(
				{ operation: 'addToLists', contact: byEmail, membershipLists: lists(list.list_id) },
				{ method: 'PUT', path: `/contacts/${before.contact_id}`, mode },
			);
			expect(output[0].json).toMatchObject({ action: 'updated' });
			expect(only().list_memberships).toContain(list.list_id);
			expect(only().first_name).toBe('Old');
		});

		it.each(EXISTING)('Delete, %s contact: deleted', async (state) => {
			const before = seed(state)!;
			const { output } = await runWithFault({ operation: 'delete', contact: byEmail }, { method: 'DELETE', path: `/contacts/${before.contact_id}`, mode });
			expect(output[0].json).toMatchObject({ contact_id: before.contact_id, deleted: true });
			expect(only().deleted_at).toBeTruthy();
		});

		it('Resubscribe, unsubscribed contact: the confirmation email is sent once, and reported sent', async () => {
			const before = seed('unsubscribed')!;
			const list = account.fake.seed.list({ name: 'Back' });
			const { output, error } = await runWithFault(
				{ operation: 'resubscribe', contact: byEmail, resubscribeLists: lists(list.list_id) },
				{ method: 'PUT', path: `/contacts/resubscribe/${before.contact_id}`, mode },
			);
			expect(error).toBeUndefined();
			expect(output[0].json).toMatchObject({ contact_id: before.contact_id, resubscribe_email_sent: true });
			const sent = apiRequests(account.fake, 'PUT').filter((r) => r.path.includes('/resubscribe/') && r.status === 200);
			expect(sent).toHaveLength(mode === 'after' ? 0 : 1);
		});
	});
});

describe('Import and bulk Add to Lists: a failed activity POST, then the retry', () => {
	describe.each(FAULTS)('%s', (mode) => {
		it.each<State>(['new', ...EXISTING])('Import, %s email: one contact, imported with consent kept', async (state) => {
			seed(state);
			const list = account.fake.seed.list({ name: 'Imported' });
			const { output, error } = await runWithFault(
				{ operation: 'import', contactFields: automatic(), importListMemberships: lists(list.list_id) },
				{ method: 'POST', path: '/activities/contacts_json_import', mode },
			);
			expect(error).toBeUndefined();
			expect(output[0].json).toMatchObject({ state: 'completed', contacts_sent: 1 });
			const stored = only();
			expect(stored).toMatchObject({ first_name: 'New', last_name: 'Person' });
			expect(stored.email_address.permission_to_send).toBe(state === 'unsubscribed' ? 'unsubscribed' : 'implicit');
			// Unsubscribed contacts are not added back to lists.
			expect(stored.list_memberships.includes(list.list_id)).toBe(state !== 'unsubscribed');
		});

		it.each<State>(['existing', 'unsubscribed'])('bulk Add to Lists, %s contact: added once', async (state) => {
			const before = seed(state)!;
			const other = account.fake.seed.contact({ email_address: { address: 'second@example.com' } });
			const list = account.fake.seed.list({ name: 'Bulk' });
			account.fake.injectFault({ method: 'POST', path: '/activities/add_list_memberships', mode, status: 500, times: 1 });
			const { output, error } = await run(
				account,
				{ operation: 'addToLists', contact: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, membershipLists: lists(list.list_id) },
				[{ id: before.contact_id }, { id: other.contact_id }],
			);
			expect(error).toBeUndefined();
			expect(output.map((o) => o.json.action)).toEqual(['added', 'added']);
			expect(account.fake.state.contacts.get(before.contact_id)!.list_memberships.filter((id) => id === list.list_id)).toHaveLength(1);
			account.fake.assertNoContractViolations();
		});
	});
});

describe('the evidence a retry goes by', () => {
	it('a contact created with other fields just before our POST is not taken as ours: If Contact Exists decides', async () => {
		// Someone else creates the email a moment before us, with their own fields.
		account.fake.seed.contact({ email_address: { address: EMAIL }, first_name: 'Someone', created_at: new Date().toISOString() });
		const { output, error } = await runWithFault({ operation: 'create', contactFields: automatic(), ifContactExists: 'skip' }, { method: 'POST', path: '/contacts', mode: 'before' });
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ action: 'skipped', first_name: 'Someone' });
		expect(contactByEmail(account.fake, EMAIL)?.first_name).toBe('Someone');
	});
});
