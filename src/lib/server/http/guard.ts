/**
 * Checks every request before the app sees it (scripts/serve.ts calls `guardRequest` first), so
 * requests the app has no use for are answered cheaply and never reach a page as a 500:
 *
 * - a request target that is not an origin-form path (`*`, `http://…`, unparsable) → 400;
 * - a method other than GET, HEAD and POST → 405 with `Allow`;
 * - a body larger than the route allows (http/body-limits.ts), judged from `Content-Length`
 *   before reading → 413; a body sent without a length is counted as it streams and cut off at
 *   the limit (the app then sees an unreadable body and answers 400);
 * - a large-body route without a session cookie → 401, before the body is read.
 *
 * Answers are translated (the locale comes from the path prefix) and are JSON for `/api/` routes
 * and clients that accept JSON, plain text otherwise. Free of Astro imports.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTranslator, splitLocale, type MessageKey } from '../../i18n.ts';
import { formatBytes, getBodyLimit } from './body-limits.ts';

/** The methods some route answers; everything else is 405. */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;

const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?session=[^;\s]/;

/** The path of a request target, or null when it is not an origin-form target that parses. */
function getPath(target: string | undefined): string | null {
	if (!target || !target.startsWith('/') || target.startsWith('//')) return null;
	if (!URL.canParse(target, 'http://localhost')) return null;
	return target.split('?')[0]!.split('#')[0]!;
}

/** True when the answer should be JSON. */
function wantsJson(req: IncomingMessage, path: string): boolean {
	return path.startsWith('/api/') || (req.headers.accept ?? '').includes('application/json');
}

function refuse(
	req: IncomingMessage,
	res: ServerResponse,
	status: number,
	key: MessageKey,
	vars?: Record<string, string>,
) {
	const path = getPath(req.url) ?? '/';
	const message = createTranslator(splitLocale(path).locale)(key, vars);
	const json = wantsJson(req, path);
	res.statusCode = status;
	res.setHeader(
		'Content-Type',
		json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
	);
	res.setHeader('Cache-Control', 'no-store');
	// The body (if any) is not read: close the connection rather than drain it.
	if (req.method !== 'GET' && req.method !== 'HEAD') res.setHeader('Connection', 'close');
	res.end(req.method === 'HEAD' ? undefined : json ? JSON.stringify({ error: message }) : message);
}

/** Passes a request body through, failing once more than `limit` bytes have arrived. */
async function* limitBody(source: AsyncIterable<Buffer>, limit: number): AsyncGenerator<Buffer> {
	let received = 0;
	for await (const chunk of source) {
		received += chunk.byteLength;
		if (received > limit) throw new Error(`request body over ${limit} bytes`);
		yield chunk;
	}
}

/** Answers the request when it must not reach the app; returns true when it did. */
export function guardRequest(req: IncomingMessage, res: ServerResponse): boolean {
	const path = getPath(req.url);
	if (path === null) {
		refuse(req, res, 400, 'error.badRequest');
		return true;
	}
	const method = req.method ?? '';
	if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
		res.setHeader('Allow', ALLOWED_METHODS.join(', '));
		refuse(req, res, 405, 'http.methodNotAllowed');
		return true;
	}
	if (method !== 'POST') return false;

	const { limit, requiresSession, tooLargeMessage } = getBodyLimit(
		path,
		req.headers['content-type'],
	);
	const declared = req.headers['content-length'];
	if (declared !== undefined && Number(declared) > limit) {
		refuse(req, res, 413, tooLargeMessage ?? 'http.tooLarge', { size: formatBytes(limit) });
		return true;
	}
	if (requiresSession && !SESSION_COOKIE.test(req.headers.cookie ?? '')) {
		refuse(req, res, 401, 'http.signInFirst');
		return true;
	}
	// @astrojs/node reads `req.body` instead of the stream when it is set (astro/app/node makeRequestBody).
	if (declared === undefined)
		(req as IncomingMessage & { body?: unknown }).body = limitBody(req, limit);
	return false;
}
