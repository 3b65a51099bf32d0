/**
 * The projects a learner has passed in a course, for the certificate rule (`certificate.projects`)
 * and the credential's evidence: one item per passed project, with the best score and the time of
 * the first passing upload. Names and descriptions are the English project's (credentials are
 * issued in English).
 */
import { and, asc, eq } from 'drizzle-orm';
import { projectSubmissionTable } from '../../../../db/schema.ts';
import type { EvidenceItem } from '../../evidence.ts';
import { getCourse, getProjectLesson } from '../../courses.ts';
import { db } from '../db.ts';
import { getProjectData } from './load.ts';

/** Passed projects of one learner in one course, keyed by id, with their best score. */
export async function getPassedProjects(
	userId: string,
	courseSlug: string,
): Promise<Map<string, EvidenceItem>> {
	const rows = await db
		.select({
			projectId: projectSubmissionTable.projectId,
			score: projectSubmissionTable.score,
			passed: projectSubmissionTable.passed,
			at: projectSubmissionTable.submittedAt,
		})
		.from(projectSubmissionTable)
		.where(
			and(
				eq(projectSubmissionTable.userId, userId),
				eq(projectSubmissionTable.courseSlug, courseSlug),
			),
		)
		.orderBy(asc(projectSubmissionTable.submittedAt))
		.all();
	const out = new Map<string, EvidenceItem>();
	if (rows.length === 0) return out;
	const course = await getCourse(courseSlug, 'en');
	for (const row of rows) {
		const seen = out.get(row.projectId);
		if (seen) {
			seen.scorePercent = Math.max(seen.scorePercent, row.score);
			continue;
		}
		if (!row.passed) continue;
		const project = await getProjectData(courseSlug, row.projectId);
		if (!project || !course) continue;
		out.set(row.projectId, {
			kind: 'project',
			id: row.projectId,
			lessonSlug: getProjectLesson(course, row.projectId)?.slug ?? '',
			name: project.title,
			description: project.summary,
			scorePercent: row.score,
			passedAt: row.at,
		});
	}
	return out;
}
