/**
 * The database client factory. Free of Astro imports so that scripts, tests and drizzle-kit use it
 * directly; `src/lib/server/db.ts` binds it to the configured URL for the app.
 *
 * Local files (`file:` URLs) get the durability settings a saved quiz attempt needs:
 * - WAL journal (persistent in the file, set once);
 * - `synchronous=FULL`, foreign keys on and a busy timeout on EVERY connection. @libsql/client keeps
 *   a pool of connections and opens new ones for transactions, so pragmas run with `execute` would
 *   reach only one of them (see libsql-client-ts issues on pragmas lost after `transaction()`).
 *   The busy timeout therefore goes through the client's `timeout` option, which applies to each
 *   connection it opens; libSQL's own defaults already give FULL and foreign keys, and
 *   `verifyConnectionSettings` proves it on a fresh connection at start-up so a library change
 *   cannot silently weaken durability.
 */
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema.ts';

export type Database = LibSQLDatabase<typeof schema>;

export interface DatabaseOptions {
	/** `file:data/dakshata.db` (default), `:memory:`, `libsql://…`, `https://…`, `http://…`, `ws(s)://…`. */
	url: string;
	/** Token for a libSQL server or Turso. */
	authToken?: string;
	/** Milliseconds a connection waits on a locked database before SQLITE_BUSY. Default 5000. */
	busyTimeoutMs?: number;
}

export interface DatabaseHandle {
	client: Client;
	db: Database;
	/** True for an embedded file database (WAL and pragmas apply). */
	isLocalFile: boolean;
	/** The URL in use, with a relative file path made absolute. */
	url: string;
	close: () => void;
}

const REMOTE_SCHEMES = ['libsql:', 'https:', 'http:', 'wss:', 'ws:'];

/** Describes why a DATABASE_URL is unusable, or returns null when it is fine. */
export function getDatabaseUrlProblem(url: string): string | null {
	if (url === ':memory:') return null;
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `"${url}" is not a URL`;
	}
	if (parsed.protocol === 'file:') {
		if (parsed.pathname === '' || parsed.pathname.endsWith('/')) return `"${url}" names no file`;
		return null;
	}
	if (REMOTE_SCHEMES.includes(parsed.protocol)) {
		if (!parsed.hostname) return `"${url}" has no host`;
		return null;
	}
	return `"${url}" uses the unsupported scheme "${parsed.protocol}"`;
}

/** Resolves a relative `file:` URL against `baseDir` (libSQL resolves it against the cwd). */
export function resolveFileUrl(url: string, baseDir: string): string {
	if (!url.startsWith('file:')) return url;
	const rest = url.slice('file:'.length);
	if (rest.startsWith('/')) return url;
	const path = isAbsolute(rest) ? rest : resolve(baseDir, rest);
	return `file:${path}`;
}

/** The filesystem path of an absolute `file:` URL. */
export function getLocalPath(url: string): string {
	return fileURLToPath(new URL(url.replace(/^file:(?!\/\/)/, 'file://')));
}

/** Opens the database. For a local file it creates the folder and turns WAL on. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
	const problem = getDatabaseUrlProblem(options.url);
	if (problem) throw new Error(`DATABASE_URL ${problem}.`);
	const url = resolveFileUrl(options.url, process.cwd());
	const isLocalFile = url.startsWith('file:');
	if (isLocalFile) mkdirSync(dirname(getLocalPath(url)), { recursive: true });
	const client = createClient({
		url,
		authToken: options.authToken || undefined,
		timeout: options.busyTimeoutMs ?? 5000,
	});
	if (isLocalFile) {
		await client.execute('PRAGMA journal_mode = WAL');
		await verifyConnectionSettings(client);
	}
	const db = drizzle(client, { schema });
	return { client, db, isLocalFile, url, close: () => client.close() };
}

/**
 * Checks, on a connection the pool opens for a transaction, that the settings durability and
 * integrity rest on are in force. Throws when one is not.
 */
export async function verifyConnectionSettings(client: Client): Promise<void> {
	const tx = await client.transaction('read');
	try {
		const expect = async (pragma: string, want: number | string) => {
			const row = (await tx.execute(`PRAGMA ${pragma}`)).rows[0];
			const got = row ? Object.values(row)[0] : undefined;
			if (String(got) !== String(want)) {
				throw new Error(`Database setting ${pragma} is ${String(got)}, expected ${want}.`);
			}
		};
		await expect('journal_mode', 'wal');
		await expect('synchronous', 2);
		await expect('foreign_keys', 1);
	} finally {
		tx.close();
	}
}
