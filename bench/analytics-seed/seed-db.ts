/**
 * Seeds one database file for bench/instructor.ts in a process of its own, so the measuring
 * process starts lean (the seeding leaves hundreds of MB of garbage behind, and its garbage
 * collection would otherwise run during the timed requests on a 2-core machine).
 *
 * Usage: node bench/analytics-seed/seed-db.ts <database file> <course slug> <learners> <events>
 * Writes the counts as JSON to `<database file>.seed.json`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { readCourseOutline } from '../../tests/helpers/course-files.ts';
import { seedAnalytics } from './generate.ts';

const [databasePath, slug, learners, events] = process.argv.slice(2);
if (!databasePath || !slug || !learners || !events) {
	console.error(
		'Usage: node bench/analytics-seed/seed-db.ts <database file> <course slug> <learners> <events>',
	);
	process.exit(2);
}
const outline = readCourseOutline(join(import.meta.dirname, '..', '..', 'courses'), slug);
const handle = await openDatabase({ url: `file:${databasePath}` });
await migrateDatabase(handle.db);
// Seeding only: a big page cache and no fsync per commit. The server opens the file with the
// platform's own settings (synchronous=FULL) afterwards.
await handle.client.execute('PRAGMA cache_size = -400000');
await handle.client.execute('PRAGMA synchronous = OFF');
console.log(
	`Seeding ${learners} learners and ${events} progress events (course ${slug}, ${outline.lessons.length} lessons, ${outline.quizzes.length} quizzes)…`,
);
const started = performance.now();
const counts = await seedAnalytics(handle.client, outline, {
	learners: Number(learners),
	progressEvents: Number(events),
	courseShare: 0.6,
	seed: 42,
	onProgress: (done, total) => {
		if (done % 20_000 === 0)
			console.log(
				`  ${done} / ${total} learners (${((performance.now() - started) / 1000).toFixed(0)} s)`,
			);
	},
});
await handle.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
handle.close();
writeFileSync(
	`${databasePath}.seed.json`,
	JSON.stringify({ ...counts, seconds: (performance.now() - started) / 1000 }),
);
