/**
 * Driving the quiz island in a real browser: signing a learner in, waiting for the island to
 * hydrate, and answering each question type through its controls (radio buttons, check boxes,
 * text boxes, Move up buttons, selects), rightly or wrongly.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { Quiz } from '../../src/lib/content/schemas.ts';
import { createTranslator, type Locale } from '../../src/lib/i18n.ts';
import type { DisplayAnswer, PublicQuestion } from '../../src/lib/quiz/types.ts';
import { signUp } from '../helpers/accounts.ts';
import { getRightAnswer, getWrongAnswer, readQuizFile } from '../helpers/quiz-answers.ts';
import { expect } from './fixtures.ts';

/** The course roots of the test build: the real courses and the fixtures (see src/content.config.ts). */
const courseRoots = [
	join(import.meta.dirname, '..', '..', 'courses'),
	join(import.meta.dirname, '..', 'fixtures', 'courses'),
];

/** The quiz file `<id>.quiz.yaml` of a course. */
export function readQuiz(course: string, id: string): Quiz {
	for (const coursesDir of courseRoots) {
		if (!existsSync(join(coursesDir, course))) continue;
		for (const unit of readdirSync(join(coursesDir, course))) {
			const path = join(coursesDir, course, unit, `${id}.quiz.yaml`);
			if (existsSync(path)) return readQuizFile(path);
		}
	}
	throw new Error(`No quiz ${course}/${id} in courses/ or tests/fixtures/courses/`);
}

/** Signs a new learner up over HTTP and gives the browser context their session. */
export async function signInLearner(
	context: BrowserContext,
	name = 'Farzana Yasmin',
): Promise<void> {
	const base = process.env.E2E_BASE_URL!;
	const { browser } = await signUp(base, { name });
	await context.addCookies(
		[...browser.cookies].map(([cookieName, value]) => ({ name: cookieName, value, url: base })),
	);
}

/** Opens a page with a quiz and waits until its island has hydrated. */
export async function openQuiz(page: Page, path: string): Promise<Locator> {
	await page.goto(path);
	const island = page.locator('astro-island[component-url*="QuizIsland"]');
	await island.scrollIntoViewIfNeeded();
	await expect(island).not.toHaveAttribute('ssr');
	return island;
}

/** Clicks "Start …" and returns the questions the server sent. */
export async function startAttempt(
	page: Page,
	button: string | RegExp = /^Start (the quiz|a new attempt)$/,
): Promise<PublicQuestion[]> {
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.url().endsWith('/api/quiz/start')),
		page.getByRole('button', { name: button }).click(),
	]);
	expect(response.status()).toBe(201);
	return (await response.json()).attempt.questions;
}

/** Puts an ordering question's items in `target` order with the Move up buttons. */
async function reorder(fieldset: Locator, target: string[], moveUp: (item: string) => string) {
	for (let i = 0; i < target.length; i++) {
		const shown = await fieldset.locator('li > span:first-child').allTextContents();
		for (let j = shown.indexOf(target[i]!); j > i; j--)
			await fieldset.getByRole('button', { name: moveUp(target[i]!) }).click();
	}
}

/** Gives `answer` (display terms) to one question through its controls. */
export async function giveAnswer(
	page: Page,
	quizId: string,
	pq: PublicQuestion,
	answer: DisplayAnswer,
	locale: Locale = 'en',
) {
	const t = createTranslator(locale);
	const fieldset = page.locator(`fieldset#quiz-${quizId}-${pq.id}`);
	const q = pq as PublicQuestion & {
		options: string[];
		items: string[];
		lefts: string[];
		rights: string[];
	};
	switch (pq.type) {
		case 'single':
			return fieldset
				.getByRole('radio', { name: q.options[answer as number], exact: true })
				.check();
		case 'multiple':
			for (const d of answer as number[])
				await fieldset.getByRole('checkbox', { name: q.options[d], exact: true }).check();
			return;
		case 'true-false':
			return fieldset
				.getByRole('radio', { name: answer ? t('quiz.true') : t('quiz.false'), exact: true })
				.check();
		case 'short-text':
		case 'numeric':
			return fieldset.getByRole('textbox', { name: t('quiz.yourAnswer') }).fill(answer as string);
		case 'ordering':
			return reorder(
				fieldset,
				(answer as number[]).map((d) => q.items[d]!),
				(item) => t('quiz.moveUp', { item }),
			);
		case 'matching':
			for (const [l, r] of (answer as (number | null)[]).entries())
				if (r !== null)
					await fieldset
						.getByLabel(q.lefts[l]!, { exact: true })
						.selectOption({ label: q.rights[r]! });
			return;
		case 'fill-blanks':
			for (const [b, text] of (answer as string[]).entries())
				await fieldset
					.getByRole('textbox', { name: t('quiz.blank', { number: b + 1 }) })
					.fill(text);
	}
}

/** Answers every question, rightly unless `wrong(id)`. */
export async function answerAll(
	page: Page,
	quizId: string,
	quiz: Quiz,
	questions: PublicQuestion[],
	wrong: (id: string) => boolean = () => false,
	locale: Locale = 'en',
) {
	for (const pq of questions)
		await giveAnswer(
			page,
			quizId,
			pq,
			wrong(pq.id) ? getWrongAnswer(quiz, pq) : getRightAnswer(quiz, pq),
			locale,
		);
}

/** The island's questions from its server-rendered props (practice, or an open attempt). */
export async function readIslandQuestions(page: Page): Promise<PublicQuestion[]> {
	const { getIslandProps } = await import('../helpers/leak-scan.ts');
	const props = getIslandProps(await page.content())[0] as {
		practice?: { questions: PublicQuestion[] };
		attempt?: { questions: PublicQuestion[] };
	};
	return props.practice?.questions ?? props.attempt?.questions ?? [];
}
