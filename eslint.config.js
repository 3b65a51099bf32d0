import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default [
	{
		ignores: ['dist/', 'dist-test/', '.astro/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', 'bench/results/'],
	},
	...tseslint.configs.recommended,
	...eslintPluginAstro.configs.recommended,
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	{
		// scripts/ and astro.config.mjs load parts of src/lib with plain node, which knows no `~/` alias.
		files: ['src/lib/**'],
		rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['~/*'], message: 'src/lib uses relative imports (plain node loads it).' }] }] },
	},
];
