import { utf8Length } from '../common/values';

/**
 * Constant Contact's rules for a custom code email's HTML (format_type 5), checked before any request:
 * the contract's (`EmailCampaignActivityInput.html_content`, swagger L14119-14128: at most 150,000
 * characters, `[[trackingImage]]` inside the `<body>` element) and its API guide's for custom code
 * emails (at most 400 KB, none of the character combinations `[#`, `${`, `<@`).
 */
export const HTML_LIMITS = { maxCharacters: 150_000, maxBytes: 400 * 1024 };

export const TRACKING_IMAGE = '[[trackingImage]]';

export const FORBIDDEN_SEQUENCES = ['[#', '${', '<@'];


/** Where the body's content starts and ends, or undefined without a `<body>…</body>` element. */
function bodyRange(html: string): { start: number; end: number } | undefined {
	// `<body` then its attributes up to `>` (no `<` inside a tag): linear, whatever the HTML.
	const open = /<body(?=[\s>])[^<>]*>/i.exec(html);
	if (!open) return undefined;
	const start = open.index + open[0].length;
	const close = /<\/body\s*>/i.exec(html.slice(start));
	return close ? { start, end: start + close.index } : undefined;
}

/** What is wrong with the HTML, each naming the field and the fix; empty when it may be sent. */
export function htmlProblems(html: string, field = 'HTML Content'): string[] {
	if (!html.trim()) return [`${field}: required; a custom code email is its HTML, e.g. <html><body>${TRACKING_IMAGE}<p>Hello</p></body></html>`];
	const problems: string[] = [];
	const body = bodyRange(html);
	if (!body) {
		problems.push(`${field}: no <body>…</body> element; put the email inside <html><body>…</body></html>, with ${TRACKING_IMAGE} in the body`);
	} else if (!html.slice(body.start, body.end).includes(TRACKING_IMAGE)) {
		problems.push(
			html.includes(TRACKING_IMAGE)
				? `${field}: ${TRACKING_IMAGE} is outside the <body> element; move it inside the body so Constant Contact can report opens`
				: `${field}: ${TRACKING_IMAGE} is missing; add it inside the <body> element (right after <body>) so Constant Contact can report opens`,
		);
	}
	if (html.length > HTML_LIMITS.maxCharacters) {
		problems.push(`${field}: ${html.length.toLocaleString('en-US')} characters; Constant Contact allows at most ${HTML_LIMITS.maxCharacters.toLocaleString('en-US')}`);
	}
	const bytes = utf8Length(html);
	if (bytes > HTML_LIMITS.maxBytes) problems.push(`${field}: ${Math.ceil(bytes / 1024)} KB; a custom code email may be at most 400 KB`);
	const found = FORBIDDEN_SEQUENCES.filter((s) => html.includes(s));
	if (found.length) {
		problems.push(`${field}: contains ${found.map((s) => `"${s}"`).join(', ')}, which Constant Contact does not allow in custom code emails (nor any of ${FORBIDDEN_SEQUENCES.map((s) => `"${s}"`).join(', ')}); remove or escape them`);
	}
	return problems;
}
