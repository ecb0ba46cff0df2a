import { describe, expect, it } from 'vitest';

import { toIsoDateTime } from '../../../../nodes/ConstantContact/mapping/common/dates.ts';
import { mergeContactForPut } from '../../../../nodes/ConstantContact/mapping/contact/merge.ts';
import { applyContactChanges } from '../../../../nodes/ConstantContact/mapping/contact/permission.ts';
import type { ContactResource } from '../../../../nodes/ConstantContact/mapping/contact/types.ts';

const stored: ContactResource = {
	contact_id: 'c1',
	email_address: { address: 'a@example.com', permission_to_send: 'implicit' },
	first_name: 'Ann',
};
const empty = { email: 'a@example.com', phone_numbers: [], street_addresses: [], custom_fields: [], list_ids: [], tag_ids: [], notes: [] };

describe('applyContactChanges', () => {
	it('keeps the stored permission when none is asked for', () => {
		const merge = mergeContactForPut(stored, empty);
		expect(applyContactChanges(stored, merge, {})).toEqual([]);
		expect(merge.changed).toBe(false);
		expect(merge.body.email_address).toEqual({ address: 'a@example.com', permission_to_send: 'implicit' });
	});

	it('unsubscribes with reason and source', () => {
		const merge = mergeContactForPut(stored, empty);
		expect(applyContactChanges(stored, merge, { permission: 'unsubscribed', optOutReason: ' Moved away ', updateSource: 'Contact' })).toEqual([]);
		expect(merge.body).toMatchObject({
			email_address: { address: 'a@example.com', permission_to_send: 'unsubscribed', opt_out_reason: 'Moved away' },
			update_source: 'Contact',
			first_name: 'Ann',
		});
		expect(merge.changes).toEqual(['permission_to_send', 'opt_out_reason']);
	});

	it('changes the address only when it differs beyond case', () => {
		const same = mergeContactForPut(stored, empty);
		applyContactChanges(stored, same, { email: 'A@EXAMPLE.com' });
		expect(same.changed).toBe(false);
		const renamed = mergeContactForPut(stored, empty);
		applyContactChanges(stored, renamed, { email: 'b@example.com' });
		expect(renamed.body.email_address?.address).toBe('b@example.com');
	});

	it('re-subscribes an unsubscribed contact only on their own request (Changed By: Contact)', () => {
		const gone: ContactResource = { ...stored, email_address: { address: 'a@example.com', permission_to_send: 'unsubscribed', opt_out_source: 'Contact' } };
		for (const permission of ['explicit', 'implicit'] as const) {
			const byAccount = mergeContactForPut(gone, empty);
			const problems = applyContactChanges(gone, byAccount, { permission });
			expect(problems[0]).toMatch(/^Permission to Send: a@example.com unsubscribed, and only their own request can re-subscribe them/);
			expect(byAccount.body.email_address?.permission_to_send).toBe('unsubscribed');
		}
		const byContact = mergeContactForPut(gone, empty);
		expect(applyContactChanges(gone, byContact, { permission: 'explicit', updateSource: 'Contact' })).toEqual([]);
		expect(byContact.body).toMatchObject({ email_address: { permission_to_send: 'explicit' }, update_source: 'Contact' });
	});

	it('refuses a reason without an unsubscribe, and a reason over 255 characters', () => {
		expect(applyContactChanges(stored, mergeContactForPut(stored, empty), { optOutReason: 'x' })[0]).toMatch(/^Unsubscribe Reason: only recorded/);
		expect(applyContactChanges(stored, mergeContactForPut(stored, empty), { permission: 'unsubscribed', optOutReason: 'x'.repeat(256) })[0]).toBe(
			'Unsubscribe Reason: 256 characters; Constant Contact allows at most 255',
		);
	});
});

describe('toIsoDateTime', () => {
	it('reads ISO strings, Dates and epoch milliseconds; rejects the rest', () => {
		expect(toIsoDateTime('2024-05-01T10:00:00Z')).toBe('2024-05-01T10:00:00.000Z');
		expect(toIsoDateTime(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
		expect(toIsoDateTime(86_400_000)).toBe('1970-01-02T00:00:00.000Z');
		expect(toIsoDateTime('')).toBeUndefined();
		expect(toIsoDateTime('soon')).toBeUndefined();
	});
});
