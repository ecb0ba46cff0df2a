import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { until } from '../../../fake-constant-contact/testUtil.mts';
import type { Account } from '../contact/setup.mts';
import { apiRequests, json, startAccount } from '../contact/setup.mts';
import { createParameters, pick, run, seedCampaign } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount({ campaignSendMs: 50 });
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const future = () => new Date(Date.now() + 7 * 24 * 3600_000).toISOString();

describe('Campaign → Send Test', () => {
	it('sends a test of the primary email to up to 5 addresses, with a personal message', async () => {
		const { fake } = account;
		const { campaignId, primary } = seedCampaign(fake, 'Tested');
		const { output } = await run(account, { operation: 'sendTest', campaign: pick(campaignId), testEmailAddresses: 'editor@example.com, boss@example.com', personalMessage: 'Please check' });
		expect(json(output)).toEqual({ campaign_id: campaignId, campaign_activity_id: primary, email_addresses: ['editor@example.com', 'boss@example.com'], sent: true });
		expect(fake.state.testSends).toEqual([{ campaign_activity_id: primary, email_addresses: ['editor@example.com', 'boss@example.com'], personal_message: 'Please check', at: expect.any(String) }]);
	});

	it('more than 5 addresses, or one that is not an address, fail before any request', async () => {
		const { fake } = account;
		const { campaignId } = seedCampaign(fake, 'Tested');
		const six = Array.from({ length: 6 }, (_, i) => `t${i}@example.com`).join(',');
		const many = await run(account, { operation: 'sendTest', campaign: pick(campaignId), testEmailAddresses: six });
		expect(many.error?.message).toBe(
			'Test Email Addresses: 6 given; Constant Contact sends a test to at most 5 addresses at a time (and 50 a day). Split them over several items',
		);
		const bad = await run(account, { operation: 'sendTest', campaign: pick(campaignId), testEmailAddresses: 'editor@example' });
		expect(bad.error?.message).toBe('Test Email Addresses: "editor@example" is not an email address');
		expect(apiRequests(fake)).toHaveLength(0);
	});

	it('past the 50 test emails a day, Constant Contact refuses and the hint says why', async () => {
		const { fake } = account;
		const { campaignId } = seedCampaign(fake, 'Tested');
		for (let i = 0; i < 10; i++) fake.state.testSends.push({ campaign_activity_id: 'x', email_addresses: ['a', 'b', 'c', 'd', 'e'], at: new Date().toISOString() });
		const { error } = await run(account, { operation: 'sendTest', campaign: pick(campaignId), testEmailAddresses: 'one@example.com' });
		expect(error?.message).toMatch(/^Constant Contact rejected the request \(400\): You can send up to 50 test emails each day/);
		expect(error?.description).toMatch(/limited to 50 recipients a day/);
	});
});

describe('Campaign → Schedule, Get Schedule, Unschedule, Get Send History', () => {
	it('schedules at a date, reports it, unschedules back to draft, and reads the history once the fake has sent it', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Members' });
		fake.seed.contact({ email_address: { address: 'a@example.com' }, list_memberships: [list.list_id] });
		const { campaignId, primary } = seedCampaign(fake, 'Weekly', { contact_list_ids: [list.list_id] });
		const date = future();
		const scheduled = await run(account, { operation: 'schedule', campaign: pick(campaignId), when: 'date', scheduledDate: date });
		expect(json(scheduled.output)).toEqual({ campaign_id: campaignId, campaign_activity_id: primary, name: 'Weekly', scheduled_date: date, only_new_contacts: false });
		expect(apiRequests(fake, 'POST')[0].body).toEqual({ scheduled_date: date });

		const info = await run(account, { operation: 'getSchedule', campaign: pick(campaignId) });
		expect(json(info.output)).toMatchObject({ scheduled: true, scheduled_date: date, current_status: 'Scheduled' });
		const twice = await run(account, { operation: 'schedule', campaign: pick(campaignId), when: 'date', scheduledDate: future() });
		expect(twice.error?.message).toBe('Campaign: "Weekly" is already scheduled; Constant Contact schedules a Draft, Done or Error campaign only');
		expect(twice.error?.description).toMatch(/unschedule it first/);

		expect(json((await run(account, { operation: 'unschedule', campaign: pick(campaignId) })).output)).toMatchObject({ unscheduled: true });
		expect(fake.state.campaignActivities.get(primary)!.current_status).toBe('DRAFT');
		expect(json((await run(account, { operation: 'getSchedule', campaign: pick(campaignId) })).output)).toMatchObject({ scheduled: false, scheduled_date: null });
		const notScheduled = await run(account, { operation: 'unschedule', campaign: pick(campaignId) });
		expect(notScheduled.error?.message).toBe('Campaign: "Weekly" is not scheduled (it is Draft); only a scheduled campaign can be unscheduled');
		expect(apiRequests(fake, 'DELETE')).toHaveLength(1);

		expect((await run(account, { operation: 'getSendHistory', campaign: pick(campaignId) })).output).toEqual([]);
		await run(account, { operation: 'schedule', campaign: pick(campaignId), when: 'date', scheduledDate: future() });
		fake.campaigns.send(campaignId);
		const history = await run(account, { operation: 'getSendHistory', campaign: pick(campaignId) });
		expect(history.output.map((o) => o.json)).toEqual([
			{ campaign_id: campaignId, campaign_activity_id: primary, send_id: 1, contact_list_ids: [list.list_id], segment_ids: [], count: 1, run_date: expect.any(String), send_status: 'COMPLETED', reason_code: 0 },
		]);
	});

	it('Now sends right away ("0"); a sent campaign scheduled again goes only to new contacts', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Members' });
		fake.seed.contact({ email_address: { address: 'a@example.com' }, list_memberships: [list.list_id] });
		const { campaignId } = seedCampaign(fake, 'Flash', { contact_list_ids: [list.list_id] });
		const now = await run(account, { operation: 'schedule', campaign: pick(campaignId), when: 'now' });
		expect(json(now.output)).toMatchObject({ scheduled_date: 'now', only_new_contacts: false });
		expect(apiRequests(fake, 'POST')[0].body).toEqual({ scheduled_date: '0' });
		await until(async () => fake.state.campaignActivities.get(json(now.output).campaign_activity_id as string)!.current_status, (s) => s === 'DONE');
		fake.seed.contact({ email_address: { address: 'b@example.com' }, list_memberships: [list.list_id] });
		const again = await run(account, { operation: 'schedule', campaign: pick(campaignId), when: 'now' });
		expect(json(again.output).only_new_contacts).toBe(true);
	});

	it('a date in the past, no audience or a removed campaign fail before the schedule request', async () => {
		const { fake } = account;
		const { campaignId } = seedCampaign(fake, 'No audience');
		const past = await run(account, { operation: 'schedule', campaign: pick(campaignId), when: 'date', scheduledDate: '2020-01-01T10:00:00.000Z' });
		expect(past.error?.message).toBe('Scheduled Date: 2020-01-01T10:00:00.000Z is in the past; pick a future date and time, or set When to Now to send right away');
		expect(apiRequests(fake)).toHaveLength(0);
		const empty = await run(account, { operation: 'schedule', campaign: pick(campaignId), when: 'date', scheduledDate: future() });
		expect(empty.error?.message).toBe('Audience: "No audience" has no contact lists or segment to send to');
		expect(empty.error?.description).toMatch(/Campaign → Update, Audience/);
		const removed = seedCampaign(fake, 'Removed');
		removed.campaign.removed = true;
		const gone = await run(account, { operation: 'schedule', campaign: pick(removed.campaignId), when: 'now' });
		expect(gone.error?.message).toBe('Campaign: "Removed" was deleted (status Removed)');
		expect(apiRequests(fake, 'POST')).toHaveLength(0);
	});

	it('the whole loop through n8n: create with a list, send a test, schedule, the fake sends, the history shows it', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Readers' });
		fake.seed.contact({ email_address: { address: 'reader@example.com' }, list_memberships: [list.list_id] });
		const created = json((await run(account, createParameters({ name: 'Loop', audience: { contactLists: [list.list_id] } }))).output);
		const campaign = pick(String(created.campaign_id));
		expect((await run(account, { operation: 'sendTest', campaign, testEmailAddresses: 'editor@example.com' })).error).toBeUndefined();
		expect((await run(account, { operation: 'schedule', campaign, when: 'date', scheduledDate: future() })).error).toBeUndefined();
		expect(fake.campaigns.send(String(created.campaign_id)).sent_to).toEqual(['reader@example.com']);
		const history = await run(account, { operation: 'getSendHistory', campaign });
		expect(history.output.map((o) => o.json.count)).toEqual([1]);
		const got = json((await run(account, { operation: 'get', campaign })).output);
		expect(got.current_status).toBe('Done');
	});
});
