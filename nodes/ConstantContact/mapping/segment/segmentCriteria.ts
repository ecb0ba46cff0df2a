/**
 * `segment_criteria` is "single-string escaped JSON" of at most 20,000 characters (SegmentData, swagger
 * L12101-12111). The contract documents no grammar beyond its one example, so the criteria stay the
 * user's JSON: checked to be a JSON object, sent as its compact string.
 */
export const SEGMENT_CRITERIA_MAX = 20_000;

/** The contract's own example: contacts who did not open any of the last 5 email campaigns. */
export const EXAMPLE_CRITERIA = {
	version: '1.0.0',
	criteria: {
		type: 'and',
		group: [{ source: 'tracking', field: 'not_opened', op: 'contains-any', const_value: 'last-n-campaigns', param: '5' }],
	},
};

export function segmentCriteria(value: unknown): { criteria?: string; problems: string[] } {
	let parsed: unknown = value;
	if (typeof value === 'string') {
		if (!value.trim()) return { problems: ['Segment Criteria: required; give the criteria JSON, e.g. {"version":"1.0.0","criteria":{"type":"and","group":[…]}}'] };
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			return { problems: [`Segment Criteria: not valid JSON (${(error as Error).message}); fix the JSON`] };
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return { problems: ['Segment Criteria: must be a JSON object such as {"version":"1.0.0","criteria":{…}}'] };
	}
	const criteria = JSON.stringify(parsed);
	if (criteria.length > SEGMENT_CRITERIA_MAX) {
		return {
			problems: [`Segment Criteria: ${criteria.length.toLocaleString('en-US')} characters as JSON; Constant Contact allows at most ${SEGMENT_CRITERIA_MAX.toLocaleString('en-US')}`],
		};
	}
	return { criteria, problems: [] };
}
