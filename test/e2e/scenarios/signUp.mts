// Scenario 1: items shaped like n8n's Form Trigger output → Create or Update, the contact's own
// sign-up (POST /contacts/sign_up_form): new people are created, a known one is updated, all end up
// on the chosen list, and each output item says what happened (`action`).
import type { Ctx } from '../lib/context.mts';
import { contactByEmail, execute, summarize } from '../lib/context.mts';
import { check, checkEqual, log } from '../lib/log.mts';
import { nodeOutput } from '../lib/n8n.mts';
import { CC_NODE, signUpParameters, workflow } from '../lib/workflows.mts';

const WORKFLOW_ID = 'e2eSignUpForm';

// What a Form Trigger with fields Email, First Name, Last Name, Favorite Color emits.
const submitted = (email: string, first: string, last: string, color?: string): Record<string, unknown> => ({
	Email: email,
	'First Name': first,
	'Last Name': last,
	...(color ? { 'Favorite Color': color } : {}),
	submittedAt: '2026-08-13T10:15:00.000+00:00',
	formMode: 'production',
});

const ITEMS = [
	submitted('ada@example.com', 'Ada', 'Lovelace'),
	submitted('grace@example.com', 'Grace', 'Hopper', 'Blue'),
	submitted('returning@example.com', 'Rita', 'Returner'),
];

export function signUpWorkflow(ctx: Ctx, nodeType: string): Record<string, unknown> {
	return workflow({
		id: WORKFLOW_ID,
		name: 'e2e 1: Form Trigger → Constant Contact sign-up',
		sourceName: 'Form Trigger (stand-in)',
		items: ITEMS,
		parameters: signUpParameters([ctx.lists.newsletter.list_id]),
		credential: ctx.credential,
		nodeType,
	});
}

export async function signUp(ctx: Ctx): Promise<void> {
	const { run, requests } = await execute(ctx, WORKFLOW_ID);
	log(`  requests: ${summarize(requests)}`);
	const out = nodeOutput(run, CC_NODE);
	checkEqual(out.map((i) => i.json.action), ['created', 'created', 'updated'], 'output `action` per item');
	// Simplify is on by default: the email is `email`.
	checkEqual(out.map((i) => i.json.email), ITEMS.map((i) => i.Email), 'output email per item (simplified)');
	check(requests.some((r) => r.method === 'POST' && r.path === '/v3/contacts/sign_up_form'), 'the node did not use POST /v3/contacts/sign_up_form');

	const newsletter = ctx.lists.newsletter.list_id;
	for (const item of ITEMS) {
		const contact = contactByEmail(ctx.fake, String(item.Email));
		check(contact, `${String(item.Email)} is not in the fake account`);
		check(contact.list_memberships.includes(newsletter), `${String(item.Email)} is not on the Newsletter list`);
		checkEqual(contact.first_name, item['First Name'], `${String(item.Email)} first_name`);
	}
	const returning = contactByEmail(ctx.fake, 'returning@example.com')!;
	check(returning.list_memberships.includes(ctx.lists.customers.list_id), 'the returning contact lost its Customers list (sign-up appends lists)');
	const grace = contactByEmail(ctx.fake, 'grace@example.com')!;
	checkEqual(grace.custom_fields.map((f) => f.value), ['Blue'], 'the "Favorite Color" custom field mapped by label');
	ctx.fake.assertNoContractViolations();
}
