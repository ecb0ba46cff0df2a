// Scenario 6: an email campaign's whole loop in a real n8n. Run A creates a campaign for the
// newsletter list, sends a test and schedules it; the fake then "sends" it and records an open and a
// bounce (what Constant Contact does on its own); run B reads its report back through the summaries.
// Meanwhile an active workflow's Constant Contact Trigger (Contact Bounced) polls every minute in the
// n8n server: it must run its workflow exactly once for that bounce, however many polls follow.
import { OWNER_EMAIL } from '../../fake-constant-contact/state.mts';
import type { Ctx } from '../lib/context.mts';
import { execute, readExecution, summarize } from '../lib/context.mts';
import { check, checkEqual, log, waitFor } from '../lib/log.mts';
import { nodeOutput } from '../lib/n8n.mts';
import { CREDENTIAL_TYPE } from '../lib/workflows.mts';

const LAUNCH = 'e2eCampaignLaunch';
const REPORT = 'e2eCampaignReport';
export const BOUNCE_TRIGGER = 'e2eBounceTrigger';
const CAMPAIGN_NAME = 'E2E Launch';
const BOUNCED = 'kept@example.com';

type Json = Record<string, unknown>;

function node(id: string, name: string, type: string, position: [number, number], parameters: Json, ctx?: Ctx): Json {
	return {
		id,
		name,
		type,
		typeVersion: type.endsWith('.set') ? 3.4 : type.endsWith('.filter') ? 2.2 : 1,
		position,
		parameters,
		...(ctx ? { credentials: { [CREDENTIAL_TYPE]: { id: ctx.credential.id, name: ctx.credential.name } } } : {}),
	};
}

const chain = (...names: string[]): Json =>
	Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));

export function campaignWorkflows(ctx: Ctx, nodeType: string): Json[] {
	const triggerType = nodeType.replace(/constantContact$/, 'constantContactTrigger');
	const campaignById = (expression: string) => ({ __rl: true, mode: 'id', value: expression });
	return [
		{
			id: LAUNCH,
			name: 'e2e 6a: create a campaign, send a test, schedule it',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				node(`${LAUNCH}-1`, 'Manual Trigger', 'n8n-nodes-base.manualTrigger', [0, 0], {}),
				node(`${LAUNCH}-2`, 'Create Campaign', nodeType, [220, 0], {
					resource: 'campaign',
					operation: 'create',
					name: CAMPAIGN_NAME,
					subject: 'We launched',
					fromName: 'E2E Co',
					fromEmail: { __rl: true, mode: 'list', value: OWNER_EMAIL },
					replyToEmail: { __rl: true, mode: 'email', value: OWNER_EMAIL },
					htmlContent: '<html><body>[[trackingImage]]<h1>We launched</h1></body></html>',
					audience: { contactLists: [ctx.lists.newsletter.list_id] },
				}, ctx),
				node(`${LAUNCH}-3`, 'Send Test', nodeType, [440, 0], {
					resource: 'campaign',
					operation: 'sendTest',
					campaign: campaignById('={{ $json.campaign_id }}'),
					testEmailAddresses: 'editor@example.com',
				}, ctx),
				node(`${LAUNCH}-4`, 'Schedule', nodeType, [660, 0], {
					resource: 'campaign',
					operation: 'schedule',
					campaign: campaignById("={{ $('Create Campaign').item.json.campaign_id }}"),
					when: 'date',
					scheduledDate: '={{ $now.plus(7, "days").toISO() }}',
				}, ctx),
			],
			connections: chain('Manual Trigger', 'Create Campaign', 'Send Test', 'Schedule'),
		},
		{
			id: REPORT,
			name: 'e2e 6b: the campaign report after the send',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				node(`${REPORT}-1`, 'Manual Trigger', 'n8n-nodes-base.manualTrigger', [0, 0], {}),
				node(`${REPORT}-2`, 'Campaign Summaries', nodeType, [220, 0], { resource: 'report', operation: 'getCampaignSummaries', returnAll: true }, ctx),
				node(`${REPORT}-3`, 'This Campaign', 'n8n-nodes-base.filter', [440, 0], {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict' },
						conditions: [{ id: 'e2e-name', leftValue: '={{ $json.name }}', rightValue: CAMPAIGN_NAME, operator: { type: 'string', operation: 'equals' } }],
						combinator: 'and',
					},
					options: {},
				}),
				node(`${REPORT}-4`, 'Bounces', nodeType, [660, 0], {
					resource: 'report',
					operation: 'getTracking',
					campaign: campaignById('={{ $json.campaign_id }}'),
					trackingReport: 'bounces',
					returnAll: true,
				}, ctx),
			],
			connections: chain('Manual Trigger', 'Campaign Summaries', 'This Campaign', 'Bounces'),
		},
		{
			id: BOUNCE_TRIGGER,
			name: 'e2e 6c: Contact Bounced, polling every minute',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				node(`${BOUNCE_TRIGGER}-1`, 'Constant Contact Trigger', triggerType, [0, 0], { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'contactBounced', engagementOptions: {} }, ctx),
				node(`${BOUNCE_TRIGGER}-2`, 'Bounced Contact', 'n8n-nodes-base.noOp', [220, 0], {}),
			],
			connections: chain('Constant Contact Trigger', 'Bounced Contact'),
		},
	];
}

interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	startedAt?: string;
}

async function executionsOf(ctx: Ctx, workflowId: string): Promise<ExecutionSummary[]> {
	const data = await ctx.rest.request<{ results: ExecutionSummary[] }>('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
	return data.results;
}

const isSummaries = (r: { path: string }): boolean => r.path === '/v3/reports/summary_reports/email_campaign_summaries';
let publishedAt = 0;

/**
 * Publishes the trigger's workflow. n8n 2.40 publishes through an outbox, so its first poll (where the
 * trigger notes where now is) comes a moment later; campaignLoop waits for it before the bounce.
 */
export async function activateBounceTrigger(ctx: Ctx): Promise<void> {
	publishedAt = Date.now();
	await ctx.n8n.compat.activate(ctx.rest, BOUNCE_TRIGGER);
	log('  published: it polls at activation, then every minute');
}

/** The trigger's first poll has been answered: what happens from now on is new to it. */
async function triggerHasPolled(ctx: Ctx): Promise<void> {
	const first = await waitFor(
		"the trigger's first poll",
		() => ctx.fake.requests.find((r) => isSummaries(r) && r.receivedAt >= publishedAt && r.respondedAt > 0),
		120_000,
		500,
	);
	log(`  the trigger's first poll came ${((first.receivedAt - publishedAt) / 1000).toFixed(1)} s after publishing`);
}

export async function campaignLoop(ctx: Ctx): Promise<void> {
	const { fake } = ctx;
	const launch = await execute(ctx, LAUNCH);
	log(`  run A requests: ${summarize(launch.requests.filter((r) => r.path.startsWith('/v3/')))}`);
	const created = nodeOutput(launch.run, 'Create Campaign')[0]!.json;
	const campaignId = String(created.campaign_id);
	const activityId = String(created.primary_email_activity_id);
	checkEqual([created.name, created.current_status, created.contact_list_ids], [CAMPAIGN_NAME, 'Draft', [ctx.lists.newsletter.list_id]], 'created [name, status, lists]');
	checkEqual(nodeOutput(launch.run, 'Send Test').map((i) => i.json.email_addresses), [['editor@example.com']], 'test recipients');
	checkEqual(fake.state.testSends.filter((t) => t.campaign_activity_id === activityId).map((t) => t.email_addresses), [['editor@example.com']], 'the test the fake received');
	const scheduled = nodeOutput(launch.run, 'Schedule')[0]!.json;
	const activity = fake.state.campaignActivities.get(activityId)!;
	checkEqual([activity.current_status, activity.scheduled_date], ['SCHEDULED', scheduled.scheduled_date], 'the fake: scheduled, at the date n8n output');
	check(Date.parse(String(scheduled.scheduled_date)) > Date.now() + 6 * 24 * 3600_000, `scheduled a week ahead: ${String(scheduled.scheduled_date)}`);

	// What Constant Contact does on its own: the send, an open, a bounce; after the trigger started.
	await triggerHasPolled(ctx);
	const sent = fake.campaigns.send(campaignId);
	check(sent.sent_to.includes(BOUNCED), `the newsletter list's mailable contacts include ${BOUNCED}: ${sent.sent_to.join(', ')}`);
	fake.campaigns.track(campaignId, [
		{ type: 'open', email: sent.sent_to[0]! },
		{ type: 'bounce', email: BOUNCED, bounce_code: 'F' },
	]);
	log(`  the fake sent "${CAMPAIGN_NAME}" to ${sent.sent_to.length} contacts and recorded an open and a bounce (${BOUNCED})`);

	const report = await execute(ctx, REPORT);
	const summary = nodeOutput(report.run, 'This Campaign');
	checkEqual(
		summary.map((i) => [i.json.campaign_id, i.json.sends, i.json.opens, i.json.bounces]),
		[[campaignId, sent.sent_to.length, 1, 1]],
		'the summary row [campaign_id, sends, opens, bounces]',
	);
	checkEqual(nodeOutput(report.run, 'Bounces').map((i) => [i.json.email_address, i.json.bounce_code, i.json.campaign_id]), [[BOUNCED, 'F', campaignId]], 'the bounces report');
	fake.assertNoContractViolations();
}

/**
 * The active trigger ran its workflow once for the bounce, and a later poll did not run it again.
 * Waits for that poll (polls are a minute apart).
 */
export async function bounceEmittedOnce(ctx: Ctx): Promise<void> {
	const bounces = (): number => ctx.fake.requests.filter((r) => r.method === 'GET' && /\/tracking\/bounces$/.test(r.path)).length;
	const execution = await waitFor(
		'the trigger to run its workflow for the bounce',
		async () => (await executionsOf(ctx, BOUNCE_TRIGGER)).find((e) => e.status === 'success'),
		150_000,
		2_000,
	);
	const run = await readExecution(ctx, execution.id);
	const items = nodeOutput(run, 'Bounced Contact');
	// Simplified by default: 9 flat fields (the campaign, its name, the activity, the contact, who, when, the code).
	checkEqual(
		items.map((i) => [i.json.campaign_name, i.json.email_address, i.json.bounce_code, Object.keys(i.json).length]),
		[[CAMPAIGN_NAME, BOUNCED, 'F', 9]],
		'the trigger execution [campaign_name, email_address, bounce_code, number of fields]',
	);
	const after = bounces();
	log(`  execution ${execution.id} (${execution.mode}) carried the bounce; waiting for the next poll`);
	await waitFor('one more poll of the bounces', () => bounces() > after, 90_000, 1_000);
	await new Promise((r) => setTimeout(r, 5_000));
	const all = await executionsOf(ctx, BOUNCE_TRIGGER);
	checkEqual(all.length, 1, `executions of the trigger's workflow after ${bounces()} polls of the bounces report`);
	await ctx.n8n.compat.deactivate(ctx.rest, BOUNCE_TRIGGER);
	ctx.fake.assertNoContractViolations();
}
