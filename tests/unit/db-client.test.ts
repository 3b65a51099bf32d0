import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';

describe('openDatabase', () => {
	it('creates a local file in WAL mode with FULL sync, foreign keys and a busy timeout on every connection', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'dakshata-db-'));
		const handle = await openDatabase({ url: `file:${join(dir, 'sub', 'x.db')}` });
		await migrateDatabase(handle.db);
		// A transaction takes its own connection from the pool; settings must hold there too.
		const tx = await handle.client.transaction('write');
		try {
			const read = async (p: string) =>
				Object.values((await tx.execute(`PRAGMA ${p}`)).rows[0]!)[0];
			expect(await read('journal_mode')).toBe('wal');
			expect(await read('synchronous')).toBe(2);
			expect(await read('foreign_keys')).toBe(1);
			expect(await read('busy_timeout')).toBe(5000);
		} finally {
			tx.close();
		}
		// And on the connection used after the transaction.
		expect((await handle.client.execute('PRAGMA foreign_keys')).rows[0]).toMatchObject({
			foreign_keys: 1,
		});
		handle.close();
	});

	it('rejects an unsupported URL with a message naming DATABASE_URL', async () => {
		await expect(openDatabase({ url: 'postgres://x/y' })).rejects.toThrow(/DATABASE_URL/);
	});
});
