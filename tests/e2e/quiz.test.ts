/**
 * Quizzes in a real browser: practice and counted attempts of every question type, feedback as
 * each quiz's reveal setting allows, the attempt limit, the cool-down, the timer, one question at
 * a time with the keyboard alone, the warning before leaving, and the form without JavaScript.
 * Needs tests/fixtures/courses/quiz-fixture in courses/ for the build.
 */
import { expectNoAxeViolations, expect, test } from './fixtures.ts';
import {
	answerAll,
	giveAnswer,
	openQuiz,
	readIslandQuestions,
	readQuiz,
	signInLearner,
	startAttempt,
} from './quiz-helpers.ts';

const GS = '/courses/quiz-basics/prove-your-skills';
const FX = '/courses/quiz-fixture';

test('a visitor practises every question type, is graded without an account and invited to sign in', async ({
	page,
}) => {
	const quiz = readQuiz('quiz-basics', 'getting-started-check');
	await openQuiz(page, GS);
	await expect(
		page.getByText('Practice mode: your answers are graded but not saved.'),
	).toBeVisible();
	const questions = await readIslandQuestions(page);
	await expect(page.getByText('0 of 8 answered')).toBeVisible();
	await answerAll(page, 'getting-started-check', quiz, questions);
	await expect(page.getByText('8 of 8 answered')).toBeVisible();
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
	await expect(
		page.locator('.quiz-result').getByText('Score: 100%.', { exact: true }),
	).toBeVisible();
	await expect(page.getByRole('status')).toHaveText('Score: 100%. You passed.');
	await expect(
		page.getByText(
			'Why: Grading on the server keeps quizzes fair, so certificates mean something.',
		),
	).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Sign in to make your attempts count towards a certificate.' }),
	).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a learner fails, then passes a quiz of every type, with feedback after each attempt and the lesson completed', async ({
	page,
	context,
}) => {
	const quiz = readQuiz('quiz-basics', 'getting-started-check');
	await signInLearner(context);
	await openQuiz(page, GS);
	await expect(page.getByText('Starting the quiz enrols you in this course')).toBeVisible();
	let questions = await startAttempt(page);
	await expect(page.locator('fieldset').first()).toBeFocused();
	await answerAll(page, 'getting-started-check', quiz, questions, () => true);
	const grading = questions.find((q) => q.id === 'quiz-grading')!;
	await giveAnswer(
		page,
		'getting-started-check',
		grading,
		(grading as { options: string[] }).options.indexOf('On your phone, as you type'),
	);
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await expect(page.locator('.quiz-result').getByText('Score: 0%.', { exact: true })).toBeVisible();
	await expect(page.locator('.quiz-result').getByText('You need 70% to pass.')).toBeVisible();
	const review = page.locator('.quiz-review > li');
	await expect(review.first()).toContainText('Incorrect');
	await expect(review.first()).toContainText('No. Your phone never receives the correct answers.');
	await expect(review.first()).toContainText(
		'Correct answer: On the Dakshata server, after you submit',
	);
	await expectNoAxeViolations(page);

	questions = await startAttempt(page, 'Start a new attempt');
	await answerAll(page, 'getting-started-check', quiz, questions);
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await expect(
		page.locator('.quiz-result').getByText('Score: 100%.', { exact: true }),
	).toBeVisible();
	await expect(page.locator('.quiz-result').getByText('You passed.')).toBeVisible();
	await expect(page.getByText('Best score: 100%')).toBeVisible();
	const history = page.locator('.quiz-history > li');
	await expect(history).toHaveCount(2);
	await expect(history.nth(0)).toContainText('· 0% · Not passed');
	await expect(history.nth(1)).toContainText('· 100% · Passed');

	await page.reload();
	await expect(page.getByText('You completed this lesson.')).toBeVisible();
	await page.getByRole('link', { name: 'Attempt 2' }).click();
	await expect(page).toHaveURL(/\/quiz\/getting-started-check\?attempt=/);
	await expect(
		page.locator('.quiz-result').getByText('Score: 100%.', { exact: true }),
	).toBeVisible();
});

test('after-passing hides the answers, and the attempt limit stops a third attempt', async ({
	page,
	context,
}) => {
	const quiz = readQuiz('quiz-fixture', 'limited-check');
	await signInLearner(context);
	await openQuiz(page, `${FX}/limited`);
	await expect(page.getByText('Attempts left: 2')).toBeVisible();
	for (const left of [1, 0]) {
		const questions = await startAttempt(page);
		await answerAll(page, 'limited-check', quiz, questions, (id) => id === 'rivers-meet');
		await page.getByRole('button', { name: 'Submit answers' }).click();
		await expect(
			page.locator('.quiz-result').getByText('Score: 50%.', { exact: true }),
		).toBeVisible();
		await expect(page.getByText('The answers and feedback are shown once you pass.')).toBeVisible();
		await expect(page.getByText('Dhaka has been the capital since 1971.')).toHaveCount(0);
		await expect(page.getByText(`Attempts left: ${left}`)).toBeVisible();
	}
	await expect(
		page.getByText('You have no attempts left at this quiz (attempts used: 2).'),
	).toBeVisible();
	await expect(page.getByRole('button', { name: /Start/ })).toHaveCount(0);
	await page.reload();
	await page.locator('.quiz').scrollIntoViewIfNeeded();
	await expect(
		page.getByText('You have no attempts left at this quiz (attempts used: 2).'),
	).toBeVisible();
});

test('the cool-down stops a new attempt and says when one can start', async ({ page, context }) => {
	const quiz = readQuiz('quiz-fixture', 'cooldown-check');
	await signInLearner(context);
	await openQuiz(page, `${FX}/cooldown`);
	const questions = await startAttempt(page);
	await answerAll(page, 'cooldown-check', quiz, questions);
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await expect(
		page.locator('.quiz-result').getByText('Score: 100%.', { exact: true }),
	).toBeVisible();
	await expect(page.getByText('You can start another attempt in 30 min.')).toBeVisible();
	await expect(page.getByRole('button', { name: /Start/ })).toHaveCount(0);
});

test('feedback shows right or wrong and why, but the correct answers only once the learner has passed', async ({
	page,
	context,
}) => {
	const quiz = readQuiz('quiz-basics', 'feedback-check');
	await signInLearner(context);
	await openQuiz(page, '/courses/quiz-basics/feedback');
	let questions = await startAttempt(page);
	await answerAll(page, 'feedback-check', quiz, questions, () => true);
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await expect(page.locator('.quiz-result').getByText('Score: 0%.', { exact: true })).toBeVisible();
	await expect(
		page.getByText('The correct answers are shown only once you pass a signed-in attempt.'),
	).toBeVisible();
	const review = page.locator('.quiz-review > li');
	await expect(review).toHaveCount(2);
	await expect(review.first()).toContainText('Incorrect');
	await expect(review.first()).toContainText('Why:');
	await expect(page.locator('.quiz-review').getByText(/^Correct answer:/)).toHaveCount(0);

	questions = await startAttempt(page, 'Start a new attempt');
	await answerAll(page, 'feedback-check', quiz, questions);
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await expect(page.locator('.quiz-result').getByText('You passed.')).toBeVisible();
	await page.getByRole('link', { name: 'Attempt 1' }).click();
	await expect(
		page
			.locator('.quiz-review')
			.getByText(/^Correct answer:/)
			.first(),
	).toBeVisible();
});

test('a quiz that never reveals answers shows only the score', async ({ page, context }) => {
	const quiz = readQuiz('quiz-fixture', 'secret-check');
	await signInLearner(context);
	await openQuiz(page, `${FX}/secret`);
	const questions = await startAttempt(page);
	expect(questions).toHaveLength(2);
	await answerAll(page, 'secret-check', quiz, questions, (id) => id === questions[0]!.id);
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await expect(
		page.locator('.quiz-result').getByText('Score: 50%.', { exact: true }),
	).toBeVisible();
	await expect(page.getByText('This quiz does not show the answers.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Review' })).toHaveCount(0);
});

test('the timer counts down and the attempt is submitted when time is up', async ({
	page,
	context,
}) => {
	await signInLearner(context);
	await openQuiz(page, `${FX}/timed`);
	const questions = await startAttempt(page);
	await expect(page.getByRole('timer')).toHaveText(/^Time left: 0:1\d$/);
	await giveAnswer(
		page,
		'timed-check',
		questions.find((q) => q.id === 'color-mix')!,
		'Green',
	);
	await expect(page.locator('.quiz-result').getByText('Score: 50%.', { exact: true })).toBeVisible({
		timeout: 25_000,
	});
	await expect(page.locator('.quiz-history')).toContainText('Attempt 1 · ');
	await expect(page.locator('.quiz-history')).toContainText('50% · Passed');
});

test('one question at a time, with the keyboard alone, in a quiz with Bengali answers', async ({
	page,
	context,
}) => {
	await signInLearner(context);
	await openQuiz(page, `${FX}/stepwise`);
	/** Presses Tab until the focused control's name matches. */
	const tabTo = async (name: RegExp) => {
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			const label = await page.evaluate(() => {
				const el = document.activeElement as
					(HTMLElement & { labels?: NodeListOf<HTMLLabelElement> }) | null;
				return (
					el?.getAttribute('aria-label') ??
					el?.labels?.[0]?.textContent ??
					el?.textContent ??
					''
				).trim();
			});
			if (name.test(label)) return;
		}
		throw new Error(`Tab never reached ${name}`);
	};
	await tabTo(/^Start the quiz$/);
	await page.keyboard.press('Enter');
	await expect(page.getByText('Question 1 of 4')).toBeVisible();
	await expect(page.getByText('Question 2 of 4')).toBeHidden();
	await tabTo(/^Mango$/);
	await page.keyboard.press('Space');
	await tabTo(/^Jackfruit$/);
	await page.keyboard.press('Space');
	await expect(page.getByText('1 of 4 answered')).toBeVisible();
	await tabTo(/Next question/);
	await page.keyboard.press('Enter');
	await expect(page.getByText('Question 2 of 4')).toBeVisible();
	await expect(page.getByText('Question 1 of 4')).toBeHidden();
	await tabTo(/Blank 1/);
	await page.keyboard.type('ctrl + c');
	await page.keyboard.press('Tab');
	await page.keyboard.type('Control-V');
	await tabTo(/Next question/);
	await page.keyboard.press('Enter');
	await tabTo(/Your answer/);
	// য় typed as two code points (য + nukta), as many phone keyboards do.
	await page.keyboard.insertText('\u09B8\u09AE\u09AF\u09BC');
	await tabTo(/Next question/);
	await page.keyboard.press('Enter');
	for (const [left, right] of [
		['Monday', 'Tuesday'],
		['Friday', 'Saturday'],
		['Sunday', 'Monday comes next'],
	] as const) {
		await tabTo(new RegExp(`^${left}$`));
		await page.keyboard.type(right.slice(0, 4));
		await expect(page.getByLabel(left, { exact: true })).toHaveValue(/\d/);
	}
	await expect(page.getByText('4 of 4 answered')).toBeVisible();
	await tabTo(/Submit answers/);
	await page.keyboard.press('Enter');
	await expect(
		page.locator('.quiz-result').getByText('Score: 100%.', { exact: true }),
	).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
	await expectNoAxeViolations(page);
});

test('ordering works from the keyboard: focus stays on the moved item and the move is announced', async ({
	page,
}) => {
	await openQuiz(page, GS);
	const fieldset = page.locator('fieldset#quiz-getting-started-check-plan-order');
	const first = (await fieldset.locator('li > span:first-child').first().textContent())!;
	await fieldset.getByRole('button', { name: `Move “${first}” down` }).focus();
	await page.keyboard.press('Enter');
	await expect(fieldset.locator('li > span:first-child').nth(1)).toHaveText(first);
	await expect(page.getByRole('status')).toHaveText(`“${first}” is now number 2 of 4.`);
	await expect(fieldset.getByRole('button', { name: `Move “${first}” down` })).toBeFocused();
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Enter');
	await expect(fieldset.locator('li > span:first-child').first()).toHaveText(first);
	await expect(fieldset.getByRole('button', { name: `Move “${first}” down` })).toBeFocused();
});

test('warns before leaving with unsaved answers', async ({ page }) => {
	await openQuiz(page, GS);
	await page.getByRole('radio', { name: 'On the Dakshata server, after you submit' }).check();
	const dialog = page.waitForEvent('dialog');
	await page.close({ runBeforeUnload: true });
	const shown = await dialog;
	expect(shown.type()).toBe('beforeunload');
	await shown.accept();
});

test('a visitor meets a final assessment: sign in to take it, no practice', async ({ page }) => {
	await page.goto(`${FX}/final`);
	await expect(page.getByRole('link', { name: /^Sign in to take this assessment/ })).toBeVisible();
	await expect(page.locator('astro-island')).toHaveCount(0);
	await expect(page.getByText('What is seven plus five?')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the quiz is a form that posts to the server and shows the graded result', async ({
		page,
	}) => {
		await page.goto(GS);
		await page.getByRole('radio', { name: 'On the Dakshata server, after you submit' }).check();
		for (const option of ['Units', 'Quizzes', 'Practice files'])
			await page.getByRole('checkbox', { name: option, exact: true }).check();
		await page
			.locator('fieldset#quiz-getting-started-check-verify-no-account')
			.getByRole('radio', { name: 'False' })
			.check();
		await page
			.locator('fieldset#quiz-getting-started-check-box-for-clients')
			.getByRole('textbox')
			.fill('Client tip');
		await page
			.locator('fieldset#quiz-getting-started-check-minutes-per-week')
			.getByRole('textbox')
			.fill('100');
		const steps = [
			'Open the plan template',
			'Choose a study time for each day',
			'Write the minutes you can really give',
			'Save the file with a clear name',
		];
		for (const [i, step] of steps.entries())
			await page.getByLabel(`Position of “${step}”`).selectOption(String(i + 1));
		for (const [left, right] of [
			['Copy', 'Ctrl+C'],
			['Paste', 'Ctrl+V'],
			['Undo', 'Ctrl+Z'],
		] as const)
			await page.getByLabel(left, { exact: true }).selectOption({ label: right });
		await page.getByRole('textbox', { name: 'Blank 1' }).fill('link');
		await page.getByRole('textbox', { name: 'Blank 2' }).fill('QR code');
		await page.getByRole('button', { name: 'Submit answers' }).click();
		await expect(page).toHaveURL(/\/prove-your-skills\/quiz\/getting-started-check$/);
		await expect(
			page.locator('.quiz-result').getByText('Score: 100%.', { exact: true }),
		).toBeVisible();
		await expect(page.locator('.quiz-result').getByText('You passed.')).toBeVisible();
	});
});
