/**
 * Quizzes at scale on the embedded database: submissions per second and latency with 50 learners
 * submitting at once (each request a real, distinct attempt graded and recorded once), attempt
 * starts per second, and the quiz island's JavaScript size (gzip), island code and Solid runtime
 * reported separately.
 *
 * Set-up (not measured): learners and sessions from bench/seed.ts, then one started attempt per
 * learner of the sample quiz (getting-started-check, all eight question types) written straight
 * into the database with the engine's own layout, and each attempt's answers worked out from its
 * public questions. Scenarios: failing submissions (grade + record attempt and 8 responses),
 * passing submissions (also complete the lesson and check the certificate rule), then starts.
 * Environment: BENCH_QUIZ_SUBMISSIONS (per scenario, default 8000).
 */
import autocannon from 'autocannon';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDatabase } from '../db/client.ts';
import { createLayout, toPublicQuestions } from '../src/lib/quiz/layout.ts';
import { generateSecureRandomString } from '../src/lib/server/random.ts';
import { buildAnswers, readQuizFile } from '../tests/helpers/quiz-answers.ts';
import { ensureBuild, printTable, root, startServer } from './lib.ts';
import { seed } from './seed.ts';

const COURSE = 'getting-started';
const QUIZ = 'getting-started-check';
const LESSON = 'prove-your-skills';
const N = Number(process.env.BENCH_QUIZ_SUBMISSIONS ?? 8000);

ensureBuild();
const quiz = readQuizFile(join(root, 'courses', COURSE, '01-start-here', `${QUIZ}.quiz.yaml`));
const dataDir = mkdtempSync(join(tmpdir(), 'bench-quiz-'));
const url = `file:${join(dataDir, 'test.db')}`;
const seeded = await seed(url, 2 * N + 500, 2 * N);
if (seeded.sessions.length < 2 * N)
	throw new Error(`only ${seeded.sessions.length} sessions seeded`);

/** One started attempt per learner, and the JSON body that submits it. */
async function createAttempts(sessions: { userId: string; cookie: string }[], pass: boolean) {
	const handle = await openDatabase({ url });
	const now = Date.now();
	const bodies: string[] = [];
	for (let i = 0; i < sessions.length; i += 500) {
		const chunk = sessions.slice(i, i + 500);
		const rows = chunk.map((s) => {
			const id = generateSecureRandomString();
			const layout = createLayout(quiz, generateSecureRandomString());
			const answers = buildAnswers(
				quiz,
				toPublicQuestions(quiz, layout),
				(_, n) => !pass && n % 2 === 0,
			);
			bodies.push(JSON.stringify({ attempt: id, answers }));
			return [id, s.userId, COURSE, QUIZ, 'en', JSON.stringify(layout), now];
		});
		await handle.client.execute({
			sql: `INSERT INTO quiz_attempt (id, user_id, course_slug, quiz_id, locale, layout, started_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
			args: rows.flat(),
		});
	}
	handle.close();
	return bodies;
}

const failing = seeded.sessions.slice(0, N);
const passing = seeded.sessions.slice(N, 2 * N);
const failBodies = await createAttempts(failing, false);
const passBodies = await createAttempts(passing, true);

const server = await startServer({ dataDir });
const rows: Record<string, string | number>[] = [];
try {
	const run = async (
		name: string,
		path: string,
		sessions: { cookie: string }[],
		bodies: (i: number) => string,
	) => {
		let n = 0;
		const result = await autocannon({
			url: `${server.url}${path}`,
			connections: 50,
			amount: sessions.length,
			requests: [
				{
					method: 'POST',
					setupRequest: (req) => {
						const i = n++;
						return {
							...req,
							headers: {
								'content-type': 'application/json',
								accept: 'application/json',
								origin: server.url,
								cookie: sessions[i % sessions.length]!.cookie,
							},
							body: bodies(i % sessions.length),
						};
					},
				},
			],
		});
		rows.push({
			scenario: name,
			requests: result.requests.total,
			'req/s': Math.round(result.requests.average),
			'p50 ms': result.latency.p50,
			'p99 ms': result.latency.p99,
			'non-2xx': result.non2xx,
			errors: result.errors,
		});
	};
	// Warm the quiz and lesson code paths.
	for (let i = 0; i < 20; i++)
		await fetch(`${server.url}/courses/${COURSE}/${LESSON}`, {
			headers: { cookie: seeded.sessions[2 * N - 1 - i]!.cookie },
		});
	await run('submit, failing (grade + record)', '/api/quiz/submit', failing, (i) => failBodies[i]!);
	await run(
		'submit, passing (+ lesson, certificate check)',
		'/api/quiz/submit',
		passing,
		(i) => passBodies[i]!,
	);
	await run('start an attempt', '/api/quiz/start', failing, () =>
		JSON.stringify({ course: COURSE, quiz: QUIZ }),
	);

	const handle = await openDatabase({ url });
	const counts = (
		await handle.client
			.execute(`SELECT (SELECT count(*) FROM quiz_attempt WHERE submitted_at IS NOT NULL) AS submitted,
		(SELECT count(*) FROM quiz_attempt WHERE passed = 1) AS passed, (SELECT count(*) FROM quiz_response) AS responses`)
	).rows[0]!;
	handle.close();
	printTable(
		`Quiz API, 50 concurrent learners, embedded libSQL (WAL, synchronous=FULL), ${seeded.learners} learners seeded`,
		rows,
	);
	printTable('Recorded by the runs above', [
		{
			'attempts submitted': Number(counts.submitted),
			passed: Number(counts.passed),
			'responses stored': Number(counts.responses),
		},
	]);

	// The island's JavaScript, as the lesson page loads it.
	const html = await (await fetch(`${server.url}/courses/${COURSE}/${LESSON}`)).text();
	const componentUrl = /component-url="(\/_astro\/[^"]+)"/.exec(html)?.[1];
	const rendererUrl = /renderer-url="(\/_astro\/[^"]+)"/.exec(html)?.[1];
	if (!componentUrl || !rendererUrl) throw new Error('no quiz island on the lesson page');
	const file = (u: string) => readFileSync(join(root, 'dist', 'client', u));
	const importsOf = (u: string) =>
		[
			...file(u)
				.toString()
				.matchAll(/(?:from|import)\s*\(?\s*["']\.\/([^"']+\.js)["']/g),
		].map((m) => `/_astro/${m[1]}`);
	const closure = (start: string[]) => {
		const seen = new Set<string>();
		const queue = [...start];
		while (queue.length > 0) {
			const u = queue.pop()!;
			if (seen.has(u)) continue;
			seen.add(u);
			queue.push(...importsOf(u));
		}
		return seen;
	};
	const runtime = closure([rendererUrl]);
	const island = [...closure([componentUrl])].filter((u) => !runtime.has(u));
	const shared = [...closure([componentUrl])].filter((u) => runtime.has(u));
	const size = (urls: string[]) => {
		const raw = urls.reduce((sum, u) => sum + file(u).length, 0);
		const gz = urls.reduce((sum, u) => sum + gzipSync(file(u), { level: 9 }).length, 0);
		return {
			files: urls.map((u) => u.replace('/_astro/', '')).join(' '),
			KB: (raw / 1024).toFixed(1),
			'KB gzip': (gz / 1024).toFixed(1),
		};
	};
	const loaders = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) =>
		Buffer.from(m[1]!),
	);
	printTable('Quiz island JavaScript (target: island ≤ 15 KB gzip)', [
		{ part: 'quiz island (QuizIsland + its own chunks)', ...size(island) },
		{ part: 'Solid runtime + Astro Solid renderer', ...size([...runtime]) },
		{ part: 'of which the island imports', ...size(shared) },
		{
			part: 'inline loaders in the page (Astro island, Solid hydration)',
			files: `${loaders.length} scripts`,
			KB: (loaders.reduce((s, b) => s + b.length, 0) / 1024).toFixed(1),
			'KB gzip': (loaders.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0) / 1024).toFixed(
				1,
			),
		},
	]);
} finally {
	await server.stop();
}
