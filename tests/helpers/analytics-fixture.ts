/**
 * A small, hand-computed set of learner activity in the `analytics-fixture` course
 * (tests/fixtures/courses/analytics-fixture: lessons welcome, practice, check; quiz fixture-check with
 * the questions pick-one, pick-many (per-option), true-or-false, type-it, count-it), written straight
 * into the database. tests/integration/instructor.test.ts states the figures it must produce, and
 * tests/e2e/instructor.test.ts shows them in a browser.
 *
 * Ten learners L1…L10 (`learnerIds[0…9]`), times relative to `now` in days:
 *
 * | L  | enrolled | last active | completed | left | lessons (c = completed, v = visited) |
 * | 1  | −20      | −1          | −10       |      | welcome c, practice c, check c |
 * | 2  | −15      | −3          | −11       |      | welcome c, practice c, check v (completion undone) |
 * | 3  | −10      | −4          | −4        |      | welcome c, practice c, check c |
 * | 4  | −40      | −20         |           |      | welcome c, practice c, check v |
 * | 5  | −5       | −2          |           |      | welcome v |
 * | 6  | −100     | −60         |           | −59  | welcome c |
 * | 7  | −50      | −45         |           |      | welcome c, practice v |
 * | 8  | −50      | −6          |           |      | welcome c, practice c, check v |
 * | 9  | −30      | −29         |           |      | welcome c, practice c, check v |
 * | 10 | −2       | −2          |           |      | — |
 *
 * First attempts of fixture-check (response, credit) per question, and the score:
 * L1 100 (all right) · L2 60 · L3 50 · L4 40 · L5 40 · L6 40 · L7 30 · L8 20 · L9 20 · L10 20.
 * Retakes: L3 scores 80 (passes), L8 scores 40; L9 has an attempt never submitted.
 * Certificates: L1 (plus an older one superseded by it), L2 (revoked), L3.
 */
import { sql } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';

export const FIXTURE_COURSE = 'analytics-fixture';
export const FIXTURE_OTHER_COURSE = 'analytics-other';
export const FIXTURE_INSTRUCTOR = 'fixture-trainer@example.org';
export const FIXTURE_OTHER_INSTRUCTOR = 'other-trainer@example.org';
export const FIXTURE_QUIZ = 'fixture-check';

const DAY = 86_400_000;
const QUESTIONS = ['pick-one', 'pick-many', 'true-or-false', 'type-it', 'count-it'] as const;
type Answer = [response: string, credit: number];

const FIRST: Answer[][] = [
	[
		['1', 1],
		['0,2', 1],
		['false', 1],
		['hello', 1],
		['8', 1],
	],
	[
		['1', 1],
		['0,2', 1],
		['true', 0],
		['hi', 0],
		['8', 1],
	],
	[
		['1', 1],
		['0', 0.5],
		['true', 0],
		['hi', 0],
		['8', 1],
	],
	[
		['1', 1],
		['1', 0],
		['false', 1],
		['helo', 0],
		['7', 0],
	],
	[
		['1', 1],
		['0,1', 0],
		['false', 1],
		['hi', 0],
		['9', 0],
	],
	[
		['2', 0],
		['0,1,2', 0],
		['false', 1],
		['hi', 0],
		['8', 1],
	],
	[
		['2', 0],
		['2', 0.5],
		['true', 0],
		['', 0],
		['8', 1],
	],
	[
		['2', 0],
		['1', 0],
		['false', 1],
		['hi', 0],
		['7', 0],
	],
	[
		['0', 0],
		['0,1', 0],
		['false', 1],
		['helo', 0],
		['7', 0],
	],
	[
		['3', 0],
		['1', 0],
		['false', 1],
		['helo', 0],
		['80', 0],
	],
];
const RETAKES: { learner: number; answers: Answer[] }[] = [
	{
		learner: 2,
		answers: [
			['1', 1],
			['0,2', 1],
			['false', 1],
			['hi', 0],
			['8', 1],
		],
	},
	{
		learner: 7,
		answers: [
			['1', 1],
			['1', 0],
			['false', 1],
			['hi', 0],
			['7', 0],
		],
	},
];

const ENROLMENTS: {
	enrolled: number;
	active: number;
	completed?: number;
	left?: number;
	lessons: string;
}[] = [
	{ enrolled: -20, active: -1, completed: -10, lessons: 'ccc' },
	{ enrolled: -15, active: -3, completed: -11, lessons: 'ccv' },
	{ enrolled: -10, active: -4, completed: -4, lessons: 'ccc' },
	{ enrolled: -40, active: -20, lessons: 'ccv' },
	{ enrolled: -5, active: -2, lessons: 'v' },
	{ enrolled: -100, active: -60, left: -59, lessons: 'c' },
	{ enrolled: -50, active: -45, lessons: 'cv' },
	{ enrolled: -50, active: -6, lessons: 'ccv' },
	{ enrolled: -30, active: -29, lessons: 'ccv' },
	{ enrolled: -2, active: -2, lessons: '' },
];
const LESSONS = ['welcome', 'practice', 'check'];
const LAYOUT = JSON.stringify({
	questions: [
		{ id: 'pick-one', order: [0, 1, 2, 3] },
		{ id: 'pick-many', order: [0, 1, 2] },
		{ id: 'true-or-false' },
		{ id: 'type-it' },
		{ id: 'count-it' },
	],
});

const id = () =>
	randomBytes(15)
		.toString('base64url')
		.toLowerCase()
		.replace(/[^a-z2-9]/g, 'a')
		.slice(0, 24)
		.padEnd(24, 'a');

/** Writes the fixture for `learnerIds` (ten existing users) at `now`. */
export async function seedAnalyticsFixture(
	db: Database,
	learnerIds: readonly string[],
	now: number,
): Promise<void> {
	if (learnerIds.length !== 10) throw new Error('the analytics fixture needs exactly ten learners');
	const at = (days: number) => now + days * DAY;
	const statements = [];
	for (const [i, e] of ENROLMENTS.entries()) {
		const user = learnerIds[i]!;
		const last = LESSONS[Math.max(0, e.lessons.length - 1)]!;
		statements.push(sql`insert into enrolment (user_id, course_slug, enrolled_at, left_at, last_lesson_slug, last_active_at, completed_at)
			values (${user}, ${FIXTURE_COURSE}, ${at(e.enrolled)}, ${e.left === undefined ? null : at(e.left)}, ${e.lessons ? last : null}, ${at(e.active)}, ${e.completed === undefined ? null : at(e.completed)})`);
		[...e.lessons].forEach((state, k) => {
			const visited = at(e.enrolled + 0.1 * (k + 1));
			statements.push(sql`insert into lesson_progress (user_id, course_slug, lesson_slug, first_visited_at, completed_at)
				values (${user}, ${FIXTURE_COURSE}, ${LESSONS[k]!}, ${visited}, ${state === 'c' ? visited + 60_000 : null})`);
			statements.push(
				sql`insert into progress_event (user_id, course_slug, lesson_slug, kind, at) values (${user}, ${FIXTURE_COURSE}, ${LESSONS[k]!}, 'visit', ${visited})`,
			);
		});
	}
	const attempt = (learner: number, answers: Answer[], submittedAt: number) => {
		const attemptId = id();
		const score = Math.round((answers.reduce((s, [, c]) => s + c, 0) / answers.length) * 1000) / 10;
		statements.push(sql`insert into quiz_attempt (id, user_id, course_slug, quiz_id, locale, layout, started_at, submitted_at, score, passed)
			values (${attemptId}, ${learnerIds[learner]!}, ${FIXTURE_COURSE}, ${FIXTURE_QUIZ}, 'en', ${LAYOUT}, ${submittedAt - 600_000}, ${submittedAt}, ${score}, ${score >= 60 ? 1 : 0})`);
		answers.forEach(([response, credit], q) => {
			statements.push(
				sql`insert into quiz_response (attempt_id, question_id, credit, response) values (${attemptId}, ${QUESTIONS[q]!}, ${credit}, ${response})`,
			);
		});
	};
	FIRST.forEach((answers, learner) =>
		attempt(learner, answers, at(ENROLMENTS[learner]!.enrolled + 0.5)),
	);
	for (const r of RETAKES) attempt(r.learner, r.answers, at(ENROLMENTS[r.learner]!.enrolled + 1));
	statements.push(sql`insert into quiz_attempt (id, user_id, course_slug, quiz_id, locale, layout, started_at)
		values (${id()}, ${learnerIds[8]!}, ${FIXTURE_COURSE}, ${FIXTURE_QUIZ}, 'en', ${LAYOUT}, ${at(-1)})`);
	const certificate = (
		learner: number,
		issued: number,
		extra: { revoked?: boolean; supersededBy?: string } = {},
	) => {
		const certId = id();
		statements.push(sql`insert into certificate (id, user_id, course_slug, course_title, course_version, learner_name, hours, skills, issuer, issued_at, revoked_at, revoked_reason, superseded_by, status_index)
			values (${certId}, ${learnerIds[learner]!}, ${FIXTURE_COURSE}, 'Analytics fixture course', 'test', 'Learner', 1, '["Testing"]', 'Dakshata test', ${at(issued)},
				${extra.revoked ? at(issued + 1) : null}, ${extra.revoked ? 'test' : null}, ${extra.supersededBy ?? null},
				(select coalesce(max(status_index), -1) + 1 from certificate))`);
		return certId;
	};
	const current = certificate(0, -10);
	certificate(0, -12, { supersededBy: current });
	certificate(1, -11, { revoked: true });
	certificate(2, -4);
	await db.batch(statements.map((s) => db.run(s)) as [ReturnType<Database['run']>]);
}
