/**
 * Bounded work per input: a 1 MB value in any contact field is rejected by its length, not scanned
 * by a pattern, and the message quotes at most a short excerpt of it. "Not scanned" is measured
 * against the load on the machine itself: a value 32 times longer must not take anything like 32
 * times longer (a scan would), so the check holds on a busy machine too.
 */
import { describe, expect, it } from 'vitest';

import { autoMapItem, contactInputFromFields } from '../../../../nodes/ConstantContact/mapping/contact/input.ts';
import type { ContactInput } from '../../../../nodes/ConstantContact/mapping/contact/types.ts';
import { emptyContactInput } from '../../../../nodes/ConstantContact/mapping/contact/types.ts';
import { validateContactInput } from '../../../../nodes/ConstantContact/mapping/contact/validate.ts';

const ONE_MB = 1_000_000;

/** Each field, with a flat value of about `length` characters made of `unit` (a pattern would read it to the end). */
const fields: Array<{ field: string; unit: string; prefix?: string; input: (v: string) => Partial<ContactInput> }> = [
	{ field: 'Email', unit: 'a', input: (v) => ({ email: v }) },
	{ field: 'First Name', unit: 'n', input: (v) => ({ first_name: v }) },
	{ field: 'Phone Number 1', unit: '5', input: (v) => ({ phone_numbers: [{ phone_number: v, kind: 'home' }] }) },
	{ field: 'Street Address 1', unit: 's', input: (v) => ({ street_addresses: [{ kind: 'home', street: v }] }) },
	{ field: 'Birthday Month', unit: '1', input: (v) => ({ birthday_month: v, birthday_day: '1' }) },
	{ field: 'Anniversary', unit: '1', prefix: '2020-01-01T', input: (v) => ({ anniversary: v }) },
	{ field: 'Custom Field', unit: 'c', input: (v) => ({ custom_fields: [{ key: 'Color', value: v }] }) },
	{ field: 'Note 1', unit: 't', input: (v) => ({ notes: [v] }) },
];

const DEFINITIONS = [{ custom_field_id: '11111111-1111-4111-8111-111111111111', label: 'Color', type: 'string' }];

function problems(input: ContactInput): string[] {
	const result = validateContactInput(input, 'contacts', DEFINITIONS);
	return result.valid ? [] : result.problems;
}

/** A flat string (JSON.parse builds one), so that no concatenation is flattened inside the timed call. */
const contactWith = (make: (v: string) => Partial<ContactInput>, unit: string, length: number, prefix = ''): ContactInput => ({
	...emptyContactInput(),
	email: 'a@example.com',
	...make(JSON.parse(JSON.stringify(prefix + unit.repeat(length))) as string),
});

function medianMs(run: () => void): number {
	const times: number[] = [];
	for (let i = 0; i < 7; i++) {
		const started = performance.now();
		run();
		times.push(performance.now() - started);
	}
	return times.sort((a, b) => a - b)[3];
}

describe('a 1 MB value', () => {
	for (const { field, unit, prefix, input } of fields) {
		it(`in ${field} is rejected by its length, with a short excerpt`, () => {
			const one = contactWith(input, unit, ONE_MB, prefix);
			const found = problems(one);
			expect(found.length).toBeGreaterThan(0);
			expect(found[0].startsWith(field)).toBe(true);
			for (const p of found) expect(p.length).toBeLessThan(400);
			const many = contactWith(input, unit, 32 * ONE_MB, prefix);
			const small = medianMs(() => problems(one));
			const large = medianMs(() => problems(many));
			// A scan of 32 MB takes ~32 times a scan of 1 MB; a length check takes the same time.
			expect(large).toBeLessThan(small * 8 + 2);
		});
	}

	it('as an item key or a full name in Map Automatically is not scanned either', () => {
		const key = 'k'.repeat(ONE_MB);
		const name = 'n '.repeat(ONE_MB / 2);
		const mapped = autoMapItem({ [key]: 'x', email: 'a@example.com', name }, 'contacts');
		expect(mapped.unmatched).toEqual([key]);
		expect(mapped.input.first_name).toBe(name.trim());
		const result = validateContactInput(mapped.input, 'contacts');
		expect(result.valid).toBe(false);
		if (!result.valid) expect(result.problems[0]).toMatch(/^First Name: "n n n .{40,60}" has 999999 characters; Constant Contact allows at most 50$/);
		expect(contactInputFromFields({ email_address: 'a@example.com', birthday_month: '0'.repeat(ONE_MB) }, 'contacts').birthday_month).toHaveLength(ONE_MB);
	});
});
