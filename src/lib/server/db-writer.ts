/**
 * Group commit: the writes of concurrent requests share one transaction, and so one fsync.
 *
 * Why: the embedded database commits with synchronous=FULL, and @libsql/client's native calls are
 * synchronous, so every commit stops the event loop for an fsync (≈ 1–2 ms on a busy machine).
 * One commit per request made commits the largest cost of a quiz submission; one commit per event-
 * loop turn for every request that wrote in that turn costs one fsync however many requests share it.
 *
 * How: `write(statements)` queues a request's statements and returns a promise of their results,
 * one `ResultSet` per statement, as `db.batch` / `client.batch` give them. At the end of the turn
 * (`setImmediate`) one writer runs everything queued as ONE `client.batch(…, 'write')` — BEGIN
 * IMMEDIATE, the statements in queue order, COMMIT — and resolves each request's promise only after
 * COMMIT has returned, i.e. after the commit is durable. A crash before that acknowledges nothing.
 *
 * A request's statements run one after another on one connection, so `changes()` and
 * `rowsAffected` keep their per-request meaning (a request whose FIRST statement uses `changes()`
 * would see the previous request's; no caller does that, and it meant nothing in `db.batch` either).
 *
 * Failures: when a statement fails (a constraint), the whole transaction is rolled back, that
 * statement's request alone is rejected with the error, and the others are run again in a new
 * transaction; nothing of a rolled-back transaction was acknowledged. An error not tied to one
 * statement (BEGIN or COMMIT failing, the disk) rejects every request of the batch.
 *
 * On an embedded database file (`localPath`) the writer runs the transaction on a connection of its
 * own and keeps each statement prepared (the same few statement texts come back on every request):
 * @libsql/client prepares every statement anew, and preparing was the largest cost left in a write
 * (CPU profile of `npm run bench -- quiz`). Values are converted as @libsql/client converts them;
 * the connection is checked for WAL, synchronous=FULL and foreign keys when opened. A libSQL server
 * or Turso goes through `client.batch`.
 */
import {
	LibsqlBatchError,
	type Client,
	type InArgs,
	type InStatement,
	type ResultSet,
} from '@libsql/client';
import { is, SQL } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import Database from 'libsql';
import { isSqlText, type SqlText } from './sql-text.ts';

/**
 * A statement: `sqlText` (./sql-text.ts, the cheapest), raw `{ sql, args }`, a drizzle `sql`
 * template, or a drizzle query builder.
 */
export type WriteStatement =
	SqlText | InStatement | SQL | { toSQL: () => { sql: string; params: unknown[] } };

interface Job {
	statements: InStatement[];
	resolve: (results: ResultSet[]) => void;
	reject: (error: unknown) => void;
}

export interface Writer {
	/** Runs `statements` in the next group transaction; resolves with their results once committed. */
	write: (statements: WriteStatement[]) => Promise<ResultSet[]>;
	/**
	 * Runs one read at once, outside any group transaction, with the writer's prepared statements on
	 * an embedded file (for a read on a hot path; see src/lib/server/progress/lesson-state.ts).
	 */
	read: (statement: WriteStatement) => Promise<ResultSet>;
}

const dialect = new SQLiteAsyncDialect();

function toStatement(statement: WriteStatement): InStatement {
	if (isSqlText(statement)) return { sql: statement.sql, args: statement.args as InArgs };
	if (is(statement, SQL)) {
		const query = dialect.sqlToQuery(statement);
		return { sql: query.sql, args: query.params as InArgs };
	}
	if (typeof statement === 'object' && 'toSQL' in statement) {
		const query = statement.toSQL();
		return { sql: query.sql, args: query.params as InArgs };
	}
	return statement;
}

/** A statement of a local batch failed: which one, and why. */
class StatementError extends Error {
	readonly statementIndex: number;
	override readonly cause: unknown;
	constructor(statementIndex: number, cause: unknown) {
		super(cause instanceof Error ? cause.message : String(cause));
		this.statementIndex = statementIndex;
		this.cause = cause;
	}
}

/** A value as @libsql/client hands it to the engine (booleans as 0/1, dates as milliseconds). */
function toSqlValue(value: unknown): unknown {
	if (typeof value === 'number' && !Number.isFinite(value))
		throw new RangeError('Only finite numbers can be passed to the database');
	if (typeof value === 'boolean') return value ? 1 : 0;
	if (value instanceof ArrayBuffer) return Buffer.from(value);
	if (value instanceof Date) return value.valueOf();
	if (value === undefined) throw new TypeError('undefined cannot be passed to the database');
	return value;
}

/** Runs batches (and single reads) on an embedded database file with statements kept prepared. */
function createLocalConnection(path: string): {
	batch: (statements: InStatement[]) => ResultSet[];
	execute: (statement: InStatement) => ResultSet;
} {
	const connection = new Database(path, { timeout: 5000 });
	const setting = (pragma: string) =>
		String(Object.values(connection.prepare(`PRAGMA ${pragma}`).get() as object)[0]);
	if (setting('journal_mode') !== 'wal' || setting('synchronous') !== '2')
		throw new Error('The database writer connection is not in WAL with synchronous=FULL.');
	connection.exec('PRAGMA foreign_keys = ON');
	if (setting('foreign_keys') !== '1') throw new Error('Foreign keys are off on the writer.');
	const prepared = new Map<string, Database.Statement>();
	const execute = (statement: InStatement): ResultSet => {
		const { sql, args = [] } =
			typeof statement === 'string' ? { sql: statement, args: [] } : statement;
		let compiled = prepared.get(sql);
		if (!compiled) {
			compiled = connection.prepare(sql);
			if (prepared.size >= 500) prepared.clear();
			prepared.set(sql, compiled);
		}
		const values = Array.isArray(args)
			? args.map(toSqlValue)
			: Object.fromEntries(
					Object.entries(args).map(([k, v]) => [k.replace(/^[@$:]/, ''), toSqlValue(v)]),
				);
		const result = (
			rows: Record<string, unknown>[],
			rowsAffected: number,
			lastInsertRowid?: bigint,
		) =>
			({
				columns: rows[0] ? Object.keys(rows[0]) : [],
				columnTypes: [],
				rows,
				rowsAffected,
				lastInsertRowid,
				toJSON: () => ({ rows, rowsAffected }),
			}) as unknown as ResultSet;
		if (compiled.reader) {
			const rows = compiled.all(values) as Record<string, unknown>[];
			return result(rows, rows.length);
		}
		const info = compiled.run(values);
		return result([], info.changes, BigInt(info.lastInsertRowid));
	};
	const batch = (statements: InStatement[]) => {
		connection.exec('BEGIN IMMEDIATE');
		try {
			const results = statements.map((statement, i) => {
				try {
					return execute(statement);
				} catch (error) {
					throw new StatementError(i, error);
				}
			});
			connection.exec('COMMIT');
			return results;
		} catch (error) {
			if (connection.inTransaction) connection.exec('ROLLBACK');
			throw error;
		}
	};
	return { batch, execute };
}

export function createWriter(client: Client, localPath?: string): Writer {
	let queue: Job[] = [];
	let running = false;
	const local = localPath ? createLocalConnection(localPath) : null;

	async function drain() {
		running = true;
		try {
			while (queue.length > 0) {
				const jobs = queue;
				queue = [];
				await commit(jobs);
			}
		} finally {
			running = false;
		}
	}

	async function commit(jobs: Job[]) {
		while (jobs.length > 0) {
			let results: ResultSet[];
			try {
				const statements = jobs.flatMap((j) => j.statements);
				results = local ? local.batch(statements) : await client.batch(statements, 'write');
			} catch (error) {
				const failed =
					(error instanceof LibsqlBatchError || error instanceof StatementError) && jobs.length > 1
						? findJob(jobs, error.statementIndex)
						: undefined;
				const reason = error instanceof StatementError ? error.cause : error;
				if (!failed) {
					for (const j of jobs) j.reject(reason);
					return;
				}
				failed.reject(reason);
				jobs = jobs.filter((j) => j !== failed);
				continue;
			}
			let at = 0;
			for (const j of jobs) j.resolve(results.slice(at, (at += j.statements.length)));
			return;
		}
	}

	return {
		write(statements) {
			if (statements.length === 0) return Promise.resolve([]);
			return new Promise((resolve, reject) => {
				queue.push({ statements: statements.map(toStatement), resolve, reject });
				if (queue.length === 1 && !running) setImmediate(() => void drain());
			});
		},
		async read(statement) {
			return local ? local.execute(toStatement(statement)) : client.execute(toStatement(statement));
		},
	};
}

const SHARED = Symbol.for('dakshata.request-writer');

/**
 * Makes `writer` this process's request writer for code outside the app's bundle: the start
 * script's mail sender finds it with `getSharedWriter` and puts its claims and delivery records in
 * the requests' commits.
 */
export function shareWriter(writer: Writer): void {
	(globalThis as Record<symbol, Writer | undefined>)[SHARED] = writer;
}

/** This process's request writer (see `shareWriter`), once the app has opened the database. */
export function getSharedWriter(): Writer | undefined {
	return (globalThis as Record<symbol, Writer | undefined>)[SHARED];
}

/** The job whose statements include the batch's statement `index`. */
function findJob(jobs: Job[], index: number): Job | undefined {
	let end = 0;
	return jobs.find((j) => index < (end += j.statements.length));
}
