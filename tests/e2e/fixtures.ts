/**
 * Shared end-to-end fixtures: `baseURL` from the throwaway server, a page that fails the test on
 * any console error or uncaught exception (CSP violations show up there), and `expectNoAxeViolations`.
 */
import '../helpers/fetch-pool.ts';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export const test = base.extend<{ consoleErrors: string[] }>({
	baseURL: async ({}, use) => {
		await use(process.env.E2E_BASE_URL);
	},
	consoleErrors: [
		async ({ page }, use) => {
			const errors: string[] = [];
			page.on('console', (msg) => {
				if (msg.type() !== 'error') return;
				const text = msg.text();
				// A deliberate 4xx answer (e.g. a refused form) logs "Failed to load resource"; pages are
				// judged by their own scripts and the CSP, so only those count.
				if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text))
					return;
				// Tests that take the browser offline on purpose see the browser's own network errors.
				if (text.includes('net::ERR_INTERNET_DISCONNECTED')) return;
				errors.push(text);
			});
			page.on('pageerror', (error) => errors.push(error.message));
			await use(errors);
			expect(errors, 'console errors on the page').toEqual([]);
		},
		{ auto: true },
	],
});

export { expect };

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core on the current page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Signs a new learner up through the form and then in (sign-up starts no session: the address is
 * confirmed by mail), ending on the dashboard.
 */
export async function signUpThroughForm(
	page: Page,
	account: { name: string; email: string; password: string },
) {
	await page.goto('/signup');
	await page.getByLabel('Full name').fill(account.name);
	await page.getByLabel('Email').fill(account.email);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/login\?notice=signed-up$/);
	await page.getByLabel('Email').fill(account.email);
	await page.getByLabel('Password').fill(account.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/dashboard$/);
}
