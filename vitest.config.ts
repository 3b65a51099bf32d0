import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure modules, no build, seconds: `npm run test:unit`) and `integration`
 * (HTTP and real libSQL against the test build, one server started by the global setup:
 * `npm run test:integration`). `npm test` runs both.
 */
export default defineConfig({
	// The `~/` import alias (src/), as in tsconfig.json and astro.config.mjs.
	resolve: { alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) } },
	test: {
		// Keep-alive pool with an idle timeout below the server's (the cause of a flaky suite).
		setupFiles: ['tests/helpers/fetch-pool.ts'],
		testTimeout: 20_000,
		hookTimeout: 60_000,
		fileParallelism: false,
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					// Several tests start server processes or CLIs; on a loaded 2-core machine one start
					// can take over 20 s (seen at load average 15), so these get a minute and a half.
					testTimeout: 90_000,
					globalSetup: ['tests/integration/global-setup.ts'],
				},
			},
		],
	},
});
