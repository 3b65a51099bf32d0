/**
 * Graded-project attempts and submissions.
 *
 * Data: `project_attempt` — one row per start file a learner was given (random id, seed, time);
 * the latest row is the learner's current attempt, and only a file carrying its key is graded.
 * `project_submission` — one row per graded upload (the report per step, score, SHA-256, and the
 * kept file's path when PROJECT_UPLOADS_KEEP=true). Refused uploads write nothing.
 *
 * Limits: the project's `attempts` counts graded uploads; `cooldownMinutes` runs from the last one.
 * Both are enforced by ONE conditional INSERT … SELECT … WHERE, so concurrent uploads can never
 * exceed the limit; a learner may take a fresh start file at any time (new data, new key).
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { projectAttemptTable, projectSubmissionTable } from '../../../../db/schema.ts';
import type { GradedStep } from '../../projects/types.ts';
import { db } from '../db.ts';
import { ensureEnrolled } from '../progress/enrolment.ts';
import { generateSecureRandomString } from '../random.ts';
import type { LoadedProject } from './load.ts';

export type AttemptRow = typeof projectAttemptTable.$inferSelect;
export type SubmissionRow = Omit<typeof projectSubmissionTable.$inferSelect, 'steps'> & {
	steps: GradedStep[];
};

/** The learner's current (latest) attempt, or null before their first start file. */
export async function getCurrentAttempt(
	userId: string,
	loaded: LoadedProject,
): Promise<AttemptRow | null> {
	const row = await db
		.select()
		.from(projectAttemptTable)
		.where(
			and(
				eq(projectAttemptTable.userId, userId),
				eq(projectAttemptTable.courseSlug, loaded.course.slug),
				eq(projectAttemptTable.projectId, loaded.projectId),
			),
		)
		.orderBy(desc(projectAttemptTable.startedAt), desc(projectAttemptTable.id))
		.get();
	return row ?? null;
}

/** Starts a new attempt (a fresh seed and key), enrolling the learner. */
export async function createAttempt(userId: string, loaded: LoadedProject): Promise<AttemptRow> {
	await ensureEnrolled(userId, loaded.course.slug);
	const row: AttemptRow = {
		id: generateSecureRandomString(),
		userId,
		courseSlug: loaded.course.slug,
		projectId: loaded.projectId,
		seed: generateSecureRandomString(),
		startedAt: new Date(),
	};
	await db.insert(projectAttemptTable).values(row);
	return row;
}

/** The current attempt, created on first use. */
export async function getOrCreateAttempt(
	userId: string,
	loaded: LoadedProject,
): Promise<AttemptRow> {
	return (await getCurrentAttempt(userId, loaded)) ?? createAttempt(userId, loaded);
}

/** The learner's graded uploads of a project, oldest first. */
export async function listSubmissions(
	userId: string,
	courseSlug: string,
	projectId: string,
): Promise<SubmissionRow[]> {
	const rows = await db
		.select()
		.from(projectSubmissionTable)
		.where(
			and(
				eq(projectSubmissionTable.userId, userId),
				eq(projectSubmissionTable.courseSlug, courseSlug),
				eq(projectSubmissionTable.projectId, projectId),
			),
		)
		.orderBy(asc(projectSubmissionTable.submittedAt), asc(projectSubmissionTable.id))
		.all();
	return rows as SubmissionRow[];
}

export interface UploadAllowance {
	used: number;
	/** Allowed graded uploads, or null for unlimited. */
	allowed: number | null;
	/** End of the cool-down, or null. */
	cooldownUntil: number | null;
}

/** How many graded uploads are used and whether one may be made now. */
export function getAllowance(
	loaded: LoadedProject,
	rows: SubmissionRow[],
	now = Date.now(),
): UploadAllowance {
	const { attempts, cooldownMinutes } = loaded.english;
	const last = rows.at(-1)?.submittedAt.getTime();
	const until = last !== undefined && cooldownMinutes > 0 ? last + cooldownMinutes * 60_000 : null;
	return {
		used: rows.length,
		allowed: attempts === 'unlimited' ? null : attempts,
		cooldownUntil: until && until > now ? until : null,
	};
}

export interface NewSubmission {
	id: string;
	attemptId: string;
	userId: string;
	sha256: string;
	bytes: number;
	score: number;
	passed: boolean;
	steps: GradedStep[];
	storedPath: string | null;
}

/** Records a graded upload unless the limit or cool-down forbids it (decided in the same statement). */
export async function insertSubmission(
	loaded: LoadedProject,
	s: NewSubmission,
	now = Date.now(),
): Promise<boolean> {
	const { attempts, cooldownMinutes } = loaded.english;
	const limit = attempts === 'unlimited' ? Number.MAX_SAFE_INTEGER : attempts;
	const mine = sql`user_id = ${s.userId} and course_slug = ${loaded.course.slug} and project_id = ${loaded.projectId}`;
	const result = await db.run(sql`
		insert into project_submission (id, attempt_id, user_id, course_slug, project_id, submitted_at, sha256, bytes, score, passed, steps, stored_path)
		select ${s.id}, ${s.attemptId}, ${s.userId}, ${loaded.course.slug}, ${loaded.projectId}, ${now}, ${s.sha256}, ${s.bytes}, ${s.score}, ${s.passed ? 1 : 0}, ${JSON.stringify(s.steps)}, ${s.storedPath}
		where (select count(*) from project_submission where ${mine}) < ${limit}
		and not exists (select 1 from project_submission where ${mine} and submitted_at + ${cooldownMinutes * 60_000} > ${now})`);
	return result.rowsAffected === 1;
}
