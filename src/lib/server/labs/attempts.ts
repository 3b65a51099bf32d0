/**
 * Lab attempts: started by the server, submitted and graded once. The same rules as quiz attempts
 * (src/lib/server/quiz/attempts.ts): an attempt limit, a cool-down from the last submission, one
 * open attempt at a time, and the variant and order decided by the server at start.
 *
 * Data: one `lab_attempt` row per attempt (variant and seed at start; the normalised work, the
 * graded report, score and verdict at submission) and one `lab_rule_result` row per rule or inbox
 * message, for per-rule pass rates.
 *
 * Atomicity (no lock is held between statements):
 * - start is ONE conditional INSERT … SELECT … WHERE (attempts < limit AND no open attempt AND no
 *   cool-down), so concurrent starts can never exceed the limit or open two attempts;
 * - submit is one batch: `UPDATE … WHERE submitted_at IS NULL`, then the rule results INSERT
 *   guarded by `changes() = 1`. Of two racing submissions exactly one changes the row.
 * Refusals (not yours, already submitted, malformed) are decided before any write.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { labAttemptTable } from '../../../../db/schema.ts';
import { createTranslator } from '../../i18n.ts';
import { gradeLab } from '../../labs/grade.ts';
import { parseLabForm, type LabWork } from '../../labs/submission.ts';
import type { LabGrade } from '../../labs/types.ts';
import { hashSeed } from '../../quiz/random.ts';
import { db } from '../db.ts';
import { ensureEnrolled, recordItemPassed } from '../progress/enrolment.ts';
import { generateSecureRandomString } from '../random.ts';
import type { LoadedLab } from './load.ts';

export type LabRefusal =
	| { kind: 'not-found' }
	| { kind: 'not-yours' }
	| { kind: 'already-submitted' }
	| { kind: 'no-open-attempt' }
	| { kind: 'no-attempts-left'; allowed: number }
	| { kind: 'cooldown'; until: number }
	| { kind: 'malformed'; field?: string }
	| { kind: 'too-large' };

export type LabAttemptRow = typeof labAttemptTable.$inferSelect;

/** The learner's attempts at a lab, oldest first. */
export async function listLabAttempts(
	userId: string,
	courseSlug: string,
	labId: string,
): Promise<LabAttemptRow[]> {
	return db
		.select()
		.from(labAttemptTable)
		.where(
			and(
				eq(labAttemptTable.userId, userId),
				eq(labAttemptTable.courseSlug, courseSlug),
				eq(labAttemptTable.labId, labId),
			),
		)
		.orderBy(asc(labAttemptTable.startedAt), asc(labAttemptTable.id))
		.all();
}

/** One attempt by id, or null. */
export async function getLabAttempt(attemptId: string): Promise<LabAttemptRow | null> {
	return (
		(await db.select().from(labAttemptTable).where(eq(labAttemptTable.id, attemptId)).get()) ?? null
	);
}

/** The end of the cool-down after the learner's last submission, or null when none applies. */
export function getLabCooldownUntil(
	loaded: LoadedLab,
	rows: LabAttemptRow[],
	now = Date.now(),
): number | null {
	const minutes = loaded.english.cooldownMinutes;
	const ends = rows.flatMap((r) => (r.submittedAt ? [r.submittedAt.getTime()] : []));
	if (minutes <= 0 || ends.length === 0) return null;
	const until = Math.max(...ends) + minutes * 60_000;
	return until > now ? until : null;
}

/**
 * Starts an attempt (enrolling the learner), or resumes the open one. Each new attempt shows the
 * next variant of the lab, starting from one that depends on the learner.
 */
export async function startLabAttempt(
	userId: string,
	loaded: LoadedLab,
	tries = 3,
): Promise<
	{ ok: true; attempt: LabAttemptRow; resumed: boolean } | { ok: false; refusal: LabRefusal }
> {
	if (tries === 0)
		throw new Error(
			`could not start or resume an attempt at ${loaded.course.slug}/${loaded.labId}`,
		);
	await ensureEnrolled(userId, loaded.course.slug);
	const { english } = loaded;
	const courseSlug = loaded.course.slug;
	const limit = english.attempts === 'unlimited' ? Number.MAX_SAFE_INTEGER : english.attempts;
	const cooldownMs = english.cooldownMinutes * 60_000;
	const before = await listLabAttempts(userId, courseSlug, loaded.labId);
	const id = generateSecureRandomString();
	const seed = generateSecureRandomString();
	const variant = (hashSeed(`${userId}/${loaded.labId}`) + before.length) % loaded.variants;
	const now = Date.now();
	const mine = sql`user_id = ${userId} and course_slug = ${courseSlug} and lab_id = ${loaded.labId}`;
	const inserted = await db.run(sql`
		insert into lab_attempt (id, user_id, course_slug, lab_id, locale, variant, seed, started_at)
		select ${id}, ${userId}, ${courseSlug}, ${loaded.labId}, ${loaded.locale}, ${variant}, ${seed}, ${now}
		where (select count(*) from lab_attempt where ${mine}) < ${limit}
		and not exists (select 1 from lab_attempt where ${mine} and submitted_at is null)
		and not exists (select 1 from lab_attempt where ${mine} and submitted_at + ${cooldownMs} > ${now})`);
	const rows = await listLabAttempts(userId, courseSlug, loaded.labId);
	if (inserted.rowsAffected === 1)
		return { ok: true, resumed: false, attempt: rows.find((r) => r.id === id)! };
	const open = rows.find((r) => !r.submittedAt);
	if (open) return { ok: true, resumed: true, attempt: open };
	if (rows.length >= limit)
		return { ok: false, refusal: { kind: 'no-attempts-left', allowed: limit } };
	const until = getLabCooldownUntil(loaded, rows, now);
	if (until) return { ok: false, refusal: { kind: 'cooldown', until } };
	return startLabAttempt(userId, loaded, tries - 1);
}

/** Why an attempt cannot be submitted by `userId`, or null when it can. */
export function getLabSubmitRefusal(row: LabAttemptRow | null, userId: string): LabRefusal | null {
	if (!row) return { kind: 'not-found' };
	if (row.userId !== userId) return { kind: 'not-yours' };
	if (row.submittedAt) return { kind: 'already-submitted' };
	return null;
}

export interface LabSubmission {
	row: LabAttemptRow;
	work: LabWork;
	grade: LabGrade;
}

/**
 * Grades and records a submission, once. `loadFor` loads the attempt's lab (its variant, in its
 * language). After a pass, completes the embedding lesson and issues the certificate if due.
 */
export async function submitLabAttempt(
	userId: string,
	attemptId: string,
	fields: Map<string, string[]>,
	loadFor: (row: LabAttemptRow) => Promise<LoadedLab | null>,
): Promise<
	{ ok: true; submission: LabSubmission; loaded: LoadedLab } | { ok: false; refusal: LabRefusal }
> {
	const row = await getLabAttempt(attemptId);
	const refusal = getLabSubmitRefusal(row, userId);
	if (refusal) return { ok: false, refusal };
	const loaded = await loadFor(row!);
	if (!loaded) return { ok: false, refusal: { kind: 'not-found' } };
	const parsed = parseLabForm(loaded.lab, fields);
	if (!parsed.ok) return { ok: false, refusal: { kind: 'malformed', field: parsed.field } };
	const grade = gradeLab(loaded.lab, parsed.work, createTranslator(loaded.locale));

	const now = Date.now();
	const results = grade.rules.map((r) => sql`(${attemptId}, ${r.id}, ${r.credit})`);
	const [updated] = await db.batch([
		db.run(sql`update lab_attempt set submitted_at = ${now}, submission = ${JSON.stringify(parsed.work)}, report = ${JSON.stringify(grade.rules)},
			score = ${grade.score}, passed = ${grade.passed ? 1 : 0} where id = ${attemptId} and submitted_at is null`),
		db.run(
			sql`insert into lab_rule_result (attempt_id, rule_id, credit) select * from (values ${sql.join(results, sql`, `)}) where changes() = 1`,
		),
	]);
	if (updated.rowsAffected !== 1) return { ok: false, refusal: { kind: 'already-submitted' } };
	if (grade.passed) await recordItemPassed(userId, loaded.course, 'lab', loaded.labId);
	const saved: LabAttemptRow = {
		...row!,
		submittedAt: new Date(now),
		submission: parsed.work,
		report: grade.rules,
		score: grade.score,
		passed: grade.passed,
	};
	return { ok: true, loaded, submission: { row: saved, work: parsed.work, grade } };
}
