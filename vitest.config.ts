import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/integration/global-setup.ts'],
		// Keep-alive pool with an idle timeout below the server's (the cause of a flaky suite).
		setupFiles: ['tests/helpers/fetch-pool.ts'],
		testTimeout: 20_000,
		hookTimeout: 60_000,
		fileParallelism: false,
	},
});
