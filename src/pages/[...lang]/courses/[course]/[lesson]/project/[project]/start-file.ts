/**
 * GET …/project/<id>/start-file — the signed-in learner's personalised start file for their current
 * attempt (created on first download): their name, their own seeded data and the signed attempt
 * key. Visitors are sent to sign in. Never cached by shared caches.
 */
import type { APIRoute } from 'astro';
import { getLocaleFromParam, localizePath } from '~/lib/i18n.ts';
import { getOrCreateAttempt } from '~/lib/server/projects/attempts.ts';
import { loadProject } from '~/lib/server/projects/load.ts';
import { buildStartFile } from '~/lib/server/projects/start-file.ts';

export const GET: APIRoute = async ({ params, locals, url, redirect }) => {
	const locale = getLocaleFromParam(params.lang);
	if (!locale) return new Response(null, { status: 404 });
	const loaded = await loadProject(params.course ?? '', params.project ?? '', locale);
	if (!loaded || loaded.lessonSlug !== params.lesson) return new Response(null, { status: 404 });
	if (!locals.user) return redirect(`${localizePath('/login', locale)}?next=${encodeURIComponent(url.pathname.replace(/\/start-file$/, ''))}`, 303);
	const attempt = await getOrCreateAttempt(locals.user.id, loaded);
	const file = await buildStartFile(loaded, attempt, locals.user.name);
	return new Response(file.bytes, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.name}"`,
			'cache-control': 'private, no-store',
		},
	});
};
