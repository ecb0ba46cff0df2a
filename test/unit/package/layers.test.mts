// The source tree's layers, checked from its imports: no import cycle, and no import upward.
//
//   transport/  mapping/  descriptions/        the base: each imports only itself and n8n-workflow
//   account/                                   the account's lookups: transport/ and mapping/
//   actions/  methods/  trigger/               what the nodes run: anything below; none of them each other
//   *.node.ts                                  the nodes: anything
//
// Run alone: npx vitest run test/unit/package/layers.test.mts
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const NODE = 'nodes/ConstantContact/';

function sourceFiles(dir: string): string[] {
	return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

function isFile(path: string): boolean {
	try {
		return statSync(join(ROOT, path)).isFile();
	} catch {
		return false;
	}
}

/** Every relative module a file imports or re-exports (type-only imports included), as paths from the root. */
function importsOf(file: string): string[] {
	const text = readFileSync(join(ROOT, file), 'utf8');
	const specifiers = [
		...text.matchAll(/\b(?:import|export)\s[^;]*?\bfrom\s*['"]([^'"]+)['"]/g),
		...text.matchAll(/\bimport\s*(?:\(\s*)?['"]([^'"]+)['"]/g),
	].map((match) => match[1]);
	return specifiers
		.filter((specifier) => specifier.startsWith('.'))
		.map((specifier) => {
			const base = relative(ROOT, resolve(ROOT, dirname(file), specifier));
			const found = [`${base}.ts`, `${base}/index.ts`, base].find(isFile);
			if (!found) throw new Error(`${file} imports ${specifier}, which is not a file`);
			return found;
		});
}

/** The layer a file belongs to, by where it lives. */
function layerOf(file: string): string {
	if (file.startsWith('credentials/')) return 'credentials';
	if (!file.startsWith(NODE)) return 'other';
	const rest = file.slice(NODE.length);
	if (rest.endsWith('.node.ts')) return 'node';
	return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : rest.replace(/\.ts$/, '');
}

/** What each layer must not import. A layer not named here (the node files) may import anything. */
const FORBIDDEN: Record<string, string[]> = {
	transport: ['mapping', 'descriptions', 'account', 'actions', 'methods', 'trigger', 'node'],
	mapping: ['transport', 'descriptions', 'account', 'actions', 'methods', 'trigger', 'node'],
	descriptions: ['transport', 'mapping', 'account', 'actions', 'methods', 'trigger', 'node'],
	n8nVersion: ['transport', 'mapping', 'descriptions', 'account', 'actions', 'methods', 'trigger', 'node'],
	account: ['descriptions', 'actions', 'methods', 'trigger', 'node'],
	actions: ['methods', 'trigger', 'node'],
	methods: ['actions', 'trigger', 'node'],
	trigger: ['actions', 'methods', 'node'],
	credentials: ['transport', 'mapping', 'descriptions', 'account', 'actions', 'methods', 'trigger', 'node'],
};

const files = [...sourceFiles('nodes'), ...sourceFiles('credentials')];
const graph = new Map(files.map((file) => [file, importsOf(file)]));

/** Every cycle's path, found by a depth-first walk (each cycle named once, from the first file on it reached). */
function cycles(): string[][] {
	const found: string[][] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
			else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of files) if (!state.has(file)) visit(file);
	return found;
}

describe('source layers', () => {
	it('reads the imports of every node and credential file', () => {
		expect(files.length).toBeGreaterThan(100);
		expect(files.every((file) => layerOf(file) !== 'other')).toBe(true);
	});

	it('has no import cycle', () => {
		expect(cycles().map((cycle) => cycle.join(' → '))).toEqual([]);
	});

	it('never imports upward or sideways across layers', () => {
		const upward = [...graph].flatMap(([file, imports]) =>
			imports
				.filter((target) => (FORBIDDEN[layerOf(file)] ?? []).includes(layerOf(target)))
				.map((target) => `${file} → ${target}`),
		);
		expect(upward).toEqual([]);
	});
});
