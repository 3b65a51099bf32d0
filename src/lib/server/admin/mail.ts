/**
 * The admin view of the outbox: what is waiting or has failed (recipients masked, no bodies), and
 * "retry now", which is audited and wakes the sender.
 */
import { recordAudit } from './audit.ts';
import { db } from '../db.ts';
import { dispatchRetriedMail } from '../mail.ts';
import { maskAddress } from '../mail/compose.ts';
import { getPendingMailSummary, listUndeliveredMail, retryMailNow } from '../mail/outbox.ts';

/** Pending and failed messages for `/admin/mail`, with recipients masked, and the queue summary. */
export async function getMailQueue() {
	const [rows, summary] = await Promise.all([listUndeliveredMail(db), getPendingMailSummary(db)]);
	return { summary, rows: rows.map(({ to, ...row }) => ({ ...row, to: maskAddress(to) })) };
}

/** Makes a pending or failed message due now. False when it is unknown or already delivered. */
export async function retryMail(actorId: string, id: string): Promise<boolean> {
	if (!(await retryMailNow(db, id))) return false;
	await recordAudit(actorId, 'mail.retry', id);
	await dispatchRetriedMail(id);
	return true;
}
