/**
 * Runs before every on-demand page and endpoint. It fills `locals` (request id, locale and its
 * translator `t`, user, session), refreshes the session cookie when the session was extended, and refuses cross-origin
 * state-changing requests. It never decides access to a page: pages and endpoints do that.
 * Unexpected errors are logged here, once, with the request id (and without their messages, see
 * lib/server/log.ts); JSON callers then get a JSON 500, everyone else the 500 page.
 */
import { defineMiddleware } from 'astro:middleware';
import { SITE_URL, TRUST_PROXY } from 'astro:env/server';
import { createTranslator, splitLocale } from './lib/i18n.ts';
import { errorResponse } from './lib/server/http/body.ts';
import { verifyRequestOrigin } from './lib/server/http/csrf.ts';
import { CACHE_MARKER } from './lib/server/http/page-cache.ts';
import { getPublicOrigin } from './lib/server/http/proxy.ts';
import { log } from './lib/server/log.ts';
import {
	deleteSessionCookie,
	getSessionToken,
	setSessionCookie,
} from './lib/server/auth/session-cookie.ts';
import { validateSessionToken } from './lib/server/auth/session.ts';
// Registers the reader of learners' lesson states for the signed-in page cache (scripts/serve.ts).
import './lib/server/progress/lesson-state.ts';
// Registers the password-reset job with the mail sender, so requests waiting from before a restart
// are answered once the app has served its first request, not only after someone opens the page.
import './lib/server/auth/password-reset.ts';

/**
 * Pages that, rendered for a visitor without a session, are the same for every such visitor: the
 * server may keep them (src/lib/server/http/page-cache.ts). Nothing personal and nothing from the
 * query string is on them; a page rendered for a signed-in user is never marked.
 */
const SHARED_ROUTES = new Set([
	'/[...lang]',
	'/[...lang]/courses',
	'/[...lang]/courses/[course]',
	'/[...lang]/courses/[course]/[lesson]',
]);

export const onRequest = defineMiddleware(async (context, next) => {
	const { request, locals, cookies, url } = context;
	locals.requestId = request.headers.get('x-request-id') ?? crypto.randomUUID();
	locals.locale = splitLocale(url.pathname).locale;
	locals.t = createTranslator(locals.locale);
	locals.user = null;
	locals.session = null;

	if (context.isPrerendered) return next();

	const publicOrigin = getPublicOrigin(
		(name) => request.headers.get(name),
		SITE_URL,
		TRUST_PROXY === 'true',
	);
	// The address the request reached us on also counts (localhost vs 127.0.0.1 in development), but
	// never an http:// one when the public site is https:// (that is the proxy's hop, or an attacker).
	const origins =
		url.protocol === new URL(publicOrigin).protocol ? [publicOrigin, url.origin] : [publicOrigin];
	if (!verifyRequestOrigin(request, origins)) {
		const message = locals.t('error.crossOrigin');
		const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
		return errorResponse(403, message, { json: wantsJson });
	}

	try {
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
		const response = await next();
		// An /api/ address that no endpoint answers: a JSON 404 for the API caller, not the HTML page.
		if (
			response.status === 404 &&
			url.pathname.startsWith('/api/') &&
			!(response.headers.get('content-type') ?? '').includes('json')
		) {
			return errorResponse(404, locals.t('error.apiNotFound'), {
				headers: { 'cache-control': 'no-store' },
			});
		}
		const type = response.headers.get('content-type');
		if (type === 'text/html') response.headers.set('content-type', 'text/html; charset=utf-8');
		if (locals.user) response.headers.set('cache-control', 'private, no-store');
		else if (
			token === undefined &&
			response.status === 200 &&
			request.method === 'GET' &&
			SHARED_ROUTES.has(context.routePattern) &&
			url.search === ''
		) {
			response.headers.set(CACHE_MARKER, 'public');
		}
		return response;
	} catch (error) {
		log.error({ err: error, requestId: locals.requestId, path: url.pathname }, 'unhandled error');
		// JSON callers get JSON, never the HTML 500 page.
		if (
			url.pathname.startsWith('/api/') ||
			(request.headers.get('accept') ?? '').includes('application/json')
		) {
			const message = locals.t('error.serverBody');
			return Response.json(
				{ error: message, requestId: locals.requestId },
				{ status: 500, headers: { 'cache-control': 'no-store' } },
			);
		}
		// An empty 500 makes Astro render the 500 page; rethrowing would make Astro log the error's
		// message (which can carry query parameters) a second time.
		return new Response(null, { status: 500 });
	}
});
