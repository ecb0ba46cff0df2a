// Output on the campaign reports through n8n-core, with n8n's parameter defaults: report.test.mts asks
// for the raw or simplified output explicitly; these check what a user (or an AI agent) gets by default.
import type { INodeParameters } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ConstantContact } from '../../../../nodes/ConstantContact/ConstantContact.node.ts';
import { runNode } from '../../../helpers/n8n.mts';
import { pick, seedCampaign } from '../campaign/setup.mts';
import type { Account } from '../contact/setup.mts';
import { apiRequests, startAccount } from '../contact/setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

async function runWithDefaults(parameters: Record<string, unknown>) {
	return await runNode(account.harness, { nodeType: new ConstantContact(), parameters: { resource: 'report', ...parameters } as INodeParameters });
}

/** A campaign sent to two contacts; one opens and clicks, the other bounces (so none is "not opened"). */
function sent() {
	const { fake } = account;
	const list = fake.seed.list({ name: 'Sent list' });
	for (const address of ['o@example.com', 'b@example.com']) fake.seed.contact({ email_address: { address }, first_name: 'Pat', list_memberships: [list.list_id] });
	const c = seedCampaign(fake, 'Sent', { contact_list_ids: [list.list_id] });
	c.activity.current_status = 'SCHEDULED';
	fake.campaigns.send(c.campaignId, '2026-03-01T10:00:00.000Z');
	fake.campaigns.track(c.campaignId, [
		{ type: 'open', email: 'o@example.com', at: '2026-03-01T10:05:00.000Z' },
		{ type: 'click', email: 'o@example.com', link_url: 'https://example.com/spring', at: '2026-03-01T10:06:00.000Z' },
		{ type: 'bounce', email: 'b@example.com', bounce_code: 'B', at: '2026-03-01T10:01:00.000Z' },
	]);
	return c;
}

const rows = (output: Array<{ json: Record<string, unknown> }>) => output.map((o) => o.json);

describe('Report → Get Campaign Summaries: Output', () => {
	it('Simplified by default, with names; Selected Fields reads the names only when Name is chosen', async () => {
		const c = sent();
		const simple = await runWithDefaults({ operation: 'getCampaignSummaries', returnAll: true });
		expect(rows(simple.output)).toEqual([
			{ campaign_id: c.campaignId, name: 'Sent', last_sent_date: '2026-03-01T10:00:00.000Z', sends: 2, opens: 1, clicks: 1, bounces: 1, optouts: 0, not_opened: 0, forwards: 0 },
		]);
		expect(apiRequests(account.fake, 'GET').map((r) => r.path)).toEqual(['/v3/reports/summary_reports/email_campaign_summaries', '/v3/emails']);

		const counts = await runWithDefaults({ operation: 'getCampaignSummaries', returnAll: true, output: 'fields', fields: ['unique_counts'] });
		expect(rows(counts.output)).toEqual([{ campaign_id: c.campaignId, unique_counts: expect.objectContaining({ sends: 2, bounces: 1 }) }]);
		expect(apiRequests(account.fake, 'GET').map((r) => r.path).slice(2)).toEqual(['/v3/reports/summary_reports/email_campaign_summaries']);

		const named = await runWithDefaults({ operation: 'getCampaignSummaries', returnAll: true, output: 'fields', fields: ['name'] });
		expect(rows(named.output)).toEqual([{ campaign_id: c.campaignId, name: 'Sent' }]);
	});
});

describe('Report → Get Campaign Stats: Output', () => {
	it('Simplified by default for campaigns and for activities; an ID without stats is output as it is', async () => {
		const c = sent();
		const campaigns = await runWithDefaults({ operation: 'getCampaignStats', campaignIds: [c.campaignId] });
		expect(rows(campaigns.output)).toEqual([
			{ campaign_id: c.campaignId, sends: 2, opens: 1, clicks: 1, bounces: 1, optouts: 0, not_opened: 0, open_rate: 50, click_rate: 100, last_refresh_time: expect.any(String) },
		]);
		const unknown = '0b4d7f4e-0000-4000-8000-00000000beef';
		const activities = await runWithDefaults({ operation: 'getCampaignStats', statsFor: 'campaignActivities', campaignActivityIds: `${c.primary}, ${unknown}` });
		expect(rows(activities.output)).toEqual([
			expect.objectContaining({ campaign_id: c.campaignId, campaign_activity_id: c.primary, sends: 2, forwards: 0 }),
			{ campaign_activity_id: unknown, stats: null, no_stats_reason: expect.any(String) },
		]);
		expect(Object.keys(rows(activities.output)[0])).toHaveLength(10);
	});
});

describe('Report → Get Campaign Tracking: Output', () => {
	it('Simplified by default: the campaign, activity and contact IDs, who, when, and the link; Selected Fields keeps the IDs', async () => {
		const c = sent();
		const clicks = await runWithDefaults({ operation: 'getTracking', campaign: pick(c.campaignId), trackingReport: 'clicks' });
		expect(rows(clicks.output)).toEqual([
			{
				campaign_id: c.campaignId,
				campaign_activity_id: c.primary,
				contact_id: expect.any(String),
				email_address: 'o@example.com',
				first_name: 'Pat',
				last_name: null,
				created_time: '2026-03-01T10:06:00.000Z',
				link_url: 'https://example.com/spring',
				url_id: expect.any(String),
			},
		]);
		const bounces = await runWithDefaults({ operation: 'getTracking', campaign: pick(c.campaignId), trackingReport: 'bounces', output: 'fields', fields: ['bounce_code'] });
		expect(rows(bounces.output)).toEqual([{ campaign_id: c.campaignId, campaign_activity_id: c.primary, contact_id: expect.any(String), bounce_code: 'B' }]);
	});
});
