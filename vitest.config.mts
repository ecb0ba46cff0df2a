import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts'],
		exclude: ['test/e2e/**', 'node_modules/**'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// Tests share nothing but the machine's two cores; files run in parallel, pacing tests measure wall time.
		fileParallelism: true,
	},
});
