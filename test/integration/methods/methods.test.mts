import { afterAll, beforeAll, afterEach, describe, it, expect } from 'vitest';
import type { IDataObject, INodeListSearchResult, INodePropertyOptions, ResourceMapperFields } from 'n8n-workflow';

import { ConstantContact } from '../../../nodes/ConstantContact/ConstantContact.node.ts';
import { getCustomFields, getLists, getTags } from '../../../nodes/ConstantContact/methods/loadOptions.ts';
import { searchLists } from '../../../nodes/ConstantContact/methods/listSearch.ts';
import { getContactFields, getSignUpFormFields } from '../../../nodes/ConstantContact/methods/resourceMapping.ts';
import { startFakeConstantContact } from '../../fake-constant-contact/server.mts';
import type { Harness } from '../../helpers/n8n.mts';
import { connectedCredential, createHarness, runLoadOptions } from '../../helpers/n8n.mts';

let fake: Awaited<ReturnType<typeof startFakeConstantContact>>;
let harness: Harness;

beforeAll(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false });
	for (let i = 0; i < 700; i++) fake.seed.list({ name: `List ${String(i).padStart(3, '0')}` });
	for (let i = 0; i < 120; i++) fake.seed.tag({ name: `Tag ${String(i).padStart(3, '0')}` });
	for (let i = 0; i < 98; i++) fake.seed.customField({ label: `Field ${String(i).padStart(2, '0')}` });
	fake.seed.customField({ label: 'Plan', type: 'single_select', choices: ['Free', 'Pro'] });
	fake.seed.customField({ label: 'Interests', type: 'multi_select', choices: ['Jazz', 'Blues'] });
	harness = createHarness(connectedCredential(fake, (await fake.issueTokens()) as unknown as IDataObject));
});

afterEach(() => fake.assertNoContractViolations());

afterAll(async () => {
	await fake.close();
});

const node = new ConstantContact();
const gets = (path: string) => fake.requests.filter((r) => r.method === 'GET' && r.path === path);

describe('pickers load every page', () => {
	it('all 700 lists, searchable', async () => {
		const before = gets('/v3/contact_lists').length;
		const all = await runLoadOptions<INodeListSearchResult>(harness, node, searchLists as never);
		expect(all.results).toHaveLength(700);
		expect(all.results[0]).toEqual({ name: 'List 000', value: expect.any(String) });
		expect(new Set(all.results.map((r) => r.value)).size).toBe(700);
		expect(gets('/v3/contact_lists').length - before).toBe(2); // 500 + 200

		const found = await runLoadOptions<INodeListSearchResult>(harness, node, searchLists as never, {}, ['list 69']);
		expect(found.results.map((r) => r.name)).toEqual([...Array.from({ length: 10 }, (_, i) => `List 69${i}`)]);
		const last = [...fake.state.lists.values()].at(-1)!;
		const byId = await runLoadOptions<INodeListSearchResult>(harness, node, searchLists as never, {}, [last.list_id]);
		expect(byId.results).toEqual([{ name: 'List 699', value: last.list_id }]);

		const options = await runLoadOptions<INodePropertyOptions[]>(harness, node, getLists as never);
		expect(options).toHaveLength(700);
	});

	it('all 120 tags', async () => {
		const tags = await runLoadOptions<INodePropertyOptions[]>(harness, node, getTags as never);
		expect(tags).toHaveLength(120);
		expect(tags.map((t) => t.value).sort()).toEqual([...fake.state.tags.keys()].sort());
	});

	it('all 100 custom fields, with choices described', async () => {
		const before = gets('/v3/contact_custom_fields').length;
		const fields = await runLoadOptions<INodePropertyOptions[]>(harness, node, getCustomFields as never);
		expect(fields).toHaveLength(100);
		expect(gets('/v3/contact_custom_fields').length - before).toBeGreaterThanOrEqual(1);
		expect(fields.find((f) => f.name === 'Plan')).toMatchObject({ description: 'single_select: Free, Pro' });
	});

	it('the resource mapper offers the contact fields and all 100 custom fields, select types as dropdowns', async () => {
		const result = (await runLoadOptions(harness, node, getContactFields as never)) as ResourceMapperFields;
		const ids = result.fields.map((f) => f.id);
		expect(ids.slice(0, 5)).toEqual(['email_address', 'first_name', 'last_name', 'job_title', 'company_name']);
		expect(ids).toEqual(expect.arrayContaining(['phone_number:home', 'phone_number:work', 'phone_number:mobile', 'phone_number:other', 'street_address:kind', 'birthday_month', 'birthday_day', 'anniversary']));
		expect(result.fields.find((f) => f.id === 'email_address')).toMatchObject({ required: true, displayName: 'Email' });
		const custom = result.fields.filter((f) => f.id.startsWith('custom_field:'));
		expect(custom).toHaveLength(100);
		expect(custom.find((f) => f.displayName === 'Plan')).toMatchObject({
			type: 'options',
			options: [
				{ name: 'Free', value: 'Free' },
				{ name: 'Pro', value: 'Pro' },
			],
		});
		expect(custom.find((f) => f.displayName.startsWith('Interests'))).toMatchObject({ type: 'string', displayName: 'Interests (comma-separated choices)' });
		expect(result.fields.find((f) => f.id === 'street_address:kind')?.options?.map((o) => o.value)).toEqual(['home', 'work', 'other']);

		const signUp = (await runLoadOptions(harness, node, getSignUpFormFields as never)) as ResourceMapperFields;
		const signUpIds = signUp.fields.map((f) => f.id);
		expect(signUpIds).toContain('phone_number');
		expect(signUpIds.filter((id) => id.startsWith('phone_number'))).toEqual(['phone_number']);
		expect(signUp.fields.filter((f) => f.id.startsWith('custom_field:'))).toHaveLength(100);
	});
});
