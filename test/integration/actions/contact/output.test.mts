// Simplify (writes) and Output (Get, Get Many) through n8n-core, with n8n's parameter defaults: the
// other Contact tests ask for the raw output; these check what a user (or an AI agent) gets by default.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ConstantContact } from '../../../../nodes/ConstantContact/ConstantContact.node.ts';
import type { NodeRun } from '../../../helpers/n8n.mts';
import { runNode } from '../../../helpers/n8n.mts';
import type { Account } from './setup.mts';
import { apiRequests, json, lists, mapped, startAccount } from './setup.mts';

let account: Account;

beforeEach(async () => {
	account = await startAccount({ importStepMs: 20 });
});

afterEach(async () => {
	account.fake.assertNoContractViolations();
	await account.fake.close();
});

/** Runs the node with only the parameters given: n8n fills in every other parameter's default. */
async function runWithDefaults(parameters: Record<string, unknown>, items?: IDataObject[], continueOnFail = false): Promise<NodeRun> {
	return await runNode(account.harness, {
		nodeType: new ConstantContact(),
		parameters: { resource: 'contact', ...parameters } as INodeParameters,
		items,
		continueOnFail,
	});
}

const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });
const SIMPLE_KEYS = ['contact_id', 'email', 'first_name', 'last_name', 'permission_to_send', 'opt_out_date', 'list_ids', 'tag_ids', 'updated_at', 'deleted_at'];

function seedAda() {
	const { fake } = account;
	const list = fake.seed.list({ name: 'News' });
	const tag = fake.seed.tag({ name: 'VIP' });
	const contact = fake.seed.contact({
		email_address: { address: 'ada@example.com', permission_to_send: 'explicit' },
		first_name: 'Ada',
		last_name: 'Lovelace',
		job_title: 'Analyst',
		company_name: 'Engines Ltd',
		list_memberships: [list.list_id],
		taggings: [tag.tag_id],
		phone_numbers: [{ phone_number: '555-0100', kind: 'mobile' }],
		notes: [{ content: 'met at the fair' }],
	});
	return { list, tag, contact };
}

describe('Contact → Get and Get Many: Output', () => {
	it('Simplified by default: ten flat fields, and only the lists and tags are asked for', async () => {
		const { list, tag, contact } = seedAda();
		const { output, error } = await runWithDefaults({ operation: 'get', contact: byEmail('ada@example.com') });
		expect(error).toBeUndefined();
		expect(json(output)).toEqual({
			contact_id: contact.contact_id,
			email: 'ada@example.com',
			first_name: 'Ada',
			last_name: 'Lovelace',
			permission_to_send: 'explicit',
			opt_out_date: null,
			list_ids: [list.list_id],
			tag_ids: [tag.tag_id],
			updated_at: expect.any(String),
			deleted_at: null,
		});
		expect(apiRequests(account.fake)[0].query).toMatchObject({ email: 'ada@example.com', include: 'list_memberships,taggings' });

		const many = await runWithDefaults({ operation: 'getAll' });
		expect(many.output).toHaveLength(1);
		expect(Object.keys(json(many.output))).toEqual(SIMPLE_KEYS);
		expect(apiRequests(account.fake).at(-1)!.query).toMatchObject({ include: 'list_memberships,taggings' });
	});

	it('Raw: everything Constant Contact returns, with the subresources chosen under Include', async () => {
		const { contact } = seedAda();
		const { output } = await runWithDefaults({ operation: 'get', contact: byEmail('ada@example.com'), output: 'raw', include: ['notes'] });
		expect(json(output)).toMatchObject({
			contact_id: contact.contact_id,
			email_address: expect.objectContaining({ address: 'ada@example.com', permission_to_send: 'explicit' }),
			job_title: 'Analyst',
			company_name: 'Engines Ltd',
			notes: [expect.objectContaining({ content: 'met at the fair' })],
		});
		expect(json(output).list_memberships).toBeUndefined();
		expect(apiRequests(account.fake)[0].query.include).toBe('notes');
	});

	it('Selected Fields: the contact ID and the chosen fields, asking only for the chosen subresources', async () => {
		const { contact } = seedAda();
		const fields = ['company_name', 'phone_numbers'];
		const { output } = await runWithDefaults({ operation: 'get', contact: byEmail('ada@example.com'), output: 'fields', fields });
		expect(json(output)).toEqual({
			contact_id: contact.contact_id,
			company_name: 'Engines Ltd',
			phone_numbers: [expect.objectContaining({ phone_number: '555-0100', kind: 'mobile' })],
		});
		expect(apiRequests(account.fake)[0].query.include).toBe('phone_numbers');

		const many = await runWithDefaults({ operation: 'getAll', output: 'fields', fields: [] });
		expect(json(many.output)).toEqual({ contact_id: contact.contact_id });
		expect(apiRequests(account.fake).at(-1)!.query.include).toBeUndefined();
	});
});

describe('Contact writes: Simplify', () => {
	it('Map Automatically: what Constant Contact cannot take (a fourth phone) is named in the output, simplified or not', async () => {
		const item = { email: 'many@example.com', phones: ['555-0101', '555-0102', '555-0103', '555-0104'] };
		const dropped = ['Phone Number "555-0104": Constant Contact takes at most 3 per contact on /contacts'];
		const created = await runWithDefaults({ operation: 'create', contactFields: { mappingMode: 'autoMapInputData', value: null } }, [item]);
		expect(created.error).toBeUndefined();
		expect(json(created.output)).toMatchObject({ email: 'many@example.com', action: 'created', dropped });
		expect(Object.keys(json(created.output))).toEqual([...SIMPLE_KEYS, 'action', 'dropped']);
		const stored = account.fake.state.contacts.get(String(json(created.output).contact_id))!;
		expect(stored.phone_numbers.map((p) => p.phone_number)).toEqual(['555-0101', '555-0102', '555-0103']);

		const updated = await runWithDefaults({ operation: 'update', simple: false, contact: byEmail('many@example.com'), updateFields: { mappingMode: 'autoMapInputData', value: null } }, [{ ...item, 'First Name': 'Mo' }]);
		expect(json(updated.output)).toMatchObject({ first_name: 'Mo', action: 'updated', dropped });

		const upserted = await runWithDefaults({ operation: 'upsert', contactFields: { mappingMode: 'autoMapInputData', value: null } }, [{ ...item, 'First Name': 'Max' }]);
		expect(json(upserted.output)).toMatchObject({ first_name: 'Max', action: 'updated', dropped });

		const fits = await runWithDefaults({ operation: 'create', contactFields: { mappingMode: 'autoMapInputData', value: null } }, [{ email: 'few@example.com', phone: '555-0105' }]);
		expect(json(fits.output).dropped).toBeUndefined();
	});

	it('Create: the simplified contact and the action by default; the raw contact with Simplify off', async () => {
		const { fake } = account;
		const list = fake.seed.list({ name: 'News' });
		const created = await runWithDefaults({ operation: 'create', contactFields: mapped({ email_address: 'new@example.com', first_name: 'Nu', job_title: 'Chef' }), listMemberships: lists(list.list_id) });
		expect(created.error).toBeUndefined();
		expect(json(created.output)).toMatchObject({ email: 'new@example.com', first_name: 'Nu', permission_to_send: 'implicit', list_ids: [list.list_id], action: 'created' });
		expect(Object.keys(json(created.output))).toEqual([...SIMPLE_KEYS, 'action']);

		const raw = await runWithDefaults({ operation: 'create', simple: false, contactFields: mapped({ email_address: 'raw@example.com', job_title: 'Chef' }) });
		expect(json(raw.output)).toMatchObject({ email_address: expect.objectContaining({ address: 'raw@example.com' }), job_title: 'Chef', action: 'created' });
	});

	it('Create or Update, both consent paths, and Update: simplified, with the action and what changed', async () => {
		const { list } = seedAda();
		const sync = await runWithDefaults({ operation: 'upsert', contactFields: mapped({ email_address: 'ada@example.com', first_name: 'Augusta' }) });
		expect(json(sync.output)).toMatchObject({ email: 'ada@example.com', first_name: 'Augusta', permission_to_send: 'explicit', action: 'updated' });
		expect(json(sync.output).job_title).toBeUndefined();

		const signUp = await runWithDefaults({ operation: 'upsert', consentPath: 'signUpForm', signUpFields: mapped({ email_address: 'form@example.com' }), signUpListMemberships: lists(list.list_id) });
		expect(json(signUp.output)).toMatchObject({ email: 'form@example.com', permission_to_send: 'explicit', list_ids: [list.list_id], action: 'created' });

		const updated = await runWithDefaults({ operation: 'update', contact: byEmail('ada@example.com'), updateFields: mapped({ last_name: 'King' }) });
		expect(json(updated.output)).toMatchObject({ email: 'ada@example.com', last_name: 'King', action: 'updated', changes: ['last_name'] });
		expect(Object.keys(json(updated.output))).toEqual([...SIMPLE_KEYS, 'action', 'changes']);
	});

	it('Add to Lists: one contact is simplified; bulk activities keep their short per-item summary; error items stay as they are', async () => {
		const { fake } = account;
		const { contact } = seedAda();
		const extra = fake.seed.list({ name: 'Extra' });
		const one = await runWithDefaults({ operation: 'addToLists', contact: byEmail('ada@example.com'), membershipLists: lists(extra.list_id) });
		expect(json(one.output)).toMatchObject({ contact_id: contact.contact_id, email: 'ada@example.com', action: 'updated' });
		expect(json(one.output).list_ids).toContain(extra.list_id);
		expect(json(one.output).email_address).toBeUndefined();

		const bulk = await runWithDefaults(
			{ operation: 'addToLists', contact: byEmail('={{ $json.email }}'), membershipLists: lists(extra.list_id) },
			[{ email: 'ada@example.com' }, { email: 'nobody@example.com' }],
			true,
		);
		expect(bulk.output.map((o) => o.json)).toEqual([
			expect.objectContaining({ contact_id: contact.contact_id, email_address: 'ada@example.com', list_ids: [extra.list_id], action: 'added' }),
			{ error: 'No contact with the email address nobody@example.com exists in Constant Contact', details: { description: expect.any(String) } },
		]);
	});
});
