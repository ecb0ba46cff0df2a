import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ConstantContactTrigger } from '../../../nodes/ConstantContact/ConstantContactTrigger.node.ts';
import { startFakeConstantContact } from '../../fake-constant-contact/server.mts';
import type { Harness } from '../../helpers/n8n.mts';
import { connectedCredential, createHarness } from '../../helpers/n8n.mts';
import { createPoller } from '../../helpers/poll.mts';
import type { Fake } from './setup.mts';
import { iso, rows, sendCampaign as sendCampaignThrough } from './setup.mts';

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
/** A campaign sent to `emails` at `at` (setup.mts), through this file's fake. */
const sendCampaign = (name: string, emails: string[], at?: string) => sendCampaignThrough(fake, name, emails, at);

describe('Campaign Sent', () => {
	it('emits each send once: nothing old, then every new send (equal times too, a send to new contacts again), one request per poll plus one per send', async () => {
		sendCampaign('Before', ['x@example.com'], iso(3_600_000));
		const poller = createPoller(harness, trigger, { event: 'campaignSent' });
		expect(await poller.poll()).toBeNull();
		expect(await poller.poll()).toBeNull();

		const same = iso(-1000);
		const a = sendCampaign('Alpha', ['a@example.com'], same);
		const b = sendCampaign('Bravo', ['b@example.com'], same);
		const before = apiGets().length;
		const out = rows(await poller.poll());
		expect(out.map((r) => r.name).sort()).toEqual(['Alpha', 'Bravo']);
		// Simplified by default.
		expect(out[0]).toEqual({
			campaign_id: expect.any(String),
			name: expect.any(String),
			current_status: 'Done',
			last_sent_date: same,
			primary_email_activity_id: expect.any(String),
			campaign_type: 'Newsletter',
			sends: 1,
		});
		expect(apiGets().length - before).toBe(3);
		expect(await poller.poll()).toBeNull();

		// Sent again to a contact added since: a new send.
		fake.seed.contact({ email_address: { address: 'a2@example.com' }, list_memberships: fake.state.campaignActivities.get(a.activityId)!.contact_list_ids });
		fake.state.campaignActivities.get(a.activityId)!.current_status = 'SCHEDULED';
		fake.campaigns.send(a.campaignId, iso(-2000));
		expect(rows(await poller.poll()).map((r) => r.campaign_id)).toEqual([a.campaignId]);
		void b;
	});

	it('a manual test run returns the most recently sent campaign', async () => {
		sendCampaign('Older', ['o@example.com'], iso(7_200_000));
		sendCampaign('Newest', ['n@example.com'], iso(60_000));
		const poller = createPoller(harness, trigger, { event: 'campaignSent' });
		expect(rows(await poller.poll('manual')).map((r) => r.name)).toEqual(['Newest']);
	});
});

describe('Contact Bounced, Contact Opted Out, Contact Clicked', () => {
	it('Contact Bounced: nothing old; each new bounce once with its campaign, across pages and equal times; bounded requests per poll', async () => {
		const old = sendCampaign('Old', ['old@example.com'], iso(20 * 24 * 3600_000));
		const emails = Array.from({ length: 600 }, (_, i) => `r${i}@example.com`);
		const c = sendCampaign('Spring', emails, iso(3_600_000));
		fake.campaigns.track(c.campaignId, [{ type: 'bounce', email: 'r0@example.com', at: iso(1_800_000) }]);
		const poller = createPoller(harness, trigger, { event: 'contactBounced' });
		const first = apiGets().length;
		expect(await poller.poll()).toBeNull();
		// Summaries, the campaign's ids (once), its bounces: the old campaign is outside the 7 days.
		expect(apiGets().slice(first).map((r) => r.path.replace(/[0-9a-f-]{36}/g, '{id}'))).toEqual([
			'/v3/reports/summary_reports/email_campaign_summaries',
			'/v3/emails/{id}',
			'/v3/reports/email_reports/{id}/tracking/bounces',
		]);

		const same = iso(-1000);
		fake.campaigns.track(
			c.campaignId,
			emails.slice(1, 511).map((email) => ({ type: 'bounce' as const, email, bounce_code: 'F' as const, at: same })),
		);
		const before = apiGets().length;
		const out = rows(await poller.poll());
		expect(out).toHaveLength(510);
		expect(new Set(out.map((r) => r.email_address)).size).toBe(510);
		// Simplified by default: the campaign and its name, the tracking row's IDs, who, when and the bounce code.
		expect(out[0]).toEqual({
			campaign_id: c.campaignId,
			campaign_name: 'Spring',
			campaign_activity_id: c.activityId,
			contact_id: expect.any(String),
			email_address: expect.stringMatching(/^r\d+@example\.com$/),
			first_name: null,
			last_name: null,
			created_time: same,
			bounce_code: 'F',
		});
		// Summaries + two pages of bounces (the ids are remembered).
		expect(apiGets().length - before).toBe(3);

		fake.campaigns.track(c.campaignId, [{ type: 'bounce', email: 'r599@example.com', bounce_code: 'Z', at: same }]);
		expect(rows(await poller.poll()).map((r) => r.email_address)).toEqual(['r599@example.com']);
		const quiet = apiGets().length;
		expect(await poller.poll()).toBeNull();
		// The 511 bounces are within the 30-minute overlap, read again (two pages) and not emitted again.
		expect(apiGets().length - quiet).toBe(3);
		void old;
	});

	it('a campaign sent after activation is watched from its first poll; its events since activation are emitted', async () => {
		const poller = createPoller(harness, trigger, { event: 'contactOptedOut', engagementOptions: { days: 3, maxCampaigns: 2 } });
		expect(await poller.poll()).toBeNull();
		const c = sendCampaign('New', ['n1@example.com', 'n2@example.com']);
		fake.campaigns.track(c.campaignId, [{ type: 'optout', email: 'n1@example.com', opt_out_reason: 'Not for me', at: iso(-500) }]);
		const out = rows(await poller.poll());
		expect(out).toEqual([expect.objectContaining({ campaign_name: 'New', email_address: 'n1@example.com', opt_out_reason: 'Not for me' })]);
		expect(await poller.poll()).toBeNull();
		expect(apiGets().at(-2)!.query).toEqual({ limit: '2' });
	});

	it('Contact Clicked: two links clicked at the same moment are two events, each once', async () => {
		const c = sendCampaign('Links', ['k@example.com']);
		const poller = createPoller(harness, trigger, { event: 'contactClicked' });
		await poller.poll();
		const at = iso(-500);
		fake.campaigns.track(c.campaignId, [
			{ type: 'click', email: 'k@example.com', link_url: 'https://example.com/a', at },
			{ type: 'click', email: 'k@example.com', link_url: 'https://example.com/b', at },
		]);
		expect(rows(await poller.poll()).map((r) => r.link_url).sort()).toEqual(['https://example.com/a', 'https://example.com/b']);
		expect(await poller.poll()).toBeNull();
	});

	it('a campaign whose report is gone (deleted since) is skipped, the others still reported', async () => {
		const a = sendCampaign('Kept', ['k1@example.com'], iso(120_000));
		const b = sendCampaign('Gone', ['g1@example.com'], iso(60_000));
		const poller = createPoller(harness, trigger, { event: 'contactBounced' });
		await poller.poll();
		fake.campaigns.track(a.campaignId, [{ type: 'bounce', email: 'k1@example.com', at: iso(-500) }]);
		fake.injectFault({ method: 'GET', path: `/v3/reports/email_reports/${b.activityId}/tracking/bounces`, status: 404, times: 1 });
		expect(rows(await poller.poll()).map((r) => r.campaign_name)).toEqual(['Kept']);
		expect(fake.requests.filter((r) => r.status === 404).map((r) => r.path)).toEqual([`/v3/reports/email_reports/${b.activityId}/tracking/bounces`]);
		expect(await poller.poll()).toBeNull();
	});

	it('a watch setting from an expression that is not a whole number in range fails the poll naming it, before any request', async () => {
		for (const [options, named] of [
			[{ days: Number.NaN }, /^Campaigns Sent Within \(Days\): NaN is not a whole number from 1 to \d+/],
			[{ maxCampaigns: 1e20 }, /^Max Campaigns: 100000000000000000000 is not a whole number from 1 to \d+/],
			[{ maxCampaigns: 'five' }, /^Max Campaigns: "five" is not a whole number/],
		] as const) {
			const before = fake.requests.length;
			await expect(createPoller(harness, trigger, { event: 'contactBounced', engagementOptions: options }).poll()).rejects.toThrow(named);
			expect(fake.requests.length).toBe(before);
		}
	});

	it('watches at most Max Campaigns, the most recently sent', async () => {
		for (let i = 0; i < 4; i++) sendCampaign(`C${i}`, [`c${i}@example.com`], iso((4 - i) * 60_000));
		const poller = createPoller(harness, trigger, { event: 'contactBounced', engagementOptions: { maxCampaigns: 2 } });
		await poller.poll();
		const before = apiGets().length;
		await poller.poll();
		expect(apiGets().length - before).toBe(3);
		expect(Object.values(poller.staticData().campaigns as IDataObject).map((c) => (c as IDataObject).name).sort()).toEqual(['C2', 'C3']);
	});

	it('a manual test run returns the newest event; an old connection is told to reconnect before any request', async () => {
		const c = sendCampaign('Sample', ['s1@example.com', 's2@example.com']);
		fake.campaigns.track(c.campaignId, [
			{ type: 'bounce', email: 's1@example.com', at: iso(60_000) },
			{ type: 'bounce', email: 's2@example.com', at: iso(30_000) },
		]);
		const sample = await createPoller(harness, trigger, { event: 'contactBounced' }).poll('manual');
		expect(rows(sample).map((r) => r.email_address)).toEqual(['s2@example.com']);

		const tokens = await fake.issueTokens({ scope: 'contact_data offline_access' });
		const old = createHarness(connectedCredential(fake, tokens as unknown as IDataObject));
		const before = fake.requests.length;
		await expect(createPoller(old, trigger, { event: 'contactBounced' }).poll()).rejects.toThrow(/without the "campaign_data" scope/);
		await expect(createPoller(old, trigger, { event: 'campaignSent' }).poll()).rejects.toThrow(/Reconnect|without the "campaign_data" scope/);
		expect(fake.requests.length).toBe(before);
	});
});

describe('Simplify off: each event as Constant Contact reports it, with what the trigger adds', () => {
	it('Campaign Sent: the summary row (all its unique counts) with the campaign name, status and primary email', async () => {
		const poller = createPoller(harness, trigger, { event: 'campaignSent', simple: false });
		expect(await poller.poll()).toBeNull();
		const c = sendCampaign('Raw send', ['rs@example.com'], iso(-1000));
		expect(rows(await poller.poll())).toEqual([
			{
				campaign_id: c.campaignId,
				name: 'Raw send',
				current_status: 'Done',
				last_sent_date: expect.any(String),
				primary_email_activity_id: c.activityId,
				campaign_type: 'Newsletter',
				unique_counts: expect.objectContaining({ sends: 1, opens: 0, not_opened: 1 }),
			},
		]);
	});

	it('Contact Clicked: the event, the campaign and its name, then the whole tracking row', async () => {
		const c = sendCampaign('Raw click', ['rc@example.com']);
		const poller = createPoller(harness, trigger, { event: 'contactClicked', simple: false });
		await poller.poll();
		fake.campaigns.track(c.campaignId, [{ type: 'click', email: 'rc@example.com', link_url: 'https://example.com/raw', at: iso(-500) }]);
		const [event] = rows(await poller.poll());
		expect(Object.keys(event).slice(0, 3)).toEqual(['event', 'campaign_id', 'campaign_name']);
		expect(event).toMatchObject({ event: 'contactClicked', campaign_id: c.campaignId, campaign_name: 'Raw click', tracking_activity_type: 'em_clicks', link_url: 'https://example.com/raw', device_type: expect.any(String) });
		expect(Object.keys(event).length).toBeGreaterThan(10);
	});
});
