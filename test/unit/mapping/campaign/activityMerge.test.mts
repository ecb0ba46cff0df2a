import { describe, expect, it } from 'vitest';

import { audienceFrom, hasAudience, mergeActivity } from '../../../../nodes/ConstantContact/mapping/campaign/activityMerge.ts';

const stored = {
	campaign_activity_id: 'a1',
	campaign_id: 'c1',
	role: 'primary_email',
	current_status: 'DRAFT',
	format_type: 5,
	from_email: 'a@example.com',
	from_name: 'A',
	reply_to_email: 'a@example.com',
	subject: 'S',
	preheader: 'P',
	contact_list_ids: ['l1'],
	physical_address_in_footer: { address_line1: 'x', country_code: 'US', organization_name: 'O' },
};

describe('mergeActivity (PUT erases omitted top-level fields, keeps omitted subresources)', () => {
	it('sends every stored top-level field back, no read-only ones, subresources only when changed', () => {
		const { body, changed } = mergeActivity(stored, { subject: 'New' });
		expect(body).toEqual({ contact_list_ids: ['l1'], from_email: 'a@example.com', from_name: 'A', reply_to_email: 'a@example.com', subject: 'New', preheader: 'P' });
		expect(changed).toBe(true);
		expect(mergeActivity(stored, { html_content: '<html/>' }).body.html_content).toBe('<html/>');
	});

	it('reports no change when nothing differs', () => {
		expect(mergeActivity(stored, { subject: 'S', preheader: 'P' }).changed).toBe(false);
		expect(mergeActivity(stored, { audience: { contact_list_ids: ['l1'] } }).changed).toBe(false);
	});

	it('an audience replaces the other kind', () => {
		expect(mergeActivity(stored, { audience: { segment_id: 7 } }).body).toMatchObject({ segment_ids: [7] });
		expect(mergeActivity(stored, { audience: { segment_id: 7 } }).body).not.toHaveProperty('contact_list_ids');
		expect(mergeActivity({ ...stored, contact_list_ids: undefined, segment_ids: [7] }, { audience: { contact_list_ids: ['l2'] } }).body).toMatchObject({ contact_list_ids: ['l2'] });
		expect(hasAudience({ segment_ids: [1] })).toBe(true);
		expect(hasAudience({ contact_list_ids: [] })).toBe(false);
	});
});

describe('audienceFrom', () => {
	it('lists or one integer segment, never both', () => {
		expect(audienceFrom({ listIds: ['a', 'a', ' b '] })).toEqual({ audience: { contact_list_ids: ['a', 'b'] }, problems: [] });
		expect(audienceFrom({ listIds: [], segment: '14' })).toEqual({ audience: { segment_id: 14 }, problems: [] });
		expect(audienceFrom({ listIds: [] })).toEqual({ problems: [] });
		expect(audienceFrom({ listIds: ['a'], segment: 3 }).problems[0]).toMatch(/^Audience: both Contact Lists and a Segment given/);
		expect(audienceFrom({ listIds: [], segment: 'Openers' }).problems[0]).toMatch(/^Segment: "Openers" is not a segment ID/);
	});
});
