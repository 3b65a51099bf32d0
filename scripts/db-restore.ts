/**
 * `npm run db:restore -- <backup file>`: puts a backup made by `npm run db:backup` in place of the
 * embedded database (DATABASE_URL). Stop the server first: the command refuses while any server
 * (or other process) uses the database. The backup is checked before anything changes; the
 * database it replaces is kept beside it as `<name>.pre-restore-<time>`.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../db/backup.ts';
import { getDatabaseFile, loadScriptEnv } from './db-files.ts';

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
	console.error(
		'Usage: npm run db:restore -- <backup file>   (for example data/backups/dakshata-2026-11-23T10-40-05Z.db)',
	);
	process.exit(2);
}
const backup = resolve(positionals[0]!);
loadScriptEnv();
const target = getDatabaseFile();

const result = await restoreBackup(backup, target);
if (result.kind === 'in-use') {
	console.error(
		`The database ${target} is in use by process ${result.pids.join(', ')}. Stop the server, then run the restore again.`,
	);
	process.exit(1);
}
if (result.kind === 'bad-backup') {
	console.error(
		`Nothing was changed: ${backup} is not a usable backup:\n  ${result.check.problems.join('\n  ')}`,
	);
	process.exit(1);
}
console.log(`Restored ${backup} to ${target}`);
console.log(`  integrity check: ${result.check.ok ? 'ok' : result.check.problems.join('; ')}`);
console.log(
	`  ${Object.entries(result.check.counts)
		.map(([table, n]) => `${table}: ${n}`)
		.join(', ')}`,
);
if (result.previous)
	console.log(
		`The database it replaced is kept as ${result.previous} (delete it when you no longer need it).`,
	);
console.log('Start the server again with npm start.');
