import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConstantContact } from './server.mts';
import { api, until } from './testUtil.mts';
import type { FakeConstantContact } from './types.mts';

let fake: FakeConstantContact;
let token: string;
beforeAll(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false, campaignSendMs: 20 });
	token = (await fake.issueTokens()).access_token;
});
afterAll(() => fake.close());
afterEach(() => {
	fake.assertNoContractViolations();
	fake.reset();
});

const HTML = '<html><body>[[trackingImage]]<p>Hello</p></body></html>';
const activity = (over: Record<string, unknown> = {}) => ({
	format_type: 5,
	from_name: 'Fake Co',
	from_email: 'owner@example.com',
	reply_to_email: 'owner@example.com',
	subject: 'News',
	html_content: HTML,
	...over,
});

async function create(name = 'Spring', over: Record<string, unknown> = {}) {
	const r = await api(fake, token, 'POST', '/emails', { name, email_campaign_activities: [activity(over)] });
	expect(r.status).toBe(200);
	const primary = r.body.campaign_activities.find((a: { role: string }) => a.role === 'primary_email').campaign_activity_id as string;
	return { campaignId: r.body.campaign_id as string, primary };
}

async function putAudience(primary: string, audience: Record<string, unknown>) {
	const current = (await api(fake, token, 'GET', `/emails/activities/${primary}`)).body;
	return await api(fake, token, 'PUT', `/emails/activities/${primary}`, { ...current, ...audience });
}

describe('account emails', () => {
	it('lists the confirmed owner address and filters by one parameter at a time', async () => {
		fake.seed.accountEmail({ email_address: 'pending@example.com', confirmed: false });
		const confirmed = await api(fake, token, 'GET', '/account/emails?confirm_status=CONFIRMED');
		expect(confirmed.body.map((e: { email_address: string }) => e.email_address)).toEqual(['owner@example.com']);
		expect((await api(fake, token, 'GET', '/account/emails?confirm_status=U')).body).toHaveLength(1);
		expect((await api(fake, token, 'GET', '/account/emails?confirm_status=C&role_code=C')).status).toBe(400);
		const updater = (await fake.issueTokens({ scope: 'account_update' })).access_token;
		expect((await api(fake, token, 'POST', '/account/emails', { email_address: 'new@example.com' })).status).toBe(403);
		const added = await api(fake, updater, 'POST', '/account/emails', { email_address: 'new@example.com' });
		expect(added).toMatchObject({ status: 201, body: { email_address: 'new@example.com', confirm_status: 'UNCONFIRMED' } });
	});

	it('needs account_read, not campaign_data', async () => {
		const old = (await fake.issueTokens({ scope: 'contact_data campaign_data offline_access' })).access_token;
		expect((await api(fake, old, 'GET', '/account/emails')).status).toBe(403);
	});
});

describe('campaigns', () => {
	it('creates with 200 and activity ids only; names are unique; senders must be confirmed', async () => {
		const r = await api(fake, token, 'POST', '/emails', { name: 'Spring', email_campaign_activities: [activity()] });
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ name: 'Spring', current_status: 'Draft', type: 'NEWSLETTER' });
		expect(r.body.campaign_activities.map((a: { role: string }) => a.role)).toEqual(['primary_email', 'permalink']);
		expect((await api(fake, token, 'POST', '/emails', { name: 'spring', email_campaign_activities: [activity()] })).status).toBe(409);
		fake.seed.accountEmail({ email_address: 'pending@example.com', confirmed: false });
		const unconfirmed = await api(fake, token, 'POST', '/emails', { name: 'X', email_campaign_activities: [activity({ from_email: 'pending@example.com' })] });
		expect(unconfirmed.status).toBe(400);
		expect(unconfirmed.body[0].error_message).toMatch(/from_email pending@example.com is not a confirmed/);
		const tooLong = await api(fake, token, 'POST', '/emails', { name: 'x'.repeat(81), email_campaign_activities: [activity()] });
		expect(tooLong.status).toBe(400);
		expect(fake.contractViolations).toEqual([expect.stringContaining('#/name: expected maxLength: 80, actual: 81')]);
		fake.contractViolations.length = 0;
	});

	it('lists every campaign with Removed ones, pages by cursor, filters by updated_at', async () => {
		for (let i = 0; i < 3; i++) await create(`C${i}`);
		const { campaignId } = await create('Gone');
		expect((await api(fake, token, 'DELETE', `/emails/${campaignId}`)).status).toBe(204);
		const page = await api(fake, token, 'GET', '/emails?limit=3');
		expect(page.body.campaigns).toHaveLength(3);
		const next = await api(fake, token, 'GET', page.body._links.next.href);
		const all = [...page.body.campaigns, ...next.body.campaigns];
		expect(all.map((c: { current_status: string }) => c.current_status).sort()).toEqual(['Draft', 'Draft', 'Draft', 'Removed']);
		expect((await api(fake, token, 'GET', `/emails?after_date=${new Date(Date.now() + 60_000).toISOString()}`)).body.campaigns).toEqual([]);
		expect((await api(fake, token, 'PATCH', `/emails/${campaignId}`, { name: 'Back' })).status).toBe(400);
	});

	it('PUT erases omitted top-level fields but keeps html_content; lists and a segment never together', async () => {
		const { primary } = await create('Content', { preheader: 'Read me' });
		const list = fake.seed.list({ name: 'L' });
		const segment = fake.seed.segment({ name: 'S' });
		const both = await putAudience(primary, { contact_list_ids: [list.list_id], segment_ids: [segment.segment_id] });
		expect(both.status).toBe(400);
		const bare = await api(fake, token, 'PUT', `/emails/activities/${primary}`, { from_email: 'owner@example.com', from_name: 'F', reply_to_email: 'owner@example.com', subject: 'S2' });
		expect(bare.status).toBe(200);
		const stored = await api(fake, token, 'GET', `/emails/activities/${primary}?include=html_content,physical_address_in_footer`);
		expect(stored.body.preheader).toBeUndefined();
		expect(stored.body.html_content).toBe(HTML);
		expect((await api(fake, token, 'GET', `/emails/activities/${primary}?include=html_content,colour`)).status).toBe(400);
		expect(fake.contractViolations).toEqual([expect.stringMatching(/include does not have a valid value/)]);
		fake.contractViolations.length = 0;
	});

	it('follows draft → scheduled → (unschedule) draft → scheduled → sent, and "0" sends now', async () => {
		const { campaignId, primary } = await create('Flow');
		expect((await api(fake, token, 'POST', `/emails/activities/${primary}/schedules`, { scheduled_date: '2030-01-01T10:00:00.000Z' })).status).toBe(400); // no audience yet
		const list = fake.seed.list({ name: 'Members' });
		fake.seed.contact({ email_address: { address: 'a@example.com' }, list_memberships: [list.list_id] });
		fake.seed.contact({ email_address: { address: 'gone@example.com', permission_to_send: 'unsubscribed' }, list_memberships: [list.list_id] });
		expect((await putAudience(primary, { contact_list_ids: [list.list_id] })).status).toBe(200);

		const scheduled = await api(fake, token, 'POST', `/emails/activities/${primary}/schedules`, { scheduled_date: '2030-01-01' });
		expect(scheduled).toMatchObject({ status: 201, body: [{ scheduled_date: '2030-01-01T00:00:00.000Z' }] });
		expect((await api(fake, token, 'GET', `/emails/${campaignId}`)).body.current_status).toBe('Scheduled');
		expect((await api(fake, token, 'DELETE', `/emails/${campaignId}`)).status).toBe(400);
		expect((await api(fake, token, 'PUT', `/emails/activities/${primary}`, (await api(fake, token, 'GET', `/emails/activities/${primary}`)).body)).status).toBe(400);
		expect((await api(fake, token, 'DELETE', `/emails/activities/${primary}/schedules`)).status).toBe(204);
		expect((await api(fake, token, 'GET', `/emails/activities/${primary}`)).body.current_status).toBe('DRAFT');
		expect((await api(fake, token, 'GET', `/emails/activities/${primary}/schedules`)).body).toEqual([]);
		expect((await api(fake, token, 'DELETE', `/emails/activities/${primary}/schedules`)).status).toBe(400);

		await api(fake, token, 'POST', `/emails/activities/${primary}/schedules`, { scheduled_date: '2030-01-01T10:00:00.000Z' });
		expect(fake.campaigns.send(campaignId)).toEqual({ campaign_activity_id: primary, sent_to: ['a@example.com'] });
		expect((await api(fake, token, 'GET', `/emails/${campaignId}`)).body.current_status).toBe('Done');
		expect((await api(fake, token, 'GET', `/emails/activities/${primary}/send_history`)).body).toEqual([
			expect.objectContaining({ send_id: 1, count: 1, send_status: 'COMPLETED', reason_code: 0, contact_list_ids: [list.list_id] }),
		]);

		// Done, scheduled again for now: only contacts it has not reached yet.
		fake.seed.contact({ email_address: { address: 'b@example.com' }, list_memberships: [list.list_id] });
		const now = await api(fake, token, 'POST', `/emails/activities/${primary}/schedules`, { scheduled_date: '0' });
		expect(now).toMatchObject({ status: 201, body: [] });
		expect((await api(fake, token, 'GET', `/emails/activities/${primary}`)).body.current_status).toBe('EXECUTING');
		await until(async () => (await api(fake, token, 'GET', `/emails/${campaignId}`)).body.current_status, (s) => s === 'Done');
		const history = (await api(fake, token, 'GET', `/emails/activities/${primary}/send_history`)).body;
		expect(history.map((h: { count: number }) => h.count)).toEqual([1, 1]);
	});

	it('test sends: primary_email only, at most 5 addresses a request (the contract) and 50 a day', async () => {
		const { campaignId } = await create('Tests');
		const permalink = (await api(fake, token, 'GET', `/emails/${campaignId}`)).body.campaign_activities[1].campaign_activity_id;
		const primary = (await api(fake, token, 'GET', `/emails/${campaignId}`)).body.campaign_activities[0].campaign_activity_id;
		expect((await api(fake, token, 'POST', `/emails/activities/${permalink}/tests`, { email_addresses: ['a@example.com'] })).status).toBe(400);
		const six = Array.from({ length: 6 }, (_, i) => `t${i}@example.com`);
		expect((await api(fake, token, 'POST', `/emails/activities/${primary}/tests`, { email_addresses: six })).status).toBe(400);
		expect(fake.contractViolations).toEqual([expect.stringContaining('expected maximum item count: 5, found: 6')]);
		fake.contractViolations.length = 0;
		for (let i = 0; i < 10; i++) expect((await api(fake, token, 'POST', `/emails/activities/${primary}/tests`, { email_addresses: six.slice(0, 5) })).status).toBe(204);
		const over = await api(fake, token, 'POST', `/emails/activities/${primary}/tests`, { email_addresses: ['late@example.com'] });
		expect(over.status).toBe(400);
		expect(over.body[0].error_message).toMatch(/up to 50 test emails each day/);
	});
});

describe('segments', () => {
	it('creates, renames, replaces and deletes; a deleted segment is still readable by id', async () => {
		const criteria = JSON.stringify({ version: '1.0.0', criteria: { type: 'and', group: [] } });
		const created = await api(fake, token, 'POST', '/segments', { name: 'Openers', segment_criteria: criteria });
		expect(created).toMatchObject({ status: 201, body: { name: 'Openers', segment_id: 1, segment_criteria: criteria } });
		expect((await api(fake, token, 'POST', '/segments', { name: 'openers', segment_criteria: criteria })).status).toBe(409);
		expect((await api(fake, token, 'POST', '/segments', { name: 'Bad', segment_criteria: '{not json' })).status).toBe(400);
		expect((await api(fake, token, 'PATCH', '/segments/1/name', { name: 'Readers' })).body.name).toBe('Readers');
		expect((await api(fake, token, 'PUT', '/segments/1', { name: 'Readers' })).status).toBe(400);
		fake.contractViolations.length = 0;
		expect((await api(fake, token, 'DELETE', '/segments/1')).status).toBe(204);
		expect((await api(fake, token, 'GET', '/segments')).body.segments).toEqual([]);
		expect((await api(fake, token, 'GET', '/segments/1')).body.name).toBe('Readers');
	});

	it('checks path parameters against the contract (segment_id is an integer)', async () => {
		const r = await api(fake, token, 'GET', '/segments/abc');
		expect(r.status).toBe(400);
		expect(fake.contractViolations).toEqual([expect.stringMatching(/path parameter segment_id does not have a valid value/)]);
		fake.contractViolations.length = 0;
	});
});

describe('reports', () => {
	async function sentCampaign() {
		const list = fake.seed.list({ name: 'R' });
		for (const a of ['a', 'b', 'c']) fake.seed.contact({ email_address: { address: `${a}@example.com` }, first_name: a.toUpperCase(), list_memberships: [list.list_id] });
		const { campaignId, primary } = await create('Report');
		await putAudience(primary, { contact_list_ids: [list.list_id] });
		await api(fake, token, 'POST', `/emails/activities/${primary}/schedules`, { scheduled_date: '2030-01-01T00:00:00.000Z' });
		fake.campaigns.send(campaignId, '2026-01-01T10:00:00.000Z');
		fake.campaigns.track(campaignId, [
			{ type: 'open', email: 'a@example.com', at: '2026-01-01T10:05:00.000Z' },
			{ type: 'open', email: 'a@example.com', at: '2026-01-01T10:06:00.000Z', device_type: 'mobile' },
			{ type: 'click', email: 'a@example.com', link_url: 'https://example.com/x', at: '2026-01-01T10:07:00.000Z' },
			{ type: 'bounce', email: 'b@example.com', bounce_code: 'F', at: '2026-01-01T10:01:00.000Z' },
			{ type: 'optout', email: 'c@example.com', opt_out_reason: 'Too many', at: '2026-01-01T10:08:00.000Z' },
		]);
		return { campaignId, primary };
	}

	it('tracking reports: newest first, pages, unique opens, did-not-opens, bounce codes as repeated parameters', async () => {
		const { primary } = await sentCampaign();
		const opens = await api(fake, token, 'GET', `/reports/email_reports/${primary}/tracking/opens?limit=1`);
		expect(opens.body.tracking_activities[0]).toMatchObject({ email_address: 'a@example.com', device_type: 'mobile', created_time: '2026-01-01T10:06:00.000Z' });
		expect((await api(fake, token, 'GET', opens.body._links.next.href)).body.tracking_activities).toHaveLength(1);
		expect((await api(fake, token, 'GET', `/reports/email_reports/${primary}/tracking/unique_opens`)).body.tracking_activities).toHaveLength(1);
		const dno = (await api(fake, token, 'GET', `/reports/email_reports/${primary}/tracking/didnotopens`)).body.tracking_activities;
		expect(dno.map((r: { email_address: string }) => r.email_address).sort()).toEqual(['b@example.com', 'c@example.com']);
		expect(dno[0].tracking_activity_type).toBe('em_didnotopens');
		const bounces = await api(fake, token, 'GET', `/reports/email_reports/${primary}/tracking/bounces?bounce_code=B&bounce_code=F`);
		expect(bounces.body).toEqual({ tracking_activities: [expect.objectContaining({ email_address: 'b@example.com', bounce_code: 'F' })], _links: {} });
		expect((await api(fake, token, 'GET', `/reports/email_reports/${primary}/tracking/bounces?bounce_code=B`)).body.tracking_activities).toEqual([]);
		const clicks = (await api(fake, token, 'GET', `/reports/email_reports/${primary}/tracking/clicks?url_id=1000`)).body.tracking_activities;
		expect(clicks).toEqual([expect.objectContaining({ url_id: '1000', link_url: 'https://example.com/x' })]);
		const optouts = (await api(fake, token, 'GET', `/reports/email_reports/${primary}/tracking/optouts`)).body.tracking_activities;
		expect(optouts[0]).toMatchObject({ email_address: 'c@example.com', opt_out_reason: 'Too many' });
		expect(fake.state.contacts.get(optouts[0].contact_id)!.email_address).toMatchObject({ permission_to_send: 'unsubscribed', opt_out_source: 'Contact' });
		expect((await api(fake, token, 'GET', `/reports/email_reports/${primary}/tracking/sends?limit=501`)).status).toBe(400);
		fake.contractViolations.length = 0;
	});

	it('summaries, campaign stats (one unknown id fails all) and activity stats (unknown ids in errors)', async () => {
		const { campaignId, primary } = await sentCampaign();
		const summaries = (await api(fake, token, 'GET', '/reports/summary_reports/email_campaign_summaries')).body;
		expect(summaries.bulk_email_campaign_summaries).toEqual([
			{ campaign_id: campaignId, campaign_type: 'Newsletter', last_sent_date: '2026-01-01T10:00:00.000Z', unique_counts: { sends: 3, opens: 1, clicks: 1, forwards: 0, optouts: 1, abuse: 0, bounces: 1, not_opened: 1 } },
		]);
		const stats = (await api(fake, token, 'GET', `/reports/stats/email_campaigns/${campaignId}`)).body;
		expect(stats.results[0]).toMatchObject({ campaign_id: campaignId, stats: { em_sends: 3, em_opens: 1, em_opens_all: 2 }, percents: { open: 33.3 } });
		expect((await api(fake, token, 'GET', `/reports/stats/email_campaigns/${campaignId},0b4d7f4e-0000-4000-8000-000000000009`)).status).toBe(404);
		const unknown = '0b4d7f4e-0000-4000-8000-000000000009';
		const act = (await api(fake, token, 'GET', `/reports/stats/email_campaign_activities/${primary},${unknown}`)).body;
		expect(act.results).toHaveLength(1);
		expect(act.results[0].stats).toMatchObject({ em_bounces_mailbox_full: 1 });
		expect(act.errors).toEqual([expect.objectContaining({ error_message: expect.stringContaining(unknown) })]);
		expect((await api(fake, token, 'GET', `/reports/stats/email_campaign_activities/${primary},nope`)).status).toBe(404);
		const eleven = Array.from({ length: 11 }, () => primary).join(',');
		expect((await api(fake, token, 'GET', `/reports/stats/email_campaign_activities/${eleven}`)).status).toBe(400);
		expect(fake.contractViolations).toEqual([expect.stringContaining('expected maximum item count: 10, found: 11')]);
		fake.contractViolations.length = 0;
	});

	it('contact reports: details by type (one of the two parameters) and the summary in a date range', async () => {
		const { primary } = await sentCampaign();
		const a = [...fake.state.contacts.values()].find((c) => c.email_address.address === 'a@example.com')!;
		const details = await api(fake, token, 'GET', `/reports/contact_reports/${a.contact_id}/activity_details?tracking_activities_list=em_opens,em_clicks&limit=2`);
		expect(details.body.tracking_activities.map((r: { tracking_activity_type: string }) => r.tracking_activity_type)).toEqual(['em_clicks', 'em_opens']);
		expect(details.body.tracking_activities[0].campaign_activity_name).toBe('Report');
		expect((await api(fake, token, 'GET', details.body._links.next.href)).body.tracking_activities).toHaveLength(1);
		expect((await api(fake, token, 'GET', `/reports/contact_reports/${a.contact_id}/activity_details`)).status).toBe(400);
		expect((await api(fake, token, 'GET', `/reports/contact_reports/${a.contact_id}/activity_details?tracking_activities_list=em_smiles`)).status).toBe(400);
		fake.contractViolations.length = 0;
		const summary = await api(fake, token, 'GET', `/reports/contact_reports/${a.contact_id}/activity_summary?start=2025-01-01T00:00:00Z&end=2027-01-01T00:00:00Z`);
		expect(summary.body).toEqual({
			contact_id: a.contact_id,
			campaign_activities: [{ campaign_activity_id: primary, start_on: '2026-01-01T10:00:00.000Z', em_bounces: 0, em_clicks: 1, em_forwards: 0, em_opens: 2, em_sends: 1, em_unsubscribes: 0 }],
		});
	});
});
