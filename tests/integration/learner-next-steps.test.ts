/**
 * What a learner is told about what is left: the "Still to do for your certificate" list, where
 * "Continue" goes, and the signed-in sign-in page.
 */
import { describe, expect, inject, it } from 'vitest';
import { GOOD_PASSWORD, signUp } from '../helpers/accounts.ts';
import { Browser } from '../helpers/http.ts';
import { buildAnswers, readQuizFile } from '../helpers/quiz-answers.ts';
import { root } from '../helpers/server.ts';
import { join } from 'node:path';

const base = inject('baseUrl');
const COURSE = 'analytics-fixture';
const LESSONS = ['welcome', 'practice', 'check'];

/** The "Still to do" section of a page, or '' when there is none. */
function stillToDo(html: string): string {
	const match = /<section[^>]*data-still-to-do[^>]*>([\s\S]*?)<\/section>/.exec(html);
	return match ? match[1]! : '';
}

describe('Still to do for your certificate', () => {
	it('names the quiz a learner missed after finishing every lesson, links it, and points Continue at it', async () => {
		const { browser } = await signUp(base);
		for (const lesson of LESSONS) {
			const res = await browser.postJson('/api/progress', {
				course: COURSE,
				lesson,
				action: 'complete',
			});
			expect(res.status).toBe(200);
		}
		// The learner last opened the first lesson; Continue must not go there, nor to the last one.
		await browser.get(`/courses/${COURSE}/welcome`);
		const html = await (await browser.get(`/courses/${COURSE}`)).text();
		const todo = stillToDo(html);
		expect(todo).toContain('Still to do for your certificate');
		expect(todo).toContain('Quiz: Fixture check');
		expect(todo).toContain(`href="/courses/${COURSE}/check"`);
		expect(todo).not.toContain('Lesson:');
		expect(html).toMatch(
			new RegExp(
				`<a class="button" href="/courses/${COURSE}/check"[^>]*>Continue: Check your understanding`,
			),
		);

		const dashboard = stillToDo(await (await browser.get('/dashboard')).text());
		expect(dashboard).toContain('Quiz: Fixture check');
	});

	it('lists the same missing items in Bengali, with Bengali digits in the progress figures', async () => {
		const { browser } = await signUp(base);
		await browser.postJson('/api/progress', {
			course: COURSE,
			lesson: 'welcome',
			action: 'complete',
		});
		const html = await (await browser.get(`/bn/courses/${COURSE}`)).text();
		const todo = stillToDo(html);
		expect(todo).toContain('সার্টিফিকেটের জন্য যা বাকি আছে');
		expect(todo).toContain(`href="/bn/courses/${COURSE}/practice"`);
		expect(todo).toContain('কুইজ: ');
		const figures = /data-progress-text[^>]*>([^<]*)</.exec(html)?.[1] ?? '';
		expect(figures).toContain('১');
		expect(figures).not.toMatch(/[0-9]/);
	});

	it('is not shown to a learner who has done everything, and Continue is gone', async () => {
		const { browser } = await signUp(base);
		const html = await (await browser.get(`/courses/cert-basics`)).text();
		expect(html).not.toContain('data-still-to-do');
		await browser.postForm(`/courses/cert-basics`, { action: 'enrol' });
		for (const lesson of ['first-steps', 'next-steps']) {
			await browser.postJson('/api/progress', {
				course: 'cert-basics',
				lesson,
				action: 'complete',
			});
		}
		const done = await (await browser.get(`/courses/cert-basics`)).text();
		expect(done).not.toContain('data-still-to-do');
		expect(done).not.toContain('Continue:');
		expect(done).toContain('You have done everything this course requires.');
	});
});

describe('the sign-in page for a signed-in learner', () => {
	it('says who is signed in and offers to continue or to sign in as someone else', async () => {
		const { browser, email } = await signUp(base, { name: 'Nasrin Akter' });
		const res = await browser.get('/login?next=/dashboard');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(`You are signed in as Nasrin Akter (${email}).`);
		expect(html).toContain('href="/dashboard"');
		expect(html).toContain('action="/logout"');
		expect(html).not.toContain('name="password"');
	});

	it('never offers a continue link to another site', async () => {
		const { browser } = await signUp(base);
		const html = await (await browser.get('/login?next=//evil.example/')).text();
		const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
		const offSite = links.filter((href) => new URL(href, base).origin !== new URL(base).origin);
		expect(offSite).toEqual([]);
		expect(html).toMatch(/<a class="button" href="\/dashboard"/);
	});

	it('ends the earlier session when someone else signs in on the same device', async () => {
		const first = await signUp(base);
		const second = await signUp(base);
		const oldDevice = new Browser(base);
		oldDevice.cookies = new Map(first.browser.cookies);
		const res = await first.browser.postForm('/login', {
			email: second.email,
			password: GOOD_PASSWORD,
		});
		expect(res.status).toBe(303);
		expect(await (await first.browser.get('/account')).text()).toContain(second.email);
		// The cookie the device held before no longer signs anyone in.
		const stale = await oldDevice.get('/dashboard');
		expect(stale.status).toBe(303);
		expect(stale.headers.get('location')).toContain('/login');
	});
});

describe('quiz standing in the course outline', () => {
	it('says not started, then the best score, then passed', async () => {
		const { browser } = await signUp(base);
		await browser.postForm(`/courses/${COURSE}`, { action: 'enrol' });
		const status = async () =>
			/data-quiz-status="fixture-check"[^>]*>([^<]*)</.exec(
				await (await browser.get(`/courses/${COURSE}`)).text(),
			)?.[1];
		expect(await status()).toBe('Quiz not started');
		const visitor = await (await new Browser(base).get(`/courses/${COURSE}`)).text();
		expect(visitor).not.toContain('data-quiz-status');

		const quiz = readQuizFile(
			join(root, 'tests/fixtures/courses/analytics-fixture/01-basics/fixture-check.quiz.yaml'),
		);
		const attemptOnce = async (wrong: (id: string) => boolean) => {
			const started = await (
				await browser.postJson('/api/quiz/start', { course: COURSE, quiz: 'fixture-check' })
			).json();
			const res = await browser.postJson('/api/quiz/submit', {
				attempt: started.attempt.id,
				answers: buildAnswers(quiz, started.attempt.questions, wrong),
			});
			return (await res.json()).result as { score: number; passed: boolean };
		};
		const failed = await attemptOnce(() => true);
		expect(failed.passed).toBe(false);
		expect(await status()).toBe(`Quiz: best score ${Math.round(failed.score)}%`);
		const passed = await attemptOnce(() => false);
		expect(passed.passed).toBe(true);
		expect(await status()).toBe('Quiz passed');
	});
});
