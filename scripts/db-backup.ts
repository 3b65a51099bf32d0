/**
 * `npm run db:backup [-- --out <file>]`: writes a consistent snapshot of the embedded database while
 * the server runs (VACUUM INTO), checks the copy with PRAGMA integrity_check, and prints where it
 * is. Default file: DATA_DIR/backups/dakshata-<UTC time>.db. Reads DATABASE_URL and DATA_DIR from
 * the environment or .env, like the server. A libSQL server or Turso database is backed up by that
 * service, not by this command.
 *
 * Kept project uploads (DATA_DIR/project-uploads, only with PROJECT_UPLOADS_KEEP=true) are part of
 * the backup: they are copied beside the snapshot as `<file>.project-uploads/`.
 */
import { cpSync, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup, getFileTimestamp } from '../db/backup.ts';
import { getDatabaseFile, loadScriptEnv } from './db-files.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const root = loadScriptEnv();
const source = getDatabaseFile();
const out = resolve(
	values.out ??
		resolve(root, process.env.DATA_DIR || 'data', 'backups', `dakshata-${getFileTimestamp()}.db`),
);

const started = performance.now();
try {
	const check = await createBackup(source, out);
	if (!check.ok) {
		console.error(
			`The backup failed its integrity check and was deleted:\n  ${check.problems.join('\n  ')}`,
		);
		process.exit(1);
	}
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	const mb = (statSync(out).size / 1_048_576).toFixed(1);
	console.log(`Backup written to ${out}`);
	console.log(`  ${mb} MB in ${seconds} s; integrity check: ok`);
	console.log(
		`  ${Object.entries(check.counts)
			.map(([table, n]) => `${table}: ${n}`)
			.join(', ')}`,
	);
	const uploads = resolve(root, process.env.DATA_DIR || 'data', 'project-uploads');
	if (existsSync(uploads)) {
		cpSync(uploads, `${out}.project-uploads`, { recursive: true });
		console.log(`  kept project uploads copied to ${out}.project-uploads`);
	}
	console.log(`Restore it with the server stopped: npm run db:restore -- ${out}`);
} catch (error) {
	console.error(`Backup failed: ${(error as Error).message}`);
	process.exit(1);
}
