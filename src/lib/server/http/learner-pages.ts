/**
 * Signed-in lesson pages without rendering: a cache of lesson pages as rendered for a signed-in
 * learner, keyed by the page's address and the learner's **state** on it (role, enrolled or not,
 * lessons completed in the course, a valid certificate or not), so learners in the same state share
 * one rendering. scripts/serve.ts asks `serve` first; on a miss the app renders the page and
 * `capture` keeps it when the page says it may.
 *
 * Why this is safe (a learner's page must never show another learner's data):
 * - The page itself declares what it depends on: the lesson page sets `STATE_HEADER` (the state
 *   key from `getLessonStateKey`) and `SUBST_HEADER` (the user id and certificate id it printed).
 *   Nothing else personal is on a lesson page; the test in tests/integration/learner-pages.test.ts
 *   compares a served page with a fresh rendering for the second learner.
 * - Components that show one learner's own data inside lesson content (quiz, project, lab,
 *   solution) print `PERSONAL_MARK`; a page holding it is never kept.
 * - On a hit, the rendering learner's ids are replaced by the requesting learner's, so the page is
 *   byte for byte what the app would render for them (apart from per-render random element ids).
 * - The state is read fresh from the database for every request (`LessonStateResolver`, supplied by
 *   the app, src/lib/server/progress/lesson-state.ts): a completed lesson changes the key at once.
 *   The resolver answers null — and the app renders — when the session is unknown, ended or due to
 *   be extended (the app then sends the cookie), or when the visit must be recorded (first visit,
 *   or moving to another lesson: the app writes it).
 * Entries live `ttlMs` (practice draws vary per rendering). Free of Astro imports.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import {
	fillSplicedPage,
	gzipSplicedPage,
	prepareSplicedPage,
	type SplicedPage,
} from './gzip-splice.ts';
import { acceptsGzip, interceptResponse, PER_RESPONSE } from './page-cache.ts';

/** Set by the lesson page rendered for a signed-in learner: the learner's state key. */
export const STATE_HEADER = 'x-dakshata-learner-state';
/** Set with it: the ids printed on the page, space-separated (user id, then certificate id). */
export const SUBST_HEADER = 'x-dakshata-learner-ids';
/** Printed by a component that shows one learner's own data: the page is never shared. */
export const PERSONAL_MARK = '<!--dakshata:personal-->';

/** What the lesson page depends on, besides its address. */
export interface LessonState {
	role: string;
	enrolled: boolean;
	/** A valid (not revoked) certificate of the course is shown. */
	certificate: boolean;
	/** Slugs of the lessons completed in the course. */
	completed: Iterable<string>;
}

/** The cache key part for a learner's state; the page and the resolver both use this. */
export function getLessonStateKey(state: LessonState): string {
	return [
		state.role,
		state.enrolled ? 'enrolled' : 'visitor',
		state.certificate ? 'certificate' : '-',
		[...state.completed].sort().join(' '),
	].join('|');
}

/** A learner's state for one request, with the ids to print. */
export interface ResolvedLessonState {
	key: string;
	userId: string;
	certificateId: string | null;
}

/**
 * Reads the learner's state for a lesson request from the request's cookies, or null when the app
 * must render (no valid session, a session to extend, a visit to record).
 */
export type LessonStateResolver = (
	cookieHeader: string,
	courseSlug: string,
	lessonSlug: string,
) => Promise<ResolvedLessonState | null>;

const RESOLVER = Symbol.for('dakshata.lessonStateResolver');

/** Called by the app (once loaded) so the server can read learners' states. */
export function registerLessonStateResolver(resolver: LessonStateResolver): void {
	(globalThis as Record<symbol, unknown>)[RESOLVER] = resolver;
}

function getResolver(): LessonStateResolver | undefined {
	return (globalThis as Record<symbol, unknown>)[RESOLVER] as LessonStateResolver | undefined;
}

/** `/courses/<course>/<lesson>` in any language, without a query string. */
const LESSON_PATH = /^\/(?:(?:bn|hi)\/)?courses\/([a-z0-9-]+)\/([a-z0-9-]+)$/;

interface Entry {
	headers: OutgoingHttpHeaders;
	/** The page split at the rendering learner's ids, its fixed parts compressed once. */
	page: SplicedPage;
	expires: number;
}

export interface LearnerPageCacheOptions {
	ttlMs: number;
	maxEntries: number;
	now?: () => number;
}

function isCandidate(req: IncomingMessage): RegExpExecArray | null {
	if (req.method !== 'GET' || !req.headers.cookie || req.headers.authorization) return null;
	// Saving a course for offline reading is not a visit; the app answers it.
	if (req.headers['x-dakshata-offline']) return null;
	return LESSON_PATH.exec(req.url ?? '');
}

export function createLearnerPageCache(options: LearnerPageCacheOptions) {
	const now = options.now ?? Date.now;
	const entries = new Map<string, Entry>();
	/** Addresses with at least one entry, so a request for another address never reads the database. */
	const addresses = new Map<string, number>();

	function remove(key: string) {
		const entry = entries.get(key);
		if (!entry) return;
		entries.delete(key);
		const url = key.slice(0, key.indexOf('\n'));
		const n = (addresses.get(url) ?? 1) - 1;
		if (n <= 0) addresses.delete(url);
		else addresses.set(url, n);
	}

	return {
		/**
		 * Whether `serve` may answer: a signed-in lesson request for an address with a kept rendering
		 * (checked without reading anything, so every other request goes straight to the app).
		 */
		mayServe(req: IncomingMessage): boolean {
			return isCandidate(req) !== null && addresses.has(req.url!) && getResolver() !== undefined;
		},

		/** Answers a signed-in lesson request from the cache; false (nothing written) on a miss. */
		async serve(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
			const match = isCandidate(req);
			const resolver = getResolver();
			if (!match || !resolver || !addresses.has(req.url!)) return false;
			const state = await resolver(req.headers.cookie!, match[1]!, match[2]!);
			if (!state) return false;
			const key = `${req.url}\n${state.key}`;
			const entry = entries.get(key);
			if (!entry) return false;
			if (entry.expires <= now()) {
				remove(key);
				return false;
			}
			// The requesting learner's ids where the rendering learner's were; gzip is assembled from
			// pieces compressed once (./gzip-splice.ts), so nothing is compressed per request. Gzip is
			// chosen even when Brotli is accepted: assembled, it is as small as Brotli at the quality a
			// per-request compression could afford.
			const ids = [state.userId, state.certificateId ?? ''];
			const gzip = acceptsGzip(req.headers['accept-encoding'] as string | undefined);
			const body = gzip ? gzipSplicedPage(entry.page, ids) : fillSplicedPage(entry.page, ids);
			for (const [name, value] of Object.entries(entry.headers))
				if (value !== undefined) res.setHeader(name, value);
			res.setHeader('Cache-Control', 'private, no-store');
			res.setHeader('Vary', 'Accept-Encoding');
			if (gzip) res.setHeader('Content-Encoding', 'gzip');
			res.setHeader('Content-Length', body.length);
			res.statusCode = 200;
			res.end(body);
			return true;
		},

		/** Lets `handler` answer; keeps a signed-in lesson page that declared its state. */
		capture(
			req: IncomingMessage,
			res: ServerResponse,
			handler: (req: IncomingMessage, res: ServerResponse) => void,
		) {
			if (!isCandidate(req)) return handler(req, res);
			interceptResponse(res, [STATE_HEADER, SUBST_HEADER], (markers, body) => {
				const state = markers.get(STATE_HEADER);
				const ids = markers.get(SUBST_HEADER);
				if (
					!state ||
					!ids ||
					res.statusCode !== 200 ||
					res.getHeader('set-cookie') !== undefined ||
					!String(res.getHeader('content-type') ?? '').startsWith('text/html')
				)
					return;
				const html = body.toString('utf8');
				if (html.includes(PERSONAL_MARK)) return;
				const headers: OutgoingHttpHeaders = {};
				for (const [name, value] of Object.entries(res.getHeaders()))
					if (!PER_RESPONSE.has(name) && name !== 'cache-control') headers[name] = value;
				const key = `${req.url}\n${state}`;
				remove(key);
				entries.set(key, {
					headers,
					page: prepareSplicedPage(html, ids.split(' ')),
					expires: now() + options.ttlMs,
				});
				addresses.set(req.url!, (addresses.get(req.url!) ?? 0) + 1);
				while (entries.size > options.maxEntries) remove(entries.keys().next().value!);
			});
			handler(req, res);
		},

		get size() {
			return entries.size;
		},
	};
}

export type LearnerPageCache = ReturnType<typeof createLearnerPageCache>;
