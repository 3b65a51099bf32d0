/**
 * The learner's choice to show their graded work to people who check a certificate, and what the
 * public evidence page (/verify/<id>/evidence) shows when they do.
 *
 * The choice is per certificate (`certificate.evidence_public_at`, off by default). While it is on:
 * - the evidence page lists each passed project and lab recorded on the certificate with its
 *   step-by-step (project) or rule-by-rule (lab) report: titles, points and passed / partly / not
 *   yet. Never hints, "what was expected", the grader's findings, seeds, expected values or the
 *   uploaded file: those stay with the learner's own report;
 * - the verify page links to it, and credentials signed from then on give each `evidence` item an
 *   `id` on that page (src/lib/credentials/evidence.ts).
 * The page exists only while the choice is on and the certificate is neither revoked nor replaced;
 * otherwise it is a 404 and nothing links to it. A reissued certificate keeps the choice.
 */
import { and, desc, asc, eq, isNull } from 'drizzle-orm';
import { SITE_URL } from 'astro:env/server';
import {
	certificateTable,
	labAttemptTable,
	projectSubmissionTable,
} from '../../../../db/schema.ts';
import { getEvidenceAnchor, getEvidencePageUrl } from '../../credentials/evidence.ts';
import type { Locale } from '../../i18n.ts';
import type { RuleResult } from '../../labs/types.ts';
import type { GradedStep } from '../../projects/types.ts';
import { recordAudit } from '../admin/audit.ts';
import { getCertificateStatus, type Certificate } from '../certificates/records.ts';
import { db } from '../db.ts';
import { loadLab } from '../labs/load.ts';
import { loadProject } from '../projects/load.ts';

type EvidenceFields = Pick<Certificate, 'evidence' | 'evidencePublicAt'>;

/** True when the learner shows this certificate's graded work (and there is some to show). */
export function isEvidencePublic(cert: EvidenceFields): boolean {
	return cert.evidencePublicAt != null && (cert.evidence?.length ?? 0) > 0;
}

/** True when /verify/<id>/evidence answers: opted in, with work, not revoked and not replaced. */
export function isEvidencePageShown(
	cert: EvidenceFields & Pick<Certificate, 'revokedAt' | 'supersededBy' | 'suspendedAt'>,
): boolean {
	const status = getCertificateStatus(cert);
	return isEvidencePublic(cert) && status !== 'revoked' && status !== 'superseded';
}

/** The evidence page URL to put in a credential signed now, or null (not opted in). */
export function getCredentialEvidencePage(
	cert: EvidenceFields & Pick<Certificate, 'id'>,
): string | null {
	return isEvidencePublic(cert) ? getEvidencePageUrl(SITE_URL, cert.id) : null;
}

export type EvidenceChoiceOutcome = 'updated' | 'unchanged' | 'missing' | 'closed' | 'no-evidence';

/**
 * Turns the public evidence page of one of the learner's own certificates on or off, and records
 * the change in the audit log. `missing`: no such certificate of this learner (someone else's
 * answers the same); `closed`: revoked or replaced; `no-evidence`: nothing graded to show.
 */
export async function setEvidencePublic(
	userId: string,
	certificateId: string,
	on: boolean,
): Promise<EvidenceChoiceOutcome> {
	const cert = await db
		.select()
		.from(certificateTable)
		.where(and(eq(certificateTable.id, certificateId), eq(certificateTable.userId, userId)))
		.get();
	if (!cert) return 'missing';
	if (cert.revokedAt || cert.supersededBy) return 'closed';
	if (on && (cert.evidence?.length ?? 0) === 0) return 'no-evidence';
	if ((cert.evidencePublicAt != null) === on) return 'unchanged';
	const update = await db
		.update(certificateTable)
		.set({ evidencePublicAt: on ? new Date() : null })
		.where(
			and(
				eq(certificateTable.id, certificateId),
				eq(certificateTable.userId, userId),
				isNull(certificateTable.supersededBy),
				isNull(certificateTable.revokedAt),
			),
		);
	if (update.rowsAffected !== 1) return 'closed';
	await recordAudit(
		userId,
		on ? 'certificate.evidence-public' : 'certificate.evidence-private',
		certificateId,
	);
	return 'updated';
}

/** One line of a public report: a project step or a lab rule (or inbox message). */
export interface PublicReportLine {
	title: string;
	points: number;
	max: number;
	status: GradedStep['status'];
}

/** One passed project or lab as the evidence page shows it. */
export interface PublicEvidence {
	/** The fragment the credential's evidence `id` points at. */
	anchor: string;
	kind: 'project' | 'lab';
	/** Title in the page's language where translated. */
	title: string;
	/** Score and date of the report shown (the best passing one). */
	score: number;
	at: Date;
	/** Language of the lines (lab reports are stored in the language the lab was done in). */
	linesLocale: Locale;
	lines: PublicReportLine[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The lines of the learner's best passing project upload (step titles in `locale`). */
async function projectEvidence(
	cert: Certificate,
	id: string,
	locale: Locale,
): Promise<Omit<PublicEvidence, 'anchor' | 'kind'> | null> {
	const row = await db
		.select({
			steps: projectSubmissionTable.steps,
			score: projectSubmissionTable.score,
			at: projectSubmissionTable.submittedAt,
		})
		.from(projectSubmissionTable)
		.where(
			and(
				eq(projectSubmissionTable.userId, cert.userId),
				eq(projectSubmissionTable.courseSlug, cert.courseSlug),
				eq(projectSubmissionTable.projectId, id),
				eq(projectSubmissionTable.passed, true),
			),
		)
		.orderBy(desc(projectSubmissionTable.score), asc(projectSubmissionTable.submittedAt))
		.get();
	const loaded = await loadProject(cert.courseSlug, id, locale);
	if (!row || !loaded) return null;
	const titles = new Map(loaded.project.steps.map((s) => [s.id, s.title]));
	return {
		title: loaded.project.title,
		score: row.score,
		at: row.at,
		linesLocale: loaded.locale,
		// Only title, points and status: a step's messages say what was expected.
		lines: (row.steps as GradedStep[]).map((s) => ({
			title: titles.get(s.id) ?? s.id,
			points: s.points,
			max: s.max,
			status: s.status,
		})),
	};
}

/** The lines of the learner's best passing lab attempt (labels as graded, in the attempt's language). */
async function labEvidence(
	cert: Certificate,
	id: string,
	locale: Locale,
): Promise<Omit<PublicEvidence, 'anchor' | 'kind'> | null> {
	const row = await db
		.select({
			report: labAttemptTable.report,
			score: labAttemptTable.score,
			at: labAttemptTable.submittedAt,
			locale: labAttemptTable.locale,
		})
		.from(labAttemptTable)
		.where(
			and(
				eq(labAttemptTable.userId, cert.userId),
				eq(labAttemptTable.courseSlug, cert.courseSlug),
				eq(labAttemptTable.labId, id),
				eq(labAttemptTable.passed, true),
			),
		)
		.orderBy(desc(labAttemptTable.score), asc(labAttemptTable.submittedAt))
		.get();
	const loaded = await loadLab(cert.courseSlug, id, locale);
	if (!row || !loaded || !row.at) return null;
	const rules = (row.report ?? []) as RuleResult[];
	return {
		title: loaded.lab.title,
		score: row.score ?? 0,
		at: row.at,
		linesLocale: (row.locale as Locale) ?? 'en',
		// Only label, points and status: `found` and `expected` are for the learner alone.
		lines: rules.map((r) => ({
			title: r.label,
			points: round1(r.points * r.credit),
			max: r.points,
			status: r.passed ? 'passed' : r.credit > 0 ? 'partly' : 'not-yet',
		})),
	};
}

/** Each passed project and lab recorded on the certificate, with its public report. */
export async function getPublicEvidence(
	cert: Certificate,
	locale: Locale,
): Promise<PublicEvidence[]> {
	const out: PublicEvidence[] = [];
	for (const item of cert.evidence ?? []) {
		const found =
			item.kind === 'project'
				? await projectEvidence(cert, item.id, locale)
				: await labEvidence(cert, item.id, locale);
		if (found) out.push({ ...found, anchor: getEvidenceAnchor(item), kind: item.kind });
	}
	return out;
}
