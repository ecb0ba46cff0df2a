/**
 * The access token goes to Constant Contact's API origin only (RFC 9700). The node always addresses
 * https://api.cc.email, which the harness routes to the fake; a second loopback server plays the
 * attacker and answers for every hostile origin, so a request that leaked would land there. Each
 * test asserts it received nothing and that every request n8n signed went to the API origin.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ConstantContact } from '../../../nodes/ConstantContact/ConstantContact.node.ts';
import { constantContactRequestAllItems } from '../../../nodes/ConstantContact/transport/paginate.ts';
import type { FakeConstantContact } from '../../fake-constant-contact/server.mts';
import { startFakeConstantContact } from '../../fake-constant-contact/server.mts';
import { API_ORIGIN, clearOutbound, outbound, routeOrigin, unrouteOrigin } from '../../helpers/hosts.mts';
import type { Harness } from '../../helpers/n8n.mts';
import { connectedCredential, createHarness, runNode } from '../../helpers/n8n.mts';
import { ProbeNode } from '../../helpers/probeNode.mts';

interface Received {
	method: string;
	url: string;
	authorization?: string;
}

/** The attacker: a loopback server that records whatever reaches it. */
async function startAttacker() {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		received.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ lists: [], contacts: [], _links: {} }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** Origins a hostile link or a tampered credential could name; all are routed to the attacker. */
const HOSTILE_ORIGINS = [
	'https://evil.example',
	'http://evil.example',
	'http://api.cc.email',
	'https://api.cc.email.evil.example',
	'https://api.cc.email:8443',
	new URL('https://api.cc.emaіl').origin, // IDN look-alike (Cyrillic і)
	'https://evil',
];

let fake: FakeConstantContact;
let attacker: Awaited<ReturnType<typeof startAttacker>>;
let harness: Harness;
let token: string;

beforeAll(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false });
	attacker = await startAttacker();
	for (const origin of HOSTILE_ORIGINS) routeOrigin(origin, attacker.url);
});

afterAll(async () => {
	for (const origin of HOSTILE_ORIGINS) unrouteOrigin(origin);
	await attacker.close();
	await fake.close();
});

beforeEach(async () => {
	fake.reset();
	attacker.received.length = 0;
	const tokens = await fake.issueTokens();
	token = tokens.access_token;
	harness = createHarness(connectedCredential(fake, tokens as unknown as IDataObject));
	clearOutbound();
});

afterEach(() => {
	fake.assertNoContractViolations();
});

/** Nothing reached the attacker, and every request n8n signed went to the API origin. */
function expectTokenStayedHome() {
	expect(attacker.received).toEqual([]);
	const signed = outbound.filter((r) => r.authorization);
	expect(signed.length).toBeGreaterThan(0);
	for (const r of signed) expect(r.origin).toBe(API_ORIGIN);
	expect(outbound.filter((r) => r.origin !== API_ORIGIN)).toEqual([]);
}

async function paginate(path = '/contact_lists') {
	ProbeNode.plan = async (ctx) => await constantContactRequestAllItems.call(ctx, 'lists', path, {}, { pageSize: 500 });
	return await runNode(harness, { nodeType: new ProbeNode(), typeName: 'CUSTOM.transportProbe', parameters: {} });
}

const page = (href: unknown, lists: IDataObject[] = [{ list_id: 'a', name: 'A' }]) => ({ lists, _links: { next: { href } } });

describe('a hostile next-page link', () => {
	const links = [
		'https://evil.example/v3/contact_lists?cursor=x',
		'http://evil.example/v3/contact_lists?cursor=x',
		'http://api.cc.email/v3/contact_lists?cursor=x',
		'https://api.cc.email.evil.example/v3/contact_lists?cursor=x',
		'https://api.cc.email@evil.example/v3/contact_lists?cursor=x',
		'https://api.cc.email:8443/v3/contact_lists?cursor=x',
		'https://api.cc.emaіl/v3/contact_lists?cursor=x',
		'//evil.example/v3/contact_lists?cursor=x',
		'/\\evil.example/v3/contact_lists?cursor=x',
		'\\\\evil.example\\v3\\contact_lists',
		'https:evil.example/v3/contact_lists',
		'/\t/evil.example/v3/contact_lists',
		'/v3/../../evil.example/v3/contact_lists',
		'/%2F%2Fevil.example/v3/contact_lists',
		'https://evil/v3/contact_lists',
	];
	for (const href of links) {
		it(`ends the run and sends nothing there: ${JSON.stringify(href)}`, async () => {
			fake.seed.list({ name: 'Real' });
			fake.injectFault({ method: 'GET', path: '/v3/contact_lists', status: 200, body: page(href), times: 1 });
			const run = await paginate();
			expect(run.error?.message).toMatch(/next-page link leaves the API/);
			expect(run.error?.description).toMatch(/only to https:\/\/api\.cc\.email\/v3; nothing was sent to that link/);
			expect(JSON.stringify(run.error)).not.toContain(token);
			expect(fake.requests.filter((r) => r.path.startsWith('/v3/'))).toHaveLength(1);
			expectTokenStayedHome();
		});
	}

	it('that loops back to itself ends the run after the second page', async () => {
		fake.injectFault({ method: 'GET', path: '/v3/contact_lists', status: 200, body: page('/v3/contact_lists?cursor=same'), times: 100 });
		const run = await paginate();
		expect(run.error?.message).toMatch(/next-page link "\/v3\/contact_lists\?cursor=same" was already followed/);
		expect(run.error?.description).toMatch(/loop back on themselves; the node stopped after 2 pages/);
		expect(fake.requests).toHaveLength(2);
		expectTokenStayedHome();
	});

	it('that cycles through two cursors ends the run when the first comes round again', async () => {
		for (const cursor of ['a', 'b', 'a', 'b']) {
			fake.injectFault({ method: 'GET', path: '/v3/contact_lists', status: 200, body: page(`/v3/contact_lists?cursor=${cursor}`), times: 1 });
		}
		const run = await paginate();
		expect(run.error?.message).toMatch(/already followed/);
		expect(fake.requests).toHaveLength(3);
		expectTokenStayedHome();
	});

	it('that never repeats still ends the run at the page bound (the daily quota; 3 here)', async () => {
		for (let i = 0; i < 10; i++) {
			fake.injectFault({ method: 'GET', path: '/v3/contact_lists', status: 200, body: page(`/v3/contact_lists?cursor=c${i}`), times: 1 });
		}
		ProbeNode.plan = async (ctx) => await constantContactRequestAllItems.call(ctx, 'lists', '/contact_lists', {}, { pageSize: 500, maxPages: 3 });
		const run = await runNode(harness, { nodeType: new ProbeNode(), typeName: 'CUSTOM.transportProbe', parameters: {} });
		expect(run.error?.message).toMatch(/more than 3 pages/);
		expect(fake.requests).toHaveLength(3);
	});

	it('that points back to the first page (no cursor) ends the run too', async () => {
		fake.injectFault({ method: 'GET', path: '/v3/contact_lists', status: 200, body: page('/v3/contact_lists'), times: 100 });
		const run = await paginate();
		expect(run.error?.message).toMatch(/already followed/);
		expect(fake.requests.length).toBeLessThanOrEqual(3);
	});
});

describe('a redirect answered in place of the API', () => {
	// n8n follows redirects and, from 2.x, sends the credential across origins by default: the node
	// follows none, so the token and the request stay on the API origin whatever the 3xx says.
	const cases: Array<{ status: number; location: string; named: string; via: string }> = [
		{ status: 302, location: 'https://evil.example/v3/contact_lists', named: 'https://evil.example', via: 'List → Get Many' },
		{ status: 301, location: 'http://api.cc.email/v3/contact_lists', named: 'http://api.cc.email', via: 'List → Get Many' },
		{ status: 307, location: 'https://api.cc.email.evil.example/v3/contacts', named: 'https://api.cc.email.evil.example', via: 'Contact → Get Many' },
		{ status: 308, location: '//evil.example/v3/contacts', named: 'https://evil.example', via: 'Contact → Get Many' },
		{ status: 303, location: '/v3/contacts?limit=1', named: 'https://api.cc.email', via: 'Contact → Get Many' },
	];
	for (const c of cases) {
		it(`${c.status} to ${c.location} (${c.via}) ends the item with the redirect's origin; nothing goes there`, async () => {
			fake.seed.list({ name: 'Real' });
			const path = c.via.startsWith('List') ? '/v3/contact_lists' : '/v3/contacts';
			fake.injectFault({ method: 'GET', path, status: c.status, headers: { location: c.location }, times: 1 });
			const parameters = c.via.startsWith('List')
				? { resource: 'list', operation: 'getAll', returnAll: true }
				: { resource: 'contact', operation: 'getAll', returnAll: false, limit: 5 };
			const run = await runNode(harness, { nodeType: new ConstantContact(), parameters: parameters as INodeParameters });
			expect(run.error?.message).toBe(`Constant Contact's API answered with a redirect (${c.status}) to ${c.named}, which the node does not follow`);
			expect(run.error?.description).toMatch(/sends the access token only to https:\/\/api\.cc\.email and follows no redirect, so nothing was sent there/);
			expect(run.output).toEqual([]);
			expect(JSON.stringify(run.error)).not.toContain(token);
			// Not retried: one request, to the API.
			expect(fake.requests.filter((r) => r.path.startsWith('/v3/'))).toHaveLength(1);
			expectTokenStayedHome();
		});
	}

	it('is not followed on the request that goes through n8n\'s token refresh either', async () => {
		const expired = await fake.issueTokens({ accessTokenLifetimeSeconds: 1 });
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		const refreshing = createHarness(connectedCredential(fake, expired as unknown as IDataObject));
		// The expired token's 401 (as the fake answers it), then the redirect for the retry with the new token.
		fake.injectFault({ method: 'GET', path: '/v3/contact_lists', status: 401, times: 1 });
		fake.injectFault({ method: 'GET', path: '/v3/contact_lists', status: 302, headers: { location: 'https://evil.example/v3/contact_lists' }, times: 1 });
		const run = await runNode(refreshing, { nodeType: new ConstantContact(), parameters: { resource: 'list', operation: 'getAll', returnAll: true } as INodeParameters });
		expect(run.error?.message).toMatch(/redirect \(302\) to https:\/\/evil\.example,/);
		// n8n refreshed the token first (the 401), then met the redirect with the new one.
		expect(fake.tokenRequests.filter((t) => t.grantType === 'refresh_token')).toHaveLength(1);
		expectTokenStayedHome();
	});
});

describe('a credential that names another API address', () => {
	const stored: IDataObject[] = [
		{ apiBaseUrl: 'http://evil.example/v3' },
		{ apiBaseUrl: 'https://api.cc.email.evil.example/v3' },
		{ apiBaseUrl: 'https://api.cc.email@evil.example/v3' },
		{ apiBaseUrl: 'http://api.cc.email/v3' },
		{ apiBaseUrl: 'https://evil/v3', baseUrl: 'https://evil', url: 'https://evil', host: 'evil' },
	];
	for (const extra of stored) {
		it(`is ignored: the node still calls only https://api.cc.email (${JSON.stringify(extra)})`, async () => {
			const tokens = await fake.issueTokens();
			const tampered = createHarness({ ...connectedCredential(fake, tokens as unknown as IDataObject), ...(extra as Record<string, string>) });
			fake.seed.list({ name: 'Newsletter' });
			const run = await runNode(tampered, {
				nodeType: new ConstantContact(),
				parameters: { resource: 'list', operation: 'getAll', returnAll: true } as INodeParameters,
			});
			expect(run.error).toBeUndefined();
			expect(run.output.map((o) => o.json.name)).toEqual(['Newsletter']);
			expectTokenStayedHome();
		});
	}
});

/** IDs as a hostile input (or an AI agent) might give them. */
const HOSTILE_IDS = [
	'../contact_lists',
	'../../v3/contact_lists',
	'%2F..%2Fcontact_lists',
	'a/b',
	'x?limit=1',
	'x&status=all',
	'x#fragment',
	'https://evil.example/v3/contacts',
	'//evil.example',
	'\\\\evil.example',
	'%00',
	' spaced ',
	'ünïcödé',
];

/** The path segment an ID must become: the ID itself, percent-encoded, and nothing more. */
const segment = (id: string) => encodeURIComponent(id.trim());

describe('IDs shaped like paths and URLs stay one path segment on the intended endpoint', () => {
	const items = HOSTILE_IDS.map((id) => ({ id }));
	const byId = { __rl: true, mode: 'id', value: '={{ $json.id }}' };

	async function runEach(parameters: IDataObject) {
		const run = await runNode(harness, {
			nodeType: new ConstantContact(),
			parameters: parameters as INodeParameters,
			items,
			continueOnFail: true,
		});
		expect(run.error).toBeUndefined();
		expect(run.output).toHaveLength(items.length);
		return run;
	}

	/** Every request the fake saw was `prefix` + one encoded ID, for exactly the IDs given. */
	function expectPaths(method: string, prefix: string) {
		const seen = fake.requests.filter((r) => r.method === method).map((r) => r.path);
		expect(seen.sort()).toEqual(HOSTILE_IDS.map((id) => `${prefix}${segment(id)}`).sort());
		expectTokenStayedHome();
	}

	it('Contact → Get', async () => {
		await runEach({ resource: 'contact', operation: 'get', contact: byId });
		expectPaths('GET', '/v3/contacts/');
	});

	it('Contact → Update', async () => {
		await runEach({ resource: 'contact', operation: 'update', contact: byId, updateFields: { mappingMode: 'defineBelow', value: { first_name: 'X' } } });
		expectPaths('GET', '/v3/contacts/');
		expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});

	it('Contact → Delete (per contact)', async () => {
		await runEach({ resource: 'contact', operation: 'delete', contact: byId, deleteOptions: { processing: 'perContact' } });
		expectPaths('DELETE', '/v3/contacts/');
	});

	it('Contact → Add to Lists (per contact)', async () => {
		const list = fake.seed.list({ name: 'L' });
		await runEach({
			resource: 'contact',
			operation: 'addToLists',
			contact: byId,
			membershipLists: { list: [{ list: { __rl: true, mode: 'id', value: list.list_id } }] },
			membershipOptions: { processing: 'perContact' },
		});
		expectPaths('GET', '/v3/contacts/');
	});

	it('Contact → Resubscribe', async () => {
		const list = fake.seed.list({ name: 'L' });
		await runEach({
			resource: 'contact',
			operation: 'resubscribe',
			contact: byId,
			resubscribeLists: { list: [{ list: { __rl: true, mode: 'id', value: list.list_id } }] },
		});
		expectPaths('GET', '/v3/contacts/');
	});

	/** Where the contract takes only a UUID, a hostile ID is refused per item, naming the field, and nothing is sent. */
	function expectRefusedBeforeSending(run: Awaited<ReturnType<typeof runEach>>, field: string) {
		expect(run.output.map((o) => String(o.json.error))).toEqual(HOSTILE_IDS.map(() => expect.stringMatching(new RegExp(`^${field}: .* is not a ${field.toLowerCase()} ID`))));
		expect(fake.requests.filter((r) => r.path.startsWith('/v3/'))).toEqual([]);
		expect(attacker.received).toEqual([]);
	}

	it('Contact → Delete (bulk): a contact ID is a UUID in the contract, so a hostile one is refused before sending', async () => {
		const run = await runEach({ resource: 'contact', operation: 'delete', contact: byId });
		expectRefusedBeforeSending(run, 'Contact');
	});

	it('List → Get, Update, Delete: a list ID is a UUID in the contract, so a hostile one is refused before sending', async () => {
		for (const operation of ['get', 'update', 'delete']) {
			fake.reset();
			clearOutbound();
			const run = await runEach({ resource: 'list', operation, list: byId, listUpdateFields: { name: 'New name' } });
			expectRefusedBeforeSending(run, 'List');
		}
	});

	it('Tag → Delete: a tag ID is a UUID in the contract, so a hostile one is refused before sending', async () => {
		const run = await runEach({ resource: 'tag', operation: 'delete', tag: byId });
		expectRefusedBeforeSending(run, 'Tag');
	});

	it('"." and ".." are refused before any request: they would name the parent path', async () => {
		const run = await runNode(harness, {
			nodeType: new ConstantContact(),
			parameters: { resource: 'contact', operation: 'delete', contact: byId, deleteOptions: { processing: 'perContact' } } as INodeParameters,
			items: [{ id: '..' }, { id: '.' }],
			continueOnFail: true,
		});
		expect(run.output.map((o) => String(o.json.error))).toEqual([
			expect.stringMatching(/Refused to send a request outside Constant Contact's API/),
			expect.stringMatching(/Refused to send a request outside Constant Contact's API/),
		]);
		expect(fake.requests).toHaveLength(0);
	});
});

describe('IDs that come back in responses stay one path segment too', () => {
	it("a contact's ID from GET goes into the PUT path encoded (Update)", async () => {
		const c = fake.seed.contact({ email_address: { address: 'id@example.com', permission_to_send: 'implicit' } });
		const hostileId = '../contact_lists';
		fake.injectFault({
			method: 'GET',
			path: `/v3/contacts/${c.contact_id}`,
			status: 200,
			body: { contact_id: hostileId, email_address: { address: 'id@example.com', permission_to_send: 'implicit' } },
			times: 1,
		});
		const run = await runNode(harness, {
			nodeType: new ConstantContact(),
			parameters: {
				resource: 'contact',
				operation: 'update',
				contact: { __rl: true, mode: 'id', value: c.contact_id },
				updateFields: { mappingMode: 'defineBelow', value: { first_name: 'New' } },
			} as INodeParameters,
			continueOnFail: true,
		});
		expect(run.output).toHaveLength(1);
		expect(fake.requests.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual([`/v3/contacts/${segment(hostileId)}`]);
		expectTokenStayedHome();
	});

	it("an import's activity ID goes into GET /activities/{id} encoded", async () => {
		const list = fake.seed.list({ name: 'L' });
		const hostileId = '../contacts?status=all';
		fake.injectFault({
			method: 'POST',
			path: '/v3/activities/contacts_json_import',
			status: 201,
			body: { activity_id: hostileId, state: 'initialized' },
			times: 1,
		});
		fake.injectFault({
			method: 'GET',
			path: /^\/v3\/activities\//,
			status: 200,
			body: { activity_id: hostileId, state: 'completed', percent_done: 100 },
			times: 1,
		});
		const run = await runNode(harness, {
			nodeType: new ConstantContact(),
			parameters: {
				resource: 'contact',
				operation: 'import',
				contactFields: { mappingMode: 'autoMapInputData', value: null },
				importListMemberships: { list: [{ list: { __rl: true, mode: 'id', value: list.list_id } }] },
			} as INodeParameters,
			items: [{ email: 'imp@example.com' }],
		});
		expect(run.error).toBeUndefined();
		expect(fake.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([`/v3/activities/${segment(hostileId)}`]);
		expectTokenStayedHome();
	});
});
