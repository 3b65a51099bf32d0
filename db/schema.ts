/**
 * The Drizzle schema: every table the platform keeps.
 *
 * Conventions: tables are `xxxTable` with snake_case SQL names and camelCase keys; times are
 * integer milliseconds since the epoch (`timestamp_ms`), so they sort and compare as numbers in SQL;
 * ids that leave the server (sessions, certificates, attempts) are random strings, never counters.
 * Course content lives in files, not here: rows refer to courses, lessons and quizzes by slug.
 */
import { LOCALES } from '../src/lib/locales.ts';
import { sql } from 'drizzle-orm';
import type { StoredEvidenceItem } from '../src/lib/credentials/evidence.ts';
import {
	blob,
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** People with an account: learners, instructors and admins. */
export const userTable = sqliteTable(
	'user',
	{
		/** Random id, never shown as a counter. */
		id: text('id').primaryKey(),
		/** Lower-cased, trimmed email; unique. */
		email: text('email').notNull(),
		/** Full name as printed on certificates (NFC-normalised, 1–100 characters). */
		name: text('name').notNull(),
		/** argon2id PHC string. */
		passwordHash: text('password_hash').notNull(),
		/** `learner` (default), `instructor` or `admin`. */
		role: text('role', { enum: ['learner', 'instructor', 'admin'] })
			.notNull()
			.default('learner'),
		/** Preferred interface language: `en`, `bn` or `hi`. */
		locale: text('locale', { enum: LOCALES }).notNull().default('en'),
		/** When the owner proved they read mail at `email` (a confirmation link); null until then. */
		emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
		/** Set when an admin disables the account; such a user cannot sign in. */
		disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
	},
	(t) => [uniqueIndex('user_email_idx').on(t.email), index('user_role_idx').on(t.role)],
);

/** Sessions the Lucia way: the token is `<id>.<secret>`, only SHA-256(secret) is stored. */
export const sessionTable = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		/** SHA-256 of the token's secret part. */
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		/** Last time the session was seen and refreshed (updated at most hourly). */
		lastVerifiedAt: integer('last_verified_at', { mode: 'timestamp_ms' }).notNull(),
		/** A short description of the device (browser and system), for the account page. */
		device: text('device').notNull().default(''),
	},
	(t) => [index('session_user_idx').on(t.userId)],
);

/** Single-use tokens: password resets and the first-admin setup link. Only hashes are stored. */
export const oneTimeTokenTable = sqliteTable(
	'one_time_token',
	{
		id: text('id').primaryKey(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		/** `reset` (password reset) or `setup` (create the first admin). */
		purpose: text('purpose', { enum: ['reset', 'setup'] }).notNull(),
		userId: text('user_id').references(() => userTable.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
	},
	(t) => [index('one_time_token_user_idx').on(t.userId)],
);

/** Fixed-window counters for throttling, shared by every process that uses the database. */
export const rateLimitTable = sqliteTable('rate_limit', {
	/** What is counted, e.g. `login:account:<email>` or `login:ip:<address>`. */
	key: text('key').primaryKey(),
	/** Start of the current window. */
	windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
	count: integer('count').notNull(),
	/** While set and in the future, the key is blocked. */
	blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' }),
});

/** A learner's enrolment in a course. Un-enrolling keeps the row (and all history). */
export const enrolmentTable = sqliteTable(
	'enrolment',
	{
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		courseSlug: text('course_slug').notNull(),
		enrolledAt: integer('enrolled_at', { mode: 'timestamp_ms' }).notNull(),
		/** Set while the learner is un-enrolled; cleared when they enrol again. */
		leftAt: integer('left_at', { mode: 'timestamp_ms' }),
		/** The lesson last opened, so "Continue" resumes there on any device. */
		lastLessonSlug: text('last_lesson_slug'),
		lastActiveAt: integer('last_active_at', { mode: 'timestamp_ms' }),
		/** When the learner first met the certificate rule. */
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.courseSlug] }),
		// Covers the instructor analytics (counts, activity, completion, median time) without
		// touching table rows: see src/lib/server/analytics/overview.ts.
		index('enrolment_course_idx').on(t.courseSlug, t.enrolledAt, t.completedAt, t.lastActiveAt),
	],
);

/** Current state per learner and lesson, for fast pages. */
export const lessonProgressTable = sqliteTable(
	'lesson_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		courseSlug: text('course_slug').notNull(),
		lessonSlug: text('lesson_slug').notNull(),
		/** First time the learner opened the lesson. */
		firstVisitedAt: integer('first_visited_at', { mode: 'timestamp_ms' }),
		/** Set while the lesson counts as complete; cleared by undo. */
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.courseSlug, t.lessonSlug] }),
		// completed_at included so the completion funnel is an index-only scan.
		index('lesson_progress_course_idx').on(t.courseSlug, t.lessonSlug, t.completedAt),
	],
);

/** Every progress event with its time, for analytics. Written in the same transaction as the state. */
export const progressEventTable = sqliteTable(
	'progress_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		courseSlug: text('course_slug').notNull(),
		lessonSlug: text('lesson_slug').notNull(),
		/** `visit`, `complete` or `uncomplete`. */
		kind: text('kind', { enum: ['visit', 'complete', 'uncomplete'] }).notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [
		index('progress_event_course_idx').on(t.courseSlug, t.at),
		index('progress_event_user_idx').on(t.userId, t.at),
	],
);

/** A quiz attempt: started by the server, submitted once. */
export const quizAttemptTable = sqliteTable(
	'quiz_attempt',
	{
		/** Random public id. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		courseSlug: text('course_slug').notNull(),
		quizId: text('quiz_id').notNull(),
		/** Language version of the quiz the attempt was started in. */
		locale: text('locale').notNull(),
		/** JSON: the drawn questions in order, with each question's option order. */
		layout: text('layout', { mode: 'json' }).notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		/** Server-enforced deadline when the quiz has a time limit. */
		deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		/** JSON: the learner's answers as submitted. */
		answers: text('answers', { mode: 'json' }),
		/** Score in percent (0–100), set on submission. */
		score: real('score'),
		passed: integer('passed', { mode: 'boolean' }),
	},
	(t) => [
		index('quiz_attempt_user_quiz_idx').on(t.userId, t.courseSlug, t.quizId, t.startedAt),
		index('quiz_attempt_course_idx').on(t.courseSlug, t.quizId, t.submittedAt),
	],
);

/** One row per graded question of a submitted attempt, for item analysis. */
export const quizResponseTable = sqliteTable(
	'quiz_response',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => quizAttemptTable.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		/** Share of the question's points earned, 0–1. */
		credit: real('credit').notNull(),
		/** A short, comparable form of the answer (e.g. the chosen option's index) for "most chosen wrong". */
		response: text('response').notNull(),
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.questionId] })],
);

/** Issued certificates. The public id is the verify link. */
export const certificateTable = sqliteTable(
	'certificate',
	{
		/** ≥ 128 random bits, base32 (URL-safe). */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		courseSlug: text('course_slug').notNull(),
		courseTitle: text('course_title').notNull(),
		courseVersion: text('course_version').notNull(),
		learnerName: text('learner_name').notNull(),
		hours: real('hours').notNull(),
		/** JSON array of skill names, as printed. */
		skills: text('skills', { mode: 'json' }).$type<string[]>().notNull(),
		issuer: text('issuer').notNull(),
		issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		revokedReason: text('revoked_reason'),
		/** Set when reissued; points at the certificate that replaces this one. */
		supersededBy: text('superseded_by'),
		/**
		 * Global position in the status lists (the same position in the revocation and the suspension
		 * list), picked at random when the certificate is issued (see src/lib/credentials/status-list.ts).
		 */
		statusIndex: integer('status_index').notNull(),
		/** Set while an admin holds the certificate (reversible, unlike revocation). */
		suspendedAt: integer('suspended_at', { mode: 'timestamp_ms' }),
		/** Why it is suspended (shown on the verify page). */
		suspendedReason: text('suspended_reason'),
		/** Graded projects and labs passed, recorded at issue time (OB 3.0 `evidence`); null: none. */
		evidence: text('evidence', { mode: 'json' }).$type<StoredEvidenceItem[]>(),
		/**
		 * Set while the learner shows their graded work to people who check this certificate (the
		 * public page /verify/<id>/evidence and evidence links in newly signed credentials); null: off.
		 */
		evidencePublicAt: integer('evidence_public_at', { mode: 'timestamp_ms' }),
	},
	(t) => [
		uniqueIndex('certificate_current_idx')
			.on(t.userId, t.courseSlug)
			.where(sql`superseded_by is null`),
		uniqueIndex('certificate_status_index_idx').on(t.statusIndex),
		index('certificate_course_idx').on(t.courseSlug, t.issuedAt),
	],
);

/** What admins did: who, what, when. */
export const auditLogTable = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actorId: text('actor_id'),
		action: text('action').notNull(),
		target: text('target').notNull(),
		detail: text('detail', { mode: 'json' }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('audit_log_at_idx').on(t.at)],
);

// --- Deployment hardening: /healthz write probe ---

/**
 * One row that `/healthz` rewrites on every check, so "healthy" means a real commit reached the
 * disk (a full disk or a read-only file system fails it), not only that a read worked.
 */
export const healthProbeTable = sqliteTable('health_probe', {
	/** Always 1: the probe overwrites a single row. */
	id: integer('id').primaryKey(),
	/** When the last probe wrote. */
	checkedAt: integer('checked_at', { mode: 'timestamp_ms' }).notNull(),
});

// Mail outbox (durable delivery) and e-mail address confirmation.

/**
 * Outgoing mail, written in the same transaction as the change that caused it and delivered by a
 * background sender (`src/lib/server/mail/`). A row is claimed with a lease (`lease_owner`,
 * `lease_until`) so several server processes never send it at the same time.
 */
export const mailOutboxTable = sqliteTable(
	'mail_outbox',
	{
		/** Random id; also the message's `Message-ID` (`<id@site-host>`), so receivers can de-duplicate. */
		id: text('id').primaryKey(),
		/** What the message is for: `reset`, `verify-email`, `account-exists`, `certificate`, … */
		kind: text('kind').notNull(),
		/** Recipient address. */
		to: text('to').notNull(),
		/** Language of the message (`en`, `bn`, `hi`). */
		locale: text('locale').notNull(),
		subject: text('subject').notNull(),
		/** Plain-text body; emptied once delivered (it may hold a one-time link). */
		text: text('text').notNull(),
		/** HTML body; emptied once delivered. */
		html: text('html').notNull(),
		/** `pending` (waiting or retrying), `delivered` or `failed` (gave up). */
		status: text('status', { enum: ['pending', 'delivered', 'failed'] })
			.notNull()
			.default('pending'),
		/** Delivery attempts so far (counted when claimed). */
		attempts: integer('attempts').notNull().default(0),
		/** Earliest time of the next attempt. */
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
		/** After this time a temporary failure becomes final. */
		giveUpAt: integer('give_up_at', { mode: 'timestamp_ms' }).notNull(),
		/** Which sender process holds the message, while `lease_until` is in the future. */
		leaseOwner: text('lease_owner'),
		leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
		/** The last SMTP (or connection) error, e.g. `550 5.1.1 mailbox unavailable`. */
		lastError: text('last_error'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		/** When it was delivered or given up. */
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
	},
	(t) => [index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

/**
 * Password-reset requests waiting for the background (the mail sender's jobs): the request only
 * records the address it was given, the same for any address, so it takes the same time whether an
 * account exists or not (no account discovery by timing); the background looks the address up and,
 * for an enabled account, writes the reset token and its mail in one transaction, then deletes the
 * row. Claimed with a lease like the outbox, so two processes never handle one twice.
 */
export const passwordResetRequestTable = sqliteTable(
	'password_reset_request',
	{
		id: text('id').primaryKey(),
		/** The address as typed (validated and lower-cased); not necessarily an account's. */
		email: text('email').notNull(),
		/** The language of the page it was asked from (the mail's, unless the account has one). */
		locale: text('locale').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		leaseOwner: text('lease_owner'),
		leaseUntil: integer('lease_until', { mode: 'timestamp_ms' }),
	},
	// Claims take the oldest first: without it each claim sorted the whole table (a backlog of
	// thousands under a burst).
	(t) => [index('password_reset_request_created_idx').on(t.createdAt)],
);

/**
 * Single-use links (24 h) that confirm an address: the account's own after sign-up, or a new one
 * the owner asked to change to (which takes effect only when confirmed). Only SHA-256 of the
 * link's secret is stored.
 */
export const emailVerificationTable = sqliteTable(
	'email_verification',
	{
		id: text('id').primaryKey(),
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		/** The address being confirmed (lower-cased). */
		email: text('email').notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
	},
	(t) => [index('email_verification_user_idx').on(t.userId)],
);

// ---------------------------------------------------------------- graded projects

/**
 * A graded-project attempt: one personalised start file (its seed decides the data) and the
 * signed key inside it. Uploads are graded against the learner's current (latest) attempt.
 */
export const projectAttemptTable = sqliteTable(
	'project_attempt',
	{
		/** Random public id; the attempt key in the start file signs it. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		courseSlug: text('course_slug').notNull(),
		projectId: text('project_id').notNull(),
		/** Seed of the start file's data (random per attempt). */
		seed: text('seed').notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
	},
	(t) => [index('project_attempt_user_idx').on(t.userId, t.courseSlug, t.projectId, t.startedAt)],
);

/** A graded upload: the report (per step) and the file's SHA-256; the file itself only when kept. */
export const projectSubmissionTable = sqliteTable(
	'project_submission',
	{
		/** Random public id. */
		id: text('id').primaryKey(),
		attemptId: text('attempt_id')
			.notNull()
			.references(() => projectAttemptTable.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		courseSlug: text('course_slug').notNull(),
		projectId: text('project_id').notNull(),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
		/** Hex SHA-256 of the uploaded bytes. */
		sha256: text('sha256').notNull(),
		/** Size of the upload in bytes. */
		bytes: integer('bytes').notNull(),
		/** Score in percent (0–100). */
		score: real('score').notNull(),
		passed: integer('passed', { mode: 'boolean' }).notNull(),
		/** JSON: the graded steps (`GradedStep[]`, src/lib/projects/types.ts). */
		steps: text('steps', { mode: 'json' }).notNull(),
		/** Path of the kept file below DATA_DIR (only with PROJECT_UPLOADS_KEEP=true). */
		storedPath: text('stored_path'),
	},
	(t) => [
		index('project_submission_user_idx').on(t.userId, t.courseSlug, t.projectId, t.submittedAt),
		index('project_submission_course_idx').on(t.courseSlug, t.projectId, t.submittedAt),
	],
);

// ---------------------------------------------------------------- labs (simulated work, src/lib/server/labs/)

/** A lab attempt: started by the server (which picks the variant), submitted and graded once. */
export const labAttemptTable = sqliteTable(
	'lab_attempt',
	{
		/** Random public id. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => userTable.id, { onDelete: 'cascade' }),
		courseSlug: text('course_slug').notNull(),
		labId: text('lab_id').notNull(),
		/** Language version of the lab the attempt was started in. */
		locale: text('locale').notNull(),
		/** Which variant of the lab's `variables` this attempt shows. */
		variant: integer('variant').notNull(),
		/** Random seed for the attempt's order (e.g. of inbox messages). */
		seed: text('seed').notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		/** JSON: the learner's work as submitted (normalised). */
		submission: text('submission', { mode: 'json' }),
		/** JSON: the graded report (one result per rule or message), in the attempt's language. */
		report: text('report', { mode: 'json' }),
		/** Score in percent (0–100), set on submission. */
		score: real('score'),
		passed: integer('passed', { mode: 'boolean' }),
	},
	(t) => [
		index('lab_attempt_user_lab_idx').on(t.userId, t.courseSlug, t.labId, t.startedAt),
		index('lab_attempt_course_idx').on(t.courseSlug, t.labId, t.submittedAt),
	],
);

/** One row per rule (or inbox message) of a submitted lab attempt, for per-rule pass rates. */
export const labRuleResultTable = sqliteTable(
	'lab_rule_result',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => labAttemptTable.id, { onDelete: 'cascade' }),
		ruleId: text('rule_id').notNull(),
		/** Share of the rule's points earned, 0–1. */
		credit: real('credit').notNull(),
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.ruleId] })],
);

// Credentials (issue #16): a stable subject id per learner for Open Badges credentials.

/**
 * Each learner's credential subject id: `credentialSubject.id` and the VC-JWT `sub` of all their
 * credentials. A random `urn:uuid:`, created with their first certificate and never changed, so it
 * identifies the same learner across certificates without revealing their e-mail.
 */
export const credentialSubjectTable = sqliteTable('credential_subject', {
	/** The learner. */
	userId: text('user_id')
		.primaryKey()
		.references(() => userTable.id, { onDelete: 'cascade' }),
	/** `urn:uuid:<random UUID v4>`; unique. */
	subjectId: text('subject_id').notNull().unique(),
	/** When it was created. */
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
});
