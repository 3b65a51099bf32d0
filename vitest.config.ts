import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/integration/global-setup.ts'],
		testTimeout: 20_000,
		hookTimeout: 60_000,
		fileParallelism: false,
	},
});
