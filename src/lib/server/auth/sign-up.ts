/**
 * Signing up, with the same answer whether or not the address already has an account:
 * - a new address gets an account (not yet confirmed) and a confirmation link;
 * - an address that has an account gets a "you already have an account" mail (sign-in and reset
 *   links) instead, and nothing else changes.
 * Either way the caller answers identically and no session is started, so the form cannot be used
 * to find out who has an account. The password is hashed in both cases so the timing matches too.
 * Throttled per client address (SIGNUP_LIMIT an hour) before any hashing; "already have an
 * account" mails are limited to 3 an hour per address so the form cannot flood someone's inbox.
 */
import { SIGNUP_LIMIT, SITE_URL } from 'astro:env/server';
import { userTable } from '../../../../db/schema.ts';
import { createTranslator, localizePath, type Locale } from '../../i18n.ts';
import { db } from '../db.ts';
import { dispatchMail, queueMail } from '../mail.ts';
import { hashPassword } from './password.ts';
import { generateSecureRandomString } from '../random.ts';
import { consumeRateLimit } from '../rate-limit.ts';
import { getUserByEmail } from './user.ts';
import { queueEmailVerification } from './email-verification.ts';

const HOUR = 60 * 60 * 1000;

export type SignUpResult =
	{ ok: true } | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/** Handles a validated sign-up form (`email` normalised) from client `address`. */
export async function signUpWithEmail(
	fields: { email: string; name: string; password: string; locale: Locale },
	address: string,
): Promise<SignUpResult> {
	const limit = await consumeRateLimit(`signup:address:${address}`, Number(SIGNUP_LIMIT), HOUR);
	if (!limit.allowed)
		return { ok: false, reason: 'throttled', retryAfterSeconds: limit.retryAfterSeconds };
	const passwordHash = await hashPassword(fields.password);
	const mailId = await db.transaction(async (tx) => {
		const [user] = await tx
			.insert(userTable)
			.values({
				id: generateSecureRandomString(),
				email: fields.email,
				name: fields.name,
				passwordHash,
				locale: fields.locale,
			})
			.onConflictDoNothing({ target: userTable.email })
			.returning();
		return user ? queueEmailVerification(tx, user, user.email) : null;
	});
	if (mailId) await dispatchMail(mailId);
	else await sendAccountExistsMail(fields.email);
	return { ok: true };
}

async function sendAccountExistsMail(email: string): Promise<void> {
	const perEmail = await consumeRateLimit(`signup:email:${email}`, 3, HOUR);
	if (!perEmail.allowed) return;
	const user = await getUserByEmail(email);
	if (!user || user.disabledAt) return;
	const t = createTranslator(user.locale);
	const mailId = await queueMail(db, {
		kind: 'account-exists',
		to: user.email,
		locale: user.locale,
		subject: t('mail.existsSubject'),
		text: t('mail.existsBody', {
			name: user.name,
			login: new URL(localizePath('/login', user.locale), SITE_URL).href,
			reset: new URL(localizePath('/reset-password', user.locale), SITE_URL).href,
		}),
	});
	await dispatchMail(mailId);
}
