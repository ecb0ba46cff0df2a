// What the contract says PUT /contacts/{contact_id} does, and every path of the node that sends one:
// Update, Create or Update (merge), Create with If Contact Exists: Update, and the single-contact
// list and tag changes. Omitted top-level properties become null (sms_channel is one), a deleted
// contact is restored only with update_source Account, and a 409 means the new email is taken.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from './setup.mts';
import { apiRequests, automatic, lists, mapped, run, startAccount } from './setup.mts';

let account: Account;

beforeAll(async () => {
	account = await startAccount();
});

beforeEach(() => {
	account.fake.reset();
});

afterAll(async () => {
	await account.fake.close();
});

const EMAIL = 'sms@example.com';
const byEmail = { __rl: true, mode: 'email', value: EMAIL };
const SMS = { sms_address: '7815551212', dial_code: '1', country_code: 'US', sms_consent_permission: 'explicit' };

describe("sms_channel survives every PUT (the contract nulls omitted top-level properties; the fake does too)", () => {
	const paths: Array<[string, () => Record<string, unknown>]> = [
		['Update', () => ({ operation: 'update', contact: byEmail, updateFields: mapped({ first_name: 'New' }) })],
		['Create or Update (account sync)', () => ({ operation: 'upsert', consentPath: 'accountSync', contactFields: mapped({ email_address: EMAIL, first_name: 'New' }) })],
		['Create, If Contact Exists: Update', () => ({ operation: 'create', contactFields: mapped({ email_address: EMAIL, first_name: 'New' }), ifContactExists: 'update' })],
		['Add to Lists (one contact)', () => ({ operation: 'addToLists', contact: byEmail, membershipLists: lists(account.fake.seed.list({ name: 'L' }).list_id) })],
		['Add Tags (one contact)', () => ({ operation: 'addTags', contact: byEmail, membershipTags: [account.fake.seed.tag({ name: 'T' }).tag_id] })],
	];

	it.each(paths)('%s', async (_name, parameters) => {
		const { fake } = account;
		const c = fake.seed.contact({ email_address: { address: EMAIL }, first_name: 'Old', sms_channel: SMS });
		const { output, error } = await run(account, parameters());
		expect(error).toBeUndefined();
		expect(output[0].json.action).toBe('updated');
		const puts = apiRequests(fake, 'PUT');
		expect(puts).toHaveLength(1);
		// Sent back in the PUT shape (ContactSmsChannel), unchanged.
		expect((puts[0].body as Record<string, unknown>).sms_channel).toEqual({
			full_sms_address: '17815551212',
			sms_channel_consents: [{ sms_consent_permission: 'explicit', consent_type: 'promotional_sms' }],
		});
		expect(fake.state.contacts.get(c.contact_id)!.sms_channel).toMatchObject({ sms_address: '7815551212', dial_code: '1', sms_channel_consents: [{ sms_consent_permission: 'explicit' }] });
		fake.assertNoContractViolations();
	});
});

describe('a deleted contact is restored with update_source Account', () => {
	it('Update with Changed By: Contact revives it as the account', async () => {
		const { fake } = account;
		const c = fake.seed.contact({ email_address: { address: EMAIL }, first_name: 'Old', deleted: true });
		const { output, error } = await run(account, {
			operation: 'update',
			contact: byEmail,
			updateFields: mapped({ first_name: 'Back' }),
			changeOptions: { reviveDeleted: true, updateSource: 'Contact' },
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ action: 'updated', revived: true, first_name: 'Back' });
		expect(apiRequests(fake, 'PUT').map((r) => (r.body as Record<string, unknown>).update_source)).toEqual(['Account']);
		expect(fake.state.contacts.get(c.contact_id)!.deleted_at).toBeUndefined();
		fake.assertNoContractViolations();
	});

	it("a deleted contact who unsubscribed and asks to come back: restored by the account, then re-subscribed on the contact's word", async () => {
		const { fake } = account;
		const c = fake.seed.contact({ email_address: { address: EMAIL, permission_to_send: 'unsubscribed', opt_out_source: 'Contact' }, deleted: true });
		const { output, error } = await run(account, {
			operation: 'update',
			contact: byEmail,
			updateFields: mapped({}),
			changeOptions: { reviveDeleted: true, updateSource: 'Contact', permissionToSend: 'explicit' },
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ action: 'updated', revived: true });
		const sources = apiRequests(fake, 'PUT').map((r) => (r.body as Record<string, unknown>).update_source);
		expect(sources).toEqual(['Account', 'Contact']);
		const stored = fake.state.contacts.get(c.contact_id)!;
		expect(stored.deleted_at).toBeUndefined();
		expect(stored.email_address.permission_to_send).toBe('explicit');
		fake.assertNoContractViolations();
	});
});

describe('permission_to_send: every state Constant Contact sets goes back unchanged (the PUT accepts all six)', () => {
	it.each(['explicit', 'implicit', 'not_set', 'pending_confirmation', 'temp_hold', 'unsubscribed'] as const)('%s', async (permission) => {
		const { fake } = account;
		const c = fake.seed.contact({ email_address: { address: EMAIL, permission_to_send: permission }, first_name: 'Old' });
		const { error } = await run(account, { operation: 'update', contact: byEmail, updateFields: mapped({ first_name: 'New' }) });
		expect(error).toBeUndefined();
		expect(((apiRequests(fake, 'PUT')[0].body as Record<string, Record<string, unknown>>).email_address).permission_to_send).toBe(permission);
		expect(fake.state.contacts.get(c.contact_id)!.email_address.permission_to_send).toBe(permission);
		fake.assertNoContractViolations();
	});
});

describe('409 on PUT /contacts/{contact_id}: the new email belongs to another contact', () => {
	it('says so, and does not send the user to Create or Update', async () => {
		const { fake } = account;
		fake.seed.contact({ email_address: { address: EMAIL } });
		fake.seed.contact({ email_address: { address: 'taken@example.com' } });
		const { error } = await run(account, { operation: 'update', contact: byEmail, updateFields: mapped({ email_address: 'taken@example.com' }) });
		expect(error?.message).toBe('The email address taken@example.com already belongs to another contact in Constant Contact (409): Email address taken@example.com is not unique');
		expect(error?.description).toMatch(/Each contact has its own email address/);
		expect(error?.description).not.toMatch(/Create or Update/);
	});
});

describe('Map Automatically into a PUT keeps what the item does not carry', () => {
	it('an item without the SMS number leaves it', async () => {
		const { fake } = account;
		const c = fake.seed.contact({ email_address: { address: EMAIL }, sms_channel: SMS });
		await run(account, { operation: 'upsert', consentPath: 'accountSync', contactFields: automatic() }, [{ email: EMAIL, firstname: 'Auto' }]);
		expect(fake.state.contacts.get(c.contact_id)!).toMatchObject({ first_name: 'Auto', sms_channel: { sms_address: '7815551212' } });
	});
});
