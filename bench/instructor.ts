/**
 * Scenario: the instructor dashboard at scale. Seeds a throwaway embedded database with 100,000
 * learners and 1,000,000 progress events (plus enrolments, lesson progress, quiz attempts with
 * per-question responses and certificates in realistic proportions, see bench/analytics-seed/generate.ts),
 * starts the production server on it, signs an instructor in, and times 200 sequential requests
 * of each analytics page on loopback. Server time is the `ms` of the server's own request log line
 * (scripts/serve.ts); client time includes HTTP on loopback.
 *
 * Usage: node bench/instructor.ts [--course <slug>] [--learners 100000] [--events 1000000] [--requests 200] [--keep]
 * (--keep leaves the seeded database, about 400 MB, in the temporary folder printed at the end.)
 * The course must be in courses/ and in the build; by default the course with the most lessons.
 */
import { eq } from 'drizzle-orm';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/client.ts';
import { userTable } from '../db/schema.ts';
import { signUp } from '../tests/helpers/accounts.ts';
import { listCourseSlugs, readCourseOutline } from '../tests/helpers/course-files.ts';
import type { Browser } from '../tests/helpers/http.ts';
import { ensureBuild, percentile, printTable, root, startServer } from './lib.ts';
import type { SeedCounts } from './analytics-seed/generate.ts';

const { values } = parseArgs({
	options: {
		course: { type: 'string' },
		learners: { type: 'string', default: '100000' },
		events: { type: 'string', default: '1000000' },
		requests: { type: 'string', default: '200' },
		keep: { type: 'boolean', default: false },
	},
});
const coursesDir = join(root, 'courses');
const slug =
	values.course ??
	listCourseSlugs(coursesDir)
		.map((s) => readCourseOutline(coursesDir, s))
		.sort((a, b) => b.lessons.length - a.lessons.length || a.slug.localeCompare(b.slug))[0]?.slug;
if (!slug) {
	console.error('No course in courses/ to measure. Add one, or pass --course <slug>.');
	process.exit(2);
}
const outline = readCourseOutline(coursesDir, slug);
const requests = Number(values.requests);

ensureBuild();
const dataDir = mkdtempSync(join(tmpdir(), 'dakshata-bench-instructor-'));
const databasePath = join(dataDir, 'test.db');
const seeding = spawnSync(
	process.execPath,
	[
		join(import.meta.dirname, 'analytics-seed', 'seed-db.ts'),
		databasePath,
		slug,
		values.learners!,
		values.events!,
	],
	{ stdio: 'inherit' },
);
if (seeding.status !== 0) process.exit(seeding.status ?? 1);
const { seconds: seedSeconds, ...counts } = JSON.parse(
	readFileSync(`${databasePath}.seed.json`, 'utf8'),
) as SeedCounts & { seconds: number };

const server = await startServer({ dataDir, env: { LOG_LEVEL: 'info' } });
const rows: Record<string, string | number>[] = [];
try {
	const email = outline.instructors[0] ?? 'bench-admin@example.org';
	const { browser } = await signUp(server.url, { email, name: 'Bench Trainer' });
	const db = await openDatabase({ url: `file:${databasePath}` });
	await db.db
		.update(userTable)
		.set({ role: outline.instructors[0] ? 'instructor' : 'admin' })
		.where(eq(userTable.email, email));
	db.close();

	const base = `/instructor/${slug}`;
	const scenarios: { name: string; path: string; times: number }[] = [
		{ name: 'course dashboard', path: base, times: requests },
		{ name: 'learners, page 1', path: `${base}/learners`, times: requests },
		{
			name: 'learners, page 1000',
			path: `${base}/learners?page=1000`,
			times: Math.min(requests, 50),
		},
		{
			name: 'learners, search',
			path: `${base}/learners?q=${encodeURIComponent('Rahim Uddin 4')}`,
			times: Math.min(requests, 50),
		},
		{ name: 'item analysis CSV', path: `${base}/items.csv`, times: Math.min(requests, 50) },
		{ name: 'course list', path: '/instructor', times: requests },
		{ name: 'learners CSV (all)', path: `${base}/learners.csv`, times: 3 },
	];
	for (const s of scenarios) rows.push(await measure(browser, s.name, s.path, s.times));
} finally {
	await server.stop();
}

/** Times `times` sequential GETs of `path` (after 3 warm-up requests) from the client and from the server's log. */
async function measure(
	browser: Browser,
	name: string,
	path: string,
	times: number,
): Promise<Record<string, string | number>> {
	for (let i = 0; i < 3; i++) await (await browser.get(path)).arrayBuffer();
	const client: number[] = [];
	const ids = new Set<string>();
	let bytes = 0;
	for (let i = 0; i < times; i++) {
		const started = performance.now();
		const res = await browser.get(path);
		const body = await res.arrayBuffer();
		client.push(performance.now() - started);
		if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
		ids.add(res.headers.get('x-request-id')!);
		bytes = body.byteLength;
	}
	const serverMs = server
		.output()
		.split('\n')
		.filter((line) => line.includes('"msg":"request"'))
		.map((line) => JSON.parse(line) as { requestId: string; ms: number })
		.filter((entry) => ids.has(entry.requestId))
		.map((entry) => entry.ms);
	const f = (n: number) => n.toFixed(1);
	return {
		page: name,
		requests: times,
		'server p50 ms': f(percentile(serverMs, 50)),
		'server p99 ms': f(percentile(serverMs, 99)),
		'server max ms': f(Math.max(...serverMs)),
		'client p50 ms': f(percentile(client, 50)),
		'client p99 ms': f(percentile(client, 99)),
		KB: (bytes / 1024).toFixed(0),
	};
}

const dbMb = (statSync(databasePath).size / 1_048_576).toFixed(0);
printTable('Seeded data', [
	{
		learners: counts.users,
		enrolments: counts.enrolments,
		[`in ${slug}`]: counts.courseEnrolments,
		'lesson progress': counts.lessonProgress,
		'progress events': counts.progressEvents,
		'quiz attempts': counts.quizAttempts,
		'quiz responses': counts.quizResponses,
		certificates: counts.certificates,
		'seed s': seedSeconds.toFixed(0),
		'db MB': dbMb,
	},
]);
printTable(
	`Instructor analytics of ${slug}: sequential requests on loopback, embedded database`,
	rows,
);
if (values.keep) console.log(`\nThe seeded database is kept in ${dataDir}.`);
else rmSync(dataDir, { recursive: true, force: true });
console.log('\nTarget: course dashboard server p99 under 200 ms.');
