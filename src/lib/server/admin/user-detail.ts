/**
 * What an admin sees about one account on `/admin/users/<id>`: the profile and role, where the
 * account is signed in, its enrolments and certificates, and the audit entries about it (admin
 * actions on the account or its certificates) or by it. Read-only; changes go through
 * users.ts.
 */
import { desc, eq, inArray, or } from 'drizzle-orm';
import {
	auditLogTable,
	certificateTable,
	enrolmentTable,
	sessionTable,
	userTable,
} from '../../../../db/schema.ts';
import { db } from '../db.ts';

/** The audit entries shown (newest first). */
const AUDIT_LIMIT = 100;

/** Everything `/admin/users/<id>` shows, or null for an unknown id. */
export async function getAdminUserDetail(userId: string) {
	const user = await db
		.select({
			id: userTable.id,
			email: userTable.email,
			name: userTable.name,
			role: userTable.role,
			locale: userTable.locale,
			disabledAt: userTable.disabledAt,
			createdAt: userTable.createdAt,
		})
		.from(userTable)
		.where(eq(userTable.id, userId))
		.get();
	if (!user) return null;
	const [sessions, enrolments, certificates] = await Promise.all([
		db
			.select({
				createdAt: sessionTable.createdAt,
				lastVerifiedAt: sessionTable.lastVerifiedAt,
				device: sessionTable.device,
			})
			.from(sessionTable)
			.where(eq(sessionTable.userId, userId))
			.orderBy(desc(sessionTable.lastVerifiedAt)),
		db
			.select({
				courseSlug: enrolmentTable.courseSlug,
				enrolledAt: enrolmentTable.enrolledAt,
				completedAt: enrolmentTable.completedAt,
				leftAt: enrolmentTable.leftAt,
			})
			.from(enrolmentTable)
			.where(eq(enrolmentTable.userId, userId))
			.orderBy(desc(enrolmentTable.enrolledAt)),
		db
			.select({
				id: certificateTable.id,
				courseTitle: certificateTable.courseTitle,
				issuedAt: certificateTable.issuedAt,
				revokedAt: certificateTable.revokedAt,
				supersededBy: certificateTable.supersededBy,
			})
			.from(certificateTable)
			.where(eq(certificateTable.userId, userId))
			.orderBy(desc(certificateTable.issuedAt)),
	]);
	const targets = [user.email, ...certificates.map((c) => c.id)];
	const audit = await db
		.select({
			at: auditLogTable.at,
			action: auditLogTable.action,
			target: auditLogTable.target,
			detail: auditLogTable.detail,
			actorEmail: userTable.email,
		})
		.from(auditLogTable)
		.leftJoin(userTable, eq(userTable.id, auditLogTable.actorId))
		.where(or(inArray(auditLogTable.target, targets), eq(auditLogTable.actorId, userId)))
		.orderBy(desc(auditLogTable.id))
		.limit(AUDIT_LIMIT);
	return { user, sessions, enrolments, certificates, audit };
}

export type AdminUserDetail = NonNullable<Awaited<ReturnType<typeof getAdminUserDetail>>>;
