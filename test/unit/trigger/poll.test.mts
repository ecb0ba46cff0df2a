import { describe, expect, it } from 'vitest';

import { EVENTS, signatureOf } from '../../../nodes/ConstantContact/trigger/poll.ts';
import type { ContactResource } from '../../../nodes/ConstantContact/mapping/contact/types.ts';

const contact = (over: Partial<ContactResource>): ContactResource => ({ contact_id: 'c1', ...over });

describe('trigger events', () => {
	it('a creation is one change per contact; an update and an opt-out are one change per contact and time', () => {
		const c = contact({ created_at: '2024-01-01T00:00:00Z', updated_at: '2024-02-01T00:00:00Z', email_address: { address: 'a@b.co', opt_out_date: '2024-03-01T00:00:00Z' } });
		expect(EVENTS.contactCreated.key(c)).toBe('c1');
		expect(EVENTS.contactUpdated.key(c)).toBe('c1@2024-02-01T00:00:00Z');
		expect(EVENTS.contactUnsubscribed.key(c)).toBe('c1@2024-03-01T00:00:00Z');
		expect(EVENTS.contactUnsubscribed.qs).toEqual({ status: 'unsubscribed' });
	});

	it('another event, list or include makes another position', () => {
		const base = { event: 'contactCreated' as const, include: ['taggings'], includeNewContacts: false };
		expect(signatureOf(base)).toBe(signatureOf({ ...base }));
		expect(signatureOf(base)).not.toBe(signatureOf({ ...base, listId: 'l1' }));
		expect(signatureOf(base)).not.toBe(signatureOf({ ...base, event: 'contactUpdated' }));
	});
});
