import { afterEach, describe, expect, it } from 'vitest';
import type { IDataObject } from 'n8n-workflow';

import { ConstantContact } from '../../../../nodes/ConstantContact/ConstantContact.node.ts';
import { startFakeConstantContact } from '../../../fake-constant-contact/server.mts';
import { connectedCredential, createHarness, runNode } from '../../../helpers/n8n.mts';

let fake: Awaited<ReturnType<typeof startFakeConstantContact>> | undefined;

afterEach(async () => {
	fake?.assertNoContractViolations();
	await fake?.close();
});

async function info(scope: string) {
	fake = await startFakeConstantContact({ rateLimitPerSecond: false });
	const tokens = await fake.issueTokens({ scope });
	const harness = createHarness(connectedCredential(fake, tokens as unknown as IDataObject));
	const run = await runNode(harness, { nodeType: new ConstantContact(), parameters: { resource: 'connection', operation: 'getInfo' } });
	return { run, tokens };
}

describe('Connection → Get Connection Info', () => {
	it('reports expiry, seconds left, scopes and privileges, never the token', async () => {
		const { run, tokens } = await info('contact_data campaign_data account_read offline_access');
		expect(run.error).toBeUndefined();
		const out = run.output[0].json;
		expect(out).toMatchObject({
			connected: true,
			access_token_readable: true,
			expired: false,
			scopes: expect.arrayContaining(['contact_data', 'offline_access']),
			has_contact_data_scope: true,
			has_campaign_data_scope: true,
			has_account_read_scope: true,
			has_offline_access_scope: true,
			missing_scopes: [],
			has_refresh_token: true,
			can_read_contacts: true,
			can_write_contacts: true,
			can_write_campaigns: true,
			can_send_campaigns: true,
		});
		expect(out).not.toHaveProperty('disabled_by_missing_scopes');
		expect(Date.parse(String(out.expires_at))).toBeGreaterThan(Date.now());
		expect(out.seconds_left).toBeGreaterThan(86_000);
		expect(out.privileges).toContain('contacts:write');
		const text = JSON.stringify(run.output);
		expect(text).not.toContain(tokens.access_token);
		expect(text).not.toContain(tokens.refresh_token);
	});

	it('a connection made before campaigns were supported names the missing scopes and what each one disables', async () => {
		const { run } = await info('contact_data offline_access');
		expect(run.error).toBeUndefined();
		const out = run.output[0].json;
		expect(out).toMatchObject({
			has_contact_data_scope: true,
			has_campaign_data_scope: false,
			has_account_read_scope: false,
			missing_scopes: ['campaign_data', 'account_read'],
			reconnect_hint: expect.stringContaining('Reconnect'),
		});
		expect(out.disabled_by_missing_scopes).toEqual({
			campaign_data: expect.stringMatching(/^campaigns \(create, update, test sends, schedules, send history\), campaign reports/),
			account_read: expect.stringMatching(/sender addresses/),
		});
		// The privileges endpoint needs no scope at all (the contract's security is empty).
		expect(out.privileges).toContain('campaign:send');
	});

	it('a connection without contact_data still reports, with the problem named', async () => {
		const { run } = await info('account_read');
		expect(run.error).toBeUndefined();
		const out = run.output[0].json;
		expect(out).toMatchObject({ has_contact_data_scope: false, has_refresh_token: false, missing_scopes: ['contact_data', 'campaign_data', 'offline_access'] });
		expect((out.disabled_by_missing_scopes as IDataObject).contact_data).toMatch(/^contacts, lists/);
	});
});
