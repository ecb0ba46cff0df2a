import type { INodeListSearchResult } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ConstantContact } from '../../../../nodes/ConstantContact/ConstantContact.node.ts';
import { searchEvents } from '../../../../nodes/ConstantContact/methods/listSearch.ts';
import { runLoadOptions } from '../../../helpers/n8n.mts';
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

const locator = (value: string) => ({ __rl: true, mode: 'list', value });
const NOT_AN_ID = 'not-an-event';

/** An event with `count` registrations of its default track, a@…, b@…, one a second apart from 1 Mar 2026. */
function eventWith(count: number, name = 'Reunion', tracks = 1) {
	const event = account.fake.seed.event({ name, tracks, start_time: '2026-06-01T18:00:00Z' });
	const regs = Array.from({ length: count }, (_, i) =>
		account.fake.seed.registration({
			event_id: event.event_id,
			email_address: `r${i}@example.com`,
			first_name: `R${i}`,
			last_name: 'Guest',
			registration_time: new Date(Date.UTC(2026, 2, 1, 9, 0, i)).toISOString(),
			...(i % 2 ? { payment_status: 'PAID', total: 25 } : {}),
		}),
	);
	return { event, regs };
}

describe('Event → Get Many', () => {
	it('every page (100 each), deleted events left out, simplified to nine fields with the registration counts', async () => {
		const { fake } = account;
		const { event } = eventWith(2);
		for (let i = 0; i < 120; i++) fake.seed.event({ name: `Event ${String(i).padStart(3, '0')}` });
		fake.seed.event({ name: 'Gone', status: 'DELETED' });
		const { output } = await run(account, { resource: 'event', operation: 'getAll', returnAll: true, output: 'simple' });
		expect(output).toHaveLength(121);
		expect(apiRequests(fake, 'GET').map((r) => r.query.limit ?? 'cursor')).toEqual(['100', 'cursor']);
		expect(output.map((o) => o.json.name)).not.toContain('Gone');
		expect(output.find((o) => o.json.event_id === event.event_id)!.json).toEqual({
			event_id: event.event_id,
			name: 'Reunion',
			title: 'Reunion',
			status: 'ACTIVE',
			start_time: '2026-06-01T18:00:00Z',
			end_time: '2026-06-01T20:00:00Z',
			registration_url: event.registration_url,
			registration_count: 2,
			ticket_sold: 2,
		});
	});

	it('a limit, filters and sort order reach Constant Contact; Raw is the record as returned', async () => {
		const { fake } = account;
		fake.seed.event({ name: 'Alpha picnic' });
		fake.seed.event({ name: 'Bravo picnic' });
		fake.seed.event({ name: 'Draft picnic', status: 'DRAFT' });
		fake.seed.event({ name: 'Charlie gala' });
		const { output } = await run(account, {
			resource: 'event',
			operation: 'getAll',
			limit: 1,
			eventFilters: { status: 'ACTIVE', searchText: 'picnic' },
			eventOptions: { sortBy: 'name', sortOrder: 'DESC' },
		});
		expect(output.map((o) => o.json.name)).toEqual(['Bravo picnic']);
		expect(Object.keys(json(output)).sort()).toEqual(
			['create_time', 'description', 'end_time', 'event_id', 'event_registration_summary_metrics', 'event_type', 'location_type', 'name', 'registration_url', 'start_time', 'status', 'time_zone_type', 'title'].sort(),
		);
		expect(apiRequests(fake, 'GET')[0]!.query).toEqual({ event_status: 'ACTIVE', search_text: 'picnic', sort_by: 'name', sort_order: 'DESC', limit: '1' });
	});

	it('Selected Fields: the ID and the fields chosen', async () => {
		account.fake.seed.event({ name: 'Solo' });
		const { output } = await run(account, { resource: 'event', operation: 'getAll', returnAll: true, output: 'fields', fields: ['name', 'status'] });
		expect(output.map((o) => o.json)).toEqual([{ event_id: expect.any(String), name: 'Solo', status: 'ACTIVE' }]);
	});

	it('a status an expression made up fails naming the field, before any request', async () => {
		const { error } = await run(account, { resource: 'event', operation: 'getAll', returnAll: true, eventFilters: { status: 'OPEN' } });
		expect(error?.message).toBe('Status: "OPEN" is not one of ACTIVE, CANCELLED, COMPLETE, DELETED, DRAFT, ERROR');
		expect(apiRequests(account.fake)).toHaveLength(0);
	});

	it('the event picker lists every page, newest start first, filtered by name', async () => {
		const { fake } = account;
		fake.seed.event({ name: 'Spring gala', start_time: '2026-04-01T18:00:00Z' });
		fake.seed.event({ name: 'Autumn gala', start_time: '2026-10-01T18:00:00Z' });
		for (let i = 0; i < 105; i++) fake.seed.event({ name: `Class ${i}`, start_time: '2026-01-01T10:00:00Z' });
		const { results } = await runLoadOptions<INodeListSearchResult>(account.harness, new ConstantContact(), searchEvents as never, {}, ['gala']);
		expect(results).toEqual([
			{ name: 'Autumn gala', value: expect.any(String), description: 'ACTIVE, 2026-10-01' },
			{ name: 'Spring gala', value: expect.any(String), description: 'ACTIVE, 2026-04-01' },
		]);
		expect(apiRequests(fake, 'GET')).toHaveLength(2);
	});
});

describe('Event → Get Registrations', () => {
	it("the default track's registrations, every page (100 each), each with the event's ID, simplified to ten fields", async () => {
		const { fake } = account;
		const { event, regs } = eventWith(130);
		const { output } = await run(account, { resource: 'event', operation: 'getRegistrations', event: locator(event.event_id), returnAll: true, output: 'simple' });
		expect(output).toHaveLength(130);
		expect(output[1]!.json).toEqual({
			event_id: event.event_id,
			track_key: event.tracks[0],
			registration_id: regs[1]!.registration_id,
			email_address: 'r1@example.com',
			first_name: 'R1',
			last_name: 'Guest',
			registration_status: 'REGISTERED',
			payment_status: 'PAID',
			registration_time: '2026-03-01T09:00:01.000Z',
			total: 25,
		});
		expect(output[0]!.json.payment_status).toBeNull();
		// One GET /events/{id} for the default track, then two pages.
		expect(apiRequests(fake, 'GET').map((r) => r.path)).toEqual([
			`/v3/events/${event.event_id}`,
			`/v3/events/${event.event_id}/tracks/${event.tracks[0]}/registrations`,
			`/v3/events/${event.event_id}/tracks/${event.tracks[0]}/registrations`,
		]);
		expect(apiRequests(fake, 'GET')[1]!.query).toEqual({ limit: '100' });
	});

	it('a track given is read without the event; filters, sort and a limit reach Constant Contact', async () => {
		const { fake } = account;
		const event = fake.seed.event({ name: 'Two tracks', tracks: 2 });
		const vip = event.tracks[1]!;
		fake.seed.registration({ event_id: event.event_id, email_address: 'general@example.com' });
		fake.seed.registration({ event_id: event.event_id, track_key: vip, email_address: 'zed@example.com', payment_status: 'PAID', total: 100 });
		fake.seed.registration({ event_id: event.event_id, track_key: vip, email_address: 'amy@example.com', payment_status: 'PAID', total: 100 });
		fake.seed.registration({ event_id: event.event_id, track_key: vip, email_address: 'bob@example.com', payment_status: 'PENDING', total: 100 });
		fake.seed.registration({ event_id: event.event_id, track_key: vip, email_address: 'cancelled@example.com', payment_status: 'PAID', registration_status: 'CANCELED' });
		const { output } = await run(account, {
			resource: 'event',
			operation: 'getRegistrations',
			event: locator(event.event_id),
			trackId: vip,
			returnAll: true,
			registrationFilters: { registrationStatus: 'REGISTERED', paymentStatus: 'PAID', searchText: 'example' },
			registrationOptions: { sortBy: 'email_address', sortOrder: 'DESC' },
		});
		expect(output.map((o) => o.json.email_address)).toEqual(['zed@example.com', 'amy@example.com']);
		expect(json(output)).toMatchObject({ event_id: event.event_id, track_key: vip, tickets: 1, total: 100, new_contact: true, checkin_status: 'NOT_CHECKED_IN' });
		expect(apiRequests(fake, 'GET')).toHaveLength(1);
		expect(apiRequests(fake, 'GET')[0]!.query).toEqual({
			registration_status: 'REGISTERED',
			payment_status: 'PAID',
			search_text: 'example',
			sort_by: 'email_address',
			sort_order: 'DESC',
			limit: '100',
		});
		const limited = await run(account, { resource: 'event', operation: 'getRegistrations', event: locator(event.event_id), trackId: vip, limit: 2 });
		expect(limited.output).toHaveLength(2);
		expect(apiRequests(fake, 'GET').at(-1)!.query).toEqual({ limit: '2' });
	});

	it('an unknown event or track says so; a bad event ID or track key fails before any request', async () => {
		const { fake } = account;
		const { event } = eventWith(1);
		const missing = await run(account, { resource: 'event', operation: 'getRegistrations', event: locator('0b4d7f4e-0000-4000-8000-00000000dead'), returnAll: true });
		expect(missing.error?.message).toBe('Event: no event with ID 0b4d7f4e-0000-4000-8000-00000000dead in this Constant Contact account');
		const track = await run(account, { resource: 'event', operation: 'getRegistrations', event: locator(event.event_id), trackId: 'nope12', returnAll: true });
		expect(track.error?.message).toBe(`Event ${event.event_id} has no track "nope12", or the event does not exist`);
		const before = apiRequests(fake).length;
		const badId = await run(account, { resource: 'event', operation: 'getRegistrations', event: locator(NOT_AN_ID), returnAll: true });
		expect(badId.error?.message).toBe('Event: "not-an-event" is not an event ID');
		const none = await run(account, { resource: 'event', operation: 'getRegistrations', event: { __rl: true, mode: 'id', value: '={{ "" }}' }, returnAll: true });
		expect(none.error?.message).toBe('Event: no event chosen; pick one from the list or give its ID');
		const badTrack = await run(account, { resource: 'event', operation: 'getRegistrations', event: locator(event.event_id), trackId: '../x', returnAll: true });
		expect(badTrack.error?.message).toBe('Track ID: "../x" is not a track key');
		const badFilter = await run(account, { resource: 'event', operation: 'getRegistrations', event: locator(event.event_id), returnAll: true, registrationFilters: { registrationStatus: 'IN_PROGRESS, FAILED' } });
		expect(badFilter.error?.message).toBe('Registration Status: "IN_PROGRESS, FAILED" is not one of CANCELED, EXPIRED, PENDING, REGISTERED');
		expect(apiRequests(fake)).toHaveLength(before);
	});
});

describe('Event → Update Registration Status', () => {
	it('cancels the registrations given (duplicates once) in one PUT with the contract body, and says which were updated', async () => {
		const { fake } = account;
		const { event, regs } = eventWith(3);
		const ids = `${regs[0]!.registration_id}, ${regs[2]!.registration_id},${regs[0]!.registration_id}`;
		const { output } = await run(account, {
			resource: 'event',
			operation: 'updateRegistrationStatus',
			event: locator(event.event_id),
			registrationIds: ids,
			registrationStatus: 'CANCELED',
			statusOptions: { returnItemsToInventory: false },
		});
		expect(output.map((o) => o.json)).toEqual([
			{
				event_id: event.event_id,
				track_key: event.tracks[0],
				registration_status: 'CANCELED',
				updated_registration_ids: [regs[0]!.registration_id, regs[2]!.registration_id],
				failed_registration_ids: [],
			},
		]);
		expect(fake.state.registrations.map((r) => r.registration_status)).toEqual(['CANCELED', 'REGISTERED', 'CANCELED']);
		const put = apiRequests(fake, 'PUT');
		expect(put).toHaveLength(1);
		expect(put[0]!.path).toBe(`/v3/events/${event.event_id}/tracks/${event.tracks[0]}/registrations`);
		expect(put[0]!.query).toEqual({ return_items_to_inventory: 'false' });
	});

	it('a list from an expression; 207: the ones Constant Contact could not update come out as failed; none updated is an error', async () => {
		const { fake } = account;
		const { event, regs } = eventWith(2);
		const stranger = '0b4d7f4e-0000-4000-8000-00000000beef';
		const partly = await run(account, {
			resource: 'event',
			operation: 'updateRegistrationStatus',
			event: locator(event.event_id),
			trackId: event.tracks[0],
			registrationIds: [regs[1]!.registration_id, stranger],
			registrationStatus: 'CANCELED',
		});
		expect(json(partly.output)).toMatchObject({ updated_registration_ids: [regs[1]!.registration_id], failed_registration_ids: [stranger] });
		expect(fake.state.registrations[1]!.registration_status).toBe('CANCELED');
		const back = await run(account, { resource: 'event', operation: 'updateRegistrationStatus', event: locator(event.event_id), registrationIds: regs[1]!.registration_id, registrationStatus: 'REGISTERED' });
		expect(json(back.output)).toMatchObject({ registration_status: 'REGISTERED', failed_registration_ids: [] });
		expect(fake.state.registrations[1]!.registration_status).toBe('REGISTERED');
		const none = await run(account, { resource: 'event', operation: 'updateRegistrationStatus', event: locator(event.event_id), registrationIds: stranger, registrationStatus: 'CANCELED' });
		expect(none.error?.message).toBe('None of the 1 registrations was set to CANCELED');
		expect(apiRequests(fake, 'PUT').at(-1)!.query).toEqual({});
	});

	it('checks before any request: no IDs, a malformed ID, a status outside Canceled and Registered, a bad event', async () => {
		const { fake } = account;
		const { event, regs } = eventWith(1);
		const base = { resource: 'event', operation: 'updateRegistrationStatus', event: locator(event.event_id), registrationStatus: 'CANCELED' };
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ registrationIds: ' , ' }, 'Registration IDs: none given'],
			[{ registrationIds: `${regs[0]!.registration_id}, a/b` }, 'Registration IDs: "a/b" is not a registration ID'],
			[{ registrationIds: [42] }, 'Registration IDs: a number in the list is not an ID'],
			[{ registrationIds: regs[0]!.registration_id, registrationStatus: 'EXPIRED' }, 'Registration Status: "EXPIRED" is not one of CANCELED, REGISTERED'],
			[{ registrationIds: regs[0]!.registration_id, event: locator(NOT_AN_ID) }, 'Event: "not-an-event" is not an event ID'],
			[{ registrationIds: regs[0]!.registration_id, trackId: 'a b' }, 'Track ID: "a b" is not a track key'],
			[{ registrationIds: regs[0]!.registration_id, statusOptions: { returnItemsToInventory: 'yes' } }, 'Return Items to Inventory: a string is not true or false'],
		];
		for (const [parameters, message] of cases) {
			const { error } = await run(account, { ...base, ...parameters });
			expect(error?.message, message).toBe(message);
		}
		expect(apiRequests(fake)).toHaveLength(0);
		expect(fake.state.registrations[0]!.registration_status).toBe('REGISTERED');
	});

	it('with Continue On Fail, a bad item becomes an error item and the others are updated', async () => {
		const { fake } = account;
		const { event, regs } = eventWith(2);
		const { output } = await run(
			account,
			{ resource: 'event', operation: 'updateRegistrationStatus', event: locator(event.event_id), registrationIds: '={{ $json.id }}', registrationStatus: 'CANCELED' },
			[{ id: regs[0]!.registration_id }, { id: 'bad id' }, { id: regs[1]!.registration_id }],
			true,
		);
		expect(output.map((o) => (o.json.error ? 'error' : 'ok'))).toEqual(['ok', 'error', 'ok']);
		expect(output[1]!.json.error).toBe('Registration IDs: "bad id" is not a registration ID');
		expect(fake.state.registrations.map((r) => r.registration_status)).toEqual(['CANCELED', 'CANCELED']);
	});
});
