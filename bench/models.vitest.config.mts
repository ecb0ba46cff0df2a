// `npx vitest run --config bench/models.vitest.config.mts`: the pacing simulation swept over every
// model of how Constant Contact may count (bench/models.sweep.mts). Not part of `npm test`: it
// measures, it asserts nothing beyond delivery.
import { defineConfig } from 'vitest/config';

import base from '../vitest.config.mts';

export default defineConfig({
	...base,
	test: { ...base.test, include: ['bench/models.sweep.mts'], exclude: ['node_modules/**'], testTimeout: 900_000, maxWorkers: 1 },
});
