/**
 * The background sender: claims due messages from the outbox and delivers them, over SMTP
 * (nodemailer, with a small connection pool) or, without `SMTP_URL`, as JSON files in
 * `DATA_DIR/outbox/` (named by message id, so a repeat writes the same file).
 *
 * Retry rule: an SMTP 5xx reply is permanent (failed at once, no retry storm); anything else
 * (4xx, connection refused, timeout) is retried after `retryFirstMs`, doubling each time up to an
 * hour, with ±20 % jitter so several processes do not retry in step, until the message's
 * `give_up_at` (24 h after it was queued).
 *
 * One sender runs per process; it registers itself on `globalThis` so the app (a separate module
 * graph in the build) can wake it after queueing a message instead of waiting for the next poll.
 * Free of Astro imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Database } from '../../../../db/client.ts';
import { generateSecureRandomString } from '../random.ts';
import { renderMailHtml } from './compose.ts';
import {
	claimMail,
	getNextDueTime,
	isHeldBy,
	recordDeliveries,
	recordFailure,
	type MailRow,
	type OutboxWriter,
} from './outbox.ts';

export interface MailSenderOptions {
	db: Database;
	/**
	 * The group writer for claims and delivery records (asked at each use): in a server, the request
	 * writer, so they share its commits (see OutboxWriter).
	 */
	writer: () => OutboxWriter;
	/** `smtp://` or `smtps://` URL; without it messages are written to `<dataDir>/outbox/`. */
	smtpUrl?: string;
	dataDir: string;
	/** `From` header, e.g. `Dakshata <no-reply@example.org>`. */
	from: string;
	/** `Reply-To` header, when replies should go somewhere people read. */
	replyTo?: string;
	/** The public site address; its host names the `Message-ID`s. */
	siteUrl: string;
	/** Delay before the first retry (default 30 s); doubles per attempt, at most an hour. */
	retryFirstMs?: number;
	/** How often an idle sender looks for due messages (default 2 s). */
	pollMs?: number;
	/**
	 * Whether this process is saturated, asked before each batch; while it is, the sender delivers
	 * one batch per YIELD_MS and leaves the rest of the time to requests. Default: the event loop was
	 * busy at least 80 % of the last quarter second (createBusyProbe).
	 */
	busy?: () => boolean;
	log: {
		info: (o: object, m: string) => void;
		warn: (o: object, m: string) => void;
		error: (o: object, m: string) => void;
	};
}

export interface MailSender {
	/**
	 * Looks for due messages shortly (within WAKE_GATHER_MS, gathering the wake-ups in between);
	 * while the mail server is unreachable, at the next planned try, unless `now` (an admin's "retry
	 * now").
	 */
	wake: (options?: { now?: boolean }) => void;
	/**
	 * Delivers one message now if it is claimable, or waits while this process's sender is
	 * delivering it already (its poll may have claimed it a moment before): used for the local
	 * outbox folder, whose file must exist when the request that queued it answers.
	 */
	deliverNow: (id: string) => Promise<void>;
	/** Stops claiming; resolves when in-flight deliveries have finished. */
	stop: () => Promise<void>;
}

// A batch goes through a pool of 2 SMTP connections; even if every message hit the 60 s socket
// timeout, a batch of 20 ends well inside the lease.
const LEASE_MS = 15 * 60 * 1000;
const MAX_DELAY_MS = 60 * 60 * 1000;
const BATCH = 20;
/**
 * A wake-up (a request queued a message) runs the sender this long later, not at once: the messages
 * of the requests in between go out as one claim and one delivery record (a commit each) instead
 * of one per request, which kept busy request handling waiting on the sender's commits.
 */
const WAKE_GATHER_MS = 50;
/**
 * While the process is saturated (every core of a small server answering requests), the sender
 * delivers one batch per second and waits in between: mail is background work that can be a few
 * seconds late, and a burst of requests should not be slowed by delivering the mail it queues. The
 * floor of a batch a second means no message waits for the burst to end; the backlog goes out at
 * full speed as soon as the event loop has idle time.
 */
const YIELD_MS = 1000;
const REGISTRY = Symbol.for('dakshata.mail-sender');
const JOBS = Symbol.for('dakshata.mail-jobs');

/**
 * Background work that produces mail (e.g. answering password-reset requests): `job(limit)` handles
 * up to `limit` waiting items and returns how many it handled. The sender runs every registered job
 * before each claim of messages, under the same schedule (wake-ups, polls, yielding while the
 * process is saturated), so what a job queues goes out in the same pass.
 */
export type MailJob = (limit: number) => Promise<number>;

function getMailJobs(): Map<string, MailJob> {
	const registry = globalThis as Record<symbol, Map<string, MailJob> | undefined>;
	return (registry[JOBS] ??= new Map());
}

/**
 * Registers `job` under `name` (again: replaces it) for this process's sender, started before or
 * after; on globalThis because the app and the start script are separate module graphs.
 */
export function registerMailJob(name: string, job: MailJob): void {
	getMailJobs().set(name, job);
}

/** The sender running in this process, if any. */
export function getRunningMailSender(): MailSender | undefined {
	return (globalThis as Record<symbol, MailSender | undefined>)[REGISTRY];
}

/**
 * A probe of this thread's event loop: true when it was busy (running callbacks, not waiting for
 * I/O or timers) at least `threshold` of the last `windowMs` (Node's event loop utilization, read
 * at most once per window; no timer of its own).
 */
export function createBusyProbe(windowMs = 250, threshold = 0.8): () => boolean {
	let mark = performance.eventLoopUtilization();
	let markedAt = performance.now();
	let busy = false;
	return () => {
		const now = performance.now();
		if (now - markedAt >= windowMs) {
			const current = performance.eventLoopUtilization();
			busy = performance.eventLoopUtilization(current, mark).utilization >= threshold;
			mark = current;
			markedAt = now;
		}
		return busy;
	};
}

/** The delay before retry number `attempt` (1-based), with jitter. */
export function getRetryDelayMs(attempt: number, firstMs: number, random = Math.random()): number {
	const base = Math.min(firstMs * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
	return Math.round(base * (0.8 + 0.4 * random));
}

interface Delivery {
	deliver: (row: MailRow) => Promise<void>;
	/** Ends the SMTP connections (and the thread that holds them). */
	close: () => Promise<void>;
}

/**
 * The SMTP side, run on a worker thread: nodemailer builds each message (MIME, both parts) and
 * speaks SMTP there, so a burst of deliveries never holds up the requests this process answers (on
 * the app's thread it took an eighth of the server's CPU in `npm run bench -- mail` and made a
 * request that queued mail slower than one that did not). Claims and delivery records stay on the
 * app's thread, in the database. CommonJS, evaluated as the worker's script: no file to find in a
 * bundled build; nodemailer is resolved by the app and its path handed over.
 */
const SMTP_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const transport = require(workerData.nodemailer).createTransport(workerData.transport);
parentPort.on('message', async (message) => {
	if (message.close) {
		transport.close();
		parentPort.close();
		return;
	}
	try {
		await transport.sendMail(message.envelope);
		parentPort.postMessage({ id: message.id });
	} catch (e) {
		const error = { responseCode: e.responseCode, response: e.response, code: e.code, message: e.message };
		parentPort.postMessage({ id: message.id, error });
	}
});
`;

/** What the SMTP thread reports of a failed delivery (the fields describeError reads). */
interface SmtpErrorFields {
	responseCode?: number;
	response?: string;
	code?: string;
	message?: string;
}

/**
 * Gives this process's thread named `name` the lowest CPU priority (nice 19), so that delivering
 * mail only takes CPU the requests leave: on a busy 2-core machine the SMTP thread at the same
 * priority as the request thread cost a fifth of the requests/s (`npm run bench -- mail`). Linux
 * only (threads are in /proc/self/task, and a nice value applies to one thread); elsewhere, and if
 * anything fails, the thread keeps the normal priority.
 */
function lowerThreadPriority(name: string): void {
	try {
		for (const tid of readdirSync('/proc/self/task')) {
			if (readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim() !== name) continue;
			setPriority(Number(tid), 19);
			return;
		}
	} catch {
		// Not Linux, or not allowed: deliveries then compete with requests as equals.
	}
}

/** Sends envelopes (nodemailer's message options) from the SMTP thread. */
function createSmtpDelivery(smtpUrl: string): {
	send: (envelope: object) => Promise<void>;
	close: () => Promise<void>;
} {
	const workerData = {
		nodemailer: createRequire(import.meta.url).resolve('nodemailer'),
		// Timeouts well inside the lease, so a hung server cannot outlive our claim on a message.
		transport: {
			url: smtpUrl,
			pool: true,
			maxConnections: 2,
			connectionTimeout: 20_000,
			greetingTimeout: 20_000,
			socketTimeout: 60_000,
		},
	};
	const pending = new Map<string, { resolve: () => void; reject: (e: unknown) => void }>();
	let thread: Worker | undefined;
	const start = () => {
		// Linux names the thread after the worker (at most 15 characters), which is how it is found.
		const name = `smtp-${generateSecureRandomString().slice(0, 8)}`;
		const worker = new Worker(SMTP_WORKER, { eval: true, workerData, name });
		worker.unref();
		worker.once('online', () => lowerThreadPriority(name));
		worker.on('message', (m: { id: string; error?: SmtpErrorFields }) => {
			const job = pending.get(m.id);
			pending.delete(m.id);
			if (m.error) job?.reject(Object.assign(new Error(m.error.message ?? 'SMTP error'), m.error));
			else job?.resolve();
		});
		const lost = (error: unknown) => {
			if (thread !== worker) return;
			thread = undefined;
			// Not permanent: the claimed messages are retried (describeError: no SMTP reply code).
			for (const job of pending.values())
				job.reject(Object.assign(new Error(String(error)), { code: 'ESMTPTHREAD' }));
			pending.clear();
		};
		worker.on('error', lost);
		worker.on('exit', (code) => lost(`the SMTP thread exited (${code})`));
		return worker;
	};
	return {
		send: (envelope) =>
			new Promise<void>((resolve, reject) => {
				thread ??= start();
				const id = generateSecureRandomString();
				pending.set(id, { resolve, reject });
				thread.postMessage({ id, envelope });
			}),
		close: async () => {
			const worker = thread;
			thread = undefined;
			if (!worker) return;
			const exited = new Promise((resolve) => worker.once('exit', resolve));
			worker.postMessage({ close: true });
			// A connection that will not close in time is cut.
			const cut = setTimeout(() => void worker.terminate(), 2000);
			await exited;
			clearTimeout(cut);
		},
	};
}

function createDelivery(options: MailSenderOptions): Delivery {
	const host = new URL(options.siteUrl).hostname || 'localhost';
	const envelope = (row: MailRow) => ({
		from: options.from,
		replyTo: options.replyTo || undefined,
		to: row.to,
		subject: row.subject,
		text: row.text,
		html: renderMailHtml(row.text, row.locale, row.subject),
		messageId: `<${row.id}@${host}>`,
		date: row.createdAt,
		headers: { 'Content-Language': row.locale, 'Auto-Submitted': 'auto-generated' },
	});
	if (options.smtpUrl) {
		const smtp = createSmtpDelivery(options.smtpUrl);
		return { deliver: (row) => smtp.send(envelope(row)), close: smtp.close };
	}
	const dir = resolve(options.dataDir, 'outbox');
	return {
		deliver: async (row) => {
			await mkdir(dir, { recursive: true, mode: 0o700 });
			const { messageId, date, ...rest } = envelope(row);
			const file = join(dir, `${row.createdAt.toISOString().replace(/[:.]/g, '-')}-${row.id}.json`);
			await writeFile(
				file,
				JSON.stringify({ ...rest, messageId, at: date.toISOString() }, null, 2),
				{ mode: 0o600 },
			);
			options.log.info(
				{ to: row.to, subject: row.subject, file },
				'mail written to outbox (SMTP_URL is not set)',
			);
		},
		close: async () => {},
	};
}

/**
 * A short, value-free description of a delivery error; whether it is permanent for this message
 * (a 5xx reply to it); and whether it is the mail server's, not the message's (no reply at all —
 * refused, timed out, gone —, 421 "closing", or our login refused: every message would fail alike,
 * so they wait for the server instead of each using up attempts, and none is failed for it).
 */
function describeError(error: unknown): { text: string; permanent: boolean; server: boolean } {
	const e = error as SmtpErrorFields;
	const auth = e.code === 'EAUTH';
	if (typeof e.responseCode === 'number') {
		const text = (e.response ?? `${e.responseCode}`).replace(/\s+/g, ' ').slice(0, 300);
		return {
			text: auth ? `EAUTH: ${text}` : text,
			permanent: !auth && e.responseCode >= 500 && e.responseCode < 600,
			server: auth || e.responseCode === 421,
		};
	}
	return {
		text: `${e.code ?? 'ERROR'}: ${(e.message ?? String(error)).slice(0, 200)}`,
		permanent: false,
		server: true,
	};
}

/** Starts this process's sender (once; a second call returns the first). */
export async function startMailSender(options: MailSenderOptions): Promise<MailSender> {
	const existing = getRunningMailSender();
	if (existing) return existing;
	const owner = generateSecureRandomString();
	// Nothing is awaited between the check above and the registration below, so two calls cannot
	// both start one; the SMTP thread itself starts on the first delivery.
	const delivery = createDelivery(options);
	const { deliver } = delivery;
	const retryFirstMs = options.retryFirstMs ?? 30_000;
	const pollMs = options.pollMs ?? 2000;
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	/** When the scheduled run is due (ms since the epoch), Infinity when none is scheduled. */
	let due = Infinity;
	let running: Promise<void> | undefined;
	let again = false;
	/**
	 * Consecutive batches in which the mail server failed every message itself (describeError
	 * `server`): while it is down the sender tries one message at a time, after the same growing
	 * delays as a message's retries (`pausedUntil`), instead of every pending message each time —
	 * thousands of queued messages would otherwise each be tried and rescheduled, a database write
	 * apiece, every few seconds of an outage.
	 */
	let outage = 0;
	let pausedUntil = 0;
	/** While the process is saturated: when the last batch was claimed, and when the next may be. */
	let lastBatchAt = -Infinity;
	let yieldUntil = 0;
	const busy = options.busy ?? createBusyProbe();
	const { writer } = options;

	const fail = async (row: MailRow, error: unknown): Promise<boolean> => {
		const { text, permanent, server } = describeError(error);
		const retryAt = permanent
			? null
			: new Date(Date.now() + getRetryDelayMs(row.attempts, retryFirstMs));
		const outcome = await recordFailure(writer(), row, owner, text, retryAt);
		const level = outcome === 'failed' ? 'error' : 'warn';
		options.log[level](
			{ mail: row.id, kind: row.kind, attempts: row.attempts, error: text },
			outcome === 'failed' ? 'mail failed' : 'mail will be retried',
		);
		return server;
	};

	/**
	 * Delivers claimed rows concurrently; successes are recorded in one statement. Returns whether
	 * the mail server was unreachable for all of them (nothing delivered, a server failure).
	 */
	const sendAll = async (rows: MailRow[]): Promise<boolean> => {
		const delivered: string[] = [];
		let serverFailed = false;
		await Promise.all(
			rows.map(async (row) => {
				try {
					await deliver(row);
					delivered.push(row.id);
				} catch (error) {
					if (await fail(row, error)) serverFailed = true;
				}
			}),
		);
		const recorded = await recordDeliveries(writer(), delivered, owner);
		if (recorded < delivered.length)
			options.log.warn(
				{ count: delivered.length - recorded },
				'mail delivered after its lease ran out',
			);
		if (delivered.length > 0)
			options.log.info({ count: delivered.length, mail: delivered }, 'mail delivered');
		return serverFailed && delivered.length === 0;
	};

	/** Runs the registered jobs (see MailJob); true when one of them may have more waiting. */
	const runJobs = async (): Promise<boolean> => {
		let more = false;
		for (const [name, job] of getMailJobs()) {
			try {
				if ((await job(BATCH)) >= BATCH) more = true;
			} catch (error) {
				options.log.error({ err: error, job: name }, 'a mail job failed');
			}
		}
		return more;
	};

	const runOnce = async () => {
		for (;;) {
			if (outage === 0 && Date.now() - lastBatchAt < YIELD_MS && busy()) {
				yieldUntil = lastBatchAt + YIELD_MS;
				return;
			}
			lastBatchAt = Date.now();
			const moreJobs = await runJobs();
			const limit = outage > 0 ? 1 : BATCH;
			const rows = await claimMail(writer(), owner, { limit, leaseMs: LEASE_MS });
			if (rows.length === 0) {
				if (moreJobs && !stopped) continue;
				return;
			}
			if (await sendAll(rows)) {
				outage++;
				pausedUntil = Date.now() + getRetryDelayMs(outage, retryFirstMs);
				options.log.warn(
					{ retryInSeconds: Math.round((pausedUntil - Date.now()) / 1000) },
					'the mail server cannot be reached: waiting before trying again',
				);
				return;
			}
			outage = 0;
			if ((rows.length < limit && !moreJobs) || stopped) return;
		}
	};

	const schedule = (ms: number) => {
		if (stopped) return;
		clearTimeout(timer);
		due = Date.now() + ms;
		timer = setTimeout(
			() => {
				due = Infinity;
				tick();
			},
			Math.max(0, ms),
		);
		timer.unref();
	};

	function tick() {
		if (running) {
			again = true;
			return;
		}
		running = (async () => {
			try {
				await runOnce();
				const next = await getNextDueTime(options.db);
				const wait = next ? Math.min(pollMs, next.getTime() - Date.now()) : pollMs;
				schedule(Math.max(wait, pausedUntil - Date.now(), yieldUntil - Date.now()));
			} catch (error) {
				options.log.error({ err: error }, 'the mail sender could not read the outbox');
				schedule(pollMs);
			} finally {
				running = undefined;
				if (again && !stopped) {
					again = false;
					if (Date.now() >= Math.max(pausedUntil, yieldUntil)) schedule(WAKE_GATHER_MS);
				}
			}
		})();
	}

	const sender: MailSender = {
		wake: (wakeOptions) => {
			if (wakeOptions?.now) {
				pausedUntil = 0;
				yieldUntil = 0;
				lastBatchAt = -Infinity;
			}
			// During an outage, or while yielding to requests, the next run is already scheduled; new
			// mail waits for it.
			else if (Date.now() < Math.max(pausedUntil, yieldUntil)) return;
			if (due > Date.now() + WAKE_GATHER_MS) schedule(WAKE_GATHER_MS);
		},
		deliverNow: async (id) => {
			const rows = await claimMail(writer(), owner, { limit: 1, leaseMs: LEASE_MS, id });
			if (rows.length > 0) return void (await sendAll(rows));
			// At most a few milliseconds for a file; bounded all the same.
			for (let i = 0; i < 500 && (await isHeldBy(options.db, id, owner)); i++)
				await new Promise((r) => setTimeout(r, 10));
		},
		stop: async () => {
			stopped = true;
			clearTimeout(timer);
			await running;
			await delivery.close();
			delete (globalThis as Record<symbol, unknown>)[REGISTRY];
		},
	};
	(globalThis as Record<symbol, MailSender>)[REGISTRY] = sender;
	schedule(0);
	return sender;
}
