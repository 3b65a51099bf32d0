/**
 * POST /logout: ends the session and clears the cookie, then on to the sign-in page (303).
 */
import type { APIRoute } from 'astro';
import { getLocaleFromParam, localizePath } from '~/lib/i18n.ts';
import { invalidateSession } from '~/lib/server/auth/session.ts';
import { deleteSessionCookie } from '~/lib/server/auth/session-cookie.ts';

/** Sign-out is a POST (from every page's header); the origin check has already run. */
export const POST: APIRoute = async ({ params, locals, cookies, redirect }) => {
	const locale = getLocaleFromParam(params.lang);
	if (!locale) return new Response(null, { status: 404 });
	if (locals.session) await invalidateSession(locals.session.id);
	deleteSessionCookie(cookies);
	return redirect(`${localizePath('/login', locale)}?notice=signed-out`, 303);
};
