import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { connectedCredential, createHarness } from '../../../helpers/n8n.mts';
import type { Account } from '../contact/setup.mts';
import { apiRequests, json, startAccount } from '../contact/setup.mts';
import { HTML, createParameters, pick, run } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

describe('Campaign → Create', () => {
	it('creates a draft custom code campaign (format_type 5) from confirmed senders, reading them once per execution', async () => {
		const { fake } = account;
		fake.seed.accountEmail({ email_address: 'news@example.com' });
		const items = [{ n: 1 }, { n: 2 }, { n: 3 }];
		const { output, error } = await run(
			account,
			createParameters({ name: '={{ "Issue " + $json.n }}', replyToEmail: pick('news@example.com'), campaignFields: { preheader: 'What is new' } }),
			items,
		);
		expect(error).toBeUndefined();
		expect(output.map((o) => o.json.name)).toEqual(['Issue 1', 'Issue 2', 'Issue 3']);
		// The campaign as created, and its email as stored (POST answers with the activity IDs only: one GET each).
		const created = json(output);
		expect(created).toMatchObject({ name: 'Issue 1', current_status: 'Draft', campaign_activities: [expect.objectContaining({ role: 'primary_email' }), expect.anything()] });
		expect(created.primary_email).toMatchObject({ subject: 'Spring is here', from_email: 'owner@example.com', reply_to_email: 'news@example.com', preheader: 'What is new', html_content: HTML });
		expect(apiRequests(fake, 'GET').filter((r) => r.path.startsWith('/v3/emails/activities/'))).toHaveLength(3);
		const posts = apiRequests(fake, 'POST');
		expect(posts).toHaveLength(3);
		expect(posts[0].body).toEqual({
			name: 'Issue 1',
			email_campaign_activities: [
				{ format_type: 5, from_name: 'Fake Co', from_email: 'owner@example.com', reply_to_email: 'news@example.com', subject: 'Spring is here', html_content: HTML, preheader: 'What is new' },
			],
		});
		const senderReads = apiRequests(fake, 'GET').filter((r) => r.path === '/v3/account/emails');
		expect(senderReads).toHaveLength(1);
		expect(senderReads[0].query).toEqual({ confirm_status: 'CONFIRMED' });
		expect(fake.state.campaigns.size).toBe(3);
	});

	it('sets the audience on the primary email (lists, or one segment) and outputs the email as the PUT stored it', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'Members' });
		const segment = fake.seed.segment({ name: 'Openers' });
		const withLists = await run(account, createParameters({ name: 'To lists', audience: { contactLists: [list.list_id] } }));
		expect(json(withLists.output).primary_email).toMatchObject({ subject: 'Spring is here', from_email: 'owner@example.com', contact_list_ids: [list.list_id] });
		const put = apiRequests(fake, 'PUT')[0];
		expect(put.body).toEqual({ contact_list_ids: [list.list_id], from_email: 'owner@example.com', from_name: 'Fake Co', reply_to_email: 'owner@example.com', subject: 'Spring is here' });

		const withSegment = await run(account, createParameters({ name: 'To a segment', audience: { segment: pick(segment.segment_id) } }));
		const raw = json(withSegment.output);
		expect(raw.campaign_activities).toEqual([expect.objectContaining({ role: 'primary_email' }), expect.objectContaining({ role: 'permalink' })]);
		expect((raw.primary_email as IDataObject).segment_ids).toEqual([segment.segment_id]);
		expect((raw.primary_email as IDataObject).html_content).toBe(HTML);
	});

	it('bad input fails per item before any request, naming the field and the fix; the other items go through', async () => {
		const { fake } = account;
		fake.seed.accountEmail({ email_address: 'pending@example.com', confirmed: false });
		const list = fake.seed.list({ name: 'L' });
		const segment = fake.seed.segment({ name: 'S' });
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			// An expression that finds nothing in the item (the editor itself refuses an empty field).
			[{ fromEmail: { __rl: true, mode: 'email', value: '={{ $json.sender }}' } }, /^From Email: required; pick one of the account's confirmed sender addresses$/],
			[{ fromEmail: pick('pending@example.com') }, /^From Email: pending@example.com is not a confirmed sender address of this Constant Contact account; use one that is \(owner@example.com\)/],
			[{ htmlContent: '<html><body><p>No tracking</p></body></html>' }, /^HTML Content: \[\[trackingImage\]\] is missing; add it inside the <body> element/],
			[{ htmlContent: '<p>[[trackingImage]] but no body</p>' }, /^HTML Content: no <body>…<\/body> element/],
			[{ htmlContent: '<html><body>[[trackingImage]] Hi ${name}</body></html>' }, /^HTML Content: contains "\$\{"/],
			[{ name: 'x'.repeat(81) }, /^Name: 81 characters; Constant Contact allows at most 80$/],
			[{ audience: { contactLists: [list.list_id], segment: pick(segment.segment_id) } }, /^Audience: both Contact Lists and a Segment given; .* Remove one of them$/],
		];
		for (const [over, message] of cases) {
			const { error } = await run(account, createParameters(over));
			expect(error?.message, JSON.stringify(over).slice(0, 80)).toMatch(message);
			expect(error?.description).toMatch(/^Nothing was sent to Constant Contact for this item\./);
		}
		expect(apiRequests(fake, 'POST')).toHaveLength(0);

		// Continue On Fail: the good item is created, the bad one is an error item paired with it.
		const { output } = await run(account, createParameters({ htmlContent: '={{ $json.html }}', name: '={{ $json.name }}' }), [{ name: 'Good', html: HTML }, { name: 'Bad', html: '<html><body></body></html>' }], true);
		expect(output.map((o) => o.json.name ?? o.json.error)).toEqual(['Good', expect.stringMatching(/^HTML Content: \[\[trackingImage\]\] is missing/)]);
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(apiRequests(fake, 'POST')).toHaveLength(1);
	});

	it('a taken name is a clear 409', async () => {
		await run(account, createParameters({ name: 'Weekly' }));
		const { error } = await run(account, createParameters({ name: 'weekly' }));
		expect(error?.message).toBe('A campaign named "weekly" already exists in Constant Contact (409): An email campaign named weekly already exists');
	});

	it('after an ambiguous failure it finds the campaign it created instead of creating it twice', async () => {
		const { fake } = account;
		fake.injectFault({ method: 'POST', path: '/v3/emails', status: 500, mode: 'after', times: 1 });
		const { output, error } = await run(account, createParameters({ name: 'Once' }));
		expect(error).toBeUndefined();
		expect(json(output)).toMatchObject({ name: 'Once', current_status: 'Draft' });
		expect(fake.state.campaigns.size).toBe(1);
		expect(apiRequests(fake).map((r) => `${r.method} ${r.path.split('/').slice(0, 3).join('/')}`)).toEqual([
			'GET /v3/account',
			'POST /v3/emails',
			'GET /v3/emails',
			'GET /v3/emails',
			'GET /v3/emails',
		]);
		expect(apiRequests(fake).at(-1)!.path).toMatch(/^\/v3\/emails\/activities\//);
	});

	it('a connection made before campaigns were supported fails before any request, saying to reconnect; contacts still work', async () => {
		const { fake } = account;
		const tokens = await fake.issueTokens({ scope: 'contact_data offline_access' });
		const old = { ...account, harness: createHarness(connectedCredential(fake, tokens as unknown as IDataObject)) };
		const { error } = await run(old, createParameters());
		expect(error?.message).toBe(
			'The Constant Contact credential was granted without the "campaign_data" and "account_read" scopes, which campaigns (create, update, test sends, schedules, send history), campaign reports and stats, events and their registrations, and the Campaign Sent, Contact Bounced, Contact Opted Out, Contact Clicked and Event Registration trigger events; and the account\'s confirmed sender addresses (the From Email and Reply-To Email pickers and checks) need',
		);
		expect(error?.description).toMatch(/click "Reconnect"/);
		expect(apiRequests(fake)).toHaveLength(0);
		const contacts = await run(old, { resource: 'list', operation: 'getAll', returnAll: true });
		expect(contacts.error).toBeUndefined();
	});
});
