// Scenario 2: records shaped like a CRM's (HubSpot's `properties`) → Create or Update by account sync:
// the contact who unsubscribed stays unsubscribed, an existing contact keeps the fields the CRM does
// not send, a new one is created, and the sign-up endpoint (which re-subscribes) is never used.
import type { Ctx } from '../lib/context.mts';
import { contactByEmail, execute, summarize } from '../lib/context.mts';
import { check, checkEqual, log } from '../lib/log.mts';
import { nodeOutput } from '../lib/n8n.mts';
import { CC_NODE, accountSyncParameters, workflow } from '../lib/workflows.mts';

const WORKFLOW_ID = 'e2eAccountSync';

const crmRecord = (id: string, properties: Record<string, string>): Record<string, unknown> => ({
	id,
	properties,
	createdAt: '2026-07-01T09:00:00.000Z',
	updatedAt: '2026-08-13T09:00:00.000Z',
	archived: false,
});

const ITEMS = [
	crmRecord('101', { email: 'optout@example.com', firstname: 'Olive', lastname: 'Out', company: 'Acme' }),
	crmRecord('102', { email: 'kept@example.com', lastname: 'Keeper-Smith', company: 'NewCo' }),
	crmRecord('103', { email: 'new-crm@example.com', firstname: 'Nia', lastname: 'New' }),
];

export function accountSyncWorkflow(ctx: Ctx, nodeType: string): Record<string, unknown> {
	return workflow({
		id: WORKFLOW_ID,
		name: 'e2e 2: CRM records → Constant Contact account sync',
		sourceName: 'CRM Trigger (stand-in)',
		items: ITEMS,
		parameters: accountSyncParameters([ctx.lists.customers.list_id]),
		credential: ctx.credential,
		nodeType,
	});
}

export async function accountSync(ctx: Ctx): Promise<void> {
	const { run, requests } = await execute(ctx, WORKFLOW_ID);
	log(`  requests: ${summarize(requests)}`);
	const out = nodeOutput(run, CC_NODE);
	checkEqual(out.map((i) => i.json.action), ['updated', 'updated', 'created'], 'output `action` per item');
	check(!requests.some((r) => r.path === '/v3/contacts/sign_up_form'), 'account sync must never call sign_up_form (it re-subscribes)');

	const optout = contactByEmail(ctx.fake, 'optout@example.com')!;
	checkEqual(optout.email_address.permission_to_send, 'unsubscribed', 'the unsubscribed contact\'s permission_to_send');
	checkEqual(optout.email_address.opt_out_source, 'Contact', 'the unsubscribed contact\'s opt_out_source');
	checkEqual([optout.first_name, optout.last_name, optout.company_name], ['Olive', 'Out', 'Acme'], 'the unsubscribed contact\'s updated fields');
	checkEqual(optout.job_title, 'CFO', 'the unsubscribed contact\'s unmapped job_title');

	const kept = contactByEmail(ctx.fake, 'kept@example.com')!;
	checkEqual([kept.last_name, kept.company_name], ['Keeper-Smith', 'NewCo'], 'kept@: updated fields');
	checkEqual([kept.first_name, kept.job_title], ['Kim', 'Engineer'], 'kept@: fields the CRM did not send');
	checkEqual(kept.phone_numbers.map((p) => p.phone_number), ['+1 555 0100'], 'kept@: phone numbers');
	checkEqual(kept.custom_fields.map((f) => f.value), ['Green'], 'kept@: custom fields');
	checkEqual(kept.email_address.permission_to_send, 'explicit', 'kept@: permission_to_send');
	checkEqual([...kept.list_memberships].sort(), [ctx.lists.newsletter.list_id, ctx.lists.customers.list_id].sort(), 'kept@: lists (appended)');

	const created = contactByEmail(ctx.fake, 'new-crm@example.com');
	check(created, 'new-crm@example.com was not created');
	checkEqual(created.email_address.permission_to_send, 'implicit', 'new contact\'s permission_to_send');
	checkEqual(created.create_source, 'Account', 'new contact\'s create_source');
	check(created.list_memberships.includes(ctx.lists.customers.list_id), 'the new contact is not on the Customers list');
	ctx.fake.assertNoContractViolations();
}
