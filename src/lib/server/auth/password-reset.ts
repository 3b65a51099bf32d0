/**
 * Password reset: a single-use link valid for 30 minutes, sent by email. Requesting one answers the
 * same whatever the email (no account discovery), in the same time too: the request only records
 * the address (rate-limited per email and per address), and the background (a job of the mail
 * sender, `processResetRequests`) looks it up and, for an enabled account, writes the token and its
 * mail in one transaction. An account that exists cost the request a lookup, a token and a message
 * before, a measurable difference an attacker could time; OWASP's forgot-password advice is to
 * answer in the same time, e.g. by doing the work asynchronously. Completing a reset sets the
 * password, uses up every other reset link of the user and ends all their sessions.
 */
import { SITE_URL, SMTP_URL } from 'astro:env/server';
import { createTranslator, isLocale, localizePath, type Locale } from '../../i18n.ts';
import { db, read, write } from '../db.ts';
import { log } from '../log.ts';
import { dispatchMail } from '../mail.ts';
import { buildConditionalMailInsert } from '../mail/outbox.ts';
import { registerMailJob } from '../mail/sender.ts';
import type { WriteStatement } from '../db-writer.ts';
import { generateSecureRandomString } from '../random.ts';
import { sqlList, sqlText } from '../sql-text.ts';
import { judgeRateLimit, rateLimitHitStatement, readRateLimitHit } from '../rate-limit.ts';
import { invalidateUserSessions } from './session.ts';
import {
	buildConditionalTokenInsert,
	consumeOneTimeToken,
	invalidateUserTokens,
	verifyOneTimeToken,
} from './tokens.ts';
import { updateUserPassword } from './user.ts';

export const RESET_TTL_MS = 30 * 60 * 1000;
/** Reset requests per hour per email address, and per client address. */
const PER_EMAIL = 3;
const PER_ADDRESS = 10;
/** How long a process holds the requests it has claimed (far longer than handling them takes). */
const REQUEST_LEASE_MS = 5 * 60 * 1000;
/** This process, as the holder of the reset requests it claims. */
const owner = generateSecureRandomString();

/**
 * Records a reset request for the background (see the top of this file), whatever the email: the
 * same statements for an address with an account, one without, and a disabled one. Returns false
 * (`allowed`) only when the client address is over its limit; over the per-email limit it answers
 * as usual and records nothing (which reveals nothing either).
 */
export async function requestPasswordReset(
	email: string,
	address: string,
	locale: Locale,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
	const HOUR = 60 * 60 * 1000;
	const emailKey = `reset:email:${email}`;
	const addressKey = `reset:address:${address}`;
	const id = generateSecureRandomString();
	const now = Date.now();
	// Without a mail server (a local install, the tests) this request handles its reset request
	// itself, so that the link is in the outbox folder before the answer, as for any mail: it is
	// written already held by this process, so the sender's job leaves it alone (unless this
	// process dies first and the lease runs out). With one, the sender handles it within moments.
	const handledHere = !SMTP_URL;
	const statements: WriteStatement[] = [
		rateLimitHitStatement(emailKey, HOUR),
		rateLimitHitStatement(addressKey, HOUR),
		// Only when both hits are within their limits.
		sqlText`insert into password_reset_request (id, email, locale, created_at, lease_owner, lease_until)
			select ${id}, ${email}, ${locale}, ${now}, ${handledHere ? owner : null},
				${handledHere ? now + REQUEST_LEASE_MS : null}
			where (select count from rate_limit where key = ${emailKey}) <= ${PER_EMAIL}
			and (select count from rate_limit where key = ${addressKey}) <= ${PER_ADDRESS}`,
	];
	const [, addressHit, recorded] = await write(statements);
	const perAddress = judgeRateLimit(readRateLimitHit(addressHit!), PER_ADDRESS, HOUR);
	if (!perAddress.allowed) return perAddress;
	if (recorded!.rowsAffected === 1) {
		if (handledHere) await dispatchMail(...(await processResetRequests(1, id)).mail);
		else await dispatchMail();
	}
	return { allowed: true, retryAfterSeconds: 0 };
}

/**
 * Handles up to `limit` waiting reset requests (or the one with `id`): claims them with a lease,
 * looks their addresses up (`id`: also one this process already holds, see requestPasswordReset),
 * and in one transaction writes a token and its mail for each enabled account and deletes the
 * requests — only while this process still holds them, so a request is handled once even if a
 * lease ran out. Returns how many it claimed and the mail it queued.
 */
export async function processResetRequests(
	limit: number,
	id?: string,
): Promise<{ claimed: number; mail: string[] }> {
	const now = Date.now();
	const [claimedRows] = await write([
		sqlText`update password_reset_request set lease_owner = ${owner}, lease_until = ${now + REQUEST_LEASE_MS}
			where id in (select id from password_reset_request
				where ${
					id === undefined
						? sqlText`(lease_until is null or lease_until <= ${now})`
						: sqlText`id = ${id} and (lease_owner = ${owner} or lease_until is null or lease_until <= ${now})`
				}
				order by created_at limit ${limit})
			returning id, email, locale`,
	]);
	const requests = claimedRows!.rows.map((r) => ({
		id: String(r.id),
		email: String(r.email),
		locale: String(r.locale),
	}));
	if (requests.length === 0) return { claimed: 0, mail: [] };
	const users = await read(
		sqlText`select id, email, name, locale from user
			where disabled_at is null and email in (${sqlList(requests.map((r) => r.email))})`,
	);
	const byEmail = new Map(users.rows.map((u) => [String(u.email), u]));
	const statements: WriteStatement[] = [];
	const mail: string[] = [];
	for (const request of requests) {
		const user = byEmail.get(request.email);
		if (!user) continue;
		const held = sqlText`exists (select 1 from password_reset_request where id = ${request.id} and lease_owner = ${owner})`;
		const mailLocale: Locale =
			typeof user.locale === 'string' && isLocale(user.locale)
				? user.locale
				: isLocale(request.locale)
					? request.locale
					: 'en';
		const t = createTranslator(mailLocale);
		const { token, query } = buildConditionalTokenInsert(
			{ purpose: 'reset', userId: String(user.id), ttlMs: RESET_TTL_MS },
			held,
		);
		const link = new URL(`${localizePath('/reset-password', mailLocale)}?token=${token}`, SITE_URL)
			.href;
		const message = buildConditionalMailInsert(
			{
				kind: 'reset',
				to: String(user.email),
				locale: mailLocale,
				subject: t('auth.resetMailSubject'),
				text: t('auth.resetMailBody', { name: String(user.name), link }),
			},
			held,
		);
		statements.push(query, message.query);
		mail.push(message.id);
	}
	statements.push(
		sqlText`delete from password_reset_request where lease_owner = ${owner} and id in (${sqlList(requests.map((r) => r.id))})`,
	);
	const results = await write(statements);
	const deleted = results.at(-1)!.rowsAffected;
	if (deleted < requests.length)
		log.warn(
			{ count: requests.length - deleted },
			'reset requests handled elsewhere after their lease ran out',
		);
	// A message whose insert found the request gone was not queued.
	const queued = mail.filter((_, i) => results[i * 2 + 1]!.rowsAffected === 1);
	return { claimed: requests.length, mail: queued };
}

// The sender (this process's, whenever it starts) answers waiting requests before each claim of mail.
registerMailJob('password-reset', async (limit) => (await processResetRequests(limit)).claimed);

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
