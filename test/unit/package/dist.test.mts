import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const load = `
	const { ConstantContact } = require('./dist/nodes/ConstantContact/ConstantContact.node.js');
	const { ConstantContactOAuth2Api } = require('./dist/credentials/ConstantContactOAuth2Api.credentials.js');
	const { ConstantContactTrigger } = require('./dist/nodes/ConstantContact/ConstantContactTrigger.node.js');
	if (new ConstantContactTrigger().description.polling !== true) throw new Error('trigger does not poll');
	const node = new ConstantContact();
	const cred = new ConstantContactOAuth2Api();
	process.stdout.write(JSON.stringify({ version: process.version, node: node.description.name, cred: cred.name, ops: node.description.properties.length }));
`;

/** Every compiled JavaScript file under dist/, as a path from the project root. */
function distFiles(dir = 'dist'): string[] {
	return readdirSync(new URL(dir, root), { withFileTypes: true }).flatMap((entry) => {
		const path = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return distFiles(path);
		return entry.name.endsWith('.js') ? [path] : [];
	});
}

function loadWith(nodeBinary: string): { version: string; node: string; cred: string; ops: number } {
	return JSON.parse(execFileSync(nodeBinary, ['-e', load], { cwd: root, encoding: 'utf8' }));
}

describe('the built package', () => {
	it('is built (npm test builds first)', () => {
		expect(existsSync(new URL('dist/nodes/ConstantContact/ConstantContact.node.js', root))).toBe(true);
		expect(existsSync(new URL('dist/nodes/ConstantContact/constantContact.svg', root))).toBe(true);
		expect(existsSync(new URL('dist/nodes/ConstantContact/constantContact.dark.svg', root))).toBe(true);
		expect(existsSync(new URL('dist/nodes/ConstantContact/ConstantContact.node.json', root))).toBe(true);
	});

	it('ships nothing that could move the token: no base URL field, no loopback address, one API origin', () => {
		const credential = readFileSync(new URL('dist/credentials/ConstantContactOAuth2Api.credentials.js', root), 'utf8');
		expect(credential).not.toMatch(/apiBaseUrl|\$credentials\./);
		const everything = distFiles().map((f) => readFileSync(new URL(f, root), 'utf8')).join('\n');
		expect(everything).not.toMatch(/127\.0\.0\.1|localhost|\[::1\]|apiBaseUrl/);
		const origins = new Set(everything.match(/https?:\/\/api\.[a-z.]+/g));
		expect([...origins]).toEqual(['https://api.cc.email']);
	});

	it('loads with plain require() on Node 24 (the toolchain node)', () => {
		const result = loadWith(process.execPath);
		expect(result.version).toMatch(/^v24\./);
		expect(result).toMatchObject({ node: 'constantContact', cred: 'constantContactOAuth2Api' });
	});

	it('loads with plain require() on the machine Node 20 that runs npm', () => {
		// npm itself runs on the machine's Node.js (20 on CI) while scripts get Node 24.
		const machineNode = process.env.npm_node_execpath;
		expect(machineNode, 'run the tests through npm (npm test) so npm_node_execpath names the machine Node').toBeTruthy();
		const result = loadWith(machineNode!);
		const [major, minor] = result.version.slice(1).split('.').map(Number);
		expect(major > 20 || (major === 20 && minor >= 19)).toBe(true);
		expect(result).toMatchObject({ node: 'constantContact', cred: 'constantContactOAuth2Api' });
	});

	it('bundles jose instead of requiring it, and requires nothing but n8n-workflow, built-ins and its own files', () => {
		const files = distFiles();
		expect(files.length).toBeGreaterThan(30);
		for (const file of files) {
			const code = readFileSync(new URL(file, root), 'utf8');
			const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
			const foreign = required.filter((r) => r !== 'n8n-workflow' && !r.startsWith('.') && !r.startsWith('node:'));
			expect(foreign, file).toEqual([]);
		}
		// jose itself went in: decodeJwt's code, not a require.
		expect(readFileSync(new URL('dist/nodes/ConstantContact/transport/token.js', root), 'utf8')).toMatch(/function decodeJwt/);
	});

	it('emits the transport once, so the node and the trigger share one pacer and refresh gate per process', () => {
		const defining = distFiles().filter((file) => /class AppPacer\b/.test(readFileSync(new URL(file, root), 'utf8')));
		expect(defining).toEqual(['dist/nodes/ConstantContact/transport/pacing.js']);
	});

	it('packs only the built nodes and credential, README.md, LICENSE and package.json, and declares no dependencies', () => {
		const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
		const files: string[] = packed.files.map((f: { path: string }) => f.path);
		expect(files.filter((f) => !f.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
		expect(files).toContain('dist/nodes/ConstantContact/ConstantContact.node.js');
		expect(files).toContain('dist/credentials/ConstantContactOAuth2Api.credentials.js');
		expect(files.some((f) => f.endsWith('.ts') || f.endsWith('.png') || f.includes('test/'))).toBe(false);
		expect(files.filter((f) => f.startsWith('dist/') && !/^dist\/(nodes|credentials)\//.test(f))).toEqual([]);
	});

	it('declares no runtime dependencies and publishes only dist', () => {
		const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.files).toEqual(['dist/nodes', 'dist/credentials']);
		expect(pkg.main, 'n8n loads the files listed under "n8n", not a main entry').toBeUndefined();
		expect(pkg.keywords).toContain('n8n-community-node-package');
	});
});

describe('the built node dispatches every operation it offers', () => {
	it('has an executor for each resource and operation in its description (no module cycle lost one)', async () => {
		const { createRequire } = await import('node:module');
		const requireFromRoot = createRequire(new URL('package.json', root));
		const { ConstantContact } = requireFromRoot('./dist/nodes/ConstantContact/ConstantContact.node.js');
		const node = new ConstantContact();
		const properties = node.description.properties as Array<{ name: string; options?: Array<{ value: string }>; displayOptions?: { show?: { resource?: string[] } } }>;
		const resources = properties.find((p) => p.name === 'resource')!.options!.map((o) => o.value);
		const pairs = resources.flatMap((resource) =>
			properties
				.filter((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
				.flatMap((p) => p.options!.map((o) => [resource, o.value] as const)),
		);
		expect(pairs.length).toBeGreaterThan(20);
		for (const [resource, operation] of pairs) {
			// No input items: the router resolves the operation, then has nothing to run.
			const context = {
				getInputData: () => [],
				getNodeParameter: (name: string, _item?: number, fallback?: unknown) => ({ resource, operation })[name as 'resource' | 'operation'] ?? fallback ?? {},
				getNode: () => ({ name: 'Constant Contact', type: 'constantContact', typeVersion: 1, parameters: {} }),
				continueOnFail: () => false,
				helpers: { constructExecutionMetaData: (items: unknown[]) => items },
			};
			await expect(node.execute.call(context), `${resource}/${operation}`).resolves.toEqual([[]]);
		}
	});
});
