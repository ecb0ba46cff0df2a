// The fake's tag, custom field, segment and list endpoints beyond create/list, its bulk delete
// activities, and the resend to non-openers of a campaign's primary email.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newCampaign } from './campaignLifecycle.mts';
import { startFakeConstantContact } from './server.mts';
import type { FakeState } from './state.mts';
import { api, until } from './testUtil.mts';
import type { FakeConstantContact } from './types.mts';

let fake: FakeConstantContact;
let token: string;
beforeAll(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false, importStepMs: 10 });
	token = (await fake.issueTokens()).access_token;
});
afterAll(() => fake.close());
afterEach(() => {
	fake.assertNoContractViolations();
	fake.reset();
});

const MISSING = '0b4d7f4e-0000-4000-8000-000000000002';

describe('/contact_tags/{tag_id}', () => {
	it('GET with and without include_count, PUT renames (409 on a taken name), 404 for an unknown tag', async () => {
		const t = fake.seed.tag({ name: 'VIP' });
		fake.seed.tag({ name: 'Other' });
		fake.seed.contact({ email_address: { address: 'a@example.com' }, taggings: [t.tag_id] });
		expect((await api(fake, token, 'GET', `/contact_tags/${t.tag_id}`)).body).not.toHaveProperty('contacts_count');
		expect((await api(fake, token, 'GET', `/contact_tags/${t.tag_id}?include_count=true`)).body).toMatchObject({ name: 'VIP', contacts_count: 1 });
		const put = await api(fake, token, 'PUT', `/contact_tags/${t.tag_id}`, { name: 'Gold' });
		expect(put).toMatchObject({ status: 200, body: { tag_id: t.tag_id, name: 'Gold', tag_source: 'Contact' } });
		expect((await api(fake, token, 'PUT', `/contact_tags/${t.tag_id}`, { name: 'other' })).status).toBe(409);
		expect((await api(fake, token, 'GET', `/contact_tags/${MISSING}`)).status).toBe(404);
		expect((await api(fake, token, 'PUT', `/contact_tags/${MISSING}`, { name: 'X' })).status).toBe(404);
	});
});

describe('/contact_custom_fields/{custom_field_id}', () => {
	it('GET, PUT (label and choices: kept IDs stay, new ones get IDs, omitted choices or label refused), DELETE (values go from contacts)', async () => {
		const f = fake.seed.customField({ label: 'Tier', type: 'single_select', choices: ['Bronze', 'Gold'] });
		const c = fake.seed.contact({ email_address: { address: 'a@example.com' } });
		fake.state.contacts.get(c.contact_id)!.custom_fields = [{ custom_field_id: f.custom_field_id, value: 'Bronze', choice_ids: ['1'] }];
		expect((await api(fake, token, 'GET', `/contact_custom_fields/${f.custom_field_id}`)).body).toMatchObject({ label: 'Tier', choices: [{ choice_id: 1 }, { choice_id: 2 }] });
		const put = await api(fake, token, 'PUT', `/contact_custom_fields/${f.custom_field_id}`, {
			label: 'Level',
			choices: [
				{ choice_id: 2, choice_label: 'Gold', display_order: 1 },
				{ choice_label: 'Silver', display_order: 2 },
			],
		});
		expect(put.status).toBe(200);
		expect(put.body).toMatchObject({ label: 'Level', type: 'single_select', choices: [{ choice_id: 2, choice_label: 'Gold' }, { choice_id: 3, choice_label: 'Silver' }] });
		expect(fake.state.contacts.get(c.contact_id)!.custom_fields[0].choice_ids).toEqual([]);
		expect((await api(fake, token, 'PUT', `/contact_custom_fields/${f.custom_field_id}`, { label: 'Level' })).status).toBe(400);
		expect((await api(fake, token, 'PUT', `/contact_custom_fields/${f.custom_field_id}`, { choices: [{ choice_label: 'A' }] })).status).toBe(400);
		expect((await api(fake, token, 'PUT', `/contact_custom_fields/${f.custom_field_id}`, { label: 'Level', choices: [{ choice_id: 99, choice_label: 'A' }] })).status).toBe(400);
		const text = fake.seed.customField({ label: 'Note' });
		expect((await api(fake, token, 'PUT', `/contact_custom_fields/${text.custom_field_id}`, { label: 'Level', choices: [] })).status).toBe(400);
		expect((await api(fake, token, 'PUT', `/contact_custom_fields/${text.custom_field_id}`, { label: 'Note', choices: [{ choice_label: 'A' }] })).status).toBe(400);
		expect((await api(fake, token, 'DELETE', `/contact_custom_fields/${f.custom_field_id}`)).status).toBe(204);
		expect(fake.state.contacts.get(c.contact_id)!.custom_fields).toEqual([]);
		expect((await api(fake, token, 'DELETE', `/contact_custom_fields/${f.custom_field_id}`)).status).toBe(404);
	});
});

describe('bulk deletes', () => {
	it('POST /activities/list_delete deletes the lists when the activity completes; an unknown ID is an activity error', async () => {
		const a = fake.seed.list({ name: 'A' });
		const c = fake.seed.contact({ email_address: { address: 'a@example.com' }, list_memberships: [a.list_id] });
		const r = await api(fake, token, 'POST', '/activities/list_delete', { list_ids: [a.list_id, MISSING] });
		expect(r).toMatchObject({ status: 201, body: { state: 'initialized', status: { list_count: 0 } } });
		const done = await until(() => api(fake, token, 'GET', `/activities/${r.body.activity_id}`), (x) => x.body.state === 'completed');
		expect(done.body).toMatchObject({ activity_errors: [`List ${MISSING} not found`], status: { list_count: 1, error_count: 1 } });
		expect(fake.state.lists.get(a.list_id)!.deleted_at).toEqual(expect.any(String));
		expect(fake.state.contacts.get(c.contact_id)!.list_memberships).toEqual([]);
	});

	it('list_delete takes 1 to 100 IDs (the contract: maxItems 100)', async () => {
		const ids = Array.from({ length: 101 }, () => MISSING);
		expect((await api(fake, token, 'POST', '/activities/list_delete', { list_ids: ids })).status).toBe(400);
		expect(fake.contractViolations).toEqual([expect.stringContaining('expected maximum item count: 100, found: 101')]);
		fake.contractViolations.length = 0;
		expect((await api(fake, token, 'POST', '/activities/list_delete', { list_ids: [] })).status).toBe(400);
	});

	it('POST /activities/custom_fields_delete: up to 100 (its text; its schema says maxItems 0), deleted on completion', async () => {
		const f = fake.seed.customField({ label: 'F' });
		const r = await api(fake, token, 'POST', '/activities/custom_fields_delete', { custom_field_ids: [f.custom_field_id] });
		expect(r.status).toBe(201);
		expect(r.body).not.toHaveProperty('status');
		await until(() => api(fake, token, 'GET', `/activities/${r.body.activity_id}`), (x) => x.body.state === 'completed');
		expect(fake.state.customFields.size).toBe(0);
		const many = Array.from({ length: 101 }, () => MISSING);
		const refused = await api(fake, token, 'POST', '/activities/custom_fields_delete', { custom_field_ids: many });
		expect(refused.status).toBe(400);
		expect(JSON.stringify(refused.body)).toContain('expected maximum item count: 100, found: 101');
	});
});

describe('/emails/activities/{id}/non_opener_resends', () => {
	function campaign() {
		const state = fake.state as unknown as FakeState;
		const c = newCampaign(state, 'Spring', { format_type: 5, from_email: 'owner@example.com', from_name: 'Fake Co', reply_to_email: 'owner@example.com', subject: 'News' });
		return { act: state.campaignActivities.get(c.activity_ids[0]!)!, permalink: c.activity_ids[1]! };
	}

	it('one resend per campaign: POST (201), GET (a list, DRAFT while a draft), a second POST 409, DELETE by its ID', async () => {
		const { act } = campaign();
		const path = `/emails/activities/${act.campaign_activity_id}/non_opener_resends`;
		expect((await api(fake, token, 'GET', path)).body).toEqual([]);
		const created = await api(fake, token, 'POST', path, { resend_subject: 'Again', delay_days: 2 });
		expect(created).toMatchObject({ status: 201, body: { resend_subject: 'Again', delay_days: 2, resend_request_id: 'DRAFT' } });
		expect((await api(fake, token, 'POST', path, { resend_subject: 'Twice', delay_days: 2 })).status).toBe(409);
		act.current_status = 'SCHEDULED';
		const [listed] = (await api(fake, token, 'GET', path)).body;
		expect(listed).toMatchObject({ resend_subject: 'Again', delay_days: 2, resend_status: 'SCHEDULED', resend_request_id: expect.stringMatching(/^\d+$/) });
		expect((await api(fake, token, 'DELETE', `${path}/DRAFT`)).status).toBe(404);
		expect((await api(fake, token, 'DELETE', `${path}/${listed.resend_request_id}`)).status).toBe(204);
		expect((await api(fake, token, 'GET', path)).body).toEqual([]);
	});

	it('the delay ranges, the status rule and the primary email only', async () => {
		const { act, permalink } = campaign();
		const path = `/emails/activities/${act.campaign_activity_id}/non_opener_resends`;
		for (const body of [{ resend_subject: 'A', delay_days: 11 }, { resend_subject: 'A', delay_minutes: 719 }, { resend_subject: 'A' }, { resend_subject: ' ', delay_days: 1 }]) {
			expect((await api(fake, token, 'POST', path, body)).status, JSON.stringify(body)).toBe(400);
		}
		// Both given: delay_minutes is ignored (L5060-5062).
		expect((await api(fake, token, 'POST', path, { resend_subject: 'A', delay_days: 1, delay_minutes: 5 })).body).toEqual({ resend_subject: 'A', delay_days: 1, resend_request_id: 'DRAFT' });
		await api(fake, token, 'DELETE', `${path}/DRAFT`);
		act.current_status = 'EXECUTING';
		expect((await api(fake, token, 'POST', path, { resend_subject: 'A', delay_days: 1 })).status).toBe(400);
		expect((await api(fake, token, 'POST', `/emails/activities/${permalink}/non_opener_resends`, { resend_subject: 'A', delay_days: 1 })).status).toBe(400);
	});
});
