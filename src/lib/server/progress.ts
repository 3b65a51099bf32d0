/**
 * Enrolment and progress.
 *
 * Data: `enrolment` (one row per learner and course; un-enrolling sets `leftAt` and keeps every
 * other row, so re-enrolling restores the history), `lesson_progress` (current state per learner
 * and lesson: first visit, completion) and `progress_event` (every visit/complete/uncomplete with
 * its time, for analytics).
 *
 * Consistency: a state change and its event are written in ONE batch (one transaction on one
 * connection). The state upsert only changes a row when the state really changes (`WHERE
 * completed_at IS NULL` for a completion), and the event insert is conditional on `changes() = 1`,
 * so two identical requests racing each other record one completion and one event.
 *
 * Hooks: completing a lesson or passing a quiz calls `issueCertificateIfEligible` (certificates
 * module), which issues the course certificate the moment the rule is met.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { enrolmentTable, lessonProgressTable, quizAttemptTable } from '../../../db/schema.ts';
import type { Course, LessonRef } from '../courses.ts';
import { getQuizLesson } from '../courses.ts';
import { issueCertificateIfEligible } from './certificates.ts';
import { db } from './db.ts';

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
		.where(and(eq(enrolmentTable.userId, userId), eq(enrolmentTable.courseSlug, courseSlug), isNull(enrolmentTable.leftAt)));
}

/** Enrols the learner if they are not (or no longer) enrolled; used when they act on a course. */
export async function ensureEnrolled(userId: string, courseSlug: string): Promise<void> {
	const existing = await getEnrolment(userId, courseSlug);
	if (!existing || existing.leftAt) await enrol(userId, courseSlug);
}

/**
 * Records that the learner opened a lesson: the first visit (state + event), and the enrolment's
 * "continue here" pointer. Writes nothing when nothing changed in the last five minutes.
 */
export async function recordLessonVisit(userId: string, courseSlug: string, lessonSlug: string, enrolment: Enrolment | null): Promise<void> {
	const now = Date.now();
	const statements = [
		sql`insert into lesson_progress (user_id, course_slug, lesson_slug, first_visited_at) values (${userId}, ${courseSlug}, ${lessonSlug}, ${now})
			on conflict (user_id, course_slug, lesson_slug) do update set first_visited_at = excluded.first_visited_at where first_visited_at is null`,
		sql`insert into progress_event (user_id, course_slug, lesson_slug, kind, at) select ${userId}, ${courseSlug}, ${lessonSlug}, 'visit', ${now} where changes() = 1`,
	];
	const moved =
		enrolment && !enrolment.leftAt && (enrolment.lastLessonSlug !== lessonSlug || !enrolment.lastActiveAt || now - enrolment.lastActiveAt.getTime() > 5 * 60_000);
	if (moved) {
		statements.push(
			sql`update enrolment set last_lesson_slug = ${lessonSlug}, last_active_at = ${now} where user_id = ${userId} and course_slug = ${courseSlug}`,
		);
	}
	await db.batch(statements.map((s) => db.run(s)) as [ReturnType<typeof db.run>]);
}

/**
 * Marks a lesson complete (idempotent: a repeat changes nothing and records no event), enrolling
 * the learner if needed, then issues the certificate if the rule is now met.
 * Returns whether this call changed the state.
 */
export async function completeLesson(userId: string, course: Course, lessonSlug: string): Promise<boolean> {
	await ensureEnrolled(userId, course.slug);
	const now = Date.now();
	const [, event] = await db.batch([
		db.run(sql`insert into lesson_progress (user_id, course_slug, lesson_slug, first_visited_at, completed_at) values (${userId}, ${course.slug}, ${lessonSlug}, ${now}, ${now})
			on conflict (user_id, course_slug, lesson_slug) do update set completed_at = excluded.completed_at,
			first_visited_at = coalesce(first_visited_at, excluded.first_visited_at) where completed_at is null`),
		db.run(sql`insert into progress_event (user_id, course_slug, lesson_slug, kind, at) select ${userId}, ${course.slug}, ${lessonSlug}, 'complete', ${now} where changes() = 1`),
		db.run(sql`update enrolment set last_active_at = ${now} where user_id = ${userId} and course_slug = ${course.slug}`),
	]);
	const changed = event.rowsAffected === 1;
	if (changed) await issueCertificateIfEligible(userId, course);
	return changed;
}

/** Undoes a completion (idempotent). Certificates already issued stay issued. */
export async function uncompleteLesson(userId: string, courseSlug: string, lessonSlug: string): Promise<boolean> {
	const now = Date.now();
	const [, event] = await db.batch([
		db.run(sql`update lesson_progress set completed_at = null where user_id = ${userId} and course_slug = ${courseSlug} and lesson_slug = ${lessonSlug} and completed_at is not null`),
		db.run(sql`insert into progress_event (user_id, course_slug, lesson_slug, kind, at) select ${userId}, ${courseSlug}, ${lessonSlug}, 'uncomplete', ${now} where changes() = 1`),
	]);
	return event.rowsAffected === 1;
}

/**
 * Called by the quiz engine after a passing submission: completes the lesson that embeds the quiz
 * (if any) and issues the certificate if the rule is now met.
 */
export async function recordQuizPassed(userId: string, course: Course, quizId: string): Promise<void> {
	await ensureEnrolled(userId, course.slug);
	const lesson = getQuizLesson(course, quizId);
	const changed = lesson ? await completeLesson(userId, course, lesson.slug) : false;
	if (!changed) await issueCertificateIfEligible(userId, course);
}

export interface CourseProgress {
	enrolment: Enrolment | null;
	/** Slugs of completed lessons. */
	completedLessons: Set<string>;
	/** Ids of quizzes with a passing attempt. */
	passedQuizzes: Set<string>;
	/** Required items (lessons + quizzes + assessment) and how many are done. */
	required: number;
	done: number;
	percent: number;
	/** Where "Continue" goes: the last lesson visited if unfinished, else the first unfinished lesson. */
	next: LessonRef | undefined;
}

/** Required items of a course: lessons by slug and quizzes by id (assessment included). */
export function getRequiredItems(course: Course): { lessons: string[]; quizzes: string[] } {
	const quizzes = [...course.certificate.quizzes];
	if (course.certificate.assessment && !quizzes.includes(course.certificate.assessment)) quizzes.push(course.certificate.assessment);
	return { lessons: course.certificate.lessons, quizzes };
}

/** A learner's progress in one course. */
export async function getCourseProgress(userId: string, course: Course): Promise<CourseProgress> {
	const [enrolment, lessonRows, quizRows] = await Promise.all([
		getEnrolment(userId, course.slug),
		db
			.select({ lessonSlug: lessonProgressTable.lessonSlug })
			.from(lessonProgressTable)
			.where(and(eq(lessonProgressTable.userId, userId), eq(lessonProgressTable.courseSlug, course.slug), isNotNull(lessonProgressTable.completedAt))),
		db
			.selectDistinct({ quizId: quizAttemptTable.quizId })
			.from(quizAttemptTable)
			.where(and(eq(quizAttemptTable.userId, userId), eq(quizAttemptTable.courseSlug, course.slug), eq(quizAttemptTable.passed, true))),
	]);
	return summariseProgress(course, enrolment, new Set(lessonRows.map((r) => r.lessonSlug)), new Set(quizRows.map((r) => r.quizId)));
}

/** Pure: progress figures from the raw sets (shared by the course page and the dashboard). */
export function summariseProgress(course: Course, enrolment: Enrolment | null, completedLessons: Set<string>, passedQuizzes: Set<string>): CourseProgress {
	const req = getRequiredItems(course);
	const required = req.lessons.length + req.quizzes.length;
	const done = req.lessons.filter((l) => completedLessons.has(l)).length + req.quizzes.filter((q) => passedQuizzes.has(q)).length;
	const last = enrolment?.lastLessonSlug ? course.lessons.find((l) => l.slug === enrolment.lastLessonSlug) : undefined;
	const next = last && !completedLessons.has(last.slug) ? last : (course.lessons.find((l) => !completedLessons.has(l.slug)) ?? last);
	return {
		enrolment,
		completedLessons,
		passedQuizzes,
		required,
		done,
		percent: required === 0 ? 0 : Math.round((done / required) * 100),
		next,
	};
}
