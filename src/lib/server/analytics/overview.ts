/**
 * Course analytics for instructors: headline figures, enrolments over time and the completion
 * funnel. Quiz item analysis is in item-analysis.ts, the learners list in course-learners.ts.
 *
 * Definitions (also shown on the page):
 * - enrolments: every enrolment row of the course, including learners who later un-enrolled;
 * - active learners: enrolments whose `last_active_at` (moved by lesson visits, completions and
 *   enrolling) falls in the last 7 / 30 days;
 * - completion rate: enrolments with `completed_at` (certificate rule met) ÷ enrolments;
 * - certificates: current certificates (not superseded by a reissue), revoked ones counted apart;
 * - median time to complete: median of `completed_at − enrolled_at` over completed enrolments;
 * - funnel: per lesson, learners with a `lesson_progress` row (a row exists only once the learner
 *   opened or completed the lesson, and both set `first_visited_at`) and those whose row has
 *   `completed_at` set now (undone completions do not count).
 *
 * Performance: every query here reads one course's range of an index (`course_slug` first) and
 * aggregates in SQL, so a page costs a few index range scans whatever the number of courses. With
 * the covering indexes described in db/schema.ts (enrolment activity, lesson completion) none of
 * them touches table rows; without them they still work, only slower.
 */
import { sql } from 'drizzle-orm';
import { getShare, getMedianWindow, median } from '../../analytics/stats.ts';
import { getRecentWeeks, DAY_MS, type Period } from '../../analytics/periods.ts';
import type { FunnelCounts } from '../../analytics/funnel.ts';
import { db } from '../db.ts';

export interface CourseOverview {
	enrolments: number;
	completed: number;
	completionRate: number | null;
	active7: number;
	active30: number;
	certificates: number;
	revokedCertificates: number;
	/** Median milliseconds from enrolling to completing, or null when nobody has completed. */
	medianCompletionMs: number | null;
}

const num = (value: unknown) => Number(value ?? 0);

/** Headline figures of a course at `now`. */
export async function getCourseOverview(courseSlug: string, now: number): Promise<CourseOverview> {
	const counts = await db.get<Record<string, unknown>>(sql`
		select count(*) as enrolments, count(completed_at) as completed,
			coalesce(sum(last_active_at >= ${now - 7 * DAY_MS}), 0) as active7,
			coalesce(sum(last_active_at >= ${now - 30 * DAY_MS}), 0) as active30
		from enrolment where course_slug = ${courseSlug}`);
	const certificates = await db.get<Record<string, unknown>>(sql`
		select count(*) as issued, count(revoked_at) as revoked
		from certificate where course_slug = ${courseSlug} and superseded_by is null`);
	const enrolments = num(counts?.enrolments);
	const completed = num(counts?.completed);
	return {
		enrolments,
		completed,
		completionRate: getShare(completed, enrolments),
		active7: num(counts?.active7),
		active30: num(counts?.active30),
		certificates: num(certificates?.issued),
		revokedCertificates: num(certificates?.revoked),
		medianCompletionMs: await getMedianCompletionMs(courseSlug, completed),
	};
}

/** Median of completed_at − enrolled_at, read as the middle row(s) of the sorted durations. */
async function getMedianCompletionMs(
	courseSlug: string,
	completed: number,
): Promise<number | null> {
	const window = getMedianWindow(completed);
	if (!window) return null;
	const rows = await db.all<{ d: number }>(sql`
		select max(0, completed_at - enrolled_at) as d from enrolment
		where course_slug = ${courseSlug} and completed_at is not null
		order by d limit ${window.limit} offset ${window.offset}`);
	return median(rows.map((r) => num(r.d)));
}

export interface PeriodCount extends Period {
	count: number;
}

/**
 * New enrolments in each of the last `weeks` rolling weeks before `now`, oldest first: one range
 * count of `enrolment_course_idx` per week (a UNION ALL), which SQLite answers from the index
 * alone, several times faster than one pass that tests every row against every week.
 */
export async function getWeeklyEnrolments(
	courseSlug: string,
	now: number,
	weeks = 12,
): Promise<PeriodCount[]> {
	const periods = getRecentWeeks(now, weeks);
	const counts = sql.join(
		periods.map(
			(p, i) => sql`select ${i} as week, count(*) as n from enrolment
				where course_slug = ${courseSlug} and enrolled_at >= ${p.start} and enrolled_at < ${p.end}`,
		),
		sql` union all `,
	);
	const rows = await db.all<{ week: number; n: number }>(counts);
	const byWeek = new Map(rows.map((r) => [num(r.week), num(r.n)]));
	return periods.map((p, i) => ({ ...p, count: byWeek.get(i) ?? 0 }));
}

/** Per lesson of the course: learners who reached it and who have it completed. */
export async function getFunnelCounts(courseSlug: string): Promise<FunnelCounts[]> {
	const rows = await db.all<{ lessonSlug: string; reached: number; completed: number }>(sql`
		select lesson_slug as lessonSlug, count(*) as reached, count(completed_at) as completed
		from lesson_progress where course_slug = ${courseSlug} group by lesson_slug`);
	return rows.map((r) => ({
		lessonSlug: r.lessonSlug,
		reached: num(r.reached),
		completed: num(r.completed),
	}));
}

/** Enrolments per course, for the instructor's course list. */
export async function getEnrolmentCounts(
	courseSlugs: readonly string[],
): Promise<Map<string, number>> {
	if (courseSlugs.length === 0) return new Map();
	const rows = await db.all<{ slug: string; n: number }>(sql`
		select course_slug as slug, count(*) as n from enrolment
		where course_slug in (${sql.join(
			courseSlugs.map((s) => sql`${s}`),
			sql`, `,
		)}) group by course_slug`);
	return new Map(rows.map((r) => [r.slug, num(r.n)]));
}
