/**
 * Accounts: create, look up, change. Passwords are hashed here (argon2id) and never leave this
 * module in any other form. Disabling an account ends all its sessions in the same call.
 */
import type { Locale } from '../../locales.ts';
import { and, count, eq, isNull } from 'drizzle-orm';
import { userTable } from '../../../../db/schema.ts';
import { db } from '../db.ts';
import { hashPassword } from './password.ts';
import { generateSecureRandomString } from '../random.ts';
import { invalidateUserSessions } from './session.ts';

export type Role = 'learner' | 'instructor' | 'admin';
export type UserRow = typeof userTable.$inferSelect;

/** Creates an account; the caller has validated and normalised the fields. Returns null if the email is taken. */
export async function createUser(fields: {
	email: string;
	name: string;
	password: string;
	locale: Locale;
	role?: Role;
}): Promise<UserRow | null> {
	const passwordHash = await hashPassword(fields.password);
	const rows = await db
		.insert(userTable)
		.values({
			id: generateSecureRandomString(),
			email: fields.email,
			name: fields.name,
			passwordHash,
			locale: fields.locale,
			role: fields.role ?? 'learner',
		})
		.onConflictDoNothing({ target: userTable.email })
		.returning();
	return rows[0] ?? null;
}

/** A user by email (already normalised), or null. */
export async function getUserByEmail(email: string): Promise<UserRow | null> {
	return (await db.select().from(userTable).where(eq(userTable.email, email)).get()) ?? null;
}

/** A user by id, or null. */
export async function getUserById(id: string): Promise<UserRow | null> {
	return (await db.select().from(userTable).where(eq(userTable.id, id)).get()) ?? null;
}

/** Changes the certificate name. */
export async function updateUserName(userId: string, name: string): Promise<void> {
	await db.update(userTable).set({ name }).where(eq(userTable.id, userId));
}

/** Changes the email; returns false when another account has it. */
export async function updateUserEmail(userId: string, email: string): Promise<boolean> {
	const taken = await getUserByEmail(email);
	if (taken && taken.id !== userId) return false;
	try {
		await db.update(userTable).set({ email }).where(eq(userTable.id, userId));
		return true;
	} catch {
		return false; // unique index: taken by a concurrent change
	}
}

/** Sets a new password (hashing it). Ending other sessions is the caller's decision. */
export async function updateUserPassword(userId: string, password: string): Promise<void> {
	await db
		.update(userTable)
		.set({ passwordHash: await hashPassword(password) })
		.where(eq(userTable.id, userId));
}

/** Changes the preferred language. */
export async function updateUserLocale(userId: string, locale: Locale): Promise<void> {
	await db.update(userTable).set({ locale }).where(eq(userTable.id, userId));
}

/** Changes a user's role. */
export async function setUserRole(userId: string, role: Role): Promise<void> {
	await db.update(userTable).set({ role }).where(eq(userTable.id, userId));
}

/** Disables (ending every session at once) or re-enables an account. */
export async function setUserDisabled(userId: string, disabled: boolean): Promise<void> {
	await db
		.update(userTable)
		.set({ disabledAt: disabled ? new Date() : null })
		.where(eq(userTable.id, userId));
	if (disabled) await invalidateUserSessions(userId);
}

/** How many enabled admins exist. */
export async function countActiveAdmins(): Promise<number> {
	const row = await db
		.select({ n: count() })
		.from(userTable)
		.where(and(eq(userTable.role, 'admin'), isNull(userTable.disabledAt)))
		.get();
	return row?.n ?? 0;
}
