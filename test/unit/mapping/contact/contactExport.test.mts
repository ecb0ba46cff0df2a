import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CsvReader } from '../../../../nodes/ConstantContact/mapping/contact/csv.ts';
import { exportColumn, permissionToSend, selectedExportContact, simplifyExportContact } from '../../../../nodes/ConstantContact/mapping/contact/contactExport.ts';

/** Writes rows as RFC 4180 CSV (quotes where needed), the way the export file is written. */
const toCsv = (rows: string[][], eol = '\r\n') =>
	rows.map((r) => r.map((v) => (/[",\r\n]/.test(v) || v === '' ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join(eol) + eol;

/** Reads `text` split at the given cut points, as pieces of a stream arrive. */
function readInPieces(text: string, cuts: number[]): string[][] {
	const reader = new CsvReader();
	const rows: string[][] = [];
	let at = 0;
	for (const cut of [...cuts].sort((a, b) => a - b)) {
		rows.push(...reader.push(text.slice(at, cut)));
		at = cut;
	}
	rows.push(...reader.push(text.slice(at)));
	expect(reader.unterminated).toBe(false);
	rows.push(...reader.end());
	return rows;
}

describe('CsvReader', () => {
	it('reads quotes, doubled quotes, commas and line breaks inside values, CRLF and LF, a BOM and a last line without a line end', () => {
		const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\nplain,,last';
		expect(readInPieces(text, [])).toEqual([
			['a', 'b', 'c'],
			['x, y', 'say "hi"', 'two\r\nlines'],
			['plain', '', 'last'],
		]);
	});

	it('gives the same rows however the text is cut into pieces (every cut point of a tricky file)', () => {
		const text = 'h1,h2\r\n"a""b","c\r\n"\r\n"",x\r\n';
		const whole = readInPieces(text, []);
		expect(whole).toEqual([['h1', 'h2'], ['a"b', 'c\r\n'], ['', 'x']]);
		for (let i = 0; i <= text.length; i++) for (let j = i; j <= text.length; j++) expect(readInPieces(text, [i, j])).toEqual(whole);
	});

	it('round-trips any rows, cut anywhere (property)', () => {
		const cellArb = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\r', '\n', ' ', 'é'), maxLength: 6 });
		fc.assert(
			fc.property(fc.array(fc.array(cellArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(200), { maxLength: 4 }), (rows, cuts) => {
				const text = toCsv(rows);
				expect(readInPieces(text, cuts.map((c) => c % (text.length + 1)))).toEqual(rows);
			}),
			{ numRuns: 300, seed: 20261205 },
		);
	});

	it("knows a file cut off inside a quoted value, and refuses an endless row", () => {
		const reader = new CsvReader();
		reader.push('a,b\r\n"open');
		expect(reader.end()).toEqual([]);
		expect(reader.unterminated).toBe(true);
		const closed = new CsvReader();
		closed.push('a,"b"');
		expect(closed.end()).toEqual([['a', 'b']]);
		expect(closed.unterminated).toBe(false);
		const endless = new CsvReader();
		expect(() => {
			for (let i = 0; i < 20; i++) endless.push('x'.repeat(60_000));
		}).toThrow('A row of the CSV file is longer than 1,000,000 characters');
	});
});

describe('export rows in Constant Contact vocabulary', () => {
	it('reads header spellings loosely', () => {
		expect(['Email Address', 'email', 'EMAIL_ADDRESS'].map(exportColumn)).toEqual(['email_address', 'email_address', 'email_address']);
		expect(['Email Permission Status', 'permission_to_send', 'Tags', 'Contact ID', ' First  Name '].map(exportColumn)).toEqual([
			'email_permission',
			'email_permission',
			'tag',
			'contact_id',
			'first_name',
		]);
	});

	it("names permission to send in the API's words", () => {
		expect(['Implicit', 'EXPLICIT', 'Pending Confirmation', 'Temporary Hold', 'temp_hold', 'unsubscribed', 'not set', ''].map((v) => permissionToSend(v))).toEqual([
			'implicit',
			'explicit',
			'pending_confirmation',
			'temp_hold',
			'temp_hold',
			'unsubscribed',
			'not_set',
			null,
		]);
		expect(permissionToSend('Something New')).toBe('Something New');
	});

	it('simplifies to the ten keys, null where the file has no value, lists and tags as ID lists', () => {
		expect(simplifyExportContact({ email_address: 'a@example.com', email_lists: 'l1,l2', tag: '', email_permission: 'Implicit' })).toEqual({
			contact_id: null,
			email: 'a@example.com',
			first_name: null,
			last_name: null,
			permission_to_send: 'implicit',
			opt_out_date: null,
			list_ids: ['l1', 'l2'],
			tag_ids: [],
			created_at: null,
			updated_at: null,
		});
		expect(selectedExportContact({ contact_id: 'c', email_permission: 'Unsubscribed', city: 'X' }, ['email_permission', 'zip'])).toEqual({
			contact_id: 'c',
			email_permission: 'unsubscribed',
		});
	});
});
