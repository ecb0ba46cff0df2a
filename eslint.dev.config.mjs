// Lint for the code that never ships: tests, the fake Constant Contact, the end-to-end and editor
// suites, the benchmark and the scripts. They are .mts/.mjs files, which n8n's default config
// (eslint.config.mjs, `n8n-node lint`, rules for node code on every **/*.ts) does not match, so that
// config stays byte for byte as n8n ships it. They may use the filesystem, processes and the
// network namespaces n8n's rules forbid in node code; the rules here are TypeScript's recommended.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	globalIgnores(['dist', '.cache', 'node_modules', 'nodes', 'credentials']),
	{
		files: ['**/*.mts', '**/*.mjs'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: globals.node },
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['gulpfile.js'],
		extends: [js.configs.recommended],
		languageOptions: { globals: globals.node, sourceType: 'commonjs' },
	},
);
