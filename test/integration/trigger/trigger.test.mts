import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ConstantContactTrigger } from '../../../nodes/ConstantContact/ConstantContactTrigger.node.ts';
import { startFakeConstantContact } from '../../fake-constant-contact/server.mts';
import type { Harness } from '../../helpers/n8n.mts';
import { connectedCredential, createHarness } from '../../helpers/n8n.mts';
import { createPoller } from '../../helpers/poll.mts';

type Fake = Awaited<ReturnType<typeof startFakeConstantContact>>;
let fake: Fake;
let harness: Harness;

beforeEach(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false });
	harness = createHarness(connectedCredential(fake, (await fake.issueTokens()) as unknown as IDataObject));
});

afterEach(async () => {
	fake.assertNoContractViolations();
	await fake.close();
});

const trigger = new ConstantContactTrigger();
// Simplify is on by default: a contact's email is `email` (Raw: `email_address.address`).
const emails = (out: INodeExecutionData[][] | null) =>
	(out?.[0] ?? []).map((i) => (i.json.email as string | undefined) ?? (i.json.email_address as { address: string }).address);
const iso = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();
const gets = () => fake.requests.filter((r) => r.method === 'GET' && r.path === '/v3/contacts');

function touch(contactId: string, at: string, changes: Record<string, unknown> = {}) {
	const c = fake.state.contacts.get(contactId)!;
	Object.assign(c, changes);
	c.updated_at = at;
}

function unsubscribe(contactId: string, at: string) {
	const c = fake.state.contacts.get(contactId)!;
	Object.assign(c.email_address, { permission_to_send: 'unsubscribed', opt_out_source: 'Contact', opt_out_date: at });
	c.updated_at = at;
}

describe('Constant Contact Trigger: Contact Created', () => {
	it('emits nothing old on the first poll, then each new contact once, across pages and identical timestamps', async () => {
		fake.seed.contact({ email_address: { address: 'old@example.com' }, created_at: iso(60_000) });
		const poller = createPoller(harness, trigger, { event: 'contactCreated' });
		expect(await poller.poll()).toBeNull();
		expect(poller.staticData()).toMatchObject({ position: expect.any(String) });

		expect(await poller.poll()).toBeNull();

		// 1,203 contacts created in the same millisecond: three pages, all with one timestamp.
		const same = iso(-1000);
		for (let i = 0; i < 1203; i++) fake.seed.contact({ email_address: { address: `same${i}@example.com` }, created_at: same });
		const before = gets().length;
		const burst = await poller.poll();
		expect(burst?.[0]).toHaveLength(1203);
		expect(new Set(emails(burst)).size).toBe(1203);
		expect(gets().length - before).toBe(3);

		// Another contact with that very timestamp, arriving after the poll: still emitted, the others not again.
		fake.seed.contact({ email_address: { address: 'late@example.com' }, created_at: same });
		expect(emails(await poller.poll())).toEqual(['late@example.com']);
		expect(await poller.poll()).toBeNull();
	});

	it('a manual test run returns one sample, the newest, and leaves the position alone', async () => {
		fake.seed.contact({ email_address: { address: 'older@example.com' }, created_at: iso(3_600_000) });
		fake.seed.contact({ email_address: { address: 'newest@example.com' }, created_at: iso(60_000) });
		const poller = createPoller(harness, trigger, { event: 'contactCreated' });
		const sample = await poller.poll('manual');
		expect(emails(sample)).toEqual(['newest@example.com']);
		expect(poller.staticData().position).toBeUndefined();
	});

	it('follows the list filter', async () => {
		const list = fake.seed.list({ name: 'VIP' });
		const poller = createPoller(harness, trigger, { event: 'contactCreated', options: { list: { __rl: true, mode: 'list', value: list.list_id } } });
		await poller.poll();
		fake.seed.contact({ email_address: { address: 'in@example.com' }, list_memberships: [list.list_id], created_at: iso(-10) });
		fake.seed.contact({ email_address: { address: 'out@example.com' }, created_at: iso(-10) });
		expect(emails(await poller.poll())).toEqual(['in@example.com']);
		expect(gets().at(-1)!.query.lists).toBe(list.list_id);
	});
});

describe('Constant Contact Trigger: Contact Updated and Contact Unsubscribed over a sequence of polls', () => {
	it('emits each update once (two updates of one contact are two changes), not new contacts, oldest first', async () => {
		const a = fake.seed.contact({ email_address: { address: 'a@example.com' }, created_at: iso(600_000) });
		const b = fake.seed.contact({ email_address: { address: 'b@example.com' }, created_at: iso(600_000) });
		const poller = createPoller(harness, trigger, { event: 'contactUpdated' });
		expect(await poller.poll()).toBeNull();

		const t1 = iso(-1000);
		touch(b.contact_id, t1, { first_name: 'Bee' });
		touch(a.contact_id, iso(-500), { first_name: 'Ay' });
		fake.seed.contact({ email_address: { address: 'brand-new@example.com' }, created_at: iso(-800) });
		const first = await poller.poll();
		expect(emails(first)).toEqual(['a@example.com', 'b@example.com']);
		expect(await poller.poll()).toBeNull();

		touch(b.contact_id, iso(-2000), { first_name: 'Bea' });
		const second = await poller.poll();
		expect(emails(second)).toEqual(['b@example.com']);
		expect(second![0][0].json.first_name).toBe('Bea');
		expect(await poller.poll()).toBeNull();
	});

	it('Contact Unsubscribed emits each opt-out once, not other updates; the first poll ignores earlier ones', async () => {
		const early = fake.seed.contact({ email_address: { address: 'early@example.com' }, created_at: iso(600_000) });
		const later = fake.seed.contact({ email_address: { address: 'later@example.com' }, created_at: iso(600_000) });
		const other = fake.seed.contact({ email_address: { address: 'other@example.com' }, created_at: iso(600_000) });
		unsubscribe(early.contact_id, iso(30_000));
		const poller = createPoller(harness, trigger, { event: 'contactUnsubscribed' });
		expect(await poller.poll()).toBeNull();

		unsubscribe(later.contact_id, iso(-1000));
		touch(other.contact_id, iso(-1000), { first_name: 'Not an opt-out' });
		const out = await poller.poll();
		expect(emails(out)).toEqual(['later@example.com']);
		expect(out![0][0].json).toMatchObject({ permission_to_send: 'unsubscribed', opt_out_date: expect.any(String) });
		expect(gets().at(-1)!.query).toMatchObject({ status: 'unsubscribed', optout_after: expect.any(String) });
		expect(await poller.poll()).toBeNull();
	});

	it('a contact that existed at activation is never emitted, even when its timestamp is ahead of n8n\'s clock', async () => {
		fake.seed.contact({ email_address: { address: 'x@example.com' }, created_at: iso(-10) });
		const created = createPoller(harness, trigger, { event: 'contactCreated' });
		await created.poll();
		expect(await created.poll()).toBeNull();
	});
});

describe('Constant Contact Trigger: Simplify', () => {
	it('on by default: ten flat fields per contact, asking only for the lists and tags they need', async () => {
		const list = fake.seed.list({ name: 'News' });
		const poller = createPoller(harness, trigger, { event: 'contactCreated' });
		expect(await poller.poll()).toBeNull();
		const c = fake.seed.contact({
			email_address: { address: 'simple@example.com', permission_to_send: 'implicit' },
			first_name: 'Sim',
			job_title: 'Not in the simple form',
			list_memberships: [list.list_id],
			created_at: iso(-1000),
		});
		const out = await poller.poll();
		expect(out![0][0].json).toEqual({
			contact_id: c.contact_id,
			email: 'simple@example.com',
			first_name: 'Sim',
			last_name: null,
			permission_to_send: 'implicit',
			opt_out_date: null,
			list_ids: [list.list_id],
			tag_ids: [],
			updated_at: expect.any(String),
			deleted_at: null,
		});
		expect(gets().at(-1)!.query.include).toBe('list_memberships,taggings');
	});

	it('off: the contact as Constant Contact returns it, with the subresources chosen under Include', async () => {
		const poller = createPoller(harness, trigger, { event: 'contactCreated', simple: false, options: { include: ['phone_numbers'] } });
		expect(await poller.poll()).toBeNull();
		fake.seed.contact({ email_address: { address: 'raw@example.com' }, job_title: 'Analyst', phone_numbers: [{ phone_number: '555', kind: 'home' }], created_at: iso(-1000) });
		const out = await poller.poll();
		expect(out![0][0].json).toMatchObject({
			email_address: expect.objectContaining({ address: 'raw@example.com' }),
			job_title: 'Analyst',
			phone_numbers: [expect.objectContaining({ phone_number: '555' })],
		});
		expect(gets().at(-1)!.query.include).toBe('phone_numbers');
	});
});
