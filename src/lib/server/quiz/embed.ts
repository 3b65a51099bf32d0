/**
 * The quiz island's props, built on the server for one learner (or visitor) and page. This is the
 * one place that decides what of a quiz reaches the browser before submission: public questions
 * (src/lib/quiz/layout.ts), the learner's own history, and interface strings. Nothing else.
 */
import type { SessionUser } from '../auth/session.ts';
import { createTranslator, localizePath, type Locale } from '../../i18n.ts';
import { QUIZ_STRING_KEYS } from '../../quiz/strings.ts';
import type { QuizIslandProps, QuizResult, QuizStrings } from '../../quiz/types.ts';
import { getEnrolment } from '../progress/enrolment.ts';
import { getAttemptState, listAttempts, toOpenAttempt } from './attempts.ts';
import type { LoadedQuiz } from './load.ts';
import { createPracticeSeed, getPracticeQuestions } from './practice.ts';
import { getQuizPagePath, getQuizStatus } from './results.ts';

/** The island's strings in `locale`. */
export function buildQuizStrings(locale: Locale): QuizStrings {
	const t = createTranslator(locale);
	return Object.fromEntries(QUIZ_STRING_KEYS.map((key) => [key, t(`quiz.${key}`)])) as QuizStrings;
}

export interface QuizEmbedOptions {
	loaded: LoadedQuiz;
	locale: Locale;
	user: SessionUser | null;
	/** The page to come back to after signing in. */
	returnTo: string;
	result?: QuizResult;
	notice?: string;
	/** Reuse a practice layout (e.g. re-showing a refused practice form). */
	practiceSeed?: string;
}

/**
 * Props for the quiz island, or null when a visitor meets a final assessment (no practice: the
 * page shows "sign in to take this assessment" instead).
 */
export async function getQuizIslandProps(
	options: QuizEmbedOptions,
): Promise<QuizIslandProps | null> {
	const { loaded, locale, user } = options;
	const { quiz } = loaded;
	const props: QuizIslandProps = {
		courseSlug: loaded.course.slug,
		quizId: loaded.quizId,
		locale,
		title: quiz.title,
		passMark: loaded.passMark,
		display: quiz.display,
		questionCount: quiz.draw ?? quiz.questions.length,
		timeLimitMinutes: quiz.timeLimitMinutes ?? null,
		mode: user ? 'learner' : 'practice',
		action: getQuizPagePath(loaded, locale),
		signInUrl: getSignInUrl(locale, options.returnTo),
		strings: buildQuizStrings(locale),
		serverNow: Date.now(),
		...(options.result ? { result: options.result } : {}),
		...(options.notice ? { notice: options.notice } : {}),
	};
	if (!user) {
		const seed = options.practiceSeed ?? createPracticeSeed();
		const questions = getPracticeQuestions(loaded, seed);
		return questions ? { ...props, practice: { seed, questions } } : null;
	}
	const [rows, enrolment] = await Promise.all([
		listAttempts(user.id, loaded.course.slug, loaded.quizId),
		getEnrolment(user.id, loaded.course.slug),
	]);
	const open = rows.find((r) => getAttemptState(r) === 'open');
	return {
		...props,
		status: getQuizStatus(loaded, rows, locale),
		enrolled: Boolean(enrolment && !enrolment.leftAt),
		...(open ? { attempt: toOpenAttempt(loaded, open) } : {}),
	};
}

/** The sign-in page, coming back to `returnTo`. */
export function getSignInUrl(locale: Locale, returnTo: string): string {
	return `${localizePath('/login', locale)}?next=${encodeURIComponent(returnTo)}`;
}
