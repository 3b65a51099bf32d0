/**
 * Liveness and database reachability for `/healthz`.
 *
 * For a local file the check first looks at the file itself (without opening it): still there,
 * still the same file (same inode as at the first check), still readable and writable by this
 * process. So a file that has become unreadable, been removed or been replaced is noticed even
 * while the pool's already-open connections could still answer from their open descriptors. Then
 * (local or remote) it writes one row of the `health_probe` table in its own commit: a read, or a
 * write in a transaction that is rolled back, still succeeds on a full disk or a read-only file
 * system, where every real save would fail.
 *
 * Never open and close the database file here: closing ANY descriptor of a file drops every POSIX
 * lock this process holds on it, including SQLite's shared lock. Another process (db:backup,
 * user:create) closing its connection would then believe it was the last one, checkpoint and
 * delete the WAL under the running server, and every write after that would be lost.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { getLocalPath } from '../../../db/client.ts';
import { count, min } from 'drizzle-orm';
import { healthProbeTable, passwordResetRequestTable } from '../../../db/schema.ts';
import { database, db } from './db.ts';
import { getPendingMailSummary, secondsSince } from './mail/outbox.ts';

/** Device and inode of the database file at the first check. */
let seenFile: { dev: number; ino: number } | undefined;

export interface HealthReport {
	status: 'ok' | 'unavailable';
	database: 'ok' | 'unreachable';
	/** Milliseconds the database check took. */
	latencyMs: number;
	/**
	 * Mail waiting in the outbox: how many, and the age in seconds of the oldest (null when none);
	 * and password-reset requests not yet turned into mail (their background job, see
	 * auth/password-reset.ts), the same way.
	 */
	mail?: {
		pending: number;
		oldestPendingSeconds: number | null;
		resetRequestsWaiting: number;
		oldestResetRequestSeconds: number | null;
	};
}

/** Reset requests waiting for the background: how many, and the age in seconds of the oldest. */
async function getWaitingResetSummary() {
	const row = await db
		.select({ n: count(), oldest: min(passwordResetRequestTable.createdAt) })
		.from(passwordResetRequestTable)
		.get();
	return {
		resetRequestsWaiting: row?.n ?? 0,
		oldestResetRequestSeconds: secondsSince(row?.oldest ?? null),
	};
}

/** Checks the database within `timeoutMs`; never throws. */
export async function getHealth(timeoutMs = 2000): Promise<HealthReport> {
	const started = performance.now();
	const check = async () => {
		if (database.isLocalFile) {
			const path = getLocalPath(database.url);
			const info = await stat(path);
			seenFile ??= { dev: info.dev, ino: info.ino };
			if (!info.isFile() || info.dev !== seenFile.dev || info.ino !== seenFile.ino)
				throw new Error('the database file was replaced');
			await access(path, constants.R_OK | constants.W_OK);
		}
		const now = new Date();
		await db
			.insert(healthProbeTable)
			.values({ id: 1, checkedAt: now })
			.onConflictDoUpdate({ target: healthProbeTable.id, set: { checkedAt: now } });
	};
	let ok = false;
	try {
		await Promise.race([
			check(),
			new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
		]);
		ok = true;
	} catch {
		ok = false;
	}
	const latencyMs = Math.round((performance.now() - started) * 10) / 10;
	const mail = ok
		? await Promise.all([getPendingMailSummary(database.db), getWaitingResetSummary()])
				.then(([outbox, resets]) => ({ ...outbox, ...resets }))
				.catch(() => undefined)
		: undefined;
	return {
		status: ok ? 'ok' : 'unavailable',
		database: ok ? 'ok' : 'unreachable',
		latencyMs,
		...(mail ? { mail } : {}),
	};
}
