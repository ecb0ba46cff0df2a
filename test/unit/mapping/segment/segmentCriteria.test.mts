import { describe, expect, it } from 'vitest';

import { EXAMPLE_CRITERIA, segmentCriteria } from '../../../../nodes/ConstantContact/mapping/segment/segmentCriteria.ts';

describe('segmentCriteria', () => {
	it('sends the JSON as one compact string, from an object or its text', () => {
		const compact = '{"version":"1.0.0","criteria":{"type":"and","group":[{"source":"tracking","field":"not_opened","op":"contains-any","const_value":"last-n-campaigns","param":"5"}]}}';
		// The contract's own example (SegmentData.segment_criteria, L12102-12105), byte for byte.
		expect(segmentCriteria(EXAMPLE_CRITERIA)).toEqual({ criteria: compact, problems: [] });
		expect(segmentCriteria(JSON.stringify(EXAMPLE_CRITERIA, null, 4)).criteria).toBe(compact);
	});

	it('refuses what is not a JSON object, or longer than 20,000 characters', () => {
		expect(segmentCriteria('').problems[0]).toMatch(/^Segment Criteria: required/);
		expect(segmentCriteria('nope').problems[0]).toMatch(/^Segment Criteria: not valid JSON/);
		expect(segmentCriteria('"text"').problems[0]).toMatch(/must be a JSON object/);
		expect(segmentCriteria(null).problems[0]).toMatch(/must be a JSON object/);
		expect(segmentCriteria({ p: 'x'.repeat(19_990) }).problems).toEqual([]);
		expect(segmentCriteria({ p: 'x'.repeat(19_993) }).problems[0]).toMatch(/^Segment Criteria: 20,001 characters/);
	});
});
