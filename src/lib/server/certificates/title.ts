/**
 * The course title of a certificate in a learner's or page's language, looked up by course slug
 * when the PDF or verify page is drawn (a certificate stores only the English title it was issued
 * with). Undefined for English, for a course without a translation in that language, and for a
 * course that no longer exists.
 */
import { getCourse } from '../../courses.ts';
import type { Locale } from '../../i18n.ts';

export async function getTranslatedCourseTitle(
	courseSlug: string,
	locale: Locale,
): Promise<string | undefined> {
	if (locale === 'en') return undefined;
	const [english, translated] = await Promise.all([
		getCourse(courseSlug, 'en'),
		getCourse(courseSlug, locale),
	]);
	if (!english || !translated || translated.title === english.title) return undefined;
	return translated.title;
}
