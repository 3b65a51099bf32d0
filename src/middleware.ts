/**
 * Runs before every on-demand page and endpoint. It fills `locals` (request id, locale and its
 * translator `t`, user, session), refreshes the session cookie when the session was extended, and refuses cross-origin
 * state-changing requests. It never decides access to a page: pages and endpoints do that.
 * Unexpected errors are logged here, once, with the request id; Astro then renders the 500 page.
 */
import { defineMiddleware } from 'astro:middleware';
import { createTranslator, splitLocale } from './lib/i18n.ts';
import { verifyRequestOrigin } from './lib/server/csrf.ts';
import { log } from './lib/server/log.ts';
import { deleteSessionCookie, getSessionToken, setSessionCookie } from './lib/server/session-cookie.ts';
import { validateSessionToken } from './lib/server/session.ts';

export const onRequest = defineMiddleware(async (context, next) => {
	const { request, locals, cookies, url } = context;
	locals.requestId = request.headers.get('x-request-id') ?? crypto.randomUUID();
	locals.locale = splitLocale(url.pathname).locale;
	locals.t = createTranslator(locals.locale);
	locals.user = null;
	locals.session = null;

	if (context.isPrerendered) return next();

	if (!verifyRequestOrigin(request, url.origin)) {
		const message = locals.t('error.crossOrigin');
		const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
		return wantsJson
			? Response.json({ error: message }, { status: 403 })
			: new Response(message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}

	const token = getSessionToken(cookies);
	if (token) {
		const result = await validateSessionToken(token);
		if (result) {
			locals.user = result.user;
			locals.session = result.session;
			if (result.refreshed) setSessionCookie(cookies, token);
		} else {
			deleteSessionCookie(cookies);
		}
	}

	try {
		const response = await next();
		if (locals.user) response.headers.set('cache-control', 'private, no-store');
		return response;
	} catch (error) {
		log.error({ err: error, requestId: locals.requestId, path: url.pathname }, 'unhandled error');
		throw error;
	}
});
