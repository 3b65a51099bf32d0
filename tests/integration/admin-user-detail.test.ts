/**
 * /admin/users/<id>: the link from the users list leads to the account's profile, role, sessions,
 * enrolments, certificates and audit entries, in all three languages; only admins see it.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { userTable } from '../../db/schema.ts';
import { signIn, signUp } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import { Browser } from '../helpers/http.ts';

const base = inject('baseUrl');
const dbUrl = inject('databaseUrl');

async function createAdmin() {
	const admin = await signUp(base, { name: 'Detail Admin' });
	const { db } = await getTestDb(dbUrl);
	await db.update(userTable).set({ role: 'admin' }).where(eq(userTable.email, admin.email));
	return admin;
}

async function getUserId(email: string) {
	const { db } = await getTestDb(dbUrl);
	return (await db.select().from(userTable).where(eq(userTable.email, email)).get())!.id;
}

describe('/admin/users/<id>', () => {
	it('follows the users list link to the account’s profile, sessions, certificates and audit entries', async () => {
		const admin = await createAdmin();
		const learner = await signUp(base, { name: 'Nusrat Jahan', locale: 'bn' });
		await signIn(
			base,
			learner.email,
			undefined,
			'Mozilla/5.0 (Linux; Android 14; Pixel 8) Chrome/156.0 Mobile Safari/537.36',
		);
		for (const lesson of ['first-steps', 'next-steps']) {
			expect(
				(
					await learner.browser.postJson('/api/progress', {
						course: 'cert-basics',
						lesson,
						action: 'complete',
					})
				).status,
			).toBe(200);
		}
		const id = await getUserId(learner.email);
		const changed = await admin.browser.postForm('/admin/users', {
			action: 'role',
			userId: id,
			role: 'instructor',
		});
		expect(changed.status).toBe(303);

		const list = await (
			await admin.browser.get(`/admin/users?q=${encodeURIComponent(learner.email)}`)
		).text();
		expect(list).toContain(`href="/admin/users/${id}"`);
		const res = await admin.browser.get(`/admin/users/${id}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('User: Nusrat Jahan');
		expect(html).toContain(learner.email);
		expect(html).toContain('Instructor');
		expect(html).toContain('বাংলা');
		expect(html).toContain('Where they are signed in');
		expect(html).toMatch(/Android/);
		expect(html).toContain('cert-basics');
		expect(html).toContain('Certificate basics (test fixture)');
		expect(html).toMatch(/href="\/verify\/[a-z2-7]{32}"/);
		expect(html).toContain('user.role');
		expect(html).toContain(
			'{&quot;from&quot;:&quot;learner&quot;,&quot;to&quot;:&quot;instructor&quot;}',
		);
	});

	it('is in Bengali and Hindi under /bn/ and /hi/', async () => {
		const admin = await createAdmin();
		const id = await getUserId(admin.email);
		const bn = await (await admin.browser.get(`/bn/admin/users/${id}`)).text();
		expect(bn).toContain('<html lang="bn"');
		expect(bn).toContain('ব্যবহারকারী: Detail Admin');
		expect(bn).toContain('প্রোফাইল');
		const hi = await (await admin.browser.get(`/hi/admin/users/${id}`)).text();
		expect(hi).toContain('उपयोगकर्ता: Detail Admin');
		expect(hi).toContain('प्रोफ़ाइल');
	});

	it('answers 404 for an unknown or malformed id, 403 to learners, and sends visitors to sign in', async () => {
		const admin = await createAdmin();
		expect((await admin.browser.get('/admin/users/aaaaaaaaaaaaaaaaaaaaaaaa')).status).toBe(404);
		expect((await admin.browser.get('/admin/users/NOT-AN-ID')).status).toBe(404);
		const learner = await signUp(base);
		const id = await getUserId(admin.email);
		const refused = await learner.browser.get(`/admin/users/${id}`);
		expect(refused.status).toBe(403);
		expect(await refused.text()).not.toContain(admin.email);
		const anonymous = await new Browser(base).get(`/admin/users/${id}`);
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toContain('/login?next=');
	});
});
