// Runs n8n's own verification scanner (the lint half of @n8n/scan-community-package, offline) on
// the source tree and on the tarball `npm pack` makes, exactly as n8n lints a published package.
//
// The scanner pins its own copy of @n8n/eslint-plugin-community-nodes (0.29.0 in scanner 0.32.0),
// older than the one `n8n-node lint` runs (0.32.0 through @n8n/node-cli). A community package may
// not use npm `overrides` (a rule of that very plugin), so this script runs the unmodified scanner
// twice: once with the rules version `n8n-node lint` uses (a module resolve hook hands the scanner
// the project's copy), so that the scanner and the linter agree, and once with the scanner's own
// pinned copy, which is what n8n's verification runs today. Both must pass.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PLUGIN = '@n8n/eslint-plugin-community-nodes';
const SOURCE_PATTERNS = ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'];
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

const projectRequire = createRequire(join(process.cwd(), 'package.json'));
const scannerEntry = projectRequire.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
const scannerRequire = createRequire(scannerEntry);
/** The plugin's version as `req` would load it (its package.json is not exported: find its folder). */
function versionOf(req) {
	const entry = req.resolve(PLUGIN);
	const folder = entry.slice(0, entry.lastIndexOf(`node_modules/${PLUGIN}`) + `node_modules/${PLUGIN}`.length);
	return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).version;
}
const linterVersion = versionOf(projectRequire);
const scannerVersion = versionOf(scannerRequire);

// Which copy of the plugin the scanner's `import('@n8n/eslint-plugin-community-nodes')` gets.
let pluginFrom = 'linter';
registerHooks({
	resolve(specifier, context, nextResolve) {
		if (specifier === PLUGIN && pluginFrom === 'linter' && context.parentURL?.includes('/scan-community-package/')) {
			return nextResolve(specifier, { ...context, parentURL: pathToFileURL(join(process.cwd(), 'package.json')).href });
		}
		return nextResolve(specifier, context);
	},
});

let failed = false;
function report(label, result) {
	if (result.passed) {
		console.log(`scan ${label}: passed`);
		return;
	}
	failed = true;
	console.log(`scan ${label}: FAILED: ${result.message}`);
	if (result.details) console.log(result.details);
}

const work = mkdtempSync(join(tmpdir(), 'cc-scan-'));
try {
	const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { encoding: 'utf8' }));
	const tarball = join(work, packed[0].filename);
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', tarball, '-C', work]);
	const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
	if (manifest.dependencies && Object.keys(manifest.dependencies).length > 0) {
		failed = true;
		console.log(`scan tarball: FAILED: declares runtime dependencies ${Object.keys(manifest.dependencies).join(', ')}`);
	}

	// Each run imports a fresh copy of the scanner (a query string makes a new module instance), so
	// its dynamic import of the plugin resolves again under the current setting.
	for (const [from, version] of [
		['linter', linterVersion],
		['scanner', scannerVersion],
	]) {
		pluginFrom = from;
		const { analyzePackage } = await import(`${pathToFileURL(scannerEntry).href}?rules=${from}`);
		const rules = `${PLUGIN} ${version}, ${from === 'linter' ? "the n8n-node lint's" : "the scanner's own"}`;
		report(`source (${rules})`, await analyzePackage(process.cwd(), SOURCE_PATTERNS));
		report(`tarball (${rules})`, await analyzePackage(unpacked, TARBALL_PATTERNS));
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
