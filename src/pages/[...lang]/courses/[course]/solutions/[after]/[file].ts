/**
 * GET /courses/<course>/solutions/<after>/<file> — a worked solution (see src/lib/server/solutions.ts).
 * On demand, never prerendered: a signed-in learner who has passed the quiz or project `<after>`
 * gets the file; anyone else gets 403 with a plain message in their language naming what unlocks it.
 */
import type { APIRoute } from 'astro';
import { getCourse } from '~/lib/courses.ts';
import { createTranslator, getLocaleFromParam } from '~/lib/i18n.ts';
import { createSolutionResponse, getSolutionGate, getSolutionPath, verifySolutionUnlocked } from '~/lib/server/solutions.ts';

const forbidden = (message: string) =>
	new Response(`${message}\n`, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' } });

export const GET: APIRoute = async ({ params, locals }) => {
	const locale = getLocaleFromParam(params.lang);
	const course = locale ? await getCourse(params.course ?? '', locale) : null;
	const path = course ? getSolutionPath(course.slug, params.after ?? '', params.file ?? '') : null;
	const gate = course && path ? await getSolutionGate(course, params.after!, locale!) : null;
	if (!course || !path || !gate) return new Response(null, { status: 404 });
	const t = createTranslator(locale!);
	if (!locals.user) return forbidden(t('solution.forbidden.signIn', { item: gate.title }));
	if (!(await verifySolutionUnlocked(locals.user.id, course.slug, gate))) return forbidden(t('solution.forbidden.locked', { item: gate.title }));
	return createSolutionResponse(path);
};
