import { expect, test } from './fixtures.ts';

test('a visitor can reach the catalogue from the home page and switch language, keyboard only', async ({
	page,
}) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	// The skip link is the first stop and moves focus to the main content.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('main')).toBeFocused();

	await page.getByRole('link', { name: 'Browse courses' }).click();
	await expect(page).toHaveURL(/\/courses$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Courses');

	await page
		.getByRole('navigation', { name: 'Language' })
		.getByRole('link', { name: 'বাংলা' })
		.click();
	await expect(page).toHaveURL(/\/bn\/courses$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
});

test('the page fits a 360 px wide screen without horizontal scrolling', async ({ page }) => {
	for (const path of ['/', '/courses', '/bn/', '/hi/courses']) {
		await page.goto(path);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth,
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
});
