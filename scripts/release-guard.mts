// The second half of `prepublishOnly`, after `n8n-node prerelease` (which refuses unless RELEASE_MODE is
// set, that is unless `npm run release` started the publish). n8n verifies only packages published from
// GitHub Actions with a provenance statement, so this refuses any other publish before npm packs anything:
// provenance must be on (`NPM_CONFIG_PROVENANCE=true`, which `n8n-node release` sets in GitHub Actions,
// or `--provenance`) and the job must be able to mint GitHub's OIDC token (`permissions: id-token: write`).
// `npm publish --ignore-scripts` skips this script; package.json's `publishConfig.provenance` then makes
// npm itself refuse to publish without a provenance statement.

/**
 * Provenance as npm resolves it for this run. npm hands the scripts a setting given on the command line
 * or in an .npmrc as `npm_config_provenance` (an empty string when turned off); a setting from the
 * environment reaches them only as the variable itself, in whatever case it was set.
 */
export function provenanceRequested(env: NodeJS.ProcessEnv | Record<string, string | undefined>): boolean {
	if (env.npm_config_provenance !== undefined) return env.npm_config_provenance === 'true';
	const key = Object.keys(env).find((k) => k.toLowerCase() === 'npm_config_provenance');
	return key !== undefined && String(env[key]).toLowerCase() === 'true';
}

/** Why this publish must not go ahead; empty when it may. */
export function refusals(env: NodeJS.ProcessEnv | Record<string, string | undefined>): string[] {
	const reasons: string[] = [];
	if (!provenanceRequested(env)) {
		reasons.push('Provenance is off: n8n verifies only packages published with a provenance statement (npm publish --provenance).');
	}
	if (env.GITHUB_ACTIONS !== 'true' || !env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
		reasons.push("This is not a GitHub Actions job that can mint an OIDC token (permissions: id-token: write): npm signs the provenance statement with it.");
	}
	return reasons;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const reasons = refusals(process.env);
	if (reasons.length) {
		console.error(`Publishing refused. ${reasons.join(' ')}`);
		console.error('To release: run `npm run release` on main; it tags the version, and the tag starts .github/workflows/publish.yml, which publishes with provenance.');
		process.exit(1);
	}
	console.log('Release guard: provenance on, GitHub Actions OIDC available.');
}
