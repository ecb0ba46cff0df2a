/**
 * Responses are input too. The fake answers each case with a malformed or hostile body (wrong types,
 * missing fields, huge lists, links that loop); every operation that reads the answer must end the
 * item with a clear error that says the answer cannot be used, never a TypeError, a crash, a loop or
 * a request built from garbage.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ConstantContact } from '../../../nodes/ConstantContact/ConstantContact.node.ts';
import { ConstantContactTrigger } from '../../../nodes/ConstantContact/ConstantContactTrigger.node.ts';
import { MAX_ITEMS_PER_PAGE } from '../../../nodes/ConstantContact/transport/paginate.ts';
import type { FakeConstantContact, FaultSpec } from '../../fake-constant-contact/server.mts';
import { startFakeConstantContact } from '../../fake-constant-contact/server.mts';
import type { Harness } from '../../helpers/n8n.mts';
import { connectedCredential, createHarness, runNode } from '../../helpers/n8n.mts';
import { createPoller } from '../../helpers/poll.mts';

let fake: FakeConstantContact;
let harness: Harness;

beforeAll(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false, importStepMs: 10 });
});
afterAll(async () => await fake.close());
beforeEach(async () => {
	fake.reset();
	harness = createHarness(connectedCredential(fake, (await fake.issueTokens()) as unknown as IDataObject));
});

const UUID = '0b4d7f4e-0000-4000-8000-00000000000a';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const mapped = (value: IDataObject) => ({ mappingMode: 'defineBelow', value });
const huge = Array.from({ length: MAX_ITEMS_PER_PAGE + 1 }, (_, i) => ({ list_id: `l${i}`, name: `L${i}` }));
const contact = (extra: IDataObject = {}) => ({
	contact_id: UUID,
	email_address: { address: 'stored@example.com', permission_to_send: 'implicit' },
	...extra,
});

interface Case {
	name: string;
	parameters: IDataObject;
	items?: IDataObject[];
	faults: FaultSpec[];
	error: RegExp;
}

const get = (path: string | RegExp, body: unknown, status = 200): FaultSpec => ({ method: 'GET', path, status, body, times: 5 });
const post = (path: string, body: unknown, status = 201): FaultSpec => ({ method: 'POST', path, status, body, times: 5 });

const cases: Case[] = [
	// The paginator, through Get Many of each resource.
	{ name: 'Get Many lists: the page is a list', parameters: { resource: 'list', operation: 'getAll', returnAll: true }, faults: [get('/v3/contact_lists', [1, 2])], error: /the page is a list, not an object/ },
	{ name: 'Get Many lists: the page is a boolean', parameters: { resource: 'list', operation: 'getAll', returnAll: true }, faults: [get('/v3/contact_lists', false)], error: /the page is a boolean, not an object/ },
	{ name: 'Get Many lists: "lists" is a string', parameters: { resource: 'list', operation: 'getAll', returnAll: true }, faults: [get('/v3/contact_lists', { lists: 'x' })], error: /"lists" is a string, not a list/ },
	{ name: 'Get Many lists: an entry is a number', parameters: { resource: 'list', operation: 'getAll', returnAll: true }, faults: [get('/v3/contact_lists', { lists: [{ list_id: 'a' }, 7] })], error: /"lists\[1\]" is a number, not an object/ },
	{ name: 'Get Many lists: a huge page', parameters: { resource: 'list', operation: 'getAll', returnAll: true }, faults: [get('/v3/contact_lists', { lists: huge })], error: /one page holds 1001 entries/ },
	{ name: 'Get Many lists: the next link is a number', parameters: { resource: 'list', operation: 'getAll', returnAll: true }, faults: [get('/v3/contact_lists', { lists: [], _links: { next: { href: 5 } } })], error: /next-page link is a number, not a path/ },
	{ name: 'Get Many tags: "tags" is an object', parameters: { resource: 'tag', operation: 'getAll', returnAll: true }, faults: [get('/v3/contact_tags', { tags: { a: 1 } })], error: /"tags" is an object, not a list/ },
	{ name: 'Get Many custom fields: an entry is null', parameters: { resource: 'customField', operation: 'getAll', returnAll: true }, faults: [get('/v3/contact_custom_fields', { custom_fields: [null] })], error: /"custom_fields\[0\]" is null, not an object/ },
	{ name: 'Get Many contacts: looping next link', parameters: { resource: 'contact', operation: 'getAll', returnAll: true }, faults: [get('/v3/contacts', { contacts: [contact()], _links: { next: { href: '/v3/contacts?cursor=again' } } })], error: /already followed/ },
	// Contacts: lookups and the stored contact that Update, Create or Update and memberships merge into a PUT.
	{ name: 'Get by ID: the contact is a string', parameters: { resource: 'contact', operation: 'get', contact: byId(UUID) }, faults: [get(`/v3/contacts/${UUID}`, 'contact')], error: /the contact is not an object/ },
	{ name: 'Get by ID: no contact_id', parameters: { resource: 'contact', operation: 'get', contact: byId(UUID) }, faults: [get(`/v3/contacts/${UUID}`, { email_address: { address: 'a@example.com' } })], error: /"contact_id" is not an ID/ },
	{ name: 'Get by email: "contacts" is a number', parameters: { resource: 'contact', operation: 'get', contact: { __rl: true, mode: 'email', value: 'a@example.com' } }, faults: [get('/v3/contacts', { contacts: 3 })], error: /"contacts" is a number, not a list/ },
	{ name: 'Get by email: an address that is a number is no match, and the match is checked', parameters: { resource: 'contact', operation: 'get', contact: { __rl: true, mode: 'email', value: 'a@example.com' } }, faults: [get('/v3/contacts', { contacts: [{ email_address: { address: 42 } }, null, { contact_id: UUID, email_address: { address: 'a@example.com' }, first_name: ['x'] }] })], error: /"first_name" is not text/ },
	{ name: 'Update: stored custom_fields is a string', parameters: { resource: 'contact', operation: 'update', contact: byId(UUID), updateFields: mapped({ first_name: 'New' }) }, faults: [get(`/v3/contacts/${UUID}`, contact({ custom_fields: 'red' }))], error: /"custom_fields" is not a list/ },
	{ name: 'Update: stored phone number is an object', parameters: { resource: 'contact', operation: 'update', contact: byId(UUID), updateFields: mapped({ first_name: 'New' }) }, faults: [get(`/v3/contacts/${UUID}`, contact({ phone_numbers: [{ phone_number: { n: 1 } }] }))], error: /"phone_numbers\[0\]" is not a phone number/ },
	{ name: 'Update: stored birthday month is text', parameters: { resource: 'contact', operation: 'update', contact: byId(UUID), updateFields: mapped({ first_name: 'New' }) }, faults: [get(`/v3/contacts/${UUID}`, contact({ birthday_month: 'May', birthday_day: 2 }))], error: /"birthday_month" is not a whole number/ },
	{ name: 'Update: the PUT answers a number', parameters: { resource: 'contact', operation: 'update', contact: byId(UUID), updateFields: mapped({ first_name: 'New' }) }, faults: [get(`/v3/contacts/${UUID}`, contact()), { method: 'PUT', path: `/v3/contacts/${UUID}`, status: 200, body: 7, times: 1 }], error: /PUT \/contacts\/\{contact_id\} cannot be used: it is a number, not an object/ },
	{ name: 'Create or Update: stored lists are numbers', parameters: { resource: 'contact', operation: 'upsert', contactFields: mapped({ email_address: 'stored@example.com', first_name: 'X' }) }, faults: [get('/v3/contacts', { contacts: [contact({ list_memberships: [1, 2] })] })], error: /"list_memberships\[0\]" is not a list ID/ },
	{ name: 'Create or Update (sign-up form): no contact_id in the answer', parameters: { resource: 'contact', operation: 'upsert', consentPath: 'signUpForm', signUpFields: mapped({ email_address: 'new@example.com' }), signUpListMemberships: { list: [{ list: byId(UUID) }] } }, faults: [post('/v3/contacts/sign_up_form', { action: 'created' })], error: /"contact_id" is undefined|"contact_id" is a undefined|not an ID/ },
	{ name: 'Create: the answer is a string', parameters: { resource: 'contact', operation: 'create', contactFields: mapped({ email_address: 'new@example.com' }) }, faults: [post('/v3/contacts', 'created')], error: /POST \/contacts cannot be used: it is a string, not an object/ },
	{ name: 'Add Tags (per contact): stored taggings is an object', parameters: { resource: 'contact', operation: 'addTags', contact: byId(UUID), membershipTags: [UUID] }, faults: [get(`/v3/contacts/${UUID}`, contact({ taggings: { a: 1 } }))], error: /"taggings" is not a list/ },
	// Custom field definitions, read when a value names a custom field.
	{ name: 'Create with a custom field: a definition without label', parameters: { resource: 'contact', operation: 'create', contactFields: mapped({ email_address: 'cf@example.com', [`custom_field:${UUID}`]: 'x' }) }, faults: [get('/v3/contact_custom_fields', { custom_fields: [{ custom_field_id: UUID, type: 'string' }] })], error: /custom_fields\[0\] "label" is not text/ },
	{ name: 'Create with a custom field: choices is a string', parameters: { resource: 'contact', operation: 'create', contactFields: mapped({ email_address: 'cf@example.com', [`custom_field:${UUID}`]: 'x' }) }, faults: [get('/v3/contact_custom_fields', { custom_fields: [{ custom_field_id: UUID, label: 'L', type: 'single_select', choices: 'a,b' }] })], error: /"choices" is not a list/ },
	// Lists.
	{ name: 'List → Get: the answer is a list', parameters: { resource: 'list', operation: 'get', list: byId(UUID) }, faults: [get(`/v3/contact_lists/${UUID}`, [])], error: /it is a list, not an object/ },
	{ name: 'List → Update: the stored list has no name', parameters: { resource: 'list', operation: 'update', list: byId(UUID), listUpdateFields: { favorite: true } }, faults: [get(`/v3/contact_lists/${UUID}`, { list_id: UUID })], error: /"name" is undefined, not text|"name" is a undefined/ },
	// Activities.
	{ name: 'Import: the activity has no ID', parameters: { resource: 'contact', operation: 'import', contactFields: { mappingMode: 'autoMapInputData', value: null }, importListMemberships: { list: [{ list: byId(UUID) }] } }, items: [{ email: 'i@example.com' }], faults: [post('/v3/activities/contacts_json_import', { state: 'initialized' })], error: /"activity_id" is a undefined|"activity_id" is undefined|not an ID/ },
	{ name: 'Import: the activity state is missing', parameters: { resource: 'contact', operation: 'import', contactFields: { mappingMode: 'autoMapInputData', value: null }, importListMemberships: { list: [{ list: byId(UUID) }] } }, items: [{ email: 'i@example.com' }], faults: [post('/v3/activities/contacts_json_import', { activity_id: UUID, state: 'initialized' }), get(/^\/v3\/activities\//, { activity_id: UUID })], error: /"state" is a undefined, not text|"state" is undefined/ },
	{ name: 'Import: activity_errors is a string', parameters: { resource: 'contact', operation: 'import', contactFields: { mappingMode: 'autoMapInputData', value: null }, importListMemberships: { list: [{ list: byId(UUID) }] } }, items: [{ email: 'i@example.com' }], faults: [post('/v3/activities/contacts_json_import', { activity_id: UUID, state: 'initialized' }), get(/^\/v3\/activities\//, { activity_id: UUID, state: 'failed', activity_errors: 'boom' })], error: /"activity_errors" is a string, not a list/ },
	{ name: 'Add to Lists (bulk): the activity is a list', parameters: { resource: 'contact', operation: 'addToLists', contact: byId(UUID), membershipLists: { list: [{ list: byId(UUID) }] }, membershipOptions: { processing: 'bulk' } }, faults: [post('/v3/activities/add_list_memberships', [{ activity_id: UUID }])], error: /it is a list, not an activity/ },
];

describe('malformed or hostile answers end the item with a clear error', () => {
	for (const c of cases) {
		it(c.name, async () => {
			for (const f of c.faults) fake.injectFault(f);
			const run = await runNode(harness, {
				nodeType: new ConstantContact(),
				parameters: c.parameters as INodeParameters,
				items: c.items,
			});
			expect(run.error, 'the run must fail').toBeDefined();
			expect(run.error!.message).toMatch(/cannot be used/);
			expect(run.error!.message).toMatch(c.error);
			expect(run.error!.message).not.toMatch(/TypeError|Cannot read prop|is not a function|undefined \(reading/);
			expect(run.error!.message.length).toBeLessThan(400);
			// Nothing was written on the strength of a bad answer.
			expect(fake.requests.filter((r) => r.method === 'PUT' && r.status === 200 && r.fault === undefined)).toEqual([]);
		});
	}
});

describe("the trigger's poll", () => {
	const trigger = new ConstantContactTrigger();

	it('ends with a clear error when the page is not a page, and keeps its position', async () => {
		const poller = createPoller(harness, trigger, { event: 'contactCreated' });
		expect(await poller.poll()).toBeNull();
		const position = poller.staticData().position;
		fake.injectFault(get('/v3/contacts', { contacts: 'none' }));
		await expect(poller.poll()).rejects.toThrow(/"contacts" is a string, not a list/);
		expect(poller.staticData().position).toBe(position);
	});

	it('passes over contacts without a readable time, never moves its position into the future, and emits a contact whose ID is "constructor"', async () => {
		const poller = createPoller(harness, trigger, { event: 'contactCreated' });
		expect(await poller.poll()).toBeNull();
		const now = Date.now();
		fake.injectFault(
			get('/v3/contacts', {
				contacts: [
					{ contact_id: 'constructor', email_address: { address: 'c@example.com' }, created_at: new Date(now).toISOString() },
					{ contact_id: '__proto__', email_address: { address: 'p@example.com' }, created_at: new Date(now).toISOString() },
					{ contact_id: 'future', email_address: { address: 'f@example.com' }, created_at: '9999-12-31T00:00:00Z' },
					{ contact_id: 'no-time', created_at: 12 },
					{ contact_id: 'long-time', created_at: `2024-01-01T00:00:00Z${' '.repeat(1000)}` },
				],
			}),
		);
		const out = await poller.poll();
		expect((out?.[0] ?? []).map((i) => i.json.contact_id).sort()).toEqual(['__proto__', 'constructor', 'future']);
		expect(Date.parse(String(poller.staticData().position))).toBeLessThanOrEqual(Date.now());
		expect(Object.getPrototypeOf(poller.staticData().seen)).toBe(Object.prototype);
		expect(({} as IDataObject).polluted).toBeUndefined();
	});

	it('starts afresh when its stored position is not a date', async () => {
		const poller = createPoller(harness, trigger, { event: 'contactCreated' });
		expect(await poller.poll()).toBeNull();
		poller.staticData().position = 'not a date';
		expect(await poller.poll()).toBeNull();
		expect(Number.isNaN(Date.parse(String(poller.staticData().position)))).toBe(false);
	});
});
