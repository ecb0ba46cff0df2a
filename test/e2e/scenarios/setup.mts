// The account the scenarios start from, and every scenario's workflow (imported in one CLI call:
// each `n8n` CLI command boots n8n, which costs seconds).
import type { FakeConstantContact } from '../../fake-constant-contact/server.mts';
import type { Ctx } from '../lib/context.mts';
import { accountSyncWorkflow } from './accountSync.mts';
import { campaignWorkflows } from './campaigns.mts';
import { continueOnFailWorkflow } from './continueOnFail.mts';
import { errorOutputWorkflows } from './errorOutput.mts';
import { signUpWorkflow } from './signUp.mts';
import { tokenRefreshWorkflow } from './tokenRefresh.mts';

export const FAVORITE_COLOR = 'Favorite Color';

export function seedAccount(fake: FakeConstantContact): Ctx['lists'] {
	const newsletter = fake.seed.list({ name: 'Newsletter' });
	const customers = fake.seed.list({ name: 'Customers' });
	const color = fake.seed.customField({ label: FAVORITE_COLOR, type: 'string' });
	// Scenario 1: someone already in the account signs up for the newsletter.
	fake.seed.contact({
		email_address: { address: 'returning@example.com', permission_to_send: 'implicit' },
		first_name: 'Rita',
		list_memberships: [customers.list_id],
	});
	// Scenario 2: a contact who unsubscribed themselves, and one with fields the CRM does not send.
	fake.seed.contact({
		email_address: { address: 'optout@example.com', permission_to_send: 'unsubscribed', opt_out_source: 'Contact', opt_out_reason: 'Too many emails' },
		first_name: 'Olivia',
		job_title: 'CFO',
		list_memberships: [customers.list_id],
	});
	fake.seed.contact({
		email_address: { address: 'kept@example.com', permission_to_send: 'explicit' },
		first_name: 'Kim',
		last_name: 'Keeper',
		job_title: 'Engineer',
		phone_numbers: [{ phone_number: '+1 555 0100', kind: 'work' }],
		custom_fields: [{ custom_field_id: color.custom_field_id, value: 'Green' }],
		list_memberships: [newsletter.list_id],
	});
	return { newsletter, customers };
}

export function scenarioWorkflows(ctx: Ctx, nodeType: string): Array<Record<string, unknown>> {
	return [
		...[signUpWorkflow, accountSyncWorkflow, tokenRefreshWorkflow, continueOnFailWorkflow].map((build) => build(ctx, nodeType)),
		...errorOutputWorkflows(ctx, nodeType),
		...campaignWorkflows(ctx, nodeType),
	];
}
