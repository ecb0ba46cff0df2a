// What the campaign tests share: valid create parameters, a campaign made in the fake directly (as if
// created earlier), and the resource locator values the editor stores.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ConstantContact } from '../../../../nodes/ConstantContact/ConstantContact.node.ts';
import { newCampaign } from '../../../fake-constant-contact/campaignLifecycle.mts';
import { runNode } from '../../../helpers/n8n.mts';
import type { FakeState } from '../../../fake-constant-contact/state.mts';
import type { Account, Fake } from '../contact/setup.mts';
import { run as runContactNode } from '../contact/setup.mts';

export const HTML = '<html><body>[[trackingImage]]<h1>Spring news</h1><p><a href="https://example.com">Read</a></p></body></html>';

export const pick = (value: string | number) => ({ __rl: true, mode: 'list', value: String(value) });
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });

export function createParameters(over: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		resource: 'campaign',
		operation: 'create',
		name: 'Spring Newsletter',
		subject: 'Spring is here',
		fromName: 'Fake Co',
		fromEmail: pick('owner@example.com'),
		replyToEmail: pick('owner@example.com'),
		htmlContent: HTML,
		...over,
	};
}

/** Runs a Campaign operation asking for the raw output (Simplify off, Output: Raw) unless the test sets them, as the Contact tests do. */
export async function run(account: Account, parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>, continueOnFail = false) {
	return await runContactNode(account, { resource: 'campaign', ...parameters }, items, continueOnFail);
}

/** Runs an operation with only the parameters given: n8n fills in every other one's default (Simplify, Output). */
export async function runWithDefaults(account: Account, parameters: Record<string, unknown>, items?: Array<Record<string, unknown>>) {
	return await runNode(account.harness, {
		nodeType: new ConstantContact(),
		parameters: { resource: 'campaign', ...parameters } as INodeParameters,
		items: items as IDataObject[] | undefined,
	});
}

/** A draft campaign already in the account, optionally with lists, as if made earlier. */
export function seedCampaign(fake: Fake, name: string, over: { contact_list_ids?: string[]; segment_ids?: number[]; preheader?: string } = {}) {
	const state = fake.state as unknown as FakeState;
	const campaign = newCampaign(state, name, {
		format_type: 5,
		from_email: 'owner@example.com',
		from_name: 'Fake Co',
		reply_to_email: 'owner@example.com',
		subject: `${name} subject`,
		html_content: HTML,
		...(over.preheader ? { preheader: over.preheader } : {}),
	});
	const primary = state.campaignActivities.get(campaign.activity_ids[0]!)!;
	if (over.contact_list_ids) primary.contact_list_ids = over.contact_list_ids;
	if (over.segment_ids) primary.segment_ids = over.segment_ids;
	return { campaignId: campaign.campaign_id, primary: primary.campaign_activity_id, campaign, activity: primary };
}
