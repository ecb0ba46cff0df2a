// The suite proper, started by run.mts inside new PID, network and mount namespaces, as their PID 1:
// when it exits, the kernel ends every process it started (n8n, its task runners, `n8n execute`).
// The fake Constant Contact runs in this process, so the scenarios read its state directly.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startFakeConstantContact } from '../fake-constant-contact/server.mts';
import type { FakeConstantContact } from '../fake-constant-contact/server.mts';
import { cleanEnv } from './install-n8n.mts';
import type { Ctx, SuiteConfig } from './lib/context.mts';
import { CLIENT } from './lib/context.mts';
import { log, skippedSteps, step, stepUnless } from './lib/log.mts';
import { N8n, OAUTH_CALLBACK, OWNER } from './lib/n8n.mts';
import { N8nRest } from './lib/rest.mts';
import { CREDENTIAL_TYPE, NODE_TYPE_COMMUNITY } from './lib/workflows.mts';
import { accountSync } from './scenarios/accountSync.mts';
import { TOOL_TYPE, aiTool, aiToolType, aiToolWorkflow } from './scenarios/aiTool.mts';
import { activateBounceTrigger, bounceEmittedOnce, campaignLoop } from './scenarios/campaigns.mts';
import { coreFaultWorkflows, coreFaults } from './scenarios/coreFaults.mts';
import { redirectRefused, redirectWorkflows } from './scenarios/redirect.mts';
import { continueOnFail } from './scenarios/continueOnFail.mts';
import { credentialTestFailsAfterRevoke, credentialTestSucceeds } from './scenarios/credentialTest.mts';
import { customExtensions } from './scenarios/customExtensions.mts';
import { errorOutput, retryMeetsDeletedContact } from './scenarios/errorOutput.mts';
import { activateRegistrationTrigger, eventWorkflows, registrationsEmittedOnce } from './scenarios/events.mts';
import { prepareExamples, runExamples } from './scenarios/examples.mts';
import { moreOperationWorkflows, moreOperations } from './scenarios/moreOperations.mts';
import { scenarioWorkflows, seedAccount } from './scenarios/setup.mts';
import { signUp } from './scenarios/signUp.mts';
import { tokenRefresh } from './scenarios/tokenRefresh.mts';
import { editorInBrowser } from './ui/editor.mts';
import { queueSuite } from './queueSuite.mts';

const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as SuiteConfig;
// The other n8n versions run the core scenarios (README: the version matrix); the pinned one all of them.
const full = config.mode !== 'core';
const CORE_EXAMPLES = ['csv-import.json', 'trigger-to-crm.json'];
const cleanups: Array<() => Promise<void>> = [];

async function cleanup(): Promise<void> {
	for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
	cleanups.length = 0;
}

// PID 1 ignores signals it has no handler for: without these, Ctrl-C would not stop the suite.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (stopping) return;
		stopping = true;
		log(`${signal}: stopping`);
		void cleanup().finally(() => process.exit(130));
	});
}

/** `npm install <tarball>` into n8n's community-nodes folder, as n8n itself installs a community package. */
function installCommunityPackage(userFolder: string): void {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	// --legacy-peer-deps: n8n-workflow is the peer n8n provides; without it npm would try to fetch it.
	// --offline: there is no network in here, and the tarball needs nothing from a registry.
	execFileSync('npm', ['install', config.tarball, '--offline', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], {
		cwd: nodesDir,
		stdio: 'inherit',
		env: cleanEnv(),
	});
}

async function startFake(): Promise<FakeConstantContact> {
	const fake = await startFakeConstantContact({
		host: '127.0.0.1',
		port: 443,
		tls: { key: config.tlsKey, cert: config.tlsCert },
		clients: [{ ...CLIENT, redirectUris: [OAUTH_CALLBACK], refreshTokenMode: 'rotating' }],
	});
	cleanups.push(async () => await fake.close());
	return fake;
}

async function main(): Promise<void> {
	log(`inside the namespaces: pid ${process.pid}, Node ${process.version}`);
	const fake = await step('start the fake Constant Contact over TLS on 127.0.0.1:443', startFake);
	await step('reach it as https://api.cc.email and https://authz.constantcontact.com (hosts file, test CA)', async () => {
		const api = await fetch('https://api.cc.email/v3/contact_lists?limit=1');
		if (api.status !== 401) throw new Error(`expected 401 without a token, got ${api.status}`);
		const keys = await fetch('https://authz.constantcontact.com/oauth2/default/v1/keys');
		if (!keys.ok) throw new Error(`JWKS answered ${keys.status}`);
	});

	const userFolder = join(config.workDir, 'n8n-community');
	await step('install the tarball as a community package into n8n\'s user folder', () => installCommunityPackage(userFolder));
	if (config.mode === 'queue') {
		// The main and every worker load the package from this one user folder.
		await queueSuite(config, fake, userFolder, cleanups);
		return;
	}
	const n8n = new N8n({ n8nDir: config.n8nDir, userFolder, caCertFile: config.caCertFile });
	cleanups.push(async () => await n8n.stop());
	await step(`start n8n ${n8n.compat.version} headless (SQLite, telemetry off, the owner set up)`, async () => await n8n.start());
	log(`  n8n log: ${n8n.logFile}`);

	const rest = new N8nRest();
	await step('log in as the owner', async () => await rest.login());
	await step(`n8n loaded ${NODE_TYPE_COMMUNITY} and the ${CREDENTIAL_TYPE} credential type`, async () => {
		await rest.expectNodeType(NODE_TYPE_COMMUNITY, CREDENTIAL_TYPE);
	});
	const credential = await step('create the "Constant Contact OAuth2 API" credential through the REST API', async () => {
		const created = await rest.createCredential('Constant Contact (e2e)', CREDENTIAL_TYPE, { ...CLIENT, grantType: 'authorizationCode' });
		return { ...created, type: CREDENTIAL_TYPE };
	});
	await step('consent through n8n\'s OAuth2 endpoints (n8n → authorize → callback → tokens stored)', async () => {
		const { authorizeUrl } = await rest.connectOAuth2(credential.id);
		const q = authorizeUrl.searchParams;
		log(`  authorize URL: ${authorizeUrl.origin}${authorizeUrl.pathname} scope="${q.get('scope')}" redirect_uri=${q.get('redirect_uri')}`);
		if (authorizeUrl.origin !== 'https://authz.constantcontact.com') throw new Error(`n8n sent the browser to ${authorizeUrl.origin}`);
		for (const scope of ['contact_data', 'campaign_data', 'account_read', 'offline_access']) {
			if (!q.get('scope')?.split(' ').includes(scope)) throw new Error(`the authorize URL asks for "${q.get('scope')}", without ${scope}`);
		}
		const exchanges = fake.tokenRequests.filter((t) => t.grantType === 'authorization_code' && t.status === 200);
		if (exchanges.length !== 1) throw new Error(`expected one successful code exchange at the fake, saw ${exchanges.length}`);
	});

	const lists = await step('seed the fake account (lists, custom field, existing contacts)', () => seedAccount(fake));
	const ctx: Ctx = { fake, n8n, rest, credential, lists, bootMs: [] };
	if (config.mode === 'hold') {
		// E2E_HOLD=1: a running n8n + fake to explore, e.g. `nsenter --target <this pid> --net --mount --pid <cmd>`.
		log(`holding: n8n at http://localhost:5678 (owner ${OWNER.email} / ${OWNER.password}) in the namespaces; Ctrl-C stops`);
		await new Promise(() => undefined);
	}
	if (config.mode === 'ui') {
		await editorInBrowser(ctx, config);
		return;
	}

	const examples = await step('import the scenario workflows and examples/*.json (n8n import:workflow)', async () => {
		const prepared = prepareExamples(ctx).filter((e) => full || CORE_EXAMPLES.includes(e.file));
		await n8n.importWorkflows([...scenarioWorkflows(ctx, NODE_TYPE_COMMUNITY), ...coreFaultWorkflows(ctx, NODE_TYPE_COMMUNITY), ...redirectWorkflows(ctx, NODE_TYPE_COMMUNITY), ...eventWorkflows(ctx, NODE_TYPE_COMMUNITY), ...(full ? moreOperationWorkflows(ctx, NODE_TYPE_COMMUNITY) : []), aiToolWorkflow(ctx), ...prepared.map((e) => e.workflow)]);
		return prepared;
	});

	if (full) await step('scenario 5a: the credential Test succeeds', async () => await credentialTestSucceeds(ctx));
	await step('scenario 1: Form Trigger items → Create or Update (sign-up path)', async () => await signUp(ctx));
	await step('scenario 2: CRM items incl. an unsubscribed contact → Create or Update (account sync)', async () => await accountSync(ctx));
	await step('scenario 3: the access token expires during a 20-item run (rotating refresh tokens)', async () => await tokenRefresh(ctx));
	if (full) await step('scenario 4: good and bad items with Continue On Fail', async () => await continueOnFail(ctx));
	if (full) await step('scenario 6: On Error → Continue (using error output): 4 invalid of 12 items on the Error output', async () => await errorOutput(ctx));
	await step('scenario 7: a Create whose first POST fails, for an email that exists as a deleted contact', async () => await retryMeetsDeletedContact(ctx));
	await step('core faults: Create or Update meets 429 and 5xx on both paths, Create meets an existing contact (409), Get meets a missing one', async () => await coreFaults(ctx));
	await step('a redirect from the API to another host is not followed: the item fails naming it, nothing reaches that host', async () => await redirectRefused(ctx, { key: config.tlsKey, cert: config.tlsCert }));
	await step(`AI tool: n8n derived ${TOOL_TYPE}, simplified by default`, async () => await aiToolType(ctx));
	await stepUnless(n8n.compat.missing('toolExecutor'), 'AI tool: the editor\'s Execute step on the tool (Tool Executor, $fromAI) answers with the simplified contact', async () => await aiTool(ctx));
	await step('scenario 8: publish a workflow whose Constant Contact Trigger (Contact Bounced) polls every minute', async () => await activateBounceTrigger(ctx));
	if (full) await step('scenario 9: publish a workflow whose Constant Contact Trigger (Event Registration) polls every minute; two people register after its first poll', async () => await activateRegistrationTrigger(ctx));
	await step('scenario 8: create a campaign, send a test, schedule it; the fake sends it; read its report', async () => await campaignLoop(ctx));
	await step(`examples: ${full ? 'every examples/*.json' : CORE_EXAMPLES.join(', ')} (${examples.length})`, async () => await runExamples(ctx, examples));
	if (full) await step('more operations: Tag Get/Update, Custom Field Get/Update/Delete/Delete Many, List Delete Many, Segment Update, Campaign resend to non-openers, Contact Delete in bulk, Contact Export', async () => await moreOperations(ctx));
	await step('scenario 8: the trigger ran its workflow once for the bounce, and not again on later polls', async () => await bounceEmittedOnce(ctx));
	if (full) await step('scenario 9: each new registration ran the trigger\'s workflow once across two polls; none from before it was published', async () => await registrationsEmittedOnce(ctx));
	if (full) await step('scenario 5b: the credential Test fails clearly once the grant is revoked', async () => await credentialTestFailsAfterRevoke(ctx));
	await step('stop n8n', async () => await n8n.stop());

	if (full) await step('the same build from a custom extensions folder (N8N_CUSTOM_EXTENSIONS, CUSTOM.constantContact)', async () => {
		await customExtensions(config, fake, cleanups);
	});
}

let exitCode = 0;
try {
	await main();
	log('all end-to-end steps passed');
} catch (error) {
	exitCode = 1;
	console.error(`\n[e2e] FAILED: ${error instanceof Error ? error.message : String(error)}`);
} finally {
	writeFileSync(config.skippedFile, JSON.stringify(skippedSteps));
	await cleanup();
}
process.exit(exitCode);
