/**
 * Seeds a throwaway embedded database with realistic activity for the benchmarks: learners enrolled
 * in the real courses (read from courses/), lessons visited and completed in order with a long tail
 * of drop-outs, progress events for every visit and completion, and signed-in sessions for a
 * sample of learners. Pure SQL with recursive CTEs, in a few transactions.
 */
import { localeOf } from '../src/lib/content/translations.ts';
import { sha256 } from '@oslojs/crypto/sha2';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { hashPassword } from '../src/lib/server/auth/password.ts';
import { generateSecureRandomString } from '../src/lib/server/random.ts';
import { root } from './lib.ts';

export interface SeededCourse {
	slug: string;
	lessons: string[];
}

/** The real courses and their lessons in order, from the files. */
export function readCourses(): SeededCourse[] {
	const dir = join(root, 'courses');
	return readdirSync(dir)
		.filter((c) => existsSync(join(dir, c, 'course.md')))
		.map((slug) => ({
			slug,
			lessons: readdirSync(join(dir, slug))
				.filter((u) => /^\d+-/.test(u))
				.sort()
				.flatMap((u) =>
					readdirSync(join(dir, slug, u))
						.filter((f) => /^\d+-.*\.mdx$/.test(f) && !localeOf(f))
						.sort()
						.map((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, '')),
				),
		}));
}

export interface SeedResult {
	learners: number;
	enrolments: number;
	lessonRows: number;
	events: number;
	/** Session cookies (`session=<token>`) of sample learners, with their user ids. */
	sessions: { userId: string; cookie: string }[];
	seconds: number;
}

/** Seeds `learners` learners into the database at `url` (migrating it first). */
export async function seed(
	url: string,
	learners: number,
	sampleSessions = 500,
): Promise<SeedResult> {
	const started = performance.now();
	const handle = await openDatabase({ url });
	await migrateDatabase(handle.db);
	const client = handle.client;
	const courses = readCourses();
	const hash = await hashPassword('benchmark password');
	const now = Date.now();
	const day = 86_400_000;

	// Temp tables live on one connection: do everything in one transaction.
	const tx = await client.transaction('write');
	try {
		await tx.execute('CREATE TEMP TABLE cl (course_slug TEXT, position INTEGER, lesson_slug TEXT)');
		await tx.execute(
			'CREATE TEMP TABLE cn (n INTEGER PRIMARY KEY, course_slug TEXT, lessons INTEGER)',
		);
		for (const [i, c] of courses.entries()) {
			await tx.execute({
				sql: 'INSERT INTO cn VALUES (?, ?, ?)',
				args: [i, c.slug, c.lessons.length],
			});
			for (const [p, l] of c.lessons.entries())
				await tx.execute({ sql: 'INSERT INTO cl VALUES (?, ?, ?)', args: [c.slug, p, l] });
		}
		const n = courses.length;
		await tx.execute({
			sql: `WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ?)
				INSERT INTO user (id, email, name, password_hash, role, locale, created_at)
				SELECT printf('bench%019d', i), printf('learner%d@bench.example', i), printf('Learner %d', i), ?, 'learner',
					CASE i % 3 WHEN 0 THEN 'en' WHEN 1 THEN 'bn' ELSE 'hi' END, ? - (i % 365) * ?
				FROM s`,
			args: [learners, hash, now, day],
		});
		// Each learner enrols in 1 to 3 courses, picked from the row number (SQLite evaluates random()
		// in an IN list once per query, which enrolled everyone or no one).
		await tx.execute({
			sql: `INSERT OR IGNORE INTO enrolment (user_id, course_slug, enrolled_at, last_active_at)
				SELECT u.id, cn.course_slug, u.created_at + (abs(random()) % 30) * ?, u.created_at + (abs(random()) % 90) * ?
				FROM user u JOIN cn ON cn.n = u.rowid % ?3
					OR (u.rowid % 2 = 0 AND cn.n = (u.rowid * 7 + 3) % ?3)
					OR (u.rowid % 3 = 0 AND cn.n = (u.rowid * 13 + 5) % ?3)
				WHERE u.id LIKE 'bench%'`,
			args: [day, day, n],
		});
		// Lessons reached in order; each enrolment reaches a random depth (drop-outs), completes most of what it reached.
		await tx.execute(`CREATE TEMP TABLE depth AS SELECT user_id, course_slug, enrolled_at,
				(SELECT lessons FROM cn WHERE cn.course_slug = e.course_slug) * (abs(random()) % 101) / 100 AS reached FROM enrolment e`);
		await tx.execute(`INSERT INTO lesson_progress (user_id, course_slug, lesson_slug, first_visited_at, completed_at)
				SELECT d.user_id, d.course_slug, cl.lesson_slug, d.enrolled_at + cl.position * 3600000,
					CASE WHEN abs(random()) % 10 < 8 THEN d.enrolled_at + cl.position * 3600000 + 1200000 END
				FROM depth d JOIN cl ON cl.course_slug = d.course_slug AND cl.position < d.reached`);
		await tx.execute(`INSERT INTO progress_event (user_id, course_slug, lesson_slug, kind, at)
				SELECT user_id, course_slug, lesson_slug, 'visit', first_visited_at FROM lesson_progress`);
		await tx.execute(`INSERT INTO progress_event (user_id, course_slug, lesson_slug, kind, at)
				SELECT user_id, course_slug, lesson_slug, 'complete', completed_at FROM lesson_progress WHERE completed_at IS NOT NULL`);
		await tx.execute(`UPDATE enrolment SET last_lesson_slug = (SELECT lesson_slug FROM lesson_progress lp WHERE lp.user_id = enrolment.user_id
				AND lp.course_slug = enrolment.course_slug ORDER BY first_visited_at DESC LIMIT 1)`);
		await tx.commit();
	} catch (error) {
		await tx.rollback();
		throw error;
	} finally {
		tx.close();
	}
	const sessions: { userId: string; cookie: string }[] = [];
	const sample = await client.execute({
		sql: 'SELECT DISTINCT user_id FROM enrolment ORDER BY random() LIMIT ?',
		args: [sampleSessions],
	});
	const stmts = [];
	for (const row of sample.rows) {
		const userId = String(row.user_id);
		const id = generateSecureRandomString();
		const secret = generateSecureRandomString();
		stmts.push({
			sql: 'INSERT OR REPLACE INTO session (id, secret_hash, user_id, created_at, last_verified_at, device) VALUES (?, ?, ?, ?, ?, ?)',
			args: [id, Buffer.from(sha256(new TextEncoder().encode(secret))), userId, now, now, 'bench'],
		});
		sessions.push({ userId, cookie: `session=${id}.${secret}` });
	}
	await client.batch(stmts, 'write');
	const count = async (table: string) =>
		Number((await client.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
	const result = {
		learners: await count("user WHERE id LIKE 'bench%'"),
		enrolments: await count('enrolment'),
		lessonRows: await count('lesson_progress'),
		events: await count('progress_event'),
		sessions,
		seconds: (performance.now() - started) / 1000,
	};
	handle.close();
	return result;
}
