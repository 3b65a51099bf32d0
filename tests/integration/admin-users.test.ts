import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { auditLogTable, sessionTable, userTable } from '../../db/schema.ts';
import { confirmEmailFromMail, GOOD_PASSWORD, signIn, signUp } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import { Browser } from '../helpers/http.ts';

const base = inject('baseUrl');
const dbUrl = inject('databaseUrl');

/** Signs up a user and makes them an admin directly in the database (as `npm run user:create` would). */
export async function createAdmin() {
	const admin = await signUp(base, { name: 'Site Admin' });
	const { db } = await getTestDb(dbUrl);
	await db.update(userTable).set({ role: 'admin' }).where(eq(userTable.email, admin.email));
	return admin;
}

async function userId(email: string) {
	const { db } = await getTestDb(dbUrl);
	return (await db.select().from(userTable).where(eq(userTable.email, email)).get())!.id;
}

describe('admin users page', () => {
	it('is refused to learners with 403 and sends visitors to sign in', async () => {
		const { browser } = await signUp(base);
		expect((await browser.get('/admin/users')).status).toBe(403);
		const anonymous = await new Browser(base).get('/admin/users');
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toContain('/login?next=');
	});

	it('finds users by name or email', async () => {
		const admin = await createAdmin();
		const target = await signUp(base, { name: 'Findable Person' });
		const html = await (
			await admin.browser.get(`/admin/users?q=${encodeURIComponent('findable')}`)
		).text();
		expect(html).toContain(target.email);
		const none = await (await admin.browser.get('/admin/users?q=zz-nobody-zz')).text();
		expect(none).toContain('No users match this search.');
	});

	it('disables a user: their sessions end at once, they cannot sign in, and the audit log records it', async () => {
		const admin = await createAdmin();
		const victim = await signUp(base);
		const id = await userId(victim.email);
		const res = await admin.browser.postForm('/admin/users', { action: 'disable', userId: id });
		expect(res.status).toBe(303);
		const { db } = await getTestDb(dbUrl);
		expect(await db.select().from(sessionTable).where(eq(sessionTable.userId, id))).toEqual([]);
		expect((await victim.browser.get('/account')).status).toBe(303);
		const again = await signIn(base, victim.email, GOOD_PASSWORD);
		expect(again.res.status).toBe(403);
		expect(await again.res.text()).toContain('This account has been disabled.');
		const audit = await db
			.select()
			.from(auditLogTable)
			.where(eq(auditLogTable.target, victim.email));
		expect(audit.map((a) => a.action)).toEqual(['user.disable']);
		const log = await (await admin.browser.get('/admin/audit')).text();
		expect(log).toContain(victim.email);

		expect(
			(await admin.browser.postForm('/admin/users', { action: 'enable', userId: id })).status,
		).toBe(303);
		expect((await signIn(base, victim.email, GOOD_PASSWORD)).res.status).toBe(303);
	});

	it('changes a role, and refuses malformed changes and changes to the admin themself', async () => {
		const admin = await createAdmin();
		const target = await signUp(base);
		const id = await userId(target.email);
		expect(
			(
				await admin.browser.postForm('/admin/users', {
					action: 'role',
					userId: id,
					role: 'instructor',
				})
			).status,
		).toBe(303);
		const { db } = await getTestDb(dbUrl);
		expect((await db.select().from(userTable).where(eq(userTable.id, id)).get())!.role).toBe(
			'instructor',
		);
		expect(
			(await admin.browser.postForm('/admin/users', { action: 'role', userId: id, role: 'king' }))
				.status,
		).toBe(400);
		expect(
			(await admin.browser.postForm('/admin/users', { action: 'explode', userId: id })).status,
		).toBe(400);
		expect(
			(
				await admin.browser.postForm('/admin/users', {
					action: 'disable',
					userId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
				})
			).status,
		).toBe(404);
		const self = await userId(admin.email);
		expect(
			(await admin.browser.postForm('/admin/users', { action: 'disable', userId: self })).status,
		).toBe(409);
		expect((await db.select().from(userTable).where(eq(userTable.id, id)).get())!.role).toBe(
			'instructor',
		);
	});
});

describe('first-run setup', () => {
	it('logs a one-time setup link when no admin exists, which creates the first admin once', async () => {
		const { startServer } = await import('../helpers/server.ts');
		const server = await startServer({ env: { LOG_LEVEL: 'info' } });
		try {
			const link = /"setupLink":"([^"]+)"/.exec(server.output())?.[1];
			expect(link).toBeDefined();
			const browser = new Browser(server.url);
			const form = await browser.get(new URL(link!).pathname + new URL(link!).search);
			expect(form.status).toBe(200);
			const token = new URL(link!).searchParams.get('token')!;
			const res = await browser.postForm('/setup', {
				token,
				name: 'First Admin',
				email: 'root@example.org',
				password: GOOD_PASSWORD,
				locale: 'en',
			});
			expect(res.status).toBe(303);
			expect((await browser.get('/admin/users')).status).toBe(200);
			const reuse = await new Browser(server.url).postForm('/setup', {
				token,
				name: 'Second',
				email: 'two@example.org',
				password: GOOD_PASSWORD,
				locale: 'en',
			});
			expect(reuse.status).toBe(400);
		} finally {
			await server.stop();
		}
	});
});

describe('npm run user:create', () => {
	it('creates an admin from the command line; a promotion keeps the password only of a confirmed address', async () => {
		const { spawn } = await import('node:child_process');
		const { nodeBin, root } = await import('../helpers/server.ts');
		// Asynchronous, so the test's HTTP client keeps noticing sockets the server closes meanwhile.
		const run = (...args: string[]) =>
			new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
				const child = spawn(nodeBin, ['scripts/user-create.ts', ...args], {
					cwd: root,
					env: { ...process.env, DATABASE_URL: dbUrl },
				});
				let stdout = '';
				let stderr = '';
				child.stdout.on('data', (d) => (stdout += d));
				child.stderr.on('data', (d) => (stderr += d));
				child.on('close', (status) => resolve({ status, stdout, stderr }));
			});
		const email = `cli-${Date.now()}@example.org`;
		const created = await run(
			'--email',
			email,
			'--role',
			'admin',
			'--name',
			'Command Line',
			'--password',
			'a long cli passphrase',
		);
		expect(created.status).toBe(0);
		expect(created.stdout).toContain(`Created admin ${email}.`);
		expect((await signIn(base, email, 'a long cli passphrase')).res.status).toBe(303);

		// A confirmed address: the promotion keeps the password and the sessions.
		const learner = await signUp(base);
		await confirmEmailFromMail(base, inject('dataDir'), learner.email);
		const promoted = await run('--email', learner.email, '--role', 'instructor');
		expect(promoted.stdout).toContain('is now instructor');
		const { db } = await getTestDb(dbUrl);
		expect(
			(await db.select().from(userTable).where(eq(userTable.email, learner.email)).get())!.role,
		).toBe('instructor');
		expect((await signIn(base, learner.email, GOOD_PASSWORD)).res.status).toBe(303);
		expect((await learner.browser.get('/account')).status).toBe(200);

		// An address nobody confirmed (anyone could have signed up with it first): the account gets a
		// new password and every session ends, so whoever registered it loses it.
		const squatter = await signUp(base);
		const reset = await run('--email', squatter.email, '--role', 'instructor');
		expect(reset.stdout).toContain('is now instructor');
		const temporary = /Temporary password[^:]*: (\S+)/.exec(reset.stdout)?.[1];
		expect(temporary).toBeTruthy();
		expect((await squatter.browser.get('/account')).status).toBe(303);
		expect((await signIn(base, squatter.email, GOOD_PASSWORD)).res.status).toBe(401);
		expect((await signIn(base, squatter.email, temporary)).res.status).toBe(303);
		const row = await db.select().from(userTable).where(eq(userTable.email, squatter.email)).get();
		expect(row?.emailVerifiedAt).not.toBeNull();

		const bad = await run('--email', 'not-an-email', '--role', 'admin');
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('--email is required');
	}, 150_000);
});
