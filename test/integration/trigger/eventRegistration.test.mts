/**
 * Event Registration through n8n-core's PollContext against the fake: nothing old on the first poll,
 * each new registration once (across pages, equal times, in whatever order Constant Contact lists
 * them), a bounded number of requests per poll, and a stored state that cannot wedge it.
 */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { ConstantContactTrigger } from '../../../nodes/ConstantContact/ConstantContactTrigger.node.ts';
import { EVENT_REGISTRATION } from '../../../nodes/ConstantContact/trigger/eventRegistration.ts';
import type { EventRecord, SeedRegistrationInput } from '../../fake-constant-contact/server.mts';
import { startFakeConstantContact } from '../../fake-constant-contact/server.mts';
import type { Harness } from '../../helpers/n8n.mts';
import { connectedCredential, createHarness } from '../../helpers/n8n.mts';
import { createPoller } from '../../helpers/poll.mts';
import type { Fake } from './setup.mts';
import { iso, rows } from './setup.mts';

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
const apiGets = () => fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v3/'));
const FUTURE = '2099-01-01T00:00:00.000Z';

/** The trigger on `event` (its picker is `eventId`: Trigger On is `event`). */
const watch = (event: EventRecord, extra: IDataObject = {}) =>
	createPoller(harness, trigger, { event: 'eventRegistration', eventId: { __rl: true, mode: 'list', value: event.event_id }, ...extra });
const register = (event: EventRecord, email: string, at: string, extra: Partial<SeedRegistrationInput> = {}) =>
	fake.seed.registration({ event_id: event.event_id, email_address: email, registration_time: at, ...extra });

describe('Event Registration', () => {
	it('nothing old; then each new registration once, across pages and equal times, simplified with the answers; bounded requests', async () => {
		const event = fake.seed.event({ name: 'Reunion' });
		for (let i = 0; i < 150; i++) register(event, `old${i}@example.com`, iso(3_600_000));
		const poller = watch(event);
		const start = apiGets().length;
		expect(await poller.poll()).toBeNull();
		// The event (its default track and name), then two pages of 100.
		expect(apiGets().slice(start).map((r) => r.path.split('/').length)).toEqual([4, 7, 7]);
		expect(await poller.poll()).toBeNull();

		const same = iso(-1000);
		const a = register(event, 'ada@example.com', same, { first_name: 'Ada', last_name: 'Lovelace', payment_status: 'PAID', total: 40, answers: { 'Dietary needs': 'vegan' } });
		const b = register(event, 'bob@example.com', same);
		const before = apiGets().length;
		const out = rows(await poller.poll());
		expect(out.map((r) => r.email_address)).toEqual(['ada@example.com', 'bob@example.com']);
		expect(out[0]).toEqual({
			event_id: event.event_id,
			track_key: event.tracks[0],
			registration_id: a.registration_id,
			email_address: 'ada@example.com',
			first_name: 'Ada',
			last_name: 'Lovelace',
			registration_status: 'REGISTERED',
			payment_status: 'PAID',
			registration_time: same,
			answers: { 'First Name': 'Ada', 'Last Name': 'Lovelace', 'Email Address': 'ada@example.com', 'Dietary needs': 'vegan' },
		});
		expect(out[1]).toMatchObject({ registration_id: b.registration_id, payment_status: null });
		// Two pages (152 registrations) and one details request per new registration; the event is not read again.
		const paths = apiGets().slice(before).map((r) => r.path);
		expect(paths).toHaveLength(4);
		expect(paths.filter((p) => p.endsWith(`/${a.registration_id}`) || p.endsWith(`/${b.registration_id}`))).toHaveLength(2);
		expect(await poller.poll()).toBeNull();
	});

	it('a registration listed anywhere (before older ones), or late with an earlier time, is still emitted once', async () => {
		const event = fake.seed.event({ name: 'Gala' });
		register(event, 'first@example.com', iso(60_000));
		const poller = watch(event);
		expect(await poller.poll()).toBeNull();
		register(event, 'newest@example.com', iso(-1000));
		expect(rows(await poller.poll()).map((r) => r.email_address)).toEqual(['newest@example.com']);
		// Listed first, and dated before the newest one seen: Constant Contact's order and timing are not relied on.
		const late = register(event, 'late@example.com', iso(30 * 60_000));
		fake.state.registrations.splice(fake.state.registrations.indexOf(late), 1);
		fake.state.registrations.unshift(late);
		expect(rows(await poller.poll()).map((r) => r.email_address)).toEqual(['late@example.com']);
		// A status change is not a new registration.
		late.registration_status = 'CANCELED';
		expect(await poller.poll()).toBeNull();
	});

	it('one track: only its registrations, no request for the event after the first poll; Include Answers off reads no details; Raw', async () => {
		const event = fake.seed.event({ name: 'Two tracks', tracks: 2 });
		const vip = event.tracks[1]!;
		const poller = watch(event, { trackId: vip, simple: false, registrationOptions: { includeAnswers: false } });
		expect(await poller.poll()).toBeNull();
		register(event, 'general@example.com', iso(-1000));
		const v = register(event, 'vip@example.com', iso(-1000), { track_key: vip, tickets: 2, total: 200, payment_status: 'PAID' });
		const before = apiGets().length;
		const out = rows(await poller.poll());
		expect(out).toEqual([
			{
				event_id: event.event_id,
				event_name: 'Two tracks',
				track_key: vip,
				checkedIn_tickets: 0,
				checkin_status: 'NOT_CHECKED_IN',
				eligible_checkin_tickets: 2,
				email_address: 'vip@example.com',
				first_name: '',
				last_name: '',
				new_contact: true,
				payment_status: 'PAID',
				registration_id: v.registration_id,
				registration_status: 'REGISTERED',
				registration_time: v.registration_time,
				tickets: 2,
				total: 200,
			},
		]);
		expect(apiGets().slice(before).map((r) => r.path)).toEqual([`/v3/events/${event.event_id}/tracks/${vip}/registrations`]);
	});

	it('Raw with Include Answers: the form fields, tickets and order as Constant Contact returns them', async () => {
		const event = fake.seed.event({ name: 'Paid' });
		const poller = watch(event, { simple: false });
		expect(await poller.poll()).toBeNull();
		const r = register(event, 'pay@example.com', iso(-1000), { payment_status: 'PENDING', total: 25, answers: { Company: 'Engines Ltd' } });
		const [item] = rows(await poller.poll());
		expect(item).toMatchObject({ event_id: event.event_id, event_name: 'Paid', registration_id: r.registration_id, contact_id: r.contact_id });
		expect(item!.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field_label: 'Company', field_value: 'Engines Ltd', field_type: 'TEXT_AREA' })]));
		expect(item!.ticket_details).toEqual([expect.objectContaining({ ticket_name: 'General Admission', price: 25 })]);
		expect(item!.order_summary).toMatchObject({ payment_status: 'PENDING', payment_method: 'STRIPE' });
	});

	it('a registration deleted before its details are read is emitted without them', async () => {
		const event = fake.seed.event({ name: 'Quick' });
		const poller = watch(event);
		expect(await poller.poll()).toBeNull();
		const r = register(event, 'gone@example.com', iso(-1000));
		fake.injectFault({ method: 'GET', path: `/v3/events/${event.event_id}/tracks/${event.tracks[0]}/registrations/${r.registration_id}`, status: 404, times: 1 });
		expect(rows(await poller.poll())).toEqual([expect.objectContaining({ registration_id: r.registration_id, answers: {} })]);
	});

	it('more registrations than a poll reads: the pages read are emitted, the position stays, and nothing is emitted twice', async () => {
		const saved = EVENT_REGISTRATION.maxPages;
		EVENT_REGISTRATION.maxPages = 2;
		const warn = vi.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
		try {
			const event = fake.seed.event({ name: 'Big' });
			for (let i = 0; i < 250; i++) register(event, `p${i}@example.com`, iso(3_600_000));
			const poller = watch(event, { registrationOptions: { includeAnswers: false } });
			expect(await poller.poll()).toBeNull();
			const position = (poller.staticData().stream as IDataObject).position;
			const before = apiGets().length;
			const early = register(event, 'early@example.com', iso(-1000));
			fake.state.registrations.splice(fake.state.registrations.indexOf(early), 1);
			fake.state.registrations.unshift(early);
			expect(rows(await poller.poll()).map((r) => r.email_address)).toEqual(['early@example.com']);
			expect(apiGets().length - before).toBe(2);
			expect((poller.staticData().stream as IDataObject).position).toBe(position);
			expect(await poller.poll()).toBeNull();
			expect(warn.mock.calls.map(([m]) => m)).toContainEqual(expect.stringMatching(/has more than 200 registrations; each poll reads only the first 2 pages/));
		} finally {
			EVENT_REGISTRATION.maxPages = saved;
			warn.mockRestore();
		}
	});

	it('a manual test run returns the most recent registration', async () => {
		const event = fake.seed.event({ name: 'Sample' });
		register(event, 'older@example.com', iso(7_200_000));
		register(event, 'recent@example.com', iso(60_000));
		register(event, 'middle@example.com', iso(3_600_000));
		expect(rows(await watch(event).poll('manual')).map((r) => r.email_address)).toEqual(['recent@example.com']);
	});

	it('an event that is gone or a track it does not have fails the poll saying so; a bad event ID fails before any request', async () => {
		const event = fake.seed.event({ name: 'Here' });
		await expect(watch({ ...event, event_id: '0b4d7f4e-0000-4000-8000-00000000dead' }).poll()).rejects.toThrow(
			'Event: no event with ID 0b4d7f4e-0000-4000-8000-00000000dead in this Constant Contact account',
		);
		await expect(watch(event, { trackId: 'zz9zz9' }).poll()).rejects.toThrow(`Event ${event.event_id} has no track "zz9zz9", or the event was deleted`);
		const before = fake.requests.length;
		await expect(watch({ ...event, event_id: 'Here' }).poll()).rejects.toThrow('Event: "Here" is not an event ID');
		await expect(watch(event, { trackId: 'a/b' }).poll()).rejects.toThrow('Track ID: "a/b" is not a track key');
		expect(fake.requests.length).toBe(before);
	});
});

describe('Event Registration: a stored state that cannot be used', () => {
	const cases: Array<{ name: string; spoil: (data: IDataObject) => void; warns: boolean }> = [
		{ name: 'a position that is not a date', spoil: (d) => ((d.stream as IDataObject).position = 'yesterday-ish'), warns: true },
		{ name: 'a stream that is not an object', spoil: (d) => (d.stream = 'garbage'), warns: true },
		{ name: 'a position far in the future', spoil: (d) => ((d.stream as IDataObject).position = FUTURE), warns: true },
		{ name: 'what was seen is a list', spoil: (d) => ((d.stream as IDataObject).seen = ['x']), warns: true },
		{ name: 'a track that is not a key (read again from the event)', spoil: (d) => (d.track = '../../x'), warns: false },
	];
	for (const c of cases) {
		it(`${c.name}: nothing older is emitted, then everything new`, async () => {
			const event = fake.seed.event({ name: 'Watched' });
			register(event, 'w1@example.com', iso(120_000));
			const poller = watch(event);
			expect(await poller.poll()).toBeNull();
			c.spoil(poller.staticData());
			const warn = vi.spyOn(Container.get(Logger), 'warn').mockImplementation(() => undefined);
			register(event, 'during@example.com', iso(60_000));
			const out = rows(await poller.poll());
			// A usable stream still tells what is new; one that is not starts again from now.
			expect(out.map((r) => r.email_address)).toEqual(c.warns ? [] : ['during@example.com']);
			expect(warn).toHaveBeenCalledTimes(c.warns ? 1 : 0);
			if (c.warns) expect(warn.mock.calls[0]![0]).toMatch(/^Constant Contact Trigger "Constant Contact Trigger": its stored state cannot be used \(.+\); it starts again from now/);
			expect(JSON.stringify(poller.staticData())).not.toMatch(/yesterday|garbage|2099-|\.\.\//);
			register(event, 'next@example.com', iso(-1000));
			expect(rows(await poller.poll()).map((r) => r.email_address)).toEqual(['next@example.com']);
			expect(await poller.poll()).toBeNull();
			warn.mockRestore();
		});
	}

	it('an answer it cannot use ends the poll with a clear error and leaves the state alone; the registration comes on the next poll', async () => {
		const event = fake.seed.event({ name: 'Checked' });
		const poller = watch(event);
		expect(await poller.poll()).toBeNull();
		const before = JSON.stringify(poller.staticData());
		const path = `/v3/events/${event.event_id}/tracks/${event.tracks[0]}/registrations`;
		fake.injectFault({ method: 'GET', path, status: 200, body: { records: [null] }, times: 1 });
		await expect(poller.poll()).rejects.toThrow(/^Constant Contact's answer to GET \/events\/\{event_id\}\/tracks\/\{track_id\}\/registrations cannot be used: "records\[0\]" is null, not an object/);
		expect(JSON.stringify(poller.staticData())).toBe(before);
		const r = register(event, 'after@example.com', iso(-1000));
		fake.injectFault({ method: 'GET', path: `${path}/${r.registration_id}`, status: 200, body: { contact: 'x' }, times: 1 });
		await expect(poller.poll()).rejects.toThrow(/"contact" is a string, not a list/);
		expect(JSON.stringify(poller.staticData())).toBe(before);
		expect(rows(await poller.poll()).map((x) => x.email_address)).toEqual(['after@example.com']);
	});
});
