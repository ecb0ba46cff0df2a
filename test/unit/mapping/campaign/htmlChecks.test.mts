import { describe, expect, it } from 'vitest';

import { HTML_LIMITS, htmlProblems } from '../../../../nodes/ConstantContact/mapping/campaign/htmlChecks.ts';

const ok = '<html><body>[[trackingImage]]<p>Hi</p></body></html>';

describe('htmlProblems', () => {
	it('accepts a body with the tracking image, attributes and case as written', () => {
		expect(htmlProblems(ok)).toEqual([]);
		expect(htmlProblems('<HTML><BODY style="margin:0">\n[[trackingImage]]</BODY></HTML>')).toEqual([]);
	});

	it('needs a body element and the tracking image inside it', () => {
		expect(htmlProblems('')).toEqual([expect.stringMatching(/^HTML Content: required;/)]);
		expect(htmlProblems('<p>[[trackingImage]]</p>')).toEqual([expect.stringMatching(/^HTML Content: no <body>…<\/body> element/)]);
		expect(htmlProblems('<html><body><p>Hi</p></body></html>')).toEqual([expect.stringMatching(/^HTML Content: \[\[trackingImage\]\] is missing; add it inside the <body>/)]);
		expect(htmlProblems('<html><head>[[trackingImage]]</head><body>x</body></html>')).toEqual([expect.stringMatching(/is outside the <body> element/)]);
		expect(htmlProblems('<html><body>[[trackingimage]]</body></html>')).toHaveLength(1);
	});

	it('enforces 150,000 characters (the contract) and 400 KB (the API guide), and the forbidden combinations', () => {
		const long = `<html><body>[[trackingImage]]${'a'.repeat(HTML_LIMITS.maxCharacters)}</body></html>`;
		expect(htmlProblems(long)).toEqual([expect.stringMatching(/^HTML Content: 150,043 characters; Constant Contact allows at most 150,000$/)]);
		const heavy = `<html><body>[[trackingImage]]${'€'.repeat(140_000)}</body></html>`;
		expect(htmlProblems(heavy)).toEqual([expect.stringMatching(/^HTML Content: 411 KB; a custom code email may be at most 400 KB$/)]);
		expect(htmlProblems('<html><body>[[trackingImage]] ${x} [#y <@z</body></html>')).toEqual([
			expect.stringMatching(/^HTML Content: contains "\[#", "\$\{", "<@", which Constant Contact does not allow/),
		]);
	});
});
