/**
 * Online backup and offline restore of the embedded database (a local `file:` database).
 *
 * Backup: `VACUUM INTO` on a connection to the live database. It runs inside one read transaction,
 * so the copy is a consistent snapshot of every transaction committed before it started (WAL
 * included), while the server keeps reading and writing (WAL readers do not block writers). The
 * copy is compacted, fsync'd, then opened on its own and checked with `PRAGMA integrity_check`.
 *
 * Restore: only when no process uses the database (see in-use.ts). The backup is checked first; the
 * current database is checkpointed and kept beside it as `<name>.pre-restore-<time>`, its `-wal` and
 * `-shm` files are removed (a stale WAL would be replayed onto the restored file and corrupt it),
 * and the backup is copied in under a temporary name, fsync'd and renamed into place, so a crash
 * halfway leaves either the old database or the new one, never half of one.
 */
import { createClient } from '@libsql/client';
import {
	closeSync,
	copyFileSync,
	existsSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readSync,
	renameSync,
	rmSync,
	statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { getDatabaseUsers } from './in-use.ts';

export interface DatabaseCheck {
	ok: boolean;
	/** What is wrong, in words (empty when ok). */
	problems: string[];
	/** Row counts of the main tables, for the operator's eye. */
	counts: Record<string, number>;
}

const COUNTED = ['user', 'enrolment', 'progress_event', 'quiz_attempt', 'certificate'] as const;

/** A timestamp safe in file names: `2026-11-23T10-40-05Z`. */
export function getFileTimestamp(date = new Date()): string {
	return date
		.toISOString()
		.replace(/\.\d{3}Z$/, 'Z')
		.replace(/:/g, '-');
}

function fsyncPath(path: string): void {
	const fd = openSync(path, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/** True when the file starts with the SQLite header. */
function hasSqliteHeader(path: string): boolean {
	const fd = openSync(path, 'r');
	try {
		const header = Buffer.alloc(16);
		return (
			readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === 'SQLite format 3\0'
		);
	} finally {
		closeSync(fd);
	}
}

/** Checks a database file: SQLite, passes `PRAGMA integrity_check`, has the platform's tables. */
export async function checkDatabaseFile(path: string): Promise<DatabaseCheck> {
	if (!existsSync(path) || !statSync(path).isFile())
		return { ok: false, problems: [`${path} does not exist`], counts: {} };
	if (!hasSqliteHeader(path))
		return { ok: false, problems: [`${path} is not an SQLite database`], counts: {} };
	const client = createClient({ url: `file:${path}` });
	try {
		const integrity = (await client.execute('PRAGMA integrity_check')).rows.map((r) =>
			String(Object.values(r)[0]),
		);
		const problems = integrity.length === 1 && integrity[0] === 'ok' ? [] : integrity.slice(0, 10);
		const tables = new Set(
			(await client.execute("select name from sqlite_master where type = 'table'")).rows.map((r) =>
				String(r.name),
			),
		);
		const counts: Record<string, number> = {};
		for (const table of COUNTED) {
			if (!tables.has(table))
				problems.push(`table ${table} is missing: this is not a Dakshata database`);
			else
				counts[table] = Number(
					(await client.execute(`select count(*) as n from "${table}"`)).rows[0]!.n,
				);
		}
		return { ok: problems.length === 0, problems, counts };
	} catch (error) {
		return { ok: false, problems: [(error as Error).message], counts: {} };
	} finally {
		client.close();
	}
}

/** Writes a consistent snapshot of the database at `sourcePath` to `outPath` (which must not exist) and checks it. */
export async function createBackup(sourcePath: string, outPath: string): Promise<DatabaseCheck> {
	if (!existsSync(sourcePath)) throw new Error(`There is no database at ${sourcePath}.`);
	if (existsSync(outPath)) throw new Error(`${outPath} already exists; choose another --out.`);
	mkdirSync(dirname(outPath), { recursive: true });
	const client = createClient({ url: `file:${sourcePath}`, timeout: 30_000 });
	try {
		await client.execute({ sql: 'VACUUM INTO ?', args: [outPath] });
	} finally {
		client.close();
	}
	fsyncPath(outPath);
	fsyncPath(dirname(outPath));
	const check = await checkDatabaseFile(outPath);
	if (!check.ok) rmSync(outPath, { force: true });
	return check;
}

export type RestoreResult =
	| { kind: 'restored'; check: DatabaseCheck; previous: string | null }
	| { kind: 'in-use'; pids: number[] }
	| { kind: 'bad-backup'; check: DatabaseCheck };

/** Puts the backup at `backupPath` in place of the database at `targetPath` (see the design notes above). */
export async function restoreBackup(
	backupPath: string,
	targetPath: string,
): Promise<RestoreResult> {
	const pids = getDatabaseUsers(targetPath);
	if (pids.length > 0) return { kind: 'in-use', pids };
	const check = await checkDatabaseFile(backupPath);
	if (!check.ok) return { kind: 'bad-backup', check };
	let previous: string | null = null;
	if (existsSync(targetPath)) {
		// Fold any committed transactions still in the WAL into the old file before keeping it aside.
		const old = createClient({ url: `file:${targetPath}` });
		try {
			await old.execute('PRAGMA wal_checkpoint(TRUNCATE)');
		} finally {
			old.close();
		}
		previous = `${targetPath}.pre-restore-${getFileTimestamp()}`;
		renameSync(targetPath, previous);
	}
	for (const suffix of ['-wal', '-shm', '-journal'])
		rmSync(`${targetPath}${suffix}`, { force: true });
	mkdirSync(dirname(targetPath), { recursive: true });
	const temporary = `${targetPath}.restoring`;
	copyFileSync(backupPath, temporary);
	fsyncPath(temporary);
	renameSync(temporary, targetPath);
	fsyncPath(dirname(targetPath));
	return { kind: 'restored', check: await checkDatabaseFile(targetPath), previous };
}
