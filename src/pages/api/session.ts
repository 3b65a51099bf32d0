/**
 * GET /api/session — who is signed in, for scripts and the benchmarks' reference point (the
 * cheapest authenticated JSON answer: the middleware's one session read, no write unless the
 * session's hourly activity refresh is due).
 * Answers: 200 `{ ok: true, signedIn: true, name }` with a valid session cookie, otherwise
 * `{ ok: true, signedIn: false, name: null }`; never cached (`private, no-store`).
 */
import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ locals }) =>
	Response.json(
		{ ok: true, signedIn: locals.user !== null, name: locals.user?.name ?? null },
		{ headers: { 'cache-control': 'private, no-store' } },
	);
