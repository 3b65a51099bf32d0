import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { sessionTable, userTable } from '../../db/schema.ts';
import {
	confirmEmailFromMail,
	GOOD_PASSWORD,
	readLatestMail,
	signIn,
	signUp,
	uniqueEmail,
} from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import { Browser } from '../helpers/http.ts';

const base = inject('baseUrl');
const dataDir = inject('dataDir');
const dbUrl = inject('databaseUrl');

async function userByEmail(email: string) {
	const { db } = await getTestDb(dbUrl);
	return db.select().from(userTable).where(eq(userTable.email, email)).get();
}

describe('sign up', () => {
	it('creates the account with a normalised name and signs the learner in', async () => {
		const email = uniqueEmail();
		// NFD input (decomposed) must be stored NFC, trimmed, with inner spaces collapsed.
		const { browser } = await signUp(base, {
			email: email.toUpperCase(),
			name: '  রহিমা   খাতুন  '.normalize('NFD'),
		});
		const user = await userByEmail(email);
		expect(user?.name).toBe('রহিমা খাতুন'.normalize('NFC'));
		expect(user?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		const account = await browser.get('/account');
		expect(account.status).toBe(200);
		expect(await account.text()).toContain('রহিমা খাতুন');
	});

	it.each<[string, Record<string, string>, string]>([
		['an empty name', { name: '   ' }, 'Enter your full name.'],
		['a name over 100 characters', { name: 'a'.repeat(101) }, 'Use at most 100 characters.'],
		[
			'a malformed email',
			{ email: 'not-an-email' },
			'Enter an email address like name@example.com.',
		],
		['a short password', { password: 'short' }, 'Use at least 8 characters.'],
		['a common password', { password: 'password123' }, 'one of the most common'],
		['an unknown language', { locale: 'fr' }, 'Choose one of the languages listed.'],
	])(
		'refuses %s with a 400, a message beside the field, and creates nothing',
		async (_label, override, message) => {
			const email = override.email ?? uniqueEmail();
			const browser = new Browser(base);
			const res = await browser.postForm('/signup', {
				name: 'Asha Devi',
				email,
				password: GOOD_PASSWORD,
				locale: 'hi',
				...override,
			});
			expect(res.status).toBe(400);
			const html = await res.text();
			expect(html).toContain(message);
			if (!override.email) expect(html).toContain(`value="${email}"`); // typed values are kept
			expect(html).not.toContain(GOOD_PASSWORD); // passwords are never echoed
			expect(await userByEmail(email)).toBeUndefined();
		},
	);

	it('answers a sign-up with a taken email exactly as a new one, and mails the owner instead', async () => {
		const { email } = await signUp(base);
		const before = await userByEmail(email);
		const fresh = await new Browser(base).postForm('/signup', {
			name: 'New Person',
			email: uniqueEmail(),
			password: GOOD_PASSWORD,
			locale: 'en',
		});
		const taken = await new Browser(base).postForm('/signup', {
			name: 'Someone Else',
			email,
			password: 'another good phrase',
			locale: 'en',
		});
		for (const res of [fresh, taken]) {
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe('/login?notice=signed-up');
			expect(res.headers.getSetCookie()).toEqual([]);
		}
		expect(await userByEmail(email)).toEqual(before); // nothing changed
		expect(readLatestMail(dataDir, email)?.subject).toBe('You already have a Dakshata account');
	});

	it('refuses a body that is not a form with a 400', async () => {
		const res = await new Browser(base).postJson('/signup', { name: 'x' });
		expect(res.status).toBe(400);
	});
});

describe('sessions', () => {
	it('stores no usable token: only the SHA-256 of the secret is in the database', async () => {
		const { browser, email } = await signUp(base);
		const token = browser.cookies.get('session')!;
		expect(token).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/);
		const [id, secret] = token.split('.');
		const { db } = await getTestDb(dbUrl);
		const user = await userByEmail(email);
		const rows = await db.select().from(sessionTable).where(eq(sessionTable.userId, user!.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toBe(id);
		expect(Buffer.from(rows[0]!.secretHash).length).toBe(32);
		expect(JSON.stringify(rows[0])).not.toContain(secret);
		// What the database holds cannot be used as a token.
		const forged = new Browser(base);
		forged.cookies.set(
			'session',
			`${id}.${Buffer.from(rows[0]!.secretHash).toString('hex').slice(0, 24)}`,
		);
		expect((await forged.get('/account')).status).toBe(303);
	});

	it('refuses a tampered token', async () => {
		const { browser } = await signUp(base);
		const token = browser.cookies.get('session')!;
		const tampered = new Browser(base);
		tampered.cookies.set('session', token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a'));
		const res = await tampered.get('/account');
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toContain('/login?next=%2Faccount');
	});

	it('refuses a session idle for more than 30 days, and one older than 180 days however active', async () => {
		const { db } = await getTestDb(dbUrl);
		const day = 24 * 60 * 60 * 1000;
		const idle = await signUp(base);
		const idleId = idle.browser.cookies.get('session')!.split('.')[0]!;
		await db
			.update(sessionTable)
			.set({ lastVerifiedAt: new Date(Date.now() - 31 * day) })
			.where(eq(sessionTable.id, idleId));
		expect((await idle.browser.get('/account')).status).toBe(303);
		expect(
			await db.select().from(sessionTable).where(eq(sessionTable.id, idleId)).get(),
		).toBeUndefined();

		const old = await signUp(base);
		const oldId = old.browser.cookies.get('session')!.split('.')[0]!;
		await db
			.update(sessionTable)
			.set({ createdAt: new Date(Date.now() - 181 * day) })
			.where(eq(sessionTable.id, oldId));
		expect((await old.browser.get('/account')).status).toBe(303);
	});

	it('moves the inactivity clock at most hourly, so a page view usually writes nothing', async () => {
		const { db } = await getTestDb(dbUrl);
		const { browser } = await signUp(base);
		const id = browser.cookies.get('session')!.split('.')[0]!;
		const before = (await db.select().from(sessionTable).where(eq(sessionTable.id, id)).get())!
			.lastVerifiedAt;
		await browser.get('/account');
		const after = (await db.select().from(sessionTable).where(eq(sessionTable.id, id)).get())!
			.lastVerifiedAt;
		expect(after.getTime()).toBe(before.getTime());
		const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
		await db
			.update(sessionTable)
			.set({ lastVerifiedAt: twoHoursAgo })
			.where(eq(sessionTable.id, id));
		await browser.get('/account');
		const refreshed = (await db.select().from(sessionTable).where(eq(sessionTable.id, id)).get())!
			.lastVerifiedAt;
		expect(refreshed.getTime()).toBeGreaterThan(Date.now() - 60_000);
	});

	it('ends the session on sign-out (a POST) and refuses the old token afterwards', async () => {
		const { browser } = await signUp(base);
		const token = browser.cookies.get('session')!;
		const res = await browser.postForm('/logout', {});
		expect(res.status).toBe(303);
		const replay = new Browser(base);
		replay.cookies.set('session', token);
		expect((await replay.get('/account')).status).toBe(303);
	});

	it('starts a new session on every sign-in and lets the user end another one', async () => {
		const { browser: first, email } = await signUp(base);
		const { browser: second, res } = await signIn(
			base,
			email,
			GOOD_PASSWORD,
			'Mozilla/5.0 (Linux; Android 14) Chrome/150.0 Mobile Safari/537.36',
		);
		expect(res.status).toBe(303);
		expect(second.cookies.get('session')).not.toBe(first.cookies.get('session'));
		const page = await (await first.get('/account')).text();
		expect(page).toContain('Chrome on Android');
		const otherId = second.cookies.get('session')!.split('.')[0]!;
		const end = await first.postForm('/account', { intent: 'end-session', sessionId: otherId });
		expect(end.status).toBe(303);
		expect((await second.get('/account')).status).toBe(303);
		expect((await first.get('/account')).status).toBe(200);
	});
});

describe('sign in', () => {
	it('refuses a wrong password without saying whether the email exists', async () => {
		const { email } = await signUp(base);
		const wrong = await signIn(base, email, 'not the password');
		const unknown = await signIn(base, uniqueEmail('nobody'), 'not the password');
		expect(wrong.res.status).toBe(401);
		expect(unknown.res.status).toBe(401);
		const a = await wrong.res.text();
		const b = await unknown.res.text();
		expect(a).toContain('The email or password is not correct.');
		expect(b).toContain('The email or password is not correct.');
	});

	it('answers 429 with Retry-After after 5 failures, even for the right password, until the window ends', async () => {
		const { email } = await signUp(base);
		for (let i = 0; i < 5; i++)
			expect((await signIn(base, email, `wrong ${i} password`)).res.status).toBe(401);
		const blocked = await signIn(base, email, GOOD_PASSWORD);
		expect(blocked.res.status).toBe(429);
		expect(Number(blocked.res.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(Number(blocked.res.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
		expect(blocked.browser.cookies.has('session')).toBe(false);
	});
});

describe('CSRF', () => {
	it('refuses a cross-origin form post with 403 and changes nothing', async () => {
		const { browser, email } = await signUp(base);
		const res = await browser.postForm(
			'/account',
			{ intent: 'name', name: 'Hacked Name' },
			{ origin: 'https://evil.example' },
		);
		expect(res.status).toBe(403);
		expect((await userByEmail(email))?.name).toBe('Rahima Khatun');
	});

	it('refuses a cross-origin JSON post and one with no origin at all', async () => {
		const { browser } = await signUp(base);
		expect((await browser.postJson('/logout', {}, { origin: 'https://evil.example' })).status).toBe(
			403,
		);
		expect((await browser.postForm('/logout', {}, { origin: null })).status).toBe(403);
		expect((await browser.get('/account')).status).toBe(200);
	});
});

describe('account page', () => {
	it('changes the certificate name, language, email (with the password) and password', async () => {
		const { browser, email } = await signUp(base);
		expect((await browser.postForm('/account', { intent: 'name', name: 'অমিত রায়' })).status).toBe(
			303,
		);
		expect((await userByEmail(email))?.name).toBe('অমিত রায়');

		const res = await browser.postForm('/account', { intent: 'locale', locale: 'bn' });
		expect(res.headers.get('location')).toBe('/bn/account?done=language');
		expect((await userByEmail(email))?.locale).toBe('bn');

		const newEmail = uniqueEmail('moved');
		const refused = await browser.postForm('/account', {
			intent: 'email',
			email: newEmail,
			currentPassword: 'wrong password',
		});
		expect(refused.status).toBe(400);
		expect(await userByEmail(newEmail)).toBeUndefined();
		const asked = await browser.postForm('/account', {
			intent: 'email',
			email: newEmail,
			currentPassword: GOOD_PASSWORD,
		});
		expect(asked.status).toBe(303);
		expect(asked.headers.get('location')).toBe('/account?done=email-sent');
		// The change waits for the new address to be confirmed.
		expect(await userByEmail(newEmail)).toBeUndefined();
		expect((await confirmEmailFromMail(base, dataDir, newEmail)).status).toBe(200);
		expect(await userByEmail(newEmail)).toBeDefined();

		const other = await signIn(base, newEmail);
		expect(
			(
				await browser.postForm('/account', {
					intent: 'password',
					currentPassword: GOOD_PASSWORD,
					newPassword: 'a brand new passphrase',
				})
			).status,
		).toBe(303);
		expect((await other.browser.get('/account')).status).toBe(303); // other sessions ended
		expect((await browser.get('/account')).status).toBe(200); // this one kept
		expect((await signIn(base, newEmail, 'a brand new passphrase')).res.status).toBe(303);
	});

	it('refuses malformed input on every account form with a 400 and changes nothing', async () => {
		const { browser, email } = await signUp(base);
		const before = await userByEmail(email);
		const bodies: Record<string, string>[] = [
			{ intent: 'name', name: '' },
			{ intent: 'email', email: 'nope', currentPassword: GOOD_PASSWORD },
			{ intent: 'password', currentPassword: GOOD_PASSWORD, newPassword: '123' },
			{ intent: 'locale', locale: 'xx' },
			{ intent: 'end-session', sessionId: '../../etc' },
			{ intent: 'unknown' },
		];
		for (const body of bodies) {
			expect((await browser.postForm('/account', body)).status, JSON.stringify(body)).toBe(400);
		}
		expect(await userByEmail(email)).toEqual(before);
	});
});

describe('password reset', () => {
	it('sends a single-use link through the outbox, sets the password and ends every session', async () => {
		const { browser, email } = await signUp(base);
		const res = await new Browser(base).postForm('/reset-password', { email });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('If an account uses that email');
		const mail = readLatestMail(dataDir, email);
		expect(mail?.subject).toBe('Reset your Dakshata password');
		const link = /https?:\/\/\S+reset-password\?token=\S+/.exec(mail!.text)![0];
		const token = new URL(link).searchParams.get('token')!;

		const visitor = new Browser(base);
		const form = await visitor.get(`/reset-password?token=${token}`);
		expect(await form.text()).toContain('Choose a new password');
		const done = await visitor.postForm('/reset-password', {
			token,
			password: 'fresh garden lantern',
		});
		expect(done.status).toBe(303);
		expect((await browser.get('/account')).status).toBe(303); // the old session is gone
		expect((await signIn(base, email, 'fresh garden lantern')).res.status).toBe(303);
		// The link works once.
		const again = await visitor.postForm('/reset-password', {
			token,
			password: 'another good phrase',
		});
		expect(again.status).toBe(400);
		expect((await signIn(base, email, 'another good phrase')).res.status).toBe(401);
	});

	it('answers the same for an unknown email and sends nothing', async () => {
		const email = uniqueEmail('ghost');
		const res = await new Browser(base).postForm('/reset-password', { email });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('If an account uses that email');
		expect(readLatestMail(dataDir, email)).toBeUndefined();
	});

	it('refuses an expired or made-up token', async () => {
		const res = await new Browser(base).get(
			'/reset-password?token=aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb',
		);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('This reset link is not valid any more.');
	});
});

describe('production cookie and headers', () => {
	it('uses a __Host- cookie (Secure, HttpOnly, SameSite=Lax, Path=/, no Domain) and HSTS when the site is https', async () => {
		const { startServer } = await import('../helpers/server.ts');
		const server = await startServer({ env: { SITE_URL: 'https://learn.example.org' } });
		try {
			// A browser on the public https site sends that origin (the proxy hop in between is http).
			const email = uniqueEmail('https');
			const browser = new Browser(server.url);
			const origin = { origin: 'https://learn.example.org' };
			await browser.postForm(
				'/signup',
				{ name: 'Secure Person', email, password: GOOD_PASSWORD, locale: 'en' },
				origin,
			);
			const res = await browser.postForm('/login', { email, password: GOOD_PASSWORD }, origin);
			expect(res.status).toBe(303);
			const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-session='))!;
			expect(cookie).toBeDefined();
			expect(cookie).toMatch(/; Secure/i);
			expect(cookie).toMatch(/; HttpOnly/i);
			expect(cookie).toMatch(/; SameSite=Lax/i);
			expect(cookie).toMatch(/; Path=\//i);
			expect(cookie).not.toMatch(/Domain=/i);
			expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
		} finally {
			await server.stop();
		}
	}, 60_000);

	it('uses a plain session cookie without HSTS over http on localhost', async () => {
		const email = uniqueEmail('http');
		const browser = new Browser(base);
		await browser.postForm('/signup', {
			name: 'Local Person',
			email,
			password: GOOD_PASSWORD,
			locale: 'en',
		});
		const res = await browser.postForm('/login', { email, password: GOOD_PASSWORD });
		const cookie = res.headers.getSetCookie().find((c) => c.startsWith('session='))!;
		expect(cookie).toMatch(/; HttpOnly/i);
		expect(cookie).not.toMatch(/; Secure/i);
		expect(res.headers.get('strict-transport-security')).toBeNull();
	});
});

describe('malformed input on the other forms', () => {
	it('answers 400 on sign-in, reset and setup forms with bad or missing fields, and signs nobody in', async () => {
		const browser = new Browser(base);
		expect((await browser.postForm('/login', { email: 'nope' })).status).toBe(400);
		expect(
			(await browser.postForm('/login', { email: uniqueEmail(), password: 'x'.repeat(300) }))
				.status,
		).toBe(400);
		expect((await browser.postJson('/login', { email: 'a@b.c', password: 'x' })).status).toBe(400);
		expect((await browser.postForm('/reset-password', { email: 'not an email' })).status).toBe(400);
		expect(
			(await browser.postForm('/reset-password', { token: 'garbage', password: 'short' })).status,
		).toBe(400);
		expect(
			(
				await browser.postForm('/setup', {
					token: 'garbage',
					name: '',
					email: 'x',
					password: '1',
					locale: 'zz',
				})
			).status,
		).toBe(400);
		expect(browser.cookies.size).toBe(0);
	});
});
