import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { TEST_SEND_LIMITS, testRecipients } from '../../mapping/campaign/campaignBody';
import { constantContactRequest } from '../../transport/request';
import { assertNoProblems } from './fields';
import { locatePrimary, on } from './locate';
import { isApiError } from '../../transport/errors';

const show = on(['sendTest']);

export const description: INodeProperties[] = [
	{
		displayName: 'Test Email Addresses',
		name: 'testEmailAddresses',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. nathan@example.com, smith@example.com',
		description: `Where to send the test: at most ${TEST_SEND_LIMITS.perRequest} addresses, separated by commas (or an array by expression). Constant Contact allows ${TEST_SEND_LIMITS.perDay} test recipients a day.`,
		displayOptions: show,
	},
	{
		displayName: 'Personal Message',
		name: 'personalMessage',
		type: 'string',
		default: '',
		description: 'A note shown above the email in the test',
		displayOptions: show,
	},
	{
		displayName: 'A test does not fill in contact or custom field variables, and every recipient counts towards the 50 test emails a day.',
		name: 'sendTestNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
];

/** `POST /emails/activities/{primary email}/tests`: up to 5 addresses per request (204, no body). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const { emails, problems } = testRecipients(this.getNodeParameter('testEmailAddresses', itemIndex, ''));
	assertNoProblems.call(this, problems, itemIndex);
	const personalMessage = String(this.getNodeParameter('personalMessage', itemIndex, '') ?? '');
	const { campaign, activityId } = await locatePrimary.call(this, itemIndex);
	const body: IDataObject = { email_addresses: emails, ...(personalMessage ? { personal_message: personalMessage } : {}) };
	try {
		await constantContactRequest.call(this, { method: 'POST', path: `/emails/activities/${encodeURIComponent(activityId)}/tests`, body, itemIndex, idempotent: false });
	} catch (error) {
		// The daily limit is counted by Constant Contact, not knowable here: say it when a test is refused.
		throw isApiError(error, 400)
			? new NodeApiError(this.getNode(), { status: 400 }, {
					message: (error as NodeApiError).message,
					description: `Correct what Constant Contact names above. Test sends are also limited to ${TEST_SEND_LIMITS.perDay} recipients a day per account (each address counts): if that is the reason, try again tomorrow.`,
					httpCode: '400',
					itemIndex,
				})
			: error;
	}
	return [{ json: { campaign_id: campaign.campaign_id, campaign_activity_id: activityId, email_addresses: emails, sent: true } }];
}
