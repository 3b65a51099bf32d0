/**
 * Reads what learners have done (completed lessons; passed quizzes, projects and labs) into the
 * `LearnerRecord` shape the pure course-progress module works on. One learner in one course for
 * the course page and certificate issuing; one learner in every course for the dashboard.
 */
import { and, eq, isNotNull, max } from 'drizzle-orm';
import { lessonProgressTable, quizAttemptTable } from '../../../../db/schema.ts';
import { createEmptyRecord, type LearnerRecord } from '../../course-progress.ts';
import { getCourse } from '../../courses.ts';
import { db } from '../db.ts';
import { getPassedLabs } from '../labs/passed.ts';
import { getPassedProjects } from '../projects/passed.ts';

/** The learner's record in one course. */
export async function getLearnerRecord(userId: string, courseSlug: string): Promise<LearnerRecord> {
	// Projects and labs are read only for a course that has any (most have neither).
	const course = await getCourse(courseSlug, 'en');
	const has = (kind: 'project' | 'lab') =>
		!course ||
		course.certificate[`${kind}s`].length > 0 ||
		course.lessons.some((l) => l[`${kind}Ids`].length > 0);
	const none = new Map<string, never>();
	const [lessons, quizzes, projects, labs] = await Promise.all([
		db
			.select({ slug: lessonProgressTable.lessonSlug })
			.from(lessonProgressTable)
			.where(
				and(
					eq(lessonProgressTable.userId, userId),
					eq(lessonProgressTable.courseSlug, courseSlug),
					isNotNull(lessonProgressTable.completedAt),
				),
			),
		db
			.selectDistinct({ id: quizAttemptTable.quizId })
			.from(quizAttemptTable)
			.where(
				and(
					eq(quizAttemptTable.userId, userId),
					eq(quizAttemptTable.courseSlug, courseSlug),
					eq(quizAttemptTable.passed, true),
				),
			),
		has('project') ? getPassedProjects(userId, courseSlug) : none,
		has('lab') ? getPassedLabs(userId, courseSlug) : none,
	]);
	return {
		completedLessons: new Set(lessons.map((r) => r.slug)),
		passed: {
			quiz: new Set(quizzes.map((r) => r.id)),
			project: new Set(projects.keys()),
			lab: new Set(labs.keys()),
		},
	};
}

/** The learner's records in every course they have touched, keyed by course slug. */
export async function getLearnerRecords(
	userId: string,
	courseSlugs: string[],
): Promise<Map<string, LearnerRecord>> {
	const [lessons, quizzes] = await Promise.all([
		db
			.select({ courseSlug: lessonProgressTable.courseSlug, slug: lessonProgressTable.lessonSlug })
			.from(lessonProgressTable)
			.where(
				and(eq(lessonProgressTable.userId, userId), isNotNull(lessonProgressTable.completedAt)),
			),
		db
			.selectDistinct({ courseSlug: quizAttemptTable.courseSlug, id: quizAttemptTable.quizId })
			.from(quizAttemptTable)
			.where(and(eq(quizAttemptTable.userId, userId), eq(quizAttemptTable.passed, true))),
	]);
	const records = new Map<string, LearnerRecord>();
	const recordOf = (slug: string) => {
		let record = records.get(slug);
		if (!record) records.set(slug, (record = createEmptyRecord()));
		return record;
	};
	for (const slug of courseSlugs) recordOf(slug);
	for (const r of lessons) recordOf(r.courseSlug).completedLessons.add(r.slug);
	for (const r of quizzes) recordOf(r.courseSlug).passed.quiz.add(r.id);
	await Promise.all(
		courseSlugs.map(async (slug) => {
			const [projects, labs] = await Promise.all([
				getPassedProjects(userId, slug),
				getPassedLabs(userId, slug),
			]);
			for (const id of projects.keys()) recordOf(slug).passed.project.add(id);
			for (const id of labs.keys()) recordOf(slug).passed.lab.add(id);
		}),
	);
	return records;
}

/** The learner's best submitted score (percent) per quiz of a course; quizzes never submitted are absent. */
export async function getBestQuizScores(
	userId: string,
	courseSlug: string,
): Promise<Map<string, number>> {
	const rows = await db
		.select({ id: quizAttemptTable.quizId, best: max(quizAttemptTable.score) })
		.from(quizAttemptTable)
		.where(
			and(
				eq(quizAttemptTable.userId, userId),
				eq(quizAttemptTable.courseSlug, courseSlug),
				isNotNull(quizAttemptTable.submittedAt),
			),
		)
		.groupBy(quizAttemptTable.quizId);
	return new Map(rows.filter((r) => r.best !== null).map((r) => [r.id, Number(r.best)]));
}
