/**
 * Mail through a real SMTP server: each server under test is started with SMTP_URL pointing at a
 * local `smtp-server` receiver (authentication in the URL), and the tests watch what arrives.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import {
	mailOutboxTable,
	oneTimeTokenTable,
	passwordResetRequestTable,
	userTable,
} from '../../db/schema.ts';
import { createMailRow } from '../../src/lib/server/mail/outbox.ts';
import { readLatestMail, signUp, uniqueEmail } from '../helpers/accounts.ts';
import { Browser } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { SmtpReceiver, type ReceivedMail } from '../helpers/smtp.ts';

const MAIL_ENV = {
	MAIL_FROM: 'Dakshata Team <team@dakshata.test>',
	MAIL_REPLY_TO: 'Help desk <help@dakshata.test>',
	MAIL_RETRY_FIRST_SECONDS: '0.5',
};

async function requestReset(base: string, email: string) {
	return new Browser(base).postForm('/reset-password', { email });
}

const isReset = (m: ReceivedMail) => /reset-password\?token=/.test(m.parsed.text ?? '');

/** Signs up on `server` and waits until the receiver has the address's confirmation mail. */
async function signUpSettled(
	receiver: SmtpReceiver,
	server: TestServer,
	fields: Parameters<typeof signUp>[1] = {},
) {
	const user = await signUp(server.url, fields);
	await receiver.waitFor(() =>
		receiver.for(user.email).some((m) => /confirm-email\?token=/.test(m.parsed.text ?? '')),
	);
	return user;
}

async function outboxRows(server: TestServer, to: string, kind = 'reset') {
	const handle = await openDatabase({ url: server.databaseUrl });
	try {
		return await handle.db
			.select()
			.from(mailOutboxTable)
			.where(and(eq(mailOutboxTable.to, to), eq(mailOutboxTable.kind, kind)));
	} finally {
		handle.close();
	}
}

/**
 * The first outbox row for `to` once it is no longer pending: the sender records a delivery just
 * after the receiver has the message, so a test that saw the message waits for the record.
 */
async function settledRow(server: TestServer, to: string) {
	let row = (await outboxRows(server, to))[0];
	for (let i = 0; i < 300 && row?.status === 'pending'; i++) {
		await new Promise((r) => setTimeout(r, 50));
		row = (await outboxRows(server, to))[0];
	}
	return row;
}

describe('mail through SMTP', () => {
	let receiver: SmtpReceiver;
	let server: TestServer;

	beforeAll(async () => {
		receiver = await SmtpReceiver.create();
		await receiver.start();
		server = await startServer({ env: { SMTP_URL: receiver.url, ...MAIL_ENV } });
	});
	afterAll(async () => {
		await server?.stop();
		await receiver?.stop();
	});

	it('delivers a reset mail with a working link, in the learner’s language, from the configured sender', async () => {
		const { email } = await signUpSettled(receiver, server, { locale: 'bn' });
		const res = await requestReset(server.url, email);
		expect(res.status).toBe(200);
		await receiver.waitFor(() => receiver.for(email).filter(isReset).length === 1);
		const { parsed, raw } = receiver.for(email).find(isReset)!;

		expect(parsed.from?.value).toEqual([{ name: 'Dakshata Team', address: 'team@dakshata.test' }]);
		expect(parsed.replyTo?.value).toEqual([{ name: 'Help desk', address: 'help@dakshata.test' }]);
		expect(parsed.messageId).toMatch(/^<[a-z2-9]{24}@127\.0\.0\.1>$/);
		expect(parsed.headers.get('content-language')).toBe('bn');
		expect(parsed.subject).toMatch(/[\u0980-\u09FF]/); // Bengali subject
		expect(parsed.text).toMatch(/[\u0980-\u09FF]/);
		expect(parsed.html).toContain('<html lang="bn">');

		// The link in both parts goes straight to this site's reset page, and it works.
		const link = /https?:\/\/\S+reset-password\?token=[a-z2-9.]+/.exec(parsed.text!)![0];
		expect(link.startsWith(`${server.url}/bn/reset-password?token=`)).toBe(true);
		expect(parsed.html).toContain(`href="${link}"`);
		const form = await new Browser(server.url).get(new URL(link).pathname + new URL(link).search);
		expect(form.status).toBe(200);

		// No tracking: no images, no remote resources, every link is to this site.
		expect(parsed.html).not.toMatch(/<img|<link|url\(/i);
		const hrefs = [...(parsed.html as string).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
		expect(hrefs.length).toBeGreaterThan(0);
		for (const href of hrefs) expect(href.startsWith(server.url)).toBe(true);
		expect(raw).toMatch(/^Content-Type: multipart\/alternative/im);

		// The outbox row is marked delivered (just after the receiver has it) and no longer holds the link.
		const row = await settledRow(server, email);
		expect(row?.status).toBe('delivered');
		expect(row?.text).toBe('');
	});

	it('answers a reset for an unknown or disabled address as for an account, and mails only the enabled account', async () => {
		const account = await signUpSettled(receiver, server);
		const disabled = await signUpSettled(receiver, server);
		const handle = await openDatabase({ url: server.databaseUrl });
		try {
			await handle.db
				.update(userTable)
				.set({ disabledAt: new Date() })
				.where(eq(userTable.email, disabled.email));
			const unknown = uniqueEmail('nobody');
			const answers = [];
			for (const email of [unknown, disabled.email, account.email]) {
				const res = await requestReset(server.url, email);
				const main = /<main[\s\S]*<\/main>/.exec(await res.text())?.[0];
				answers.push({ status: res.status, main: main?.replaceAll(email, '(the address)') });
			}
			// The same page whatever the address.
			expect(answers[0]!.status).toBe(200);
			expect(answers[1]).toEqual(answers[0]);
			expect(answers[2]).toEqual(answers[0]);

			await receiver.waitFor(() => receiver.for(account.email).filter(isReset).length === 1);
			// Every request has been handled (none left waiting), and only the account got a link.
			for (let i = 0; i < 100; i++) {
				if ((await handle.db.select().from(passwordResetRequestTable)).length === 0) break;
				await new Promise((r) => setTimeout(r, 50));
			}
			expect(await handle.db.select().from(passwordResetRequestTable)).toEqual([]);
			expect(receiver.for(unknown)).toEqual([]);
			expect(receiver.for(disabled.email).filter(isReset)).toEqual([]);
			expect(await outboxRows(server, unknown)).toEqual([]);
			expect(await outboxRows(server, disabled.email)).toEqual([]);
			const [disabledUser] = await handle.db
				.select()
				.from(userTable)
				.where(eq(userTable.email, disabled.email));
			expect(
				await handle.db
					.select()
					.from(oneTimeTokenTable)
					.where(eq(oneTimeTokenTable.userId, disabledUser!.id)),
			).toEqual([]);
		} finally {
			handle.close();
		}
	});

	it('reports in /healthz a reset request held by a process that stopped, and handles it once its lease has run out', async () => {
		const { email } = await signUpSettled(receiver, server);
		const handle = await openDatabase({ url: server.databaseUrl });
		try {
			const createdAt = new Date(Date.now() - 90_000);
			// Claimed by a process that died: nobody may take it until its lease runs out.
			await handle.db.insert(passwordResetRequestTable).values({
				id: 'heldbyagoneprocess000000',
				email,
				locale: 'en',
				createdAt,
				leaseOwner: 'gone',
				leaseUntil: new Date(Date.now() + 60 * 60_000),
			});
			const health = await (await fetch(`${server.url}/healthz`)).json();
			expect(health.mail.resetRequestsWaiting).toBe(1);
			expect(health.mail.oldestResetRequestSeconds).toBeGreaterThanOrEqual(90);
			await new Promise((r) => setTimeout(r, 2500)); // a poll of the sender: still held
			expect(receiver.for(email).filter(isReset)).toEqual([]);

			await handle.db
				.update(passwordResetRequestTable)
				.set({ leaseUntil: new Date(Date.now() - 1) })
				.where(eq(passwordResetRequestTable.email, email));
			await receiver.waitFor(() => receiver.for(email).filter(isReset).length === 1);
			for (let i = 0; i < 100; i++) {
				if ((await handle.db.select().from(passwordResetRequestTable)).length === 0) break;
				await new Promise((r) => setTimeout(r, 50));
			}
			const after = await (await fetch(`${server.url}/healthz`)).json();
			expect(after.mail).toMatchObject({
				resetRequestsWaiting: 0,
				oldestResetRequestSeconds: null,
			});
		} finally {
			handle.close();
		}
	});

	it('delivers a message the receiver first refuses with 451 exactly once, on a retry', async () => {
		const { email } = await signUpSettled(receiver, server);
		receiver.mode = 'tempfail-once';
		const before = receiver.attempts;
		expect((await requestReset(server.url, email)).status).toBe(200);
		await receiver.waitFor(() => receiver.for(email).filter(isReset).length === 1);
		await new Promise((r) => setTimeout(r, 1500)); // room for a wrong second delivery
		expect(receiver.for(email).filter(isReset)).toHaveLength(1);
		expect(receiver.attempts - before).toBe(2);
		const [row] = await outboxRows(server, email);
		expect(row).toMatchObject({ status: 'delivered', attempts: 2 });
	});

	it('marks a message refused with 550 as failed after one attempt, lists it for admins, and retries it on request', async () => {
		const { email } = await signUpSettled(receiver, server);
		receiver.mode = 'reject';
		const before = receiver.attempts;
		try {
			expect((await requestReset(server.url, email)).status).toBe(200);
			await receiver.waitFor(() => receiver.attempts > before);
			await new Promise((r) => setTimeout(r, 2500)); // five retry periods: no further attempts
		} finally {
			receiver.mode = 'accept';
		}
		expect(receiver.attempts - before).toBe(1);
		const [row] = await outboxRows(server, email);
		expect(row).toMatchObject({ status: 'failed', attempts: 1 });
		expect(row?.lastError).toMatch(/^550 .*Mailbox unavailable/);
		const health = await (await fetch(`${server.url}/healthz`)).json();
		expect(health.mail).toMatchObject({ pending: 0 });

		// The admin page lists it (recipient masked) and "Retry now" sends it once the receiver takes it.
		const learner = await signUpSettled(receiver, server);
		expect((await learner.browser.get('/admin/mail')).status).toBe(403);
		const admin = await signUpSettled(receiver, server, { name: 'Mail Admin' });
		const handle = await openDatabase({ url: server.databaseUrl });
		await handle.db
			.update(userTable)
			.set({ role: 'admin' })
			.where(eq(userTable.email, admin.email));
		handle.close();
		const page = await (await admin.browser.get('/admin/mail')).text();
		const [local, domain] = email.split('@');
		expect(page).toContain(`${local![0]}…${local!.at(-1)}@${domain}`);
		expect(page).not.toContain(email);
		expect(page).toContain('Reset your Dakshata password');
		expect(page).toContain('550 5.1.1 Mailbox unavailable');
		const retried = await admin.browser.postForm('/admin/mail', { action: 'retry', id: row!.id });
		expect(retried.status).toBe(303);
		await receiver.waitFor(() => receiver.for(email).filter(isReset).length === 1);
		// The sender records the delivery after the receiver has the message: wait for the record.
		const after = await settledRow(server, email);
		expect(after).toMatchObject({ status: 'delivered', attempts: 2 });
		expect(await (await admin.browser.get('/admin/mail')).text()).not.toContain('550 5.1.1');
		// A delivered message is never sent again, even on request.
		expect(
			(await admin.browser.postForm('/admin/mail', { action: 'retry', id: row!.id })).status,
		).toBe(404);
		expect(
			(await admin.browser.postForm('/admin/mail', { action: 'retry', id: '../x' })).status,
		).toBe(400);
	}, 60_000);
});

describe('mail during an SMTP outage', () => {
	it('answers a reset at once while the receiver is down, and delivers once it is back', async () => {
		const receiver = await SmtpReceiver.create();
		const server = await startServer({ env: { SMTP_URL: receiver.url, ...MAIL_ENV } });
		try {
			const { email } = await signUp(server.url);
			const started = performance.now();
			const res = await requestReset(server.url, email);
			expect(res.status).toBe(200);
			expect(performance.now() - started).toBeLessThan(3000);

			// Still down: the message waits, and /healthz reports its age. (The sender answers the
			// request and tries its mail at its next try of the server, the same for all mail.)
			let [waiting] = await outboxRows(server, email);
			for (let i = 0; i < 200 && !waiting?.lastError; i++) {
				await new Promise((r) => setTimeout(r, 50));
				[waiting] = await outboxRows(server, email);
			}
			await new Promise((r) => setTimeout(r, 1000)); // so that its age counts a second
			expect(waiting?.status).toBe('pending');
			expect(waiting?.attempts).toBeGreaterThanOrEqual(1);
			expect(waiting?.lastError).toMatch(/ECONNECTION|ECONNREFUSED/);
			const health = await (await fetch(`${server.url}/healthz`)).json();
			expect(health.mail.pending).toBeGreaterThanOrEqual(1);
			expect(health.mail.oldestPendingSeconds).toBeGreaterThanOrEqual(1);

			await receiver.start();
			await receiver.waitFor(() => receiver.for(email).filter(isReset).length === 1, 20_000);
			// The delivery is recorded just after the receiver has the message.
			const row = await settledRow(server, email);
			expect(row?.status).toBe('delivered');
		} finally {
			await server.stop();
			await receiver.stop();
		}
	}, 60_000);
});

/** A database with `n` messages queued before any server runs, and its data folder. */
async function queuedBefore(n: number, prefix = 'queued') {
	const dataDir = mkdtempSync(join(tmpdir(), 'dakshata-mail-'));
	const handle = await openDatabase({ url: `file:${join(dataDir, 'test.db')}` });
	await migrateDatabase(handle.db);
	handle.close();
	return { dataDir, addresses: await queueMessages(dataDir, n, prefix) };
}

/** Queues `n` messages to fresh addresses in the database of `dataDir`; returns the addresses. */
async function queueMessages(dataDir: string, n: number, prefix: string) {
	const addresses = Array.from({ length: n }, (_, i) => `${prefix}-${i}-${uniqueEmail('x')}`);
	const handle = await openDatabase({ url: `file:${join(dataDir, 'test.db')}` });
	await handle.db
		.insert(mailOutboxTable)
		.values(
			addresses.map((to) =>
				createMailRow({ kind: 'test', to, locale: 'en', subject: 'Queued', text: 'Hello' }),
			),
		);
	handle.close();
	return addresses;
}

/**
 * `accounts` accounts (returned) and `unknown` addresses without one, each with a password-reset
 * request waiting in the database of `dataDir`, as a process that stopped before handling them
 * would leave it.
 */
async function resetRequestsBefore(dataDir: string, accounts: number, unknown: number) {
	const handle = await openDatabase({ url: `file:${join(dataDir, 'test.db')}` });
	try {
		const emails = Array.from({ length: accounts }, (_, i) => uniqueEmail(`waiting${i}`));
		await handle.db.insert(userTable).values(
			emails.map((email, i) => ({
				id: `waiting${String(i).padStart(17, '0')}`,
				email,
				name: 'Waiting Learner',
				passwordHash: 'x',
			})),
		);
		const addresses = [
			...emails,
			...Array.from({ length: unknown }, (_, i) => uniqueEmail(`unknown${i}`)),
		];
		await handle.db.insert(passwordResetRequestTable).values(
			addresses.map((email, i) => ({
				id: `request${String(i).padStart(17, '0')}`,
				email,
				locale: 'en',
				createdAt: new Date(),
			})),
		);
		return emails;
	} finally {
		handle.close();
	}
}

describe('mail while the mail server itself fails', () => {
	async function allRows(server: TestServer) {
		const handle = await openDatabase({ url: server.databaseUrl });
		try {
			return await handle.db.select().from(mailOutboxTable);
		} finally {
			handle.close();
		}
	}

	it('tries one message at a time while the server is unreachable, not every queued one, and sends them all once it is back', async () => {
		const receiver = await SmtpReceiver.create();
		const { dataDir, addresses } = await queuedBefore(60);
		const server = await startServer({ env: { SMTP_URL: receiver.url, ...MAIL_ENV }, dataDir });
		try {
			// Retries start at 0.5 s: in 3 s each of the 60 would have been tried about four times.
			await new Promise((r) => setTimeout(r, 3000));
			const rows = await allRows(server);
			const attempts = rows.reduce((sum, r) => sum + r.attempts, 0);
			expect(attempts).toBeGreaterThanOrEqual(20); // the first batch, before the outage was known
			expect(attempts).toBeLessThanOrEqual(26);
			expect(rows.filter((r) => r.attempts === 0).length).toBeGreaterThanOrEqual(34);
			expect(rows.every((r) => r.status === 'pending')).toBe(true);

			await receiver.start();
			await receiver.waitFor(
				() => addresses.every((to) => receiver.for(to).length === 1),
				30_000,
				'every queued message',
			);
			await new Promise((r) => setTimeout(r, 500));
			expect((await allRows(server)).every((r) => r.status === 'delivered')).toBe(true);
			expect(receiver.received).toHaveLength(60);
		} finally {
			await server.stop();
			await receiver.stop();
		}
	}, 60_000);

	it('fails no message when the server refuses our login (a wrong SMTP password): they wait for it', async () => {
		const receiver = await SmtpReceiver.create();
		await receiver.start();
		const { dataDir } = await queuedBefore(5);
		const wrong = receiver.url.replace(/:[^:@/]+@/, ':not-the-password@');
		expect(wrong).not.toBe(receiver.url);
		const server = await startServer({ env: { SMTP_URL: wrong, ...MAIL_ENV }, dataDir });
		try {
			await new Promise((r) => setTimeout(r, 2000));
			const rows = await allRows(server);
			expect(rows.filter((r) => r.attempts > 0).length).toBeGreaterThanOrEqual(1);
			for (const row of rows) expect(row.status).toBe('pending');
			expect(rows.find((r) => r.attempts > 0)?.lastError).toMatch(/^EAUTH/);
			expect(receiver.received).toHaveLength(0);
		} finally {
			await server.stop();
			await receiver.stop();
		}
	}, 60_000);
});

describe('mail with two server processes on one database', () => {
	it('delivers every queued message exactly once, including those queued before start', async () => {
		const receiver = await SmtpReceiver.create();
		await receiver.start();
		// 60 messages waiting in the outbox before any server runs (as after a restart).
		const { dataDir, addresses } = await queuedBefore(60, 'bulk');
		// And 40 reset requests not yet handled: 30 for accounts, 10 for addresses without one.
		const resetAccounts = await resetRequestsBefore(dataDir, 30, 10);

		const env = { SMTP_URL: receiver.url, ...MAIL_ENV };
		// One after the other: two cold starts at once can outlast the start-up deadline on a busy machine.
		const a = await startServer({ env, dataDir });
		const b = await startServer({ env, dataDir }).catch(async (error) => {
			await a.stop();
			throw error;
		});
		try {
			// 300 more while both run: both senders poll the same outbox and race for every batch.
			const more = await queueMessages(dataDir, 300, 'race');
			// Both processes also queue mail of their own while they drain the backlog.
			const users = await Promise.all([signUp(a.url), signUp(b.url)]);
			await Promise.all([requestReset(a.url, users[0].email), requestReset(b.url, users[1].email)]);
			// Each user has a confirmation mail and a reset mail; each queued address one message.
			const expected = new Map([
				...[...addresses, ...more].map((to) => [to, 1] as const),
				[users[0].email, 2],
				[users[1].email, 2],
				...resetAccounts.map((to) => [to, 1] as const),
			]);
			await receiver.waitFor(
				() => [...expected].every(([to, n]) => receiver.for(to).length >= n),
				60_000,
				'all messages',
			);
			await new Promise((r) => setTimeout(r, 1000));
			const ids = receiver.received.map((m) => m.parsed.messageId);
			expect(new Set(ids).size).toBe(ids.length); // no Message-ID twice
			for (const [to, n] of expected) expect(receiver.for(to)).toHaveLength(n);
			for (const to of resetAccounts) expect(receiver.for(to).filter(isReset)).toHaveLength(1);
			// Nothing else arrived (the 10 addresses without an account got nothing), nothing waits.
			expect(receiver.received).toHaveLength([...expected.values()].reduce((a, n) => a + n, 0));
			const handle = await openDatabase({ url: a.databaseUrl });
			try {
				expect(await handle.db.select().from(passwordResetRequestTable)).toEqual([]);
			} finally {
				handle.close();
			}
		} finally {
			await Promise.all([a.stop(), b.stop()]);
			await receiver.stop();
		}
	}, 180_000);
});

describe('mail without SMTP', () => {
	it('writes the message to the outbox folder before the request answers', async () => {
		// The shared test server has no SMTP_URL; this is the path local installs and tests use.
		const base = inject('baseUrl');
		const { email } = await signUp(base);
		expect((await requestReset(base, email)).status).toBe(200);
		const mail = readLatestMail(inject('dataDir'), email) as
			{ subject: string; text: string; html?: string; messageId?: string } | undefined;
		expect(mail?.subject).toBe('Reset your Dakshata password');
		expect(mail?.html).toContain('reset-password?token=');
		expect(mail?.messageId).toMatch(/^<[a-z2-9]{24}@/);
	});
});
