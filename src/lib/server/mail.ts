/**
 * Outgoing mail. With SMTP_URL set, messages go through nodemailer. Without it (a local install,
 * the tests) each message is written as JSON to DATA_DIR/outbox/ and a log line says where, so the
 * operator or a test can open the link it contains. The log line never includes the body, which
 * may hold a one-time link.
 */
import { DATA_DIR, MAIL_FROM, SMTP_URL } from 'astro:env/server';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { log } from './log.ts';

export interface MailMessage {
	to: string;
	subject: string;
	text: string;
}

let transport: import('nodemailer').Transporter | undefined;

/** Sends a message. Failures are logged and re-thrown. */
export async function sendMail(message: MailMessage): Promise<void> {
	if (SMTP_URL) {
		if (!transport) {
			const nodemailer = await import('nodemailer');
			transport = nodemailer.createTransport(SMTP_URL);
		}
		await transport.sendMail({ from: MAIL_FROM, ...message });
		log.info({ to: message.to, subject: message.subject }, 'mail sent');
		return;
	}
	const dir = resolve(DATA_DIR, 'outbox');
	await mkdir(dir, { recursive: true, mode: 0o700 });
	const at = new Date();
	const file = join(dir, `${at.toISOString().replace(/[:.]/g, '-')}-${crypto.randomUUID().slice(0, 8)}.json`);
	await writeFile(file, JSON.stringify({ from: MAIL_FROM, ...message, at: at.toISOString() }, null, 2), { mode: 0o600 });
	log.info({ to: message.to, subject: message.subject, file }, 'mail written to outbox (SMTP_URL is not set)');
}
