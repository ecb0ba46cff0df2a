import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ConstantContact } from '../../../../nodes/ConstantContact/ConstantContact.node.ts';
import { runLoadOptions } from '../../../helpers/n8n.mts';
import type { Account } from '../contact/setup.mts';
import { apiRequests, json, startAccount } from '../contact/setup.mts';
import { HTML, byId, pick, run, seedCampaign } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

describe('Campaign → Get', () => {
	it('Raw: the campaign as Constant Contact returns it, with its primary email and content only under Include Email Content', async () => {
		const list = account.fake.seed.list({ name: 'L' });
		const { campaignId, primary } = seedCampaign(account.fake, 'Digest', { contact_list_ids: [list.list_id], preheader: 'Hi' });
		const bare = await run(account, { operation: 'get', campaign: pick(campaignId) });
		expect(json(bare.output)).toEqual({
			campaign_id: campaignId,
			name: 'Digest',
			current_status: 'Draft',
			type: expect.any(String),
			type_code: expect.any(Number),
			created_at: expect.any(String),
			updated_at: expect.any(String),
			campaign_activities: [expect.objectContaining({ campaign_activity_id: primary, role: 'primary_email' }), expect.objectContaining({ role: 'permalink' })],
		});
		expect(apiRequests(account.fake, 'GET').map((r) => r.path)).toEqual([`/v3/emails/${campaignId}`]);
		const full = await run(account, { operation: 'get', campaign: byId(campaignId), includeContent: true });
		const raw = json(full.output);
		expect(raw.campaign_activities).toHaveLength(2);
		expect(raw.primary_email).toMatchObject({ campaign_activity_id: primary, subject: 'Digest subject', preheader: 'Hi', html_content: HTML, contact_list_ids: [list.list_id] });
		expect(apiRequests(account.fake, 'GET').at(-1)!.query).toEqual({ include: 'html_content,physical_address_in_footer,permalink_url' });
	});

	it('an unknown campaign says which one', async () => {
		const { error } = await run(account, { operation: 'get', campaign: byId('0b4d7f4e-0000-4000-8000-00000000dead') });
		expect(error?.message).toBe('Campaign: no email campaign with ID 0b4d7f4e-0000-4000-8000-00000000dead in this Constant Contact account');
	});
});

describe('Campaign → Get Many', () => {
	it('leaves out deleted (Removed) campaigns unless asked, follows every page, and honours the limit', async () => {
		const { fake } = account;
		for (let i = 0; i < 502; i++) seedCampaign(fake, `C${i}`);
		const gone = seedCampaign(fake, 'Gone');
		gone.campaign.removed = true;
		const all = await run(account, { operation: 'getAll', returnAll: true });
		expect(all.output).toHaveLength(502);
		expect(all.output.some((o) => o.json.name === 'Gone')).toBe(false);
		expect(apiRequests(fake, 'GET').map((r) => r.query.limit ?? 'cursor')).toEqual(['500', 'cursor']);
		const removed = await run(account, { operation: 'getAll', returnAll: true, campaignFilters: { status: ['Removed'] } });
		expect(removed.output.map((o) => o.json.name)).toEqual(['Gone']);
		const limited = await run(account, { operation: 'getAll', returnAll: false, limit: 3 });
		expect(limited.output).toHaveLength(3);
		// As Constant Contact lists them: 7 flat fields, already short (no Output parameter).
		expect(Object.keys(limited.output[0].json).sort()).toEqual(['campaign_id', 'created_at', 'current_status', 'name', 'type', 'type_code', 'updated_at']);
	});

	it('filters by when campaigns last changed (after_date, before_date)', async () => {
		const { fake } = account;
		const old = seedCampaign(fake, 'Old');
		old.campaign.updated_at = '2020-01-01T00:00:00.000Z';
		seedCampaign(fake, 'New');
		const { output } = await run(account, { operation: 'getAll', returnAll: true, campaignFilters: { updatedAfter: '2024-01-01T00:00:00.000Z' } });
		expect(output.map((o) => o.json.name)).toEqual(['New']);
		expect(apiRequests(fake, 'GET').at(-1)!.query).toMatchObject({ after_date: '2024-01-01T00:00:00.000Z' });
		const bad = await run(account, { operation: 'getAll', returnAll: true, campaignFilters: { updatedBefore: 'last week' } });
		expect(bad.error?.message).toBe('Updated Before: "last week" is not a date and time');
	});
});

describe('Campaign → Delete', () => {
	it('deletes a draft ({ deleted: true } with its ID and name); a scheduled one is refused before any DELETE; a Removed one is already gone', async () => {
		const { fake } = account;
		const draft = seedCampaign(fake, 'Draft one');
		const confirmation = { campaign_id: draft.campaignId, name: 'Draft one', deleted: true };
		expect(json((await run(account, { operation: 'delete', campaign: pick(draft.campaignId) })).output)).toEqual(confirmation);
		expect(fake.state.campaigns.get(draft.campaignId)!.removed).toBe(true);
		const again = await run(account, { operation: 'delete', campaign: pick(draft.campaignId) });
		expect(json(again.output)).toEqual(confirmation);

		const scheduled = seedCampaign(fake, 'Scheduled one');
		scheduled.activity.current_status = 'SCHEDULED';
		const refused = await run(account, { operation: 'delete', campaign: pick(scheduled.campaignId) });
		expect(refused.error?.message).toBe('Campaign: "Scheduled one" is Scheduled; Constant Contact does not delete a campaign while it is scheduled or sending');
		expect(refused.error?.description).toMatch(/Unschedule it first/);
		expect(apiRequests(fake, 'DELETE')).toHaveLength(1);
	});
});

describe('Campaign pickers', () => {
	it('campaigns (Removed left out, by name), confirmed senders only, segments by name', async () => {
		const { fake } = account;
		seedCampaign(fake, 'Spring sale');
		seedCampaign(fake, 'Autumn sale');
		seedCampaign(fake, 'Gone sale').campaign.removed = true;
		fake.seed.accountEmail({ email_address: 'pending@example.com', confirmed: false });
		fake.seed.accountEmail({ email_address: 'news@example.com' });
		fake.seed.segment({ name: 'Openers' });
		fake.seed.segment({ name: 'Clickers' });
		const node = new ConstantContact();
		const campaigns = (await runLoadOptions(account.harness, node, node.methods.listSearch.searchCampaigns as never, {}, ['sale'])) as { results: IDataObject[] };
		expect(campaigns.results.map((r) => r.name).sort()).toEqual(['Autumn sale', 'Spring sale']);
		const senders = (await runLoadOptions(account.harness, node, node.methods.listSearch.searchSenderEmails as never)) as { results: IDataObject[] };
		expect(senders.results.map((r) => r.value)).toEqual(['news@example.com', 'owner@example.com']);
		const segments = (await runLoadOptions(account.harness, node, node.methods.listSearch.searchSegments as never)) as { results: IDataObject[] };
		expect(segments.results).toEqual([
			{ name: 'Clickers', value: '2' },
			{ name: 'Openers', value: '1' },
		]);
	});
});
