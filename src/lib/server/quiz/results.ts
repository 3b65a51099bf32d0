/**
 * What a learner is shown about their attempts: the result of a submission (as far as the quiz's
 * reveal policy allows), the result of an earlier attempt, and their history, best score,
 * attempts left and cool-down.
 */
import { createTranslator, formatDate, localizePath, type Locale } from '../../i18n.ts';
import { gradeAttempt, type GradedAttempt } from '../../quiz/grading.ts';
import type { QuizLayout } from '../../quiz/layout.ts';
import { toQuizResult, type ReviewLabels } from '../../quiz/reveal.ts';
import type { DisplayAnswers, QuizResult, QuizStatus } from '../../quiz/types.ts';
import { fitLayout, getAttemptState, getCooldownUntil, type AttemptRow } from './attempts.ts';
import { getCurrentCertificate } from '../certificates/records.ts';
import type { LoadedQuiz } from './load.ts';

/** Words the review needs, in the page's language. */
export function getReviewLabels(locale: Locale): { labels: ReviewLabels; defaultPrompt: string } {
	const t = createTranslator(locale);
	return {
		labels: { true: t('quiz.true'), false: t('quiz.false'), none: t('quiz.none') },
		defaultPrompt: t('quiz.fillPrompt'),
	};
}

/** The address of the page that shows a quiz (and, with `attempt`, one attempt's result). */
export function getQuizPagePath(
	loaded: Pick<LoadedQuiz, 'course' | 'quizId' | 'lessonSlug'>,
	locale: Locale,
	attemptId?: string,
): string {
	const path = localizePath(
		`/courses/${loaded.course.slug}/${loaded.lessonSlug ?? 'quiz'}/quiz/${loaded.quizId}`,
		locale,
	);
	return attemptId ? `${path}?attempt=${attemptId}` : path;
}

/**
 * The result to show for a graded set of answers. `hasPassed` is whether the learner has passed
 * this quiz in any attempt (feedback and after-passing reveal everything from then on);
 * `practice` marks anonymous practice, which never gets the answers.
 */
export function buildResult(
	loaded: LoadedQuiz,
	layout: QuizLayout,
	answers: DisplayAnswers,
	hasPassed: boolean,
	locale: Locale,
	stored?: { score: number; passed: boolean },
	practice = false,
	gradedNow?: GradedAttempt,
): QuizResult {
	const graded = {
		...(gradedNow ??
			gradeAttempt(
				loaded.quiz,
				layout,
				answers,
				loaded.passMark,
				loaded.locale === 'en' ? undefined : loaded.english,
			)),
		// The stored score and verdict are authoritative (the quiz file may have changed since).
		...stored,
	};
	const { labels, defaultPrompt } = getReviewLabels(locale);
	return toQuizResult(
		loaded.quiz,
		graded,
		loaded.passMark,
		hasPassed,
		labels,
		defaultPrompt,
		practice,
	);
}

/**
 * The result of a submitted attempt, as the learner may see it now. `graded`: the grading of
 * exactly this attempt's answers, when the caller has just done it (a submission).
 */
export function getStoredResult(
	loaded: LoadedQuiz,
	row: AttemptRow,
	rows: AttemptRow[],
	locale: Locale,
	graded?: GradedAttempt,
): QuizResult | null {
	if (!row.submittedAt || row.score === null) return null;
	const hasPassed = rows.some((r) => r.passed);
	const layout = fitLayout(loaded, row.layout as QuizLayout);
	return buildResult(
		loaded,
		layout,
		(row.answers ?? {}) as DisplayAnswers,
		hasPassed,
		locale,
		{ score: row.score, passed: Boolean(row.passed) },
		false,
		graded,
	);
}

/** The learner's standing: history, best score, attempts left and cool-down. */
export function getQuizStatus(
	loaded: LoadedQuiz,
	rows: AttemptRow[],
	locale: Locale,
	now = Date.now(),
): QuizStatus {
	const scores = rows.filter((r) => r.submittedAt && r.score !== null).map((r) => r.score!);
	const limit = loaded.quiz.attempts;
	return {
		history: rows.map((r, i) => ({
			id: r.id,
			number: i + 1,
			date: formatDate(r.startedAt, locale),
			score: r.submittedAt ? r.score : null,
			passed: r.submittedAt ? Boolean(r.passed) : null,
			state: getAttemptState(r, now),
			href: getQuizPagePath(loaded, locale, r.id),
		})),
		best: scores.length > 0 ? Math.max(...scores) : null,
		passed: rows.some((r) => r.passed),
		attemptsLeft: limit === 'unlimited' ? null : Math.max(0, limit - rows.length),
		cooldownUntil: getCooldownUntil(loaded, rows, now),
	};
}

/**
 * Adds the learner's certificate page to a passing result when they hold a valid certificate for
 * the course (the pass may just have issued it), so the result can say so at once. `known`: their
 * current certificate (null: none) when the caller has read it since the pass.
 */
export async function addCertificateLink(
	result: QuizResult,
	userId: string,
	courseSlug: string,
	locale: Locale,
	known?: { id: string; revoked: boolean } | null,
): Promise<QuizResult> {
	if (!result.passed) return result;
	const certificate =
		known === undefined
			? await getCurrentCertificate(userId, courseSlug).then(
					(c) => c && { id: c.id, revoked: c.revokedAt !== null },
				)
			: known;
	if (!certificate || certificate.revoked) return result;
	return { ...result, certificateUrl: localizePath(`/verify/${certificate.id}`, locale) };
}
