/**
 * Outgoing mail for the app: a message is queued in the database outbox in the same transaction
 * as the change that caused it (see `mail/outbox.ts`), and this process's background sender
 * (`mail/sender.ts`, started by the start script, or here on first use under `astro dev`) delivers
 * it over SMTP with retries. Without SMTP_URL each message is written to DATA_DIR/outbox/ (and
 * logged) before the request answers, so a local install or a test can open the link at once.
 */
import {
	DATA_DIR,
	MAIL_FROM,
	MAIL_REPLY_TO,
	MAIL_RETRY_FIRST_SECONDS,
	SITE_URL,
	SMTP_URL,
} from 'astro:env/server';
import { db, write } from './db.ts';
import { log } from './log.ts';
import { buildMailInsert, type DbOrTx, type OutgoingMail } from './mail/outbox.ts';
import { getRunningMailSender, startMailSender, type MailSender } from './mail/sender.ts';

export type { OutgoingMail } from './mail/outbox.ts';

/** This process's sender, starting one if the start script did not (e.g. under `astro dev`). */
async function getMailSender(): Promise<MailSender> {
	return (
		getRunningMailSender() ??
		startMailSender({
			db,
			writer: () => ({ write }),
			smtpUrl: SMTP_URL,
			dataDir: DATA_DIR,
			from: MAIL_FROM,
			replyTo: MAIL_REPLY_TO,
			siteUrl: SITE_URL,
			retryFirstMs: Number(MAIL_RETRY_FIRST_SECONDS) * 1000,
			log,
		})
	);
}

/**
 * Queues a message with `executor` (a transaction, or the database for a message that stands
 * alone). Call `dispatchMail` with the returned id once the transaction has committed.
 */
export async function queueMail(executor: DbOrTx, mail: OutgoingMail): Promise<string> {
	const { id, query } = buildMailInsert(executor, mail);
	await query;
	return id;
}

/** Wakes the sender (`now`: even while the mail server was down), or without SMTP delivers `ids`. */
async function handToSender(ids: string[], now: boolean): Promise<void> {
	try {
		const sender = await getMailSender();
		if (SMTP_URL) sender.wake({ now });
		else for (const id of ids) await sender.deliverNow(id);
	} catch (error) {
		log.error({ err: error }, 'could not hand queued mail to the sender');
	}
}

/**
 * After the commit: wakes the sender, and without SMTP writes the outbox file before returning.
 * Never throws: the message is safe in the outbox whatever happens here.
 */
export async function dispatchMail(...ids: string[]): Promise<void> {
	await handToSender(ids, false);
}

/** After an admin made a message due again: tries it now, even while the mail server was down. */
export async function dispatchRetriedMail(id: string): Promise<void> {
	await handToSender([id], true);
}

/** Queues one message on its own and dispatches it. */
export async function sendMail(mail: OutgoingMail): Promise<void> {
	await dispatchMail(await queueMail(db, mail));
}
