// Scenario 6: Settings → On Error → Continue (using error output), both outputs connected: n8n routes
// the invalid items to the Error output and the contacts to Success, each with its input fields.
// Scenario 7: a Create whose first POST /contacts fails (a 500 that did not take effect) for an email
// that exists as a deleted contact: the retry must not report the deleted contact as created.
import type { Ctx } from '../lib/context.mts';
import { contactByEmail, execute, summarize } from '../lib/context.mts';
import { check, checkEqual, log } from '../lib/log.mts';
import { nodeOutput } from '../lib/n8n.mts';
import { CC_NODE, accountSyncParameters, workflow } from '../lib/workflows.mts';

const ERROR_OUTPUT_ID = 'e2eErrorOutput';
const RETRY_ID = 'e2eRetryDeleted';
const SUCCESS_NODE = 'Contacts';
const ERROR_NODE = 'Failed Items';

const BAD = [2, 5, 7, 10];
const ROWS: Array<Record<string, unknown>> = Array.from({ length: 12 }, (_, i) =>
	BAD.includes(i) ? { email: `e2e-bad-${i}-at-example.com`, firstname: `Bad${i}` } : { email: `e2e-row${i}@example.com`, firstname: `Row${i}` },
);
const DELETED = 'e2e-deleted@example.com';

export function errorOutputWorkflows(ctx: Ctx, nodeType: string): Array<Record<string, unknown>> {
	return [
		workflow({
			id: ERROR_OUTPUT_ID,
			name: 'e2e 6: On Error → Continue (using error output), both outputs connected',
			sourceName: 'CRM rows (stand-in)',
			items: ROWS,
			parameters: accountSyncParameters([ctx.lists.newsletter.list_id]),
			credential: ctx.credential,
			nodeType,
			onError: 'continueErrorOutput',
			downstream: [SUCCESS_NODE, ERROR_NODE],
		}),
		workflow({
			id: RETRY_ID,
			name: 'e2e 7: Create (If Contact Exists: Error) meets a failed POST and a deleted contact',
			sourceName: 'New customer (stand-in)',
			items: [{ email: DELETED, firstname: 'Again' }],
			parameters: {
				resource: 'contact',
				operation: 'create',
				contactFields: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
				ifContactExists: 'error',
			},
			credential: ctx.credential,
			nodeType,
			continueOnFail: true,
		}),
	];
}

const pairedIndex = (item: { pairedItem?: unknown }) => {
	const p = item.pairedItem as { item?: number } | Array<{ item?: number }> | undefined;
	return Array.isArray(p) ? p[0]?.item : p?.item;
};

export async function errorOutput(ctx: Ctx): Promise<void> {
	const { run, requests } = await execute(ctx, ERROR_OUTPUT_ID);
	log(`  requests: ${requests.length}`);
	const success = nodeOutput(run, SUCCESS_NODE);
	const failed = nodeOutput(run, ERROR_NODE);
	checkEqual([success.length, failed.length], [8, 4], 'items reaching the nodes on [Success, Error]');
	// The Constant Contact node's own outputs, as n8n recorded them: main[0] Success, main[1] Error.
	const outputs = run.data.resultData.runData[CC_NODE]!.at(-1)!.data!.main!;
	checkEqual((outputs[1] ?? []).map(pairedIndex), BAD, 'Error output items paired with their input items');
	checkEqual((outputs[0] ?? []).map(pairedIndex), [0, 1, 3, 4, 6, 8, 9, 11], 'Success output items paired with their input items');
	failed.forEach((item, i) => {
		const json = item.json as Record<string, unknown>;
		check(String(json.error).startsWith(`Email: "e2e-bad-${BAD[i]}-at-example.com" is not a valid email address`), `error item ${i}: ${JSON.stringify(json)}`);
		checkEqual(json.firstname, `Bad${BAD[i]}`, `error item ${i}: n8n added the input item's fields`);
		check(String((json.details as Record<string, unknown> | undefined)?.description ?? '').includes('Nothing was sent'), `error item ${i}: details.description says nothing was sent`);
	});
	check(success.every((item) => (item.json as Record<string, unknown>).action === 'created'), 'every Success item is a created contact');
	for (const i of BAD) check(!contactByEmail(ctx.fake, String(ROWS[i]!.email)), `${String(ROWS[i]!.email)} reached Constant Contact`);
	ctx.fake.assertNoContractViolations();
}

export async function retryMeetsDeletedContact(ctx: Ctx): Promise<void> {
	const deleted = ctx.fake.seed.contact({ email_address: { address: DELETED }, first_name: 'Gone', deleted: true });
	ctx.fake.injectFault({ method: 'POST', path: '/v3/contacts', mode: 'before', status: 500, times: 1 });
	const { run, requests } = await execute(ctx, RETRY_ID);
	log(`  requests: ${summarize(requests)}`);
	check(requests.some((r) => r.method === 'POST' && r.path === '/v3/contacts' && r.fault === 'before'), 'the first POST /contacts met the injected 500');
	const out = nodeOutput(run, CC_NODE);
	checkEqual(out.length, 1, 'output items');
	const json = out[0]!.json as Record<string, unknown>;
	check(json.action !== 'created', `the deleted contact was reported as created: ${JSON.stringify(json)}`);
	checkEqual(json.error, `A contact with the email address ${DELETED} already exists in Constant Contact (409): Email address ${DELETED} is not unique`, 'the item fails as existing (If Contact Exists: Error)');
	const stored = ctx.fake.state.contacts.get(deleted.contact_id)!;
	checkEqual([stored.first_name, Boolean(stored.deleted_at)], ['Gone', true], 'the deleted contact is untouched');
	ctx.fake.assertNoContractViolations();
}
