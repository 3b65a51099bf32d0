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
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Database } from '../../../../db/client.ts';
import { generateSecureRandomString } from '../random.ts';
import {
	claimMail,
	getNextDueTime,
	recordDeliveries,
	recordFailure,
	type MailRow,
} from './outbox.ts';

export interface MailSenderOptions {
	db: Database;
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
	log: {
		info: (o: object, m: string) => void;
		warn: (o: object, m: string) => void;
		error: (o: object, m: string) => void;
	};
}

export interface MailSender {
	/** Looks for due messages shortly (within WAKE_GATHER_MS, gathering the wake-ups in between). */
	wake: () => void;
	/** Delivers one message now if it is claimable (used for the local outbox folder). */
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
const REGISTRY = Symbol.for('dakshata.mail-sender');

/** The sender running in this process, if any. */
export function getRunningMailSender(): MailSender | undefined {
	return (globalThis as Record<symbol, MailSender | undefined>)[REGISTRY];
}

/** The delay before retry number `attempt` (1-based), with jitter. */
export function getRetryDelayMs(attempt: number, firstMs: number, random = Math.random()): number {
	const base = Math.min(firstMs * 2 ** Math.max(0, attempt - 1), MAX_DELAY_MS);
	return Math.round(base * (0.8 + 0.4 * random));
}

type Deliver = (row: MailRow) => Promise<void>;

async function createDeliver(options: MailSenderOptions): Promise<Deliver> {
	const host = new URL(options.siteUrl).hostname || 'localhost';
	const envelope = (row: MailRow) => ({
		from: options.from,
		replyTo: options.replyTo || undefined,
		to: row.to,
		subject: row.subject,
		text: row.text,
		html: row.html,
		messageId: `<${row.id}@${host}>`,
		date: row.createdAt,
		headers: { 'Content-Language': row.locale, 'Auto-Submitted': 'auto-generated' },
	});
	if (options.smtpUrl) {
		const nodemailer = await import('nodemailer');
		// Timeouts well inside the lease, so a hung server cannot outlive our claim on a message.
		const transport = nodemailer.createTransport({
			url: options.smtpUrl,
			pool: true,
			maxConnections: 2,
			connectionTimeout: 20_000,
			greetingTimeout: 20_000,
			socketTimeout: 60_000,
		});
		return async (row) => {
			await transport.sendMail(envelope(row));
		};
	}
	const dir = resolve(options.dataDir, 'outbox');
	return async (row) => {
		await mkdir(dir, { recursive: true, mode: 0o700 });
		const { messageId, date, ...rest } = envelope(row);
		const file = join(dir, `${row.createdAt.toISOString().replace(/[:.]/g, '-')}-${row.id}.json`);
		await writeFile(file, JSON.stringify({ ...rest, messageId, at: date.toISOString() }, null, 2), {
			mode: 0o600,
		});
		options.log.info(
			{ to: row.to, subject: row.subject, file },
			'mail written to outbox (SMTP_URL is not set)',
		);
	};
}

/** A short, value-free description of a delivery error, and whether it is permanent. */
function describeError(error: unknown): { text: string; permanent: boolean } {
	const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
	if (typeof e.responseCode === 'number') {
		const text = (e.response ?? `${e.responseCode}`).replace(/\s+/g, ' ').slice(0, 300);
		return { text, permanent: e.responseCode >= 500 && e.responseCode < 600 };
	}
	return {
		text: `${e.code ?? 'ERROR'}: ${(e.message ?? String(error)).slice(0, 200)}`,
		permanent: false,
	};
}

/** Starts this process's sender (once; a second call returns the first). */
export async function startMailSender(options: MailSenderOptions): Promise<MailSender> {
	const existing = getRunningMailSender();
	if (existing) return existing;
	const owner = generateSecureRandomString();
	const deliver = await createDeliver(options);
	const raced = getRunningMailSender();
	if (raced) return raced;
	const retryFirstMs = options.retryFirstMs ?? 30_000;
	const pollMs = options.pollMs ?? 2000;
	let stopped = false;
	let timer: NodeJS.Timeout | undefined;
	/** When the scheduled run is due (ms since the epoch), Infinity when none is scheduled. */
	let due = Infinity;
	let running: Promise<void> | undefined;
	let again = false;

	const fail = async (row: MailRow, error: unknown) => {
		const { text, permanent } = describeError(error);
		const retryAt = permanent
			? null
			: new Date(Date.now() + getRetryDelayMs(row.attempts, retryFirstMs));
		const outcome = await recordFailure(options.db, row, owner, text, retryAt);
		const level = outcome === 'failed' ? 'error' : 'warn';
		options.log[level](
			{ mail: row.id, kind: row.kind, attempts: row.attempts, error: text },
			outcome === 'failed' ? 'mail failed' : 'mail will be retried',
		);
	};

	/** Delivers claimed rows concurrently; successes are recorded in one statement. */
	const sendAll = async (rows: MailRow[]) => {
		const delivered: string[] = [];
		await Promise.all(
			rows.map(async (row) => {
				try {
					await deliver(row);
					delivered.push(row.id);
				} catch (error) {
					await fail(row, error);
				}
			}),
		);
		const recorded = await recordDeliveries(options.db, delivered, owner);
		if (recorded < delivered.length)
			options.log.warn(
				{ count: delivered.length - recorded },
				'mail delivered after its lease ran out',
			);
		if (delivered.length > 0)
			options.log.info({ count: delivered.length, mail: delivered }, 'mail delivered');
	};

	const runOnce = async () => {
		for (;;) {
			const rows = await claimMail(options.db, owner, { limit: BATCH, leaseMs: LEASE_MS });
			await sendAll(rows);
			if (rows.length < BATCH || stopped) return;
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
				schedule(next ? Math.min(pollMs, next.getTime() - Date.now()) : pollMs);
			} catch (error) {
				options.log.error({ err: error }, 'the mail sender could not read the outbox');
				schedule(pollMs);
			} finally {
				running = undefined;
				if (again && !stopped) {
					again = false;
					schedule(WAKE_GATHER_MS);
				}
			}
		})();
	}

	const sender: MailSender = {
		wake: () => {
			if (due > Date.now() + WAKE_GATHER_MS) schedule(WAKE_GATHER_MS);
		},
		deliverNow: async (id) => {
			const rows = await claimMail(options.db, owner, { limit: 1, leaseMs: LEASE_MS, id });
			await sendAll(rows);
		},
		stop: async () => {
			stopped = true;
			clearTimeout(timer);
			await running;
			delete (globalThis as Record<symbol, unknown>)[REGISTRY];
		},
	};
	(globalThis as Record<symbol, MailSender>)[REGISTRY] = sender;
	schedule(0);
	return sender;
}
