import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from '../contact/setup.mts';
import { apiRequests, json, startAccount } from '../contact/setup.mts';
import { pick, run, seedCampaign } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount({ campaignSendMs: 50 });
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const resend = (campaignId: string, over: Record<string, unknown> = {}) => ({ operation: 'createResend', campaign: pick(campaignId), resendSubject: 'In case you missed it', ...over });

describe('Campaign → Create Resend, Get Resend, Cancel Resend', () => {
	it('a draft: creates a resend in days, reads it back (ID DRAFT), cancels it with that ID', async () => {
		const { fake } = account;
		const { campaignId, primary, activity } = seedCampaign(fake, 'Spring');
		const created = await run(account, resend(campaignId, { resendDelayUnit: 'days', resendDelayDays: 3 }));
		expect(json(created.output)).toEqual({
			campaign_id: campaignId,
			campaign_activity_id: primary,
			name: 'Spring',
			resend_scheduled: true,
			resend_request_id: 'DRAFT',
			resend_subject: 'In case you missed it',
			delay_days: 3,
			delay_minutes: null,
			resend_date: null,
			resend_status: null,
		});
		const post = apiRequests(fake, 'POST')[0];
		expect(post).toMatchObject({ path: `/v3/emails/activities/${primary}/non_opener_resends`, body: { resend_subject: 'In case you missed it', delay_days: 3 } });
		expect(activity.resend).toMatchObject({ resend_subject: 'In case you missed it', delay_minutes: 4320 });

		const got = await run(account, { operation: 'getResend', campaign: pick(campaignId) });
		expect(json(got.output)).toMatchObject({ campaign_id: campaignId, resend_scheduled: true, resend_request_id: 'DRAFT', delay_days: 3 });

		const cancelled = await run(account, { operation: 'cancelResend', campaign: pick(campaignId) });
		expect(json(cancelled.output)).toEqual({ campaign_id: campaignId, campaign_activity_id: primary, name: 'Spring', resend_request_id: 'DRAFT', cancelled: true });
		expect(apiRequests(fake, 'DELETE')[0].path).toBe(`/v3/emails/activities/${primary}/non_opener_resends/DRAFT`);
		expect(activity.resend).toBeUndefined();

		const none = await run(account, { operation: 'getResend', campaign: pick(campaignId) });
		expect(json(none.output)).toMatchObject({ resend_scheduled: false, resend_request_id: null, resend_subject: null });
	});

	it('a scheduled campaign: a resend in minutes gets its own ID and status; Cancel uses that ID', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'L' });
		const { campaignId, primary, activity } = seedCampaign(fake, 'Sale', { contact_list_ids: [list.list_id] });
		activity.current_status = 'SCHEDULED';
		activity.scheduled_date = new Date(Date.now() + 86_400_000).toISOString();
		const created = await run(account, resend(campaignId, { resendDelayUnit: 'minutes', resendDelayMinutes: 720 }));
		expect(apiRequests(fake, 'POST')[0].body).toEqual({ resend_subject: 'In case you missed it', delay_minutes: 720 });
		const id = activity.resend!.resend_request_id;
		expect(json(created.output)).toMatchObject({ resend_request_id: id, delay_minutes: 720, delay_days: null });
		const got = await run(account, { operation: 'getResend', campaign: pick(campaignId) });
		expect(json(got.output)).toMatchObject({ resend_request_id: id, resend_status: 'SCHEDULED', delay_minutes: 720 });
		await run(account, { operation: 'cancelResend', campaign: pick(campaignId) });
		expect(apiRequests(fake, 'DELETE')[0].path).toBe(`/v3/emails/activities/${primary}/non_opener_resends/${id}`);
	});

	it('a second resend is a clear 409 that says to cancel the first', async () => {
		const { fake } = account;
		const { campaignId } = seedCampaign(fake, 'Once');
		await run(account, resend(campaignId, { resendDelayDays: 2 }));
		const again = await run(account, resend(campaignId, { resendDelayDays: 4 }));
		expect(again.error?.message).toBe('Campaign: "Once" already has a resend to non-openers (409); Constant Contact allows one per campaign');
		expect(again.error?.description).toMatch(/cancel it first \(Campaign → Cancel Resend\)/);
	});

	it('delays out of range, a missing or multi-line subject fail before any request, naming the field and the range', async () => {
		const { fake } = account;
		const { campaignId } = seedCampaign(fake, 'Checked');
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ resendDelayUnit: 'days', resendDelayDays: 0 }, 'Delay (Days): 0 is not a whole number from 1 to 10; Constant Contact resends 12 hours to 10 days after the send'],
			[{ resendDelayUnit: 'days', resendDelayDays: 11 }, 'Delay (Days): 11 is not a whole number from 1 to 10; Constant Contact resends 12 hours to 10 days after the send'],
			[{ resendDelayUnit: 'days', resendDelayDays: 2.5 }, 'Delay (Days): 2.5 is not a whole number from 1 to 10; Constant Contact resends 12 hours to 10 days after the send'],
			[{ resendDelayUnit: 'minutes', resendDelayMinutes: 719 }, 'Delay (Minutes): 719 is not a whole number from 720 to 14,400; Constant Contact resends 12 hours to 10 days after the send'],
			[{ resendDelayUnit: 'minutes', resendDelayMinutes: 14_401 }, 'Delay (Minutes): 14401 is not a whole number from 720 to 14,400; Constant Contact resends 12 hours to 10 days after the send'],
			[{ resendDelayUnit: 'days', resendDelayDays: '={{ "soon" }}' }, 'Delay (Days): "soon" is not a whole number from 1 to 10; Constant Contact resends 12 hours to 10 days after the send'],
			[{ resendSubject: '   ' }, 'Resend Subject: a subject line is required; it may differ from the first send\'s, e.g. "In case you missed it: …"'],
			[{ resendSubject: 'Line one\nline two' }, 'Resend Subject: must be one line; remove the line breaks'],
		];
		for (const [over, message] of cases) {
			const { error } = await run(account, resend(campaignId, over));
			expect(error?.message, JSON.stringify(over)).toBe(message);
		}
		expect(apiRequests(fake)).toHaveLength(0);
	});

	it("a campaign being sent, or a removed one, fails before the POST; Cancel without a resend says there is none", async () => {
		const { fake } = account;
		const { campaignId, activity } = seedCampaign(fake, 'Busy');
		activity.current_status = 'EXECUTING';
		const sending = await run(account, resend(campaignId, { resendDelayDays: 2 }));
		expect(sending.error?.message).toBe('Campaign: "Busy" is Executing; Constant Contact adds a resend to non-openers only to a Draft, Scheduled or Done campaign');
		expect(sending.error?.description).toBe('It is being sent right now: try again once it is Done.');
		const removed = seedCampaign(fake, 'Gone');
		removed.campaign.removed = true;
		removed.activity.current_status = 'REMOVED';
		const gone = await run(account, resend(removed.campaignId, { resendDelayDays: 2 }));
		expect(gone.error?.message).toBe('Campaign: "Gone" was deleted (status Removed)');
		expect(apiRequests(fake, 'POST')).toHaveLength(0);

		const { campaignId: plain } = seedCampaign(fake, 'Plain');
		const nothing = await run(account, { operation: 'cancelResend', campaign: pick(plain) });
		expect(nothing.error?.message).toBe('Campaign: "Plain" has no resend to non-openers to cancel');
		expect(apiRequests(fake, 'DELETE')).toHaveLength(0);
	});

	it('a sent campaign (Done) takes a resend too', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'L' });
		fake.seed.contact({ email_address: { address: 'a@example.com' }, list_memberships: [list.list_id] });
		const { campaignId, activity } = seedCampaign(fake, 'Sent', { contact_list_ids: [list.list_id] });
		activity.current_status = 'SCHEDULED';
		fake.campaigns.send(campaignId);
		expect(activity.current_status).toBe('DONE');
		const { output } = await run(account, resend(campaignId, { resendDelayUnit: 'minutes', resendDelayMinutes: 2880 }));
		expect(json(output)).toMatchObject({ resend_scheduled: true, delay_minutes: 2880, delay_days: 2 });
	});
});
