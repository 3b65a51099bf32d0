/**
 * Shared start of the database commands (db:backup, db:restore): the same environment as the
 * server (.env, then defaults), and the local database file DATABASE_URL names.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { getLocalPath, resolveFileUrl } from '../db/client.ts';

const root = join(import.meta.dirname, '..');

/** Loads .env like the server does and returns the repository root (relative paths start there). */
export function loadScriptEnv(): string {
	process.chdir(root);
	if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
	return root;
}

/** The path of the local database file, or exits with a message for remote databases. */
export function getDatabaseFile(): string {
	const url = resolveFileUrl(process.env.DATABASE_URL || 'file:data/dakshata.db', root);
	if (!url.startsWith('file:')) {
		console.error(
			`DATABASE_URL points at a libSQL server (${url.split('?')[0]}): back it up and restore it with that service's own tools.`,
		);
		process.exit(2);
	}
	return getLocalPath(url);
}
