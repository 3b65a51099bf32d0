/**
 * Fixed-window counters kept in the database, so limits hold across processes and restarts.
 *
 * `consumeRateLimit` counts an event and says whether it was within the limit (used for reset
 * requests and anonymous quiz practice). `getRateLimitBlock` only reads (used before hashing a
 * password, so a throttled sign-in costs no argon2 work); `recordRateLimitHit` counts a failure;
 * `resetRateLimit` clears a key after a success. Each write is a single upsert statement, so
 * concurrent requests never lose a count.
 */
import type { ResultSet } from '@libsql/client';
import { eq, sql } from 'drizzle-orm';
import { rateLimitTable } from '../../../db/schema.ts';
import { db, write } from './db.ts';

export interface RateLimitResult {
	allowed: boolean;
	/** Seconds until the window ends (0 when allowed). */
	retryAfterSeconds: number;
}

/**
 * The upsert that counts one hit for `key` and returns (RETURNING) the new count and window start,
 * to run with other statements through `write`; read its row with `readRateLimitHit`.
 */
export function rateLimitHitStatement(key: string, windowMs: number) {
	const now = Date.now();
	const expiredBefore = now - windowMs;
	return db
		.insert(rateLimitTable)
		.values({ key, windowStart: new Date(now), count: 1 })
		.onConflictDoUpdate({
			target: rateLimitTable.key,
			set: {
				count: sql`case when ${rateLimitTable.windowStart} <= ${expiredBefore} then 1 else ${rateLimitTable.count} + 1 end`,
				windowStart: sql`case when ${rateLimitTable.windowStart} <= ${expiredBefore} then ${now} else ${rateLimitTable.windowStart} end`,
			},
		})
		.returning({ count: rateLimitTable.count, windowStart: rateLimitTable.windowStart });
}

/** The count and window start returned by `rateLimitHitStatement`. */
export function readRateLimitHit(result: ResultSet): { count: number; windowStart: number } {
	const row = result.rows[0]!;
	return { count: Number(row.count), windowStart: Number(row.window_start) };
}

/** Whether a hit count is within `limit`, and for how long it is blocked when not. */
export function judgeRateLimit(
	hit: { count: number; windowStart: number },
	limit: number,
	windowMs: number,
): RateLimitResult {
	if (hit.count <= limit) return { allowed: true, retryAfterSeconds: 0 };
	return {
		allowed: false,
		retryAfterSeconds: Math.max(1, Math.ceil((hit.windowStart + windowMs - Date.now()) / 1000)),
	};
}

/** Counts one hit for `key` and returns the new count and window start. */
export async function recordRateLimitHit(
	key: string,
	windowMs: number,
): Promise<{ count: number; windowStart: number }> {
	// Through the group writer (db-writer.ts): concurrent hits share one commit.
	const [result] = await write([rateLimitHitStatement(key, windowMs)]);
	return readRateLimitHit(result!);
}

/** Whether `key` has reached `limit` hits in its current window (does not count). */
export async function getRateLimitBlock(
	key: string,
	limit: number,
	windowMs: number,
): Promise<RateLimitResult> {
	const row = await db.select().from(rateLimitTable).where(eq(rateLimitTable.key, key)).get();
	if (!row) return { allowed: true, retryAfterSeconds: 0 };
	const ends = row.windowStart.getTime() + windowMs;
	if (ends <= Date.now() || row.count < limit) return { allowed: true, retryAfterSeconds: 0 };
	return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((ends - Date.now()) / 1000)) };
}

/** Counts one hit and says whether it is within `limit` per window. */
export async function consumeRateLimit(
	key: string,
	limit: number,
	windowMs: number,
): Promise<RateLimitResult> {
	return judgeRateLimit(await recordRateLimitHit(key, windowMs), limit, windowMs);
}

/** Clears a key (e.g. after a successful sign-in). */
export async function resetRateLimit(key: string): Promise<void> {
	await db.delete(rateLimitTable).where(eq(rateLimitTable.key, key));
}
