/**
 * The app's database, bound to the configured DATABASE_URL. The only module that opens it; server
 * modules import `db` from here, pages and endpoints never do.
 */
import { DATABASE_AUTH_TOKEN, DATABASE_URL } from 'astro:env/server';
import { openDatabase } from '../../../db/client.ts';

export const database = await openDatabase({ url: DATABASE_URL, authToken: DATABASE_AUTH_TOKEN });
export const db = database.db;
