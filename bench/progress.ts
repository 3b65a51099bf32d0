/**
 * Progress at scale: seeds 100,000 learners with realistic progress on the embedded database, then
 * reports the dashboard's server time (sequential requests from sample learners, loopback) and the
 * completion endpoint's throughput (50 connections, 10 s, each request a real state change:
 * complete or undo a random lesson for a random sample learner).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureBuild, percentile, printTable, startServer } from './lib.ts';
import { readCourses, seed } from './seed.ts';

const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 100_000);
ensureBuild();
const dataDir = mkdtempSync(join(tmpdir(), 'bench-progress-'));
const seeded = await seed(`file:${join(dataDir, 'test.db')}`, LEARNERS, 500);
printTable('Seeded (embedded libSQL, WAL, synchronous=FULL)', [
	{
		learners: seeded.learners,
		enrolments: seeded.enrolments,
		'lesson rows': seeded.lessonRows,
		'progress events': seeded.events,
		'seconds to seed': seeded.seconds.toFixed(1),
	},
]);

const server = await startServer({ dataDir });
try {
	for (const s of seeded.sessions.slice(0, 20))
		await fetch(`${server.url}/dashboard`, { headers: { cookie: s.cookie } }); // warm
	const times: number[] = [];
	for (let i = 0; i < 1000; i++) {
		const s = seeded.sessions[i % seeded.sessions.length]!;
		const started = performance.now();
		const res = await fetch(`${server.url}/dashboard`, { headers: { cookie: s.cookie } });
		await res.arrayBuffer();
		if (res.status !== 200) throw new Error(`dashboard answered ${res.status}`);
		times.push(performance.now() - started);
	}
	const ms = (v: number) => v.toFixed(1);
	printTable('Dashboard /dashboard, 1,000 sequential requests by 500 different learners (ms)', [
		{
			p50: ms(percentile(times, 50)),
			p90: ms(percentile(times, 90)),
			p99: ms(percentile(times, 99)),
			max: ms(Math.max(...times)),
		},
	]);

	const courses = readCourses();
	let n = 0;
	const result = await autocannon({
		url: `${server.url}/api/progress`,
		connections: 50,
		duration: 10,
		requests: [
			{
				method: 'POST',
				setupRequest: (req) => {
					const s = seeded.sessions[n % seeded.sessions.length]!;
					const course = courses[n % courses.length]!;
					const lesson = course.lessons[Math.floor(n / courses.length) % course.lessons.length]!;
					const action = Math.floor(n / (courses.length * 7)) % 2 === 0 ? 'complete' : 'uncomplete';
					n++;
					return {
						...req,
						headers: {
							'content-type': 'application/json',
							accept: 'application/json',
							origin: server.url,
							cookie: s.cookie,
						},
						body: JSON.stringify({ course: course.slug, lesson, action }),
					};
				},
			},
		],
	});
	printTable('Completion endpoint POST /api/progress (50 connections, 10 s)', [
		{
			'req/s': Math.round(result.requests.average),
			'p50 ms': result.latency.p50,
			'p99 ms': result.latency.p99,
			requests: result.requests.total,
			'non-2xx': result.non2xx,
			errors: result.errors,
		},
	]);
} finally {
	await server.stop();
}
