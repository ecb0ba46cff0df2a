// The second, smaller check: the same packed build, unpacked into a folder named by
// N8N_CUSTOM_EXTENSIONS (how `npm run dev` and self-hosters without the community-nodes UI load it),
// registers as CUSTOM.constantContact and runs a workflow. A fresh n8n with its own user folder; the
// credential is imported with tokens the fake issued (n8n import:credentials encrypts them).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { FakeConstantContact } from '../../fake-constant-contact/server.mts';
import type { SuiteConfig } from '../lib/context.mts';
import { CLIENT, contactByEmail } from '../lib/context.mts';
import { check, checkEqual, log, step } from '../lib/log.mts';
import { N8n, nodeOutput } from '../lib/n8n.mts';
import { N8nRest } from '../lib/rest.mts';
import { CC_NODE, CREDENTIAL_TYPE, NODE_TYPE_COMMUNITY, NODE_TYPE_CUSTOM, signUpParameters, workflow } from '../lib/workflows.mts';

export async function customExtensions(config: SuiteConfig, fake: FakeConstantContact, cleanups: Array<() => Promise<void>>): Promise<void> {
	const extensionDir = join(config.workDir, 'custom-extensions');
	await step('unpack the tarball into the custom extensions folder', () => {
		mkdirSync(extensionDir, { recursive: true });
		execFileSync('tar', ['-xzf', config.tarball, '-C', extensionDir]);
	});
	const n8n = new N8n({
		n8nDir: config.n8nDir,
		userFolder: join(config.workDir, 'n8n-custom'),
		caCertFile: config.caCertFile,
		env: { N8N_CUSTOM_EXTENSIONS: join(extensionDir, 'package') },
	});
	cleanups.push(async () => await n8n.stop());
	await step('start a second n8n with N8N_CUSTOM_EXTENSIONS', async () => await n8n.start());
	const rest = new N8nRest();
	await rest.login();
	await step(`n8n loaded ${NODE_TYPE_CUSTOM}`, async () => {
		await rest.expectNodeType(NODE_TYPE_CUSTOM, CREDENTIAL_TYPE);
		await rest.expectNodeType(NODE_TYPE_COMMUNITY, CREDENTIAL_TYPE).then(
			() => {
				throw new Error(`${NODE_TYPE_COMMUNITY} is loaded too: this n8n should only have the custom extension`);
			},
			() => undefined,
		);
	});

	const credential = { id: 'e2eCustomExtCred', name: 'Constant Contact (custom extension)' };
	const list = fake.seed.list({ name: 'Custom Extension Sign-ups' });
	await step('import a connected credential and a workflow (n8n import:credentials, import:workflow)', async () => {
		const tokens = await fake.issueTokens({ clientId: CLIENT.clientId });
		await n8n.importCredentials([
			{ ...credential, type: CREDENTIAL_TYPE, data: { ...CLIENT, grantType: 'authorizationCode', oauthTokenData: tokens } },
		]);
		await n8n.importWorkflows([
			workflow({
				id: 'e2eCustomExtension',
				name: 'e2e: custom extension sign-up',
				sourceName: 'Form Trigger (stand-in)',
				items: [{ Email: 'custom-ext@example.com', 'First Name': 'Cus', 'Last Name': 'Tom' }],
				parameters: signUpParameters([list.list_id]),
				credential,
				nodeType: NODE_TYPE_CUSTOM,
			}),
		]);
	});
	await step('execute the workflow with CUSTOM.constantContact', async () => {
		const { run } = await n8n.execute('e2eCustomExtension');
		checkEqual(nodeOutput(run, CC_NODE).map((i) => i.json.action), ['created'], 'output `action`');
		const contact = contactByEmail(fake, 'custom-ext@example.com');
		check(contact?.list_memberships.includes(list.list_id), 'custom-ext@example.com is not on the list in the fake');
		log('  custom-ext@example.com created through CUSTOM.constantContact');
	});
	await step('stop the second n8n', async () => await n8n.stop());
}
