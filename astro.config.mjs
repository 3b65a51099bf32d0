// @ts-check
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import solidJs from '@astrojs/solid-js';
import { defineConfig, envField } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { ENV_VARS } from './src/lib/env-vars.ts';
import { LOCALES } from './src/lib/locales.ts';
import { SOLID_HYDRATION_SCRIPT_HASH } from './src/lib/solid-csp.ts';
import { checkCourses } from './src/lib/content/check.ts';
import { buildServiceWorker } from './src/lib/offline/build-service-worker.ts';
import { precompressAssets } from './src/lib/server/http/static-assets.ts';

/**
 * Fails `astro build` when the course content has problems (the same check as
 * `npm run content:check`), so a misused component or a dangling quiz never reaches production,
 * where lesson pages are rendered on demand. Warnings are printed and do not fail it. The test
 * fixtures skip the item-writing rules: their tiny quizzes exercise the engine, not item writing.
 */
const contentCheck = {
	name: 'dakshata:content-check',
	hooks: {
		'astro:build:start': async () => {
			const root = fileURLToPath(new URL('.', import.meta.url));
			const all = await checkCourses(`${root}courses`, root, `${root}content/docs`);
			if (testBuild)
				all.push(
					...(await checkCourses(`${root}tests/fixtures/courses`, root, `${root}content/docs`, {
						itemLint: false,
					})),
				);
			const problems = all.filter((p) => p.severity !== 'warning');
			const warnings = all.length - problems.length;
			if (warnings > 0)
				console.warn(
					`The course content has ${warnings} warning(s); \`npm run content:check\` lists them.`,
				);
			if (problems.length > 0) {
				const list = problems.map((p) => `  ${p.file}:${p.line}  ${p.message}`).join('\n');
				throw new Error(`The course content has ${problems.length} problem(s):\n${list}`);
			}
		},
	},
};

/** Where the client files are written (known once the config is resolved). */
let clientDir = '';

/**
 * Writes the Workbox service worker (sw.js) into the client output after the build.
 * @type {import('astro').AstroIntegration}
 */
const serviceWorker = {
	name: 'dakshata:service-worker',
	hooks: {
		'astro:config:done': ({ config }) => {
			clientDir = fileURLToPath(config.build.client);
		},
		'astro:build:done': async ({ logger }) => {
			const { count, size } = await buildServiceWorker(clientDir);
			logger.info(`sw.js precaches ${count} files (${Math.round(size / 1024)} KiB)`);
		},
	},
};

/**
 * Writes Brotli and gzip copies of every compressible client file (after the service worker, which
 * is one of them); scripts/serve.ts sends them to clients that accept them.
 * @type {import('astro').AstroIntegration}
 */
const precompress = {
	name: 'dakshata:precompress',
	hooks: {
		'astro:build:done': ({ logger }) => {
			logger.info(`precompressed ${precompressAssets(clientDir)} files (Brotli and gzip)`);
		},
	},
};

/**
 * The astro:env schema, built from the single list in src/lib/env-vars.ts. Every variable is
 * `access: 'secret'`: Astro inlines public server variables at build time, but an operator sets
 * these at run time (and one build serves every environment), so all are read from the process
 * environment when the server starts. None reaches the browser.
 */
const schema = Object.fromEntries(
	ENV_VARS.map((v) => [
		v.name,
		envField.string({
			context: 'server',
			access: 'secret',
			optional: !v.required,
			...(v.default !== undefined ? { default: v.default } : {}),
		}),
	]),
);

/** `npm test` builds with DAKSHATA_TEST_BUILD=1 into dist-test/ (fixture courses included). */
const testBuild = process.env.DAKSHATA_TEST_BUILD === '1';

export default defineConfig({
	output: 'server',
	outDir: testBuild ? './dist-test' : './dist',
	adapter: node({ mode: 'standalone' }),
	integrations: [mdx(), solidJs(), contentCheck, serviceWorker, precompress],
	i18n: {
		locales: [...LOCALES],
		defaultLocale: 'en',
		routing: { prefixDefaultLocale: false },
	},
	env: { schema, validateSecrets: true },
	security: {
		// Off on purpose: src/middleware.ts checks Origin on every state-changing request against the
		// public origin (SITE_URL, or a trusted proxy's X-Forwarded-Proto/Host). Astro's check compares
		// with the origin the request arrived on, which is http:// behind a TLS-terminating proxy.
		checkOrigin: false,
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"font-src 'self'",
				"connect-src 'self'",
				"form-action 'self'",
				"object-src 'none'",
				"base-uri 'none'",
				"frame-ancestors 'none'",
			],
			// Solid's inline hydration bootstrap, which Astro does not hash itself (src/lib/solid-csp.ts).
			scriptDirective: { hashes: [SOLID_HYDRATION_SCRIPT_HASH] },
		},
	},
	server: { port: 4321, host: 'localhost' },
	devToolbar: { enabled: false },
	prefetch: false,
	markdown: { syntaxHighlight: false },
	vite: {
		// `~/` is src/ (also in tsconfig.json paths and vitest.config.ts). Used by pages, components,
		// layouts and the middleware; src/lib keeps relative imports, because scripts/ load some of it
		// with plain node, which knows no alias.
		resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
		server: { watch: { ignored: ['**/data/**'] } },
	},
});
