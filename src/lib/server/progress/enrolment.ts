/**
 * Enrolment and progress.
 *
 * Data: `enrolment` (one row per learner and course; un-enrolling sets `leftAt` and keeps every
 * other row, so re-enrolling restores the history), `lesson_progress` (current state per learner
 * and lesson: first visit, completion) and `progress_event` (every visit/complete/uncomplete with
 * its time, for analytics).
 *
 * Consistency: a state change and its event are written in ONE batch, one after the other in one
 * transaction (`write`, the group writer: ../db-writer.ts). The state upsert only changes a row when the state really changes (`WHERE
 * completed_at IS NULL` for a completion), and the event insert is conditional on `changes() = 1`,
 * so two identical requests racing each other record one completion and one event.
 *
 * Hooks: completing a lesson or passing a quiz, project or lab calls `issueCertificateIfEligible`
 * (../certificates/issue.ts), which issues the course certificate the moment the rule is met. What the
 * rule requires and how far a learner is: `src/lib/course-progress.ts`.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { enrolmentTable } from '../../../../db/schema.ts';
import {
	getItemLesson,
	summariseRecord,
	type GradedKind,
	type LearnerRecord,
	type ProgressSummary,
} from '../../course-progress.ts';
import type { Course } from '../../courses.ts';
import { issueCertificateIfEligible } from '../certificates/issue.ts';
import { db, write } from '../db.ts';
import {
	getLearnerRecord,
	readRecordSnapshot,
	recordSnapshotStatements,
} from './learner-record.ts';
import { sqlText, type SqlText } from '../sql-text.ts';

export interface Enrolment {
	courseSlug: string;
	enrolledAt: Date;
	leftAt: Date | null;
	lastLessonSlug: string | null;
	lastActiveAt: Date | null;
	completedAt: Date | null;
}

/** The learner's enrolment in a course (active or left), or null. */
export async function getEnrolment(userId: string, courseSlug: string): Promise<Enrolment | null> {
	const row = await db
		.select()
		.from(enrolmentTable)
		.where(and(eq(enrolmentTable.userId, userId), eq(enrolmentTable.courseSlug, courseSlug)))
		.get();
	return row ?? null;
}

/** Enrols (or re-enrols, restoring history). Idempotent. */
export async function enrol(userId: string, courseSlug: string): Promise<void> {
	const now = new Date();
	await db
		.insert(enrolmentTable)
		.values({ userId, courseSlug, enrolledAt: now, lastActiveAt: now })
		.onConflictDoUpdate({
			target: [enrolmentTable.userId, enrolmentTable.courseSlug],
			set: { leftAt: null, lastActiveAt: now },
		});
}

/** Un-enrols, keeping all progress. Idempotent. */
export async function unenrol(userId: string, courseSlug: string): Promise<void> {
	await db
		.update(enrolmentTable)
		.set({ leftAt: new Date() })
		.where(
			and(
				eq(enrolmentTable.userId, userId),
				eq(enrolmentTable.courseSlug, courseSlug),
				isNull(enrolmentTable.leftAt),
			),
		);
}

/**
 * The statement that enrols the learner if they are not (or no longer) enrolled, and changes
 * nothing otherwise: put it first in the batch of the action that needs the enrolment.
 */
export function ensureEnrolledStatement(
	userId: string,
	courseSlug: string,
	now = Date.now(),
	when: SqlText = sqlText`1`,
) {
	return sqlText`insert into enrolment (user_id, course_slug, enrolled_at, last_active_at) select ${userId}, ${courseSlug}, ${now}, ${now} where ${when}
		on conflict (user_id, course_slug) do update set left_at = null, last_active_at = excluded.last_active_at where left_at is not null`;
}

/**
 * The statements that complete a lesson (enrolling the learner if needed, and marking the
 * enrolment active), only when `when` (an SQL boolean) holds. The third one's `rowsAffected` is 1
 * exactly when this call completed the lesson.
 */
export function lessonCompletionStatements(
	userId: string,
	courseSlug: string,
	lessonSlug: string,
	now: number,
	when: SqlText = sqlText`1`,
): SqlText[] {
	return [
		sqlText`insert into enrolment (user_id, course_slug, enrolled_at, last_active_at) select ${userId}, ${courseSlug}, ${now}, ${now} where ${when}
			on conflict (user_id, course_slug) do update set left_at = null, last_active_at = excluded.last_active_at`,
		sqlText`insert into lesson_progress (user_id, course_slug, lesson_slug, first_visited_at, completed_at) select ${userId}, ${courseSlug}, ${lessonSlug}, ${now}, ${now} where ${when}
			on conflict (user_id, course_slug, lesson_slug) do update set completed_at = excluded.completed_at,
			first_visited_at = coalesce(first_visited_at, excluded.first_visited_at) where completed_at is null`,
		sqlText`insert into progress_event (user_id, course_slug, lesson_slug, kind, at) select ${userId}, ${courseSlug}, ${lessonSlug}, 'complete', ${now} where changes() = 1`,
	];
}

/** Enrols the learner if they are not (or no longer) enrolled; used when they act on a course. */
export async function ensureEnrolled(userId: string, courseSlug: string): Promise<void> {
	await write([ensureEnrolledStatement(userId, courseSlug)]);
}

/**
 * Whether a visit to `lessonSlug` moves the enrolment's "where you left off" (another lesson, or
 * the same one after five minutes away), so the visit must be written.
 */
export function isMoveTo(
	enrolment: { lastLessonSlug: string | null; lastActiveAt: Date | null },
	lessonSlug: string,
	now: number,
): boolean {
	return (
		enrolment.lastLessonSlug !== lessonSlug ||
		!enrolment.lastActiveAt ||
		now - enrolment.lastActiveAt.getTime() > 5 * 60_000
	);
}

/**
 * Records that the learner opened a lesson: the first visit (state + event), and the enrolment's
 * "continue here" pointer. Writes nothing when nothing changed in the last five minutes.
 */
export async function recordLessonVisit(
	userId: string,
	courseSlug: string,
	lessonSlug: string,
	enrolment: Enrolment | null,
): Promise<void> {
	const now = Date.now();
	const statements = [
		sqlText`insert into lesson_progress (user_id, course_slug, lesson_slug, first_visited_at) values (${userId}, ${courseSlug}, ${lessonSlug}, ${now})
			on conflict (user_id, course_slug, lesson_slug) do update set first_visited_at = excluded.first_visited_at where first_visited_at is null`,
		sqlText`insert into progress_event (user_id, course_slug, lesson_slug, kind, at) select ${userId}, ${courseSlug}, ${lessonSlug}, 'visit', ${now} where changes() = 1`,
	];
	if (enrolment && !enrolment.leftAt && isMoveTo(enrolment, lessonSlug, now)) {
		statements.push(
			sqlText`update enrolment set last_lesson_slug = ${lessonSlug}, last_active_at = ${now} where user_id = ${userId} and course_slug = ${courseSlug}`,
		);
	}
	await write(statements);
}

/**
 * Marks a lesson complete (idempotent: a repeat changes nothing and records no event), enrolling
 * the learner if needed, then issues the certificate if the rule is now met.
 * Returns whether this call changed the state, and the learner's record read after the change
 * (null when nothing changed).
 */
export async function completeLesson(
	userId: string,
	course: Course,
	lessonSlug: string,
): Promise<{ changed: boolean; record: LearnerRecord | null }> {
	const [, , event, ...read] = await write([
		...lessonCompletionStatements(userId, course.slug, lessonSlug, Date.now()),
		...recordSnapshotStatements(userId, course.slug),
	]);
	if (event!.rowsAffected !== 1) return { changed: false, record: null };
	const snapshot = readRecordSnapshot(read);
	const record = await getLearnerRecord(userId, course.slug, snapshot);
	await issueCertificateIfEligible(userId, course, record, snapshot.certificate);
	return { changed: true, record };
}

/** Undoes a completion (idempotent). Certificates already issued stay issued. */
export async function uncompleteLesson(
	userId: string,
	courseSlug: string,
	lessonSlug: string,
): Promise<boolean> {
	const now = Date.now();
	const [, event] = await write([
		sqlText`update lesson_progress set completed_at = null where user_id = ${userId} and course_slug = ${courseSlug} and lesson_slug = ${lessonSlug} and completed_at is not null`,
		sqlText`insert into progress_event (user_id, course_slug, lesson_slug, kind, at) select ${userId}, ${courseSlug}, ${lessonSlug}, 'uncomplete', ${now} where changes() = 1`,
	]);
	return event!.rowsAffected === 1;
}

/**
 * Called by the quiz, project and lab engines after a passing submission: completes the lesson
 * that embeds the item (if any) and issues the certificate if the rule is now met.
 */
export async function recordItemPassed(
	userId: string,
	course: Course,
	kind: GradedKind,
	id: string,
): Promise<void> {
	const lesson = getItemLesson(course, kind, id);
	if (!lesson) await ensureEnrolled(userId, course.slug);
	const changed = lesson ? (await completeLesson(userId, course, lesson.slug)).changed : false;
	if (!changed) await issueCertificateIfEligible(userId, course);
}

/** Called by the quiz engine after a passing submission (see `recordItemPassed`). */
export async function recordQuizPassed(
	userId: string,
	course: Course,
	quizId: string,
): Promise<void> {
	await recordItemPassed(userId, course, 'quiz', quizId);
}

/** A learner's progress in one course: the summary figures, the record and the enrolment. */
export interface CourseProgress extends ProgressSummary {
	enrolment: Enrolment | null;
	record: LearnerRecord;
	/** Slugs of completed lessons (`record.completedLessons`). */
	completedLessons: Set<string>;
	/** Ids of quizzes with a passing attempt (`record.passed.quiz`). */
	passedQuizzes: Set<string>;
}

/** A learner's progress in one course. */
export async function getCourseProgress(userId: string, course: Course): Promise<CourseProgress> {
	const [enrolment, record] = await Promise.all([
		getEnrolment(userId, course.slug),
		getLearnerRecord(userId, course.slug),
	]);
	return summariseProgress(course, enrolment, record);
}

/** Progress figures from an enrolment and a record (shared by the course page, dashboard and instructors). */
export function summariseProgress(
	course: Course,
	enrolment: Enrolment | null,
	record: LearnerRecord,
): CourseProgress {
	return {
		...summariseRecord(course, record, enrolment?.lastLessonSlug),
		enrolment,
		record,
		completedLessons: record.completedLessons,
		passedQuizzes: record.passed.quiz,
	};
}
