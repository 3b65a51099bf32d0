/**
 * The quiz engine over HTTP against the production build: starting and submitting attempts with
 * every rule and refusal (each refusal checked in the database to have changed nothing), anonymous
 * practice, the no-JavaScript form path, and the leak scan of everything a browser receives before
 * submitting.
 *
 * Needs the fixture course tests/fixtures/courses/quiz-fixture in courses/ for the build (attempt
 * limit, cool-down, time limit, reveal: never and final-assessment quizzes).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { DisplayAnswers, PublicQuestion } from '../../src/lib/quiz/types.ts';
import { signUp } from '../helpers/accounts.ts';
import { listCourseSlugs, readCourseOutline } from '../helpers/course-files.ts';
import { getTestDb } from '../helpers/db.ts';
import { Browser } from '../helpers/http.ts';
import { findKeyInResult, findLeaks, getIslandProps } from '../helpers/leak-scan.ts';
import { buildAnswers, getRightAnswer, readQuizFile } from '../helpers/quiz-answers.ts';
import { root } from '../helpers/server.ts';

const base = inject('baseUrl');
const dbUrl = inject('databaseUrl');
/** The course roots of the test build: the real courses and the fixtures (see src/content.config.ts). */
const courseRoots = [join(root, 'courses'), join(root, 'tests', 'fixtures', 'courses')];

/** The quiz file of `course`/`quiz`. */
function quizFile(course: string, quiz: string) {
	for (const coursesDir of courseRoots) {
		const dir = join(coursesDir, course);
		if (!existsSync(dir)) continue;
		for (const unit of readdirSync(dir))
			if (existsSync(join(dir, unit, `${quiz}.quiz.yaml`)))
				return readQuizFile(join(dir, unit, `${quiz}.quiz.yaml`));
	}
	throw new Error(`No quiz ${course}/${quiz} in courses/ or tests/fixtures/courses/`);
}

/** A fixed quiz of every type (a copy of the first Getting started quiz, kept as a fixture). */
const GS = { course: 'quiz-basics', quiz: 'getting-started-check', lesson: 'prove-your-skills' };
const FX = 'quiz-fixture';

async function sql(query: string, ...args: (string | number | null)[]) {
	const { client } = await getTestDb(dbUrl);
	return (await client.execute({ sql: query, args })).rows;
}

async function userId(email: string) {
	return String((await sql('select id from user where email = ?', email))[0]!.id);
}

/** Everything the database holds about a learner's attempts at a quiz. */
async function snapshot(uid: string, quiz: string) {
	const attempts = await sql(
		'select id, submitted_at, score, passed, answers, deadline_at from quiz_attempt where user_id = ? and quiz_id = ? order by started_at, id',
		uid,
		quiz,
	);
	const responses = await sql(
		'select r.* from quiz_response r join quiz_attempt a on a.id = r.attempt_id where a.user_id = ? and a.quiz_id = ? order by r.attempt_id, r.question_id',
		uid,
		quiz,
	);
	return JSON.stringify({ attempts, responses });
}

async function start(browser: Browser, course: string, quiz: string) {
	const res = await browser.postJson('/api/quiz/start', { course, quiz });
	return { res, body: await res.json() };
}

async function submit(browser: Browser, attempt: string, answers: unknown) {
	const res = await browser.postJson('/api/quiz/submit', { attempt, answers });
	return { res, body: await res.json() };
}

/** Signs up a learner and starts an attempt. */
async function learnerWithAttempt(course: string, quiz: string) {
	const { browser, email } = await signUp(base);
	const { res, body } = await start(browser, course, quiz);
	expect(res.status).toBe(201);
	return {
		browser,
		email,
		uid: await userId(email),
		attempt: body.attempt as { id: string; questions: PublicQuestion[]; deadlineAt: number | null },
	};
}

beforeAll(() => {
	quizFile(FX, 'limited-check'); // fails early, with the reason, when the fixture is missing
});

describe('POST /api/quiz/start', () => {
	it('starts an attempt whose questions carry no answers, records its layout and enrols the learner', async () => {
		const { uid, attempt } = await learnerWithAttempt(GS.course, GS.quiz);
		expect(attempt.id).toMatch(/^[a-z2-9]{24}$/);
		expect(attempt.questions.map((q) => q.type)).toEqual([
			'single',
			'multiple',
			'true-false',
			'short-text',
			'numeric',
			'ordering',
			'matching',
			'fill-blanks',
		]);
		expect(attempt.deadlineAt).toBeNull();
		const [row] = await sql(
			'select layout, started_at, submitted_at from quiz_attempt where id = ?',
			attempt.id,
		);
		expect(JSON.parse(String(row!.layout)).questions).toHaveLength(8);
		expect(row!.submitted_at).toBeNull();
		expect(
			await sql(
				'select left_at from enrolment where user_id = ? and course_slug = ?',
				uid,
				GS.course,
			),
		).toEqual([expect.objectContaining({ left_at: null })]);
	});

	it('resumes the open attempt instead of starting another, even when asked many times at once', async () => {
		const { browser, email } = await signUp(base);
		const results = await Promise.all(
			Array.from({ length: 6 }, () => start(browser, FX, 'limited-check')),
		);
		const ids = new Set(results.map((r) => r.body.attempt.id));
		expect(ids.size).toBe(1);
		expect(results.filter((r) => r.res.status === 201)).toHaveLength(1);
		expect(results.filter((r) => r.res.status === 200 && r.body.resumed)).toHaveLength(5);
		expect(
			await sql('select count(*) as n from quiz_attempt where user_id = ?', await userId(email)),
		).toEqual([{ n: 1 }]);
	});

	it('refuses visitors, unknown quizzes and malformed bodies, creating nothing', async () => {
		const before = await sql('select count(*) as n from quiz_attempt');
		const visitor = new Browser(base);
		const anon = await start(visitor, GS.course, GS.quiz);
		expect(anon.res.status).toBe(401);
		expect(anon.body.error).toBe('Sign in to take this quiz.');
		const { browser } = await signUp(base);
		expect((await start(browser, GS.course, 'no-such-quiz')).res.status).toBe(404);
		expect((await start(browser, 'no-such-course', GS.quiz)).res.status).toBe(404);
		for (const body of [
			{},
			{ course: GS.course },
			{ course: 'Bad Slug', quiz: GS.quiz },
			{ course: GS.course, quiz: GS.quiz, extra: 1 },
			{ course: GS.course, quiz: GS.quiz, locale: 'fr' },
		]) {
			const res = await browser.postJson('/api/quiz/start', body);
			expect(res.status, JSON.stringify(body)).toBe(400);
			expect((await res.json()).error).toMatch(/could not be read/);
		}
		const notJson = await browser.request('/api/quiz/start', {
			method: 'POST',
			body: 'course=x',
			headers: { 'content-type': 'text/plain' },
		});
		expect(notJson.status).toBe(400);
		expect(await sql('select count(*) as n from quiz_attempt')).toEqual(before);
	});

	it('refuses a cross-site start', async () => {
		const { browser } = await signUp(base);
		const res = await browser.postJson(
			'/api/quiz/start',
			{ course: GS.course, quiz: GS.quiz },
			{ origin: 'https://evil.example' },
		);
		expect(res.status).toBe(403);
	});

	it('stops at the attempt limit with 403, having started nothing', async () => {
		const quiz = quizFile(FX, 'limited-check');
		const { browser, uid, attempt } = await learnerWithAttempt(FX, 'limited-check');
		expect(
			(
				await submit(
					browser,
					attempt.id,
					buildAnswers(quiz, attempt.questions, () => true),
				)
			).res.status,
		).toBe(200);
		const second = await start(browser, FX, 'limited-check');
		expect(second.res.status).toBe(201);
		expect(second.body.status.attemptsLeft).toBe(0);
		expect(
			(
				await submit(
					browser,
					second.body.attempt.id,
					buildAnswers(quiz, second.body.attempt.questions, () => true),
				)
			).res.status,
		).toBe(200);
		const before = await snapshot(uid, 'limited-check');
		const third = await start(browser, FX, 'limited-check');
		expect(third.res.status).toBe(403);
		expect(third.body.error).toBe('You have no attempts left at this quiz (attempts used: 2).');
		expect(await snapshot(uid, 'limited-check')).toBe(before);
	});

	it('enforces the cool-down with 429 and Retry-After, and allows a new attempt once it is over', async () => {
		const quiz = quizFile(FX, 'cooldown-check');
		const { browser, uid, attempt } = await learnerWithAttempt(FX, 'cooldown-check');
		expect(
			(await submit(browser, attempt.id, buildAnswers(quiz, attempt.questions))).res.status,
		).toBe(200);
		const before = await snapshot(uid, 'cooldown-check');
		const early = await start(browser, FX, 'cooldown-check');
		expect(early.res.status).toBe(429);
		expect(early.body.error).toBe('You can start another attempt in 30 min.');
		expect(Number(early.res.headers.get('retry-after'))).toBeGreaterThan(29 * 60);
		expect(await snapshot(uid, 'cooldown-check')).toBe(before);
		await sql(
			'update quiz_attempt set submitted_at = ? where id = ?',
			Date.now() - 31 * 60_000,
			attempt.id,
		);
		expect((await start(browser, FX, 'cooldown-check')).res.status).toBe(201);
	});
});

describe('POST /api/quiz/submit', () => {
	it('grades right answers 100, records each response in the analytics format and completes the lesson', async () => {
		const quiz = quizFile(GS.course, GS.quiz);
		const { browser, uid, attempt } = await learnerWithAttempt(GS.course, GS.quiz);
		const { res, body } = await submit(browser, attempt.id, buildAnswers(quiz, attempt.questions));
		expect(res.status).toBe(200);
		expect(body.result).toMatchObject({ score: 100, passed: true, passMark: 70 });
		expect(body.result.review).toHaveLength(8);
		expect(body.status).toMatchObject({ best: 100, passed: true, attemptsLeft: null });
		const [row] = await sql(
			'select score, passed, submitted_at, answers from quiz_attempt where id = ?',
			attempt.id,
		);
		expect(row).toMatchObject({ score: 100, passed: 1 });
		expect(row!.submitted_at).not.toBeNull();
		const responses = Object.fromEntries(
			(
				await sql(
					'select question_id, credit, response from quiz_response where attempt_id = ?',
					attempt.id,
				)
			).map((r) => [r.question_id, [r.credit, r.response]]),
		);
		expect(responses).toEqual({
			'quiz-grading': [1, '0'],
			'lesson-parts': [1, '0,1,2'],
			'verify-no-account': [1, 'false'],
			'box-for-clients': [1, 'client tip'],
			'minutes-per-week': [1, '100'],
			'plan-order': [1, '0,1,2,3'],
			'shortcut-pairs': [1, '0,1,2'],
			'certificate-blanks': [1, 'address | qr code'],
		});
		expect(
			await sql(
				'select completed_at is not null as done from lesson_progress where user_id = ? and lesson_slug = ?',
				uid,
				GS.lesson,
			),
		).toEqual([{ done: 1 }]);
	});

	it('gives partial credit and fails below the pass mark, recording each credit', async () => {
		const quiz = quizFile(GS.course, GS.quiz);
		const { browser, uid, attempt } = await learnerWithAttempt(GS.course, GS.quiz);
		const answers: DisplayAnswers = buildAnswers(
			quiz,
			attempt.questions,
			(id) => !['quiz-grading', 'verify-no-account'].includes(id),
		);
		// Two of three right pairs; one of two blanks; two of three correct options and no wrong one.
		const pairs = getRightAnswer(
			quiz,
			attempt.questions.find((q) => q.id === 'shortcut-pairs')!,
		) as number[];
		answers['shortcut-pairs'] = [pairs[0]!, pairs[1]!, null];
		answers['certificate-blanks'] = ['URL', 'barcode'];
		const parts = attempt.questions.find((q) => q.id === 'lesson-parts') as { options: string[] };
		answers['lesson-parts'] = ['Units', 'Quizzes'].map((t) => parts.options.indexOf(t)).sort();
		const { body } = await submit(browser, attempt.id, answers);
		// single 1 + multiple 2/3 + true-false 1 + short-text, numeric, ordering 0 + matching 2/3 + blanks 1/2
		// = 3.83 of 8 points = 47.9 %.
		expect(body.result).toMatchObject({ score: 47.9, passed: false });
		const credits = Object.fromEntries(
			(
				await sql('select question_id, credit from quiz_response where attempt_id = ?', attempt.id)
			).map((r) => [r.question_id, Number(r.credit)]),
		);
		expect(credits['shortcut-pairs']).toBeCloseTo(2 / 3);
		expect(credits['certificate-blanks']).toBe(0.5);
		expect(credits['lesson-parts']).toBeCloseTo(2 / 3);
		expect(credits['box-for-clients']).toBe(0);
		expect(
			await sql(
				'select count(*) as n from lesson_progress where user_id = ? and completed_at is not null',
				uid,
			),
		).toEqual([{ n: 0 }]);
	});

	it('accepts a submission only once, even when sent several times at once', async () => {
		const quiz = quizFile(GS.course, GS.quiz);
		const { browser, uid, attempt } = await learnerWithAttempt(GS.course, GS.quiz);
		const answers = buildAnswers(quiz, attempt.questions);
		const results = await Promise.all(
			Array.from({ length: 5 }, () => submit(browser, attempt.id, answers)),
		);
		expect(results.map((r) => r.res.status).sort()).toEqual([200, 409, 409, 409, 409]);
		expect(results.find((r) => r.res.status === 409)!.body.error).toBe(
			'This attempt has already been submitted. Each attempt is graded once.',
		);
		const before = await snapshot(uid, GS.quiz);
		expect(
			await sql('select count(*) as n from quiz_response where attempt_id = ?', attempt.id),
		).toEqual([{ n: 8 }]);
		const again = await submit(
			browser,
			attempt.id,
			buildAnswers(quiz, attempt.questions, () => true),
		);
		expect(again.res.status).toBe(409);
		expect(await snapshot(uid, GS.quiz)).toBe(before);
	});

	it("refuses someone else's attempt with 403 and an unknown one with 404, changing nothing", async () => {
		const quiz = quizFile(GS.course, GS.quiz);
		const owner = await learnerWithAttempt(GS.course, GS.quiz);
		const { browser: other } = await signUp(base);
		const before = await snapshot(owner.uid, GS.quiz);
		const res = await submit(other, owner.attempt.id, buildAnswers(quiz, owner.attempt.questions));
		expect(res.res.status).toBe(403);
		expect(res.body.error).toBe('This attempt belongs to another learner.');
		expect((await submit(other, 'abcdefghijkmnpqrstuvwxyz', {})).res.status).toBe(404);
		const visitor = await submit(new Browser(base), owner.attempt.id, {});
		expect(visitor.res.status).toBe(401);
		expect(await snapshot(owner.uid, GS.quiz)).toBe(before);
	});

	it('refuses answers to questions that were not drawn with 400, changing nothing', async () => {
		const quiz = quizFile(FX, 'secret-check');
		const { browser, uid, attempt } = await learnerWithAttempt(FX, 'secret-check');
		expect(attempt.questions).toHaveLength(2);
		const notDrawn = quiz.questions.find((q) => !attempt.questions.some((pq) => pq.id === q.id))!;
		const before = await snapshot(uid, 'secret-check');
		const { res, body } = await submit(browser, attempt.id, {
			...buildAnswers(quiz, attempt.questions),
			[notDrawn.id]: null,
		});
		expect(res.status).toBe(400);
		expect(body.error).toBe(`Question “${notDrawn.id}” is not part of this attempt.`);
		expect(await snapshot(uid, 'secret-check')).toBe(before);
	});

	it('refuses malformed payloads with 400, changing nothing', async () => {
		const { browser, uid, attempt } = await learnerWithAttempt(GS.course, GS.quiz);
		const before = await snapshot(uid, GS.quiz);
		const bodies: unknown[] = [
			{ attempt: attempt.id, answers: [] },
			{ attempt: attempt.id, answers: 'all right' },
			{ attempt: attempt.id, answers: { 'quiz-grading': 7 } },
			{ attempt: attempt.id, answers: { 'quiz-grading': '1' } },
			{ attempt: attempt.id, answers: { 'lesson-parts': [0, 0] } },
			{ attempt: attempt.id, answers: { 'verify-no-account': 'false' } },
			{ attempt: attempt.id, answers: { 'box-for-clients': 'x'.repeat(501) } },
			{ attempt: attempt.id, answers: { 'plan-order': [0, 1, 2] } },
			{ attempt: attempt.id, answers: { 'shortcut-pairs': [0, 1, 9] } },
			{ attempt: attempt.id, answers: { 'certificate-blanks': ['one'] } },
			{ attempt: 'not an id!', answers: {} },
			{ attempt: attempt.id, answers: {}, extra: true },
		];
		for (const body of bodies) {
			const res = await browser.postJson('/api/quiz/submit', body);
			expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
			expect((await res.json()).error).toMatch(/could not be read/);
		}
		const broken = await browser.request('/api/quiz/submit', {
			method: 'POST',
			body: '{"attempt":',
			headers: { 'content-type': 'application/json' },
		});
		expect(broken.status).toBe(400);
		expect(await snapshot(uid, GS.quiz)).toBe(before);
	});

	it('refuses a submission after the time limit and its grace with 409, and accepts one within the grace', async () => {
		const quiz = quizFile(FX, 'timed-check');
		const { browser, uid, attempt } = await learnerWithAttempt(FX, 'timed-check');
		expect(attempt.deadlineAt! - Date.now()).toBeGreaterThan(10_000);
		expect(attempt.deadlineAt! - Date.now()).toBeLessThanOrEqual(15_000);
		await sql(
			'update quiz_attempt set deadline_at = ? where id = ?',
			Date.now() - 21_000,
			attempt.id,
		);
		const before = await snapshot(uid, 'timed-check');
		const late = await submit(browser, attempt.id, buildAnswers(quiz, attempt.questions));
		expect(late.res.status).toBe(409);
		expect(late.body.error).toBe(
			'The time limit for this attempt has passed, so it can no longer be submitted.',
		);
		expect(await snapshot(uid, 'timed-check')).toBe(before);

		const next = await start(browser, FX, 'timed-check');
		expect(next.res.status).toBe(201);
		expect(next.body.status.history.map((h: { state: string }) => h.state)).toEqual([
			'expired',
			'open',
		]);
		await sql(
			'update quiz_attempt set deadline_at = ? where id = ?',
			Date.now() - 5_000,
			next.body.attempt.id,
		);
		const inGrace = await submit(
			browser,
			next.body.attempt.id,
			buildAnswers(quiz, next.body.attempt.questions),
		);
		expect(inGrace.res.status).toBe(200);
		expect(inGrace.body.result.score).toBe(100);
	});

	it('after-passing: a failed attempt shows only the score, a passing one the review', async () => {
		const quiz = quizFile(FX, 'limited-check');
		const { browser, attempt } = await learnerWithAttempt(FX, 'limited-check');
		const failed = await submit(
			browser,
			attempt.id,
			buildAnswers(quiz, attempt.questions, (id) => id === 'rivers-meet'),
		);
		expect(failed.body.result).toEqual({
			score: 50,
			passed: false,
			passMark: 100,
			withheld: 'after-passing',
		});
		const second = await start(browser, FX, 'limited-check');
		const passed = await submit(
			browser,
			second.body.attempt.id,
			buildAnswers(quiz, second.body.attempt.questions),
		);
		expect(passed.body.result.passed).toBe(true);
		expect(passed.body.result.review[0]).toMatchObject({
			id: 'capital-of-bangladesh',
			credit: 1,
			feedback: ['Dhaka has been the capital since 1971.'],
			explanation: 'The capital of Bangladesh is Dhaka.',
		});
	});

	it('feedback: right or wrong and the explanation until passed, with no correct answer; the full review after', async () => {
		const quiz = quizFile(GS.course, 'feedback-check');
		const { browser, attempt } = await learnerWithAttempt(GS.course, 'feedback-check');
		const answers = buildAnswers(quiz, attempt.questions, () => true);
		for (const q of attempt.questions)
			if (q.type === 'multiple') answers[q.id] = q.options.map((_, i) => i);
		const failed = await submit(browser, attempt.id, answers);
		expect(failed.body.result).toMatchObject({ score: 0, passed: false, withheld: 'answers' });
		expect(failed.body.result.review).toHaveLength(2);
		expect(findKeyInResult('feedback-check', quiz, failed.body.result)).toEqual([]);
		for (const row of failed.body.result.review) {
			expect(row).toMatchObject({
				credit: 0,
				explanation: quiz.questions.find((q) => q.id === row.id)!.explanation,
			});
		}
		const second = await start(browser, GS.course, 'feedback-check');
		const passed = await submit(
			browser,
			second.body.attempt.id,
			buildAnswers(quiz, second.body.attempt.questions),
		);
		expect(passed.body.result.passed).toBe(true);
		expect(passed.body.result.withheld).toBeUndefined();
		for (const row of passed.body.result.review)
			expect(row.correctAnswer).toEqual(expect.any(String));
		expect(findKeyInResult('feedback-check', quiz, passed.body.result)).not.toEqual([]);
	});

	it('draws each attempt from the questions the previous attempt did not show, when the pool allows', async () => {
		const quiz = quizFile(FX, 'secret-check');
		expect(quiz.questions.length).toBeGreaterThanOrEqual(2 * quiz.draw!);
		const { browser, attempt } = await learnerWithAttempt(FX, 'secret-check');
		let previous = attempt;
		for (let i = 0; i < 3; i++) {
			await submit(browser, previous.id, buildAnswers(quiz, previous.questions));
			const next = (await start(browser, FX, 'secret-check')).body.attempt as typeof attempt;
			expect(next.questions.filter((q) => previous.questions.some((p) => p.id === q.id))).toEqual(
				[],
			);
			previous = next;
		}
	});

	it('never: only the score, even after passing', async () => {
		const quiz = quizFile(FX, 'secret-check');
		const { browser, attempt } = await learnerWithAttempt(FX, 'secret-check');
		const { body } = await submit(browser, attempt.id, buildAnswers(quiz, attempt.questions));
		expect(body.result).toEqual({ score: 100, passed: true, passMark: 50, withheld: 'never' });
	});

	it('keeps every attempt with its score and shows the history and best score on the lesson page', async () => {
		const quiz = quizFile(FX, 'cooldown-check');
		const { browser, uid, attempt } = await learnerWithAttempt(FX, 'cooldown-check');
		await submit(
			browser,
			attempt.id,
			buildAnswers(quiz, attempt.questions, (id) => id === 'sort-steps'),
		);
		await sql(
			'update quiz_attempt set submitted_at = ? where user_id = ?',
			Date.now() - 60 * 60_000,
			uid,
		);
		const second = await start(browser, FX, 'cooldown-check');
		await submit(
			browser,
			second.body.attempt.id,
			buildAnswers(quiz, second.body.attempt.questions, () => true),
		);
		const html = await (await browser.get(`/courses/${FX}/cooldown`)).text();
		const [props] = getIslandProps(html);
		expect(props!.status).toMatchObject({ best: 50, passed: true, attemptsLeft: null });
		expect(
			(props!.status as { history: { score: number; passed: boolean }[] }).history.map((h) => [
				h.score,
				h.passed,
			]),
		).toEqual([
			[50, true],
			[0, false],
		]);
	});
});

describe('POST /api/quiz/practice', () => {
	const practiceProps = async (path: string) =>
		getIslandProps(await (await fetch(`${base}${path}`)).text())[0] as {
			practice: { seed: string; questions: PublicQuestion[] };
		};

	it("grades a visitor's answers with the review the quiz allows, recording nothing", async () => {
		const quiz = quizFile(GS.course, GS.quiz);
		const before = await sql(
			'select (select count(*) from quiz_attempt) as a, (select count(*) from quiz_response) as r',
		);
		const { practice } = await practiceProps(`/courses/${GS.course}/${GS.lesson}`);
		expect(practice.questions).toHaveLength(8);
		const res = await new Browser(base).postJson('/api/quiz/practice', {
			course: GS.course,
			quiz: GS.quiz,
			seed: practice.seed,
			answers: buildAnswers(quiz, practice.questions),
		});
		expect(res.status).toBe(200);
		const { result } = await res.json();
		expect(result).toMatchObject({ score: 100, passed: true });
		expect(result.review).toHaveLength(8);
		expect(
			await sql(
				'select (select count(*) from quiz_attempt) as a, (select count(*) from quiz_response) as r',
			),
		).toEqual(before);
	});

	it('never hands out the key: ticking every option shows right or wrong, but no correct option', async () => {
		const quiz = quizFile(GS.course, GS.quiz);
		expect(quiz.reveal).toBe('after-each-attempt');
		const { practice } = await practiceProps(`/courses/${GS.course}/${GS.lesson}`);
		const answers = buildAnswers(quiz, practice.questions, () => true);
		for (const q of practice.questions)
			if (q.type === 'multiple') answers[q.id] = q.options.map((_, i) => i);
		const res = await new Browser(base).postJson('/api/quiz/practice', {
			course: GS.course,
			quiz: GS.quiz,
			seed: practice.seed,
			answers,
		});
		const { result } = await res.json();
		expect(result.withheld).toBe('answers');
		expect(result.review.length).toBeGreaterThan(0);
		expect(practice.questions.some((q) => q.type === 'multiple')).toBe(true);
		expect(findKeyInResult(GS.quiz, quiz, result)).toEqual([]);
		const keys = quiz.questions.flatMap((q) =>
			q.type === 'single'
				? q.options.filter((o) => o.correct).map((o) => o.text)
				: q.type === 'ordering'
					? [q.items.join(' → ')]
					: [],
		);
		for (const key of keys) expect(JSON.stringify(result)).not.toContain(key);
	});

	it('returns only the score when the quiz never reveals answers', async () => {
		const quiz = quizFile(FX, 'secret-check');
		const { practice } = await practiceProps(`/courses/${FX}/secret`);
		const res = await new Browser(base).postJson('/api/quiz/practice', {
			course: FX,
			quiz: 'secret-check',
			seed: practice.seed,
			answers: buildAnswers(quiz, practice.questions, (_, i) => i === 0),
		});
		expect(await res.json()).toEqual({
			ok: true,
			result: {
				score: expect.any(Number),
				passed: expect.any(Boolean),
				passMark: 50,
				withheld: 'never',
			},
		});
	});

	it('is off for a final assessment: 403, and the lesson invites visitors to sign in', async () => {
		const res = await new Browser(base).postJson('/api/quiz/practice', {
			course: FX,
			quiz: 'final-exam',
			seed: 'abcdefgh12345678',
			answers: {},
		});
		expect(res.status).toBe(403);
		expect((await res.json()).error).toMatch(/^Sign in to take this assessment/);
		const html = await (await fetch(`${base}/courses/${FX}/final`)).text();
		expect(getIslandProps(html)).toEqual([]);
		expect(html).toContain('Sign in to take this assessment.');
		expect(html).not.toContain('What is seven plus five?');
	});
});

describe('the quiz page without JavaScript', () => {
	const page = `/courses/${GS.course}/${GS.lesson}/quiz/${GS.quiz}`;

	/** Form fields for answers, as the server-rendered form names them. */
	function toFields(answers: DisplayAnswers, questions: PublicQuestion[]): [string, string][] {
		return questions.flatMap((q): [string, string][] => {
			const a = answers[q.id];
			if (a === undefined || a === null) return [];
			if (q.type === 'multiple') return (a as number[]).map((d) => [`q.${q.id}`, String(d)]);
			if (q.type === 'ordering')
				return (a as number[]).map((d, rank) => [`q.${q.id}.${d}`, String(rank + 1)]);
			if (q.type === 'matching')
				return (a as (number | null)[]).map((r, l) => [
					`q.${q.id}.${l}`,
					r === null ? '' : String(r),
				]);
			if (q.type === 'fill-blanks') return (a as string[]).map((t, b) => [`q.${q.id}.${b}`, t]);
			return [[`q.${q.id}`, String(a)]];
		});
	}
	const post = (browser: Browser, fields: [string, string][]) =>
		browser.request(page, {
			method: 'POST',
			body: new URLSearchParams(fields),
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});

	it('grades a visitor’s practice form and shows the result page', async () => {
		const quiz = quizFile(GS.course, GS.quiz);
		const html = await (await fetch(`${base}/courses/${GS.course}/${GS.lesson}`)).text();
		expect(html).toMatch(new RegExp(`<form[^>]*method="post"[^>]*action="${page}"`));
		const { practice } = getIslandProps(html)[0] as {
			practice: { seed: string; questions: PublicQuestion[] };
		};
		const res = await post(new Browser(base), [
			['intent', 'practice'],
			['seed', practice.seed],
			...toFields(
				buildAnswers(quiz, practice.questions, (id) => id === 'plan-order'),
				practice.questions,
			),
		]);
		expect(res.status).toBe(200);
		const result = await res.text();
		expect(result).toContain('Score: 87.5%.');
		// Practice shows right or wrong and the explanation, never the correct answer.
		expect(result).toContain(
			'The correct answers are shown only once you pass a signed-in attempt.',
		);
		expect(result).not.toContain('Open the plan template → Choose a study time for each day');
	});

	it('lets a learner start, answer and see the graded result with plain form posts', async () => {
		const quiz = quizFile(GS.course, GS.quiz);
		const { browser, email } = await signUp(base);
		const lesson = await (await browser.get(`/courses/${GS.course}/${GS.lesson}`)).text();
		expect(lesson).toContain('name="intent" value="start"');
		const started = await post(browser, [['intent', 'start']]);
		expect(started.status).toBe(303);
		expect(started.headers.get('location')).toBe(page);
		const form = await (await browser.get(page)).text();
		const { attempt } = getIslandProps(form)[0] as {
			attempt: { id: string; questions: PublicQuestion[] };
		};
		expect(form).toContain(`name="attempt" value="${attempt.id}"`);
		const submitted = await post(browser, [
			['intent', 'submit'],
			['attempt', attempt.id],
			...toFields(buildAnswers(quiz, attempt.questions), attempt.questions),
		]);
		expect(submitted.status).toBe(303);
		expect(submitted.headers.get('location')).toBe(`${page}?attempt=${attempt.id}`);
		const result = await (await browser.get(`${page}?attempt=${attempt.id}`)).text();
		expect(result).toContain('Score: 100%.');
		expect(result).toContain('You passed.');
		expect(result).toContain('Your attempts');
		expect(await sql('select score from quiz_attempt where id = ?', attempt.id)).toEqual([
			{ score: 100 },
		]);

		const uid = await userId(email);
		const before = await snapshot(uid, GS.quiz);
		const again = await post(browser, [
			['intent', 'submit'],
			['attempt', attempt.id],
		]);
		expect(again.status).toBe(409);
		expect(await again.text()).toContain('This attempt has already been submitted.');
		const bogus = await post(browser, [
			['intent', 'submit'],
			['attempt', attempt.id],
			['q.no-such-question', '1'],
		]);
		expect(bogus.status).toBe(409);
		expect(await snapshot(uid, GS.quiz)).toBe(before);
		const nonsense = await post(browser, [['intent', 'explode']]);
		expect(nonsense.status).toBe(400);

		const { browser: other } = await signUp(base);
		expect((await other.get(`${page}?attempt=${attempt.id}`)).status).toBe(404);
	});

	it('refuses a form answer to a question not drawn with 400, changing nothing', async () => {
		const { browser, uid, attempt } = await learnerWithAttempt(FX, 'secret-check');
		const notDrawn = quizFile(FX, 'secret-check').questions.find(
			(q) => !attempt.questions.some((pq) => pq.id === q.id),
		)!;
		const before = await snapshot(uid, 'secret-check');
		const res = await browser.request(`/courses/${FX}/secret/quiz/secret-check`, {
			method: 'POST',
			body: new URLSearchParams([
				['intent', 'submit'],
				['attempt', attempt.id],
				[`q.${notDrawn.id}`, '0'],
			]),
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
		});
		expect(res.status).toBe(400);
		expect(await res.text()).toContain(`Question “${notDrawn.id}” is not part of this attempt.`);
		expect(await snapshot(uid, 'secret-check')).toBe(before);
	});

	it('serves the quiz in Bengali under /bn/, and 404s for a quiz the lesson does not embed', async () => {
		const html = await (
			await fetch(`${base}/bn/courses/${FX}/stepwise/quiz/stepwise-check`)
		).text();
		expect(html).toContain('<html lang="bn"');
		expect(html).toContain('এগুলোর মধ্যে কোনগুলো ফল?');
		expect((await fetch(`${base}/courses/${FX}/stepwise/quiz/secret-check`)).status).toBe(404);
		expect((await fetch(`${base}/xx/courses/${FX}/stepwise/quiz/stepwise-check`)).status).toBe(404);
	});
});

describe('leak scan', () => {
	const chunkCache = new Map<string, string>();
	/** Every JavaScript chunk a page loads: scripts, island components and renderers, and their imports. */
	async function loadScripts(html: string) {
		const queue = [
			...html.matchAll(
				/(?:src|component-url|renderer-url|before-hydration-url)="(\/_astro\/[^"]+\.js)"/g,
			),
		].map((m) => m[1]!);
		const seen = new Set<string>();
		while (queue.length > 0) {
			const url = queue.pop()!;
			if (seen.has(url)) continue;
			seen.add(url);
			if (!chunkCache.has(url)) chunkCache.set(url, await (await fetch(`${base}${url}`)).text());
			for (const m of chunkCache
				.get(url)!
				.matchAll(/(?:from|import)\s*\(?\s*["']\.\/([^"']+\.js)["']/g))
				queue.push(`/_astro/${m[1]}`);
		}
		return [...seen].map((name) => ({ name, source: chunkCache.get(name)! }));
	}

	const quizzes = courseRoots
		.flatMap((coursesDir) => listCourseSlugs(coursesDir).map((slug) => ({ coursesDir, slug })))
		.flatMap(({ coursesDir, slug }) => {
			const outline = readCourseOutline(coursesDir, slug);
			return outline.quizzes
				.filter((q) => outline.quizLesson.has(q.id))
				.map((q) => ({ course: slug, quiz: q.id, lesson: outline.quizLesson.get(q.id)! }));
		});

	it('covers every embedded quiz of the build, the sample course and the fixtures included', () => {
		expect(quizzes.map((q) => q.quiz)).toEqual(
			expect.arrayContaining([GS.quiz, 'limited-check', 'secret-check', 'final-exam']),
		);
	});

	it.each(quizzes.map((q) => [`${q.course}/${q.quiz}`, q]))(
		'%s: nothing before submission gives an answer away',
		async (_, q) => {
			const quiz = quizFile(q.course, q.quiz);
			const html: string[] = [];
			const json: unknown[] = [];
			const visitorPages = await Promise.all(
				[
					`/courses/${q.course}/${q.lesson}`,
					`/courses/${q.course}/${q.lesson}/quiz/${q.quiz}`,
					`/bn/courses/${q.course}/${q.lesson}`,
				].map(async (p) => (await fetch(`${base}${p}`)).text()),
			);
			const { browser } = await signUp(base);
			const started = await browser.postJson('/api/quiz/start', { course: q.course, quiz: q.quiz });
			expect(started.status).toBe(201);
			json.push(await started.json());
			const resumed = await browser.postJson('/api/quiz/start', {
				course: q.course,
				quiz: q.quiz,
				locale: 'hi',
			});
			json.push(await resumed.json());
			const learnerPages = await Promise.all(
				[`/courses/${q.course}/${q.lesson}`, `/courses/${q.course}/${q.lesson}/quiz/${q.quiz}`].map(
					async (p) => (await browser.get(p)).text(),
				),
			);
			for (const page of [...visitorPages, ...learnerPages]) {
				html.push(page);
				json.push(...getIslandProps(page));
			}
			expect(
				learnerPages.some((p) =>
					getIslandProps(p).some(
						(props) => (props.attempt as { questions?: unknown[] })?.questions?.length,
					),
				),
			).toBe(true);
			const scripts = (
				await Promise.all([...visitorPages, ...learnerPages].map(loadScripts))
			).flat();
			expect(scripts.some((s) => /QuizIsland/.test(s.name))).toBe(true);
			expect(findLeaks(q.quiz, quiz, { html, json, scripts })).toEqual([]);
		},
	);

	it('would catch a correct flag, an answer, feedback or a giveaway order added to what the browser gets', async () => {
		const quiz = quizFile(GS.course, GS.quiz);
		const html = await (await fetch(`${base}/courses/${GS.course}/${GS.lesson}`)).text();
		const props = getIslandProps(html)[0]!;
		expect(findLeaks(GS.quiz, quiz, { html: [html], json: [props] })).toEqual([]);
		const withQuestions = (change: (qs: Record<string, unknown>[]) => void) => {
			const copy = structuredClone(props) as { practice: { questions: Record<string, unknown>[] } };
			change(copy.practice.questions);
			return findLeaks(GS.quiz, quiz, { json: [copy] });
		};
		const byId = (qs: Record<string, unknown>[], id: string) => qs.find((q) => q.id === id)!;
		const authored = <T>(id: string) => quiz.questions.find((x) => x.id === id) as T;
		expect(withQuestions((qs) => (byId(qs, 'quiz-grading').correct = 1))).toEqual([
			`${GS.quiz}/quiz-grading: unexpected fields correct in the public question`,
		]);
		expect(withQuestions((qs) => (byId(qs, 'minutes-per-week').answer = 100))).toEqual([
			`${GS.quiz}/minutes-per-week: unexpected fields answer in the public question`,
			`${GS.quiz}/minutes-per-week: its answer "100" is in its public data`,
		]);
		expect(withQuestions((qs) => (byId(qs, 'box-for-clients').hint = 'Client tip'))).toEqual([
			`${GS.quiz}/box-for-clients: unexpected fields hint in the public question`,
			`${GS.quiz}/box-for-clients: its answer "client tip" is in its public data`,
		]);
		expect(
			withQuestions(
				(qs) => (byId(qs, 'plan-order').items = authored<{ items: string[] }>('plan-order').items),
			),
		).toEqual([`${GS.quiz}/plan-order: items are shown in the correct order`]);
		const pairs = authored<{ pairs: { left: string; right: string }[] }>('shortcut-pairs').pairs;
		expect(
			withQuestions((qs) => {
				byId(qs, 'shortcut-pairs').lefts = pairs.map((p) => p.left);
				byId(qs, 'shortcut-pairs').rights = pairs.map((p) => p.right);
			}),
		).toEqual([`${GS.quiz}/shortcut-pairs: matching choices line up with their prompts`]);
		const leakyStrings = structuredClone(props) as { strings: Record<string, string> };
		leakyStrings.strings.submit = 'Right. The answers never reach your browser before you submit.';
		expect(findLeaks(GS.quiz, quiz, { json: [leakyStrings] })).toEqual([
			`${GS.quiz}: feedback or explanation "Right. The answers never reach your brow…" is visible`,
		]);
		const leakyHtml = html.replace(
			/(id="quiz-getting-started-check-box-for-clients-text"[^>]*value=")"/,
			'$1client tip"',
		);
		expect(leakyHtml).not.toBe(html);
		expect(findLeaks(GS.quiz, quiz, { html: [leakyHtml] })).toEqual([
			`${GS.quiz}/box-for-clients: its answer "client tip" is in its form`,
		]);
		expect(
			findLeaks(GS.quiz, quiz, {
				scripts: [{ name: 'x.js', source: 'const a=["address"],b=e=>e+1' }],
			}),
		).toEqual([`${GS.quiz}: answer "address" appears in x.js`]);
	});
});

// Last in the file: it uses up this address's practice allowance.
describe('practice rate limit', () => {
	it('refuses practice beyond 30 an hour per address with 429 and Retry-After; refused malformed ones do not count', async () => {
		const quiz = quizFile(GS.course, GS.quiz);
		const { practice } = getIslandProps(
			await (await fetch(`${base}/courses/${GS.course}/${GS.lesson}`)).text(),
		)[0] as { practice: { seed: string; questions: PublicQuestion[] } };
		const browser = new Browser(base);
		const body = {
			course: GS.course,
			quiz: GS.quiz,
			seed: practice.seed,
			answers: buildAnswers(quiz, practice.questions),
		};
		for (let i = 0; i < 35; i++)
			expect((await browser.postJson('/api/quiz/practice', { ...body, answers: [] })).status).toBe(
				400,
			);
		let accepted = 0;
		let res: Response;
		for (;;) {
			res = await browser.postJson('/api/quiz/practice', body);
			if (res.status !== 200 || accepted > 31) break;
			accepted++;
		}
		expect(res.status).toBe(429);
		// A few practice submissions earlier in this file share the allowance.
		expect(accepted).toBeGreaterThan(25);
		expect(accepted).toBeLessThanOrEqual(30);
		expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
		const refused = await res.json();
		expect(refused.error).toMatch(/^You have practised many times in a short while/);
		expect(refused.result).toBeUndefined();
	});
});
