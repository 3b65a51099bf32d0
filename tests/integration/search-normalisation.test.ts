import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { userTable } from '../../db/schema.ts';
import { signUp, uniqueEmail } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';

const base = inject('baseUrl');
const dbUrl = inject('databaseUrl');

describe('admin search', () => {
	it('finds a Bengali name typed with the other Unicode form of য় or with stray spaces', async () => {
		const { browser: admin, email: adminEmail } = await signUp(base, { name: 'Search Admin' });
		const { db } = await getTestDb(dbUrl);
		await db.update(userTable).set({ role: 'admin' }).where(eq(userTable.email, adminEmail));
		// Signed up with the precomposed letter য় (U+09DF); the server stores the NFC form.
		const email = uniqueEmail('joya');
		await signUp(base, { name: 'জয়া   সরকার'.replace('য়', '\u09df'), email });
		for (const query of ['জয়া', 'জ\u09dfা', 'জয়া সরকার', '  জয়া   সরকার '.normalize('NFD')]) {
			const html = await (await admin.get(`/admin/users?q=${encodeURIComponent(query)}`)).text();
			expect(html, `query ${JSON.stringify(query)}`).toContain(email);
		}
		const none = await (await admin.get(`/admin/users?q=${encodeURIComponent('জয়ন্ত')}`)).text();
		expect(none).not.toContain(email);
	});
});
