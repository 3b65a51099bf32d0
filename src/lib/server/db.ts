/**
 * The app's database, bound to the configured DATABASE_URL. The only module that opens it; server
 * modules import `db` from here, pages and endpoints never do. Request writes go through `write`
 * (group commit, ./db-writer.ts): one transaction and one fsync for all the requests of a turn.
 */
import { DATABASE_AUTH_TOKEN, DATABASE_URL } from 'astro:env/server';
import { getLocalPath, openDatabase } from '../../../db/client.ts';
import { createWriter, shareWriter } from './db-writer.ts';

export const database = await openDatabase({ url: DATABASE_URL, authToken: DATABASE_AUTH_TOKEN });
export const db = database.db;
const writer = createWriter(
	database.client,
	database.isLocalFile ? getLocalPath(database.url) : undefined,
);
export const { write, read } = writer;
// The start script's mail sender writes through it too (src/lib/server/mail/sender.ts).
shareWriter(writer);
