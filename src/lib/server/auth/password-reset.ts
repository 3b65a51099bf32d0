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
import { buildMailInsert } from '../mail/outbox.ts';
import { consumeRateLimit } from '../rate-limit.ts';
import { invalidateUserSessions } from './session.ts';
import {
	buildOneTimeTokenInsert,
	consumeOneTimeToken,
	invalidateUserTokens,
	verifyOneTimeToken,
} from './tokens.ts';
import { getUserByEmail, updateUserPassword } from './user.ts';

export const RESET_TTL_MS = 30 * 60 * 1000;

/** Sends a reset link if the email has an enabled account. Returns false only when rate-limited. */
export async function requestPasswordReset(
	email: string,
	address: string,
	locale: Locale,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
	const [perEmail, perAddress] = await Promise.all([
		consumeRateLimit(`reset:email:${email}`, 3, 60 * 60 * 1000),
		consumeRateLimit(`reset:address:${address}`, 10, 60 * 60 * 1000),
	]);
	if (!perAddress.allowed) return perAddress;
	// Over the per-email limit we answer as usual but send nothing, so the limit reveals nothing.
	if (!perEmail.allowed) return { allowed: true, retryAfterSeconds: 0 };
	const user = await getUserByEmail(email);
	if (!user || user.disabledAt) return { allowed: true, retryAfterSeconds: 0 };
	const mailLocale = user.locale ?? locale;
	const t = createTranslator(mailLocale);
	// The token and its mail commit together (one group write): a reset link is never created
	// without being sent.
	const { token, query } = buildOneTimeTokenInsert(db, {
		purpose: 'reset',
		userId: user.id,
		ttlMs: RESET_TTL_MS,
	});
	const link = new URL(`${localizePath('/reset-password', mailLocale)}?token=${token}`, SITE_URL)
		.href;
	const mail = buildMailInsert(db, {
		kind: 'reset',
		to: user.email,
		locale: mailLocale,
		subject: t('auth.resetMailSubject'),
		text: t('auth.resetMailBody', { name: user.name, link }),
	});
	await write([query, mail.query]);
	await dispatchMail(mail.id);
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
