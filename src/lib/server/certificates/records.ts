/**
 * Certificates: reading them, and the admin actions on them (revoke, suspend, unsuspend).
 * Issuing and reissuing live in issue.ts.
 *
 * Lifecycle of a row in `certificate`:
 * - issued: written once when the learner first meets the course's rule; name, course title,
 *   version, hours, skills, issuer and date are copied then and never change.
 * - revoked by an admin (`revokedAt` + `revokedReason`, audited): FINAL, as the Bitstring Status
 *   List spec defines revocation. An admin who revoked in error has the learner's certificate
 *   issued again (a new id); for a reversible hold there is suspension.
 * - suspended / unsuspended by an admin (`suspendedAt` + `suspendedReason` set or cleared,
 *   audited): the certificate's bit in the suspension list.
 * - superseded when the learner asks for a reissue in a new name: `supersededBy` points at the new
 *   certificate, and its bit in the revocation list is set (a replaced credential no longer reads
 *   as valid to a verifier that only checks status). At most one non-superseded certificate exists per learner and course (a partial
 *   unique index), which is what makes racing completions issue exactly one.
 * Status is always read from the row at request time, so the verify page, the PDF, the credential's
 * status list and the dashboard show a revocation at once.
 */
import type { Locale } from '../../locales.ts';
import { and, count, desc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { certificateTable, userTable } from '../../../../db/schema.ts';
import { isCertificateId } from '../../certificates/links.ts';
import { recordAudit } from '../admin/audit.ts';
import { normaliseSearchQuery, toLikePattern } from '../../search-pattern.ts';
import { db } from '../db.ts';

export type Certificate = typeof certificateTable.$inferSelect;

/** What a verifier is told: revocation wins over replacement, which wins over suspension. */
export type CertificateStatus = 'valid' | 'revoked' | 'superseded' | 'suspended';

/** The status of a certificate row. */
export function getCertificateStatus(
	cert: Pick<Certificate, 'revokedAt' | 'supersededBy' | 'suspendedAt'>,
): CertificateStatus {
	if (cert.revokedAt) return 'revoked';
	if (cert.supersededBy) return 'superseded';
	if (cert.suspendedAt) return 'suspended';
	return 'valid';
}

/** A certificate by public id, or null (also for malformed ids, without touching the database). */
export async function getCertificate(id: string): Promise<Certificate | null> {
	if (!isCertificateId(id)) return null;
	return (
		(await db.select().from(certificateTable).where(eq(certificateTable.id, id)).get()) ?? null
	);
}

/** The interface language of a certificate's learner (their course title is printed in it too). */
export async function getLearnerLocale(userId: string): Promise<Locale> {
	const row = await db
		.select({ locale: userTable.locale })
		.from(userTable)
		.where(eq(userTable.id, userId))
		.get();
	return row?.locale ?? 'en';
}

/** The learner's current (non-superseded) certificate for a course, revoked or not; or null. */
export async function getCurrentCertificate(
	userId: string,
	courseSlug: string,
): Promise<Certificate | null> {
	const row = await db
		.select()
		.from(certificateTable)
		.where(
			and(
				eq(certificateTable.userId, userId),
				eq(certificateTable.courseSlug, courseSlug),
				isNull(certificateTable.supersededBy),
			),
		)
		.get();
	return row ?? null;
}

/** All of a learner's current certificates, newest first (for the dashboard). */
export async function getCertificatesForUser(userId: string): Promise<Certificate[]> {
	return db
		.select()
		.from(certificateTable)
		.where(and(eq(certificateTable.userId, userId), isNull(certificateTable.supersededBy)))
		.orderBy(desc(certificateTable.issuedAt));
}

/**
 * Global status indexes in [from, to) whose bit is set in a list: for `revocation`, revoked or
 * superseded certificates (both final); for `suspension`, suspended ones.
 */
export async function getSetStatusIndexes(
	purpose: 'revocation' | 'suspension',
	from: number,
	to: number,
): Promise<number[]> {
	const set =
		purpose === 'revocation'
			? or(isNotNull(certificateTable.revokedAt), isNotNull(certificateTable.supersededBy))
			: isNotNull(certificateTable.suspendedAt);
	const rows = await db
		.select({ statusIndex: certificateTable.statusIndex })
		.from(certificateTable)
		.where(
			and(
				set,
				sql`${certificateTable.statusIndex} >= ${from}`,
				sql`${certificateTable.statusIndex} < ${to}`,
			),
		)
		.orderBy(certificateTable.statusIndex);
	return rows.map((r) => r.statusIndex);
}

export interface CertificateListItem extends Certificate {
	email: string;
}

/**
 * Certificates matching `query` for the admin list, newest first: an exact id, or part of the
 * learner's email, account name or name as printed.
 */
export async function searchCertificates(
	query: string,
	page: number,
	pageSize = 25,
): Promise<{ rows: CertificateListItem[]; total: number; pageSize: number }> {
	const q = normaliseSearchQuery(query);
	const pattern = toLikePattern(query);
	const where = pattern
		? or(
				eq(certificateTable.id, q.toLowerCase()),
				sql`${userTable.email} like ${pattern} escape '\\'`,
				sql`${userTable.name} like ${pattern} escape '\\'`,
				sql`${certificateTable.learnerName} like ${pattern} escape '\\'`,
			)
		: undefined;
	const rows = await db
		.select({ certificate: certificateTable, email: userTable.email })
		.from(certificateTable)
		.innerJoin(userTable, eq(userTable.id, certificateTable.userId))
		.where(where)
		.orderBy(desc(certificateTable.issuedAt), desc(certificateTable.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	const total =
		(
			await db
				.select({ n: count() })
				.from(certificateTable)
				.innerJoin(userTable, eq(userTable.id, certificateTable.userId))
				.where(where)
				.get()
		)?.n ?? 0;
	return { rows: rows.map((r) => ({ ...r.certificate, email: r.email })), total, pageSize };
}

/** Revokes a certificate with a reason (audited). 'missing' for an unknown id, 'unchanged' if already revoked. */
export async function revokeCertificate(
	actorId: string,
	id: string,
	reason: string,
): Promise<'ok' | 'missing' | 'unchanged'> {
	if (!(await getCertificate(id))) return 'missing';
	const result = await db
		.update(certificateTable)
		.set({ revokedAt: new Date(), revokedReason: reason })
		.where(and(eq(certificateTable.id, id), isNull(certificateTable.revokedAt)));
	if (result.rowsAffected !== 1) return 'unchanged';
	await recordAudit(actorId, 'certificate.revoke', id, { reason });
	return 'ok';
}

/** Suspends a certificate with a reason (audited; reversible). 'unchanged' if already suspended or revoked. */
export async function suspendCertificate(
	actorId: string,
	id: string,
	reason: string,
): Promise<'ok' | 'missing' | 'unchanged'> {
	if (!(await getCertificate(id))) return 'missing';
	const result = await db
		.update(certificateTable)
		.set({ suspendedAt: new Date(), suspendedReason: reason })
		.where(
			and(
				eq(certificateTable.id, id),
				isNull(certificateTable.suspendedAt),
				isNull(certificateTable.revokedAt),
			),
		);
	if (result.rowsAffected !== 1) return 'unchanged';
	await recordAudit(actorId, 'certificate.suspend', id, { reason });
	return 'ok';
}

/** Lifts a suspension (audited). 'unchanged' if it was not suspended. */
export async function unsuspendCertificate(
	actorId: string,
	id: string,
): Promise<'ok' | 'missing' | 'unchanged'> {
	const cert = await getCertificate(id);
	if (!cert) return 'missing';
	const result = await db
		.update(certificateTable)
		.set({ suspendedAt: null, suspendedReason: null })
		.where(and(eq(certificateTable.id, id), isNotNull(certificateTable.suspendedAt)));
	if (result.rowsAffected !== 1) return 'unchanged';
	await recordAudit(actorId, 'certificate.unsuspend', id, {
		previousReason: cert.suspendedReason,
	});
	return 'ok';
}
