import { describe, expect, it } from 'vitest';

import { IMPORT_LIMITS, chunkImportRows, importProblems, toImportRow } from '../../../../nodes/ConstantContact/mapping/contact/importRow.ts';
import { utf8Length } from '../../../../nodes/ConstantContact/mapping/common/values.ts';
import type { ValidContact } from '../../../../nodes/ConstantContact/mapping/contact/validate.ts';

const contact = (overrides: Partial<ValidContact> = {}): ValidContact => ({
	email: 'ada@example.com',
	phone_numbers: [],
	street_addresses: [],
	custom_fields: [],
	list_ids: ['l1'],
	tag_ids: [],
	notes: [],
	...overrides,
});

describe('toImportRow', () => {
	it("maps every field to the import's typed columns and custom fields to cf:<name>", () => {
		const row = toImportRow(
			contact({
				first_name: 'Ada',
				last_name: 'Lovelace',
				job_title: 'Analyst',
				company_name: 'Engines',
				birthday_month: 12,
				birthday_day: 10,
				anniversary: '2015-06-01',
				phone_numbers: [
					{ phone_number: '111', kind: 'home' },
					{ phone_number: '222', kind: 'mobile' },
					{ phone_number: '333' },
				],
				street_addresses: [
					{ kind: 'home', street: '1 Main', city: 'Springfield', state: 'IL', postal_code: '62701', country: 'US' },
					{ kind: 'work', street: '2 Office', city: 'Chicago' },
				],
				custom_fields: [{ custom_field_id: 'cf-1', value: 'green' }],
			}),
			new Map([['cf-1', 'favorite_color']]),
		);
		expect(row).toEqual({
			email: 'ada@example.com',
			first_name: 'Ada',
			last_name: 'Lovelace',
			job_title: 'Analyst',
			company_name: 'Engines',
			birthday_month: 12,
			birthday_day: 10,
			anniversary: '2015-06-01',
			home_phone: '111',
			mobile_phone: '222',
			phone: '333',
			home_street: '1 Main',
			home_city: 'Springfield',
			home_state: 'IL',
			home_zip: '62701',
			home_country: 'US',
			work_street: '2 Office',
			work_city: 'Chicago',
			'cf:favorite_color': 'green',
		});
	});

	it('keeps every phone: a second number of one kind goes to a free column', () => {
		const row = toImportRow(contact({ phone_numbers: [{ phone_number: '1', kind: 'work' }, { phone_number: '2', kind: 'work' }] }), new Map());
		expect(Object.values(row).filter((v) => v === '1' || v === '2')).toHaveLength(2);
	});

	it('reports the 50-character email limit of the import', () => {
		expect(importProblems(contact({ email: `${'a'.repeat(45)}@example.com` }))[0]).toMatch(/at most 50 on \/activities\/contacts_json_import/);
		expect(importProblems(contact())).toEqual([]);
	});
});

describe('utf8Length', () => {
	it('counts bytes as UTF-8 does', () => {
		for (const text of ['plain', 'Zoë', '日本語', '😀 emoji', '', 'a😀b€é', '\ud800']) expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
	});
});

describe('chunkImportRows', () => {
	it('splits at 40,000 rows', () => {
		const rows = Array.from({ length: 40_001 }, (_, i) => ({ email: `c${i}@x.co` }));
		const { chunks, oversized } = chunkImportRows(rows, ['list-1']);
		expect(chunks.map((c) => c.rows.length)).toEqual([40_000, 1]);
		expect(oversized).toEqual([]);
	});

	it('splits before 4 MB, measuring the exact JSON body in bytes', () => {
		const filler = 'é'.repeat(200); // 400 bytes each
		const rows = Array.from({ length: 12_000 }, (_, i) => ({ email: `c${i}@x.co`, first_name: filler.slice(0, 49), company_name: filler.slice(0, 50), job_title: filler.slice(0, 50) }));
		const listIds = ['list-1', 'list-2'];
		const { chunks } = chunkImportRows(rows, listIds);
		expect(chunks.length).toBeGreaterThan(1);
		for (const chunk of chunks) {
			const body = JSON.stringify({ import_data: chunk.rows.map((i) => rows[i]), list_ids: listIds });
			expect(Buffer.byteLength(body)).toBe(chunk.bytes);
			expect(chunk.bytes).toBeLessThanOrEqual(IMPORT_LIMITS.maxBytes);
		}
		// Full chunks are filled close to the limit, not guessed low.
		expect(chunks[0].bytes).toBeGreaterThan(IMPORT_LIMITS.maxBytes - 400);
		expect(chunks.flatMap((c) => c.rows)).toEqual(rows.map((_, i) => i));
	});

	it('reports a row too large for any request instead of sending it', () => {
		const { chunks, oversized } = chunkImportRows([{ email: 'a@x.co' }, { email: 'b@x.co', first_name: 'x'.repeat(200) }], ['l'], { maxRows: 10, maxBytes: 150 });
		expect(oversized).toEqual([1]);
		expect(chunks).toHaveLength(1);
	});
});
