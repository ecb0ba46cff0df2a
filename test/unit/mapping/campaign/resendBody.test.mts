import { describe, expect, it } from 'vitest';

import { resendBody } from '../../../../nodes/ConstantContact/mapping/campaign/campaignBody.ts';
import { loadContract } from '../../../fake-constant-contact/contract.mts';

const RANGE = 'Constant Contact resends 12 hours to 10 days after the send';

describe('resendBody (POST /emails/activities/{id}/non_opener_resends)', () => {
	it('days or minutes at both ends of their ranges, valid per the contract', async () => {
		const contract = await loadContract();
		const bodies = [resendBody('Again', 'days', 1), resendBody(' Again ', 'days', '10'), resendBody('Again', 'minutes', 720), resendBody('Again', 'minutes', 14_400)].map((r) => r.body);
		expect(bodies).toEqual([
			{ resend_subject: 'Again', delay_days: 1 },
			{ resend_subject: 'Again', delay_days: 10 },
			{ resend_subject: 'Again', delay_minutes: 720 },
			{ resend_subject: 'Again', delay_minutes: 14_400 },
		]);
		for (const body of bodies) {
			expect(contract.validateRequest('POST', '/emails/activities/{campaign_activity_id}/non_opener_resends', {}, body, { campaign_activity_id: 'a' }).errors).toEqual([]);
		}
	});

	it('refuses what Constant Contact would, naming the field and the range', () => {
		expect(resendBody('A', 'days', 0).problems).toEqual([`Delay (Days): 0 is not a whole number from 1 to 10; ${RANGE}`]);
		expect(resendBody('A', 'days', Number.NaN).problems).toEqual([`Delay (Days): NaN is not a whole number from 1 to 10; ${RANGE}`]);
		expect(resendBody('A', 'minutes', 1440.5).problems).toEqual([`Delay (Minutes): 1440.5 is not a whole number from 720 to 14,400; ${RANGE}`]);
		expect(resendBody('A', 'minutes', null).problems).toEqual([`Delay (Minutes): the value is not a whole number from 720 to 14,400; ${RANGE}`]);
		expect(resendBody('A', 'hours', 12).problems).toEqual(['Delay Unit: "hours" is not Days or Minutes']);
		expect(resendBody({}, 'days', 1).problems[0]).toMatch(/^Resend Subject: a subject line is required/);
		expect(resendBody('a\r\nBcc: x', 'days', 1).problems).toEqual(['Resend Subject: must be one line; remove the line breaks']);
		expect(resendBody('', 'days', 99).problems).toHaveLength(2);
		expect(resendBody('', 'days', 99).body).toBeUndefined();
	});
});
