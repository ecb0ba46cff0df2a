// Runs n8n's own verification scanner (the lint half of @n8n/scan-community-package, offline) on
// the source tree and on the tarball `npm pack` makes, exactly as n8n lints a published package.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const SOURCE_PATTERNS = ['package.json', '{nodes,credentials}/**/*.{js,ts,json}'];
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

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

report('source', await analyzePackage(process.cwd(), SOURCE_PATTERNS));

const work = mkdtempSync(join(tmpdir(), 'cc-scan-'));
try {
	const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { encoding: 'utf8' }));
	const tarball = join(work, packed[0].filename);
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', tarball, '-C', work]);
	const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
	if (manifest.dependencies && Object.keys(manifest.dependencies).length > 0) {
		failed = true;
		console.log(`scan tarball: FAILED: declares runtime dependencies ${Object.keys(manifest.dependencies).join(', ')}`);
	}
	report('tarball', await analyzePackage(unpacked, TARBALL_PATTERNS));
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
