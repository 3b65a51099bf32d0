/**
 * Quiz attempts: started by the server, submitted once.
 *
 * Data: one `quiz_attempt` row per attempt (layout = drawn questions and orders, decided at start;
 * answers, score and verdict set at submission) and one `quiz_response` row per drawn question.
 * A quiz with a pool (`draw`) draws a new attempt from the questions the previous attempt did not
 * show first, so consecutive attempts share no question when the pool is at least twice the draw.
 *
 * Lifecycle: start → open → submitted, or → expired when a time limit passes (plus
 * `SUBMIT_GRACE_MS` for the network) without a submission. Every started attempt counts towards
 * the attempt limit, so abandoning one to see new questions costs an attempt. The cool-down runs
 * from the end of the last attempt (submission, or deadline for an expired one).
 *
 * Atomicity (no lock is held between statements):
 * - start is ONE conditional INSERT … SELECT … WHERE (attempts < limit AND no open attempt AND no
 *   cool-down), so concurrent starts can never exceed the limit or open two attempts;
 * - submit is one batch (one transaction): `UPDATE … WHERE submitted_at IS NULL AND (deadline not
 *   passed)`, then the responses INSERT guarded by `changes() = 1`. Of two racing submissions
 *   exactly one changes the row; the other gets "already submitted" and changes nothing. A pass
 *   also completes the embedding lesson in the same batch, guarded by the recorded submission.
 * Refusals (not yours, already submitted, time up, answers to questions not drawn, malformed) are
 * decided before any write.
 */
import { quizAttemptTable } from '../../../../db/schema.ts';
import { parseAnswers, parseFormAnswers } from '../../quiz/answers.ts';
import { gradeAttempt, type GradedAttempt } from '../../quiz/grading.ts';
import {
	createLayout,
	toPublicQuestions,
	verifyLayoutFits,
	type QuizLayout,
} from '../../quiz/layout.ts';
import type { DisplayAnswers, OpenAttempt } from '../../quiz/types.ts';
import { read, write } from '../db.ts';
import { issueCertificateIfEligible } from '../certificates/issue.ts';
import {
	ensureEnrolledStatement,
	lessonCompletionStatements,
	recordQuizPassed,
} from '../progress/enrolment.ts';
import {
	getLearnerRecord,
	readRecordSnapshot,
	recordSnapshotStatements,
	type CurrentCertificate,
} from '../progress/learner-record.ts';
import type { LoadedQuiz } from './load.ts';
import { generateSecureRandomString } from '../random.ts';
import { joinSqlText, sqlRaw, sqlText, type SqlText } from '../sql-text.ts';

/** Time after the deadline during which a submission is still accepted (network, slow phones). */
export const SUBMIT_GRACE_MS = 20_000;

export type QuizRefusal =
	| { kind: 'not-found' }
	| { kind: 'not-yours' }
	| { kind: 'already-submitted' }
	| { kind: 'time-up' }
	| { kind: 'no-attempts-left'; allowed: number }
	| { kind: 'cooldown'; until: number }
	| { kind: 'not-drawn'; questionId: string }
	| { kind: 'malformed'; questionId?: string }
	| { kind: 'practice-off' }
	| { kind: 'rate-limited'; retryAfterSeconds: number };

export type AttemptRow = typeof quizAttemptTable.$inferSelect;

/** The submitted answers: JSON from the island, or form fields from a plain post. */
export type AnswersInput = { json: unknown } | { form: Map<string, string[]> };

/** A stored layout, reduced to the questions that still exist unchanged in the quiz. */
export function fitLayout(loaded: LoadedQuiz, layout: QuizLayout): QuizLayout {
	return {
		questions: layout.questions.filter((lq) => verifyLayoutFits(loaded.quiz, { questions: [lq] })),
	};
}

/** Reads and validates answers against an attempt's layout. */
export function readAnswers(loaded: LoadedQuiz, layout: QuizLayout, input: AnswersInput) {
	return 'json' in input
		? parseAnswers(loaded.quiz, layout, input.json)
		: parseFormAnswers(loaded.quiz, layout, input.form);
}

const ATTEMPT_COLUMNS = [
	'id',
	'user_id',
	'course_slug',
	'quiz_id',
	'locale',
	'layout',
	'started_at',
	'deadline_at',
	'submitted_at',
	'answers',
	'score',
	'passed',
];
const columnsOf = (table: string) => sqlRaw(ATTEMPT_COLUMNS.map((c) => `${table}.${c}`).join(', '));
const ATTEMPT = columnsOf('quiz_attempt');
const SIBLING = columnsOf('a');

/** A `quiz_attempt` row as read by `read` (columns as named in ATTEMPT_COLUMNS). */
function toAttemptRow(row: Record<string, unknown>): AttemptRow {
	const date = (v: unknown) => (v === null ? null : new Date(Number(v)));
	return {
		id: String(row.id),
		userId: String(row.user_id),
		courseSlug: String(row.course_slug),
		quizId: String(row.quiz_id),
		locale: String(row.locale),
		layout: JSON.parse(String(row.layout)),
		startedAt: new Date(Number(row.started_at)),
		deadlineAt: date(row.deadline_at),
		submittedAt: date(row.submitted_at),
		answers: row.answers === null ? null : JSON.parse(String(row.answers)),
		score: row.score === null ? null : Number(row.score),
		passed: row.passed === null ? null : Boolean(row.passed),
	};
}

/**
 * Attempts, read through the group writer's prepared statements (`read`: these reads are on the
 * path of every start and submission).
 */
async function readAttempts(statement: SqlText): Promise<AttemptRow[]> {
	return Array.from((await read(statement)).rows, toAttemptRow);
}

/** The learner's attempts at a quiz, oldest first. */
export async function listAttempts(
	userId: string,
	courseSlug: string,
	quizId: string,
): Promise<AttemptRow[]> {
	return readAttempts(
		sqlText`select ${ATTEMPT} from quiz_attempt where user_id = ${userId} and course_slug = ${courseSlug} and quiz_id = ${quizId} order by started_at, id`,
	);
}

/**
 * The attempts of the learner and quiz of attempt `attemptId` (that attempt included), oldest
 * first, in one read; empty when there is no such attempt.
 */
export async function listSiblingAttempts(attemptId: string): Promise<AttemptRow[]> {
	return readAttempts(
		sqlText`select ${SIBLING} from quiz_attempt o join quiz_attempt a
			on a.user_id = o.user_id and a.course_slug = o.course_slug and a.quiz_id = o.quiz_id
			where o.id = ${attemptId} order by a.started_at, a.id`,
	);
}

/** One attempt by id, or null. */
export async function getAttempt(attemptId: string): Promise<AttemptRow | null> {
	const [row] = await readAttempts(
		sqlText`select ${ATTEMPT} from quiz_attempt where id = ${attemptId}`,
	);
	return row ?? null;
}

/** open, expired or submitted, at `now`. */
export function getAttemptState(
	row: AttemptRow,
	now = Date.now(),
): 'open' | 'expired' | 'submitted' {
	if (row.submittedAt) return 'submitted';
	return row.deadlineAt && now > row.deadlineAt.getTime() + SUBMIT_GRACE_MS ? 'expired' : 'open';
}

/** When a finished attempt ended (for the cool-down), or null while it is open. */
function getEndedAt(row: AttemptRow, now: number): number | null {
	const state = getAttemptState(row, now);
	if (state === 'submitted') return row.submittedAt!.getTime();
	return state === 'expired' ? row.deadlineAt!.getTime() : null;
}

/** The end of the cool-down after the learner's last attempt, or null when none applies. */
export function getCooldownUntil(
	loaded: LoadedQuiz,
	rows: AttemptRow[],
	now = Date.now(),
): number | null {
	const minutes = loaded.quiz.cooldownMinutes;
	if (minutes <= 0) return null;
	const ends = rows.map((r) => getEndedAt(r, now)).filter((t): t is number => t !== null);
	if (ends.length === 0) return null;
	const until = Math.max(...ends) + minutes * 60_000;
	return until > now ? until : null;
}

/** What the learner sees of an open attempt. */
export function toOpenAttempt(loaded: LoadedQuiz, row: AttemptRow): OpenAttempt {
	const layout = fitLayout(loaded, row.layout as QuizLayout);
	return {
		id: row.id,
		questions: toPublicQuestions(loaded.quiz, layout),
		deadlineAt: row.deadlineAt?.getTime() ?? null,
	};
}

/**
 * Starts an attempt (enrolling the learner), or resumes the open one. Refused when no attempt is
 * left or a cool-down runs. `rows`: the learner's attempts at the quiz afterwards, oldest first.
 */
export async function startAttempt(
	userId: string,
	loaded: LoadedQuiz,
	tries = 3,
): Promise<
	| { ok: true; attempt: OpenAttempt; resumed: boolean; rows: AttemptRow[] }
	| { ok: false; refusal: QuizRefusal }
> {
	if (tries === 0)
		throw new Error(
			`could not start or resume an attempt at ${loaded.course.slug}/${loaded.quizId}`,
		);
	const { quiz } = loaded;
	const limit = quiz.attempts === 'unlimited' ? Number.MAX_SAFE_INTEGER : quiz.attempts;
	const cooldownMs = quiz.cooldownMinutes * 60_000;
	const id = generateSecureRandomString();
	const now = Date.now();
	const deadline = quiz.timeLimitMinutes ? now + Math.round(quiz.timeLimitMinutes * 60_000) : null;
	// No repeats between consecutive attempts where the pool allows: the previous attempt's
	// questions are drawn only when the pool runs short (read before the insert; a race only
	// affects which questions are drawn, never the attempt limit).
	const before = await listAttempts(userId, loaded.course.slug, loaded.quizId);
	const previous = before.at(-1);
	const avoid = new Set(
		((previous?.layout as QuizLayout | undefined)?.questions ?? []).map((q) => q.id),
	);
	const layout = createLayout(loaded.english, generateSecureRandomString(), avoid);
	const mine = sqlText`user_id = ${userId} and course_slug = ${loaded.course.slug} and quiz_id = ${loaded.quizId}`;
	const [, inserted] = await write([
		ensureEnrolledStatement(userId, loaded.course.slug, now),
		sqlText`
		insert into quiz_attempt (id, user_id, course_slug, quiz_id, locale, layout, started_at, deadline_at)
		select ${id}, ${userId}, ${loaded.course.slug}, ${loaded.quizId}, ${loaded.locale}, ${JSON.stringify(layout)}, ${now}, ${deadline}
		where (select count(*) from quiz_attempt where ${mine}) < ${limit}
		and not exists (select 1 from quiz_attempt where ${mine} and submitted_at is null and (deadline_at is null or deadline_at + ${SUBMIT_GRACE_MS} >= ${now}))
		and not exists (select 1 from quiz_attempt where ${mine} and coalesce(submitted_at, deadline_at) + ${cooldownMs} > ${now})`,
	]);
	if (inserted!.rowsAffected === 1) {
		const row: AttemptRow = {
			id,
			userId,
			courseSlug: loaded.course.slug,
			quizId: loaded.quizId,
			locale: loaded.locale,
			layout,
			startedAt: new Date(now),
			deadlineAt: deadline === null ? null : new Date(deadline),
			submittedAt: null,
			answers: null,
			score: null,
			passed: null,
		};
		// Finished attempts never change, and no other attempt can have started since the read
		// (the insert needed no open one): then the rows read before are still exact.
		const finished = before.every((r) => getAttemptState(r, now) !== 'open');
		return {
			ok: true,
			resumed: false,
			attempt: { id, questions: toPublicQuestions(loaded.quiz, layout), deadlineAt: deadline },
			rows: finished
				? [...before, row]
				: await listAttempts(userId, loaded.course.slug, loaded.quizId),
		};
	}
	const rows = await listAttempts(userId, loaded.course.slug, loaded.quizId);
	const open = rows.find((r) => getAttemptState(r, now) === 'open');
	if (open) return { ok: true, resumed: true, attempt: toOpenAttempt(loaded, open), rows };
	if (rows.length >= limit)
		return { ok: false, refusal: { kind: 'no-attempts-left', allowed: limit } };
	const until = getCooldownUntil(loaded, rows, now);
	if (until) return { ok: false, refusal: { kind: 'cooldown', until } };
	// The blocking attempt finished between the insert and the read: try again.
	return startAttempt(userId, loaded, tries - 1);
}

/** Why an attempt cannot be submitted by `userId` now, or null when it can. */
export function getSubmitRefusal(
	row: AttemptRow | null,
	userId: string,
	now = Date.now(),
): QuizRefusal | null {
	if (!row) return { kind: 'not-found' };
	if (row.userId !== userId) return { kind: 'not-yours' };
	const state = getAttemptState(row, now);
	if (state === 'submitted') return { kind: 'already-submitted' };
	if (state === 'expired') return { kind: 'time-up' };
	return null;
}

export interface Submission {
	row: AttemptRow;
	answers: DisplayAnswers;
	graded: GradedAttempt;
}

/**
 * Grades and records a submission, once. `loadFor` loads the attempt's quiz (in the attempt's
 * language). After a pass, completes the embedding lesson and issues the certificate if due.
 * `rows`: the learner's attempts at the quiz as of the submission, this one as recorded.
 */
export async function submitAttempt(
	userId: string,
	attemptId: string,
	input: AnswersInput,
	loadFor: (row: AttemptRow) => Promise<LoadedQuiz | null>,
): Promise<
	| {
			ok: true;
			submission: Submission;
			loaded: LoadedQuiz;
			rows: AttemptRow[];
			/** The learner's current certificate for the course after a pass, when it was read. */
			certificate?: CurrentCertificate | null;
	  }
	| { ok: false; refusal: QuizRefusal }
> {
	const siblings = await listSiblingAttempts(attemptId);
	const row = siblings.find((r) => r.id === attemptId) ?? null;
	const refusal = getSubmitRefusal(row, userId);
	if (refusal) return { ok: false, refusal };
	const loaded = await loadFor(row!);
	if (!loaded) return { ok: false, refusal: { kind: 'not-found' } };
	const layout = fitLayout(loaded, row!.layout as QuizLayout);
	const parsed = readAnswers(loaded, layout, input);
	if (!parsed.ok)
		return {
			ok: false,
			refusal:
				parsed.reason === 'not-drawn'
					? { kind: 'not-drawn', questionId: parsed.questionId! }
					: { kind: 'malformed', questionId: parsed.questionId },
		};
	const graded = gradeAttempt(
		loaded.quiz,
		layout,
		parsed.answers,
		loaded.passMark,
		loaded.locale === 'en' ? undefined : loaded.english,
	);

	const now = Date.now();
	const rows = graded.questions.map(
		(g) => sqlText`(${attemptId}, ${g.question.id}, ${g.credit}, ${g.response})`,
	);
	const statements = [
		sqlText`update quiz_attempt set submitted_at = ${now}, answers = ${JSON.stringify(parsed.answers)}, score = ${graded.score}, passed = ${graded.passed ? 1 : 0}
			where id = ${attemptId} and submitted_at is null and (deadline_at is null or deadline_at + ${SUBMIT_GRACE_MS} >= ${now})`,
	];
	if (rows.length > 0) {
		statements.push(
			sqlText`insert into quiz_response (attempt_id, question_id, credit, response)
				select * from (values ${joinSqlText(rows, ', ')}) where changes() = 1`,
		);
	}
	// A pass completes the lesson that embeds the quiz in the same transaction, if this
	// submission is the one recorded (of two racing, only one sets `submitted_at` to its `now`).
	const completing = graded.passed && loaded.lessonSlug;
	if (completing)
		statements.push(
			...lessonCompletionStatements(
				userId,
				loaded.course.slug,
				loaded.lessonSlug!,
				now,
				sqlText`exists (select 1 from quiz_attempt where id = ${attemptId} and submitted_at = ${now} and passed = 1)`,
			),
		);
	const snapshotAt = statements.length;
	if (completing) statements.push(...recordSnapshotStatements(userId, loaded.course.slug));
	const results = await write(statements);
	const updated = results[0];
	if (updated!.rowsAffected !== 1) {
		return {
			ok: false,
			refusal: getSubmitRefusal(await getAttempt(attemptId), userId, now) ?? {
				kind: 'already-submitted',
			},
		};
	}
	let certificate: CurrentCertificate | null | undefined;
	if (completing) {
		// The record as this submission's write left it (see recordSnapshotStatements).
		const snapshot = readRecordSnapshot(results.slice(snapshotAt));
		const issued = await issueCertificateIfEligible(
			userId,
			loaded.course,
			await getLearnerRecord(userId, loaded.course.slug, snapshot),
			snapshot.certificate,
		);
		certificate =
			issued === null || issued === snapshot.certificate?.id
				? snapshot.certificate
				: { id: issued, revoked: false };
	} else if (graded.passed) await recordQuizPassed(userId, loaded.course, loaded.quizId);
	const saved: AttemptRow = {
		...row!,
		submittedAt: new Date(now),
		answers: parsed.answers,
		score: graded.score,
		passed: graded.passed,
	};
	return {
		ok: true,
		loaded,
		submission: { row: saved, answers: parsed.answers, graded },
		rows: siblings.map((r) => (r.id === attemptId ? saved : r)),
		certificate,
	};
}
