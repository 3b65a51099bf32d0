/**
 * Reads a course's graded uploads for the instructor's per-project step analysis
 * (src/lib/projects/analysis.ts does the figures).
 */
import { asc, eq } from 'drizzle-orm';
import { projectSubmissionTable } from '../../../../db/schema.ts';
import type { Course } from '../../courses.ts';
import type { Locale } from '../../i18n.ts';
import { analyseProject, type ProjectAnalysis } from '../../projects/analysis.ts';
import type { GradedStep } from '../../projects/types.ts';
import { db } from '../db.ts';
import { listProjectIds, loadProject } from './load.ts';

/** Step analysis of every project of the course, in course order (titles in `locale`). */
export async function getProjectAnalyses(
	course: Course,
	locale: Locale,
): Promise<ProjectAnalysis[]> {
	const rows = await db
		.select({
			projectId: projectSubmissionTable.projectId,
			userId: projectSubmissionTable.userId,
			passed: projectSubmissionTable.passed,
			steps: projectSubmissionTable.steps,
		})
		.from(projectSubmissionTable)
		.where(eq(projectSubmissionTable.courseSlug, course.slug))
		.orderBy(asc(projectSubmissionTable.submittedAt), asc(projectSubmissionTable.id))
		.all();
	const out: ProjectAnalysis[] = [];
	for (const id of await listProjectIds(course.slug)) {
		const loaded = await loadProject(course.slug, id, locale);
		if (!loaded) continue;
		const uploads = rows
			.filter((r) => r.projectId === id)
			.map((r) => ({ userId: r.userId, passed: r.passed, steps: r.steps as GradedStep[] }));
		out.push(
			analyseProject({ id, title: loaded.project.title, steps: loaded.project.steps }, uploads),
		);
	}
	return out;
}
