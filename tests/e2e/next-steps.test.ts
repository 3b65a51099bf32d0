/**
 * What a learner sees right after passing: the final assessment's result names the certificate it
 * earned, and the lesson shows as completed without a reload.
 * Uses the fixture course tests/fixtures/courses/cert-assessed (one lesson embedding its final).
 */
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import { answerAll, openQuiz, readQuiz, signInLearner, startAttempt } from './quiz-helpers.ts';

test('passing the final in the island says "You earned your certificate" with its link, and the lesson turns completed', async ({
	page,
	context,
}) => {
	const quiz = readQuiz('cert-assessed', 'cert-final');
	await signInLearner(context, 'Shirin Sultana');
	await openQuiz(page, '/courses/cert-assessed/final');
	await expect(page.getByRole('button', { name: 'Mark as complete' })).toBeVisible();
	const questions = await startAttempt(page);
	await answerAll(page, 'cert-final', quiz, questions);
	await page.getByRole('button', { name: 'Submit answers' }).click();

	const earned = page.locator('[data-certificate-earned]');
	await expect(earned).toContainText('You earned your certificate for this course.');
	const link = earned.getByRole('link', { name: 'View and share your certificate' });
	await expect(link).toHaveAttribute('href', /^\/verify\/[a-z2-7]{32}$/);
	// The page around the island is no longer stale: no "Mark as complete", the lesson is done.
	await expect(page.getByRole('button', { name: 'Mark as complete' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Mark as not complete' })).toBeVisible();
	await expectNoAxeViolations(page);

	await link.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Valid certificate/);
	await expect(page.getByText('Shirin Sultana', { exact: true })).toBeVisible();
});

test('at 360 px the breadcrumb links are at least 24 × 24 px and ordering items show their positions', async ({
	page,
}) => {
	// The fixture copy of the Getting started quiz shows every question type, ordering included.
	await page.goto('/courses/quiz-basics/prove-your-skills');
	const crumbs = page.locator('nav.breadcrumb a');
	expect(await crumbs.count()).toBeGreaterThan(0);
	for (const box of await crumbs.evaluateAll((links) =>
		links.map((a) => a.getBoundingClientRect().toJSON()),
	)) {
		expect(box.height).toBeGreaterThanOrEqual(24);
		expect(box.width).toBeGreaterThanOrEqual(24);
	}
	const island = page.locator('astro-island[component-url*="QuizIsland"]');
	await island.scrollIntoViewIfNeeded();
	await expect(island).not.toHaveAttribute('ssr');
	const positions = await page
		.locator('.quiz-order li')
		.evaluateAll((items) => items.map((li) => getComputedStyle(li, '::before').content));
	expect(positions.length).toBeGreaterThanOrEqual(3);
	for (const content of positions) expect(content).toContain('counter(quiz-position)');
});
