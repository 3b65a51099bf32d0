import eslintPluginAstro from 'eslint-plugin-astro';
import solid from 'eslint-plugin-solid/configs/typescript';
import tseslint from 'typescript-eslint';

export default [
	{
		ignores: [
			'dist/',
			'dist-test/',
			'.astro/',
			'node_modules/',
			'data/',
			'test-results/',
			'playwright-report/',
			'bench/results/',
		],
	},
	...tseslint.configs.recommended,
	...eslintPluginAstro.configs.recommended,
	// The Solid islands (reactivity, JSX): props read reactively, no destructuring of props, etc.
	{ files: ['src/**/*.tsx'], ...solid },
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	{
		// scripts/ and astro.config.mjs load parts of src/lib with plain node, which knows no `~/` alias.
		files: ['src/lib/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['~/*'], message: 'src/lib uses relative imports (plain node loads it).' },
					],
				},
			],
		},
	},
];
