/**
 * E-mail verification, the sign-up answer and throttle, and what a confirmed address unlocks
 * (issue: instructor access must not ride on unconfirmed addresses).
 */
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { emailVerificationTable, userTable } from '../../db/schema.ts';
import { FIXTURE_OTHER_COURSE, FIXTURE_OTHER_INSTRUCTOR } from '../helpers/analytics-fixture.ts';
import {
	confirmEmailFromMail,
	GOOD_PASSWORD,
	readConfirmLink,
	readLatestMail,
	signIn,
	signUp,
	uniqueEmail,
} from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import { Browser } from '../helpers/http.ts';
import { startServer } from '../helpers/server.ts';

const base = inject('baseUrl');
const dataDir = inject('dataDir');
const dbUrl = inject('databaseUrl');

async function userByEmail(email: string) {
	const { db } = await getTestDb(dbUrl);
	return db.select().from(userTable).where(eq(userTable.email, email)).get();
}

describe('confirming an address after sign-up', () => {
	it('mails a single-use link in the learner’s language that confirms the address once', async () => {
		const { email } = await signUp(base, { locale: 'hi' });
		expect((await userByEmail(email))?.emailVerifiedAt).toBeNull();
		const link = readConfirmLink(dataDir, email)!;
		expect(link).toMatch(new RegExp(`^${base}/hi/confirm-email\\?token=`));
		expect(readLatestMail(dataDir, email)?.subject).toBe('दक्षता के लिए अपना ईमेल पता पक्का करें');

		// Opening the link only shows a button: a mail scanner fetching it uses nothing up.
		const url = new URL(link);
		const page = await new Browser(base).get(url.pathname + url.search);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(email);
		expect((await userByEmail(email))?.emailVerifiedAt).toBeNull();

		const confirmed = await new Browser(base).postForm(url.pathname, {
			token: url.searchParams.get('token')!,
		});
		expect(confirmed.status).toBe(200);
		expect(await confirmed.text()).toContain(email);
		expect((await userByEmail(email))?.emailVerifiedAt).toBeInstanceOf(Date);

		const again = await new Browser(base).postForm(url.pathname, {
			token: url.searchParams.get('token')!,
		});
		expect(again.status).toBe(400);
	});

	it('stores only a hash of the link’s secret, and refuses an expired link', async () => {
		const { email } = await signUp(base);
		const token = new URL(readConfirmLink(dataDir, email)!).searchParams.get('token')!;
		const [id, secret] = token.split('.');
		const { db } = await getTestDb(dbUrl);
		const row = await db
			.select()
			.from(emailVerificationTable)
			.where(eq(emailVerificationTable.id, id!))
			.get();
		expect(row).toBeDefined();
		expect(JSON.stringify(row)).not.toContain(secret);
		const lifetime = row!.expiresAt.getTime() - row!.createdAt.getTime();
		expect(Math.abs(lifetime - 24 * 60 * 60 * 1000)).toBeLessThan(1000);

		await db
			.update(emailVerificationTable)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(emailVerificationTable.id, id!));
		const res = await new Browser(base).postForm('/confirm-email', { token });
		expect(res.status).toBe(400);
		expect((await userByEmail(email))?.emailVerifiedAt).toBeNull();
	});

	it('refuses made-up and malformed tokens with a 400', async () => {
		for (const token of [
			'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb',
			'x',
			'../..',
			'a'.repeat(500),
		]) {
			expect(
				(await new Browser(base).get(`/confirm-email?token=${encodeURIComponent(token)}`)).status,
			).toBe(400);
			expect((await new Browser(base).postForm('/confirm-email', { token })).status).toBe(400);
		}
	});

	it('sends a new link from the account page, and only the newest one works', async () => {
		const { browser, email } = await signUp(base);
		const first = readConfirmLink(dataDir, email)!;
		const res = await browser.postForm('/account', { intent: 'verify' });
		expect(res.headers.get('location')).toBe('/account?done=verify');
		const second = readConfirmLink(dataDir, email)!;
		expect(second).not.toBe(first);
		expect(
			(
				await new Browser(base).postForm('/confirm-email', {
					token: new URL(first).searchParams.get('token')!,
				})
			).status,
		).toBe(400);
		expect((await confirmEmailFromMail(base, dataDir, email)).status).toBe(200);
		expect(await (await browser.get('/account')).text()).toContain('confirmed');
	});
});

describe('changing the address', () => {
	it('keeps the old address until the new one is confirmed, then tells the old address', async () => {
		const { browser, email } = await signUp(base);
		const newEmail = uniqueEmail('new');
		const res = await browser.postForm('/account', {
			intent: 'email',
			email: newEmail,
			currentPassword: GOOD_PASSWORD,
		});
		expect(res.headers.get('location')).toBe('/account?done=email-sent');
		expect((await userByEmail(email))?.email).toBe(email);
		expect(await (await browser.get('/account')).text()).toContain(
			`Waiting for you to confirm ${newEmail}`,
		);
		expect((await signIn(base, newEmail)).res.status).toBe(401);

		expect((await confirmEmailFromMail(base, dataDir, newEmail)).status).toBe(200);
		const user = await userByEmail(newEmail);
		expect(user?.emailVerifiedAt).toBeInstanceOf(Date);
		expect(await userByEmail(email)).toBeUndefined();
		expect(readLatestMail(dataDir, email)?.subject).toBe('Your Dakshata email address was changed');
		expect((await signIn(base, newEmail)).res.status).toBe(303);
	});

	it('does not change to an address another account has taken since the link was sent', async () => {
		const { browser } = await signUp(base);
		const wanted = uniqueEmail('wanted');
		await browser.postForm('/account', {
			intent: 'email',
			email: wanted,
			currentPassword: GOOD_PASSWORD,
		});
		const link = readConfirmLink(dataDir, wanted)!;
		await signUp(base, { email: wanted });
		const res = await new Browser(base).postForm('/confirm-email', {
			token: new URL(link).searchParams.get('token')!,
		});
		expect(res.status).toBe(409);
		expect((await userByEmail(wanted))?.name).toBe('Rahima Khatun');
	});
});

describe('instructor access', () => {
	it('needs a confirmed address: a listed address signed up by someone is not enough', async () => {
		const { browser, email } = await signUp(base, {
			email: FIXTURE_OTHER_INSTRUCTOR,
			name: 'Listed Trainer',
		});
		const { db } = await getTestDb(dbUrl);
		await db.update(userTable).set({ role: 'instructor' }).where(eq(userTable.email, email));
		expect((await browser.get(`/instructor/${FIXTURE_OTHER_COURSE}`)).status).toBe(403);
		expect(await (await browser.get('/instructor')).text()).toContain('Confirm your email address');

		expect((await confirmEmailFromMail(base, dataDir, email)).status).toBe(200);
		expect((await browser.get(`/instructor/${FIXTURE_OTHER_COURSE}`)).status).toBe(200);
	});
});

describe('sign-up throttle', () => {
	it('refuses more than SIGNUP_LIMIT sign-ups an hour from one address with a 429 and creates nothing', async () => {
		const server = await startServer({ env: { SIGNUP_LIMIT: '3' } });
		try {
			const post = (email: string) =>
				new Browser(server.url).postForm('/signup', {
					name: 'Busy Signer',
					email,
					password: GOOD_PASSWORD,
					locale: 'en',
				});
			for (let i = 0; i < 3; i++) expect((await post(uniqueEmail('burst'))).status).toBe(303);
			const email = uniqueEmail('burst');
			const refused = await post(email);
			expect(refused.status).toBe(429);
			expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(await refused.text()).toContain('Too many attempts');
			const handle = await openDatabase({ url: server.databaseUrl });
			expect(
				await handle.db.select().from(userTable).where(eq(userTable.email, email)).get(),
			).toBeUndefined();
			handle.close();
		} finally {
			await server.stop();
		}
	}, 60_000);
});
