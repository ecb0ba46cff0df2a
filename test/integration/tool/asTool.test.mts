// The node as an AI Agent's tool, through n8n-core (test/helpers/agent.mts): by default the agent
// reads simplified contacts, whichever way n8n calls the tool.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IDataObject } from 'n8n-workflow';
import { createRequire } from 'node:module';

import { ConstantContact } from '../../../nodes/ConstantContact/ConstantContact.node.ts';
import { asTool, runAsTool } from '../../helpers/agent.mts';
import type { Account } from '../actions/contact/setup.mts';
import { seedCampaign } from '../actions/campaign/setup.mts';
import { apiRequests, mapped, startAccount } from '../actions/contact/setup.mts';

const { NodeHelpers } = createRequire(import.meta.url)('n8n-workflow') as typeof import('n8n-workflow');

let account: Account;

beforeEach(async () => {
	account = await startAccount();
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

const TOOL_TYPE = 'CUSTOM.constantContactTool';
const tool = asTool(new ConstantContact());
const SIMPLE_KEYS = ['contact_id', 'email', 'first_name', 'last_name', 'permission_to_send', 'opt_out_date', 'list_ids', 'tag_ids', 'updated_at', 'deleted_at'];

/** Get a contact by the email the model gives: the parameters a user sets on the tool, nothing else. */
const getByEmail = {
	resource: 'contact',
	operation: 'get',
	contact: { __rl: true, mode: 'email', value: "={{ $fromAI('email', 'The email address of the contact to look up', 'string') }}" },
};

function seedAda() {
	const list = account.fake.seed.list({ name: 'News' });
	return account.fake.seed.contact({
		email_address: { address: 'ada@example.com', permission_to_send: 'explicit' },
		first_name: 'Ada',
		last_name: 'Lovelace',
		job_title: 'Analyst',
		company_name: 'Engines Ltd',
		list_memberships: [list.list_id],
		phone_numbers: [{ phone_number: '555-0100', kind: 'mobile' }],
		street_addresses: [{ kind: 'home', street: '1 Main St', city: 'London' }],
		notes: [{ content: 'met at the fair' }],
		custom_fields: [],
	});
}

describe('the node as an AI tool', () => {
	it('the tool type keeps the parameters, and a new tool node is simplified by default', () => {
		expect(tool.description).toMatchObject({ name: 'constantContactTool', inputs: [], outputs: ['ai_tool'] });
		const defaults = (operation: string) =>
			NodeHelpers.getNodeParameters(tool.description.properties, { resource: 'contact', operation }, true, false, null, tool.description) as IDataObject;
		expect(defaults('get')).toMatchObject({ output: 'simple' });
		expect(defaults('getAll')).toMatchObject({ output: 'simple' });
		for (const operation of ['create', 'upsert', 'update', 'addToLists', 'removeTags']) expect(defaults(operation), operation).toMatchObject({ simple: true });
		const defaultsOf = (resource: string, operation: string) =>
			NodeHelpers.getNodeParameters(tool.description.properties, { resource, operation }, true, false, null, tool.description) as IDataObject;
		for (const [resource, operation] of [['campaign', 'get'], ['report', 'getCampaignSummaries'], ['report', 'getCampaignStats'], ['report', 'getTracking'], ['event', 'getAll'], ['event', 'getRegistrations']]) {
			expect(defaultsOf(resource, operation), `${resource} ${operation}`).toMatchObject({ output: 'simple' });
		}
		for (const operation of ['create', 'update']) expect(defaultsOf('campaign', operation), `campaign ${operation}`).toMatchObject({ simple: true });
	});

	for (const via of ['langchain', 'engine'] as const) {
		it(`${via}: Get returns the simplified contact to the agent by default, the raw one only when asked`, async () => {
			const ada = seedAda();
			const { call, toolRunData } = await runAsTool(account.harness, { nodeType: tool, typeName: TOOL_TYPE, parameters: getByEmail, args: { email: 'ada@example.com' }, via });
			expect(call.toolName).toBe('Constant_Contact');
			expect(call.toolDescription).toBe('Get a contact in Constant Contact');
			expect(call.argumentKeys).toEqual(['email']);
			expect(call.observation).toEqual([
				{
					contact_id: ada.contact_id,
					email: 'ada@example.com',
					first_name: 'Ada',
					last_name: 'Lovelace',
					permission_to_send: 'explicit',
					opt_out_date: null,
					list_ids: [expect.any(String)],
					tag_ids: [],
					updated_at: expect.any(String),
					deleted_at: null,
				},
			]);
			expect(toolRunData?.error).toBeUndefined();
			if (via === 'engine') {
				// Run by WorkflowExecute as its own node run: the model's arguments are its ai_tool input, its output the contact.
				expect(toolRunData?.inputOverride?.ai_tool?.[0]?.[0]?.json).toEqual({ email: 'ada@example.com' });
				expect(toolRunData?.data?.ai_tool?.[0]?.map((i) => i.json)).toEqual(call.observation);
			} else {
				// Run inside the agent's step (SupplyDataContext): n8n records what the tool answered as `response`.
				expect(toolRunData?.data?.ai_tool?.[0]?.[0]?.json).toEqual({ response: call.observation });
			}
			// The model's argument reached Constant Contact, and only the subresources the simple form reads were asked for.
			expect(apiRequests(account.fake).at(-1)!.query).toMatchObject({ email: 'ada@example.com', include: 'list_memberships,taggings' });

			const raw = await runAsTool(account.harness, { nodeType: tool, typeName: TOOL_TYPE, parameters: { ...getByEmail, output: 'raw' }, args: { email: 'ada@example.com' }, via });
			const [contact] = raw.call.observation as IDataObject[];
			expect(contact).toMatchObject({ job_title: 'Analyst', street_addresses: [expect.objectContaining({ city: 'London' })], notes: [expect.anything()] });
			// What the agent's context window is spared.
			expect(JSON.stringify(call.observation).length * 2).toBeLessThan(JSON.stringify(raw.call.observation).length);
		});
	}

	it('Selected Fields: the agent gets the contact ID and the fields the user chose', async () => {
		const ada = seedAda();
		const { call } = await runAsTool(account.harness, {
			nodeType: tool,
			typeName: TOOL_TYPE,
			parameters: { ...getByEmail, output: 'fields', fields: ['first_name', 'phone_numbers'] },
			args: { email: 'ada@example.com' },
			via: 'engine',
		});
		expect(call.observation).toEqual([{ contact_id: ada.contact_id, first_name: 'Ada', phone_numbers: [expect.objectContaining({ phone_number: '555-0100' })] }]);
	});

	it('a write as a tool: Create or Update from the arguments the model gives, answered with the simplified contact and the action', async () => {
		const { call } = await runAsTool(account.harness, {
			nodeType: tool,
			typeName: TOOL_TYPE,
			parameters: {
				resource: 'contact',
				operation: 'upsert',
				contactFields: mapped({
					email_address: "={{ $fromAI('email', 'The email address', 'string') }}",
					first_name: "={{ $fromAI('first_name', 'The first name', 'string') }}",
				}),
			},
			args: { email: 'grace@example.com', first_name: 'Grace' },
			via: 'langchain',
		});
		expect(call.argumentKeys).toEqual(['email', 'first_name']);
		expect(call.toolDescription).toBe('Create or update a contact in Constant Contact');
		expect(call.observation).toEqual([expect.objectContaining({ email: 'grace@example.com', first_name: 'Grace', permission_to_send: 'implicit', action: 'created' })]);
		expect(Object.keys((call.observation as IDataObject[])[0])).toEqual([...SIMPLE_KEYS, 'action']);
	});

	it("a campaign report as a tool: the agent names the campaign and gets its simplified stats", async () => {
		const list = account.fake.seed.list({ name: 'News' });
		account.fake.seed.contact({ email_address: { address: 'reader@example.com' }, list_memberships: [list.list_id] });
		const campaign = seedCampaign(account.fake, 'Tool report', { contact_list_ids: [list.list_id] });
		campaign.activity.current_status = 'SCHEDULED';
		account.fake.campaigns.send(campaign.campaignId);
		const { call } = await runAsTool(account.harness, {
			nodeType: tool,
			typeName: TOOL_TYPE,
			parameters: {
				resource: 'report',
				operation: 'getCampaignStats',
				campaignIds: "={{ $fromAI('campaign_id', 'The ID of the email campaign', 'string') }}",
			},
			args: { campaign_id: campaign.campaignId },
			via: 'engine',
		});
		expect(call.toolDescription).toBe('Get a campaign stats report in Constant Contact');
		expect(call.observation).toEqual([
			{ campaign_id: campaign.campaignId, sends: 1, opens: 0, clicks: 0, bounces: 0, optouts: 0, not_opened: 1, open_rate: expect.any(Number), click_rate: expect.any(Number), last_refresh_time: expect.any(String) },
		]);
	});
});
