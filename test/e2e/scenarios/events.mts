// Scenario 9: Constant Contact Events in a real n8n. An active workflow's Constant Contact Trigger
// (Event Registration) polls an event every minute in the n8n server: a registration made before it
// was published is never emitted; two made after its first poll (at the same time) run the workflow
// once, together; one more runs it once again, alone; and a later poll runs nothing.
import type { EventRecord } from '../../fake-constant-contact/server.mts';
import type { Ctx } from '../lib/context.mts';
import { readExecution } from '../lib/context.mts';
import { check, checkEqual, log, waitFor } from '../lib/log.mts';
import { nodeOutput } from '../lib/n8n.mts';
import { CREDENTIAL_TYPE } from '../lib/workflows.mts';

export const REGISTRATION_TRIGGER = 'e2eRegistrationTrig';
const EVENT_NAME = 'E2E Summer Meetup';

type Json = Record<string, unknown>;

let event: EventRecord | undefined;
let publishedAt = 0;

/** The event the trigger watches, with one registration from before it was published. */
function watchedEvent(ctx: Ctx): EventRecord {
	if (!event) {
		event = ctx.fake.seed.event({ name: EVENT_NAME });
		ctx.fake.seed.registration({ event_id: event.event_id, email_address: 'e2e-before@example.com', first_name: 'Bea', registration_time: new Date(Date.now() - 3_600_000).toISOString() });
	}
	return event;
}

export function eventWorkflows(ctx: Ctx, nodeType: string): Json[] {
	const triggerType = nodeType.replace(/constantContact$/, 'constantContactTrigger');
	const watched = watchedEvent(ctx);
	return [
		{
			id: REGISTRATION_TRIGGER,
			name: 'e2e 9: Event Registration, polling every minute',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: `${REGISTRATION_TRIGGER}-1`,
					name: 'Constant Contact Trigger',
					type: triggerType,
					typeVersion: 1,
					position: [0, 0],
					parameters: {
						pollTimes: { item: [{ mode: 'everyMinute' }] },
						event: 'eventRegistration',
						eventId: { __rl: true, mode: 'list', value: watched.event_id },
						registrationOptions: {},
					},
					credentials: { [CREDENTIAL_TYPE]: { id: ctx.credential.id, name: ctx.credential.name } },
				},
				{ id: `${REGISTRATION_TRIGGER}-2`, name: 'New Registration', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			],
			connections: { 'Constant Contact Trigger': { main: [[{ node: 'New Registration', type: 'main', index: 0 }]] } },
		},
	];
}

interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
}

async function executionsOf(ctx: Ctx, workflowId: string): Promise<ExecutionSummary[]> {
	const data = await ctx.rest.request<{ results: ExecutionSummary[] }>('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
	return data.results;
}

const listPath = (e: EventRecord) => `/v3/events/${e.event_id}/tracks/${e.tracks[0]}/registrations`;
/** The trigger's polls so far: each reads the track's registrations once. */
const polls = (ctx: Ctx, e: EventRecord): number => ctx.fake.requests.filter((r) => r.method === 'GET' && r.path === listPath(e) && r.receivedAt >= publishedAt && r.respondedAt > 0).length;

/** Who each successful execution of the trigger's workflow carried, oldest execution first. */
async function emitted(ctx: Ctx): Promise<string[][]> {
	const runs = (await executionsOf(ctx, REGISTRATION_TRIGGER)).filter((e) => e.status === 'success').sort((a, b) => Number(a.id) - Number(b.id));
	const out: string[][] = [];
	for (const run of runs) out.push(nodeOutput(await readExecution(ctx, run.id), 'New Registration').map((i) => String(i.json.email_address)));
	return out;
}

/**
 * Publishes the trigger's workflow and waits for its first poll (where it notes what is there), then
 * two people register at the same moment. The trigger's next poll comes while other scenarios run.
 */
export async function activateRegistrationTrigger(ctx: Ctx): Promise<void> {
	const e = watchedEvent(ctx);
	publishedAt = Date.now();
	await ctx.n8n.compat.activate(ctx.rest, REGISTRATION_TRIGGER);
	log('  published: it polls at activation, then every minute');
	await waitFor("the trigger's first poll", () => polls(ctx, e) >= 1 || undefined, 120_000, 500);
	const at = new Date().toISOString();
	ctx.fake.seed.registration({ event_id: e.event_id, email_address: 'e2e-ada@example.com', first_name: 'Ada', registration_time: at, answers: { 'Dietary needs': 'vegan' } });
	ctx.fake.seed.registration({ event_id: e.event_id, email_address: 'e2e-bob@example.com', first_name: 'Bob', registration_time: at, payment_status: 'PAID', total: 20 });
	log(`  two registrations made at ${at}, after the first poll`);
}

/** Each new registration ran the workflow once, across two polls; the one from before never did. */
export async function registrationsEmittedOnce(ctx: Ctx): Promise<void> {
	const e = watchedEvent(ctx);
	const first = await waitFor('the trigger to run its workflow for the two registrations', async () => ((await emitted(ctx)).length >= 1 ? await emitted(ctx) : undefined), 150_000, 2_000);
	checkEqual(first, [['e2e-ada@example.com', 'e2e-bob@example.com']], 'the first execution: both registrations, oldest first, together');
	const [execution] = (await executionsOf(ctx, REGISTRATION_TRIGGER)).filter((x) => x.status === 'success');
	const items = nodeOutput(await readExecution(ctx, execution!.id), 'New Registration');
	// Simplified by default: ten fields, the form's answers by label.
	checkEqual(
		items.map((i) => [i.json.event_id, i.json.registration_status, i.json.payment_status, Object.keys(i.json).length]),
		[
			[e.event_id, 'REGISTERED', null, 10],
			[e.event_id, 'REGISTERED', 'PAID', 10],
		],
		'the items [event_id, registration_status, payment_status, number of fields]',
	);
	checkEqual((items[0]!.json.answers as Json)['Dietary needs'], 'vegan', "Ada's answer");

	const before = polls(ctx, e);
	ctx.fake.seed.registration({ event_id: e.event_id, email_address: 'e2e-cy@example.com', first_name: 'Cy', registration_time: new Date().toISOString() });
	log('  one more registration; waiting for the next poll to run the workflow with it alone');
	const second = await waitFor('the trigger to run its workflow for the third registration', async () => {
		const all = await emitted(ctx);
		return all.length >= 2 ? all : undefined;
	}, 150_000, 2_000);
	checkEqual(second, [['e2e-ada@example.com', 'e2e-bob@example.com'], ['e2e-cy@example.com']], 'the executions after the third registration');
	check(polls(ctx, e) > before, 'the second execution came from a later poll');

	const after = polls(ctx, e);
	await waitFor('one more poll of the registrations', () => polls(ctx, e) > after || undefined, 90_000, 1_000);
	await new Promise((r) => setTimeout(r, 5_000));
	const all = await emitted(ctx);
	checkEqual(all, second, `executions of the trigger's workflow after ${polls(ctx, e)} polls (nothing twice, nothing from before it was published)`);
	await ctx.n8n.compat.deactivate(ctx.rest, REGISTRATION_TRIGGER);
	ctx.fake.assertNoContractViolations();
}
