/**
 * An instructor reads the analytics of a course with seeded activity (the analytics fixture course,
 * tests/fixtures/courses/analytics-fixture): the funnel and the quiz item analysis, on a phone-sized
 * screen, then the learners list and its CSV export.
 */
import { signInAsFixtureInstructor } from './analytics-setup.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

test("an instructor opens a course's analytics and sees the funnel, the item analysis and the learners", async ({
	page,
}) => {
	await signInAsFixtureInstructor(page);
	await page.getByRole('link', { name: 'Instructor' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instructor analytics');
	await page.getByRole('link', { name: /Analytics fixture course/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Analytics: Analytics fixture course',
	);

	// The funnel: a chart announced as an image, and a table with the numbers.
	await expect(page.getByRole('img', { name: 'Completion funnel' })).toBeVisible();
	const funnel = page.getByRole('region', { name: 'Completion funnel' }).getByRole('table');
	await expect(funnel.getByRole('row', { name: /Check your understanding/ })).toContainText(
		'6 (60%)',
	);
	await expect(funnel.getByRole('row', { name: /Check your understanding/ })).toContainText(
		'2 (20%)',
	);

	// The item analysis flags the question nearly everyone gets wrong and the one that misleads the strong.
	const items = page.getByRole('region', { name: 'Fixture check' }).getByRole('table');
	await expect(items.getByRole('row', { name: /Type the word/ })).toContainText(
		'Nearly everyone gets this wrong',
	);
	await expect(items.getByRole('row', { name: /the sky is green/ })).toContainText(
		'Weaker learners do better than stronger ones',
	);
	await expect(items.getByRole('row', { name: /Which option is right/ })).toContainText(
		'Charlie (3 learners)',
	);

	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth,
	);
	expect(overflow, 'no sideways scrolling of the page at 360 px').toBeLessThanOrEqual(0);

	await page.getByRole('link', { name: 'See every learner' }).click();
	await page.getByLabel('Search by name or email').fill('রহিমা');
	await page.getByRole('button', { name: 'Search' }).click();
	await expect(page.getByRole('row', { name: /রহিমা খাতুন/ })).toContainText('100%');
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Learners (CSV)' }).click();
	expect((await download).suggestedFilename()).toMatch(
		/^analytics-fixture-learners-\d{4}-\d{2}-\d{2}\.csv$/,
	);
	await expectNoAxeViolations(page);
});
