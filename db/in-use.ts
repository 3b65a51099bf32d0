/**
 * Knowing whether a local database file is in use, so `npm run db:restore` never swaps the file
 * under a running server (which would keep writing to the old, unlinked file and lose everything).
 *
 * Two signals, either one is enough to refuse:
 * - scripts/serve.ts registers each server process in `<database>.servers/<pid>` while it runs and
 *   removes the entry on exit; entries of processes that no longer exist (a crash, SIGKILL) are
 *   ignored and cleaned up;
 * - on Linux, any process that has the database or its WAL open (seen in /proc/<pid>/fd) — this also
 *   catches `astro dev` and servers started without serve.ts. Processes of other users may be
 *   invisible there, hence the first signal.
 */
import { mkdirSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const registry = (databasePath: string) => `${databasePath}.servers`;

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Registers this process as a server of `databasePath`; returns the function that unregisters it. */
export function registerDatabaseServer(databasePath: string): () => void {
	const dir = registry(databasePath);
	mkdirSync(dir, { recursive: true });
	const entry = join(dir, String(process.pid));
	writeFileSync(entry, `${new Date().toISOString()}\n`);
	let released = false;
	return () => {
		if (released) return;
		released = true;
		rmSync(entry, { force: true });
	};
}

/** Pids of registered servers of `databasePath` that are still running (stale entries are removed). */
export function getRegisteredServers(databasePath: string): number[] {
	let names: string[];
	try {
		names = readdirSync(registry(databasePath));
	} catch {
		return [];
	}
	const alive: number[] = [];
	for (const name of names) {
		const pid = Number(name);
		if (!Number.isInteger(pid) || pid <= 0) continue;
		if (pid !== process.pid && isAlive(pid)) alive.push(pid);
		else if (pid !== process.pid) rmSync(join(registry(databasePath), name), { force: true });
	}
	return alive;
}

/** Pids of other processes holding the database, its WAL or its shared-memory file open (Linux; [] elsewhere). */
export function getProcessesUsingFile(databasePath: string): number[] {
	const targets = new Set([databasePath, `${databasePath}-wal`, `${databasePath}-shm`]);
	let procs: string[];
	try {
		procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d) && Number(d) !== process.pid);
	} catch {
		return [];
	}
	const users: number[] = [];
	for (const pid of procs) {
		let fds: string[];
		try {
			fds = readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			try {
				const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
				if (
					targets.has(target) ||
					(target.endsWith(' (deleted)') && targets.has(target.slice(0, -10)))
				) {
					users.push(Number(pid));
					break;
				}
			} catch {
				// the descriptor closed meanwhile
			}
		}
	}
	return users;
}

/** Every pid that keeps `databasePath` from being replaced now: registered servers and open handles. */
export function getDatabaseUsers(databasePath: string): number[] {
	return [
		...new Set([...getRegisteredServers(databasePath), ...getProcessesUsingFile(databasePath)]),
	].sort((a, b) => a - b);
}
