import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.ts';

/**
 * End-to-end tests against the production build with a throwaway database (tests/e2e/fixtures.ts
 * starts the server). Chromium comes from scripts/find-chromium.ts (npm test installs one if needed).
 */
export default defineConfig({
	testDir: 'tests/e2e',
	// Two workers in all: the accessibility sweep (read-only page checks, one test per page) runs its
	// tests two at a time; the journeys run one at a time beside it, in file order.
	workers: 2,
	retries: 0,
	// Whole journeys on a loaded 2-core machine can take minutes; a timeout is a hang detector, not a speed test.
	timeout: 240_000,
	reporter: [['list']],
	globalSetup: './tests/e2e/global-setup.ts',
	projects: [
		{ name: 'a11y', testMatch: /a11y\.test\.ts$/, fullyParallel: true },
		{ name: 'journeys', testIgnore: /a11y\.test\.ts$/, fullyParallel: false, workers: 1 },
	],
	use: {
		launchOptions: {
			executablePath: findChromium() ?? undefined,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
		},
		viewport: { width: 360, height: 740 },
		locale: 'en-GB',
	},
});
