/**
 * Everything the course analytics page and the item-analysis export show, gathered in one call:
 * headline figures, weekly enrolments, the funnel, and the item analysis of every quiz in course
 * order. The queries run one after another: the embedded database answers on one thread anyway.
 */
import { getQuizData, type Course } from '../../courses.ts';
import type { Locale } from '../../i18n.ts';
import { shapeFunnel, type FunnelStep } from '../../analytics/funnel.ts';
import {
	getCourseOverview,
	getFunnelCounts,
	getWeeklyEnrolments,
	type CourseOverview,
	type PeriodCount,
} from './overview.ts';
import { getQuizAnalysis, type QuizAnalysis } from './item-analysis.ts';

export interface CourseReport {
	generatedAt: number;
	overview: CourseOverview;
	weekly: PeriodCount[];
	funnel: FunnelStep[];
	quizzes: (QuizAnalysis & { title: string })[];
}

/** Quiz ids of a course in course order: those embedded in lessons, then any other the certificate names. */
export function getCourseQuizIds(course: Pick<Course, 'lessons' | 'certificate'>): string[] {
	const ids = course.lessons.flatMap((l) => l.quizIds);
	ids.push(...course.certificate.quizzes);
	if (course.certificate.assessment) ids.push(course.certificate.assessment);
	return [...new Set(ids)];
}

/** The item analyses of a course's quizzes, with their titles in `locale`. */
export async function getQuizAnalyses(
	course: Course,
	locale: Locale,
): Promise<CourseReport['quizzes']> {
	const result: CourseReport['quizzes'] = [];
	for (const quizId of getCourseQuizIds(course)) {
		const data = await getQuizData(course.slug, quizId, locale);
		if (!data) continue;
		result.push({
			...(await getQuizAnalysis(course.slug, quizId, data.quiz)),
			title: data.quiz.title,
		});
	}
	return result;
}

/** The full report of a course at `now`. */
export async function getCourseReport(
	course: Course,
	locale: Locale,
	now = Date.now(),
): Promise<CourseReport> {
	const overview = await getCourseOverview(course.slug, now);
	const weekly = await getWeeklyEnrolments(course.slug, now);
	const funnel = shapeFunnel(
		course.lessons,
		await getFunnelCounts(course.slug),
		overview.enrolments,
	);
	const quizzes = await getQuizAnalyses(course, locale);
	return { generatedAt: now, overview, weekly, funnel, quizzes };
}
