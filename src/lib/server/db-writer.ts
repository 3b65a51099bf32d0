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

/** A statement: raw `{ sql, args }`, a drizzle `sql` template, or a drizzle query builder. */
export type WriteStatement =
	InStatement | SQL | { toSQL: () => { sql: string; params: unknown[] } };

interface Job {
	statements: InStatement[];
	resolve: (results: ResultSet[]) => void;
	reject: (error: unknown) => void;
}

export interface Writer {
	/** Runs `statements` in the next group transaction; resolves with their results once committed. */
	write: (statements: WriteStatement[]) => Promise<ResultSet[]>;
}

const dialect = new SQLiteAsyncDialect();

function toStatement(statement: WriteStatement): InStatement {
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

export function createWriter(client: Client): Writer {
	let queue: Job[] = [];
	let running = false;

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
				results = await client.batch(
					jobs.flatMap((j) => j.statements),
					'write',
				);
			} catch (error) {
				const failed =
					error instanceof LibsqlBatchError && jobs.length > 1
						? findJob(jobs, error.statementIndex)
						: undefined;
				if (!failed) {
					for (const j of jobs) j.reject(error);
					return;
				}
				failed.reject(error);
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
	};
}

/** The job whose statements include the batch's statement `index`. */
function findJob(jobs: Job[], index: number): Job | undefined {
	let end = 0;
	return jobs.find((j) => index < (end += j.statements.length));
}
