/**
 * Applies the committed drizzle-kit migrations in `db/migrations`. Used on server start, by
 * `npm run db:migrate`, and by the tests (which migrate a fresh database the same way).
 */
import { migrate } from 'drizzle-orm/libsql/migrator';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.ts';

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Brings the database schema up to date. Safe to run on every start. */
export async function migrateDatabase(db: Database): Promise<void> {
	await migrate(db, { migrationsFolder });
}
