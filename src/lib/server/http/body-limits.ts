/**
 * How large a request body each route may send, decided from the request line and headers alone,
 * before a byte of the body is read (scripts/serve.ts enforces it, for every route).
 *
 * Forms get 64 KB and JSON 256 KB. A feature that takes uploads adds its route to
 * `BODY_LIMIT_ROUTES` (e.g. 10 MB with `requiresSession`, so an anonymous client cannot make the
 * server read a large body at all).
 */
import { TRANSLATION_LOCALE_PATTERN } from '../../locales.ts';

export const KB = 1024;
export const MB = 1024 * KB;

/** Form posts (urlencoded or multipart) on routes not listed below. */
export const FORM_BODY_LIMIT = 64 * KB;
/** JSON bodies (quiz answers, progress) on routes not listed below. */
export const JSON_BODY_LIMIT = 256 * KB;
/** The most any route may allow (uploads): a 10 MB file plus the rest of its multipart form. */
export const UPLOAD_BODY_LIMIT = 10 * MB + 64 * KB;

export interface BodyLimitRoute {
	/** Matched against the path (without the query string), locale prefix included. */
	pattern: RegExp;
	/** Bytes. */
	limit: number;
	/** When true, a request without a session cookie is refused (401) before its body is read. */
	requiresSession?: boolean;
	/** The message of the 413, when the route has a more helpful one than the general `http.tooLarge`. */
	tooLargeMessage?: 'project.error.tooLarge';
}

/** A whole path, `/` + `rest` (a regular expression), in any locale (with or without its prefix). */
function localePath(rest: string): RegExp {
	return new RegExp(`^/(?:(?:${TRANSLATION_LOCALE_PATTERN})/)?${rest}$`);
}

/**
 * Routes with their own limit; the first match wins.
 * @example { pattern: localePath('courses/[^/]+/[^/]+/project/[^/]+/upload'), limit: UPLOAD_BODY_LIMIT, requiresSession: true }
 */
export const BODY_LIMIT_ROUTES: BodyLimitRoute[] = [
	// Graded-project uploads (a plain multipart form on the project page): a signed-in learner's file.
	{
		pattern: localePath('courses/[^/]+/[^/]+/project/[^/]+'),
		limit: UPLOAD_BODY_LIMIT,
		requiresSession: true,
		tooLargeMessage: 'project.error.tooLarge',
	},
];

/** The limit for a request, and whether it needs a session cookie before its body is read. */
export function getBodyLimit(
	pathname: string,
	contentType: string | undefined,
): {
	limit: number;
	requiresSession: boolean;
	tooLargeMessage?: BodyLimitRoute['tooLargeMessage'];
} {
	const route = BODY_LIMIT_ROUTES.find((r) => r.pattern.test(pathname));
	if (route)
		return {
			limit: Math.min(route.limit, UPLOAD_BODY_LIMIT),
			requiresSession: route.requiresSession ?? false,
			tooLargeMessage: route.tooLargeMessage,
		};
	const json = /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType ?? '');
	return { limit: json ? JSON_BODY_LIMIT : FORM_BODY_LIMIT, requiresSession: false };
}

/** A human size for messages: "64 KB", "10 MB". */
export function formatBytes(bytes: number): string {
	return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} KB`;
}
