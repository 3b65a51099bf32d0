/**
 * Liveness and database reachability for `/healthz`.
 *
 * For a local file the check first opens the file itself and reads its SQLite header, so a file
 * that has become unreadable, been removed or been overwritten is noticed even while the pool's
 * already-open connections could still answer from their open descriptors. Then (local or remote)
 * it reads the schema through the shared client.
 */
import { open } from 'node:fs/promises';
import { getLocalPath } from '../../../db/client.ts';
import { database } from './db.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';

export interface HealthReport {
	status: 'ok' | 'unavailable';
	database: 'ok' | 'unreachable';
	/** Milliseconds the database check took. */
	latencyMs: number;
}

/** Checks the database within `timeoutMs`; never throws. */
export async function getHealth(timeoutMs = 2000): Promise<HealthReport> {
	const started = performance.now();
	const check = async () => {
		if (database.isLocalFile) {
			const file = await open(getLocalPath(database.url), 'r');
			try {
				const { buffer } = await file.read(Buffer.alloc(16), 0, 16, 0);
				if (buffer.toString('latin1') !== SQLITE_MAGIC) throw new Error('not a database');
			} finally {
				await file.close();
			}
		}
		await database.client.execute('SELECT count(*) FROM sqlite_schema');
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
	return {
		status: ok ? 'ok' : 'unavailable',
		database: ok ? 'ok' : 'unreachable',
		latencyMs: Math.round((performance.now() - started) * 10) / 10,
	};
}
