import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Account } from '../contact/setup.mts';
import { apiRequests, json, startAccount } from '../contact/setup.mts';
import { HTML, pick, run, seedCampaign } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

describe('Campaign → Update', () => {
	it('renames with PATCH only', async () => {
		const { fake } = account;
		const { campaignId } = seedCampaign(fake, 'Old name');
		const { output } = await run(account, { operation: 'update', campaign: pick(campaignId), campaignUpdateFields: { name: 'New name' } });
		// A rename alone reads the email too, so the output always shows it as stored.
		expect(json(output)).toMatchObject({ campaign_id: campaignId, name: 'New name', primary_email: { subject: 'Old name subject' } });
		expect(apiRequests(fake).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /v3/emails/${campaignId}`]);
	});

	it('changes the email by GET, merge, PUT: what is not given is sent back as stored (PUT would erase it), HTML only when given', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Members' });
		const { campaignId, primary } = seedCampaign(fake, 'Digest', { contact_list_ids: [list.list_id], preheader: 'Keep me' });
		const { output } = await run(account, { operation: 'update', campaign: pick(campaignId), campaignUpdateFields: { subject: 'Fresh subject' } });
		expect(json(output).primary_email).toMatchObject({ subject: 'Fresh subject', contact_list_ids: [list.list_id] });
		const put = apiRequests(fake, 'PUT')[0];
		expect(put.path).toBe(`/v3/emails/activities/${primary}`);
		expect(put.body).toEqual({
			contact_list_ids: [list.list_id],
			from_email: 'owner@example.com',
			from_name: 'Fake Co',
			reply_to_email: 'owner@example.com',
			subject: 'Fresh subject',
			preheader: 'Keep me',
		});
		const stored = fake.state.campaignActivities.get(primary)!;
		expect([stored.preheader, stored.html_content, stored.contact_list_ids]).toEqual(['Keep me', HTML, [list.list_id]]);

		const newHtml = HTML.replace('Spring news', 'Summer news');
		await run(account, { operation: 'update', campaign: pick(campaignId), campaignUpdateFields: { htmlContent: newHtml } });
		expect(apiRequests(fake, 'PUT')[1].body).toMatchObject({ html_content: newHtml, subject: 'Fresh subject' });

		// The same values again: nothing to change, no PUT.
		await run(account, { operation: 'update', campaign: pick(campaignId), campaignUpdateFields: { subject: 'Fresh subject' } });
		expect(apiRequests(fake, 'PUT')).toHaveLength(2);
	});

	it('switches the audience from lists to a segment (never both)', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Members' });
		const segment = fake.seed.segment({ name: 'Openers' });
		const { campaignId, primary } = seedCampaign(fake, 'Switch', { contact_list_ids: [list.list_id] });
		const { output } = await run(account, { operation: 'update', campaign: pick(campaignId), audience: { segment: pick(segment.segment_id) } });
		expect(json(output).primary_email).toMatchObject({ segment_ids: [segment.segment_id] });
		expect((json(output).primary_email as IDataObject).contact_list_ids ?? []).toEqual([]);
		expect(apiRequests(fake, 'PUT')[0].body).not.toHaveProperty('contact_list_ids');
		expect(fake.state.campaignActivities.get(primary)!.segment_ids).toEqual([segment.segment_id]);
	});

	it('a scheduled campaign, an unconfirmed reply-to or bad HTML fail before anything is written', async () => {
		const { fake } = account;
		const scheduled = seedCampaign(fake, 'Scheduled');
		scheduled.activity.current_status = 'SCHEDULED';
		const refused = await run(account, { operation: 'update', campaign: pick(scheduled.campaignId), campaignUpdateFields: { subject: 'x' } });
		expect(refused.error?.message).toBe('Campaign: "Scheduled" is Scheduled; Constant Contact changes a campaign\'s email only while it is a Draft or Done');
		expect(refused.error?.description).toMatch(/^Unschedule it first/);

		const draft = seedCampaign(fake, 'Draft');
		const sender = await run(account, { operation: 'update', campaign: pick(draft.campaignId), campaignUpdateFields: { replyToEmail: pick('stranger@example.com') } });
		expect(sender.error?.message).toMatch(/^Reply-To Email: stranger@example.com is not a confirmed sender address/);
		const html = await run(account, { operation: 'update', campaign: pick(draft.campaignId), campaignUpdateFields: { htmlContent: '<html><body>hi</body></html>' } });
		expect(html.error?.message).toMatch(/^HTML Content: \[\[trackingImage\]\] is missing/);
		expect(apiRequests(fake).filter((r) => r.method !== 'GET')).toHaveLength(0);
	});
});
