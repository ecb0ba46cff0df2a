// Bundles the package into CommonJS files under dist/, so that jose travels inside the package
// (n8n verifies only packages without runtime dependencies) and n8n-workflow stays the peer that
// n8n itself provides. The transport is emitted once and required by both nodes, so that its state
// (the per-app pacer, the refresh gate) is one per n8n process. Icons and codex files: gulp.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

const transportDir = resolve('nodes/ConstantContact/transport');

/** Every import of a transport file from the nodes becomes `require('./transport.js')`. */
const sharedTransport = {
	name: 'shared-transport',
	setup(pluginBuild) {
		pluginBuild.onResolve({ filter: /transport/ }, (args) => {
			const target = resolve(args.resolveDir, args.path);
			const fromTransport = dirname(args.importer) === transportDir;
			if (!fromTransport && (target === transportDir || dirname(target) === transportDir)) {
				return { path: './transport.js', external: true };
			}
			return undefined;
		});
	},
};

const common = {
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20.19',
	external: ['n8n-workflow'],
	keepNames: true,
	legalComments: 'inline',
	logLevel: 'warning',
};

await rm('dist', { recursive: true, force: true });
await build({
	...common,
	entryPoints: { 'credentials/ConstantContactOAuth2Api.credentials': 'credentials/ConstantContactOAuth2Api.credentials.ts' },
	outdir: 'dist',
});
await build({
	...common,
	entryPoints: { 'nodes/ConstantContact/transport': 'nodes/ConstantContact/transport/index.ts' },
	outdir: 'dist',
});
await build({
	...common,
	entryPoints: {
		'nodes/ConstantContact/ConstantContact.node': 'nodes/ConstantContact/ConstantContact.node.ts',
		'nodes/ConstantContact/ConstantContactTrigger.node': 'nodes/ConstantContact/ConstantContactTrigger.node.ts',
	},
	outdir: 'dist',
	plugins: [sharedTransport],
});
