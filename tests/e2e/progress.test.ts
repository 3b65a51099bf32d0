import { uniqueEmail } from '../helpers/accounts.ts';
import { expect, expectNoAxeViolations, signUpThroughForm, test } from './fixtures.ts';

test('a learner enrols, completes lessons, continues on another device, works offline, leaves and comes back', async ({
	page,
	browser,
	context,
}) => {
	const email = uniqueEmail('progress');
	await signUpThroughForm(page, { name: 'Nasrin Akter', email, password: 'green kettle morning' });
	await expectNoAxeViolations(page);

	await page.goto('/courses/getting-started');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Enrol for free' }).click();
	await expect(page.getByText('0 of 4 required items done (0%)')).toBeVisible();
	await page.getByRole('link', { name: 'Continue: How a Dakshata course works' }).click();
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Mark as complete' }).click();
	await expect(page.getByText('You completed this lesson.')).toBeVisible();
	await page.getByRole('link', { name: /Next lesson/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan your study week');

	await page.goto('/courses/getting-started');
	await expect(page.getByText('1 of 4 required items done (25%)')).toBeVisible();
	await expect(page.locator('progress')).toHaveAttribute('value', '1');

	// A second browser context (another device) resumes at the last lesson visited.
	const other = await browser.newContext({
		baseURL: process.env.E2E_BASE_URL,
		viewport: { width: 1280, height: 800 },
	});
	const laptop = await other.newPage();
	await laptop.goto('/login');
	await laptop.getByLabel('Email').fill(email);
	await laptop.getByLabel('Password').fill('green kettle morning');
	await laptop.getByRole('button', { name: 'Sign in' }).click();
	await laptop.goto('/courses/getting-started');
	await laptop.getByRole('link', { name: 'Continue: Plan your study week' }).click();
	await expect(laptop.getByRole('heading', { level: 1 })).toHaveText('Plan your study week');
	await other.close();

	// Offline: the completion is kept on the device and sent when the connection returns.
	await page.goto('/courses/getting-started/plan-your-study-week');
	await context.setOffline(true);
	await page.getByRole('button', { name: 'Mark as complete' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toBeVisible();
	await context.setOffline(false);
	await expect(page.getByText('You completed this lesson.')).toBeVisible({ timeout: 10_000 });
	await page.goto('/courses/getting-started');
	await expect(page.getByText('2 of 4 required items done (50%)')).toBeVisible();

	// Leaving keeps the history; enrolling again restores it.
	await page.getByRole('button', { name: 'Leave this course' }).click();
	await expect(page.getByText('You have left this course. Your progress is kept.')).toBeVisible();
	await page.getByRole('button', { name: 'Enrol for free' }).click();
	await expect(page.getByText('2 of 4 required items done (50%)')).toBeVisible();

	await page.goto('/dashboard');
	await expect(page.getByText('2 of 4 required items done (50%)')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a visitor reads a lesson without an account and is invited to sign in', async ({ page }) => {
	await page.goto('/courses/getting-started/how-courses-work');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('How a Dakshata course works');
	await expect(
		page.getByRole('link', { name: 'Sign in to track your progress and earn the certificate.' }),
	).toBeVisible();
	// Glossary terms open without JavaScript-specific code (the popover attribute).
	await page.getByRole('button', { name: 'virtual assistant' }).click();
	await expect(page.getByText('A person who does office and online work')).toBeVisible();
});

test('a Bengali reader gets Bengali pages where they exist, and the English lesson with a note where not', async ({
	page,
}) => {
	await page.goto('/bn/courses/getting-started');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('দক্ষতায় শুরু করা');
	await page.goto('/bn/courses/getting-started/how-courses-work');
	await expect(page.locator('main')).not.toHaveAttribute('lang', 'en');
	await expect(page.getByText('এই পাতাটি এখনও বাংলা ভাষায় নেই')).toHaveCount(0);
	// Every shipped lesson is translated now; the certificate test fixture's lessons are English only.
	await page.goto('/bn/courses/cert-basics/first-steps');
	await expect(page.getByText('এই পাতাটি এখনও বাংলা ভাষায় নেই')).toBeVisible();
	await expect(page.locator('main')).toHaveAttribute('lang', 'en');
	await expectNoAxeViolations(page);
});

test('a learner reading a lesson another learner in the same state has opened gets their own working page', async ({
	page,
	browser,
}) => {
	const lesson = '/courses/getting-started/how-courses-work';
	// Another learner opens the lesson first (the server keeps that rendering for learners in the same state).
	const other = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
	const otherPage = await other.newPage();
	await signUpThroughForm(otherPage, {
		name: 'Farhana Islam',
		email: uniqueEmail('shared-first'),
		password: 'green kettle morning',
	});
	await otherPage.goto(lesson);
	await other.close();

	await signUpThroughForm(page, {
		name: 'Sabina Yasmin',
		email: uniqueEmail('shared-second'),
		password: 'green kettle morning',
	});
	const response = await page.goto(lesson);
	// Assembled from the shared rendering: gzip even though Chromium also accepts Brotli.
	expect(response?.headers()['content-encoding']).toBe('gzip');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('How a Dakshata course works');
	await expect(page.getByRole('link', { name: 'Account' })).toBeVisible();
	await page.getByRole('button', { name: 'Mark as complete' }).click();
	await expect(page.getByText('You completed this lesson.')).toBeVisible();
	await page.reload();
	await expect(page.getByText('You completed this lesson.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Mark as not complete' })).toBeVisible();
});
