/**
 * What a course's certificate assessed, for the verify page: how many required lessons, which
 * quizzes (titles in the page's language), the final assessment and its pass mark. The graded
 * projects and labs come from the certificate itself (its evidence, recorded at issue time).
 */
import { getQuizData, type Course } from '../courses.ts';
import type { Locale } from '../i18n.ts';

export interface AssessedItems {
	lessons: number;
	quizzes: string[];
	assessment: { title: string; passMark: number } | null;
}

/** The course's certificate rule in words a client can read. */
export async function getAssessedItems(course: Course, locale: Locale): Promise<AssessedItems> {
	const rule = course.certificate;
	const title = async (id: string) => (await getQuizData(course.slug, id, locale))?.quiz ?? null;
	const quizzes = (
		await Promise.all(rule.quizzes.filter((q) => q !== rule.assessment).map(title))
	).flatMap((q) => (q ? [q.title] : []));
	const final = rule.assessment ? await title(rule.assessment) : null;
	return {
		lessons: rule.lessons.length,
		quizzes,
		assessment: final ? { title: final.title, passMark: rule.passMark ?? final.passMark } : null,
	};
}
