/**
 * Bounded work per input: every regular expression in the node code (nodes/, credentials/) is found
 * by parsing the sources, so a new one is checked too, and each must be free of super-linear
 * backtracking (ReDoS) according to recheck, a checker made for this. A RegExp built at run time
 * cannot be checked this way and is not allowed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
	return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && e.name.endsWith('.ts'))
		.map((e) => relative(root, join(e.parentPath, e.name)));
}

interface Found {
	file: string;
	line: number;
	source: string;
	flags: string;
}

function findRegexes(file: string): { literals: Found[]; constructed: string[] } {
	const text = readFileSync(join(root, file), 'utf8');
	const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
	const literals: Found[] = [];
	const constructed: string[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isRegularExpressionLiteral(node)) {
			const raw = node.text;
			const end = raw.lastIndexOf('/');
			literals.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, source: raw.slice(1, end), flags: raw.slice(end + 1) });
		}
		if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
			constructed.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
		}
		ts.forEachChild(node, visit);
	};
	visit(sf);
	return { literals, constructed };
}

const files = [...sources('nodes'), ...sources('credentials')];
const found = files.map(findRegexes);
const literals = found.flatMap((f) => f.literals);

describe('regular expressions in the node code', () => {
	it('are found by parsing every source file (the enumeration itself works)', () => {
		expect(files.length).toBeGreaterThan(50);
		expect(literals.length).toBeGreaterThan(10);
		expect(literals.some((r) => r.file.endsWith('validate.ts'))).toBe(true);
	});

	it('are all literals: none is built at run time from a string', () => {
		expect(found.flatMap((f) => f.constructed)).toEqual([]);
	});

	for (const r of literals) {
		it(`${r.file}:${r.line} /${r.source}/${r.flags} has no super-linear backtracking`, () => {
			const result = checkSync(r.source, r.flags, { timeout: 20_000 });
			expect({ status: result.status, ...(result.status === 'vulnerable' ? { attack: result.attack.pattern, complexity: result.complexity.type } : {}) }).toEqual({ status: 'safe' });
		});
	}
});
