import { and, eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import {
	enrolmentTable,
	lessonProgressTable,
	progressEventTable,
	userTable,
} from '../../db/schema.ts';
import { signUp } from '../helpers/accounts.ts';
import { getTestDb } from '../helpers/db.ts';
import { Browser } from '../helpers/http.ts';

const base = inject('baseUrl');
const dbUrl = inject('databaseUrl');
const COURSE = 'getting-started';

async function idOf(email: string) {
	const { db } = await getTestDb(dbUrl);
	return (await db.select().from(userTable).where(eq(userTable.email, email)).get())!.id;
}

async function state(userId: string) {
	const { db } = await getTestDb(dbUrl);
	const progress = await db
		.select()
		.from(lessonProgressTable)
		.where(and(eq(lessonProgressTable.userId, userId), eq(lessonProgressTable.courseSlug, COURSE)));
	const events = await db
		.select()
		.from(progressEventTable)
		.where(and(eq(progressEventTable.userId, userId), eq(progressEventTable.courseSlug, COURSE)));
	const enrolment = await db
		.select()
		.from(enrolmentTable)
		.where(and(eq(enrolmentTable.userId, userId), eq(enrolmentTable.courseSlug, COURSE)))
		.get();
	return { progress, events, enrolment };
}

const complete = (b: Browser, lesson: string, action = 'complete') =>
	b.postJson('/api/progress', { course: COURSE, lesson, action });

describe('enrolment', () => {
	it('enrols with one click, shows Continue, and un-enrolling keeps the history for re-enrolling', async () => {
		const { browser, email } = await signUp(base);
		expect((await browser.postForm(`/courses/${COURSE}`, { action: 'enrol' })).status).toBe(303);
		let page = await (await browser.get(`/courses/${COURSE}`)).text();
		expect(page).toContain('Continue: How a Dakshata course works');
		expect(page).toContain('0 of 4 required items done (0%)');

		expect((await complete(browser, 'how-courses-work')).status).toBe(200);
		page = await (await browser.get(`/courses/${COURSE}`)).text();
		expect(page).toContain('1 of 4 required items done (25%)');
		expect(page).toContain('Continue: Plan your study week');

		expect((await browser.postForm(`/courses/${COURSE}`, { action: 'unenrol' })).status).toBe(303);
		page = await (await browser.get(`/courses/${COURSE}`)).text();
		expect(page).toContain('You have left this course. Your progress is kept.');
		const userId = await idOf(email);
		expect((await state(userId)).progress.filter((p) => p.completedAt)).toHaveLength(1);

		await browser.postForm(`/courses/${COURSE}`, { action: 'enrol' });
		page = await (await browser.get(`/courses/${COURSE}`)).text();
		expect(page).toContain('1 of 4 required items done (25%)');
	});
});

describe('lesson completion', () => {
	it('records one completion and one event when the same request races itself', async () => {
		const { browser, email } = await signUp(base);
		const results = await Promise.all(
			Array.from({ length: 8 }, () => complete(browser, 'plan-your-study-week')),
		);
		expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
		const bodies = await Promise.all(results.map((r) => r.json()));
		expect(bodies.filter((b) => b.changed)).toHaveLength(1);
		const { progress, events, enrolment } = await state(await idOf(email));
		expect(progress.filter((p) => p.completedAt)).toHaveLength(1);
		expect(events.filter((e) => e.kind === 'complete')).toHaveLength(1);
		expect(enrolment?.leftAt).toBeNull(); // completing enrols the learner
	});

	it('undoes a completion, and keeps the event history', async () => {
		const { browser, email } = await signUp(base);
		await complete(browser, 'how-courses-work');
		const res = await complete(browser, 'how-courses-work', 'uncomplete');
		expect(await res.json()).toMatchObject({ ok: true, changed: true, progress: { done: 0 } });
		const { progress, events } = await state(await idOf(email));
		expect(progress[0]!.completedAt).toBeNull();
		expect(events.map((e) => e.kind)).toEqual(['complete', 'uncomplete']);
	});

	it('works as a plain form post and redirects back to the lesson', async () => {
		const { browser } = await signUp(base);
		const res = await browser.postForm('/api/progress', {
			course: COURSE,
			lesson: 'how-courses-work',
			action: 'complete',
			back: `/courses/${COURSE}/how-courses-work`,
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`/courses/${COURSE}/how-courses-work`);
		const page = await (await browser.get(`/courses/${COURSE}/how-courses-work`)).text();
		expect(page).toContain('You completed this lesson.');
		expect(page).toContain('Mark as not complete');
	});

	it('refuses to redirect a form post to another site', async () => {
		const { browser } = await signUp(base);
		const res = await browser.postForm('/api/progress', {
			course: COURSE,
			lesson: 'how-courses-work',
			action: 'complete',
			back: '//evil.example/x',
		});
		expect(res.headers.get('location')).toBe('/dashboard');
	});

	it.each<[string, unknown, number]>([
		['an unknown action', { course: COURSE, lesson: 'how-courses-work', action: 'finish' }, 400],
		['a missing lesson field', { course: COURSE, action: 'complete' }, 400],
		['a malformed slug', { course: '../etc', lesson: 'x', action: 'complete' }, 400],
		['an unknown course', { course: 'no-such-course', lesson: 'x', action: 'complete' }, 404],
		[
			'a lesson of another course',
			{ course: COURSE, lesson: 'inbox-zero', action: 'complete' },
			404,
		],
		['a non-object body', [1, 2, 3], 400],
	])('refuses %s with a 4xx and changes nothing', async (_label, body, status) => {
		const { browser, email } = await signUp(base);
		const res = await browser.postJson('/api/progress', body);
		expect(res.status).toBe(status);
		expect((await res.json()).ok).toBe(false);
		const { progress, events } = await state(await idOf(email));
		expect(progress).toEqual([]);
		expect(events).toEqual([]);
	});

	it('refuses invalid JSON and anonymous callers', async () => {
		const { browser } = await signUp(base);
		const bad = await browser.request('/api/progress', {
			method: 'POST',
			body: '{"course":',
			headers: { 'content-type': 'application/json' },
		});
		expect(bad.status).toBe(400);
		const anonymous = await new Browser(base).postJson('/api/progress', {
			course: COURSE,
			lesson: 'how-courses-work',
			action: 'complete',
		});
		expect(anonymous.status).toBe(401);
	});
});

describe('privacy', () => {
	it('never lets one learner read or change another learner’s progress', async () => {
		const alice = await signUp(base, { name: 'Alice Learner' });
		const bob = await signUp(base, { name: 'Bob Learner' });
		await complete(alice.browser, 'how-courses-work');
		// Bob cannot name Alice in the request: the learner always comes from the session.
		await bob.browser.postJson('/api/progress', {
			course: COURSE,
			lesson: 'how-courses-work',
			action: 'uncomplete',
			userId: await idOf(alice.email),
		});
		expect((await state(await idOf(alice.email))).progress[0]!.completedAt).not.toBeNull();
		const bobsPage = await (await bob.browser.get(`/courses/${COURSE}/how-courses-work`)).text();
		// Bob's lesson page offers "Mark as complete" and shows no completion of its own.
		expect(bobsPage).toContain('name="action" value="complete"');
		expect(bobsPage).not.toMatch(/<p class="done"[^>]*>/);
		const bobsDashboard = await (await bob.browser.get('/dashboard')).text();
		expect(bobsDashboard).not.toContain('Alice Learner');
	});
});

describe('dashboard', () => {
	it('shows enrolled courses with progress and the next lesson, and suggestions for a new learner', async () => {
		const fresh = await signUp(base);
		const empty = await (await fresh.browser.get('/dashboard')).text();
		expect(empty).toContain('Courses to start with');

		const { browser } = await signUp(base);
		await browser.postForm(`/courses/${COURSE}`, { action: 'enrol' });
		await complete(browser, 'how-courses-work');
		await browser.get(`/courses/${COURSE}/plan-your-study-week`); // the last lesson visited
		const page = await (await browser.get('/dashboard')).text();
		expect(page).toContain('Getting started with Dakshata');
		expect(page).toContain('1 of 4 required items done (25%)');
		expect(page).toContain('Next: Plan your study week');
	});

	it('sends visitors to sign in', async () => {
		const res = await new Browser(base).get('/dashboard');
		expect(res.status).toBe(303);
	});
});
