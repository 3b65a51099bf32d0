import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { quizAttemptTable, userTable } from '../../db/schema.ts';
import { signUp } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import { Browser } from '../helpers/http.ts';

const base = inject('baseUrl');
const dbUrl = inject('databaseUrl');
const COURSE = 'microsoft-office';
const FILE = `/courses/${COURSE}/solutions/unit-3-check/messy-file-names-renamed.txt`;
const LESSON = `/courses/${COURSE}/file-naming-and-folders`;

async function recordAttempt(email: string, quizId: string, passed: boolean) {
	const { db } = await getTestDb(dbUrl);
	const userId = (await db.select().from(userTable).where(eq(userTable.email, email)).get())!.id;
	await db.insert(quizAttemptTable).values({
		id: crypto.randomUUID(),
		userId,
		courseSlug: COURSE,
		quizId,
		locale: 'en',
		layout: [],
		startedAt: new Date(),
		submittedAt: new Date(),
		score: passed ? 90 : 40,
		passed,
	});
}

describe('solution files', () => {
	it('refuses a visitor with 403 and a message in their language, and never serves the file publicly', async () => {
		const visitor = new Browser(base);
		const en = await visitor.get(FILE);
		expect(en.status).toBe(403);
		expect(await en.text()).toContain('Sign in and pass “Unit 3 check: slides and files”');
		const bn = await visitor.get(`/bn${FILE}`);
		expect(bn.status).toBe(403);
		expect(await bn.text()).toContain('সাইন ইন করুন');
		expect((await visitor.get(`/downloads/${COURSE}/messy-file-names-renamed.txt`)).status).toBe(
			404,
		);
		const page = await (await visitor.get(LESSON)).text();
		expect(page).toContain('to unlock the worked solution');
		expect(page).not.toContain(`href="${FILE}"`);
	});

	it('unlocks the file and the link only after the learner passes the named quiz', async () => {
		const { browser, email } = await signUp(base);
		const locked = await browser.get(FILE);
		expect(locked.status).toBe(403);
		expect(await locked.text()).toContain('Pass “Unit 3 check: slides and files” first');

		await recordAttempt(email, 'unit-3-check', false);
		expect((await browser.get(FILE)).status).toBe(403);

		await recordAttempt(email, 'unit-3-check', true);
		const res = await browser.get(FILE);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toBe(
			'attachment; filename="messy-file-names-renamed.txt"',
		);
		expect(res.headers.get('cache-control')).toBe('private, no-store');
		expect(await res.text()).toContain('Questions for Kabir');
		const page = await (await browser.get(LESSON)).text();
		expect(page).toContain(`href="${FILE}"`);
		expect(page).not.toContain('to unlock the worked solution');
	});

	it('does not let another passed quiz, a made-up gate or a crafted name reach the file', async () => {
		const { browser, email } = await signUp(base);
		await recordAttempt(email, 'unit-1-check', true);
		expect(
			(await browser.get(`/courses/${COURSE}/solutions/unit-1-check/messy-file-names-renamed.txt`))
				.status,
		).toBe(404);
		expect((await browser.get(FILE)).status).toBe(403);
		expect(
			(await browser.get(`/courses/${COURSE}/solutions/no-such-quiz/messy-file-names-renamed.txt`))
				.status,
		).toBe(404);
		expect(
			(
				await browser.get(
					`/courses/${COURSE}/solutions/unit-3-check/..%2F..%2Ffiles%2Fmessy-file-names.txt`,
				)
			).status,
		).toBe(404);
		expect(
			(
				await browser.get(
					`/courses/no-such-course/solutions/unit-3-check/messy-file-names-renamed.txt`,
				)
			).status,
		).toBe(404);
	});
});
