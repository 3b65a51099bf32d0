import { eq } from 'drizzle-orm';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { mailOutboxTable } from '../../db/schema.ts';
import { createWriter } from '../../src/lib/server/db-writer.ts';
import { maskAddress, renderMailHtml } from '../../src/lib/server/mail/compose.ts';
import {
	claimMail,
	createMailRow,
	recordDelivery,
	recordFailure,
	retryMailNow,
} from '../../src/lib/server/mail/outbox.ts';
import {
	createBusyProbe,
	getRetryDelayMs,
	startMailSender,
} from '../../src/lib/server/mail/sender.ts';

async function freshDb() {
	const dir = mkdtempSync(join(tmpdir(), 'dakshata-outbox-'));
	const handle = await openDatabase({ url: `file:${join(dir, 'outbox.db')}` });
	await migrateDatabase(handle.db);
	// The sender's writes go through a group writer, as in the server.
	return { ...handle, dir, writer: createWriter(handle.client) };
}

const message = (to = 'rahima@example.org') => ({
	kind: 'test',
	to,
	locale: 'bn',
	subject: 'বিষয়',
	text: 'Hello\n\nOpen https://learn.example.org/a?b=1.\nThanks',
});

describe('renderMailHtml', () => {
	it('makes paragraphs and direct links, escapes text, and declares the language', () => {
		const html = renderMailHtml(
			'Hi <b>you</b> & co\n\nOpen https://learn.example.org/x?y=1&z=2.\nBye',
			'hi',
			'S',
		);
		expect(html).toContain('<html lang="hi">');
		expect(html).toContain('<p>Hi &lt;b&gt;you&lt;/b&gt; &amp; co</p>');
		expect(html).toContain(
			'<a href="https://learn.example.org/x?y=1&amp;z=2">https://learn.example.org/x?y=1&amp;z=2</a>.<br>',
		);
		expect(html).not.toMatch(/<img|<script|<link/);
	});
});

describe('maskAddress', () => {
	it.each([
		['rahima.khatun@example.org', 'r…n@example.org'],
		['ab@example.org', 'a…@example.org'],
		['x@example.org', 'x…@example.org'],
		['broken', '…'],
	])('masks %s as %s', (address, masked) => expect(maskAddress(address)).toBe(masked));
});

describe('getRetryDelayMs', () => {
	it('doubles per attempt from the first delay, within ±20 %, and stops growing at an hour', () => {
		expect(getRetryDelayMs(1, 30_000, 0.5)).toBe(30_000);
		expect(getRetryDelayMs(3, 30_000, 0.5)).toBe(120_000);
		expect(getRetryDelayMs(3, 30_000, 0)).toBe(96_000);
		expect(getRetryDelayMs(3, 30_000, 1)).toBe(144_000);
		expect(getRetryDelayMs(30, 30_000, 0.5)).toBe(3_600_000);
	});
});

describe('claimMail', () => {
	it('never gives a message to a second owner while the first holds its lease, and again after it expires', async () => {
		const { db, writer, close } = await freshDb();
		await db
			.insert(mailOutboxTable)
			.values(Array.from({ length: 5 }, (_, i) => createMailRow(message(`p${i}@example.org`))));
		const [a, b] = await Promise.all([
			claimMail(writer, 'owner-a', { limit: 5, leaseMs: 60_000 }),
			claimMail(writer, 'owner-b', { limit: 5, leaseMs: 60_000 }),
		]);
		expect(a.length + b.length).toBe(5);
		const ids = [...a, ...b].map((r) => r.id);
		expect(new Set(ids).size).toBe(5);
		expect(await claimMail(writer, 'owner-c', { limit: 5, leaseMs: 60_000 })).toEqual([]);
		// A lease that ran out (its owner died) is claimed again, counting a new attempt.
		await db.update(mailOutboxTable).set({ leaseUntil: new Date(Date.now() - 1) });
		const again = await claimMail(writer, 'owner-c', { limit: 5, leaseMs: 60_000 });
		expect(again).toHaveLength(5);
		expect(again.every((r) => r.attempts === 2)).toBe(true);
		close();
	});
});

describe('recordDelivery and recordFailure', () => {
	it('marks delivered once, drops the bodies, and ignores an owner that lost its lease', async () => {
		const { db, writer, close } = await freshDb();
		const row = createMailRow(message());
		await db.insert(mailOutboxTable).values(row);
		const [claimed] = await claimMail(writer, 'a', { limit: 1, leaseMs: 60_000 });
		expect(await recordDelivery(writer, claimed!.id, 'someone-else')).toBe(false);
		expect(await recordDelivery(writer, claimed!.id, 'a')).toBe(true);
		const stored = await db
			.select()
			.from(mailOutboxTable)
			.where(eq(mailOutboxTable.id, row.id!))
			.get();
		expect(stored).toMatchObject({ status: 'delivered', text: '', html: '' });
		expect(await claimMail(writer, 'b', { limit: 1, leaseMs: 60_000, id: row.id! })).toEqual([]);
		expect(await retryMailNow(db, row.id!)).toBe(false); // delivered is final
		close();
	});

	it('retries temporary failures until give_up_at, then marks the message failed', async () => {
		const { db, writer, close } = await freshDb();
		const row = createMailRow(message());
		await db.insert(mailOutboxTable).values({ ...row, giveUpAt: new Date(Date.now() + 10_000) });
		const [first] = await claimMail(writer, 'a', { limit: 1, leaseMs: 60_000 });
		expect(
			await recordFailure(writer, first!, 'a', '451 try later', new Date(Date.now() + 5_000)),
		).toBe('retry');
		expect(await claimMail(writer, 'a', { limit: 1, leaseMs: 60_000 })).toEqual([]); // not due yet
		const [second] = await claimMail(writer, 'a', { limit: 1, leaseMs: 60_000, id: row.id! });
		expect(
			await recordFailure(writer, second!, 'a', '451 try later', new Date(Date.now() + 60_000)),
		).toBe('failed');
		const stored = await db
			.select()
			.from(mailOutboxTable)
			.where(eq(mailOutboxTable.id, row.id!))
			.get();
		expect(stored).toMatchObject({ status: 'failed', lastError: '451 try later', attempts: 2 });
		expect(await retryMailNow(db, row.id!)).toBe(true);
		expect(await claimMail(writer, 'a', { limit: 1, leaseMs: 60_000 })).toHaveLength(1);
		close();
	});
});

/** A sender writing to `<dir>/outbox/` (no SMTP), polling every 50 ms, with `options`. */
function startFolderSender(
	{ db, writer, dir }: Pick<Awaited<ReturnType<typeof freshDb>>, 'db' | 'writer' | 'dir'>,
	options: Partial<Parameters<typeof startMailSender>[0]> = {},
) {
	return startMailSender({
		db,
		writer: () => writer,
		dataDir: dir,
		from: 'Dakshata <no-reply@example.org>',
		siteUrl: 'https://learn.example.org',
		log: { info: () => {}, warn: () => {}, error: () => {} },
		pollMs: 50,
		...options,
	});
}

describe('startMailSender without SMTP', () => {
	it('writes each due message once to the outbox folder, named by its id, and marks it delivered', async () => {
		const { db, writer, close, dir } = await freshDb();
		const rows = [
			createMailRow(message('one@example.org')),
			createMailRow(message('two@example.org')),
		];
		await db.insert(mailOutboxTable).values(rows);
		const sender = await startFolderSender({ db, writer, dir });
		try {
			for (let i = 0; i < 100 && readdirSync(dir).indexOf('outbox') === -1; i++)
				await new Promise((r) => setTimeout(r, 20));
			for (let i = 0; i < 100; i++) {
				const delivered = await db
					.select()
					.from(mailOutboxTable)
					.where(eq(mailOutboxTable.status, 'delivered'));
				if (delivered.length === 2) break;
				await new Promise((r) => setTimeout(r, 20));
			}
			const files = readdirSync(join(dir, 'outbox'));
			expect(files).toHaveLength(2);
			for (const row of rows) {
				const file = files.find((f) => f.endsWith(`-${row.id}.json`))!;
				const mail = JSON.parse(readFileSync(join(dir, 'outbox', file), 'utf8'));
				expect(mail).toMatchObject({
					to: row.to,
					from: 'Dakshata <no-reply@example.org>',
					messageId: `<${row.id}@learn.example.org>`,
				});
				expect(mail.html).toContain('<a href="https://learn.example.org/a?b=1">');
			}
		} finally {
			await sender.stop();
			close();
		}
	});

	it('while the process is saturated, delivers one batch a second, not the whole backlog at once, and every message in the end', async () => {
		const { db, writer, close, dir } = await freshDb();
		const rows = Array.from({ length: 70 }, (_, i) => createMailRow(message(`l${i}@example.org`)));
		await db.insert(mailOutboxTable).values(rows);
		let saturated = true;
		const delivered = async () =>
			(await db.select().from(mailOutboxTable).where(eq(mailOutboxTable.status, 'delivered')))
				.length;
		const started = performance.now();
		const sender = await startFolderSender({ db, writer, dir }, { busy: () => saturated });
		/**
		 * A batch (20) may be claimed only a second after the one before: by `t` ms after the start
		 * at most 20 × (1 + ⌊t / 1000⌋) are delivered (a slow machine only delivers fewer). The time
		 * is taken after the count, so the count is from no later than it.
		 */
		const checkBound = async () => {
			const count = await delivered();
			const bound = 20 * (1 + Math.floor((performance.now() - started) / 1000));
			expect(count).toBeLessThanOrEqual(bound);
			return count;
		};
		try {
			// The first batch goes at once.
			for (let i = 0; i < 250 && (await checkBound()) < 20; i++)
				await new Promise((r) => setTimeout(r, 20));
			expect(await checkBound()).toBeGreaterThanOrEqual(20);
			// New mail does not cut the wait short (a request's wake-up while saturated).
			sender.wake();
			// Not starved: the next batches follow, a second apart.
			for (let i = 0; i < 500 && (await checkBound()) < 40; i++)
				await new Promise((r) => setTimeout(r, 20));
			expect(await checkBound()).toBeGreaterThanOrEqual(40);
			// Idle again: the rest goes at once.
			saturated = false;
			for (let i = 0; i < 250 && (await delivered()) < 70; i++)
				await new Promise((r) => setTimeout(r, 20));
			expect(await delivered()).toBe(70);
			expect(readdirSync(join(dir, 'outbox'))).toHaveLength(70);
		} finally {
			await sender.stop();
			close();
		}
	});
});

describe('deliverNow', () => {
	it('has the file written when it returns, even when the sender’s own poll claimed the message first', async () => {
		const { db, writer, close, dir } = await freshDb();
		// Polling all the time, so that the poll often claims a message before deliverNow does.
		const sender = await startFolderSender({ db, writer, dir }, { pollMs: 1 });
		try {
			let missing = 0;
			for (let i = 0; i < 150; i++) {
				const row = createMailRow(message(`now${i}@example.org`));
				await db.insert(mailOutboxTable).values(row);
				// A request does other work between its commit and handing the message over.
				await new Promise((r) => setTimeout(r, 2));
				await sender.deliverNow(row.id!);
				const files = existsSync(join(dir, 'outbox')) ? readdirSync(join(dir, 'outbox')) : [];
				if (!files.some((f) => f.endsWith(`-${row.id}.json`))) missing++;
			}
			expect(missing).toBe(0);
		} finally {
			await sender.stop();
			close();
		}
	});
});

describe('createBusyProbe', () => {
	it('is true after a quarter second of blocking work, false after a quarter second of waiting', async () => {
		const busy = createBusyProbe(250, 0.8);
		const end = performance.now() + 300;
		while (performance.now() < end);
		expect(busy()).toBe(true);
		// Within the window the last reading stands.
		expect(busy()).toBe(true);
		await new Promise((r) => setTimeout(r, 300));
		expect(busy()).toBe(false);
	});
});
