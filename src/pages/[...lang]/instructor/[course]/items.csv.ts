/**
 * GET /instructor/<course>/items.csv — the quiz item analysis of the course as CSV (one row per
 * question, quizzes in course order), with the same figures as the page. Same access as the page.
 */
import type { APIRoute } from 'astro';
import { encodeCsv, getCsvFileName } from '~/lib/analytics/csv.ts';
import { describeResponse } from '~/lib/analytics/items.ts';
import { createTranslator, getLocaleFromParam } from '~/lib/i18n.ts';
import { getQuizAnalyses } from '~/lib/server/analytics/course-report.ts';
import { getAnalyticsAccess } from '~/lib/server/analytics/instructor-access.ts';
import { getCsvHeaders, refuseAnalytics } from '~/lib/server/analytics/csv.ts';

const round = (value: number | null, digits: number) =>
	value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

export const GET: APIRoute = async (context) => {
	const locale = getLocaleFromParam(context.params.lang);
	if (!locale) return new Response(null, { status: 404 });
	const access = await getAnalyticsAccess(context, locale, context.params.course);
	if (access.kind !== 'ok') return refuseAnalytics(access, locale);
	const t = createTranslator(locale);
	const labels = {
		true: t('instructor.true'),
		false: t('instructor.false'),
		none: t('instructor.noAnswer'),
	};
	const quizzes = await getQuizAnalyses(access.course, locale);
	const header = [
		t('instructor.quiz'),
		t('instructor.questionId'),
		t('instructor.questionType'),
		t('instructor.question'),
		t('instructor.firstAttempts'),
		`${t('instructor.correctFirst')} (%)`,
		t('instructor.topWrong'),
		t('instructor.topWrongLearners'),
		t('instructor.discrimination'),
		t('instructor.check'),
	];
	const rows = quizzes.flatMap((quiz) =>
		quiz.items.map((item) => [
			quiz.title,
			item.questionId,
			item.question?.type ?? null,
			item.question?.prompt ?? t('instructor.removedQuestion'),
			item.attempts,
			round(item.correctShare === null ? null : item.correctShare * 100, 1),
			item.topWrong
				? item.question
					? describeResponse(item.question, item.topWrong.response, labels)
					: item.topWrong.response
				: null,
			item.topWrong?.count ?? 0,
			round(item.discrimination, 3),
			item.flags
				.map((f) =>
					t(f === 'mostly-wrong' ? 'instructor.flagMostlyWrong' : 'instructor.flagNegative'),
				)
				.join('; '),
		]),
	);
	return new Response(encodeCsv(header, rows), {
		headers: getCsvHeaders(getCsvFileName(access.course.slug, 'items', new Date())),
	});
};
