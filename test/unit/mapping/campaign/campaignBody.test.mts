import { describe, expect, it } from 'vitest';

import { contentProblems, createCampaignBody, scheduleBody, senderProblems, testRecipients } from '../../../../nodes/ConstantContact/mapping/campaign/campaignBody.ts';

const html = '<html><body>[[trackingImage]]</body></html>';
const full = { name: 'N', subject: 'S', fromName: 'F', fromEmail: 'a@example.com', replyToEmail: 'a@example.com', htmlContent: html };

describe('campaign content', () => {
	it('on create every field but the preheader is required; on update only given fields are checked', () => {
		expect(contentProblems(full, 'create')).toEqual([]);
		expect(contentProblems({}, 'create')).toEqual([
			'Name: required',
			'Subject: required',
			'From Name: required',
			"From Email: required; pick one of the account's confirmed sender addresses",
			"Reply-To Email: required; pick one of the account's confirmed sender addresses",
			expect.stringMatching(/^HTML Content: required;/),
		]);
		expect(contentProblems({ subject: 'New' }, 'update')).toEqual([]);
		expect(contentProblems({ name: ' ', subject: '' }, 'update')).toEqual(['Name: must not be empty', 'Subject: must not be empty']);
	});

	it('checks the contract limits: name 80, from name 100, addresses 80 and syntax, preheader 200', () => {
		expect(
			contentProblems({ ...full, name: 'n'.repeat(81), fromName: 'f'.repeat(101), fromEmail: 'nope', replyToEmail: `${'r'.repeat(70)}@example.com`, preheader: 'p'.repeat(201) }, 'create'),
		).toEqual([
			'Name: 81 characters; Constant Contact allows at most 80',
			'From Name: 101 characters; Constant Contact allows at most 100',
			`From Email: "nope" is not an email address; pick one of the account's confirmed sender addresses`,
			'Reply-To Email: 82 characters; Constant Contact allows at most 80',
			'Preheader: 201 characters; Constant Contact allows at most 200',
		]);
	});

	it('senders must be confirmed account addresses (any case)', () => {
		expect(senderProblems({ fromEmail: 'A@Example.com', replyToEmail: 'a@example.com' }, ['a@example.com'])).toEqual([]);
		expect(senderProblems({ fromEmail: 'b@example.com' }, ['a@example.com'])).toEqual([
			'From Email: b@example.com is not a confirmed sender address of this Constant Contact account; use one that is (a@example.com), or confirm it in Constant Contact first',
		]);
	});

	it('builds POST /emails with one format_type 5 activity', () => {
		expect(createCampaignBody({ ...full, name: ' N ', preheader: 'P' })).toEqual({
			name: 'N',
			email_campaign_activities: [{ format_type: 5, from_name: 'F', from_email: 'a@example.com', reply_to_email: 'a@example.com', subject: 'S', html_content: html, preheader: 'P' }],
		});
	});
});

describe('test recipients and schedules', () => {
	it('takes a comma list or an array, deduplicated, 1 to 5 addresses', () => {
		expect(testRecipients('a@example.com, b@example.com;a@example.com')).toEqual({ emails: ['a@example.com', 'b@example.com'], problems: [] });
		expect(testRecipients(['a@example.com']).problems).toEqual([]);
		expect(testRecipients('').problems).toEqual(['Test Email Addresses: required; give 1 to 5 addresses, separated by commas']);
		expect(testRecipients(Array.from({ length: 6 }, (_, i) => `${i}@example.com`)).problems[0]).toMatch(/^Test Email Addresses: 6 given;/);
	});

	it('"0" for now; a future date as ISO; a past or unreadable date is a problem', () => {
		const now = Date.parse('2026-05-01T12:00:00.000Z');
		expect(scheduleBody('now', undefined, now)).toEqual({ body: { scheduled_date: '0' }, problems: [] });
		expect(scheduleBody('date', '2026-05-02T08:00:00Z', now)).toEqual({ body: { scheduled_date: '2026-05-02T08:00:00.000Z' }, problems: [] });
		expect(scheduleBody('date', '2026-05-01T11:59:59Z', now).problems[0]).toMatch(/is in the past/);
		expect(scheduleBody('date', 'soon', now).problems).toEqual(['Scheduled Date: "soon" is not a date and time']);
		expect(scheduleBody('date', undefined, now).problems[0]).toMatch(/^Scheduled Date: required/);
	});
});
