/**
 * Mail: how fast the background sender empties the outbox into a local SMTP receiver (the
 * `smtp-server` package, authentication in the URL, a pool of 2 connections) and into the outbox
 * folder; and, side by side on one server, a password-reset request that queues a mail (an existing
 * account: token and message written in one transaction, while the sender delivers in the
 * background) against one that queues nothing (an unknown address). 20 connections, 10 s each;
 * every request uses a fresh account and a fresh client address (TRUST_PROXY with X-Forwarded-For)
 * so the reset throttles do not answer instead of the code being measured.
 */
import { eq } from 'drizzle-orm';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { mailOutboxTable, userTable } from '../db/schema.ts';
import { createMailRow } from '../src/lib/server/mail/outbox.ts';
import { startMailSender } from '../src/lib/server/mail/sender.ts';
import { SmtpReceiver } from '../tests/helpers/smtp.ts';
import { ensureBuild, load, printTable, startServer, type LoadResult } from './lib.ts';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const COUNT = 2000;

/** Messages per second from a full outbox to `smtpUrl` (or the folder when undefined). */
async function measureSender(
	smtpUrl: string | undefined,
	delivered: () => number,
): Promise<number> {
	const dir = mkdtempSync(join(tmpdir(), 'dakshata-bench-mail-'));
	const handle = await openDatabase({ url: `file:${join(dir, 'bench.db')}` });
	await migrateDatabase(handle.db);
	const rows = Array.from({ length: COUNT }, (_, i) =>
		createMailRow({
			kind: 'bench',
			to: `learner-${i}@example.org`,
			locale: 'en',
			subject: 'Your certificate',
			text: `Hello ${i},\n\nhttps://learn.example.org/verify/${i}\n`,
		}),
	);
	for (let i = 0; i < rows.length; i += 500)
		await handle.db.insert(mailOutboxTable).values(rows.slice(i, i + 500));
	const started = performance.now();
	const sender = await startMailSender({
		db: handle.db,
		smtpUrl,
		dataDir: dir,
		from: 'Dakshata <no-reply@example.org>',
		siteUrl: 'https://learn.example.org',
		log: quiet,
	});
	const done = async () =>
		(
			await handle.db
				.select({ id: mailOutboxTable.id })
				.from(mailOutboxTable)
				.where(eq(mailOutboxTable.status, 'delivered'))
		).length;
	while ((await done()) < COUNT) await new Promise((r) => setTimeout(r, 50));
	const seconds = (performance.now() - started) / 1000;
	await sender.stop();
	handle.close();
	// The receiver parses each message after accepting it: give the last few a moment.
	for (let i = 0; i < 100 && delivered() < COUNT; i++) await new Promise((r) => setTimeout(r, 50));
	if (smtpUrl && delivered() !== COUNT)
		throw new Error(`the receiver got ${delivered()} of ${COUNT}`);
	return Math.round(COUNT / seconds);
}

ensureBuild();
const receiver = await SmtpReceiver.create({ parse: false });
await receiver.start();
try {
	const smtp = await measureSender(receiver.url, () => receiver.accepted);
	const folder = await measureSender(undefined, () => COUNT);
	printTable(`Sender throughput (${COUNT} queued messages)`, [
		{ destination: 'local SMTP receiver (pool of 2)', 'messages/s': smtp },
		{ destination: 'outbox folder (no SMTP_URL)', 'messages/s': folder },
	]);

	const server = await startServer({
		env: { SMTP_URL: receiver.url, TRUST_PROXY: 'true' },
		spawnOptions: {},
	});
	try {
		// Accounts to reset, inserted directly (a sign-up per account would dominate the set-up time).
		const handle = await openDatabase({ url: server.databaseUrl });
		const accounts = Array.from({ length: 20_000 }, (_, i) => ({
			id: `bench${String(i).padStart(19, '0')}`,
			email: `reset-${i}@example.org`,
			name: 'Bench Learner',
			passwordHash: 'x',
		}));
		for (let i = 0; i < accounts.length; i += 1000)
			await handle.db.insert(userTable).values(accounts.slice(i, i + 1000));
		handle.close();
		let next = 0;
		const resetLoad = (prefix: string, overallRate?: number) =>
			load({
				url: `${server.url}/reset-password`,
				method: 'POST',
				connections: 20,
				...(overallRate && { overallRate }),
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
				requests: [
					{
						setupRequest: (req) => {
							const i = next++;
							return {
								...req,
								body: `email=${prefix}-${i}%40example.org`,
								headers: {
									...req.headers,
									'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
								},
							};
						},
					},
				],
			});
		const none = await resetLoad('nobody');
		next = 0;
		const queued = await resetLoad('reset');
		// The same pair at a steady 200 requests/s (below saturation, as a real site runs): the
		// latency each request sees while the sender delivers the mail of the others.
		next = 10_000;
		const steadyNone = await resetLoad('nobody', 200);
		const steadyQueued = await resetLoad('reset', 200);
		const row = (request: string, r: LoadResult) => ({
			request,
			'req/s': r.requestsPerSecond,
			'p50 ms': r.p50,
			'p99 ms': r.p99,
			errors: r.errors + r.non2xx,
		});
		printTable(
			'Reset request: queues a mail vs queues nothing (20 connections, 10 s, SMTP sender running)',
			[
				row('unknown address (no mail)', none),
				row('existing account (token + mail queued)', queued),
				{
					request: 'ratio queues / none',
					'req/s': (queued.requestsPerSecond / none.requestsPerSecond).toFixed(3),
					'p50 ms': '',
					'p99 ms': '',
					errors: '',
				},
			],
		);
		printTable('The same at a steady 200 requests/s (20 connections, 10 s, SMTP sender running)', [
			row('unknown address (no mail)', steadyNone),
			row('existing account (token + mail queued)', steadyQueued),
		]);
	} finally {
		await server.stop();
	}
} finally {
	await receiver.stop();
}
