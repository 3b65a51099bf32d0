/**
 * Admin user management: search and page through users, change roles, disable and re-enable
 * (disabling ends every session at once). Each change is written to the audit log.
 * An admin cannot demote or disable themselves, so a server never loses its last admin by accident.
 */
import { count, desc, or, sql } from 'drizzle-orm';
import { userTable } from '../../../../db/schema.ts';
import { recordAudit } from './audit.ts';
import { toLikePattern } from '../../search-pattern.ts';
import { db } from '../db.ts';
import { getUserById, setUserDisabled, setUserRole, type Role } from '../auth/user.ts';

export interface UserListItem {
	id: string;
	email: string;
	name: string;
	role: Role;
	disabledAt: Date | null;
	createdAt: Date;
}

/** Users matching `query` (email or name, case-insensitive), newest first, a page at a time. */
export async function searchUsers(
	query: string,
	page: number,
	pageSize = 25,
): Promise<{ rows: UserListItem[]; total: number; pageSize: number }> {
	const pattern = toLikePattern(query);
	const where = pattern
		? or(
				sql`${userTable.email} like ${pattern} escape '\\'`,
				sql`${userTable.name} like ${pattern} escape '\\'`,
			)
		: undefined;
	const rows = await db
		.select({
			id: userTable.id,
			email: userTable.email,
			name: userTable.name,
			role: userTable.role,
			disabledAt: userTable.disabledAt,
			createdAt: userTable.createdAt,
		})
		.from(userTable)
		.where(where)
		.orderBy(desc(userTable.createdAt))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	const total = (await db.select({ n: count() }).from(userTable).where(where).get())?.n ?? 0;
	return { rows, total, pageSize };
}

export type AdminUserChange =
	{ kind: 'role'; role: Role } | { kind: 'disable' } | { kind: 'enable' };

/** Applies a change; 'self' when the admin targets their own account, 'missing' for an unknown user. */
export async function changeUser(
	actorId: string,
	userId: string,
	change: AdminUserChange,
): Promise<'ok' | 'self' | 'missing'> {
	if (actorId === userId) return 'self';
	const user = await getUserById(userId);
	if (!user) return 'missing';
	if (change.kind === 'role') {
		await setUserRole(userId, change.role);
		await recordAudit(actorId, 'user.role', user.email, { from: user.role, to: change.role });
	} else {
		await setUserDisabled(userId, change.kind === 'disable');
		await recordAudit(
			actorId,
			change.kind === 'disable' ? 'user.disable' : 'user.enable',
			user.email,
		);
	}
	return 'ok';
}
