/**
 * `npm run db:backup` and `npm run db:restore` (scripts/db-backup.ts, scripts/db-restore.ts): a
 * backup taken while the server is under a write load restores into a fresh server with every write
 * acknowledged before the backup began; a restore refuses while a server uses the database, and
 * refuses a file that is not a backup.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, signIn, uniqueEmail } from '../helpers/accounts.ts';
import { Browser } from '../helpers/http.ts';
import { nodeBin, root, startServer } from '../helpers/server.ts';

/** Runs one of the database commands as `npm run` would, with the given data folder and database. */
function runScript(
	script: string,
	args: string[],
	dataDir: string,
	databasePath: string,
): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(nodeBin, [join(root, 'scripts', script), ...args], {
			cwd: root,
			env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: `file:${databasePath}` },
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('close', (code) => resolve({ code, output }));
	});
}

async function readEmails(databasePath: string): Promise<Set<string>> {
	const client = createClient({ url: `file:${databasePath}` });
	try {
		return new Set(
			(await client.execute('select email from user')).rows.map((r) => String(r.email)),
		);
	} finally {
		client.close();
	}
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('database backup and restore', () => {
	it(
		'backs up during a write load and restores every write acknowledged before the backup began',
		{ timeout: 120_000 },
		async () => {
			const server = await startServer();
			const databasePath = join(server.dataDir, 'test.db');
			const acknowledged: { email: string; at: number }[] = [];
			const refused: number[] = [];
			let stop = false;
			const writer = async () => {
				while (!stop) {
					const email = uniqueEmail('backup');
					const res = await new Browser(server.url).postForm('/signup', {
						name: 'Backup Learner',
						email,
						password: GOOD_PASSWORD,
						locale: 'en',
					});
					if (res.status === 303) acknowledged.push({ email, at: performance.now() });
					else refused.push(res.status);
				}
			};
			let restored: Awaited<ReturnType<typeof startServer>> | undefined;
			try {
				const writers = [writer(), writer(), writer(), writer()];
				while (acknowledged.length < 20) await sleep(20);
				const backupStarted = performance.now();
				const backupFile = join(server.dataDir, 'backups', 'during-load.db');
				const backup = await runScript(
					'db-backup.ts',
					['--out', backupFile],
					server.dataDir,
					databasePath,
				);
				const backupEnded = performance.now();
				const countAtBackupEnd = acknowledged.length;
				while (acknowledged.length < countAtBackupEnd + 10) await sleep(20);
				stop = true;
				await Promise.all(writers);

				expect(backup.code, backup.output).toBe(0);
				expect(backup.output).toContain(`Backup written to ${backupFile}`);
				expect(backup.output).toContain('integrity check: ok');
				expect(refused).toEqual([]);

				// While the server runs, a restore is refused and changes nothing.
				const refusedRestore = await runScript(
					'db-restore.ts',
					[backupFile],
					server.dataDir,
					databasePath,
				);
				expect(refusedRestore.code).toBe(1);
				expect(refusedRestore.output).toContain('is in use by process');
				const live = await readEmails(databasePath);
				expect(acknowledged.filter((a) => !live.has(a.email))).toEqual([]);

				await server.stop();
				const freshDir = mkdtempSync(join(tmpdir(), 'dakshata-restore-'));
				const restore = await runScript(
					'db-restore.ts',
					[backupFile],
					freshDir,
					join(freshDir, 'test.db'),
				);
				expect(restore.code, restore.output).toBe(0);
				expect(restore.output).toContain('integrity check: ok');

				restored = await startServer({ dataDir: freshDir });
				const emails = await readEmails(join(freshDir, 'test.db'));
				const before = acknowledged.filter((a) => a.at < backupStarted).map((a) => a.email);
				expect(before.length).toBeGreaterThanOrEqual(20);
				expect(before.filter((e) => !emails.has(e))).toEqual([]);
				// The backup is a snapshot: the load went on after it, and those later writes are not in it.
				expect(acknowledged.filter((a) => a.at > backupEnded).length).toBeGreaterThanOrEqual(10);
				expect(emails.size).toBeLessThan((await readEmails(databasePath)).size);
				// The restored server works: an account from before the backup signs in.
				const { res } = await signIn(restored.url, before[0]!);
				expect(res.status).toBe(303);
			} finally {
				stop = true;
				await server.stop();
				await restored?.stop();
			}
		},
	);

	it(
		'refuses a file that is not a backup, and keeps the replaced database aside',
		{ timeout: 60_000 },
		async () => {
			const server = await startServer();
			const databasePath = join(server.dataDir, 'test.db');
			const backupFile = join(server.dataDir, 'good.db');
			expect(
				(await runScript('db-backup.ts', ['--out', backupFile], server.dataDir, databasePath)).code,
			).toBe(0);
			await server.stop();

			const junk = join(server.dataDir, 'junk.db');
			writeFileSync(junk, 'this is not a database');
			const bad = await runScript('db-restore.ts', [junk], server.dataDir, databasePath);
			expect(bad.code).toBe(1);
			expect(bad.output).toContain('Nothing was changed');
			const missing = await runScript(
				'db-restore.ts',
				[join(server.dataDir, 'nope.db')],
				server.dataDir,
				databasePath,
			);
			expect(missing.code).toBe(1);
			expect(readdirSync(server.dataDir).filter((f) => f.includes('pre-restore'))).toEqual([]);

			const good = await runScript('db-restore.ts', [backupFile], server.dataDir, databasePath);
			expect(good.code, good.output).toBe(0);
			const kept = readdirSync(server.dataDir).filter((f) => f.startsWith('test.db.pre-restore-'));
			expect(kept).toHaveLength(1);
			expect(existsSync(`${databasePath}-wal`)).toBe(false);

			const usage = await runScript('db-restore.ts', [], server.dataDir, databasePath);
			expect(usage.code).toBe(2);
			expect(usage.output).toContain('Usage: npm run db:restore');
		},
	);
});
