import { describe, expect, it } from 'vitest';

import { customFieldPutBody } from '../../../../nodes/ConstantContact/mapping/contact/customFields.ts';
import { loadContract } from '../../../fake-constant-contact/contract.mts';

const choice = { custom_field_id: 'f', label: 'Tier', name: 'tier', type: 'single_select', choices: [
	{ choice_id: 1, choice_label: 'Bronze', display_order: 1 },
	{ choice_id: 2, choice_label: 'Gold', display_order: 2 },
] };
const text = { custom_field_id: 't', label: 'Note', name: 'note', type: 'string' };

describe('customFieldPutBody (PUT /contact_custom_fields/{id})', () => {
	it('sends the stored label and choices back when they are not given, each body valid per the contract', async () => {
		const contract = await loadContract();
		const cases = [
			customFieldPutBody(choice, undefined, undefined),
			customFieldPutBody(choice, 'Level', undefined),
			customFieldPutBody(choice, undefined, 'gold, Silver'),
			customFieldPutBody(text, 'Remark', undefined),
		];
		expect(cases.map((c) => ('body' in c ? c.body : c.problems))).toEqual([
			{ label: 'Tier', choices: [{ choice_id: 1, choice_label: 'Bronze', display_order: 1 }, { choice_id: 2, choice_label: 'Gold', display_order: 2 }] },
			{ label: 'Level', choices: [{ choice_id: 1, choice_label: 'Bronze', display_order: 1 }, { choice_id: 2, choice_label: 'Gold', display_order: 2 }] },
			{ label: 'Tier', choices: [{ choice_id: 2, choice_label: 'gold', display_order: 1 }, { choice_label: 'Silver', display_order: 2 }] },
			{ label: 'Remark' },
		]);
		for (const c of cases) {
			if (!('body' in c)) continue;
			expect(contract.validateRequest('PUT', '/contact_custom_fields/{custom_field_id}', {}, c.body, { custom_field_id: '1618ae62-4752-11e9-9c8a-fa163e6b01c1' }).errors).toEqual([]);
		}
	});

	it('names the field and the limit for each problem', () => {
		const problems = (stored: typeof choice | typeof text, label: unknown, choices: unknown) => {
			const r = customFieldPutBody(stored, label, choices);
			return 'problems' in r ? r.problems : [];
		};
		expect(problems(text, '', undefined)).toEqual(['Label: must not be empty']);
		expect(problems(text, 'x'.repeat(51), undefined)).toEqual(['Label: 51 characters; Constant Contact allows at most 50']);
		expect(problems(text, undefined, 'A')).toEqual(['Choices: "Note" is a string field; only single and multiple choice fields have choices']);
		expect(problems(choice, undefined, ' , ')).toEqual(['Choices: at least one is required for a choice field']);
		expect(problems(choice, undefined, Array.from({ length: 101 }, (_, i) => `c${i}`).join(','))).toEqual(['Choices: 101 given; Constant Contact allows at most 100 for Dropdown']);
		expect(problems({ ...choice, metadata: { display_type: 'radio' } } as typeof choice, undefined, Array.from({ length: 21 }, (_, i) => `c${i}`).join(','))).toEqual([
			'Choices: 21 given; Constant Contact allows at most 20 for Radio Buttons',
		]);
		expect(problems(choice, undefined, 'A, a')).toEqual(['Choices: "a" is given twice']);
		expect(problems(choice, undefined, 'x'.repeat(256))[0]).toMatch(/^Choices: "x{40}\.\.\." has 256 characters; at most 255$/);
	});
});
