// What n8n's queue mode needs beside n8n: Postgres (Debian's `postgresql`) and Redis (Debian's
// `redis-server`), started inside the suite's namespaces on loopback, with their data in the work
// folder. They end with the namespace's PID 1 like everything else; stop() is for a tidy log.
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { waitFor } from './log.mts';

export const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'n8n' };
export const REDIS = { host: '127.0.0.1', port: 6379 };

/** The newest Postgres in Debian's layout (/usr/lib/postgresql/<major>/bin). */
export function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root) ? readdirSync(root).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a)) : [];
	for (const major of majors) if (existsSync(join(root, major, 'bin', 'pg_ctl'))) return join(root, major, 'bin');
	throw new Error('no Postgres under /usr/lib/postgresql (Debian: apt-get install -y --no-install-recommends postgresql)');
}

export function redisBin(): string {
	for (const bin of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(bin)) return bin;
	throw new Error('redis-server is missing (Debian: apt-get install -y --no-install-recommends redis-server)');
}

/** Postgres as the `postgres` user (initdb and pg_ctl refuse root), trusting loopback connections. */
export class Postgres {
	private readonly dataDir: string;

	private readonly socketDir: string;

	private readonly logFile: string;

	private readonly bin = postgresBin();

	constructor(workDir: string) {
		this.dataDir = join(workDir, 'postgres', 'data');
		this.socketDir = join(workDir, 'postgres', 'run');
		this.logFile = join(workDir, 'postgres', 'postgres.log');
	}

	private asPostgres(command: string, args: string[]): void {
		execFileSync('runuser', ['-u', 'postgres', '--', join(this.bin, command), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
	}

	async start(): Promise<void> {
		// The postgres user must reach its folders inside the root-owned work folder.
		for (const dir of [join(this.dataDir, '..'), this.socketDir]) mkdirSync(dir, { recursive: true });
		chmodSync(join(this.dataDir, '..', '..'), 0o711);
		execFileSync('chown', ['-R', 'postgres:postgres', join(this.dataDir, '..')]);
		this.asPostgres('initdb', ['-D', this.dataDir, '-U', POSTGRES.user, '--auth=trust', '-E', 'UTF8', '--no-sync']);
		this.asPostgres('pg_ctl', [
			'-D', this.dataDir, '-l', this.logFile, '-w', '-t', '60',
			'-o', `-c listen_addresses=${POSTGRES.host} -p ${POSTGRES.port} -k ${this.socketDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
			'start',
		]);
		this.asPostgres('createdb', ['-h', POSTGRES.host, '-p', String(POSTGRES.port), '-U', POSTGRES.user, POSTGRES.database]);
	}

	stop(): void {
		try {
			this.asPostgres('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']);
		} catch {
			// Already gone: the namespace ends it anyway.
		}
	}
}

/** Redis on loopback, nothing persisted. */
export class Redis {
	private child?: ChildProcess;

	private readonly logFile: string;

	constructor(workDir: string) {
		this.logFile = join(workDir, 'redis.log');
	}

	async start(): Promise<void> {
		const fd = openSync(this.logFile, 'a');
		this.child = spawn(redisBin(), ['--bind', REDIS.host, '--port', String(REDIS.port), '--save', '', '--appendonly', 'no', '--protected-mode', 'no'], {
			stdio: ['ignore', fd, fd],
		});
		closeSync(fd);
		await waitFor(
			`redis on ${REDIS.host}:${REDIS.port}`,
			async () => {
				const { connect } = await import('node:net');
				return await new Promise<boolean>((resolve) => {
					const socket = connect(REDIS.port, REDIS.host, () => {
						socket.end();
						resolve(true);
					});
					socket.once('error', () => resolve(false));
				});
			},
			20_000,
			200,
		);
	}

	stop(): void {
		this.child?.kill('SIGTERM');
	}
}

/** The environment every n8n process of the queue-mode setup shares (main and workers). */
export function queueEnv(): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: REDIS.host,
		QUEUE_BULL_REDIS_PORT: String(REDIS.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: POSTGRES.host,
		DB_POSTGRESDB_PORT: String(POSTGRES.port),
		DB_POSTGRESDB_DATABASE: POSTGRES.database,
		DB_POSTGRESDB_USER: POSTGRES.user,
		DB_POSTGRESDB_PASSWORD: '',
		// Postgres 15 works; n8n 2.40 only warns that it wants 16 or later.
	};
}
