/**
 * A whole course in Bengali and in Hindi, as a learner who reads only that language meets it:
 * sign-up, every lesson, the graded quiz and the certificate, with no English page on the way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createTranslator, LOCALE_NAMES, type Locale } from '../../src/lib/i18n.ts';
import { uniqueEmail } from '../helpers/accounts.ts';
import { readQuizFile } from '../helpers/quiz-answers.ts';
import { expect, test } from './fixtures.ts';
import { answerAll, openQuiz, startAttempt } from './quiz-helpers.ts';

const COURSE = join(import.meta.dirname, '..', '..', 'courses', 'getting-started');
const UNIT = join(COURSE, '01-start-here');
const LESSONS = ['how-courses-work', 'plan-your-study-week', 'prove-your-skills'];

/** A translated file's frontmatter title. */
function titleOf(path: string): string {
	return parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path, 'utf8'))![1]!).title as string;
}

for (const [locale, name] of [
	['bn', 'রহিমা খাতুন'],
	['hi', 'सुनीता कुमारी'],
] as [Locale, string][]) {
	test(`a learner finishes Getting started and earns its certificate entirely in ${locale === 'bn' ? 'Bengali' : 'Hindi'}`, async ({
		page,
	}) => {
		test.setTimeout(120_000);
		const t = createTranslator(locale);
		const email = uniqueEmail(`lang-${locale}`);
		const password = 'green kettle morning';

		await page.goto(`/${locale}/signup`);
		await page.getByLabel(t('auth.name')).fill(name);
		await page.getByLabel(t('auth.email')).fill(email);
		await page.getByLabel(t('auth.password'), { exact: true }).fill(password);
		await page.getByRole('button', { name: t('auth.signUpButton') }).click();
		await expect(page).toHaveURL(new RegExp(`/${locale}/login\\?notice=signed-up$`));
		await page.getByLabel(t('auth.email')).fill(email);
		await page.getByLabel(t('auth.password')).fill(password);
		await page.getByRole('button', { name: t('auth.signInButton') }).click();
		await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard$`));

		for (const [i, slug] of LESSONS.entries()) {
			await page.goto(`/${locale}/courses/getting-started/${slug}`);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(
				titleOf(join(UNIT, `0${i + 1}-${slug}.${locale}.mdx`)),
			);
			// Never the "you are reading the English version" note.
			await expect(
				page.getByText(t('language.note', { language: LOCALE_NAMES[locale] })),
			).toHaveCount(0);
			if (slug === 'prove-your-skills') {
				const quiz = readQuizFile(join(UNIT, `getting-started-check.quiz.${locale}.yaml`));
				await openQuiz(page, `/${locale}/courses/getting-started/${slug}`);
				const questions = await startAttempt(page, t('quiz.start'));
				// The questions arrive in the learner's language.
				expect(questions.map((q) => q.prompt)).toEqual(
					questions.map((q) => quiz.questions.find((x) => x.id === q.id)!.prompt),
				);
				await answerAll(page, 'getting-started-check', quiz, questions, () => false, locale);
				await page.getByRole('button', { name: t('quiz.submit') }).click();
				await expect(page.locator('.quiz-result').getByText(t('quiz.passed'))).toBeVisible();
			}
			await page.goto(`/${locale}/courses/getting-started/${slug}`);
			const mark = page.getByRole('button', { name: t('lesson.markComplete') });
			if (await mark.count()) await mark.click();
			await expect(page.getByText(t('lesson.completed'))).toBeVisible();
		}

		// The certificate, on the dashboard and its verify page, carries the course's title in this language.
		const courseTitle = titleOf(join(COURSE, `course.${locale}.md`));
		await page.goto(`/${locale}/dashboard`);
		const certificates = page.getByRole('region', { name: t('dashboard.certificates') });
		await certificates
			.getByRole('link', { name: t('cert.verifyPage') })
			.first()
			.click();
		await expect(page).toHaveURL(new RegExp(`/${locale}/verify/[a-z2-7]{32}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			new RegExp(t('verify.validTitle')),
		);
		await expect(page.getByText(courseTitle).first()).toBeVisible();
		await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
	});
}
