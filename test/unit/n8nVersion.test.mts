import { NodeConnectionTypes } from 'n8n-workflow';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

import { MINIMUM_N8N, assertSupportedN8n } from '../../nodes/ConstantContact/n8nVersion.ts';

const require = createRequire(import.meta.url);

describe('the supported n8n floor', () => {
	it('passes on this n8n and on the floor version (n8n-workflow 1.83, n8n 1.85)', () => {
		expect(() => assertSupportedN8n(NodeConnectionTypes)).not.toThrow();
		expect(() => assertSupportedN8n((require('n8n-workflow-1.83.0') as typeof import('n8n-workflow')).NodeConnectionTypes)).not.toThrow();
	});

	it('stops the load with a clear message on an older n8n, which has no NodeConnectionTypes', () => {
		expect(() => assertSupportedN8n(undefined)).toThrow(`n8n-nodes-constant-contact needs n8n ${MINIMUM_N8N} or later; this n8n is older. Update n8n, then reinstall the package.`);
		expect(() => assertSupportedN8n({})).toThrow(/needs n8n 1\.85 or later/);
	});
});
