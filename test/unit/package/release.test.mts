// The guarded release: `npm publish` outside `npm run release` in GitHub Actions is refused, the
// refusal happens in a dry run too (npm runs prepublishOnly there), and a release keeps the curated
// CHANGELOG.md. Every npm command here talks to a registry on loopback that records what it is sent:
// nothing reaches the real registry.
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { releaseChangelog } from '../../../scripts/changelog-version.mts';
import { provenanceRequested, refusals } from '../../../scripts/release-guard.mts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The environment of a developer's shell: no npm lifecycle variables, no CI, no release mode. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(npm_|release_mode$|github_|actions_|ci$|node_auth_token$)/i.test(key)) continue;
		env[key] = value;
	}
	return { ...env, NO_COLOR: '1', ...extra };
}

let registry: { url: string; requests: Array<{ method: string; url: string }>; close: () => Promise<void> };

beforeAll(async () => {
	const requests: Array<{ method: string; url: string }> = [];
	const server = createServer((req, res) => {
		requests.push({ method: req.method ?? '', url: req.url ?? '' });
		req.resume();
		req.on('end', () => {
			res.writeHead(req.method === 'PUT' ? 201 : 404, { 'content-type': 'application/json' });
			res.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
	registry = { url, requests, close: async () => await new Promise<void>((resolve) => server.close(() => resolve())) };
});

afterAll(async () => {
	await registry.close();
});

/** npm against the loopback registry (asynchronously: the registry answers from this process). */
async function npm(args: string[], env: NodeJS.ProcessEnv, cwd = root): Promise<{ status: number; output: string }> {
	const host = registry.url.replace(/^http:/, '');
	return await new Promise((resolve) => {
		execFile('npm', [...args, '--registry', registry.url, `--${host}:_authToken=test-token`], { cwd, env, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
			resolve({ status: error ? Number((error as { code?: unknown }).code ?? 1) || 1 : 0, output: `${stdout}${stderr}` });
		});
	});
}

/** What GitHub Actions gives a job with `id-token: write`; npm asks the token URL (here: the loopback registry, which says no). */
const githubOidc = () => ({ GITHUB_ACTIONS: 'true', ACTIONS_ID_TOKEN_REQUEST_URL: `${registry.url}oidc-token`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'test' });
const puts = () => registry.requests.filter((r) => r.method === 'PUT');

describe('npm publish is guarded (prepublishOnly: n8n-node prerelease, then scripts/release-guard.mts)', { timeout: 120_000 }, () => {
	it('a plain npm publish is refused by n8n-node prerelease, even as a dry run', async () => {
		const { status, output } = await npm(['publish', '--dry-run'], cleanEnv());
		expect(status).not.toBe(0);
		expect(output).toContain('Run `npm run release` to publish the package');
		expect(output).not.toContain('(dry-run)');
	});

	it('in release mode, a publish without provenance is refused', async () => {
		const { status, output } = await npm(['publish', '--dry-run'], cleanEnv({ RELEASE_MODE: 'true' }));
		expect(status).not.toBe(0);
		expect(output).toContain('Publishing refused. Provenance is off');
		expect(output).not.toContain('(dry-run)');
	});

	it('with provenance but outside a GitHub Actions job that can mint an OIDC token, it is refused', async () => {
		const { status, output } = await npm(['publish', '--dry-run', '--provenance'], cleanEnv({ RELEASE_MODE: 'true' }));
		expect(status).not.toBe(0);
		expect(output).toContain('not a GitHub Actions job that can mint an OIDC token');
		const switchedOff = await npm(['publish', '--dry-run', '--provenance=false'], cleanEnv({ RELEASE_MODE: 'true', NPM_CONFIG_PROVENANCE: 'true', ...githubOidc() }));
		expect(switchedOff.status).not.toBe(0);
		expect(switchedOff.output).toContain('Provenance is off');
	});

	it('as n8n-node release publishes in GitHub Actions (RELEASE_MODE, NPM_CONFIG_PROVENANCE, OIDC), it gets past the guard', async () => {
		const { status, output } = await npm(['publish', '--dry-run'], cleanEnv({ RELEASE_MODE: 'true', NPM_CONFIG_PROVENANCE: 'true', ...githubOidc() }));
		expect(output).toContain('Release guard: provenance on, GitHub Actions OIDC available.');
		expect(output).toMatch(/Publishing to .* \(dry-run\)/);
		expect(status).toBe(0);
		expect(puts()).toEqual([]);
	});

	it('skipping the scripts does not help: publishConfig.provenance makes npm itself refuse, before uploading', async () => {
		expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).publishConfig).toEqual({ provenance: true });
		const { status, output } = await npm(['publish', '--ignore-scripts'], cleanEnv());
		expect(status).not.toBe(0);
		expect(output).toMatch(/provenance generation not supported/i);
		expect(puts()).toEqual([]);
	});
});

describe('release-guard.mts reads provenance as npm resolves it', () => {
	it('from the command line or an .npmrc (npm_config_provenance), else from the environment in any case', () => {
		expect(provenanceRequested({ npm_config_provenance: 'true' })).toBe(true);
		expect(provenanceRequested({ npm_config_provenance: '', NPM_CONFIG_PROVENANCE: 'true' })).toBe(false);
		expect(provenanceRequested({ NPM_CONFIG_PROVENANCE: 'true' })).toBe(true);
		expect(provenanceRequested({ Npm_Config_Provenance: 'TRUE' })).toBe(true);
		expect(provenanceRequested({})).toBe(false);
		expect(refusals({ NPM_CONFIG_PROVENANCE: 'true', ...githubOidc() })).toEqual([]);
		expect(refusals({ NPM_CONFIG_PROVENANCE: 'true', GITHUB_ACTIONS: 'true' })).toHaveLength(1);
	});
});

describe('a release keeps the curated CHANGELOG.md', { timeout: 120_000 }, () => {
	const changelog = [
		'# Changelog',
		'',
		'Intro.',
		'',
		'## [Unreleased]',
		'',
		'### Added',
		'',
		'- Something new.',
		'',
		'## [0.1.0] - 2026-01-02',
		'',
		'### Added',
		'',
		'- The first thing.',
		'',
	].join('\n');

	it('releaseChangelog moves the [Unreleased] entries under the version, leaving an empty [Unreleased]', () => {
		expect(releaseChangelog(changelog, '0.2.0', '2026-03-04')).toBe(
			changelog.replace('## [Unreleased]\n\n### Added\n\n- Something new.', '## [Unreleased]\n\n## [0.2.0] - 2026-03-04\n\n### Added\n\n- Something new.'),
		);
		const last = '# Changelog\n\n## [Unreleased]\n\n### Changed\n\n- Only this.\n';
		expect(releaseChangelog(last, '1.0.0', '2026-03-04')).toBe('# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-03-04\n\n### Changed\n\n- Only this.\n');
	});

	it('refuses a release with nothing under [Unreleased], a version already there, or no [Unreleased] at all', () => {
		const released = releaseChangelog(changelog, '0.2.0', '2026-03-04');
		expect(() => releaseChangelog(released, '0.3.0', '2026-03-05')).toThrow("[Unreleased] section lists no changes to release as 0.3.0");
		expect(() => releaseChangelog(changelog, '0.1.0', '2026-03-05')).toThrow('already has a section for 0.1.0');
		expect(() => releaseChangelog('# Changelog\n', '0.1.0', '2026-03-05')).toThrow('no "## [Unreleased]" heading');
	});

	it("through release-it's steps: npm version runs the version script, then `npx auto-changelog -p` leaves CHANGELOG.md alone", async () => {
		const dir = mkdtempSync(join(tmpdir(), 'cc-release-'));
		try {
			for (const file of ['package.json', 'scripts/changelog-version.mts']) cpSync(join(root, file), join(dir, file));
			writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
			symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
			const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
			git('init', '-q');
			git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'Add something new');
			const env = cleanEnv({ RELEASE_MODE: 'true' });

			// release-it's npm plugin bumps with exactly this command.
			const bump = await npm(['version', '0.2.0', '--no-git-tag-version', '--workspaces=false'], env, dir);
			expect(bump.output).toContain('CHANGELOG.md: [Unreleased] is now [0.2.0]');
			expect(bump.status).toBe(0);
			const afterBump = readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');
			expect(afterBump).toMatch(/^## \[Unreleased\]\n\n## \[0\.2\.0\] - \d{4}-\d{2}-\d{2}\n\n### Added\n\n- Something new\.$/m);

			// n8n-node release's hooks.after:bump, then its git.changelog (the GitHub release notes).
			const hook = spawnSync('npx', ['auto-changelog', '-p'], { cwd: dir, env, encoding: 'utf8' });
			expect(hook.status, hook.stderr).toBe(0);
			expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toBe(afterBump);
			expect(existsSync(join(dir, '.release-commits.md'))).toBe(true);
			const notes = spawnSync('npx', ['auto-changelog', '--stdout', '--unreleased', '--commit-limit', 'false', '-u', '--hide-credit'], { cwd: dir, env, encoding: 'utf8' });
			expect(notes.status, notes.stderr).toBe(0);
			expect(notes.stdout).toContain('Add something new');
			expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toBe(afterBump);
			expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toContain('.release-commits.md');

			// The first release, 0.1.0, is already package.json's version (docs/releasing.md).
			writeFileSync(join(dir, 'CHANGELOG.md'), changelog.replace('## [0.1.0] - 2026-01-02', '## [0.0.1] - 2026-01-02'));
			const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
			writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, version: '0.1.0' }, null, 2));
			const first = await npm(['version', '0.1.0', '--allow-same-version', '--no-git-tag-version'], env, dir);
			expect(first.status, first.output).toBe(0);
			expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toMatch(/^## \[Unreleased\]\n\n## \[0\.1\.0\] - \d{4}-\d{2}-\d{2}\n\n### Added\n\n- Something new\.$/m);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
