/**
 * The accessibility sweep: every page that exists, in each language where it differs, at phone
 * width, checked by axe-core against WCAG 2.2 AA. Fails on any violation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { mailOutboxTable, userTable } from '../../db/schema.ts';
import { createMailRow } from '../../src/lib/server/mail/outbox.ts';
import { readLatestMail, signUp } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import { signInAsFixtureInstructor } from './analytics-setup.ts';
import { expectNoAxeViolations, test } from './fixtures.ts';
import { openQuiz, signInLearner, startAttempt } from './quiz-helpers.ts';

const PUBLIC_PAGES = [
	'/',
	'/courses',
	'/bn/',
	'/hi/courses',
	'/no-such-page',
	'/docs/authoring',
	'/login',
	'/signup',
	'/reset-password',
	'/courses/getting-started',
	'/courses/getting-started/how-courses-work',
	'/courses/getting-started/plan-your-study-week',
	'/bn/courses/getting-started',
	'/hi/courses/getting-started/how-courses-work',
	'/verify/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
	'/confirm-email?token=aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbb',
	'/login?notice=signed-up',
];

for (const path of PUBLIC_PAGES) {
	test(`public page ${path} has no axe violations`, async ({ page }) => {
		await page.goto(path);
		await expectNoAxeViolations(page);
	});
}

/**
 * Every course page in three languages, every English lesson page, and, of the translated lessons,
 * the first one of each unit in each language (the translated pages share the English pages'
 * template and components; one per unit catches what a language changes, such as a long word in
 * a narrow column, without sweeping every page three times).
 */
function coursePages(): string[] {
	const root = join(import.meta.dirname, '..', '..', 'courses');
	const paths: string[] = [];
	for (const course of readdirSync(root)) {
		if (!existsSync(join(root, course, 'course.md'))) continue;
		if (/^draft:\s*true/m.test(readFileSync(join(root, course, 'course.md'), 'utf8'))) continue;
		paths.push(`/courses/${course}`, `/bn/courses/${course}`, `/hi/courses/${course}`);
		for (const unit of readdirSync(join(root, course))
			.filter((d) => /^\d+-/.test(d))
			.sort()) {
			const translatedInUnit = new Set<string>();
			for (const file of readdirSync(join(root, course, unit))
				.filter((f) => f.endsWith('.mdx'))
				.sort()) {
				const m = /^\d+-(.+?)(?:\.(bn|hi))?\.mdx$/.exec(file);
				if (!m) continue;
				if (m[2]) {
					if (translatedInUnit.has(m[2])) continue;
					translatedInUnit.add(m[2]);
				}
				paths.push(`${m[2] ? `/${m[2]}` : ''}/courses/${course}/${m[1]}`);
			}
		}
	}
	return paths;
}

// One test per page, so a slow machine gives each page its own time limit and a failure names the page.
for (const path of coursePages()) {
	test(`course page ${path} has no axe violations`, async ({ page }) => {
		await page.goto(path);
		await expectNoAxeViolations(page);
	});
}

test('the certificate verify page has no axe violations in any language', async ({ page }) => {
	// Earn a certificate over HTTP in the fixture course (tests/fixtures/courses/cert-basics).
	const { browser, email } = await signUp(process.env.E2E_BASE_URL!, { name: 'প্রিয়াঙ্কা চক্রবর্তী' });
	for (const lesson of ['first-steps', 'next-steps'])
		await browser.postJson('/api/progress', { course: 'cert-basics', lesson, action: 'complete' });
	const mail = readLatestMail(process.env.E2E_DATA_DIR!, email);
	const id = /\/verify\/([a-z2-7]{32})/.exec(mail?.text ?? '')?.[1];
	test.expect(id, 'the certificate email links the verify page').toBeTruthy();
	for (const prefix of ['', '/bn', '/hi']) {
		await page.goto(`${prefix}/verify/${id}`);
		await expectNoAxeViolations(page);
	}
});

test('the instructor analytics pages have no axe violations in any language', async ({ page }) => {
	await signInAsFixtureInstructor(page);
	for (const path of [
		'/instructor',
		'/instructor/analytics-fixture',
		'/instructor/analytics-fixture/learners',
		'/instructor/analytics-fixture/learners?q=zz-nobody',
		'/bn/instructor/analytics-fixture',
		'/hi/instructor/analytics-fixture/learners',
	]) {
		const response = await page.goto(path);
		test.expect(response?.status(), `${path} is shown, not refused`).toBe(200);
		await expectNoAxeViolations(page);
	}
});

test('quiz pages have no axe violations: practice, sign-in for a final, an attempt one question at a time, a result', async ({
	page,
	context,
}) => {
	// The draft fixture course tests/fixtures/courses/quiz-fixture must be in courses/.
	for (const path of [
		'/courses/getting-started/prove-your-skills/quiz/getting-started-check',
		'/bn/courses/getting-started/prove-your-skills/quiz/getting-started-check',
		'/bn/courses/quiz-fixture/stepwise',
	]) {
		await openQuiz(page, path);
		await expectNoAxeViolations(page);
	}
	await page.goto('/courses/quiz-fixture/final');
	await expectNoAxeViolations(page);
	await signInLearner(context);
	await openQuiz(page, '/courses/quiz-fixture/stepwise');
	await expectNoAxeViolations(page);
	await startAttempt(page);
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await test
		.expect(page.locator('.quiz-result').getByText('Score: 0%.', { exact: true }))
		.toBeVisible();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: 'Attempt 1' }).click();
	await expectNoAxeViolations(page);
});

test('the outgoing mail admin page has no axe violations, with a failed message listed', async ({
	page,
	context,
}) => {
	const base = process.env.E2E_BASE_URL!;
	const { browser, email } = await signUp(base, { name: 'Mail Admin' });
	const { db } = await getTestDb(process.env.E2E_DATABASE_URL!);
	await db.update(userTable).set({ role: 'admin' }).where(eq(userTable.email, email));
	const failed = createMailRow({
		kind: 'test',
		to: 'someone@example.org',
		locale: 'bn',
		subject: 'পাসওয়ার্ড রিসেট',
		text: 'x',
	});
	await db.insert(mailOutboxTable).values({
		...failed,
		status: 'failed',
		attempts: 1,
		lastError: '550 5.1.1 Mailbox unavailable',
	});
	await context.addCookies(
		[...browser.cookies].map(([name, value]) => ({ name, value, url: base })),
	);
	for (const path of ['/admin/mail', '/bn/admin/mail', '/hi/admin/mail']) {
		const response = await page.goto(path);
		test.expect(response?.status(), path).toBe(200);
		await test.expect(page.getByText('550 5.1.1 Mailbox unavailable')).toBeVisible();
		await expectNoAxeViolations(page);
	}
});
