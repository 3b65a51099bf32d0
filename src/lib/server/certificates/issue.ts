/**
 * Issuing certificates: the eligibility rule, the race-safe insert, the learner's email, and
 * reissue in a new name.
 *
 * Rule (`course.certificate`, decided in `src/lib/course-progress.ts`): every required lesson is
 * completed and every required quiz, project and lab (the final assessment included) has a passing
 * attempt; the assessment's attempts are graded at the course's pass mark (`getPassMark`).
 *
 * Races: progress.ts calls `issueCertificateIfEligible` after every completion and every passed
 * quiz, so two requests can find the learner eligible at the same moment. The insert is one SQL
 * statement with `on conflict do nothing` against the partial unique index "one non-superseded
 * certificate per learner and course": exactly one wins, the others see its row. The status index
 * is a random position allocated in the same statement (credentials/status-index.ts); a clash on it
 * is retried with a new one.
 */
import { SITE_URL } from 'astro:env/server';
import { sql } from 'drizzle-orm';
import { getIssuerLabel, getVerifyUrl } from '../../certificates/links.ts';
import { verifyEligible, type LearnerRecord } from '../../course-progress.ts';
import { getCourse, type Course } from '../../courses.ts';
import { createTranslator, localizePath, type Locale } from '../../i18n.ts';
import { getCurrentCertificate } from './records.ts';
import { recordCertificateEvidence } from '../credentials/evidence.ts';
import { getRandomStatusIndexSql } from '../credentials/status-index.ts';
import { db, write } from '../db.ts';
import { dispatchMail } from '../mail.ts';
import { buildConditionalMailInsert } from '../mail/outbox.ts';
import { getLearnerRecord } from '../progress/learner-record.ts';
import { generatePublicId } from '../random.ts';
import { sqlText } from '../sql-text.ts';
import { getUserById } from '../auth/user.ts';

const STATUS_INDEX_CLASH = /UNIQUE constraint failed: certificate\.status_index/;

/** Whether the learner now meets the course's certificate rule (`verifyEligible`). */
export async function isEligibleForCertificate(userId: string, course: Course): Promise<boolean> {
	return verifyEligible(course, await getLearnerRecord(userId, course.slug));
}

/**
 * Issues the course certificate if the learner now meets its rule, and tells them by email.
 * Returns the id of the learner's current certificate for the course (new or existing), or null
 * when they are not eligible. Safe to call any number of times, concurrently. `record`: the
 * learner's record read after the change that prompted the call, when the caller has it; `current`:
 * their current certificate for the course read with it (null: none), when the caller has it.
 */
export async function issueCertificateIfEligible(
	userId: string,
	course: Course,
	record?: LearnerRecord,
	current?: { id: string } | null,
): Promise<string | null> {
	if (!verifyEligible(course, record ?? (await getLearnerRecord(userId, course.slug)))) return null;
	const existing =
		current === undefined ? await getCurrentCertificate(userId, course.slug) : current;
	if (existing) return existing.id;

	// Certificates record the English course, whichever language the learner studied in.
	const english = (await getCourse(course.slug, 'en')) ?? course;
	const learner = await getUserById(userId);
	for (let attempt = 1; ; attempt++) {
		const id = generatePublicId();
		const now = Date.now();
		// The learner's mail is queued in the same batch, and only if this insert made the certificate.
		const mail = learner && buildCertificateMail(learner, english.title, id);
		try {
			const [insert] = await write([
				sql`insert into certificate (id, user_id, course_slug, course_title, course_version, learner_name, hours, skills, issuer, issued_at, status_index)
					select ${id}, u.id, ${english.slug}, ${english.title}, ${english.version}, u.name, ${english.hours}, ${JSON.stringify(english.skills)},
						${getIssuerLabel(SITE_URL)}, ${now}, ${getRandomStatusIndexSql()}
					from user u where u.id = ${userId}
					on conflict (user_id, course_slug) where superseded_by is null do nothing`,
				sql`update enrolment set completed_at = ${now} where user_id = ${userId} and course_slug = ${english.slug} and completed_at is null`,
				...(mail ? [mail.query] : []),
			]);
			if (insert!.rowsAffected === 1) {
				await recordCertificateEvidence(id, userId, english.slug);
				if (mail) await dispatchMail(mail.id);
				return id;
			}
			return (await getCurrentCertificate(userId, course.slug))?.id ?? null;
		} catch (error) {
			if (attempt >= 5 || !STATUS_INDEX_CLASH.test(String((error as Error).message))) throw error;
		}
	}
}

/** The learner's "certificate ready" mail, in their language, queued only if certificate `id` exists. */
function buildCertificateMail(
	user: { email: string; name: string; locale: Locale },
	courseTitle: string,
	id: string,
) {
	const t = createTranslator(user.locale);
	const page = new URL(localizePath(`/verify/${id}`, user.locale), SITE_URL).href;
	return buildConditionalMailInsert(
		{
			kind: 'certificate',
			to: user.email,
			locale: user.locale,
			subject: t('cert.mailSubject', { course: courseTitle }),
			text: t('cert.mailBody', {
				name: user.name,
				course: courseTitle,
				url: page,
				pdf: `${getVerifyUrl(SITE_URL, id)}.pdf`,
			}),
		},
		sqlText`exists (select 1 from certificate where id = ${id})`,
	);
}

export type ReissueOutcome =
	| { outcome: 'reissued'; id: string }
	| { outcome: 'unchanged'; id: string }
	| { outcome: 'missing' }
	| { outcome: 'revoked' }
	| { outcome: 'suspended' };

/**
 * Reissues the learner's current certificate for a course in their current account name: a new
 * certificate (new id, same course facts and date) replaces the old one, whose verify page then
 * says "replaced by" and links the new one. A revoked certificate cannot be reissued.
 */
export async function reissueCertificate(
	userId: string,
	courseSlug: string,
): Promise<ReissueOutcome> {
	for (let attempt = 1; ; attempt++) {
		const current = await getCurrentCertificate(userId, courseSlug);
		if (!current) return { outcome: 'missing' };
		if (current.revokedAt) return { outcome: 'revoked' };
		// A reissue must not lift a hold: the new certificate would start unsuspended.
		if (current.suspendedAt) return { outcome: 'suspended' };
		const user = await getUserById(userId);
		if (!user) return { outcome: 'missing' };
		if (user.name === current.learnerName) return { outcome: 'unchanged', id: current.id };
		const id = generatePublicId();
		try {
			const replaced = await db.transaction(async (tx) => {
				const update = await tx.run(
					sql`update certificate set superseded_by = ${id} where id = ${current.id} and superseded_by is null and revoked_at is null and suspended_at is null`,
				);
				if (update.rowsAffected !== 1) return false;
				await tx.run(sql`insert into certificate (id, user_id, course_slug, course_title, course_version, learner_name, hours, skills, issuer, issued_at, evidence, evidence_public_at, status_index)
					select ${id}, user_id, course_slug, course_title, course_version, ${user.name}, hours, skills, issuer, issued_at, evidence, evidence_public_at,
						${getRandomStatusIndexSql()}
					from certificate where id = ${current.id}`);
				return true;
			});
			if (replaced) return { outcome: 'reissued', id };
			// Someone else changed it in between (a concurrent reissue or a revocation): look again.
		} catch (error) {
			if (!STATUS_INDEX_CLASH.test(String((error as Error).message))) throw error;
		}
		if (attempt >= 5) throw new Error('could not reissue the certificate after 5 attempts');
	}
}
