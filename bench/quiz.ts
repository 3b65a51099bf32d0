/**
 * Writes at scale on the embedded database (#19 goal 4): quiz submissions, lesson completions and
 * attempt starts per second and their latency, each beside the rate at which the same server
 * answers a trivial authenticated JSON endpoint (GET /api/session: the session read, no write) in
 * the same run, at 50 concurrent learners (goal: ≥ 0.5 × that rate, p99 ≤ 3 × p50) and at 10
 * (goal: p99 ≤ 50 ms); then the quiz island's JavaScript size (gzip), island code and Solid
 * runtime reported separately. The load average is printed with the figures (shared machine).
 *
 * Set-up (not measured): learners and sessions from bench/seed.ts, then one started attempt per
 * learner of the sample quiz (getting-started-check, all eight question types) written straight
 * into the database with the engine's own layout, each attempt's answers worked out from its
 * public questions, and the learners' progress in the course cleared so completions are real.
 * Every request is a distinct learner's real write (an attempt graded and recorded once, a lesson
 * completed once, a new attempt started). Scenarios: failing submissions (grade + record attempt
 * and responses), passing submissions (also complete the lesson and check the certificate rule),
 * lesson completions, starts.
 * Environment: BENCH_QUIZ_SUBMISSIONS (requests per 50-concurrent scenario, default 8000; a third
 * of that at 10 concurrent); BENCH_SERVER_NODE_OPTIONS (passed to the server as NODE_OPTIONS,
 * e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"); BENCH_QUIZ_ONLY (a regular expression: only the
 * scenarios whose name matches run after the reference, e.g. "passing" to profile one of them).
 */
import autocannon from 'autocannon';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
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
const FIRST_LESSON = 'how-courses-work';
const N = Number(process.env.BENCH_QUIZ_SUBMISSIONS ?? 8000);
const ONLY = process.env.BENCH_QUIZ_ONLY ? new RegExp(process.env.BENCH_QUIZ_ONLY) : null;

const startedAt = Date.now();
ensureBuild();
const quiz = readQuizFile(join(root, 'courses', COURSE, '01-start-here', `${QUIZ}.quiz.yaml`));
const dataDir = mkdtempSync(join(tmpdir(), 'bench-quiz-'));
const url = `file:${join(dataDir, 'test.db')}`;
const seeded = await seed(url, 3 * N + 500, 2 * N + Math.ceil(N / 3) + 40);
if (seeded.sessions.length < 2 * N + Math.ceil(N / 3) + 40)
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

const M = Math.ceil(N / 3);
const failing = seeded.sessions.slice(0, N);
const passing = seeded.sessions.slice(N, 2 * N);
const relaxed = seeded.sessions.slice(2 * N, 2 * N + M);
const failBodies = await createAttempts(failing, false);
const passBodies = await createAttempts(passing, true);
const relaxedBodies = await createAttempts(relaxed, false);
// Learners whose requests warm each code path before it is measured (not counted).
const warm = seeded.sessions.slice(2 * N + M, 2 * N + M + 40);
const warmFailBodies = await createAttempts(warm.slice(0, 20), false);
const warmPassBodies = await createAttempts(warm.slice(20), true);
{
	// Completions below must be real changes: clear these learners' progress in the course.
	const handle = await openDatabase({ url });
	const ids = seeded.sessions.slice(0, 2 * N + M + 40).map((s) => s.userId);
	for (let i = 0; i < ids.length; i += 500) {
		const chunk = ids.slice(i, i + 500);
		await handle.client.execute({
			sql: `DELETE FROM lesson_progress WHERE course_slug = ? AND user_id IN (${chunk.map(() => '?').join(', ')})`,
			args: [COURSE, ...chunk],
		});
	}
	handle.close();
}

const loadAtStart = loadavg();
const server = await startServer({
	dataDir,
	// e.g. BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
	env: process.env.BENCH_SERVER_NODE_OPTIONS
		? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS }
		: {},
});
const rows: Record<string, string | number>[] = [];
try {
	let trivialRate = 0;
	const run = async (
		name: string,
		method: 'GET' | 'POST',
		path: string,
		sessions: { cookie: string }[],
		bodies: (i: number) => string | undefined,
		connections = 50,
	) => {
		if (rows.length > 0 && ONLY && !ONLY.test(name)) return;
		let n = 0;
		const started = performance.now();
		let lastAnswer = started;
		const result = await autocannon({
			url: `${server.url}${path}`,
			connections,
			amount: sessions.length,
			requests: [
				{
					method,
					setupRequest: (req) => {
						const i = n++;
						const body = bodies(i % sessions.length);
						return {
							...req,
							headers: {
								...(body === undefined ? {} : { 'content-type': 'application/json' }),
								accept: 'application/json',
								origin: server.url,
								cookie: sessions[i % sessions.length]!.cookie,
							},
							body,
						};
					},
					onResponse: () => {
						lastAnswer = performance.now();
					},
				},
			],
		});
		// Requests from the first sent to the last answered: autocannon's own figures (and the time
		// its promise takes) count whole seconds of its ticker.
		const seconds = (lastAnswer - started) / 1000;
		const rate = Math.round(result.requests.total / seconds);
		const { p50, p99 } = result.latency;
		if (rows.length === 0) trivialRate = rate;
		const ratio = rate / trivialRate;
		const met =
			rows.length === 0 ? '' : connections === 50 ? ratio >= 0.5 && p99 <= 3 * p50 : p99 <= 50;
		rows.push({
			scenario: name,
			conc: connections,
			requests: result.requests.total,
			'req/s': rate,
			'p50 ms': p50,
			'p99 ms': p99,
			'× trivial': rows.length === 0 ? '1' : ratio.toFixed(2),
			'p99/p50': (p99 / Math.max(p50, 1)).toFixed(1),
			'met (≥0.5×, p99≤3×p50 | p99≤50ms)': met === '' ? '(reference)' : met ? 'yes' : 'NO',
			'non-2xx': result.non2xx,
			errors: result.errors,
		});
	};
	// Warm the session, lesson, quiz and progress code paths (one request per warm learner each).
	const post = (cookie: string, path: string, body: string) =>
		fetch(`${server.url}${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: server.url, cookie },
			body,
		}).then((r) => r.arrayBuffer());
	const start = () => JSON.stringify({ course: COURSE, quiz: QUIZ });
	const complete = (lesson: string) => () =>
		JSON.stringify({ course: COURSE, lesson, action: 'complete' });
	await Promise.all(
		warm.map(async (w, i) => {
			const cookie = w.cookie;
			await fetch(`${server.url}/courses/${COURSE}/${LESSON}`, { headers: { cookie } });
			await fetch(`${server.url}/api/session`, { headers: { cookie } });
			const body = i < 20 ? warmFailBodies[i]! : warmPassBodies[i - 20]!;
			await post(cookie, '/api/quiz/submit', body);
			await post(cookie, '/api/progress', complete(FIRST_LESSON)());
			await post(cookie, '/api/quiz/start', start());
		}),
	);
	const none = () => undefined;
	const everyone = seeded.sessions.slice(0, 2 * N);
	await run('GET /api/session (trivial, signed in)', 'GET', '/api/session', everyone, none);
	await run(
		'submit, failing (grade + record)',
		'POST',
		'/api/quiz/submit',
		failing,
		(i) => failBodies[i],
	);
	await run(
		'submit, passing (+ lesson, certificate check)',
		'POST',
		'/api/quiz/submit',
		passing,
		(i) => passBodies[i],
	);
	await run('complete a lesson', 'POST', '/api/progress', failing, complete(FIRST_LESSON));
	await run('start an attempt', 'POST', '/api/quiz/start', failing, start);
	await run('submit, failing', 'POST', '/api/quiz/submit', relaxed, (i) => relaxedBodies[i], 10);
	await run('complete a lesson', 'POST', '/api/progress', relaxed, complete(FIRST_LESSON), 10);
	await run('start an attempt', 'POST', '/api/quiz/start', relaxed, start, 10);
	const loadAtEnd = loadavg();

	const handle = await openDatabase({ url });
	const counts = (
		await handle.client
			.execute(`SELECT (SELECT count(*) FROM quiz_attempt WHERE submitted_at IS NOT NULL) AS submitted,
		(SELECT count(*) FROM quiz_attempt WHERE passed = 1) AS passed, (SELECT count(*) FROM quiz_response) AS responses,
		(SELECT count(*) FROM progress_event WHERE kind = 'complete' AND course_slug = '${COURSE}' AND at > ${startedAt}) AS completions`)
	).rows[0]!;
	handle.close();
	printTable(
		`Quiz and progress API, embedded libSQL (WAL, synchronous=FULL), ${seeded.learners} learners seeded; ` +
			`load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at start, ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')} at end ` +
			`(${cpus().length} cores). Goal (#19): writes at 50 concurrent ≥ 0.5 × the trivial rate with p99 ≤ 3 × p50; at 10 concurrent p99 ≤ 50 ms`,
		rows,
	);
	printTable('Recorded by the runs above', [
		{
			'attempts submitted': Number(counts.submitted),
			passed: Number(counts.passed),
			'responses stored': Number(counts.responses),
			'completions recorded': Number(counts.completions),
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
