/**
 * Single-use tokens for password resets and the first-admin setup link. Like session tokens they
 * are `<id>.<secret>` with only SHA-256(secret) stored; using one marks it used in the same
 * statement that checks it, so a token works once even under concurrent requests.
 * Takes the database as a parameter (no Astro imports) so the start script can use it too.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { oneTimeTokenTable } from '../../../../db/schema.ts';
import type { DbOrTx } from '../mail/outbox.ts';
import { generateSecureRandomString } from '../random.ts';
import { sqlText, type SqlText } from '../sql-text.ts';

export type TokenPurpose = 'reset' | 'setup';

const hashSecret = (secret: string) => Buffer.from(sha256(new TextEncoder().encode(secret)));

/** Creates a token and returns its text (shown once, e.g. in an email link). */
export async function createOneTimeToken(
	db: DbOrTx,
	options: { purpose: TokenPurpose; userId: string | null; ttlMs: number },
): Promise<string> {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	await db.insert(oneTimeTokenTable).values({
		id,
		secretHash: hashSecret(secret),
		purpose: options.purpose,
		userId: options.userId,
		expiresAt: new Date(Date.now() + options.ttlMs),
	});
	return `${id}.${secret}`;
}

/**
 * The insert of a new token that happens only when `condition` (an SQL boolean) holds at that
 * moment, to run with other statements through `write`; and the token.
 */
export function buildConditionalTokenInsert(
	options: { purpose: TokenPurpose; userId: string | null; ttlMs: number },
	condition: SqlText,
) {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	const now = Date.now();
	const query = sqlText`insert into one_time_token (id, secret_hash, purpose, user_id, expires_at, created_at)
		select ${id}, ${hashSecret(secret)}, ${options.purpose}, ${options.userId}, ${now + options.ttlMs}, ${now}
		where ${condition}`;
	return { token: `${id}.${secret}`, query };
}

async function findValid(db: Database, token: string, purpose: TokenPurpose) {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined) return null;
	if (!/^[a-z2-9]{24}$/.test(id) || !/^[a-z2-9]{24}$/.test(secret)) return null;
	const row = await db.select().from(oneTimeTokenTable).where(eq(oneTimeTokenTable.id, id)).get();
	if (
		!row ||
		row.purpose !== purpose ||
		row.usedAt !== null ||
		row.expiresAt.getTime() <= Date.now()
	)
		return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
	return row;
}

/** True when the token is valid, unused and unexpired (does not use it). */
export async function verifyOneTimeToken(
	db: Database,
	token: string,
	purpose: TokenPurpose,
): Promise<boolean> {
	return (await findValid(db, token, purpose)) !== null;
}

/**
 * Uses a token: returns its user id (or '' for a token without a user) when it was valid, and marks
 * it used atomically; returns null when it was invalid, expired or already used.
 */
export async function consumeOneTimeToken(
	db: Database,
	token: string,
	purpose: TokenPurpose,
): Promise<string | null> {
	const row = await findValid(db, token, purpose);
	if (!row) return null;
	const now = new Date();
	const result = await db
		.update(oneTimeTokenTable)
		.set({ usedAt: now })
		.where(
			and(
				eq(oneTimeTokenTable.id, row.id),
				isNull(oneTimeTokenTable.usedAt),
				gt(oneTimeTokenTable.expiresAt, now),
			),
		);
	return result.rowsAffected === 1 ? (row.userId ?? '') : null;
}

/** Ends every unused token of a purpose (e.g. all reset links of a user after a reset). */
export async function invalidateUserTokens(
	db: Database,
	userId: string,
	purpose: TokenPurpose,
): Promise<void> {
	await db
		.update(oneTimeTokenTable)
		.set({ usedAt: new Date() })
		.where(
			and(
				eq(oneTimeTokenTable.userId, userId),
				eq(oneTimeTokenTable.purpose, purpose),
				isNull(oneTimeTokenTable.usedAt),
			),
		);
}
