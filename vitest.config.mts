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
		testTimeout: 30_000,
		hookTimeout: 30_000,
	},
});
