/**
 * Writes under concurrency, through the group writer (src/lib/server/db-writer.ts): many learners'
 * starts, submissions and completions at once all land and each answer matches its own write; a
 * request whose write fails does not fail the others; and a server killed with SIGKILL in the middle
 * of a stream of writes loses none that it acknowledged with a 2xx.
 *
 * Learners and sessions are written straight into the database (signing 100 learners up over HTTP
 * would spend minutes hashing passwords), as the benchmarks do.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/client.ts';
import { generateSecureRandomString } from '../../src/lib/server/random.ts';
import type { PublicQuestion } from '../../src/lib/quiz/types.ts';
import { buildAnswers, readQuizFile } from '../helpers/quiz-answers.ts';
import { root, startServer, type TestServer } from '../helpers/server.ts';

const COURSE = 'getting-started';
const QUIZ = 'getting-started-check';
const LESSONS = ['how-courses-work', 'plan-your-study-week'];
const quiz = readQuizFile(join(root, 'courses', COURSE, '01-start-here', `${QUIZ}.quiz.yaml`));

const handles: DatabaseHandle[] = [];
const servers: TestServer[] = [];
afterAll(async () => {
	for (const s of servers) await s.stop();
	for (const h of handles) h.close();
});

async function open(databaseUrl: string) {
	const handle = await openDatabase({ url: databaseUrl });
	handles.push(handle);
	return handle.client;
}

interface Learner {
	id: string;
	cookie: string;
}

/** `n` learners with a signed-in session each. */
async function createLearners(databaseUrl: string, n: number): Promise<Learner[]> {
	const client = await open(databaseUrl);
	const now = Date.now();
	const learners: Learner[] = [];
	const statements = [];
	for (let i = 0; i < n; i++) {
		const id = generateSecureRandomString();
		const sessionId = generateSecureRandomString();
		const secret = generateSecureRandomString();
		statements.push(
			{
				sql: "INSERT INTO user (id, email, name, password_hash, role, locale, created_at) VALUES (?, ?, ?, 'x', 'learner', 'en', ?)",
				args: [id, `writes-${id}@example.org`, `Learner ${i}`, now],
			},
			{
				sql: "INSERT INTO session (id, secret_hash, user_id, created_at, last_verified_at, device) VALUES (?, ?, ?, ?, ?, 'test')",
				args: [sessionId, Buffer.from(sha256(new TextEncoder().encode(secret))), id, now, now],
			},
		);
		learners.push({ id, cookie: `session=${sessionId}.${secret}` });
	}
	await client.batch(statements, 'write');
	return learners;
}

async function post(base: string, learner: Learner, path: string, body: unknown) {
	const res = await fetch(`${base}${path}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			accept: 'application/json',
			origin: base,
			cookie: learner.cookie,
		},
		body: JSON.stringify(body),
	});
	return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

type Attempt = { id: string; questions: PublicQuestion[] };

describe('concurrent writes (group commit)', () => {
	const base = inject('baseUrl');
	const databaseUrl = inject('databaseUrl');

	it('starts, submits and completes for 40 learners at once: every write lands and every answer is its own', async () => {
		const learners = await createLearners(databaseUrl, 40);
		const client = await open(databaseUrl);

		const starts = await Promise.all(
			learners.map((l) => post(base, l, '/api/quiz/start', { course: COURSE, quiz: QUIZ })),
		);
		expect(starts.map((s) => s.status)).toEqual(Array(40).fill(201));
		const attempts = starts.map((s) => s.body.attempt as Attempt);
		expect(new Set(attempts.map((a) => a.id)).size).toBe(40);
		for (const [i, a] of attempts.entries()) {
			const row = (
				await client.execute({ sql: 'SELECT user_id FROM quiz_attempt WHERE id = ?', args: [a.id] })
			).rows[0];
			expect(row?.user_id).toBe(learners[i]!.id);
		}

		// Even learners pass (all right), odd ones fail (three of five wrong).
		const submits = await Promise.all(
			learners.map((l, i) =>
				post(base, l, '/api/quiz/submit', {
					attempt: attempts[i]!.id,
					answers: buildAnswers(quiz, attempts[i]!.questions, (_, n) => i % 2 === 1 && n % 2 === 0),
				}),
			),
		);
		expect(submits.map((s) => s.status)).toEqual(Array(40).fill(200));
		for (const [i, s] of submits.entries()) {
			const result = s.body.result as { passed: boolean; score: number };
			expect(result.passed).toBe(i % 2 === 0);
			const row = (
				await client.execute({
					sql: 'SELECT passed, score, (SELECT count(*) FROM quiz_response WHERE attempt_id = a.id) AS responses FROM quiz_attempt a WHERE id = ?',
					args: [attempts[i]!.id],
				})
			).rows[0]!;
			expect({
				passed: Boolean(row.passed),
				score: Number(row.score),
				responses: Number(row.responses),
			}).toEqual({
				passed: i % 2 === 0,
				score: result.score,
				responses: attempts[i]!.questions.length,
			});
		}

		// Two lessons each, all at once, plus a repeat of the first for every learner.
		const completions = await Promise.all(
			learners.flatMap((l) =>
				[...LESSONS, LESSONS[0]!].map((lesson) =>
					post(base, l, '/api/progress', { course: COURSE, lesson, action: 'complete' }),
				),
			),
		);
		expect(completions.map((c) => c.status)).toEqual(Array(120).fill(200));
		for (const [i, l] of learners.entries()) {
			const mine = completions.slice(3 * i, 3 * i + 3).map((c) => c.body.changed);
			// The first lesson was completed once (by one of its two requests), the second once.
			expect(mine.filter(Boolean)).toHaveLength(2);
			const events = (
				await client.execute({
					sql: "SELECT lesson_slug FROM progress_event WHERE user_id = ? AND course_slug = ? AND kind = 'complete' ORDER BY lesson_slug",
					args: [l.id, COURSE],
				})
			).rows.map((r) => r.lesson_slug);
			// A pass also completed the lesson that embeds the quiz.
			const passed = i % 2 === 0 ? ['prove-your-skills'] : [];
			expect(events).toEqual([...LESSONS, ...passed].sort());
		}
	});

	it('a request whose write fails gets an error; the requests written beside it succeed', async () => {
		const learners = await createLearners(databaseUrl, 20);
		const client = await open(databaseUrl);
		const victim = learners[7]!;
		// A trigger in this throwaway database makes exactly one learner's completion fail in SQL.
		await client.execute(
			`CREATE TRIGGER writes_test_fail BEFORE INSERT ON progress_event WHEN NEW.user_id = '${victim.id}'
			BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
		);
		try {
			const results = await Promise.all(
				learners.map((l) =>
					post(base, l, '/api/progress', {
						course: COURSE,
						lesson: LESSONS[1],
						action: 'complete',
					}),
				),
			);
			expect(results.map((r) => r.status)).toEqual(learners.map((l) => (l === victim ? 500 : 200)));
			const done = (
				await client.execute({
					sql: `SELECT user_id FROM lesson_progress WHERE course_slug = ? AND lesson_slug = ? AND completed_at IS NOT NULL
						AND user_id IN (${learners.map(() => '?').join(', ')})`,
					args: [COURSE, LESSONS[1]!, ...learners.map((l) => l.id)],
				})
			).rows.map((r) => r.user_id);
			expect(new Set(done)).toEqual(new Set(learners.filter((l) => l !== victim).map((l) => l.id)));
		} finally {
			await client.execute('DROP TRIGGER writes_test_fail');
		}
	});
});

describe('durability', () => {
	it('after kill -9 in the middle of a stream of writes, every write answered 2xx is on disk', async () => {
		const server = await startServer();
		servers.push(server);
		const learners = await createLearners(server.databaseUrl, 120);
		const acknowledged: { learner: Learner; kind: 'start' | 'complete'; value: string }[] = [];
		let killed = false;
		const requests = learners.flatMap((l) => [
			{ l, path: '/api/quiz/start', body: { course: COURSE, quiz: QUIZ } },
			...LESSONS.map((lesson) => ({
				l,
				path: '/api/progress',
				body: { course: COURSE, lesson, action: 'complete' },
			})),
		]);
		// 40 clients, each sending its next request when the last is answered, so that at the kill
		// requests are in flight and others are still to be sent (those then fail to connect).
		let next = 0;
		const sender = async () => {
			while (next < requests.length) {
				const { l, path, body } = requests[next++]!;
				try {
					const res = await post(server.url, l, path, body);
					if (res.status >= 200 && res.status <= 299)
						acknowledged.push(
							path === '/api/quiz/start'
								? { learner: l, kind: 'start', value: (res.body.attempt as Attempt).id }
								: { learner: l, kind: 'complete', value: (body as { lesson: string }).lesson },
						);
				} catch {
					// The connection died with the server, or found none: not acknowledged.
				}
				if (!killed && acknowledged.length >= 60) {
					killed = true;
					server.process.kill('SIGKILL');
				}
			}
		};
		await Promise.all(Array.from({ length: 40 }, sender));
		expect(killed).toBe(true);
		expect(acknowledged.length).toBeGreaterThanOrEqual(60);
		// The kill came mid-stream: the requests sent after it were not answered.
		expect(acknowledged.length).toBeLessThan(requests.length);

		const restarted = await startServer({ dataDir: server.dataDir });
		servers.push(restarted);
		const client = await open(restarted.databaseUrl);
		const missing = [];
		for (const a of acknowledged) {
			const found =
				a.kind === 'start'
					? await client.execute({
							sql: 'SELECT 1 FROM quiz_attempt WHERE id = ? AND user_id = ?',
							args: [a.value, a.learner.id],
						})
					: await client.execute({
							sql: 'SELECT 1 FROM lesson_progress WHERE user_id = ? AND course_slug = ? AND lesson_slug = ? AND completed_at IS NOT NULL',
							args: [a.learner.id, COURSE, a.value],
						});
			if (found.rows.length === 0) missing.push(a);
		}
		expect(missing).toEqual([]);
		// And the restarted server answers from that database.
		const after = await post(restarted.url, acknowledged[0]!.learner, '/api/progress', {
			course: COURSE,
			lesson: LESSONS[0],
			action: 'complete',
		});
		expect(after.status).toBe(200);
	});
});
