/**
 * The learner's dashboard data in three indexed queries, however many courses and events the
 * learner has: enrolments, completed lessons per course (primary-key prefix scan), and passed
 * quizzes per course. Progress figures come from the same `summariseProgress` as the course page.
 */
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { enrolmentTable, lessonProgressTable, quizAttemptTable } from '../../../db/schema.ts';
import { getCourse, getCourses, type Course } from '../courses.ts';
import type { Locale } from '../i18n.ts';
import { getCertificatesForUser, type Certificate } from './certificates.ts';
import { db } from './db.ts';
import { summariseProgress, type CourseProgress, type Enrolment } from './progress.ts';

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
	const [enrolments, completed, passed, certificates] = await Promise.all([
		db.select().from(enrolmentTable).where(eq(enrolmentTable.userId, userId)).orderBy(desc(enrolmentTable.lastActiveAt)),
		db
			.select({ courseSlug: lessonProgressTable.courseSlug, lessonSlug: lessonProgressTable.lessonSlug })
			.from(lessonProgressTable)
			.where(and(eq(lessonProgressTable.userId, userId), isNotNull(lessonProgressTable.completedAt))),
		db
			.selectDistinct({ courseSlug: quizAttemptTable.courseSlug, quizId: quizAttemptTable.quizId })
			.from(quizAttemptTable)
			.where(and(eq(quizAttemptTable.userId, userId), eq(quizAttemptTable.passed, true))),
		getCertificatesForUser(userId),
	]);
	const group = <T extends { courseSlug: string }>(rows: T[], pick: (r: T) => string) => {
		const map = new Map<string, Set<string>>();
		for (const r of rows) {
			if (!map.has(r.courseSlug)) map.set(r.courseSlug, new Set());
			map.get(r.courseSlug)!.add(pick(r));
		}
		return map;
	};
	const completedBy = group(completed, (r) => r.lessonSlug);
	const passedBy = group(passed, (r) => r.quizId);
	const active: DashboardCourse[] = [];
	const left: DashboardCourse[] = [];
	for (const e of enrolments) {
		const course = await getCourse(e.courseSlug, locale);
		if (!course) continue;
		const progress = summariseProgress(course, e as Enrolment, completedBy.get(e.courseSlug) ?? new Set(), passedBy.get(e.courseSlug) ?? new Set());
		(e.leftAt ? left : active).push({ course, progress });
	}
	const enrolled = new Set(enrolments.map((e) => e.courseSlug));
	const suggestions = enrolments.length === 0 || active.length === 0 ? (await getCourses(locale)).filter((c) => !enrolled.has(c.slug)).slice(0, 3) : [];
	return { active, left, certificates, suggestions };
}
