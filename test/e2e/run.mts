// `npm run test:e2e`: a real, unmodified n8n runs the packed package against the fake Constant Contact.
//
// This part runs on the machine: it installs the pinned n8n (cached), packs the package the way it is
// published, makes a throwaway CA and a hosts file, then starts suite.mts inside new PID, network and
// mount namespaces. There `api.cc.email` and `authz.constantcontact.com` are 127.0.0.1 (hosts file
// bind-mounted over /etc/hosts), nothing but loopback exists (n8n's own calls home go nowhere), and
// every process ends with the namespace's PID 1 (suite.mts).
//
// `--ui` (npm run test:ui): the same setup, then the editor in headless Chromium (ui/editor.mts).
// `--queue` (npm run test:e2e:queue): the same setup, then n8n's queue mode under load (queueSuite.mts):
// Postgres, Redis, a main and several workers; needs Debian's postgresql and redis-server.
// Environment: E2E_KEEP=1 keeps the work folder (n8n logs, database) even after a pass;
// E2E_TARBALL=<file.tgz> tests that tarball (e.g. a published version) instead of packing this checkout;
// E2E_HOLD=1 sets everything up and waits, to explore: nsenter --target <suite.mts pid> --net --mount --pid <cmd>.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { installN8n } from './install-n8n.mts';
import { log, step } from './lib/log.mts';
import { postgresBin, redisBin } from './lib/queue.mts';
import { hostsFile, makeTestPki } from './lib/tls.mts';
import type { SuiteConfig } from './lib/context.mts';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '../..');

async function main(): Promise<void> {
	const t0 = Date.now();
	await step(`check the tools (root, unshare, ip, mount, openssl, Node 24${process.argv.includes('--queue') ? ', Postgres, Redis' : ''})`, () => {
		if (process.getuid?.() !== 0) throw new Error('the suite creates namespaces and mounts a hosts file: run it as root (CI does)');
		for (const tool of ['unshare', 'ip', 'mount', 'openssl']) {
			try {
				execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
			} catch {
				throw new Error(`${tool} is missing (Debian: apt-get install -y util-linux iproute2 mount openssl)`);
			}
		}
		if (Number(process.versions.node.split('.')[0]) < 24) throw new Error(`n8n 2.40 needs Node 24; run through npm (the node@24 dev dependency), not ${process.version}`);
		if (process.argv.includes('--queue')) {
			postgresBin();
			redisBin();
		}
	});
	const n8nDir = await step('install the pinned n8n (cached in .cache/)', () => installN8n());

	const workDir = mkdtempSync(join(tmpdir(), 'n8n-cc-e2e-'));
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
		const mode: SuiteConfig['mode'] =
			process.env.E2E_HOLD === '1' ? 'hold' : process.argv.includes('--ui') ? 'ui' : process.argv.includes('--queue') ? 'queue' : 'e2e';
		const config: SuiteConfig = { n8nDir, projectRoot, workDir, tarball, caCertFile: pki.caCertFile, tlsKey: pki.key, tlsCert: pki.cert, mode };
		const configFile = join(workDir, 'suite.json');
		writeFileSync(configFile, JSON.stringify(config, null, 2));

		await step('run the suite inside new PID, network and mount namespaces', async () => {
			// sh: loopback up, the hosts file over /etc/hosts (private to this mount namespace), then
			// exec so that node (suite.mts) is PID 1 and takes every remaining process with it when it ends.
			const inner = 'set -e; ip link set lo up; mount --bind "$1" /etc/hosts; shift; exec "$@"';
			const child = spawn(
				'unshare',
				// --kill-child: when unshare dies, the suite (the namespace's PID 1) gets SIGTERM, cleans up and
				// exits, and the kernel ends whatever is left in the namespace.
				['--pid', '--fork', '--kill-child=SIGTERM', '--mount-proc', '--net', '--mount', '--propagation', 'private',
					'sh', '-c', inner, 'sh', hosts, process.execPath, join(here, 'suite.mts'), configFile],
				// The suite plays the browser on https://authz.constantcontact.com: it trusts the test CA too.
				{ stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: pki.caCertFile } },
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
		});
		ok = true;
	} finally {
		if (process.env.E2E_KEEP === '1' || !ok) log(`kept the work folder for inspection: ${workDir}`);
		else rmSync(workDir, { recursive: true, force: true });
	}
	log(`end-to-end suite passed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
	console.error(`\n[e2e] FAILED: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
