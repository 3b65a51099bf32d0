/**
 * An admin follows a name in the users list to that account's page, which passes an axe sweep in
 * English and Bengali on a 360 px wide screen.
 */
import { eq } from 'drizzle-orm';
import { userTable } from '../../db/schema.ts';
import { signUp } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';

test('an admin opens a learner’s page from the users list, and it has no axe violations', async ({
	page,
	context,
}) => {
	const base = process.env.E2E_BASE_URL!;
	const learner = await signUp(base, { name: 'Sharmin Akter' });
	const admin = await signUp(base, { name: 'Page Admin' });
	const { db } = await getTestDb(process.env.E2E_DATABASE_URL!);
	await db.update(userTable).set({ role: 'admin' }).where(eq(userTable.email, admin.email));
	await context.addCookies(
		[...admin.browser.cookies].map(([name, value]) => ({ name, value, url: base })),
	);

	await page.goto(`/admin/users?q=${encodeURIComponent(learner.email)}`);
	await page.getByRole('link', { name: 'Sharmin Akter' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('User: Sharmin Akter');
	await expect(page.getByRole('heading', { name: 'Where they are signed in' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto(page.url().replace(base, `${base}/bn`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('ব্যবহারকারী: Sharmin Akter');
	await expectNoAxeViolations(page);
});
