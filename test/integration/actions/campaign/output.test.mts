// Output (Get) and Simplify (Create, Update) through n8n-core, with n8n's parameter defaults: the other
// Campaign tests ask for the raw output; these check what a user (or an AI agent) gets by default.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from '../contact/setup.mts';
import { apiRequests, json, startAccount } from '../contact/setup.mts';
import { createParameters, pick, runWithDefaults, seedCampaign } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const SIMPLE_KEYS = ['campaign_id', 'name', 'current_status', 'primary_email_activity_id', 'subject', 'from_email', 'contact_list_ids', 'segment_ids', 'created_at', 'updated_at'];

describe('Campaign → Get: Output', () => {
	it('Simplified by default: ten flat fields, reading the primary email without its content', async () => {
		const list = account.fake.seed.list({ name: 'L' });
		const { campaignId, primary } = seedCampaign(account.fake, 'Digest', { contact_list_ids: [list.list_id] });
		const { output, error } = await runWithDefaults(account, { operation: 'get', campaign: pick(campaignId) });
		expect(error).toBeUndefined();
		expect(json(output)).toEqual({
			campaign_id: campaignId,
			name: 'Digest',
			current_status: 'Draft',
			primary_email_activity_id: primary,
			subject: 'Digest subject',
			from_email: 'owner@example.com',
			contact_list_ids: [list.list_id],
			segment_ids: [],
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
		expect(apiRequests(account.fake, 'GET').map((r) => [r.path, r.query])).toEqual([
			[`/v3/emails/${campaignId}`, {}],
			[`/v3/emails/activities/${primary}`, {}],
		]);
	});

	it('a deleted campaign: the same keys, its email null (Constant Contact no longer serves it)', async () => {
		const gone = seedCampaign(account.fake, 'Gone');
		gone.campaign.removed = true;
		const { output } = await runWithDefaults(account, { operation: 'get', campaign: pick(gone.campaignId) });
		expect(Object.keys(json(output))).toEqual(SIMPLE_KEYS);
		expect(json(output)).toMatchObject({ current_status: 'Removed', subject: null, contact_list_ids: null });
		expect(apiRequests(account.fake, 'GET')).toHaveLength(1);
	});

	it('Selected Fields: the campaign ID and the chosen fields; the email (with its content) only when chosen', async () => {
		const { campaignId, primary } = seedCampaign(account.fake, 'Picked');
		const names = await runWithDefaults(account, { operation: 'get', campaign: pick(campaignId), output: 'fields', fields: ['name', 'current_status'] });
		expect(json(names.output)).toEqual({ campaign_id: campaignId, name: 'Picked', current_status: 'Draft' });
		expect(apiRequests(account.fake, 'GET')).toHaveLength(1);
		const email = await runWithDefaults(account, { operation: 'get', campaign: pick(campaignId), output: 'fields', fields: ['primary_email'] });
		expect(json(email.output)).toEqual({ campaign_id: campaignId, primary_email: expect.objectContaining({ campaign_activity_id: primary, html_content: expect.stringContaining('[[trackingImage]]') }) });
		expect(apiRequests(account.fake, 'GET').at(-1)!.query).toEqual({ include: 'html_content,physical_address_in_footer,permalink_url' });
	});
});

describe('Campaign → Create and Update: Simplify', () => {
	it('on by default: the same ten fields, with the email as stored (read back when no audience was set)', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Members' });
		const plain = await runWithDefaults(account, createParameters({ name: 'No audience yet' }));
		expect(plain.error).toBeUndefined();
		expect(Object.keys(json(plain.output))).toEqual(SIMPLE_KEYS);
		expect(json(plain.output)).toMatchObject({ name: 'No audience yet', current_status: 'Draft', subject: 'Spring is here', from_email: 'owner@example.com', contact_list_ids: [], segment_ids: [] });

		const withList = await runWithDefaults(account, createParameters({ name: 'To members', audience: { contactLists: [list.list_id] } }));
		expect(json(withList.output)).toMatchObject({ name: 'To members', contact_list_ids: [list.list_id] });

		const campaignId = String(json(withList.output).campaign_id);
		const renamed = await runWithDefaults(account, { operation: 'update', campaign: pick(campaignId), campaignUpdateFields: { name: 'Members only' } });
		expect(Object.keys(json(renamed.output))).toEqual(SIMPLE_KEYS);
		expect(json(renamed.output)).toMatchObject({ name: 'Members only', subject: 'Spring is here', contact_list_ids: [list.list_id] });
	});
});

describe('Campaign → Get Many', () => {
	it('outputs each campaign as Constant Contact lists it: 7 flat fields, no Output parameter', async () => {
		seedCampaign(account.fake, 'One');
		const { output } = await runWithDefaults(account, { operation: 'getAll', returnAll: true });
		expect(Object.keys(json(output)).sort()).toEqual(['campaign_id', 'created_at', 'current_status', 'name', 'type', 'type_code', 'updated_at']);
	});
});
