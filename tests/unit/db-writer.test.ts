import type { Client, InStatement } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getLocalPath, openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { createWriter } from '../../src/lib/server/db-writer.ts';
import { joinSqlText, sqlList, sqlRaw, sqlText } from '../../src/lib/server/sql-text.ts';

const handles: DatabaseHandle[] = [];
afterEach(() => {
	for (const h of handles.splice(0)) h.close();
});

/**
 * A fresh file database with a table `t (k PRIMARY KEY, v)` and a writer: through @libsql/client
 * (counting its batches), or, with `local`, on the writer's own connection with prepared statements
 * (what the server uses on an embedded file; `batches` is then not counted).
 */
async function setupWriter(local: boolean) {
	const dir = mkdtempSync(join(tmpdir(), 'dakshata-writer-'));
	const handle = await openDatabase({ url: `file:${join(dir, 'w.db')}` });
	handles.push(handle);
	await handle.client.execute('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
	await handle.client.execute('CREATE TABLE log (k TEXT)');
	const batches: number[] = [];
	const counting = new Proxy(handle.client, {
		get(target, prop, receiver) {
			if (prop === 'batch')
				return (stmts: InStatement[], mode: 'write') => {
					batches.push(stmts.length);
					return target.batch(stmts, mode);
				};
			// Other methods run on the client itself (it keeps private fields).
			const value = Reflect.get(target, prop, receiver) as unknown;
			return typeof value === 'function' ? value.bind(target) : value;
		},
	}) as Client;
	return local
		? {
				client: handle.client,
				writer: createWriter(handle.client, getLocalPath(handle.url)),
				batches: null,
			}
		: { client: handle.client, writer: createWriter(counting), batches };
}

const rows = async (client: Client, q: string) =>
	(await client.execute(q)).rows.map((r) => ({ ...r }));

describe.each([
	['through @libsql/client', false],
	['on its own connection with prepared statements', true],
])('group writer (db-writer.ts), %s', (_, local) => {
	const setup = () => setupWriter(local);

	it('commits the writes of one turn in one transaction and gives each request its own results', async () => {
		const { client, writer, batches } = await setup();
		const answers = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				writer.write([
					{ sql: 'INSERT INTO t (k, v) VALUES (?, ?)', args: [`k${i}`, i] },
					// changes() is the request's own previous statement.
					sql`insert into log (k) select ${`k${i}`} where changes() = 1`,
					{ sql: 'UPDATE t SET v = v + 100 WHERE k = ?', args: [`k${i}`] },
				]),
			),
		);
		if (batches) expect(batches).toEqual([60]);
		for (const results of answers) {
			expect(results.map((r) => r.rowsAffected)).toEqual([1, 1, 1]);
		}
		expect(await rows(client, 'SELECT count(*) AS n, sum(v) AS s FROM t')).toEqual([
			{ n: 20, s: 190 + 2000 },
		]);
		expect(await rows(client, 'SELECT count(*) AS n FROM log')).toEqual([{ n: 20 }]);
	});

	it('keeps changes() per request: an upsert that changed nothing logs nothing', async () => {
		const { client, writer } = await setup();
		await writer.write([{ sql: "INSERT INTO t VALUES ('a', 1)", args: [] }]);
		const upsert = (v: number) => [
			{
				sql: "INSERT INTO t VALUES ('a', ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE v <> excluded.v",
				args: [v],
			},
			{ sql: "INSERT INTO log (k) SELECT 'a' WHERE changes() = 1", args: [] },
		];
		// Same turn: a real change, then a no-op (same value), then a change again.
		const [first, second, third] = await Promise.all([
			writer.write(upsert(2)),
			writer.write(upsert(2)),
			writer.write(upsert(3)),
		]);
		expect(first!.map((r) => r.rowsAffected)).toEqual([1, 1]);
		expect(second!.map((r) => r.rowsAffected)).toEqual([0, 0]);
		expect(third!.map((r) => r.rowsAffected)).toEqual([1, 1]);
		expect(await rows(client, 'SELECT count(*) AS n FROM log')).toEqual([{ n: 2 }]);
	});

	it('rejects only the request whose statement fails; the others commit', async () => {
		const { client, writer, batches } = await setup();
		await writer.write([{ sql: "INSERT INTO t VALUES ('taken', 0)", args: [] }]);
		if (batches) batches.length = 0;
		const settled = await Promise.allSettled([
			writer.write([{ sql: "INSERT INTO t VALUES ('x1', 1)", args: [] }]),
			writer.write([
				{ sql: "INSERT INTO log VALUES ('partial')", args: [] },
				{ sql: "INSERT INTO t VALUES ('taken', 2)", args: [] },
			]),
			writer.write([{ sql: "INSERT INTO t VALUES ('x3', 3)", args: [] }]),
			// Conflicts with a request earlier in the same batch: fails as it would have in order.
			writer.write([{ sql: "INSERT INTO t VALUES ('x1', 4)", args: [] }]),
		]);
		expect(settled.map((s) => s.status)).toEqual([
			'fulfilled',
			'rejected',
			'fulfilled',
			'rejected',
		]);
		expect(String((settled[1] as PromiseRejectedResult).reason)).toMatch(
			/UNIQUE constraint failed/,
		);
		expect(await rows(client, 'SELECT k, v FROM t ORDER BY k')).toEqual([
			{ k: 'taken', v: 0 },
			{ k: 'x1', v: 1 },
			{ k: 'x3', v: 3 },
		]);
		// The failed request's first statement was rolled back with it.
		expect(await rows(client, 'SELECT count(*) AS n FROM log')).toEqual([{ n: 0 }]);
		if (batches) expect(batches.length).toBeGreaterThan(1);
	});

	it('rejects a lone failing request and keeps working afterwards', async () => {
		const { client, writer } = await setup();
		await expect(
			writer.write([{ sql: 'INSERT INTO nowhere VALUES (1)', args: [] }]),
		).rejects.toThrow(/no such table/);
		await writer.write([{ sql: "INSERT INTO t VALUES ('after', 1)", args: [] }]);
		expect(await rows(client, 'SELECT k FROM t')).toEqual([{ k: 'after' }]);
	});

	it('takes writes queued while a batch commits into the next batch', async () => {
		const { client, writer, batches } = await setup();
		const first = writer.write([{ sql: "INSERT INTO t VALUES ('a', 1)", args: [] }]);
		// Queued from the first request's continuation, i.e. while or after the first batch ran.
		const second = first.then(() =>
			writer.write([{ sql: "INSERT INTO t VALUES ('b', 2)", args: [] }]),
		);
		await Promise.all([first, second]);
		if (batches) expect(batches).toEqual([1, 1]);
		expect(await rows(client, 'SELECT k FROM t ORDER BY k')).toEqual([{ k: 'a' }, { k: 'b' }]);
	});

	it('runs sqlText statements, nested fragments included, with every value bound and never spliced', async () => {
		const { client, writer } = await setup();
		const evil = "x'); DROP TABLE t; --";
		const when = sqlText`${1} = ${1}`;
		const values = joinSqlText([sqlText`(${evil}, ${7})`, sqlText`(${'plain'}, ${8})`], ', ');
		await writer.write([
			sqlText`INSERT INTO t (k, v) SELECT * FROM (VALUES ${values}) WHERE ${when}`,
		]);
		expect(await rows(client, 'SELECT k, v FROM t ORDER BY v')).toEqual([
			{ k: evil, v: 7 },
			{ k: 'plain', v: 8 },
		]);
		const read = await writer.read(
			sqlText`SELECT ${sqlRaw('k, v')} FROM t WHERE k = ${evil} AND v > ${sqlText`${5} + ${1}`}`,
		);
		expect(read.rows.map((r) => ({ ...r }))).toEqual([{ k: evil, v: 7 }]);
		const listed = await writer.read(
			sqlText`SELECT k FROM t WHERE k IN (${sqlList([evil, 'absent', 'plain'])}) ORDER BY v`,
		);
		expect(listed.rows.map((r) => r.k)).toEqual([evil, 'plain']);
	});

	it('converts values as @libsql/client does and returns the rows of RETURNING', async () => {
		const { client, writer } = await setup();
		const when = new Date('2026-12-06T10:00:00Z');
		const [inserted] = await writer.write([
			{
				sql: 'INSERT INTO t (k, v) VALUES (?, ?), (?, ?), (?, ?) RETURNING k, v',
				args: ['yes', true, 'no', false, 'when', when],
			},
		]);
		expect(inserted!.rows.map((r) => ({ k: r.k, v: r.v }))).toEqual([
			{ k: 'yes', v: 1 },
			{ k: 'no', v: 0 },
			{ k: 'when', v: when.getTime() },
		]);
		expect(await rows(client, 'SELECT k, v FROM t ORDER BY k')).toEqual([
			{ k: 'no', v: 0 },
			{ k: 'when', v: when.getTime() },
			{ k: 'yes', v: 1 },
		]);
		await expect(
			writer.write([{ sql: 'INSERT INTO t VALUES (?, ?)', args: ['nan', Number.NaN] }]),
		).rejects.toThrow(/finite/);
	});
});
