/**
 * GET /api/offline/<course>?lang=bn — the files to save a course for offline use and their sizes
 * (see src/lib/server/offline/course-files.ts). Public, like the lessons it lists; no user data.
 * Answers 200 JSON `OfflineCourse`, 404 for an unknown course or language.
 */
import type { APIRoute } from 'astro';
import { getCourse } from '~/lib/courses.ts';
import { isLocale } from '~/lib/i18n.ts';
import { getOfflineCourse } from '~/lib/server/offline/course-files.ts';

export const GET: APIRoute = async ({ params, url, locals }) => {
	const lang = url.searchParams.get('lang') ?? 'en';
	const course = isLocale(lang) ? await getCourse(params.course ?? '', lang) : null;
	if (!course) return Response.json({ error: locals.t('error.notFoundTitle') }, { status: 404 });
	const offline = await getOfflineCourse(course);
	return Response.json(offline, { headers: { 'cache-control': 'no-cache' } });
};
