/**
 * Reads what learners have done (completed lessons; passed quizzes, projects and labs) into the
 * `LearnerRecord` shape the pure course-progress module works on. One learner in one course for
 * the course page and certificate issuing; one learner in every course for the dashboard.
 */
import { and, eq, isNotNull, max } from 'drizzle-orm';
import { lessonProgressTable, quizAttemptTable } from '../../../../db/schema.ts';
import { createEmptyRecord, type LearnerRecord } from '../../course-progress.ts';
import { getCourse } from '../../courses.ts';
import { db, read } from '../db.ts';
import { getPassedLabs } from '../labs/passed.ts';
import { getPassedProjects } from '../projects/passed.ts';
import { sqlText, type SqlText } from '../sql-text.ts';

/**
 * Statements that read, inside a group write and right after its own statements, the lessons the
 * learner has completed and the quizzes they have passed in a course, and their current
 * certificate for it: the record as THAT write left it. The certificate rule is judged on it: read
 * after the commit instead, a later "mark as not complete" committed in the same batch could hide
 * the moment a learner had finished the course. Read the results with `readRecordSnapshot`.
 */
export function recordSnapshotStatements(userId: string, courseSlug: string): SqlText[] {
	return [
		sqlText`select lesson_slug from lesson_progress where user_id = ${userId} and course_slug = ${courseSlug} and completed_at is not null`,
		sqlText`select distinct quiz_id from quiz_attempt where user_id = ${userId} and course_slug = ${courseSlug} and passed = 1`,
		sqlText`select id, revoked_at from certificate where user_id = ${userId} and course_slug = ${courseSlug} and superseded_by is null`,
	];
}

/** What `recordSnapshotStatements` read. */
export interface RecordSnapshot extends KnownRecord {
	/** The learner's current certificate for the course (revoked or not), or null. */
	certificate: CurrentCertificate | null;
}

/** A learner's current (not superseded) certificate for a course, as a result needs it. */
export interface CurrentCertificate {
	id: string;
	revoked: boolean;
}

type ReadResult = { rows: ArrayLike<Record<string, unknown>> };

/** The lessons and quizzes read by the first two of `recordSnapshotStatements`. */
function readKnownRecord(results: ReadResult[]): KnownRecord {
	const column = (i: number, name: string) =>
		new Set(Array.from(results[i]!.rows, (row) => String(row[name])));
	return { completedLessons: column(0, 'lesson_slug'), passedQuizzes: column(1, 'quiz_id') };
}

/** The lessons, quizzes and certificate read by `recordSnapshotStatements`. */
export function readRecordSnapshot(results: ReadResult[]): RecordSnapshot {
	const certificate = results[2]!.rows[0];
	return {
		...readKnownRecord(results),
		certificate: certificate
			? { id: String(certificate.id), revoked: certificate.revoked_at !== null }
			: null,
	};
}

/** Parts of a record the caller has read already (see `recordSnapshotStatements`). */
export interface KnownRecord {
	completedLessons: Set<string>;
	passedQuizzes: Set<string>;
}

/**
 * The learner's record in one course. `known`: the lessons and quizzes, already read inside a write
 * (otherwise they are read now, with the same statements).
 */
export async function getLearnerRecord(
	userId: string,
	courseSlug: string,
	known?: KnownRecord,
): Promise<LearnerRecord> {
	// Projects and labs are read only for a course that has any (most have neither).
	const course = await getCourse(courseSlug, 'en');
	const has = (kind: 'project' | 'lab') =>
		!course ||
		course.certificate[`${kind}s`].length > 0 ||
		course.lessons.some((l) => l[`${kind}Ids`].length > 0);
	const none = new Map<string, never>();
	const [snapshot, projects, labs] = await Promise.all([
		// Without a snapshot: its lessons and quizzes statements (the certificate is not needed here).
		known ??
			readKnownRecord(
				await Promise.all(recordSnapshotStatements(userId, courseSlug).slice(0, 2).map(read)),
			),
		has('project') ? getPassedProjects(userId, courseSlug) : none,
		has('lab') ? getPassedLabs(userId, courseSlug) : none,
	]);
	return {
		completedLessons: snapshot.completedLessons,
		passed: {
			quiz: snapshot.passedQuizzes,
			project: new Set(projects.keys()),
			lab: new Set(labs.keys()),
		},
	};
}

/** The learner's records in every course they have touched, keyed by course slug. */
export async function getLearnerRecords(
	userId: string,
	courseSlugs: string[],
): Promise<Map<string, LearnerRecord>> {
	const [lessons, quizzes] = await Promise.all([
		db
			.select({ courseSlug: lessonProgressTable.courseSlug, slug: lessonProgressTable.lessonSlug })
			.from(lessonProgressTable)
			.where(
				and(eq(lessonProgressTable.userId, userId), isNotNull(lessonProgressTable.completedAt)),
			),
		db
			.selectDistinct({ courseSlug: quizAttemptTable.courseSlug, id: quizAttemptTable.quizId })
			.from(quizAttemptTable)
			.where(and(eq(quizAttemptTable.userId, userId), eq(quizAttemptTable.passed, true))),
	]);
	const records = new Map<string, LearnerRecord>();
	const recordOf = (slug: string) => {
		let record = records.get(slug);
		if (!record) records.set(slug, (record = createEmptyRecord()));
		return record;
	};
	for (const slug of courseSlugs) recordOf(slug);
	for (const r of lessons) recordOf(r.courseSlug).completedLessons.add(r.slug);
	for (const r of quizzes) recordOf(r.courseSlug).passed.quiz.add(r.id);
	await Promise.all(
		courseSlugs.map(async (slug) => {
			const [projects, labs] = await Promise.all([
				getPassedProjects(userId, slug),
				getPassedLabs(userId, slug),
			]);
			for (const id of projects.keys()) recordOf(slug).passed.project.add(id);
			for (const id of labs.keys()) recordOf(slug).passed.lab.add(id);
		}),
	);
	return records;
}

/** The learner's best submitted score (percent) per quiz of a course; quizzes never submitted are absent. */
export async function getBestQuizScores(
	userId: string,
	courseSlug: string,
): Promise<Map<string, number>> {
	const rows = await db
		.select({ id: quizAttemptTable.quizId, best: max(quizAttemptTable.score) })
		.from(quizAttemptTable)
		.where(
			and(
				eq(quizAttemptTable.userId, userId),
				eq(quizAttemptTable.courseSlug, courseSlug),
				isNotNull(quizAttemptTable.submittedAt),
			),
		)
		.groupBy(quizAttemptTable.quizId);
	return new Map(rows.filter((r) => r.best !== null).map((r) => [r.id, Number(r.best)]));
}
