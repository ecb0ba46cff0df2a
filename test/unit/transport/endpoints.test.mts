import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { apiPath, endpointOf } from '../../../nodes/ConstantContact/transport/endpoints.ts';

const contract = readFileSync(new URL('../../fake-constant-contact/swagger-v3.yaml', import.meta.url), 'utf8');
const templates = [...contract.matchAll(/^ {2}(\/[^:\s]*):\s*$/gm)].map((m) => m[1]!);

describe('endpointOf', () => {
	it("names every endpoint of the contract by its template, whatever the IDs look like", () => {
		expect(templates.length).toBeGreaterThan(80);
		for (const template of templates) {
			const named = template.replace(/\{[^}]+\}/g, '{id}');
			for (const id of ['d5e1a3f0-2c4b-11ee-be56-0242ac120002', 'abcdef', 'x']) {
				expect(endpointOf('get', `/v3${template.replace(/\{[^}]+\}/g, id)}?limit=1`)).toBe(`GET ${named}`);
			}
		}
	});

	it('keeps one entry for any number of distinct IDs, digits or not', () => {
		const kinds = new Set(Array.from({ length: 1000 }, (_, i) => endpointOf('PUT', `/contacts/${'ab'.repeat(1 + (i % 40))}${String.fromCharCode(97 + (i % 26))}`)));
		expect([...kinds]).toEqual(['PUT /contacts/{id}']);
	});

	it('reads paths, /v3 next links and full URLs alike', () => {
		expect(apiPath('https://api.cc.email/v3/contacts?cursor=x')).toBe('/contacts');
		expect(apiPath('/v3/contact_lists')).toBe('/contact_lists');
		expect(apiPath('emails')).toBe('/emails');
	});
});
