import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';

import { CREDENTIAL_SCOPES, requiredScope } from '../../../nodes/ConstantContact/transport/scopes.ts';
import { ConstantContactOAuth2Api } from '../../../credentials/ConstantContactOAuth2Api.credentials.ts';
import { swaggerPath } from '../../fake-constant-contact/contract.mts';

interface Operation {
	security?: Array<Record<string, string[]>>;
}

describe('requiredScope', () => {
	it("names, for every operation of Constant Contact's contract, the scope its `security` entry names", async () => {
		const doc = (await SwaggerParser.parse(swaggerPath())) as unknown as { paths: Record<string, Record<string, Operation>> };
		let checked = 0;
		for (const [template, operations] of Object.entries(doc.paths)) {
			for (const [method, op] of Object.entries(operations)) {
				const scopes = [...new Set((op.security ?? []).flatMap((entry) => Object.values(entry).flat()))];
				expect(scopes.length, `${method} ${template}`).toBeLessThanOrEqual(1);
				// A concrete path, as the node sends it: ids in place of the template's parameters.
				const path = template.replace(/\{[^}]+\}/g, '0b4d7f4e-0000-4000-8000-000000000001');
				expect(requiredScope(method, path), `${method.toUpperCase()} ${template}`).toBe(scopes[0]);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(100);
	});

	it('reads next links and full URLs the same way', () => {
		expect(requiredScope('GET', '/v3/emails?cursor=abc')).toBe('campaign_data');
		expect(requiredScope('GET', 'https://api.cc.email/v3/segments?cursor=abc')).toBe('contact_data');
		expect(requiredScope('GET', '/v3/reports/contact_reports/x/activity_details?cursor=y')).toBe('contact_data');
		expect(requiredScope('GET', '/v3/reports/email_reports/x/tracking/bounces?cursor=y')).toBe('campaign_data');
	});

	it('the credential asks for every scope the node uses, and offline_access', () => {
		const scope = new ConstantContactOAuth2Api().properties.find((p) => p.name === 'scope')!.default as string;
		expect(scope.split(' ')).toEqual(CREDENTIAL_SCOPES);
		expect(CREDENTIAL_SCOPES).toEqual(['contact_data', 'campaign_data', 'account_read', 'offline_access']);
	});
});
