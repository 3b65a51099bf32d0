/**
 * The durable mail outbox: rows in `mail_outbox` (db/schema.ts).
 *
 * Lifecycle of a message:
 * - `pending`: written by `buildMailInsert` in the same transaction (or batch) as the change that
 *   caused it, so a rolled-back change sends nothing and a committed one is never lost.
 * - claimed: a sender sets `lease_owner`/`lease_until` and counts the attempt in ONE update; SQLite
 *   serialises writers, so two processes can never claim the same row while a lease is live. A
 *   sender that dies mid-send leaves a lease that simply expires, and the row is claimed again.
 * - `delivered` once the server accepted it (the bodies are then emptied: they may hold one-time
 *   links), or `failed` on a permanent refusal (5xx) or when temporary failures outlast `give_up_at`.
 *   Otherwise it goes back to waiting, `next_attempt_at` pushed back exponentially.
 * Updates after a send check `lease_owner`, so a sender that lost its lease cannot overwrite
 * another's result. The one window for a duplicate is a crash after the SMTP server accepted the
 * message and before the row was marked; the stable `Message-ID` lets receivers drop that copy.
 *
 * Free of Astro imports: the start script runs the sender, the app enqueues, tests use both.
 */
import { and, count, eq, inArray, min, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client.ts';
import { mailOutboxTable } from '../../../../db/schema.ts';
import { generateSecureRandomString } from '../random.ts';
import type { Writer } from '../db-writer.ts';
import { sqlList, sqlRaw, sqlText, type SqlText } from '../sql-text.ts';

/** The database or a transaction on it. */
export type DbOrTx = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export type MailRow = typeof mailOutboxTable.$inferSelect;

/**
 * A message to send, in the recipient's language. The HTML part is made from `text` when the
 * message is delivered (`renderMailHtml`): one source, nothing twice in the outbox.
 */
export interface OutgoingMail {
	/** What it is for (`reset`, `verify-email`, `account-exists`, `certificate`, …), for the admin list. */
	kind: string;
	to: string;
	locale: string;
	subject: string;
	text: string;
}

/** How long temporary failures are retried before the message is given up (24 hours). */
export const RETRY_FOR_MS = 24 * 60 * 60 * 1000;

/** The row for a new message (with a fresh id), due now. */
export function createMailRow(
	mail: OutgoingMail,
	now = Date.now(),
): typeof mailOutboxTable.$inferInsert {
	return {
		id: generateSecureRandomString(),
		kind: mail.kind,
		to: mail.to,
		locale: mail.locale,
		subject: mail.subject,
		text: mail.text,
		// Made from `text` at delivery (the column held it in rows queued before 6 December 2026).
		html: '',
		status: 'pending',
		attempts: 0,
		nextAttemptAt: new Date(now),
		giveUpAt: new Date(now + RETRY_FOR_MS),
		createdAt: new Date(now),
	};
}

/**
 * The insert of a message, to await inside a transaction or pass to `db.batch` with the change that
 * causes it. Returns the query and the message id.
 */
export function buildMailInsert(executor: DbOrTx, mail: OutgoingMail) {
	const row = createMailRow(mail);
	return { id: row.id!, query: executor.insert(mailOutboxTable).values(row) };
}

/**
 * A raw insert that happens only when `condition` (an SQL boolean) holds at that moment, for a
 * `db.batch` whose earlier statement may have done nothing (an `on conflict do nothing` insert).
 */
export function buildConditionalMailInsert(
	mail: OutgoingMail,
	condition: SqlText,
): { id: string; query: SqlText } {
	const r = createMailRow(mail);
	const query = sqlText`insert into mail_outbox (id, kind, "to", locale, subject, text, html, status, attempts, next_attempt_at, give_up_at, created_at)
		select ${r.id}, ${r.kind}, ${r.to}, ${r.locale}, ${r.subject}, ${r.text}, ${r.html}, 'pending', 0,
			${r.nextAttemptAt!.getTime()}, ${r.giveUpAt!.getTime()}, ${r.createdAt!.getTime()}
		where ${condition}`;
	return { id: r.id!, query };
}

/**
 * Where the sender's writes go: a group writer (../db-writer.ts). In a server it is the request
 * writer, so claims and delivery records share the requests' commits instead of each making a
 * commit (an fsync on the request thread) of its own; that cost a request that queues mail more
 * than the mail's own rows (`npm run bench -- mail`).
 */
export type OutboxWriter = Pick<Writer, 'write'>;

const MAIL_COLUMNS = sqlRaw(
	'id, kind, "to", locale, subject, text, html, status, attempts, next_attempt_at, give_up_at, lease_owner, lease_until, last_error, created_at, finished_at',
);

/** A `mail_outbox` row as the writer returns it (columns as in MAIL_COLUMNS). */
function toMailRow(row: Record<string, unknown>): MailRow {
	const date = (v: unknown) => (v === null || v === undefined ? null : new Date(Number(v)));
	const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
	return {
		id: String(row.id),
		kind: String(row.kind),
		to: String(row.to),
		locale: String(row.locale),
		subject: String(row.subject),
		text: String(row.text),
		html: String(row.html),
		status: String(row.status) as MailRow['status'],
		attempts: Number(row.attempts),
		nextAttemptAt: new Date(Number(row.next_attempt_at)),
		giveUpAt: new Date(Number(row.give_up_at)),
		leaseOwner: text(row.lease_owner),
		leaseUntil: date(row.lease_until),
		lastError: text(row.last_error),
		createdAt: new Date(Number(row.created_at)),
		finishedAt: date(row.finished_at),
	};
}

/**
 * Claims up to `limit` due messages (or the one with `id`, due or not) for `owner` for `leaseMs`,
 * counting the attempt. Returns the claimed rows; another process's live lease is never taken.
 */
export async function claimMail(
	writer: OutboxWriter,
	owner: string,
	options: { limit: number; leaseMs: number; id?: string },
): Promise<MailRow[]> {
	const now = Date.now();
	const due = sqlText`status = 'pending' and (lease_until is null or lease_until < ${now}) and ${
		options.id ? sqlText`id = ${options.id}` : sqlText`next_attempt_at <= ${now}`
	}`;
	const [claimed] = await writer.write([
		sqlText`update mail_outbox set lease_owner = ${owner}, lease_until = ${now + options.leaseMs}, attempts = attempts + 1
			where id in (select id from mail_outbox where ${due} order by next_attempt_at limit ${options.limit}) and ${due}
			returning ${MAIL_COLUMNS}`,
	]);
	return Array.from(claimed!.rows, toMailRow);
}

/** Whether message `id` is pending and held by `owner` now (being delivered by that process). */
export async function isHeldBy(db: DbOrTx, id: string, owner: string): Promise<boolean> {
	const row = await db
		.select({ status: mailOutboxTable.status, leaseOwner: mailOutboxTable.leaseOwner })
		.from(mailOutboxTable)
		.where(eq(mailOutboxTable.id, id))
		.get();
	return row?.status === 'pending' && row.leaseOwner === owner;
}

/** Only while `owner` still holds the message's lease and it is pending. */
const heldBy = (owner: string) => sqlText`lease_owner = ${owner} and status = 'pending'`;

/**
 * Marks claimed messages delivered (one statement for a whole batch) and drops their bodies.
 * Returns how many were still held by `owner` (fewer when a lease was lost).
 */
export async function recordDeliveries(
	writer: OutboxWriter,
	ids: string[],
	owner: string,
): Promise<number> {
	if (ids.length === 0) return 0;
	const [result] = await writer.write([
		sqlText`update mail_outbox set status = 'delivered', text = '', html = '', finished_at = ${Date.now()},
			lease_owner = null, lease_until = null, last_error = null
			where id in (${sqlList(ids)}) and ${heldBy(owner)}`,
	]);
	return result!.rowsAffected;
}

/** Marks one claimed message delivered. False when the lease was lost. */
export async function recordDelivery(
	writer: OutboxWriter,
	id: string,
	owner: string,
): Promise<boolean> {
	return (await recordDeliveries(writer, [id], owner)) === 1;
}

/**
 * Records a failed attempt: `failed` when `retryAt` is null (permanent) or past `give_up_at`,
 * otherwise pending again from `retryAt`.
 */
export async function recordFailure(
	writer: OutboxWriter,
	row: MailRow,
	owner: string,
	error: string,
	retryAt: Date | null,
): Promise<'failed' | 'retry'> {
	const final = retryAt === null || retryAt.getTime() > row.giveUpAt.getTime();
	await writer.write([
		final
			? sqlText`update mail_outbox set status = 'failed', last_error = ${error}, finished_at = ${Date.now()},
				lease_owner = null, lease_until = null where id = ${row.id} and ${heldBy(owner)}`
			: sqlText`update mail_outbox set last_error = ${error}, next_attempt_at = ${retryAt.getTime()},
				lease_owner = null, lease_until = null where id = ${row.id} and ${heldBy(owner)}`,
	]);
	return final ? 'failed' : 'retry';
}

/** The earliest time a pending message becomes due (for the sender's sleep), or null. */
export async function getNextDueTime(db: Database): Promise<Date | null> {
	const row = await db
		.select({ at: min(mailOutboxTable.nextAttemptAt) })
		.from(mailOutboxTable)
		.where(eq(mailOutboxTable.status, 'pending'))
		.get();
	return row?.at ?? null;
}

/** Pending messages: how many, and the age in seconds of the oldest (null when none). */
export async function getPendingMailSummary(
	db: DbOrTx,
): Promise<{ pending: number; oldestPendingSeconds: number | null }> {
	const row = await db
		.select({ n: count(), oldest: min(mailOutboxTable.createdAt) })
		.from(mailOutboxTable)
		.where(eq(mailOutboxTable.status, 'pending'))
		.get();
	return { pending: row?.n ?? 0, oldestPendingSeconds: secondsSince(row?.oldest ?? null) };
}

/** Whole seconds from `date` until now (never negative); null for null. */
export function secondsSince(date: Date | null): number | null {
	return date === null ? null : Math.max(0, Math.round((Date.now() - date.getTime()) / 1000));
}

/** Pending and failed messages, newest first, without their bodies (for the admin list). */
export async function listUndeliveredMail(db: DbOrTx, limit = 200) {
	return db
		.select({
			id: mailOutboxTable.id,
			kind: mailOutboxTable.kind,
			to: mailOutboxTable.to,
			subject: mailOutboxTable.subject,
			status: mailOutboxTable.status,
			attempts: mailOutboxTable.attempts,
			lastError: mailOutboxTable.lastError,
			nextAttemptAt: mailOutboxTable.nextAttemptAt,
			createdAt: mailOutboxTable.createdAt,
		})
		.from(mailOutboxTable)
		.where(inArray(mailOutboxTable.status, ['pending', 'failed']))
		.orderBy(sql`${mailOutboxTable.createdAt} desc`)
		.limit(limit);
}

/**
 * Makes a pending or failed message due now, with a fresh retry window. False when there is no such
 * message (unknown, or already delivered: a delivered message is never sent again).
 */
export async function retryMailNow(db: DbOrTx, id: string): Promise<boolean> {
	const now = Date.now();
	const result = await db
		.update(mailOutboxTable)
		.set({
			status: 'pending',
			nextAttemptAt: new Date(now),
			giveUpAt: new Date(now + RETRY_FOR_MS),
			finishedAt: null,
		})
		.where(and(eq(mailOutboxTable.id, id), inArray(mailOutboxTable.status, ['pending', 'failed'])));
	return result.rowsAffected === 1;
}
