/**
 * The audit log of admin actions: who did what to what, and when. Append-only from the app.
 */
import { desc, count } from 'drizzle-orm';
import { auditLogTable, userTable } from '../../../../db/schema.ts';
import { eq } from 'drizzle-orm';
import { db } from '../db.ts';

export type AuditAction =
	| 'user.role'
	| 'user.disable'
	| 'user.enable'
	| 'certificate.revoke'
	| 'certificate.reinstate'
	| 'mail.retry'
	| 'certificate.suspend'
	| 'certificate.unsuspend'
	// A learner showing or hiding a certificate's graded work (credentials/evidence-page.ts).
	| 'certificate.evidence-public'
	| 'certificate.evidence-private';

/** Records an admin action. */
export async function recordAudit(
	actorId: string,
	action: AuditAction,
	target: string,
	detail?: Record<string, unknown>,
): Promise<void> {
	await db
		.insert(auditLogTable)
		.values({ actorId, action, target, detail: detail ?? null, at: new Date() });
}

/** A page of the audit log, newest first, with the actor's email. */
export async function getAuditLog(page: number, pageSize = 50) {
	const rows = await db
		.select({
			id: auditLogTable.id,
			action: auditLogTable.action,
			target: auditLogTable.target,
			detail: auditLogTable.detail,
			at: auditLogTable.at,
			actorEmail: userTable.email,
		})
		.from(auditLogTable)
		.leftJoin(userTable, eq(userTable.id, auditLogTable.actorId))
		.orderBy(desc(auditLogTable.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	const total = (await db.select({ n: count() }).from(auditLogTable).get())?.n ?? 0;
	return { rows, total, pageSize };
}
