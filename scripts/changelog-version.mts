// npm's `version` script: `npm version` runs it after writing the new version into package.json, and
// `npm run release` (n8n-node release → release-it) bumps the version with `npm version`. It moves
// CHANGELOG.md's [Unreleased] entries under a heading for the new version, dated today, and leaves an
// empty [Unreleased] above it (Keep a Changelog), so the release commit carries the curated changelog.
// (release-it's own `npx auto-changelog -p` hook writes its commit list to .release-commits.md instead:
// package.json's "auto-changelog" setting.)
import { readFileSync, writeFileSync } from 'node:fs';

const UNRELEASED = /^## \[Unreleased\][ \t]*$/m;

/** The changelog with [Unreleased] released as `version`; throws when there is nothing to release. */
export function releaseChangelog(text: string, version: string, date: string): string {
	const heading = UNRELEASED.exec(text);
	if (!heading) throw new Error('CHANGELOG.md has no "## [Unreleased]" heading');
	if (new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm').test(text)) throw new Error(`CHANGELOG.md already has a section for ${version}`);
	const start = heading.index + heading[0].length;
	const next = text.slice(start).search(/^## \[/m);
	const entries = next === -1 ? text.slice(start) : text.slice(start, start + next);
	if (!/^\s*[-*] /m.test(entries)) throw new Error(`CHANGELOG.md's [Unreleased] section lists no changes to release as ${version}`);
	return `${text.slice(0, heading.index)}## [Unreleased]\n\n## [${version}] - ${date}\n${entries.replace(/^\n*/, '\n')}${next === -1 ? '' : text.slice(start + next)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
	try {
		writeFileSync('CHANGELOG.md', releaseChangelog(readFileSync('CHANGELOG.md', 'utf8'), version, new Date().toISOString().slice(0, 10)));
		console.log(`CHANGELOG.md: [Unreleased] is now [${version}]`);
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(1);
	}
}
