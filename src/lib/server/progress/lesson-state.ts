/**
 * The learner's state on a lesson page, for the signed-in page cache
 * (src/lib/server/http/learner-pages.ts): one indexed query reads the session, the user's role, the
 * enrolment, the lessons completed and a valid certificate. It applies the same session rules as
 * `validateSessionToken` (`judgeSession`) and the same "is this visit written" rule as
 * `recordLessonVisit` (`isMoveTo`), and answers null whenever the app must render instead: no or
 * an unknown session, an ended one, one due to be extended (the app re-sends the cookie), or a
 * visit to record.
 *
 * The query goes through the group writer's `read`: on an embedded file its connection keeps the
 * statement prepared (preparing it on every request, as @libsql/client does, took a quarter of the
 * answer's time in a CPU profile of `npm run bench -- pages`); a libSQL server or Turso goes through
 * the app's client.
 */
import { parseSessionToken, judgeSession } from '../auth/session.ts';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';
import { read } from '../db.ts';
import {
	getLessonStateKey,
	registerLessonStateResolver,
	type ResolvedLessonState,
} from '../http/learner-pages.ts';
import { isMoveTo } from './enrolment.ts';

const QUERY = `
select s.secret_hash, s.created_at, s.last_verified_at, u.id as user_id, u.role, u.disabled_at,
	e.user_id is not null as has_enrolment, e.left_at, e.last_lesson_slug, e.last_active_at,
	(select p.first_visited_at from lesson_progress p
		where p.user_id = s.user_id and p.course_slug = ?2 and p.lesson_slug = ?3) as visited_at,
	(select group_concat(p.lesson_slug, ' ') from lesson_progress p
		where p.user_id = s.user_id and p.course_slug = ?2 and p.completed_at is not null) as completed,
	(select c.id from certificate c
		where c.user_id = s.user_id and c.course_slug = ?2 and c.superseded_by is null and c.revoked_at is null
		limit 1) as certificate_id
from session s
join user u on u.id = s.user_id
left join enrolment e on e.user_id = s.user_id and e.course_slug = ?2
where s.id = ?1`;

/** The value of cookie `name` in a Cookie header. */
function readCookie(header: string, name: string): string | undefined {
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
	}
	return undefined;
}

const toNumber = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function resolveLessonState(
	cookieHeader: string,
	courseSlug: string,
	lessonSlug: string,
): Promise<ResolvedLessonState | null> {
	const token = readCookie(cookieHeader, SESSION_COOKIE);
	const parsed = token ? parseSessionToken(token) : null;
	if (!parsed) return null;
	const row = (await read({ sql: QUERY, args: [parsed.id, courseSlug, lessonSlug] })).rows[0];
	if (!row) return null;
	const now = Date.now();
	const verdict = judgeSession(
		{
			secretHash: new Uint8Array(row.secret_hash as ArrayBuffer | Uint8Array),
			createdAt: Number(row.created_at),
			lastVerifiedAt: Number(row.last_verified_at),
			disabled: row.disabled_at !== null,
		},
		parsed.secret,
		now,
	);
	if (verdict !== 'valid') return null;
	const enrolled = Boolean(row.has_enrolment) && row.left_at === null;
	if (enrolled) {
		const lastActive = toNumber(row.last_active_at);
		const enrolment = {
			lastLessonSlug: (row.last_lesson_slug as string | null) ?? null,
			lastActiveAt: lastActive === null ? null : new Date(lastActive),
		};
		// The app records first visits and moves; only a repeat view is answered from the cache.
		if (row.visited_at === null || isMoveTo(enrolment, lessonSlug, now)) return null;
	}
	const certificateId = (row.certificate_id as string | null) ?? null;
	const completed = row.completed ? String(row.completed).split(' ') : [];
	return {
		key: getLessonStateKey({
			role: String(row.role),
			enrolled,
			certificate: enrolled && certificateId !== null,
			completed,
		}),
		userId: String(row.user_id),
		certificateId: enrolled ? certificateId : null,
	};
}

registerLessonStateResolver(resolveLessonState);
