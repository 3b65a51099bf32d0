/**
 * The learners of a course, for instructors: name, email, progress, last activity, best quiz
 * scores and certificate, newest enrolment first, with search and paging, and in batches for the
 * CSV export.
 *
 * A page is two steps: pick the enrolments (one index range of `enrolment_course_idx`; with a
 * search, a scan of the user table probing each match's enrolment), then read the details of just
 * those learners by primary key. Progress is the same figure the learner sees
 * (`summariseProgress`: required lessons completed and required quizzes, projects and labs passed).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Course } from '../../courses.ts';
import { toLikePattern } from '../../search-pattern.ts';
import { db } from '../db.ts';
import { createEmptyRecord } from '../../course-progress.ts';
import { getPassedLabs } from '../labs/passed.ts';
import { summariseProgress } from '../progress/enrolment.ts';
import { getPassedProjects } from '../projects/passed.ts';

export interface CourseLearner {
	userId: string;
	name: string;
	email: string;
	enrolledAt: Date;
	leftAt: Date | null;
	lastActiveAt: Date | null;
	completedAt: Date | null;
	/** Required items done, in percent (as on the learner's dashboard). */
	percent: number;
	/** Best submitted score per quiz id, in percent. */
	bestScores: Map<string, number>;
	certificate: { id: string; issuedAt: Date; revokedAt: Date | null } | null;
}

interface EnrolmentRow {
	userId: string;
	name: string;
	email: string;
	enrolledAt: number;
	leftAt: number | null;
	lastLessonSlug: string | null;
	lastActiveAt: number | null;
	completedAt: number | null;
	total?: number;
}

const date = (ms: number | null) => (ms === null ? null : new Date(Number(ms)));

const columns = sql`e.user_id as userId, u.name as name, u.email as email, e.enrolled_at as enrolledAt, e.left_at as leftAt,
	e.last_lesson_slug as lastLessonSlug, e.last_active_at as lastActiveAt, e.completed_at as completedAt`;

async function selectEnrolments(
	courseSlug: string,
	query: string,
	limit: number,
	offset: number,
): Promise<{ rows: EnrolmentRow[]; total: number | null }> {
	const pattern = toLikePattern(query);
	if (!pattern) {
		const rows = await db.all<EnrolmentRow>(sql`
			select ${columns} from (
				select rowid as rid from enrolment where course_slug = ${courseSlug}
				order by enrolled_at desc limit ${limit} offset ${offset}
			) p join enrolment e on e.rowid = p.rid join user u on u.id = e.user_id
			order by e.enrolled_at desc, e.rowid desc`);
		return { rows, total: null };
	}
	// CROSS JOIN keeps the user table outermost: one pass over users, probing each match's enrolment
	// by primary key, instead of a probe into users for every enrolment of a big course.
	const rows = await db.all<EnrolmentRow>(sql`
		select ${columns}, count(*) over () as total
		from user u cross join enrolment e on e.user_id = u.id and e.course_slug = ${courseSlug}
		where u.name like ${pattern} escape '\\' or u.email like ${pattern} escape '\\'
		order by e.enrolled_at desc, e.rowid desc limit ${limit} offset ${offset}`);
	return { rows, total: rows[0]?.total !== undefined ? Number(rows[0].total) : 0 };
}

const inList = (ids: readonly string[]): SQL =>
	sql`(${sql.join(
		ids.map((id) => sql`${id}`),
		sql`, `,
	)})`;

/** Passed projects and labs of each learner, read only when the course requires any. */
async function getPassedGradedWork(
	course: Course,
	userIds: string[],
): Promise<Map<string, { projects: Iterable<string>; labs: Iterable<string> }>> {
	const result = new Map<string, { projects: Iterable<string>; labs: Iterable<string> }>();
	const needsProjects = course.certificate.projects.length > 0;
	const needsLabs = course.certificate.labs.length > 0;
	if (!needsProjects && !needsLabs) return result;
	await Promise.all(
		userIds.map(async (userId) => {
			const [projects, labs] = await Promise.all([
				needsProjects ? getPassedProjects(userId, course.slug) : new Map(),
				needsLabs ? getPassedLabs(userId, course.slug) : new Map(),
			]);
			result.set(userId, { projects: projects.keys(), labs: labs.keys() });
		}),
	);
	return result;
}

/** Details (progress, best scores, certificate) of the given enrolments. */
async function addDetails(course: Course, rows: EnrolmentRow[]): Promise<CourseLearner[]> {
	if (rows.length === 0) return [];
	const ids = rows.map((r) => r.userId);
	const [lessons, quizzes, certificates] = await Promise.all([
		db.all<{ userId: string; lessonSlug: string }>(sql`
			select user_id as userId, lesson_slug as lessonSlug from lesson_progress
			where user_id in ${inList(ids)} and course_slug = ${course.slug} and completed_at is not null`),
		db.all<{ userId: string; quizId: string; best: number; passed: number }>(sql`
			select user_id as userId, quiz_id as quizId, max(score) as best, max(passed) as passed from quiz_attempt
			where user_id in ${inList(ids)} and course_slug = ${course.slug} and submitted_at is not null
			group by user_id, quiz_id`),
		db.all<{ userId: string; id: string; issuedAt: number; revokedAt: number | null }>(sql`
			select user_id as userId, id, issued_at as issuedAt, revoked_at as revokedAt from certificate
			where user_id in ${inList(ids)} and course_slug = ${course.slug} and superseded_by is null`),
	]);
	const graded = await getPassedGradedWork(course, ids);
	return rows.map((r) => {
		const record = createEmptyRecord();
		for (const l of lessons) if (l.userId === r.userId) record.completedLessons.add(l.lessonSlug);
		const mine = quizzes.filter((q) => q.userId === r.userId);
		for (const q of mine) if (Number(q.passed) === 1) record.passed.quiz.add(q.quizId);
		for (const id of graded.get(r.userId)?.projects ?? []) record.passed.project.add(id);
		for (const id of graded.get(r.userId)?.labs ?? []) record.passed.lab.add(id);
		const enrolment = {
			courseSlug: course.slug,
			enrolledAt: new Date(Number(r.enrolledAt)),
			leftAt: date(r.leftAt),
			lastLessonSlug: r.lastLessonSlug,
			lastActiveAt: date(r.lastActiveAt),
			completedAt: date(r.completedAt),
		};
		const cert = certificates.find((c) => c.userId === r.userId);
		return {
			userId: r.userId,
			name: r.name,
			email: r.email,
			enrolledAt: enrolment.enrolledAt,
			leftAt: enrolment.leftAt,
			lastActiveAt: enrolment.lastActiveAt,
			completedAt: enrolment.completedAt,
			percent: summariseProgress(course, enrolment, record).percent,
			bestScores: new Map(mine.map((q) => [q.quizId, Number(q.best)])),
			certificate: cert
				? {
						id: cert.id,
						issuedAt: new Date(Number(cert.issuedAt)),
						revokedAt: date(cert.revokedAt),
					}
				: null,
		};
	});
}

/** One page (1-based) of a course's learners matching `query` (name or email; empty for all). */
export async function getCourseLearners(
	course: Course,
	query: string,
	page: number,
	pageSize = 25,
): Promise<{ rows: CourseLearner[]; total: number; pageSize: number }> {
	const { rows, total } = await selectEnrolments(
		course.slug,
		query,
		pageSize,
		(page - 1) * pageSize,
	);
	const count =
		total ??
		Number(
			(
				await db.get<{ n: number }>(
					sql`select count(*) as n from enrolment where course_slug = ${course.slug}`,
				)
			)?.n ?? 0,
		);
	return { rows: await addDetails(course, rows), total: count, pageSize };
}

/** Every learner matching `query`, a batch at a time (for the CSV export). */
export async function* iterateCourseLearners(
	course: Course,
	query: string,
	batchSize = 500,
): AsyncGenerator<CourseLearner[]> {
	for (let offset = 0; ; offset += batchSize) {
		const { rows } = await selectEnrolments(course.slug, query, batchSize, offset);
		if (rows.length === 0) return;
		yield await addDetails(course, rows);
		if (rows.length < batchSize) return;
	}
}
