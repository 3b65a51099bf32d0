/**
 * The learner's dashboard data: enrolments, certificates, and the learner's record in every
 * enrolled course (completed lessons and passed quizzes in two indexed queries however many courses
 * the learner has; passed projects and labs per course). Progress figures come from the same
 * `summariseProgress` as the course page.
 */
import { desc, eq } from 'drizzle-orm';
import { enrolmentTable } from '../../../../db/schema.ts';
import { createEmptyRecord } from '../../course-progress.ts';
import { getCourse, getCourses, type Course } from '../../courses.ts';
import type { Locale } from '../../i18n.ts';
import { getCertificatesForUser, type Certificate } from '../certificates/records.ts';
import { db } from '../db.ts';
import { getLearnerRecords } from './learner-record.ts';
import { summariseProgress, type CourseProgress, type Enrolment } from './enrolment.ts';

export interface DashboardCourse {
	course: Course;
	progress: CourseProgress;
}

export interface Dashboard {
	active: DashboardCourse[];
	left: DashboardCourse[];
	/** Current (non-superseded) certificates, newest first. */
	certificates: Certificate[];
	suggestions: Course[];
}

/** Everything the dashboard shows for one learner. */
export async function getDashboard(userId: string, locale: Locale): Promise<Dashboard> {
	const [enrolments, certificates] = await Promise.all([
		db
			.select()
			.from(enrolmentTable)
			.where(eq(enrolmentTable.userId, userId))
			.orderBy(desc(enrolmentTable.lastActiveAt)),
		getCertificatesForUser(userId),
	]);
	const records = await getLearnerRecords(
		userId,
		enrolments.map((e) => e.courseSlug),
	);
	const active: DashboardCourse[] = [];
	const left: DashboardCourse[] = [];
	for (const e of enrolments) {
		const course = await getCourse(e.courseSlug, locale);
		if (!course) continue;
		const progress = summariseProgress(
			course,
			e as Enrolment,
			records.get(e.courseSlug) ?? createEmptyRecord(),
		);
		(e.leftAt ? left : active).push({ course, progress });
	}
	const enrolled = new Set(enrolments.map((e) => e.courseSlug));
	// Suggest courses to a new learner, and to one who has finished everything they are taking.
	const finished = active.every((a) => a.progress.missing.length === 0);
	const suggestions = finished
		? (await getCourses(locale)).filter((c) => !enrolled.has(c.slug)).slice(0, 3)
		: [];
	return { active, left, certificates, suggestions };
}
