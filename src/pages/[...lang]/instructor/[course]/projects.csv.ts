/**
 * GET /instructor/<course>/projects.csv — the per-project step analysis as CSV (one row per step,
 * projects in course order), with the same figures as the page. Same access as the page.
 */
import type { APIRoute } from 'astro';
import { encodeCsv, getCsvFileName } from '~/lib/analytics/csv.ts';
import { createTranslator, getLocaleFromParam } from '~/lib/i18n.ts';
import { getCsvHeaders, refuseAnalytics } from '~/lib/server/analytics/csv.ts';
import { getAnalyticsAccess } from '~/lib/server/analytics/instructor-access.ts';
import { getProjectAnalyses } from '~/lib/server/projects/analysis.ts';

export const GET: APIRoute = async (context) => {
	const locale = getLocaleFromParam(context.params.lang);
	if (!locale) return new Response(null, { status: 404 });
	const access = await getAnalyticsAccess(context, locale, context.params.course);
	if (access.kind !== 'ok') return refuseAnalytics(access, locale);
	const t = createTranslator(locale);
	const analyses = await getProjectAnalyses(access.course, locale);
	const header = [
		t('project.label'),
		'project_id',
		'step_id',
		t('project.analysis.step'),
		t('project.analysis.learners'),
		`${t('project.analysis.firstPass')} (%)`,
		t('project.analysis.flag'),
	];
	const rows = analyses.flatMap((a) =>
		a.steps.map((s) => [
			a.title,
			a.projectId,
			s.stepId,
			s.title,
			s.learners,
			s.share === null ? null : Math.round(s.share * 1000) / 10,
			s.flagged ? t('project.analysis.flag') : '',
		]),
	);
	return new Response(encodeCsv(header, rows), {
		headers: getCsvHeaders(getCsvFileName(access.course.slug, 'projects', new Date())),
	});
};
