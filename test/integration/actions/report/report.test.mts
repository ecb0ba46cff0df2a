import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { connectedCredential, createHarness } from '../../../helpers/n8n.mts';
import { byId, pick, seedCampaign } from '../campaign/setup.mts';
import type { Account, Fake } from '../contact/setup.mts';
import { apiRequests, contactByEmail, json, run, startAccount } from '../contact/setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

/** A campaign sent to a, b, c on 1 Jan 2026, then: a opens twice and clicks, b bounces, c opts out. */
function sentCampaign(fake: Fake, name = 'Report me') {
	const list = fake.seed.list({ name: `${name} list` });
	const n = name.toLowerCase().replace(/\W+/g, '-');
	for (const x of ['a', 'b', 'c']) fake.seed.contact({ email_address: { address: `${x}-${n}@example.com` }, first_name: x.toUpperCase(), list_memberships: [list.list_id] });
	const seeded = seedCampaign(fake, name, { contact_list_ids: [list.list_id] });
	seeded.activity.current_status = 'SCHEDULED';
	fake.campaigns.send(seeded.campaignId, '2026-01-01T10:00:00.000Z');
	fake.campaigns.track(seeded.campaignId, [
		{ type: 'open', email: `a-${n}@example.com`, at: '2026-01-01T10:05:00.000Z' },
		{ type: 'open', email: `a-${n}@example.com`, at: '2026-01-01T10:06:00.000Z', device_type: 'mobile' },
		{ type: 'click', email: `a-${n}@example.com`, link_url: 'https://example.com/x', at: '2026-01-01T10:07:00.000Z' },
		{ type: 'bounce', email: `b-${n}@example.com`, bounce_code: 'F', at: '2026-01-01T10:01:00.000Z' },
		{ type: 'optout', email: `c-${n}@example.com`, opt_out_reason: 'Too many', at: '2026-01-01T10:08:00.000Z' },
	]);
	return { ...seeded, n };
}

describe('Report → Get Campaign Summaries', () => {
	it('every page, newest send first, with campaign names (one GET /emails per 500 campaigns), simplified', async () => {
		const { fake } = account;
		const first = sentCampaign(fake, 'First');
		const second = sentCampaign(fake, 'Second one');
		fake.state.sendHistory.get(second.primary)![0]!.run_date = '2026-02-01T10:00:00.000Z';
		const { output } = await run(account, { resource: 'report', operation: 'getCampaignSummaries', returnAll: true, output: 'simple' });
		expect(output.map((o) => o.json)).toEqual([
			{ campaign_id: second.campaignId, name: 'Second one', last_sent_date: '2026-02-01T10:00:00.000Z', sends: 3, opens: 1, clicks: 1, bounces: 1, optouts: 1, not_opened: 1, forwards: 0 },
			{ campaign_id: first.campaignId, name: 'First', last_sent_date: '2026-01-01T10:00:00.000Z', sends: 3, opens: 1, clicks: 1, bounces: 1, optouts: 1, not_opened: 1, forwards: 0 },
		]);
		expect(apiRequests(fake, 'GET').map((r) => r.path)).toEqual(['/v3/reports/summary_reports/email_campaign_summaries', '/v3/emails']);
		const raw = await run(account, { resource: 'report', operation: 'getCampaignSummaries', returnAll: false, limit: 1, addCampaignNames: false, output: 'raw' });
		expect(raw.output.map((o) => o.json)).toEqual([expect.objectContaining({ campaign_id: second.campaignId, unique_counts: expect.objectContaining({ sends: 3 }) })]);
		expect(raw.output[0].json).not.toHaveProperty('name');
	});
});

describe('Report → Get Campaign Stats', () => {
	it('per campaign, in the order asked, simplified with open and click rates (0-100)', async () => {
		const { fake } = account;
		const a = sentCampaign(fake, 'Alpha');
		const b = sentCampaign(fake, 'Bravo');
		const { output } = await run(account, { resource: 'report', operation: 'getCampaignStats', statsFor: 'campaigns', campaignIds: [b.campaignId, a.campaignId], output: 'simple' });
		expect(output.map((o) => o.json.campaign_id)).toEqual([b.campaignId, a.campaignId]);
		expect(json(output)).toMatchObject({ sends: 3, opens: 1, clicks: 1, bounces: 1, optouts: 1, not_opened: 1, open_rate: 33.3, click_rate: 100 });
		expect(apiRequests(fake, 'GET').at(-1)!.path).toBe(`/v3/reports/stats/email_campaigns/${b.campaignId},${a.campaignId}`);
	});

	it('batches campaign ids by 150; an unknown one makes Constant Contact refuse the batch, which the message says', async () => {
		const { fake } = account;
		const ids = Array.from({ length: 151 }, (_, i) => seedCampaign(fake, `C${i}`).campaignId);
		const { output } = await run(account, { resource: 'report', operation: 'getCampaignStats', statsFor: 'campaigns', campaignIds: ids });
		expect(output).toHaveLength(151);
		expect(apiRequests(fake, 'GET').map((r) => r.path.split('/').at(-1)!.split(',').length)).toEqual([150, 1]);
		const { error } = await run(account, { resource: 'report', operation: 'getCampaignStats', statsFor: 'campaigns', campaignIds: [ids[0], '0b4d7f4e-0000-4000-8000-00000000dead'] });
		expect(error?.message).toBe('Campaign Names or IDs: Constant Contact has no stats for at least one of these campaigns (404), so it answered none');
	});

	it('per campaign activity, 10 a request; unknown ones come out as items without stats; a malformed ID fails before any request', async () => {
		const { fake } = account;
		const a = sentCampaign(fake, 'Alpha');
		const unknown = '0b4d7f4e-0000-4000-8000-00000000beef';
		const { output } = await run(account, { resource: 'report', operation: 'getCampaignStats', statsFor: 'campaignActivities', campaignActivityIds: `${a.primary}, ${unknown}`, output: 'simple' });
		expect(output.map((o) => o.json)).toEqual([
			{ campaign_activity_id: a.primary, campaign_id: a.campaignId, sends: 3, opens: 1, clicks: 1, bounces: 1, optouts: 1, not_opened: 1, forwards: 0, last_refresh_time: expect.any(String) },
			{ campaign_activity_id: unknown, stats: null, no_stats_reason: `Could not find stats for campaign activity ${unknown}.` },
		]);
		const raw = await run(account, { resource: 'report', operation: 'getCampaignStats', statsFor: 'campaignActivities', campaignActivityIds: a.primary, output: 'raw' });
		expect((json(raw.output).stats as IDataObject).em_bounces_mailbox_full).toBe(1);
		const before = apiRequests(fake).length;
		const bad = await run(account, { resource: 'report', operation: 'getCampaignStats', statsFor: 'campaignActivities', campaignActivityIds: 'Alpha' });
		expect(bad.error?.message).toBe('Campaign Activity IDs: "Alpha" is not a campaign activity ID (a UUID such as a campaign\'s primary_email_activity_id)');
		expect(apiRequests(fake)).toHaveLength(before);
	});
});

describe('Report → Get Campaign Tracking', () => {
	it('each report of the primary email, newest first, every page or up to a limit; bounce codes and links as filters', async () => {
		const { fake } = account;
		const c = sentCampaign(fake, 'Tracked');
		const track = (trackingReport: string, extra: Record<string, unknown> = {}) =>
			run(account, { resource: 'report', operation: 'getTracking', campaign: pick(c.campaignId), trackingReport, returnAll: true, output: 'simple', ...extra });
		expect((await track('sends')).output).toHaveLength(3);
		const opens = await track('opens');
		expect(opens.output.map((o) => o.json)).toEqual([
			{
				campaign_id: c.campaignId,
				campaign_activity_id: c.primary,
				contact_id: expect.any(String),
				email_address: `a-${c.n}@example.com`,
				first_name: 'A',
				last_name: null,
				created_time: '2026-01-01T10:06:00.000Z',
				device_type: 'mobile',
			},
			expect.objectContaining({ created_time: '2026-01-01T10:05:00.000Z' }),
		]);
		expect((await track('unique_opens')).output).toHaveLength(1);
		expect((await track('didnotopens')).output.map((o) => o.json.email_address).sort()).toEqual([`b-${c.n}@example.com`, `c-${c.n}@example.com`]);
		const clicks = await track('clicks', { trackingOptions: { urlId: '1000' } });
		expect(clicks.output.map((o) => [o.json.link_url, o.json.url_id])).toEqual([['https://example.com/x', '1000']]);
		expect(apiRequests(fake, 'GET').at(-1)!.query).toEqual({ url_id: '1000', limit: '500' });
		const bounces = await track('bounces', { trackingOptions: { bounceCodes: ['B', 'F'] } });
		expect(bounces.output.map((o) => o.json.bounce_code)).toEqual(['F']);
		expect(apiRequests(fake, 'GET').at(-1)!.query).toEqual({ bounce_code: 'B,F', limit: '500' });
		// Raw: the row as Constant Contact returns it, with the campaign's ID first.
		const optouts = await track('optouts', { output: 'raw' });
		expect(Object.keys(json(optouts.output))[0]).toBe('campaign_id');
		expect(json(optouts.output)).toMatchObject({ campaign_id: c.campaignId, opt_out_reason: 'Too many', campaign_activity_id: c.primary, tracking_activity_type: 'em_optouts' });
		expect((await track('forwards')).output).toEqual([]);
		const limited = await run(account, { resource: 'report', operation: 'getTracking', campaign: byId(c.campaignId), trackingReport: 'sends', returnAll: false, limit: 2 });
		expect(limited.output).toHaveLength(2);
		expect(apiRequests(fake, 'GET').at(-1)!.query).toEqual({ limit: '2' });
	});

	it('pages through more than 500 rows', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Big' });
		for (let i = 0; i < 501; i++) fake.seed.contact({ email_address: { address: `big${i}@example.com` }, list_memberships: [list.list_id] });
		const c = seedCampaign(fake, 'Big', { contact_list_ids: [list.list_id] });
		c.activity.current_status = 'SCHEDULED';
		fake.campaigns.send(c.campaignId);
		const { output } = await run(account, { resource: 'report', operation: 'getTracking', campaign: pick(c.campaignId), trackingReport: 'sends', returnAll: true });
		expect(output).toHaveLength(501);
		expect(new Set(output.map((o) => o.json.email_address)).size).toBe(501);
	});
});

describe('Report → contact activity', () => {
	it("a contact's summary per campaign in a date range, found by email", async () => {
		const { fake } = account;
		const c = sentCampaign(fake, 'Contact');
		const { output } = await run(account, {
			resource: 'report',
			operation: 'getContactActivitySummary',
			contact: { __rl: true, mode: 'email', value: `a-${c.n}@example.com` },
			summaryOptions: { start: '2025-06-01T00:00:00.000Z', end: '2026-06-01T00:00:00.000Z' },
		});
		const contact = contactByEmail(fake, `a-${c.n}@example.com`)!;
		expect(output.map((o) => o.json)).toEqual([
			{ contact_id: contact.contact_id, campaign_activity_id: c.primary, start_on: '2026-01-01T10:00:00.000Z', em_bounces: 0, em_clicks: 1, em_forwards: 0, em_opens: 2, em_sends: 1, em_unsubscribes: 0 },
		]);
		expect(apiRequests(fake, 'GET').at(-1)!.query).toEqual({ start: '2025-06-01T00:00:00.000Z', end: '2026-06-01T00:00:00.000Z' });
		const wrong = await run(account, { resource: 'report', operation: 'getContactActivitySummary', contact: byId(contact.contact_id), summaryOptions: { start: '2026-06-01T00:00:00.000Z', end: '2026-01-01T00:00:00.000Z' } });
		expect(wrong.error?.message).toBe('Start: 2026-06-01T00:00:00.000Z is not before End (2026-01-01T00:00:00.000Z)');
	});

	it("a contact's activity details by type, newest first, pages of 100, with campaign names", async () => {
		const { fake } = account;
		const c = sentCampaign(fake, 'Details');
		const contact = contactByEmail(fake, `a-${c.n}@example.com`)!;
		const { output } = await run(account, { resource: 'report', operation: 'getContactActivityDetails', contact: pick(contact.contact_id), activityTypes: ['em_opens', 'em_clicks'], returnAll: true });
		expect(output.map((o) => [o.json.tracking_activity_type, o.json.campaign_activity_name])).toEqual([
			['em_clicks', 'Details'],
			['em_opens', 'Details'],
			['em_opens', 'Details'],
		]);
		expect(apiRequests(fake, 'GET').at(-1)!.query).toEqual({ tracking_activities_list: 'em_opens,em_clicks', include_campaign_activity_names: 'true', limit: '100' });
	});

	it('contact reports need contact_data only; campaign reports need campaign_data (an old connection is told to reconnect, nothing sent)', async () => {
		const { fake } = account;
		const c = sentCampaign(fake, 'Scopes');
		const contact = contactByEmail(fake, `a-${c.n}@example.com`)!;
		const tokens = await fake.issueTokens({ scope: 'contact_data offline_access' });
		const old = { ...account, harness: createHarness(connectedCredential(fake, tokens as unknown as IDataObject)) };
		const details = await run(old, { resource: 'report', operation: 'getContactActivityDetails', contact: pick(contact.contact_id), activityTypes: ['em_sends'], returnAll: true });
		expect(details.output).toHaveLength(1);
		const before = apiRequests(fake).length;
		const summaries = await run(old, { resource: 'report', operation: 'getCampaignSummaries', returnAll: true });
		expect(summaries.error?.message).toMatch(/^The Constant Contact credential was granted without the "campaign_data" scope/);
		const tracking = await run(old, { resource: 'report', operation: 'getTracking', campaign: pick(c.campaignId), trackingReport: 'sends', returnAll: true });
		expect(tracking.error?.message).toMatch(/without the "campaign_data" scope/);
		expect(apiRequests(fake)).toHaveLength(before);
	});
});
