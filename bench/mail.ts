/**
 * Mail: how fast the background sender empties the outbox into a local SMTP receiver (the
 * `smtp-server` package, authentication in the URL, a pool of 2 connections) and into the outbox
 * folder; and, side by side on one server, a password-reset request for an existing account (whose
 * token and mail the sender's background job writes, and the sender delivers) against one for an
 * unknown address (nothing to send): both requests record the same thing, so that their time does
 * not tell an attacker whether an account exists. Saturated with the sender idle at the start (the
 * second run also has the sender's work beside it; the sender yields while the server is saturated,
 * and the table says how much it did meanwhile and how long the rest took after), at a steady 200
 * requests/s, saturated with the sender delivering a backlog through both, and one request at a
 * time as an attacker timing them would send them. 20 connections, 10 s each; every request uses a
 * fresh account and a fresh client address (TRUST_PROXY with X-Forwarded-For) so the reset
 * throttles do not answer instead of the code being measured.
 */
import { eq } from 'drizzle-orm';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openDatabase, type Database } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { mailOutboxTable, passwordResetRequestTable, userTable } from '../db/schema.ts';
import { createMailRow } from '../src/lib/server/mail/outbox.ts';
import { createWriter } from '../src/lib/server/db-writer.ts';
import { startMailSender } from '../src/lib/server/mail/sender.ts';
import { ensureBuild, load, percentile, printTable, startServer, type LoadResult } from './lib.ts';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const COUNT = 2000;

/** How many outbox messages have `status`. */
async function countByStatus(db: Database, status: 'pending' | 'delivered') {
	return (
		await db
			.select({ id: mailOutboxTable.id })
			.from(mailOutboxTable)
			.where(eq(mailOutboxTable.status, status))
	).length;
}

/** Queues `count` short messages to `<prefix>-<i>@example.org`, due now. */
async function queueBenchMail(db: Database, count: number, prefix: string) {
	const rows = Array.from({ length: count }, (_, i) =>
		createMailRow({
			kind: 'bench',
			to: `${prefix}-${i}@example.org`,
			locale: 'en',
			subject: 'Your certificate',
			text: `Hello ${i},\n\nhttps://learn.example.org/verify/${i}\n`,
		}),
	);
	for (let i = 0; i < rows.length; i += 500)
		await db.insert(mailOutboxTable).values(rows.slice(i, i + 500));
}

/** Messages per second from a full outbox to `smtpUrl` (or the folder when undefined). */
async function measureSender(
	smtpUrl: string | undefined,
	delivered: () => number,
	refresh: () => Promise<unknown> = async () => {},
): Promise<number> {
	const dir = mkdtempSync(join(tmpdir(), 'dakshata-bench-mail-'));
	const handle = await openDatabase({ url: `file:${join(dir, 'bench.db')}` });
	await migrateDatabase(handle.db);
	await queueBenchMail(handle.db, COUNT, 'learner');
	const started = performance.now();
	const writer = createWriter(handle.client);
	const sender = await startMailSender({
		db: handle.db,
		writer: () => writer,
		smtpUrl,
		dataDir: dir,
		from: 'Dakshata <no-reply@example.org>',
		siteUrl: 'https://learn.example.org',
		log: quiet,
	});
	while ((await countByStatus(handle.db, 'delivered')) < COUNT)
		await new Promise((r) => setTimeout(r, 50));
	const seconds = (performance.now() - started) / 1000;
	await sender.stop();
	handle.close();
	// The receiver parses each message after accepting it: give the last few a moment.
	await refresh();
	for (let i = 0; i < 100 && delivered() < COUNT; i++) {
		await new Promise((r) => setTimeout(r, 50));
		await refresh();
	}
	if (smtpUrl && delivered() !== COUNT)
		throw new Error(`the receiver got ${delivered()} of ${COUNT}`);
	return Math.round(COUNT / seconds);
}

/** The receiver of bench/smtp-receiver.ts, in a process of its own. */
async function startReceiverProcess() {
	const child = spawn(process.execPath, [join(import.meta.dirname, 'smtp-receiver.ts')], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	// The mail server stands for another machine: on this one it takes only CPU the app leaves.
	setPriority(child.pid!, 19);
	const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
	const readLine = async () => {
		const { value, done } = await lines.next();
		if (done) throw new Error('the SMTP receiver process ended');
		return JSON.parse(value as string) as { url?: string; accepted?: number };
	};
	const { url } = await readLine();
	let accepted = 0;
	return {
		url: url!,
		/** Asks the receiver how many messages it has accepted (kept for `accepted`). */
		count: async () => {
			child.stdin!.write('count\n');
			accepted = (await readLine()).accepted!;
			return accepted;
		},
		get accepted() {
			return accepted;
		},
		stop: async () => {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.stdin!.end();
			await exited;
		},
	};
}

ensureBuild();
const receiver = await startReceiverProcess();
try {
	const smtp = await measureSender(receiver.url, () => receiver.accepted, receiver.count);
	const folder = await measureSender(undefined, () => COUNT);
	printTable(`Sender throughput (${COUNT} queued messages)`, [
		{ destination: 'local SMTP receiver (pool of 2)', 'messages/s': smtp },
		{ destination: 'outbox folder (no SMTP_URL)', 'messages/s': folder },
	]);

	const server = await startServer({
		env: {
			SMTP_URL: receiver.url,
			TRUST_PROXY: 'true',
			// e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
			...(process.env.BENCH_SERVER_NODE_OPTIONS && {
				NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS,
			}),
		},
		spawnOptions: {},
	});
	try {
		// Accounts to reset, inserted directly (a sign-up per account would dominate the set-up time).
		const handle = await openDatabase({ url: server.databaseUrl });
		const accounts = Array.from({ length: 60_000 }, (_, i) => ({
			id: `bench${String(i).padStart(19, '0')}`,
			email: `reset-${i}@example.org`,
			name: 'Bench Learner',
			passwordHash: 'x',
		}));
		for (let i = 0; i < accounts.length; i += 1000)
			await handle.db.insert(userTable).values(accounts.slice(i, i + 1000));
		/** Messages not yet delivered, and reset requests not yet turned into mail (or nothing). */
		const pending = async () =>
			(await countByStatus(handle.db, 'pending')) +
			(await handle.db.select({ id: passwordResetRequestTable.id }).from(passwordResetRequestTable))
				.length;
		/**
		 * Waits until the sender has handled every reset request and delivered everything queued (so
		 * the next pair starts alike); returns how long that took, in seconds.
		 */
		const drained = async () => {
			const started = performance.now();
			for (let i = 0; i < 1200 && (await pending()) > 0; i++)
				await new Promise((r) => setTimeout(r, 100));
			if ((await pending()) > 0)
				throw new Error('the sender did not empty the outbox in 2 minutes');
			return (performance.now() - started) / 1000;
		};
		// Each run takes fresh accounts from its own range (a reset for a missing account would be
		// an unknown address): row 1 from 0, row 2 from 20,000, row 3 from 25,000 (then row 4), the
		// warm-up from 50,000.
		let next = 0;
		const resetLoad = async (prefix: string, overallRate?: number, duration = 10) => {
			const result = await load({
				url: `${server.url}/reset-password`,
				method: 'POST',
				connections: 20,
				duration,
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
			if (prefix === 'reset' && next > accounts.length)
				throw new Error('the bench ran out of accounts: make more');
			return result;
		};
		// Warm-up (not measured): the first seconds of a fresh server are slower (compilation), which
		// would count against whichever run came first.
		next = 50_000;
		await resetLoad('nobody', undefined, 3);
		next = 50_000;
		await resetLoad('reset', undefined, 3);
		await drained();
		const merge = (results: LoadResult[]): LoadResult => {
			const mean = (f: (r: LoadResult) => number) =>
				Math.round(results.reduce((sum, r) => sum + f(r), 0) / results.length);
			return {
				requestsPerSecond: mean((r) => r.requestsPerSecond),
				p50: mean((r) => r.p50),
				p99: Math.max(...results.map((r) => r.p99)),
				errors: results.reduce((sum, r) => sum + r.errors, 0),
				non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
			};
		};
		/**
		 * Saturated, the two kinds of request alternating in 5 rounds of 2 s each (so a change in the
		 * machine's load, which moves single 10 s runs by ±15 % here, falls on both alike), fresh
		 * accounts and addresses from `start`; req/s and p50 the mean of the rounds, p99 the highest.
		 */
		const alternate = async (start: number) => {
			const rounds: { none: LoadResult[]; queued: LoadResult[] } = { none: [], queued: [] };
			let nextNobody = start;
			let nextAccount = start;
			for (let round = 0; round < 5; round++) {
				next = nextNobody;
				rounds.none.push(await resetLoad('nobody', undefined, 2));
				nextNobody = next;
				next = nextAccount;
				rounds.queued.push(await resetLoad('reset', undefined, 2));
				nextAccount = next;
			}
			return { none: merge(rounds.none), queued: merge(rounds.queued), nextAccount };
		};
		// 1. Saturated, the sender idle at the start (its work then falls mostly on the rounds for
		// accounts; its SMTP thread shares the machine's two cores with this process's load
		// generator and the receiver).
		const deliveredBefore = await countByStatus(handle.db, 'delivered');
		const { none, queued } = await alternate(0);
		const deliveredDuring = (await countByStatus(handle.db, 'delivered')) - deliveredBefore;
		const leftAfter = await pending();
		const drainSeconds = await drained();
		// 2. The same pair at a steady 200 requests/s (below saturation, as a real site runs): the
		// latency each request sees while the sender delivers the mail of the others.
		next = 20_000;
		const steadyNone = await resetLoad('nobody', 200);
		const steadyQueued = await resetLoad('reset', 200);
		await drained();
		// 3. Saturated, the sender delivering a backlog (20,000 messages queued first, more than it
		// delivers meanwhile) through BOTH kinds of request, which alternate in 2-second rounds (so a
		// change in the machine's load falls on both alike): the same delivery work beside each, and
		// the difference is what queueing a mail costs the request.
		await queueBenchMail(handle.db, 20_000, 'backlog');
		const deliveredBeforeRounds = await countByStatus(handle.db, 'delivered');
		const busy = await alternate(25_000);
		const { nextAccount } = busy;
		const stillLeft = await pending();
		const deliveredInRounds = (await countByStatus(handle.db, 'delivered')) - deliveredBeforeRounds;
		await drained();

		// 4. One request at a time, as someone timing the answers to learn whether an address has an
		// account would send them: 1,000 of each kind, in random order, fresh addresses each.
		const timing = { none: [] as number[], queued: [] as number[] };
		let nextTimed = nextAccount;
		if (nextTimed + 1000 > accounts.length) throw new Error('not enough bench accounts left');
		const sides = Array.from({ length: 2000 }, (_, i): 'none' | 'queued' =>
			i % 2 ? 'none' : 'queued',
		);
		for (let i = sides.length - 1; i > 0; i--) {
			const j = Math.floor(Math.random() * (i + 1));
			[sides[i], sides[j]] = [sides[j]!, sides[i]!];
		}
		for (const [i, side] of sides.entries()) {
			const email = side === 'none' ? `nobody-${40_000 + i}` : `reset-${nextTimed++}`;
			const started = performance.now();
			const res = await fetch(`${server.url}/reset-password`, {
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					origin: server.url,
					'x-forwarded-for': `172.16.${i >> 8}.${i & 255}`,
				},
				body: `email=${email}%40example.org`,
			});
			await res.arrayBuffer();
			if (res.status !== 200) throw new Error(`a timed reset answered ${res.status}`);
			timing[side].push(performance.now() - started);
		}
		await drained();
		handle.close();
		const busyNone = busy.none;
		const busyQueued = busy.queued;

		const row = (request: string, r: LoadResult) => ({
			request,
			'req/s': r.requestsPerSecond,
			'p50 ms': r.p50,
			'p99 ms': r.p99,
			errors: r.errors + r.non2xx,
		});
		const ratio = (a: LoadResult, b: LoadResult) => ({
			request: 'ratio account / unknown',
			'req/s': (a.requestsPerSecond / b.requestsPerSecond).toFixed(3),
			'p50 ms': '',
			'p99 ms': '',
			errors: '',
		});
		printTable(
			`1. Reset request for an account vs an unknown address, saturated (20 connections), alternating in 5 rounds of 2 s (req/s and p50: mean of the rounds; p99: the highest), the sender idle at the start. While the server is saturated the sender yields (a batch a second): ${deliveredDuring} delivered during the rounds; the ${leftAfter} requests and messages left took ${drainSeconds.toFixed(1)} s after them`,
			[
				row('unknown address (nothing to send)', none),
				row('existing account (token + mail by the sender)', queued),
				ratio(queued, none),
			],
		);
		printTable(
			'2. The same at a steady 200 requests/s (20 connections, 10 s, SMTP sender running)',
			[
				row('unknown address (nothing to send)', steadyNone),
				row('existing account (token + mail by the sender)', steadyQueued),
			],
		);
		printTable(
			`3. Saturated, the sender delivering a backlog of 20,000 messages throughout (${deliveredInRounds} delivered during the rounds, ${stillLeft} still queued at the end); the two kinds of request alternate in 5 rounds of 2 s (req/s and p50: mean of the rounds; p99: the highest)`,
			[
				row('unknown address (nothing to send)', busyNone),
				row('existing account (token + mail by the sender)', busyQueued),
				ratio(busyQueued, busyNone),
			],
		);
		const describe = (values: number[]) => {
			const mean = values.reduce((a, b) => a + b, 0) / values.length;
			const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
			return { mean, median: percentile(values, 50), p90: percentile(values, 90), variance };
		};
		const timedNone = describe(timing.none);
		const timedQueued = describe(timing.queued);
		const timedRow = (request: string, t: ReturnType<typeof describe>) => ({
			request,
			'median ms': t.median.toFixed(2),
			'mean ms': t.mean.toFixed(2),
			'p90 ms': t.p90.toFixed(2),
		});
		// Two standard errors of the difference of the means: a difference inside it is noise.
		const noise =
			2 *
			Math.sqrt(
				timedNone.variance / timing.none.length + timedQueued.variance / timing.queued.length,
			);
		printTable(
			`4. One request at a time (1,000 of each, in random order), as someone timing the answers would send them: account minus unknown, medians ${((timedQueued.median - timedNone.median) * 1000).toFixed(0)} µs, means ${((timedQueued.mean - timedNone.mean) * 1000).toFixed(0)} µs (± ${(noise * 1000).toFixed(0)} µs, two standard errors)`,
			[
				timedRow('unknown address (nothing to send)', timedNone),
				timedRow('existing account (token + mail by the sender)', timedQueued),
			],
		);
	} finally {
		await server.stop();
	}
} finally {
	await receiver.stop();
}
