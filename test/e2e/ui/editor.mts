// `npm run test:ui`: the n8n editor in headless Chromium, as a user meets the node. It signs in, adds
// Constant Contact to a workflow from the nodes panel, walks the operations and consent paths, opens
// the list picker (filled from the fake) and the credential modal, asserting what the user must see
// and saving screenshots to test/e2e/screenshots/ (gitignored) for the README.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Ctx, SuiteConfig } from '../lib/context.mts';
import { check, checkEqual, log, step } from '../lib/log.mts';
import { N8N_URL, OAUTH_CALLBACK, OWNER } from '../lib/n8n.mts';
import type { Page } from './browser.mts';
import { launch } from './browser.mts';

const byTestId = (id: string): string => `[data-test-id="${id}"]`;

async function texts(page: Page, selector: string): Promise<string[]> {
	return (await page.locator(selector).allInnerTexts()).map((t) => t.trim());
}

/** What a dropdown (a select input) shows. */
async function selected(page: Page, testId: string): Promise<string> {
	return (await page.locator(`${byTestId(testId)} input`).first().inputValue()).trim();
}

/** Opens an options dropdown and returns each option's first line (its name). */
async function openOptions(page: Page, parameter: string): Promise<string[]> {
	await page.locator(byTestId(`parameter-input-${parameter}`)).click();
	await page.getByRole('option').first().waitFor();
	return (await page.getByRole('option').allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
}

export async function editorInBrowser(ctx: Ctx, config: SuiteConfig): Promise<void> {
	const shots = join(config.projectRoot, 'test', 'e2e', 'screenshots');
	mkdirSync(shots, { recursive: true });
	const { browser, page, from } = await step('launch headless Chromium (playwright-core)', async () => await launch(config.projectRoot, config.n8nDir));
	log(`  Chromium ${browser.version()}, playwright-core from ${from.includes('.cache') ? 'the cached n8n' : 'the project'}`);
	const shot = async (name: string): Promise<void> => {
		await page.waitForTimeout(400); // let dropdowns finish fading in
		await page.screenshot({ path: join(shots, `${name}.png`) });
		log(`  screenshot test/e2e/screenshots/${name}.png`);
	};
	try {
		await tour(ctx, page, shot);
	} catch (error) {
		await shot('failure').catch(() => undefined);
		throw error;
	} finally {
		await browser.close();
	}
}

async function tour(ctx: Ctx, page: Page, shot: (name: string) => Promise<void>): Promise<void> {
	await step('sign in on the editor\'s sign-in page', async () => {
		await page.goto(`${N8N_URL}/signin`);
		await page.fill('input[name=emailOrLdapLoginId]', OWNER.email);
		await page.fill('input[name=password]', OWNER.password);
		await page.locator(byTestId('form-submit-button')).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	});

	await step('open a workflow that starts with a Manual Trigger', async () => {
		const workflow = await ctx.rest.request<{ id: string }>('POST', '/rest/workflows', {
			name: 'Constant Contact tour',
			active: false,
			settings: { executionOrder: 'v1' },
			connections: {},
			nodes: [{ id: 'tour-trigger', name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }],
		});
		await page.goto(`${N8N_URL}/workflow/${workflow.id}`);
		await page.locator(byTestId('node-creator-plus-button')).waitFor();
	});

	await step('nodes panel: find Constant Contact and see its operations', async () => {
		await page.locator(byTestId('node-creator-plus-button')).click();
		await page.keyboard.type('Constant Contact');
		await page.locator(`${byTestId('node-creator-item-name')}`, { hasText: /^Constant Contact$/ }).first().click();
		await page.locator(byTestId('node-creator-item-name'), { hasText: /^Create or update a contact$/ }).waitFor();
		const actions = await texts(page, byTestId('node-creator-item-name'));
		for (const action of ['Create a contact', 'Create or update a contact']) check(actions.includes(action), `the nodes panel lacks "${action}" (has: ${actions.join(', ')})`);
		await shot('01-nodes-panel-actions');
	});

	await step('add "Create or update a contact": the node opens with the credential selected', async () => {
		await page.locator(byTestId('node-creator-item-name'), { hasText: /^Create or update a contact$/ }).click();
		await page.locator(byTestId('ndv')).waitFor();
		// The resource mapper loads the contact fields (custom fields included) from the account.
		await page.locator(byTestId('parameter-input-email_address')).waitFor();
		checkEqual(await selected(page, 'node-credentials-select'), ctx.credential.name, 'the preselected credential');
		checkEqual(await selected(page, 'parameter-input-operation'), 'Create or Update', 'the Operation');
		checkEqual(await selected(page, 'parameter-input-consentPath'), 'Account Sync, Keeps Consent', 'the default Consent Path');
		await shot('02-create-or-update-account-sync');
	});

	await step('consent paths: both explained, the sign-up path warns that it re-subscribes', async () => {
		const options = await openOptions(page, 'consentPath');
		check(options.includes('Account Sync, Keeps Consent') && options.includes("Contact's Own Sign-Up"), `consent paths offered: ${options.join(', ')}`);
		const explanations = (await page.getByRole('option').allInnerTexts()).join('\n');
		check(/never chang\w* its permission to send/i.test(explanations), 'the Account Sync option does not say that it keeps the permission to send');
		check(/explicit/i.test(explanations), 'the Sign-Up option does not say that it sets the permission to explicit');
		await shot('03-consent-paths');
		await page.getByRole('option', { name: /Own Sign-Up/ }).click();
		const notice = await page.locator(byTestId('node-parameters')).innerText();
		check(/permission to send to\s+explicit, even if they had unsubscribed/i.test(notice), 'the sign-up notice is not shown');
		await shot('04-sign-up-notice');
	});

	await step('list picker: the lists come from the (fake) Constant Contact account', async () => {
		const lists = byTestId('fixed-collection-signUpListMemberships');
		await page.locator(`${lists} ${byTestId('fixed-collection-add')}`).click();
		await page.locator(`${lists} ${byTestId('rlc-input')}`).click();
		await page.locator(byTestId('rlc-item')).first().waitFor();
		const names = await texts(page, byTestId('rlc-item'));
		for (const list of [ctx.lists.newsletter.name, ctx.lists.customers.name]) check(names.includes(list), `the list picker lacks "${list}" (has: ${names.join(', ')})`);
		await shot('05-list-picker');
		await page.locator(byTestId('rlc-item'), { hasText: ctx.lists.newsletter.name }).click();
	});

	await step('operations: switch to Create, which asks what to do when the contact exists', async () => {
		const operations = await openOptions(page, 'operation');
		for (const operation of ['Create', 'Create or Update']) check(operations.includes(operation), `the Operation list lacks "${operation}" (has: ${operations.join(', ')})`);
		await page.getByRole('option', { name: /^Create\b(?! or)/ }).first().click();
		await page.locator(byTestId('parameter-input-ifContactExists')).waitFor();
		await page.locator(byTestId('parameter-input-email_address')).waitFor();
		await shot('06-create');
	});

	await step('Get: the contact picker starts on From List, the output on Simplified; Selected Fields asks which fields', async () => {
		await openOptions(page, 'operation');
		await page.getByRole('option', { name: /^Get\b(?! Many)/ }).first().click();
		await page.locator(byTestId('parameter-input-output')).waitFor();
		check(/^from list$/i.test(await selected(page, 'rlc-mode-selector')), `the contact picker starts on "${await selected(page, 'rlc-mode-selector')}"`);
		checkEqual(await selected(page, 'parameter-input-output'), 'Simplified', 'the default Output');
		await page.locator(byTestId('rlc-input')).first().click();
		await page.locator(byTestId('rlc-item')).first().waitFor();
		const contacts = (await texts(page, byTestId('rlc-item'))).join('\n');
		check(contacts.includes('kept@example.com'), `the contact picker lacks kept@example.com (has: ${contacts})`);
		await shot('07-get-contact-from-list');
		// n8n shows the parameters below a required picker once it has a value.
		await page.locator(byTestId('rlc-item'), { hasText: 'kept@example.com' }).click();
		const outputs = await openOptions(page, 'output');
		checkEqual(outputs, ['Raw', 'Selected Fields', 'Simplified'], 'the Output choices');
		await page.getByRole('option', { name: /^Selected Fields/ }).click();
		await page.locator(byTestId('parameter-input-fields')).waitFor();
		await shot('08-get-selected-fields');
	});

	await step('credential modal: connected, with the OAuth redirect URL to register', async () => {
		await page.locator(byTestId('credential-edit-button')).click();
		await page.locator(byTestId('editCredential-modal')).waitFor();
		await page.locator(byTestId('oauth-connect-success-banner')).waitFor();
		const redirect = (await page.locator(byTestId('copy-input')).first().innerText()).trim();
		check(redirect === OAUTH_CALLBACK, `the modal shows the redirect URL "${redirect}", expected ${OAUTH_CALLBACK}`);
		await shot('09-credential-modal');
	});
}
