import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
	resolve: {
		// n8n loads community nodes with require(): give the package's code the same CommonJS copy of
		// n8n-workflow that n8n-core uses, or `instanceof NodeApiError` would differ between the two.
		alias: [{ find: /^n8n-workflow$/, replacement: require.resolve('n8n-workflow') }],
	},
	test: {
		include: ['test/**/*.test.mts'],
		exclude: ['test/e2e/**', 'node_modules/**'],
		// Most test files wait on the fake's 4 requests/second, not on the CPU: 4 at once on 2 cores takes
		// the suite from about 8 to about 3 minutes (each file has its own fake and its own pacer).
		maxWorkers: 4,
		testTimeout: 30_000,
		hookTimeout: 30_000,
	},
});
