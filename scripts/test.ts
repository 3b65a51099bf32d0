/**
 * `npm test`: the whole suite, in the order CI needs it.
 * 1. content and i18n checks; 2. type check (astro check); 3. lint; 4. format check (prettier, on
 * what .prettierignore leaves: the code and its config); 5. production build;
 * 6. vitest (unit + integration against the build, with a throwaway database);
 * 7. Playwright end-to-end in a real Chromium (found or installed by scripts/find-chromium.ts).
 * Stops at the first failing step and exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureChromium, ensurePoppler } from './find-chromium.ts';

const root = join(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
// Run the tools' scripts with this Node (24), whatever `node` on the PATH is.
const tools: Record<string, string> = {
	astro: 'node_modules/astro/bin/astro.mjs',
	eslint: 'node_modules/eslint/bin/eslint.js',
	vitest: 'node_modules/vitest/vitest.mjs',
	playwright: 'node_modules/@playwright/test/cli.js',
	prettier: 'node_modules/prettier/bin/prettier.cjs',
};

function step(title: string, command: string, args: string[], env: Record<string, string> = {}) {
	console.log(`\n▶ ${title}`);
	const started = Date.now();
	const tool = Object.entries(tools).find(([name]) => command === bin(name));
	const [cmd, argv] = tool ? [process.execPath, [join(root, tool[1]), ...args]] : [command, args];
	const result = spawnSync(cmd, argv, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...env },
	});
	if (result.status !== 0) {
		console.error(`✖ ${title} failed (exit ${result.status ?? result.signal}).`);
		process.exit(result.status ?? 1);
	}
	console.log(`✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const node = process.execPath;
step('Content check', node, ['scripts/content-check.ts']);
step('i18n check', node, ['scripts/i18n-check.ts']);
step('Type check', bin('astro'), ['check']);
step('Lint', bin('eslint'), ['.']);
step('Format check', bin('prettier'), ['--check', '.']);
// The test build includes the fixture courses of tests/fixtures/courses and goes to dist-test/,
// so it never replaces the production build that `npm start` serves.
const testBuild = { DAKSHATA_TEST_BUILD: '1', DAKSHATA_DIST: 'dist-test' };
step('Build (test build, with fixture courses)', bin('astro'), ['build'], testBuild);
ensurePoppler();
step('Unit and integration tests', bin('vitest'), ['run'], testBuild);
const chromium = ensureChromium();
step('End-to-end tests', bin('playwright'), ['test'], {
	...testBuild,
	PLAYWRIGHT_CHROMIUM_PATH: chromium,
});
console.log('\nAll checks passed.');
