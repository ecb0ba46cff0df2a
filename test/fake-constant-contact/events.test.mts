import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConstantContact } from './server.mts';
import { api } from './testUtil.mts';
import type { FakeConstantContact } from './types.mts';

let fake: FakeConstantContact;
let token: string;
beforeAll(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false });
	token = (await fake.issueTokens()).access_token;
});
afterAll(() => fake.close());
afterEach(() => {
	fake.assertNoContractViolations();
	fake.reset();
});

describe('events, tracks and registrations', () => {
	it('GET /events pages with the `next` cursor (next_cursor and _links), 100 at most; deleted events only when asked for', async () => {
		for (let i = 0; i < 5; i++) fake.seed.event({ name: `E${i}` });
		fake.seed.event({ name: 'Gone', status: 'DELETED' });
		const first = await api(fake, token, 'GET', '/events?limit=3');
		expect(first.status).toBe(200);
		expect(first.body.records.map((e: { name: string }) => e.name)).toEqual(['E0', 'E1', 'E2']);
		expect(first.body.total_records).toBe(5);
		expect(first.body._links.next.href).toBe(`/v3/events?next=${first.body.next_cursor}`);
		const second = await api(fake, token, 'GET', first.body._links.next.href);
		expect(second.body.records.map((e: { name: string }) => e.name)).toEqual(['E3', 'E4']);
		expect(second.body).not.toHaveProperty('_links');
		expect((await api(fake, token, 'GET', '/events?event_status=DELETED')).body.records.map((e: { name: string }) => e.name)).toEqual(['Gone']);
		expect((await api(fake, token, 'GET', '/events?limit=101')).status).toBe(400);
		expect((await api(fake, token, 'GET', '/events?event_status=OPEN')).status).toBe(400);
	});

	it('GET /events/{event_id}: the event with its default track; a deleted or unknown one is 404', async () => {
		const e = fake.seed.event({ name: 'Gala', tracks: 2 });
		const r = await api(fake, token, 'GET', `/events/${e.event_id}`);
		expect(r.status).toBe(200);
		expect(r.body.default_track).toMatchObject({ track_id: e.tracks[0] });
		const gone = fake.seed.event({ name: 'Gone', status: 'DELETED' });
		expect((await api(fake, token, 'GET', `/events/${gone.event_id}`)).status).toBe(404);
	});

	it('registrations: per track, filters, limit and page_size must agree, next and prev exclusive, unknown track 404', async () => {
		const e = fake.seed.event({ name: 'Meetup', tracks: 2 });
		const a = fake.seed.registration({ event_id: e.event_id, email_address: 'a@example.com', payment_status: 'PAID' });
		fake.seed.registration({ event_id: e.event_id, email_address: 'b@example.com', registration_status: 'CANCELED' });
		fake.seed.registration({ event_id: e.event_id, track_key: e.tracks[1], email_address: 'c@example.com' });
		const path = `/events/${e.event_id}/tracks/${e.tracks[0]}/registrations`;
		const all = await api(fake, token, 'GET', path);
		expect(all.body.records.map((r: { email_address: string }) => r.email_address)).toEqual(['a@example.com', 'b@example.com']);
		expect((await api(fake, token, 'GET', `${path}?registration_status=CANCELED`)).body.records).toHaveLength(1);
		expect((await api(fake, token, 'GET', `${path}?payment_status=PAID`)).body.records.map((r: { registration_id: string }) => r.registration_id)).toEqual([a.registration_id]);
		expect((await api(fake, token, 'GET', `${path}?limit=1&page_size=1`)).body.records).toHaveLength(1);
		expect((await api(fake, token, 'GET', `${path}?limit=1&page_size=2`)).status).toBe(400);
		expect((await api(fake, token, 'GET', `${path}?next=x&prev=y`)).status).toBe(400);
		// The contract's enum: anything else is refused before the handler.
		expect((await api(fake, token, 'GET', `${path}?registration_status=IN_PROGRESS`)).status).toBe(400);
		expect(fake.contractViolations).toEqual([expect.stringMatching(/registration_status does not have a valid value/)]);
		fake.contractViolations.length = 0;
		expect((await api(fake, token, 'GET', `/events/${e.event_id}/tracks/zzz999/registrations`)).status).toBe(404);
		const one = await api(fake, token, 'GET', `${path}/${a.registration_id}`);
		expect(one.body).toMatchObject({ registration_id: a.registration_id, contact_id: a.contact_id, order_summary: { payment_status: 'PAID' } });
		expect((await api(fake, token, 'GET', `/events/${e.event_id}/tracks/${e.tracks[1]}/registrations/${a.registration_id}`)).status).toBe(404);
	});

	it('PUT registrations: 200 without a body when every one is updated, 207 with the ones that were not; a status outside the settable ones is 400', async () => {
		const e = fake.seed.event({ name: 'Meetup' });
		const a = fake.seed.registration({ event_id: e.event_id, email_address: 'a@example.com' });
		const path = `/events/${e.event_id}/tracks/${e.tracks[0]}/registrations`;
		const ok = await api(fake, token, 'PUT', path, { registration_ids: [a.registration_id], registration_status: 'CANCELED' });
		expect([ok.status, ok.body]).toEqual([200, undefined]);
		expect(fake.state.registrations[0]!.registration_status).toBe('CANCELED');
		const partly = await api(fake, token, 'PUT', path, { registration_ids: [a.registration_id, 'nope'], registration_status: 'REGISTERED' });
		expect([partly.status, partly.body]).toEqual([207, { failed_registration_ids: ['nope'] }]);
		expect((await api(fake, token, 'PUT', path, { registration_ids: [a.registration_id], registration_status: 'IN_PROGRESS' })).status).toBe(400);
		expect((await api(fake, token, 'PUT', path, { registration_ids: [a.registration_id] })).status).toBe(400);
		expect(fake.contractViolations).toEqual([expect.stringMatching(/registration_status/)]);
		fake.contractViolations.length = 0;
		expect((await api(fake, token, 'PUT', path, { registration_ids: [], registration_status: 'CANCELED' })).status).toBe(400);
	});
});
