/**
 * The accessibility sweep: every page that exists, in each language where it differs, at phone
 * width, checked by axe-core against WCAG 2.2 AA. Fails on any violation.
 */
import { expectNoAxeViolations, test } from './fixtures.ts';

const PUBLIC_PAGES = ['/', '/courses', '/bn/', '/hi/courses', '/no-such-page', '/docs/authoring'];

for (const path of PUBLIC_PAGES) {
	test(`public page ${path} has no axe violations`, async ({ page }) => {
		await page.goto(path);
		await expectNoAxeViolations(page);
	});
}
