/**
 * Password reset: a single-use link valid for 30 minutes, sent by email. Requesting one answers the
 * same whatever the email (no account discovery) and is rate-limited per email and per address.
 * Completing one sets the password, uses up every other reset link of the user and ends all their
 * sessions.
 */
import { SITE_URL } from 'astro:env/server';
import { createTranslator, localizePath, type Locale } from '../../i18n.ts';
import { db, write } from '../db.ts';
import { dispatchMail } from '../mail.ts';
import { buildConditionalMailInsert } from '../mail/outbox.ts';
import type { WriteStatement } from '../db-writer.ts';
import { sqlText } from '../sql-text.ts';
import { judgeRateLimit, rateLimitHitStatement, readRateLimitHit } from '../rate-limit.ts';
import { invalidateUserSessions } from './session.ts';
import {
	buildConditionalTokenInsert,
	consumeOneTimeToken,
	invalidateUserTokens,
	verifyOneTimeToken,
} from './tokens.ts';
import { getUserByEmail, updateUserPassword } from './user.ts';

export const RESET_TTL_MS = 30 * 60 * 1000;
/** Reset requests per hour per email address, and per client address. */
const PER_EMAIL = 3;
const PER_ADDRESS = 10;

/** Sends a reset link if the email has an enabled account. Returns false only when rate-limited. */
export async function requestPasswordReset(
	email: string,
	address: string,
	locale: Locale,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
	const HOUR = 60 * 60 * 1000;
	const emailKey = `reset:email:${email}`;
	const addressKey = `reset:address:${address}`;
	const user = await getUserByEmail(email);
	const statements: WriteStatement[] = [
		rateLimitHitStatement(emailKey, HOUR),
		rateLimitHitStatement(addressKey, HOUR),
	];
	let mailId: string | undefined;
	if (user && !user.disabledAt) {
		// The token and its mail are written in the same transaction as the two hits, and only when
		// both are within their limits: a reset link is never created without being sent.
		const within = sqlText`(select count from rate_limit where key = ${emailKey}) <= ${PER_EMAIL}
			and (select count from rate_limit where key = ${addressKey}) <= ${PER_ADDRESS}`;
		const mailLocale = user.locale ?? locale;
		const t = createTranslator(mailLocale);
		const { token, query } = buildConditionalTokenInsert(
			{ purpose: 'reset', userId: user.id, ttlMs: RESET_TTL_MS },
			within,
		);
		const link = new URL(`${localizePath('/reset-password', mailLocale)}?token=${token}`, SITE_URL)
			.href;
		const mail = buildConditionalMailInsert(
			{
				kind: 'reset',
				to: user.email,
				locale: mailLocale,
				subject: t('auth.resetMailSubject'),
				text: t('auth.resetMailBody', { name: user.name, link }),
			},
			within,
		);
		statements.push(query, mail.query);
		mailId = mail.id;
	}
	const [, addressHit, tokenInserted] = await write(statements);
	const perAddress = judgeRateLimit(readRateLimitHit(addressHit!), PER_ADDRESS, HOUR);
	if (!perAddress.allowed) return perAddress;
	// Over the per-email limit we answer as usual but sent nothing (`within`): it reveals nothing.
	if (mailId && tokenInserted!.rowsAffected === 1) await dispatchMail(mailId);
	return { allowed: true, retryAfterSeconds: 0 };
}

/** True when a reset token can still be used (for showing the form). */
export async function verifyResetToken(token: string): Promise<boolean> {
	return verifyOneTimeToken(db, token, 'reset');
}

/** Uses the token and sets the new password. False when the token is invalid, used or expired. */
export async function completePasswordReset(token: string, password: string): Promise<boolean> {
	const userId = await consumeOneTimeToken(db, token, 'reset');
	if (!userId) return false;
	await updateUserPassword(userId, password);
	await invalidateUserTokens(db, userId, 'reset');
	await invalidateUserSessions(userId);
	return true;
}
