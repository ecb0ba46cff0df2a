// Scenario 4: good and bad items mixed, the node set to Continue On Fail (Settings → On Error →
// Continue): every bad item comes out as an error item paired with its input, the good ones are
// created, and nothing of the bad ones reaches Constant Contact.
import type { Ctx } from '../lib/context.mts';
import { contactByEmail, execute, summarize } from '../lib/context.mts';
import { check, checkEqual, log } from '../lib/log.mts';
import { nodeOutput } from '../lib/n8n.mts';
import { CC_NODE, accountSyncParameters, workflow } from '../lib/workflows.mts';

const WORKFLOW_ID = 'e2eContinueOnFail';

const ITEMS: Array<Record<string, unknown>> = [
	{ email: 'good1@example.com', firstname: 'Good', lastname: 'One' },
	{ email: 'not-an-email', firstname: 'Bad', lastname: 'Address' },
	{ email: 'good2@example.com', firstname: 'Good', lastname: 'Two' },
	{ firstname: 'No', lastname: 'Email' },
	{ email: 'toolong@example.com', firstname: 'X'.repeat(60), lastname: 'Name' },
];
const GOOD = [0, 2];

export function continueOnFailWorkflow(ctx: Ctx, nodeType: string): Record<string, unknown> {
	return workflow({
		id: WORKFLOW_ID,
		name: 'e2e 4: good and bad items, Continue On Fail',
		sourceName: 'Import rows (stand-in)',
		items: ITEMS,
		parameters: accountSyncParameters([ctx.lists.newsletter.list_id]),
		credential: ctx.credential,
		nodeType,
		continueOnFail: true,
	});
}

export async function continueOnFail(ctx: Ctx): Promise<void> {
	const { run, requests } = await execute(ctx, WORKFLOW_ID);
	log(`  requests: ${summarize(requests)}`);
	const out = nodeOutput(run, CC_NODE);
	checkEqual(out.length, ITEMS.length, 'number of output items');
	out.forEach((item, i) => {
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0]?.item : item.pairedItem?.item;
		checkEqual(paired, i, `output item ${i}: pairedItem`);
		if (GOOD.includes(i)) {
			checkEqual(item.json.action, 'created', `output item ${i}: action`);
		} else {
			check(typeof item.json.error === 'string' && item.json.error.length > 0, `output item ${i} should carry an error message, got ${JSON.stringify(item.json)}`);
			const details = item.json.details as { description?: string } | undefined;
			log(`  item ${i} error: ${String(item.json.error)}${details?.description ? ` (${details.description})` : ''}`);
		}
	});
	for (const i of GOOD) check(contactByEmail(ctx.fake, String(ITEMS[i]!.email)), `${String(ITEMS[i]!.email)} was not created`);
	check(!contactByEmail(ctx.fake, 'toolong@example.com'), 'the item with a 60-character first name reached Constant Contact');
	check(!requests.some((r) => JSON.stringify(r.body ?? '').includes('not-an-email')), 'the invalid email reached Constant Contact');
	ctx.fake.assertNoContractViolations();
}
