// Bundles each node and credential into one CommonJS file under dist/, so that jose travels inside
// the package (n8n verifies only packages without runtime dependencies) and n8n-workflow stays the
// peer that n8n itself provides. Icons and codex files are copied by gulp afterwards.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const entryPoints = {
	'credentials/ConstantContactOAuth2Api.credentials': 'credentials/ConstantContactOAuth2Api.credentials.ts',
	'nodes/ConstantContact/ConstantContact.node': 'nodes/ConstantContact/ConstantContact.node.ts',
	'nodes/ConstantContact/ConstantContactTrigger.node': 'nodes/ConstantContact/ConstantContactTrigger.node.ts',
};

await rm('dist', { recursive: true, force: true });
await build({
	entryPoints,
	outdir: 'dist',
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20.19',
	external: ['n8n-workflow'],
	keepNames: true,
	legalComments: 'inline',
	logLevel: 'warning',
});
