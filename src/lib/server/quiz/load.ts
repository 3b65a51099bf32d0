/**
 * Loading a quiz for the engine: the English quiz (authority for settings and grading structure),
 * the version shown in the learner's language, the pass mark that decides "passed", and where the
 * quiz lives (course and embedding lesson).
 */
import type { Quiz } from '../../content/schemas.ts';
import { getPassMark } from '../../course-progress.ts';
import { getCourse, getQuizData, getQuizLesson, type Course } from '../../courses.ts';
import type { Locale } from '../../i18n.ts';
import { mergeTranslation } from '../../quiz/translation.ts';

export interface LoadedQuiz {
	course: Course;
	quizId: string;
	/** The quiz as shown: English settings, questions in `locale` where translated. */
	quiz: Quiz;
	english: Quiz;
	/** Language the questions are in (English when there is no translation). */
	locale: Locale;
	/**
	 * Percent needed to pass: the quiz's own pass mark, or for the course's final assessment the
	 * course's certificate pass mark when it sets one (so "passed" and the certificate agree).
	 */
	passMark: number;
	/** Slug of the lesson that embeds the quiz, if any. */
	lessonSlug?: string;
}

/** Loaded quizzes by course, quiz and language (only ones that exist): fixed per build, not in dev. */
const cache = new Map<string, LoadedQuiz>();

/**
 * The quiz `quizId` of course `courseSlug` in `locale`, or null when either does not exist. The
 * same object for every request of a build: read it, never change it.
 */
export async function loadQuiz(
	courseSlug: string,
	quizId: string,
	locale: Locale,
): Promise<LoadedQuiz | null> {
	if (import.meta.env.DEV) return readQuiz(courseSlug, quizId, locale);
	const key = `${courseSlug}/${quizId}/${locale}`;
	const cached = cache.get(key);
	if (cached) return cached;
	const loaded = await readQuiz(courseSlug, quizId, locale);
	if (loaded) cache.set(key, loaded);
	return loaded;
}

async function readQuiz(
	courseSlug: string,
	quizId: string,
	locale: Locale,
): Promise<LoadedQuiz | null> {
	const [course, en] = await Promise.all([
		getCourse(courseSlug, 'en'),
		getQuizData(courseSlug, quizId, 'en'),
	]);
	if (!course || !en) return null;
	const shown = locale === 'en' ? en : await getQuizData(courseSlug, quizId, locale);
	const translated = shown && shown.locale !== 'en';
	return {
		course,
		quizId,
		quiz: translated ? mergeTranslation(en.quiz, shown.quiz) : en.quiz,
		english: en.quiz,
		locale: translated ? locale : 'en',
		passMark: getPassMark(course, quizId, en.quiz.passMark),
		lessonSlug: getQuizLesson(course, quizId)?.slug,
	};
}
