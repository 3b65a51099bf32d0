/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL (default data/dakshata.db). */
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';

const url = process.env.DATABASE_URL || 'file:data/dakshata.db';
const handle = await openDatabase({ url, authToken: process.env.DATABASE_AUTH_TOKEN });
await migrateDatabase(handle.db);
handle.close();
console.log(`Database at ${url} is up to date.`);
