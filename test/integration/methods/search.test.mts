import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { ConstantContact } from '../../../nodes/ConstantContact/ConstantContact.node.ts';
import { searchContacts, searchCustomFields, searchTags } from '../../../nodes/ConstantContact/methods/listSearch.ts';
import { startFakeConstantContact } from '../../fake-constant-contact/server.mts';
import type { Harness } from '../../helpers/n8n.mts';
import { connectedCredential, createHarness, runLoadOptions } from '../../helpers/n8n.mts';

let fake: Awaited<ReturnType<typeof startFakeConstantContact>>;
let harness: Harness;

beforeAll(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false });
	for (let i = 0; i < 150; i++) fake.seed.customField({ label: `Field ${String(i).padStart(3, '0')}`, name: `cf_${i}` });
	for (let i = 0; i < 620; i++) fake.seed.tag({ name: `Tag ${String(i).padStart(3, '0')}` });
	for (let i = 0; i < 1200; i++) fake.seed.contact({ email_address: { address: `p${i}@example.com` }, first_name: i === 1150 ? 'Zelda' : undefined });
	fake.seed.contact({ email_address: { address: 'gone@example.com' }, deleted: true });
	harness = createHarness(connectedCredential(fake, (await fake.issueTokens()) as unknown as IDataObject));
});

afterEach(() => fake.assertNoContractViolations());

afterAll(async () => {
	await fake.close();
});

const node = new ConstantContact();

describe('tag and contact pickers', () => {
	it('the tag picker searches every page', async () => {
		const all = await runLoadOptions<INodeListSearchResult>(harness, node, searchTags as never);
		expect(all.results).toHaveLength(620);
		const found = await runLoadOptions<INodeListSearchResult>(harness, node, searchTags as never, {}, ['tag 61']);
		expect(found.results.map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Tag 61${i}`));
	});

	it('the contact picker pages on with a pagination token, and searches across pages by name', async () => {
		const first = await runLoadOptions<INodeListSearchResult>(harness, node, searchContacts as never);
		expect(first.results).toHaveLength(500);
		expect(first.paginationToken).toMatch(/^\/v3\/contacts\?cursor=/);
		const second = await runLoadOptions<INodeListSearchResult>(harness, node, searchContacts as never, {}, [undefined, first.paginationToken]);
		expect(second.results[0].name).toBe('p500@example.com');
		const zelda = await runLoadOptions<INodeListSearchResult>(harness, node, searchContacts as never, {}, ['zeld']);
		expect(zelda.results).toEqual([{ name: 'Zelda <p1150@example.com>', value: expect.any(String) }]);
	});

	it('an exact email finds the contact in any state', async () => {
		const gone = await runLoadOptions<INodeListSearchResult>(harness, node, searchContacts as never, {}, ['gone@example.com']);
		expect(gone.results).toHaveLength(1);
	});
});

describe('custom field picker', () => {
	it('searches every page (100 each) by label or name, or finds the exact ID', async () => {
		const all = await runLoadOptions<INodeListSearchResult>(harness, node, searchCustomFields as never);
		expect(all.results).toHaveLength(150);
		expect(all.results[0].name).toBe('Field 000');
		const byLabel = await runLoadOptions<INodeListSearchResult>(harness, node, searchCustomFields as never, {}, ['field 14']);
		expect(byLabel.results.map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Field 14${i}`));
		const byName = await runLoadOptions<INodeListSearchResult>(harness, node, searchCustomFields as never, {}, ['CF_149']);
		expect(byName.results.map((r) => r.name)).toEqual(['Field 149']);
		const id = all.results[7].value as string;
		const byId = await runLoadOptions<INodeListSearchResult>(harness, node, searchCustomFields as never, {}, [id.toUpperCase()]);
		expect(byId.results).toEqual([{ name: 'Field 007', value: id }]);
	});
});
