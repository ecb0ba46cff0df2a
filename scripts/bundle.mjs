// After `n8n-node build` (tsc): inlines the few libraries the node code imports (jose) into the
// compiled files that require them, so the published package has no runtime dependencies and n8n
// can verify it. Such a file is rebuilt from its TypeScript source, whose named imports let esbuild
// keep only what is used (decodeJwt, not all of jose). Everything else stays as tsc emitted it: one
// file per source file, relative requires kept, so the transport is one module per n8n process,
// shared by the node and the trigger.
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

/** What n8n provides (peer dependency) or Node itself: never bundled. */
const provided = new Set(['n8n-workflow', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const bare = (spec) => !spec.startsWith('.') && !spec.startsWith('/');
const packageOf = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

function* jsFiles(dir) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* jsFiles(path);
		else if (entry.name.endsWith('.js')) yield path;
	}
}

let bundled = 0;
for (const file of jsFiles('dist')) {
	const required = [...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
	const libraries = new Set(required.filter((r) => bare(r) && !provided.has(r)).map(packageOf));
	if (libraries.size === 0) continue;
	const source = file.replace(/^dist[\\/]/, '').replace(/\.js$/, '.ts');
	await build({
		entryPoints: [source],
		outfile: file,
		allowOverwrite: true,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20.19',
		legalComments: 'inline',
		logLevel: 'warning',
		plugins: [
			{
				// Only the libraries found above (and their own files) go in; the package's own modules and
				// n8n-workflow stay separate requires.
				name: 'inline-libraries-only',
				setup(b) {
					b.onResolve({ filter: /.*/ }, (args) => {
						if (args.kind === 'entry-point') return undefined;
						const fromLibrary = args.importer.includes('node_modules');
						if (fromLibrary || libraries.has(packageOf(args.path))) return undefined;
						return { path: args.path, external: true };
					});
				},
			},
		],
	});
	bundled++;
	console.log(`bundle: ${[...libraries].join(', ')} into ${file}`);
}
if (bundled === 0) console.log('bundle: nothing to inline');
