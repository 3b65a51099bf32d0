/**
 * Confirming e-mail addresses: a single-use link, valid 24 hours, sent through the mail outbox.
 *
 * - After sign-up the link confirms the account's own address (`email_verified_at`).
 * - A change of address is only a request: the account keeps its old address until the link sent
 *   to the NEW address is opened; then the address changes, is marked confirmed, and the old
 *   address is told. A later request replaces earlier unused links.
 * Only SHA-256 of the link's secret is stored (like sessions); the token is `<id>.<secret>`, and it
 * is used up in the same statement that checks it, so it works once even under concurrent requests.
 * A confirmed address is what instructor access (and `user:create` promotions) rely on.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { SITE_URL } from 'astro:env/server';
import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import { emailVerificationTable, userTable } from '../../../../db/schema.ts';
import { createTranslator, localizePath, type Locale } from '../../i18n.ts';
import { db } from '../db.ts';
import { dispatchMail, queueMail } from '../mail.ts';
import type { DbOrTx } from '../mail/outbox.ts';
import { generateSecureRandomString } from '../random.ts';
import { consumeRateLimit } from '../rate-limit.ts';
import type { UserRow } from './user.ts';

export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;

const hashSecret = (secret: string) => Buffer.from(sha256(new TextEncoder().encode(secret)));

/**
 * Creates a link for `email` and queues its mail, both with `tx` (so they commit together and with
 * whatever caused them). Earlier unused links of the user are ended. Returns the mail id.
 */
export async function queueEmailVerification(
	tx: DbOrTx,
	user: Pick<UserRow, 'id' | 'name' | 'email' | 'locale'>,
	email: string,
): Promise<string> {
	const now = new Date();
	await tx
		.update(emailVerificationTable)
		.set({ usedAt: now })
		.where(and(eq(emailVerificationTable.userId, user.id), isNull(emailVerificationTable.usedAt)));
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	await tx.insert(emailVerificationTable).values({
		id,
		secretHash: hashSecret(secret),
		userId: user.id,
		email,
		expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS),
	});
	const t = createTranslator(user.locale);
	const link = new URL(
		`${localizePath('/confirm-email', user.locale)}?token=${id}.${secret}`,
		SITE_URL,
	).href;
	const change = email !== user.email;
	return queueMail(tx, {
		kind: change ? 'email-change' : 'verify-email',
		to: email,
		locale: user.locale,
		subject: t(change ? 'mail.changeSubject' : 'mail.verifySubject'),
		text: t(change ? 'mail.changeBody' : 'mail.verifyBody', { name: user.name, link }),
	});
}

/**
 * Sends a new link for the user's current address, or for `newEmail` (a change request). At most
 * 5 an hour per account. A new address another account already uses gets no mail, and the answer
 * is the same, so the form cannot be used to find out who has an account.
 */
export async function requestEmailVerification(
	userId: string,
	newEmail?: string,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
	const limit = await consumeRateLimit(`verify-email:user:${userId}`, 5, 60 * 60 * 1000);
	if (!limit.allowed) return limit;
	const user = await db.select().from(userTable).where(eq(userTable.id, userId)).get();
	if (!user) return { allowed: true, retryAfterSeconds: 0 };
	const email = newEmail ?? user.email;
	if (email !== user.email) {
		const taken = await db
			.select({ id: userTable.id })
			.from(userTable)
			.where(eq(userTable.email, email))
			.get();
		if (taken) return { allowed: true, retryAfterSeconds: 0 };
	} else if (user.emailVerifiedAt) return { allowed: true, retryAfterSeconds: 0 };
	const mailId = await db.transaction((tx) => queueEmailVerification(tx, user, email));
	await dispatchMail(mailId);
	return { allowed: true, retryAfterSeconds: 0 };
}

async function findValid(token: string) {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined) return null;
	if (!/^[a-z2-9]{24}$/.test(id) || !/^[a-z2-9]{24}$/.test(secret)) return null;
	const row = await db
		.select()
		.from(emailVerificationTable)
		.where(eq(emailVerificationTable.id, id))
		.get();
	if (!row || row.usedAt !== null || row.expiresAt.getTime() <= Date.now()) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
	return row;
}

/** The address a link would confirm, or null when the link is invalid, used or expired. */
export async function getEmailVerificationTarget(token: string): Promise<string | null> {
	return (await findValid(token))?.email ?? null;
}

export type ConfirmOutcome =
	| { outcome: 'confirmed'; email: string; locale: Locale }
	| { outcome: 'changed'; email: string; locale: Locale }
	| { outcome: 'invalid' }
	| { outcome: 'taken' };

/**
 * Uses a link: confirms the address, or makes a requested change take effect (and tells the old
 * address). `taken` when another account got the address in the meantime (nothing changes).
 */
export async function confirmEmail(token: string): Promise<ConfirmOutcome> {
	const row = await findValid(token);
	if (!row) return { outcome: 'invalid' };
	try {
		const result = await db.transaction(
			async (tx): Promise<ConfirmOutcome & { mailId?: string }> => {
				const now = new Date();
				const used = await tx
					.update(emailVerificationTable)
					.set({ usedAt: now })
					.where(
						and(
							eq(emailVerificationTable.id, row.id),
							isNull(emailVerificationTable.usedAt),
							gt(emailVerificationTable.expiresAt, now),
						),
					);
				if (used.rowsAffected !== 1) return { outcome: 'invalid' };
				const user = await tx.select().from(userTable).where(eq(userTable.id, row.userId)).get();
				if (!user) return { outcome: 'invalid' };
				if (user.email === row.email) {
					await tx
						.update(userTable)
						.set({ emailVerifiedAt: user.emailVerifiedAt ?? now })
						.where(eq(userTable.id, user.id));
					return { outcome: 'confirmed', email: row.email, locale: user.locale };
				}
				const other = await tx
					.select({ id: userTable.id })
					.from(userTable)
					.where(and(eq(userTable.email, row.email), ne(userTable.id, user.id)))
					.get();
				if (other) return { outcome: 'taken' };
				await tx
					.update(userTable)
					.set({ email: row.email, emailVerifiedAt: now })
					.where(eq(userTable.id, user.id));
				const t = createTranslator(user.locale);
				const mailId = await queueMail(tx, {
					kind: 'email-changed',
					to: user.email,
					locale: user.locale,
					subject: t('mail.changedSubject'),
					text: t('mail.changedBody', { name: user.name, email: row.email }),
				});
				return { outcome: 'changed', email: row.email, locale: user.locale, mailId };
			},
		);
		if (result.mailId) await dispatchMail(result.mailId);
		const { mailId: _, ...outcome } = result;
		return outcome;
	} catch (error) {
		// The unique index on user.email: another account took the address at the same moment.
		if (/UNIQUE constraint failed: user\.email/.test(String((error as Error).message)))
			return { outcome: 'taken' };
		throw error;
	}
}

/** The address the user asked to change to and has not confirmed yet (unexpired), or null. */
export async function getPendingEmailChange(
	user: Pick<UserRow, 'id' | 'email'>,
): Promise<string | null> {
	const row = await db
		.select({ email: emailVerificationTable.email })
		.from(emailVerificationTable)
		.where(
			and(
				eq(emailVerificationTable.userId, user.id),
				isNull(emailVerificationTable.usedAt),
				gt(emailVerificationTable.expiresAt, new Date()),
				ne(emailVerificationTable.email, user.email),
			),
		)
		.orderBy(desc(emailVerificationTable.createdAt))
		.get();
	return row?.email ?? null;
}
