/**
 * GET /instructor/<course>/learners.csv[?q=…] — the course's learners (all of them, or those matching
 * the search) as CSV: UTF-8 with a byte order mark, so Excel shows Bengali and Devanagari names.
 * Streamed a batch at a time, so a big course does not sit in memory. Same access as the page.
 */
import type { APIRoute } from 'astro';
import { encodeCsvRow, CSV_BOM, getCsvFileName } from '~/lib/analytics/csv.ts';
import { getQuizData } from '~/lib/courses.ts';
import { createTranslator, getLocaleFromParam } from '~/lib/i18n.ts';
import { iterateCourseLearners } from '~/lib/server/analytics/course-learners.ts';
import { getCourseQuizIds } from '~/lib/server/analytics/course-report.ts';
import { getAnalyticsAccess } from '~/lib/server/analytics/instructor-access.ts';
import { getCsvHeaders, refuseAnalytics, toCsvTime } from '~/lib/server/analytics/csv.ts';

export const GET: APIRoute = async (context) => {
	const locale = getLocaleFromParam(context.params.lang);
	if (!locale) return new Response(null, { status: 404 });
	const access = await getAnalyticsAccess(context, locale, context.params.course);
	if (access.kind !== 'ok') return refuseAnalytics(access, locale);
	const { course } = access;
	const t = createTranslator(locale);
	const query = (context.url.searchParams.get('q') ?? '').slice(0, 200);
	const quizzes: { id: string; title: string }[] = [];
	for (const id of getCourseQuizIds(course))
		quizzes.push({ id, title: (await getQuizData(course.slug, id, locale))?.quiz.title ?? id });
	const header = [
		t('instructor.name'),
		t('instructor.email'),
		`${t('instructor.enrolledAt')} (UTC)`,
		`${t('instructor.leftCourse')} (UTC)`,
		`${t('instructor.progress')} (%)`,
		`${t('instructor.lastActivity')} (UTC)`,
		`${t('instructor.completedAt')} (UTC)`,
		...quizzes.map((q) => `${t('instructor.quizScores')}: ${q.title} (%)`),
		t('instructor.certificateId'),
		t('instructor.certificate'),
	];
	const encoder = new TextEncoder();
	const batches = iterateCourseLearners(course, query);
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(CSV_BOM + encodeCsvRow(header)));
		},
		async pull(controller) {
			const next = await batches.next();
			if (next.done) return controller.close();
			const lines = next.value.map((l) =>
				encodeCsvRow([
					l.name,
					l.email,
					toCsvTime(l.enrolledAt),
					toCsvTime(l.leftAt),
					l.percent,
					toCsvTime(l.lastActiveAt),
					toCsvTime(l.completedAt),
					...quizzes.map((q) => l.bestScores.get(q.id) ?? null),
					l.certificate?.id ?? null,
					l.certificate
						? l.certificate.revokedAt
							? t('instructor.certificateRevoked')
							: t('instructor.certificateIssued', { date: toCsvTime(l.certificate.issuedAt)! })
						: null,
				]),
			);
			controller.enqueue(encoder.encode(lines.join('')));
		},
		async cancel() {
			await batches.return(undefined);
		},
	});
	return new Response(body, {
		headers: getCsvHeaders(getCsvFileName(course.slug, 'learners', new Date())),
	});
};
