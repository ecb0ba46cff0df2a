import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { confirmResubscribe } from '../../../fake-constant-contact/api/resubscribe.mts';
import type { Account } from './setup.mts';
import { apiRequests, json, lists, run, startAccount } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

describe('Contact → Resubscribe', () => {
	it('asks Constant Contact to send the one-time confirmation email; the contact is re-subscribed only when they confirm', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'News' });
		const c = fake.seed.contact({ email_address: { address: 'back@example.com', permission_to_send: 'unsubscribed' } });
		const { output, error } = await run(account, { operation: 'resubscribe', contact: { __rl: true, mode: 'email', value: 'back@example.com' }, resubscribeLists: lists(list.list_id) });
		expect(error).toBeUndefined();
		expect(json(output)).toEqual({ contact_id: c.contact_id, email_address: 'back@example.com', list_ids: [list.list_id], resubscribe_email_sent: true });
		const put = apiRequests(fake, 'PUT')[0];
		expect(put.path).toBe(`/v3/contacts/resubscribe/${c.contact_id}`);
		expect(put.body).toEqual({ list_ids: [list.list_id] });
		expect(fake.state.contacts.get(c.contact_id)!.email_address.permission_to_send).toBe('unsubscribed');
		confirmResubscribe(fake.state as never, c.contact_id);
		expect(fake.state.contacts.get(c.contact_id)!.email_address.permission_to_send).toBe('explicit');

		// Only once per contact.
		fake.state.contacts.get(c.contact_id)!.email_address.permission_to_send = 'unsubscribed';
		const second = await run(account, { operation: 'resubscribe', contact: { __rl: true, mode: 'id', value: c.contact_id }, resubscribeLists: lists(list.list_id) });
		expect(second.error?.message).toBe('Constant Contact already sent back@example.com a resubscribe email (409)');
	});

	it('refuses a contact that is not unsubscribed, without sending anything', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'News' });
		fake.seed.contact({ email_address: { address: 'sub@example.com', permission_to_send: 'implicit' } });
		const { error } = await run(account, { operation: 'resubscribe', contact: { __rl: true, mode: 'email', value: 'sub@example.com' }, resubscribeLists: lists(list.list_id) });
		expect(error?.message).toBe('The contact sub@example.com is not unsubscribed (permission to send: implicit)');
		expect(apiRequests(fake, 'PUT')).toHaveLength(0);
	});
});
