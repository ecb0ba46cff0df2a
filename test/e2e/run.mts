// `npm run test:e2e`: a real, unmodified n8n runs the packed package against the fake Constant Contact.
//
// This part runs on the machine: it installs the n8n (cached), packs the package the way it is
// published, makes a throwaway CA and a hosts file, then starts suite.mts inside new PID, network and
// mount namespaces. There `api.cc.email` and `authz.constantcontact.com` are 127.0.0.1 (hosts file
// bind-mounted over /etc/hosts), nothing but loopback exists (n8n's own calls home go nowhere), and
// every process ends with the namespace's PID 1 (suite.mts).
//
// Which n8n: the pinned one (install-n8n.mts) runs the full suite. `--n8n <version>` (repeatable) runs
// the core suite in that version (test/e2e/n8n-install/<version>/), `--matrix` in every committed version
// but the pinned one; one after the other, then a table: version, Node, install and suite seconds, result.
// `--ui` (npm run test:ui): the same setup, then the editor in headless Chromium (ui/editor.mts).
// `--queue` (npm run test:e2e:queue): the same setup, then n8n's queue mode under load (queueSuite.mts):
// Postgres, Redis, a main and several workers; needs Debian's postgresql and redis-server.
// Environment: E2E_KEEP=1 keeps the work folder (n8n logs, database) even after a pass;
// E2E_TARBALL=<file.tgz> tests that tarball (e.g. a published version) instead of packing this checkout;
// E2E_HOLD=1 sets everything up and waits, to explore: nsenter --target <suite.mts pid> --net --mount --pid <cmd>.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { N8N_VERSION, installN8n, n8nInstall, n8nVersions } from './install-n8n.mts';
import { log, step } from './lib/log.mts';
import { postgresBin, redisBin } from './lib/queue.mts';
import { hostsFile, makeTestPki } from './lib/tls.mts';
import type { SuiteConfig } from './lib/context.mts';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '../..');
const argv = process.argv.slice(2);
const mode: SuiteConfig['mode'] = process.env.E2E_HOLD === '1' ? 'hold' : argv.includes('--ui') ? 'ui' : argv.includes('--queue') ? 'queue' : 'e2e';

/** `--n8n <version>` (repeatable), `--matrix` (every committed version but the pinned one), else the pinned one. */
function versionsToRun(): string[] {
	const asked = argv.flatMap((arg, i) => (arg === '--n8n' ? [argv[i + 1] ?? ''] : []));
	if (argv.includes('--matrix')) asked.push(...n8nVersions().filter((v) => v !== N8N_VERSION));
	for (const v of asked) n8nInstall(v); // an unknown version fails here, naming the ones there are
	if (asked.length && mode !== 'e2e') throw new Error(`--n8n and --matrix run the end-to-end scenarios; --queue, --ui and E2E_HOLD use the pinned n8n ${N8N_VERSION}`);
	return asked.length ? [...new Set(asked)] : [N8N_VERSION];
}

interface VersionResult {
	version: string;
	node: string;
	installS: number;
	suiteS: number;
	result: 'passed' | 'FAILED';
	/** Why it failed, or the steps skipped on this version and why. */
	notes: string[];
}

const seconds = (since: number): number => Math.round((Date.now() - since) / 1000);

/** The shared setup, then one version: its install (cached), then the suite in fresh namespaces. */
async function runVersion(version: string, shared: { workDir: string; tarball: string; pki: ReturnType<typeof makeTestPki>; hosts: string }): Promise<VersionResult> {
	const { nodeVersion } = n8nInstall(version);
	const result: VersionResult = { version, node: nodeVersion, installS: 0, suiteS: 0, result: 'FAILED', notes: [] };
	const t = Date.now();
	let suiteStart = 0;
	try {
		const install = await step(`install n8n ${version} with Node ${nodeVersion} (cached in .cache/)`, () => installN8n(version));
		result.installS = seconds(t);
		suiteStart = Date.now();
		// Each version in its own folder: n8n user folders, logs, the suite's config.
		const workDir = join(shared.workDir, `n8n-${version}`);
		mkdirSync(workDir, { recursive: true });
		const config: SuiteConfig = {
			n8nDir: install.dir,
			projectRoot,
			workDir,
			tarball: shared.tarball,
			caCertFile: shared.pki.caCertFile,
			tlsKey: shared.pki.key,
			tlsCert: shared.pki.cert,
			mode: mode === 'e2e' && version !== N8N_VERSION ? 'core' : mode,
			skippedFile: join(workDir, 'skipped.json'),
		};
		const configFile = join(workDir, 'suite.json');
		writeFileSync(configFile, JSON.stringify(config, null, 2));
		try {
			await step(`run the ${config.mode} suite on n8n ${version} inside new PID, network and mount namespaces`, async () => await runInNamespaces(configFile, shared));
			result.result = 'passed';
		} finally {
			result.suiteS = seconds(suiteStart);
			if (existsSync(config.skippedFile)) result.notes.push(...(JSON.parse(readFileSync(config.skippedFile, 'utf8')) as string[]).map((s) => `skipped ${s}`));
		}
	} catch (error) {
		if (!suiteStart) result.installS = seconds(t);
		result.notes.unshift(error instanceof Error ? error.message : String(error));
	}
	return result;
}

async function runInNamespaces(configFile: string, shared: { pki: { caCertFile: string }; hosts: string }): Promise<void> {
	// sh: loopback up, the hosts file over /etc/hosts (private to this mount namespace), then
	// exec so that node (suite.mts) is PID 1 and takes every remaining process with it when it ends.
	const inner = 'set -e; ip link set lo up; mount --bind "$1" /etc/hosts; shift; exec "$@"';
	const child = spawn(
		'unshare',
		// --kill-child: when unshare dies, the suite (the namespace's PID 1) gets SIGTERM, cleans up and
		// exits, and the kernel ends whatever is left in the namespace.
		['--pid', '--fork', '--kill-child=SIGTERM', '--mount-proc', '--net', '--mount', '--propagation', 'private',
			'sh', '-c', inner, 'sh', shared.hosts, process.execPath, join(here, 'suite.mts'), configFile],
		// The suite plays the browser on https://authz.constantcontact.com: it trusts the test CA too.
		{ stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: shared.pki.caCertFile } },
	);
	// unshare blocks SIGINT and SIGTERM while it waits; killing it hands the signal on (above).
	const forward = (): void => {
		child.kill('SIGKILL');
	};
	process.on('SIGINT', forward);
	process.on('SIGTERM', forward);
	const code = await new Promise<number | null>((r) => child.once('exit', (c, s) => r(c ?? (s ? 128 : null))));
	process.off('SIGINT', forward);
	process.off('SIGTERM', forward);
	if (code === 130) throw new Error('interrupted');
	if (code !== 0) throw new Error(`the suite exited with ${code} (its log above names the failed step)`);
}

async function main(): Promise<void> {
	const t0 = Date.now();
	const versions = versionsToRun();
	await step(`check the tools (root, unshare, ip, mount, openssl, Node 24${mode === 'queue' ? ', Postgres, Redis' : ''})`, () => {
		if (process.getuid?.() !== 0) throw new Error('the suite creates namespaces and mounts a hosts file: run it as root (CI does)');
		for (const tool of ['unshare', 'ip', 'mount', 'openssl']) {
			try {
				execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
			} catch {
				throw new Error(`${tool} is missing (Debian: apt-get install -y util-linux iproute2 mount openssl)`);
			}
		}
		// The suite and the fake run on this Node; each n8n on its own (install-n8n.mts).
		if (Number(process.versions.node.split('.')[0]) < 24) throw new Error(`the suite needs Node 24; run through npm (the node@24 dev dependency), not ${process.version}`);
		if (mode === 'queue') {
			postgresBin();
			redisBin();
		}
	});

	const workDir = mkdtempSync(join(tmpdir(), 'n8n-cc-e2e-'));
	// mkdtemp makes it 0700: the queue suite's Postgres runs as the postgres user and must pass through it.
	chmodSync(workDir, 0o711);
	log(`work folder ${workDir}`);
	let ok = false;
	try {
		const tarball = await step('pack the package (npm pack)', () => {
			if (process.env.E2E_TARBALL) {
				log(`  E2E_TARBALL: using ${process.env.E2E_TARBALL} instead of packing`);
				return resolve(process.env.E2E_TARBALL);
			}
			const out = execFileSync('npm', ['pack', '--json', '--pack-destination', workDir], { cwd: projectRoot, encoding: 'utf8' });
			const [info] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
			if (!info) throw new Error('npm pack printed nothing');
			const files = info.files.map((f) => f.path);
			for (const needed of ['dist/nodes/ConstantContact/ConstantContact.node.js', 'dist/credentials/ConstantContactOAuth2Api.credentials.js']) {
				if (!files.includes(needed)) throw new Error(`the tarball lacks ${needed}: run npm run build first`);
			}
			log(`  ${info.filename}: ${files.length} files`);
			return join(workDir, info.filename);
		});
		const pki = await step('make a throwaway CA and a certificate for the Constant Contact hosts', () => makeTestPki(workDir));
		const hosts = join(workDir, 'hosts');
		writeFileSync(hosts, hostsFile());

		const results: VersionResult[] = [];
		for (const version of versions) results.push(await runVersion(version, { workDir, tarball, pki, hosts }));
		if (results.length > 1 || versions[0] !== N8N_VERSION) {
			log('n8n versions (install: cached or not; suite: start to end in the namespaces):');
			for (const r of results) {
				log(`  n8n ${r.version.padEnd(7)} Node ${r.node.padEnd(8)} install ${String(r.installS).padStart(4)} s  suite ${String(r.suiteS).padStart(4)} s  ${r.result}`);
				for (const note of r.notes) log(`      ${note}`);
			}
		}
		const failed = results.filter((r) => r.result !== 'passed');
		if (failed.length) throw new Error(`failed on n8n ${failed.map((r) => `${r.version} (${r.notes[0]})`).join('; ')}`);
		ok = true;
	} finally {
		if (process.env.E2E_KEEP === '1' || !ok) log(`kept the work folder for inspection: ${workDir}`);
		else rmSync(workDir, { recursive: true, force: true });
	}
	log(`end-to-end suite passed in ${seconds(t0)} s`);
}

main().catch((error: unknown) => {
	console.error(`\n[e2e] FAILED: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
