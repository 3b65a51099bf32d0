/**
 * The labs a learner has passed in a course, for the certificate rule (`certificate.labs`) and
 * the credential's evidence: one item per passed lab with its best score and first pass.
 */
import { sql } from 'drizzle-orm';
import type { EvidenceItem } from '../../evidence.ts';
import { db } from '../db.ts';
import { loadLab } from './load.ts';

/** Passed labs of one learner in one course, keyed by id, with their best score. */
export async function getPassedLabs(
	userId: string,
	courseSlug: string,
): Promise<Map<string, EvidenceItem>> {
	const rows = await db.all<{ lab_id: string; best: number; first_passed: number }>(sql`
		select lab_id, max(score) as best, min(case when passed = 1 then submitted_at end) as first_passed
		from lab_attempt where user_id = ${userId} and course_slug = ${courseSlug} and submitted_at is not null
		group by lab_id having max(passed) = 1`);
	const out = new Map<string, EvidenceItem>();
	for (const row of rows) {
		const loaded = await loadLab(courseSlug, row.lab_id, 'en');
		if (!loaded) continue; // the lab was removed from the course since
		out.set(row.lab_id, {
			kind: 'lab',
			id: row.lab_id,
			lessonSlug: loaded.lessonSlug ?? '',
			name: loaded.english.title,
			description: loaded.english.summary,
			scorePercent: Number(row.best),
			passedAt: new Date(Number(row.first_passed)),
		});
	}
	return out;
}
