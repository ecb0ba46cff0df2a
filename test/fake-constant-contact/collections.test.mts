import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeConstantContact } from './server.mts';
import { api } from './testUtil.mts';
import type { FakeConstantContact } from './types.mts';

let fake: FakeConstantContact;
let token: string;
beforeAll(async () => {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false });
	token = (await fake.issueTokens()).access_token;
});
afterAll(() => fake.close());
afterEach(() => {
	fake.assertNoContractViolations();
	fake.reset();
});

/** Follows `_links.next.href` (joined to the ORIGIN) and returns the pages. */
async function allPages(first: string, key: string): Promise<Array<Array<Record<string, unknown>>>> {
	const pages: Array<Array<Record<string, unknown>>> = [];
	let href: string | undefined = first;
	while (href) {
		const r = await api(fake, token, 'GET', href);
		expect(r.status).toBe(200);
		pages.push(r.body[key]);
		href = r.body._links?.next?.href;
		if (href) expect(href).toMatch(/^\/v3\//);
	}
	return pages;
}

describe('GET /contact_lists', () => {
	it('pages 700 lists with limit=500 into 500 + 200, next href a /v3/ path', async () => {
		for (let i = 0; i < 700; i++) fake.seed.list({ name: `List ${i}` });
		const first = await api(fake, token, 'GET', '/contact_lists?limit=500&include_count=true');
		expect(first.body.lists).toHaveLength(500);
		expect(first.body.lists_count).toBe(700);
		expect(first.body._links.next.href).toMatch(/^\/v3\/contact_lists\?cursor=/);
		const pages = await allPages('/contact_lists?limit=500', 'lists');
		expect(pages.map((p) => p.length)).toEqual([500, 200]);
		const names = pages.flat().map((l) => l.name);
		expect(new Set(names).size).toBe(700);
		expect(names[0]).toBe('List 0');
		expect(names[699]).toBe('List 699');
	});

	it('defaults to 50 per page and accepts up to 1000 (swagger maximum)', async () => {
		for (let i = 0; i < 60; i++) fake.seed.list({ name: `L${i}` });
		expect((await api(fake, token, 'GET', '/contact_lists')).body.lists).toHaveLength(50);
		expect((await api(fake, token, 'GET', '/contact_lists?limit=1000')).body.lists).toHaveLength(60);
		const over = await api(fake, token, 'GET', '/contact_lists?limit=1001');
		expect(over.status).toBe(400);
		expect(over.body[0].error_message).toContain('limit');
		fake.contractViolations.length = 0;
	});

	it('filters by name and counts members with include_membership_count', async () => {
		const a = fake.seed.list({ name: 'A', description: 'first' });
		fake.seed.list({ name: 'B' });
		fake.seed.contact({ email_address: { address: '1@example.com' }, list_memberships: [a.list_id] });
		fake.seed.contact({ email_address: { address: '2@example.com', permission_to_send: 'unsubscribed' }, list_memberships: [a.list_id] });
		fake.seed.contact({ email_address: { address: '3@example.com' }, list_memberships: [a.list_id], deleted: true });
		const all = await api(fake, token, 'GET', '/contact_lists?name=A&include_membership_count=all');
		expect(all.body.lists).toEqual([expect.objectContaining({ list_id: a.list_id, name: 'A', description: 'first', favorite: false, membership_count: 2 })]);
		const active = await api(fake, token, 'GET', '/contact_lists?name=A&include_membership_count=active');
		expect(active.body.lists[0].membership_count).toBe(1);
		expect((await api(fake, token, 'GET', '/contact_lists')).body.lists[0].membership_count).toBeUndefined();
	});
});

describe('GET /contact_tags', () => {
	it('pages 120 tags (limit 50 -> 50, 50, 20) and counts contacts with include_count', async () => {
		const tags = Array.from({ length: 120 }, (_, i) => fake.seed.tag({ name: `Tag ${i}` }));
		fake.seed.contact({ email_address: { address: 't@example.com' }, taggings: [tags[0]!.tag_id] });
		const pages = await allPages('/contact_tags?limit=50&include_count=true', 'tags');
		expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
		expect(pages[0]![0]).toMatchObject({ tag_id: tags[0]!.tag_id, name: 'Tag 0', contacts_count: 1 });
		const over = await api(fake, token, 'GET', '/contact_tags?limit=501');
		expect(over.status).toBe(400);
		fake.contractViolations.length = 0;
	});
});

describe('GET /contact_custom_fields', () => {
	it('pages 100 custom fields at limit 100 at most, select types with their choices', async () => {
		fake.seed.customField({ label: 'Shirt size', type: 'single_select', choices: ['S', 'M', 'L'] });
		for (let i = 1; i < 100; i++) fake.seed.customField({ label: `Field ${i}` });
		const pages = await allPages('/contact_custom_fields?limit=40', 'custom_fields');
		expect(pages.map((p) => p.length)).toEqual([40, 40, 20]);
		expect(pages[0]![0]).toMatchObject({
			label: 'Shirt size',
			name: 'shirt_size',
			type: 'single_select',
			choices: [
				{ choice_id: 1, choice_label: 'S', display_order: 1 },
				{ choice_id: 2, choice_label: 'M', display_order: 2 },
				{ choice_id: 3, choice_label: 'L', display_order: 3 },
			],
		});
		expect(pages[0]![1]!.choices).toBeUndefined();
		expect((await api(fake, token, 'GET', '/contact_custom_fields?limit=100')).body._links).toBeUndefined();
		expect((await api(fake, token, 'GET', '/contact_custom_fields?limit=101')).status).toBe(400);
		fake.contractViolations.length = 0;
	});
});
