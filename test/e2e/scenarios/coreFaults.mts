// Core operations when Constant Contact misbehaves or says no, each asserted on the run's output and
// on the fake's state and request log:
// - Create or Update, sign-up path: a 429 `throttled` (the fake's own answer to too many requests) on
//   one POST /contacts/sign_up_form, a 503 on another after the fake had processed it (the answer
//   lost: keyed on the email, safe to send again), and a 500 on the GET /contacts/{id} that reads the
//   stored contact back. Every item is created or updated once, with the right `action`.
// - Create or Update, account sync: a 429 on the GET lookup, a 500 on a POST /contacts that took
//   effect (the node must find it, not POST again), a 503 on a PUT. No duplicate contact, consent kept.
// - Create (If Contact Exists: Error, Continue On Fail) for an active existing email: that item fails
//   with the node's 409 message, the others are created, the existing contact is untouched.
// - Get by email for an existing and a missing address, If Not Found = Return Nothing, and the
//   default (Error) with Continue On Fail.
// Emails are unique to this file (`e2e-core-…`); the contacts go on the Customers list, not on the
// Newsletter list the campaign scenario sends to.
import type { ContactRecord, RequestLogEntry } from '../../fake-constant-contact/server.mts';
import { throttled } from '../../fake-constant-contact/errors.mts';
import type { Ctx } from '../lib/context.mts';
import { contactByEmail, execute, summarize } from '../lib/context.mts';
import { check, checkEqual, log } from '../lib/log.mts';
import type { NodeRunItem } from '../lib/n8n.mts';
import { nodeOutput } from '../lib/n8n.mts';
import { CC_NODE, accountSyncParameters, signUpParameters, workflow } from '../lib/workflows.mts';

const SIGN_UP_ID = 'e2eCoreFaultsSignUp';
const SYNC_ID = 'e2eCoreFaultsSync';
const CONFLICT_ID = 'e2eCoreConflict';
const GET_EMPTY_ID = 'e2eCoreGetEmpty';
const GET_ERROR_ID = 'e2eCoreGetError';

/** Long before the run: a contact created then can never look like one this run's request created. */
const LONG_AGO = '2025-03-04T10:00:00.000Z';
const CONTACT_BY_ID = /^\/v3\/contacts\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// 1: sign-up path. Items 0 to 2 are new people, item 3 is in the account already. Items start in
// order, so the 429 meets the first new one and the lost 503 answer (the second request) another
// new one: the resend is answered 200 "updated", and the node must still say created.
const submitted = (email: string, first: string, last: string): Record<string, unknown> => ({
	Email: email,
	'First Name': first,
	'Last Name': last,
	submittedAt: '2026-08-14T09:30:00.000+00:00',
	formMode: 'production',
});
const SIGN_UP_ITEMS = [
	submitted('e2e-core-signup-1@example.com', 'Sana', 'First'),
	submitted('e2e-core-signup-2@example.com', 'Sami', 'Second'),
	submitted('e2e-core-signup-3@example.com', 'Suri', 'Third'),
	submitted('e2e-core-signup-known@example.com', 'Kira', 'Known'),
];
const SIGN_UP_ACTIONS = ['created', 'created', 'created', 'updated'];
const SIGN_UP_KNOWN = String(SIGN_UP_ITEMS[3]!.Email);

// 2: account sync, CRM-shaped. Items 0 and 2 are new, 1 (unsubscribed by themselves) and 3 exist.
const crmRecord = (id: string, properties: Record<string, string>): Record<string, unknown> => ({
	id,
	properties,
	createdAt: '2026-07-01T09:00:00.000Z',
	updatedAt: '2026-08-14T09:00:00.000Z',
	archived: false,
});
const SYNC_ITEMS = [
	crmRecord('201', { email: 'e2e-core-sync-1@example.com', firstname: 'Nora', lastname: 'New' }),
	crmRecord('202', { email: 'e2e-core-sync-optout@example.com', lastname: 'Older', company: 'CoreCo' }),
	crmRecord('203', { email: 'e2e-core-sync-3@example.com', firstname: 'Nils', lastname: 'Newer' }),
	crmRecord('204', { email: 'e2e-core-sync-known@example.com', firstname: 'Patricia' }),
];
const SYNC_ACTIONS = ['created', 'updated', 'created', 'updated'];
const syncEmail = (i: number): string => String((SYNC_ITEMS[i]!.properties as Record<string, string>).email);

// 3: Create, If Contact Exists: Error, for an active contact between two new ones.
const EXISTING = 'e2e-core-exists@example.com';
const CONFLICT_ITEMS = [
	{ email: 'e2e-core-create-1@example.com', firstname: 'Cleo', lastname: 'Create' },
	{ email: EXISTING, firstname: 'Intruder', lastname: 'Overwrite' },
	{ email: 'e2e-core-create-3@example.com', firstname: 'Cato', lastname: 'Create' },
];

// 4: Get by email.
const GET_KNOWN = 'e2e-core-get-known@example.com';
const GET_MISSING = 'e2e-core-get-missing@example.com';
const GET_ITEMS = [{ email: GET_KNOWN }, { email: GET_MISSING }];
const getParameters = (ifNotFound?: 'empty'): Record<string, unknown> => ({
	resource: 'contact',
	operation: 'get',
	contact: { __rl: true, mode: 'email', value: '={{ $json.email }}' },
	// Absent: the parameter's default (Error).
	...(ifNotFound ? { ifNotFound } : {}),
});

export function coreFaultWorkflows(ctx: Ctx, nodeType: string): Array<Record<string, unknown>> {
	const common = { credential: ctx.credential, nodeType };
	const customers = ctx.lists.customers.list_id;
	return [
		workflow({
			...common,
			id: SIGN_UP_ID,
			name: 'e2e core faults 1: sign-up path meets a 429, a lost 503 answer and a 500',
			sourceName: 'Form Trigger (stand-in)',
			items: SIGN_UP_ITEMS,
			parameters: signUpParameters([customers]),
		}),
		workflow({
			...common,
			id: SYNC_ID,
			name: 'e2e core faults 2: account sync meets a 429 on the lookup, a lost 500 answer on a POST and a 503 on a PUT',
			sourceName: 'CRM Trigger (stand-in)',
			items: SYNC_ITEMS,
			parameters: accountSyncParameters([customers]),
		}),
		workflow({
			...common,
			id: CONFLICT_ID,
			name: 'e2e core faults 3: Create (If Contact Exists: Error) for an existing contact, Continue On Fail',
			sourceName: 'New customers (stand-in)',
			items: CONFLICT_ITEMS,
			parameters: {
				resource: 'contact',
				operation: 'create',
				contactFields: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
				listMemberships: { list: [{ list: { __rl: true, mode: 'id', value: customers } }] },
				ifContactExists: 'error',
			},
			continueOnFail: true,
		}),
		workflow({
			...common,
			id: GET_EMPTY_ID,
			name: 'e2e core faults 4a: Get by email, If Not Found: Return Nothing',
			sourceName: 'Lookups (stand-in)',
			items: GET_ITEMS,
			parameters: getParameters('empty'),
		}),
		workflow({
			...common,
			id: GET_ERROR_ID,
			name: 'e2e core faults 4b: Get by email, If Not Found: Error (default), Continue On Fail',
			sourceName: 'Lookups (stand-in)',
			items: GET_ITEMS,
			parameters: getParameters(),
			continueOnFail: true,
		}),
	];
}

const pairedIndex = (item: NodeRunItem): number | undefined =>
	Array.isArray(item.pairedItem) ? item.pairedItem[0]?.item : item.pairedItem?.item;

const is2xx = (r: RequestLogEntry): boolean => r.status >= 200 && r.status < 300;

/** Whom a contact request concerns: its email (body or query), or the email of the contact its path names. */
function emailOf(ctx: Ctx, r: RequestLogEntry): string | undefined {
	const body = r.body as Record<string, unknown> | undefined;
	if (r.path === '/v3/contacts/sign_up_form') return typeof body?.email_address === 'string' ? body.email_address.toLowerCase() : undefined;
	if (r.path === '/v3/contacts' && r.method === 'GET') return r.query.email?.toLowerCase();
	if (r.path === '/v3/contacts' && r.method === 'POST') {
		const address = (body?.email_address as { address?: unknown } | undefined)?.address;
		return typeof address === 'string' ? address.toLowerCase() : undefined;
	}
	if (CONTACT_BY_ID.test(r.path)) return ctx.fake.state.contacts.get(r.path.split('/').pop()!)?.email_address.address.toLowerCase();
	return undefined;
}

/** Requests Constant Contact acted on: answered 2xx, or processed before an injected fault replaced the answer. */
const processed = (r: RequestLogEntry): boolean => is2xx(r) || r.fault === 'after';

function contactsWithEmail(ctx: Ctx, email: string): ContactRecord[] {
	return [...ctx.fake.state.contacts.values()].filter((c) => c.email_address.address.toLowerCase() === email.toLowerCase());
}

/**
 * The one request the injected fault answered (method, path, status, mode), and that the node tried
 * again after it: a later request `retried` matches, answered 2xx. Returns the faulted request's email.
 */
function faultAndRetry(
	ctx: Ctx,
	requests: RequestLogEntry[],
	fault: { method: string; path: RegExp; status: number; mode: 'before' | 'after' },
	retried: (r: RequestLogEntry, email: string | undefined) => boolean,
	what: string,
): string {
	const hits = requests.map((r, i) => ({ r, i })).filter(({ r }) => r.fault === fault.mode && r.method === fault.method && fault.path.test(r.path));
	checkEqual(hits.map(({ r }) => r.status), [fault.status], `${what}: the statuses of the requests the injected fault answered`);
	const { r: hit, i } = hits[0]!;
	const email = emailOf(ctx, hit);
	check(email, `${what}: the faulted request ${hit.method} ${hit.path} names no contact`);
	const after = requests.slice(i + 1).find((r) => is2xx(r) && retried(r, email));
	check(after, `${what}: nothing after the injected ${fault.status} for ${email} was answered 2xx (requests: ${summarize(requests)})`);
	log(`  ${what}: ${fault.status} (${fault.mode}) on ${hit.method} ${hit.path} for ${email}, then ${after.method} ${after.path} ${after.status}`);
	return email;
}

const sameRequest = (ctx: Ctx, method: string, path: RegExp) => (r: RequestLogEntry, email: string | undefined): boolean =>
	r.method === method && path.test(r.path) && emailOf(ctx, r) === email;

const snapshot = (c: ContactRecord): string => JSON.stringify(c);

async function signUpWithFaults(ctx: Ctx): Promise<void> {
	const known = ctx.fake.seed.contact({
		email_address: { address: SIGN_UP_KNOWN, permission_to_send: 'implicit' },
		first_name: 'Kirsten',
		job_title: 'Librarian',
		created_at: LONG_AGO,
	});
	// The fake's own answer to too many requests, on the first sign-up request; a 503 replacing the
	// answer to the next one after the fake processed it; a 500 on the first read-back of a contact.
	ctx.fake.injectFault({ method: 'POST', path: '/v3/contacts/sign_up_form', mode: 'before', status: 429, body: throttled().body, times: 1 });
	ctx.fake.injectFault({ method: 'POST', path: '/v3/contacts/sign_up_form', mode: 'after', status: 503, times: 1 });
	ctx.fake.injectFault({ method: 'GET', path: CONTACT_BY_ID, mode: 'before', status: 500, times: 1 });

	const { run, requests } = await execute(ctx, SIGN_UP_ID);
	log(`  requests: ${summarize(requests)}`);
	const signUps = /^\/v3\/contacts\/sign_up_form$/;
	const throttledEmail = faultAndRetry(ctx, requests, { method: 'POST', path: signUps, status: 429, mode: 'before' }, sameRequest(ctx, 'POST', signUps), '429 on sign_up_form');
	const lostEmail = faultAndRetry(ctx, requests, { method: 'POST', path: signUps, status: 503, mode: 'after' }, sameRequest(ctx, 'POST', signUps), 'lost 503 answer on sign_up_form');
	faultAndRetry(ctx, requests, { method: 'GET', path: CONTACT_BY_ID, status: 500, mode: 'before' }, sameRequest(ctx, 'GET', CONTACT_BY_ID), '500 on GET /contacts/{id}');

	const out = nodeOutput(run, CC_NODE);
	checkEqual(out.map(pairedIndex), [0, 1, 2, 3], 'output items paired with their input items');
	checkEqual(out.map((i) => i.json.action), SIGN_UP_ACTIONS, 'output `action` per item (a resend after the lost 503 answer still says what the first attempt did)');
	checkEqual(out.map((i) => i.json.email), SIGN_UP_ITEMS.map((i) => i.Email), 'output email per item');

	for (const [index, item] of SIGN_UP_ITEMS.entries()) {
		const email = String(item.Email);
		const stored = contactsWithEmail(ctx, email);
		checkEqual(stored.length, 1, `contacts in the fake with ${email}`);
		const contact = stored[0]!;
		checkEqual([contact.first_name, contact.last_name], [String(item['First Name']), String(item['Last Name'])], `${email}: names`);
		check(contact.list_memberships.includes(ctx.lists.customers.list_id), `${email} is not on the Customers list`);
		checkEqual(out[index]!.json.contact_id, contact.contact_id, `${email}: the output's contact_id`);
		// Written once; twice only where the fake processed a request whose answer the 503 replaced.
		const writes = requests.filter((r) => r.path === '/v3/contacts/sign_up_form' && processed(r) && emailOf(ctx, r) === email).length;
		checkEqual(writes, email === lostEmail ? 2 : 1, `${email}: sign-up requests Constant Contact processed`);
	}
	const back = contactByEmail(ctx.fake, SIGN_UP_KNOWN)!;
	checkEqual(
		[back.contact_id, back.job_title, back.email_address.permission_to_send],
		[known.contact_id, 'Librarian', 'explicit'],
		'the known contact [ID kept, job title (not on the form) kept, permission the sign-up form sets]',
	);
	log(`  429 for ${throttledEmail}, lost 503 answer for ${lostEmail} (${lostEmail === SIGN_UP_KNOWN ? 'the known contact: resent, updated' : 'a new contact: resent, still created'})`);
	ctx.fake.assertNoContractViolations();
}

async function accountSyncWithFaults(ctx: Ctx): Promise<void> {
	const optout = ctx.fake.seed.contact({
		email_address: { address: syncEmail(1), permission_to_send: 'unsubscribed', opt_out_source: 'Contact', opt_out_reason: 'Not interested' },
		first_name: 'Olga',
		last_name: 'Old',
		job_title: 'Buyer',
		created_at: LONG_AGO,
	});
	const known = ctx.fake.seed.contact({
		email_address: { address: syncEmail(3), permission_to_send: 'explicit' },
		first_name: 'Pat',
		last_name: 'Known',
		phone_numbers: [{ phone_number: '+1 555 0123', kind: 'work' }],
		created_at: LONG_AGO,
	});
	ctx.fake.injectFault({ method: 'GET', path: '/v3/contacts', mode: 'before', status: 429, body: throttled().body, times: 1 });
	ctx.fake.injectFault({ method: 'POST', path: '/v3/contacts', mode: 'after', status: 500, times: 1 });
	ctx.fake.injectFault({ method: 'PUT', path: CONTACT_BY_ID, mode: 'before', status: 503, times: 1 });

	const { run, requests } = await execute(ctx, SYNC_ID);
	log(`  requests: ${summarize(requests)}`);
	const contacts = /^\/v3\/contacts$/;
	faultAndRetry(ctx, requests, { method: 'GET', path: contacts, status: 429, mode: 'before' }, sameRequest(ctx, 'GET', contacts), '429 on the lookup');
	// The POST took effect: the node looks the email up and finds the contact it created, never POSTing again.
	const lostEmail = faultAndRetry(ctx, requests, { method: 'POST', path: contacts, status: 500, mode: 'after' }, sameRequest(ctx, 'GET', contacts), 'lost 500 answer on POST /contacts');
	faultAndRetry(ctx, requests, { method: 'PUT', path: CONTACT_BY_ID, status: 503, mode: 'before' }, sameRequest(ctx, 'PUT', CONTACT_BY_ID), '503 on PUT /contacts/{id}');
	check(!requests.some((r) => r.path === '/v3/contacts/sign_up_form'), 'account sync must never call sign_up_form (it re-subscribes)');

	const out = nodeOutput(run, CC_NODE);
	checkEqual(out.map(pairedIndex), [0, 1, 2, 3], 'output items paired with their input items');
	checkEqual(out.map((i) => i.json.action), SYNC_ACTIONS, 'output `action` per item (the POST whose answer was lost counts as created)');
	for (const [index, action] of SYNC_ACTIONS.entries()) {
		const email = syncEmail(index);
		const stored = contactsWithEmail(ctx, email);
		checkEqual(stored.length, 1, `contacts in the fake with ${email}`);
		checkEqual(out[index]!.json.contact_id, stored[0]!.contact_id, `${email}: the output's contact_id`);
		check(stored[0]!.list_memberships.includes(ctx.lists.customers.list_id), `${email} is not on the Customers list`);
		const posts = requests.filter((r) => r.method === 'POST' && r.path === '/v3/contacts' && processed(r) && emailOf(ctx, r) === email).length;
		const puts = requests.filter((r) => r.method === 'PUT' && CONTACT_BY_ID.test(r.path) && processed(r) && emailOf(ctx, r) === email).length;
		checkEqual([posts, puts], action === 'created' ? [1, 0] : [0, 1], `${email}: [POST /contacts, PUT /contacts/{id}] Constant Contact processed`);
	}
	log(`  the lost 500 answer was for ${lostEmail}: found by the lookup, not POSTed again`);

	const created = contactByEmail(ctx.fake, syncEmail(0))!;
	checkEqual([created.first_name, created.last_name, created.email_address.permission_to_send, created.create_source], ['Nora', 'New', 'implicit', 'Account'], 'new contact [first, last, permission, source]');
	const o = ctx.fake.state.contacts.get(optout.contact_id)!;
	checkEqual(
		[o.email_address.permission_to_send, o.email_address.opt_out_source, o.first_name, o.last_name, o.company_name, o.job_title],
		['unsubscribed', 'Contact', 'Olga', 'Older', 'CoreCo', 'Buyer'],
		'the unsubscribed contact [permission, opt-out source, first, last, company, job title]',
	);
	const k = ctx.fake.state.contacts.get(known.contact_id)!;
	checkEqual([k.first_name, k.last_name, k.email_address.permission_to_send], ['Patricia', 'Known', 'explicit'], 'the known contact [first, last, permission]');
	checkEqual(k.phone_numbers.map((p) => p.phone_number), ['+1 555 0123'], 'the known contact\'s phone numbers');
	ctx.fake.assertNoContractViolations();
}

async function conflictOnExisting(ctx: Ctx): Promise<void> {
	const existing = ctx.fake.seed.contact({
		email_address: { address: EXISTING, permission_to_send: 'explicit' },
		first_name: 'Ernest',
		last_name: 'Exists',
		created_at: LONG_AGO,
	});
	const before = snapshot(existing);
	const { run, requests } = await execute(ctx, CONFLICT_ID);
	log(`  requests: ${summarize(requests)}`);
	const out = nodeOutput(run, CC_NODE);
	checkEqual(out.map(pairedIndex), [0, 1, 2], 'output items paired with their input items');
	checkEqual([out[0]!.json.action, out[2]!.json.action], ['created', 'created'], 'the new contacts\' `action`');
	const error = String(out[1]!.json.error ?? '');
	check(error.includes('already exists in Constant Contact (409)'), `the existing contact's item should fail as existing, got ${JSON.stringify(out[1]!.json)}`);
	checkEqual(error, `A contact with the email address ${EXISTING} already exists in Constant Contact (409): Email address ${EXISTING} is not unique`, 'the existing contact\'s error message');
	check(out[1]!.json.action === undefined && out[1]!.json.contact_id === undefined, `the failed item carries no contact: ${JSON.stringify(out[1]!.json)}`);

	for (const i of [0, 2]) {
		const item = CONFLICT_ITEMS[i]!;
		const stored = contactsWithEmail(ctx, item.email);
		checkEqual(stored.length, 1, `contacts in the fake with ${item.email}`);
		checkEqual([stored[0]!.first_name, stored[0]!.last_name], [item.firstname, item.lastname], `${item.email}: names`);
		checkEqual(out[i]!.json.contact_id, stored[0]!.contact_id, `${item.email}: the output's contact_id`);
	}
	checkEqual(contactsWithEmail(ctx, EXISTING).length, 1, `contacts in the fake with ${EXISTING}`);
	checkEqual(snapshot(ctx.fake.state.contacts.get(existing.contact_id)!), before, 'the existing contact, untouched');
	const forExisting = requests.filter((r) => r.path.startsWith('/v3/contacts') && emailOf(ctx, r) === EXISTING);
	checkEqual(forExisting.map((r) => `${r.method} ${r.path} ${r.status}`), ['POST /v3/contacts 409'], 'requests for the existing contact');
	ctx.fake.assertNoContractViolations();
}

async function getIfNotFound(ctx: Ctx): Promise<void> {
	const known = ctx.fake.seed.contact({
		email_address: { address: GET_KNOWN, permission_to_send: 'implicit' },
		first_name: 'Gina',
		last_name: 'Get',
		list_memberships: [ctx.lists.customers.list_id],
		created_at: LONG_AGO,
	});
	const lookups = (requests: RequestLogEntry[]): string[] =>
		requests.filter((r) => r.path.startsWith('/v3/')).map((r) => `${r.method} ${r.path} email=${r.query.email} status=${r.query.status} ${r.status}`);
	const expectedLookups = [GET_KNOWN, GET_MISSING].map((email) => `GET /v3/contacts email=${email} status=all 200`);
	const checkKnown = (item: NodeRunItem, what: string): void => {
		checkEqual(pairedIndex(item), 0, `${what}: the contact's item is paired with input 0`);
		checkEqual(
			[item.json.contact_id, item.json.email, item.json.first_name, item.json.last_name, item.json.list_ids],
			[known.contact_id, GET_KNOWN, 'Gina', 'Get', [ctx.lists.customers.list_id]],
			`${what}: the contact (simplified) [contact_id, email, first, last, list_ids]`,
		);
	};

	const empty = await execute(ctx, GET_EMPTY_ID);
	log(`  Return Nothing: ${summarize(empty.requests)}`);
	checkEqual(lookups(empty.requests).sort(), expectedLookups.sort(), 'Return Nothing: the lookups (every state)');
	const nothing = nodeOutput(empty.run, CC_NODE);
	checkEqual(nothing.length, 1, 'Return Nothing: output items (none for the missing address)');
	checkKnown(nothing[0]!, 'Return Nothing');
	check(nothing[0]!.json.error === undefined, 'Return Nothing: the contact carries no error');

	const failing = await execute(ctx, GET_ERROR_ID);
	log(`  Error + Continue On Fail: ${summarize(failing.requests)}`);
	checkEqual(lookups(failing.requests).sort(), expectedLookups.sort(), 'Error: the lookups (every state)');
	const out = nodeOutput(failing.run, CC_NODE);
	checkEqual(out.length, 2, 'Error + Continue On Fail: output items');
	checkKnown(out[0]!, 'Error + Continue On Fail');
	checkEqual(pairedIndex(out[1]!), 1, 'Error + Continue On Fail: the error item is paired with input 1');
	checkEqual(out[1]!.json.error, `No contact with the email address ${GET_MISSING} exists in Constant Contact`, 'the missing address\'s error message');
	check(!contactByEmail(ctx.fake, GET_MISSING), `${GET_MISSING} appeared in the account`);
	ctx.fake.assertNoContractViolations();
}

export async function coreFaults(ctx: Ctx): Promise<void> {
	log('  1: Create or Update (sign-up path): 429 throttled, a lost 503 answer, a 500 on the read-back');
	await signUpWithFaults(ctx);
	log('  2: Create or Update (account sync): 429 on the lookup, a lost 500 answer on POST, a 503 on PUT');
	await accountSyncWithFaults(ctx);
	log('  3: Create (If Contact Exists: Error) for an active existing contact, Continue On Fail');
	await conflictOnExisting(ctx);
	log('  4: Get by email, If Not Found: Return Nothing, then Error with Continue On Fail');
	await getIfNotFound(ctx);
}
