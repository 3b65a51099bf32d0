/**
 * Seeds a database with a platform's worth of learner activity for the instructor analytics bench:
 * users, enrolments, lesson progress, progress events, quiz attempts with per-question responses,
 * and certificates, in realistic proportions.
 *
 * Shape: every learner has an ability (normal, mean 0). A share of learners (default 60 %) enrol in
 * the measured course; learners also enrol in four synthetic courses (8 lessons, one quiz) at a rate
 * the generator adjusts as it goes so that the progress events land on the target. In a course a
 * learner visits lessons in order and drops out with a chance that falls with ability; visited
 * lessons are completed most of the time; a quiz is answered question by question (chance of a right
 * answer from ability and the question's difficulty; one question in each quiz is made very hard so
 * the analytics have something to flag) and retried up to twice after a fail. A learner who
 * completes every lesson and passes every quiz completes the course and gets a certificate. The
 * remaining event budget is spent on undo/redo pairs of completions.
 *
 * Writes go in multi-row INSERTs, many per transaction (one commit per chunk of learners): commit
 * cost, not row cost, dominates on a file database in WAL (see FIELD-NOTES).
 */
import { LOCALES } from '../../src/lib/locales.ts';
import type { Client, InStatement } from '@libsql/client';
import type {
	CourseOutline,
	OutlineQuestion,
	OutlineQuiz,
} from '../../tests/helpers/course-files.ts';

export interface SeedOptions {
	learners: number;
	progressEvents: number;
	/** Share of learners enrolled in the measured course. */
	courseShare: number;
	seed: number;
	onProgress?: (done: number, total: number) => void;
}

export interface SeedCounts {
	users: number;
	enrolments: number;
	courseEnrolments: number;
	lessonProgress: number;
	progressEvents: number;
	quizAttempts: number;
	quizResponses: number;
	certificates: number;
}

const DAY = 86_400_000;
const NAMES = [
	'রহিমা খাতুন',
	'Rahim Uddin',
	'प्रिया शर्मा',
	'Anita Das',
	'মোহাম্মদ করিম',
	'Sunil Kumar',
	'Fatema Akter',
	'राहुल वर्मा',
];

/** Deterministic PRNG (mulberry32). */
function createRandom(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
	/** A random id like the app's (24 characters of base32), so index locality is realistic. */
	const id = () =>
		Array.from(
			{ length: 24 },
			() => 'abcdefghijkmnpqrstuvwxyz23456789'[Math.floor(next() * 32)],
		).join('');
	return { next, normal, id, pick: <T>(list: T[]) => list[Math.floor(next() * list.length)]! };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Synthetic courses that share the tables with the measured one. */
function createOtherCourses(): CourseOutline[] {
	return [1, 2, 3, 4].map((n) => {
		const lessons = Array.from({ length: 8 }, (_, i) => `lesson-${i + 1}`);
		const questions: OutlineQuestion[] = Array.from({ length: 8 }, (_, i) => ({
			id: `q${i + 1}`,
			type: 'single',
			choices: 4,
			correct: [0],
			right: '0',
			wrong: ['1', '2', '3'],
			points: 1,
		}));
		return {
			slug: `bench-other-${n}`,
			instructors: [],
			lessons,
			quizLesson: new Map([['final-check', 'lesson-8']]),
			quizzes: [{ id: 'final-check', passMark: 70, questions }],
		};
	});
}

type Row = (string | number | null)[];

class Writer {
	private tables = new Map<string, { columns: string; rows: Row[] }>();
	private client: Client;
	constructor(client: Client) {
		this.client = client;
		// Parents before children, for the foreign keys.
		for (const table of [
			'user',
			'enrolment',
			'lesson_progress',
			'progress_event',
			'quiz_attempt',
			'quiz_response',
			'certificate',
		]) {
			this.tables.set(table, { columns: '', rows: [] });
		}
	}

	add(table: string, columns: string, row: Row) {
		const t = this.tables.get(table)!;
		t.columns = columns;
		t.rows.push(row);
	}

	async flush() {
		const statements: InStatement[] = [];
		for (const [table, t] of this.tables) {
			const width = t.rows[0]?.length ?? 0;
			const per = Math.max(1, Math.floor(30_000 / Math.max(width, 1)));
			for (let i = 0; i < t.rows.length; i += per) {
				const chunk = t.rows.slice(i, i + per);
				const placeholders = `(${Array(width).fill('?').join(',')})`;
				statements.push({
					sql: `insert into ${table} (${t.columns}) values ${chunk.map(() => placeholders).join(',')}`,
					args: chunk.flat(),
				});
			}
			t.rows = [];
		}
		if (statements.length > 0) await this.client.batch(statements, 'write');
	}
}

/** Seeds `client` (already migrated). Returns what it wrote. */
export async function seedAnalytics(
	client: Client,
	course: CourseOutline,
	options: SeedOptions,
): Promise<SeedCounts> {
	const random = createRandom(options.seed);
	const writer = new Writer(client);
	const others = createOtherCourses();
	const now = Date.now();
	const counts: SeedCounts = {
		users: 0,
		enrolments: 0,
		courseEnrolments: 0,
		lessonProgress: 0,
		progressEvents: 0,
		quizAttempts: 0,
		quizResponses: 0,
		certificates: 0,
	};
	const hardQuestion = new Map<string, string>();
	for (const c of [course, ...others]) {
		for (const q of c.quizzes) {
			const pick = q.questions[Math.min(1, q.questions.length - 1)];
			if (pick) hardQuestion.set(`${c.slug}/${q.id}`, pick.id);
		}
	}
	const difficulty = new Map<string, number>();
	let otherRate = 0.3;
	let certificateCounter = 0;
	const redo: [string, string, string, number][] = [];
	const chunk = 2000;

	const enrolIn = (userId: string, c: CourseOutline, ability: number) => {
		counts.enrolments++;
		const enrolledAt = now - Math.floor(random.next() * 180 * DAY);
		let t = enrolledAt;
		const step = () => (t = Math.min(now - 1, t + Math.floor(random.next() * 3 * DAY)));
		const keepGoing = Math.min(0.97, Math.max(0.55, 0.82 + 0.08 * ability));
		let lastLesson: string | null = null;
		let lastActive = enrolledAt;
		let allDone = true;
		const passed = new Set<string>();
		let completedAt = 0;
		for (let i = 0; i < c.lessons.length; i++) {
			if (i > 0 ? random.next() > keepGoing : random.next() > 0.95) {
				allDone = false;
				break;
			}
			const lesson = c.lessons[i]!;
			const visitedAt = step();
			writer.add('progress_event', 'user_id,course_slug,lesson_slug,kind,at', [
				userId,
				c.slug,
				lesson,
				'visit',
				visitedAt,
			]);
			counts.progressEvents++;
			lastLesson = lesson;
			lastActive = visitedAt;
			let done = random.next() < 0.88;
			for (const quiz of c.quizzes.filter((q) => c.quizLesson.get(q.id) === lesson)) {
				const ok = takeQuiz(userId, c, quiz, ability, () => (lastActive = step()));
				if (ok) passed.add(quiz.id);
				done = ok;
			}
			let lessonDoneAt: number | null = null;
			if (done) {
				lessonDoneAt = step();
				lastActive = lessonDoneAt;
				completedAt = lessonDoneAt;
				writer.add('progress_event', 'user_id,course_slug,lesson_slug,kind,at', [
					userId,
					c.slug,
					lesson,
					'complete',
					lessonDoneAt,
				]);
				counts.progressEvents++;
				if (redo.length < 200_000) redo.push([userId, c.slug, lesson, lessonDoneAt]);
			} else allDone = false;
			writer.add(
				'lesson_progress',
				'user_id,course_slug,lesson_slug,first_visited_at,completed_at',
				[userId, c.slug, lesson, visitedAt, lessonDoneAt],
			);
			counts.lessonProgress++;
			if (!done && random.next() < 0.5) break;
		}
		const complete = allDone && c.quizzes.every((q) => passed.has(q.id));
		writer.add(
			'enrolment',
			'user_id,course_slug,enrolled_at,left_at,last_lesson_slug,last_active_at,completed_at',
			[
				userId,
				c.slug,
				enrolledAt,
				!complete && random.next() < 0.05 ? lastActive : null,
				lastLesson,
				lastActive,
				complete ? completedAt : null,
			],
		);
		if (complete) {
			certificateCounter++;
			counts.certificates++;
			writer.add(
				'certificate',
				'id,user_id,course_slug,course_title,course_version,learner_name,hours,skills,issuer,issued_at,status_index',
				[
					random.id(),
					userId,
					c.slug,
					c.slug,
					'1',
					'Learner',
					1,
					'[]',
					'Dakshata',
					completedAt,
					certificateCounter,
				],
			);
		}
	};

	const takeQuiz = (
		userId: string,
		c: CourseOutline,
		quiz: OutlineQuiz,
		ability: number,
		tick: () => number,
	): boolean => {
		for (let attempt = 0; attempt < 3; attempt++) {
			const startedAt = tick();
			let earned = 0;
			let total = 0;
			const id = random.id();
			for (const q of quiz.questions) {
				const key = `${c.slug}/${quiz.id}/${q.id}`;
				let b = difficulty.get(key);
				if (b === undefined) {
					b = hardQuestion.get(`${c.slug}/${quiz.id}`) === q.id ? -3 : 0.6 + random.normal() * 0.7;
					difficulty.set(key, b);
				}
				const right = random.next() < sigmoid(1.3 * (ability + attempt * 0.4) + b);
				const credit = right ? 1 : q.type === 'multiple' && random.next() < 0.3 ? 0.5 : 0;
				const wrong =
					q.wrong[random.next() < 0.6 ? 0 : Math.floor(random.next() * q.wrong.length)] ?? 'x';
				writer.add('quiz_response', 'attempt_id,question_id,credit,response', [
					id,
					q.id,
					credit,
					right ? q.right : wrong,
				]);
				counts.quizResponses++;
				earned += credit * q.points;
				total += q.points;
			}
			const score = total === 0 ? 0 : Math.round((earned / total) * 1000) / 10;
			const passed = score >= quiz.passMark;
			const submittedAt = tick();
			writer.add(
				'quiz_attempt',
				'id,user_id,course_slug,quiz_id,locale,layout,started_at,submitted_at,score,passed',
				[id, userId, c.slug, quiz.id, 'en', '[]', startedAt, submittedAt, score, passed ? 1 : 0],
			);
			counts.quizAttempts++;
			if (passed) return true;
			if (random.next() > 0.7) return false;
		}
		return false;
	};

	for (let start = 0; start < options.learners; start += chunk) {
		const end = Math.min(options.learners, start + chunk);
		for (let i = start; i < end; i++) {
			const userId = random.id();
			const ability = random.normal();
			writer.add('user', 'id,email,name,password_hash,role,locale,created_at', [
				userId,
				`learner${i}@bench.example`,
				`${random.pick(NAMES)} ${i}`,
				'!',
				'learner',
				random.pick([...LOCALES]),
				now - 200 * DAY + i,
			]);
			counts.users++;
			if (random.next() < options.courseShare) {
				enrolIn(userId, course, ability);
				counts.courseEnrolments++;
			}
			for (const other of others) if (random.next() < otherRate) enrolIn(userId, other, ability);
		}
		// Steer the other courses' enrolment rate so the events end a little under the target.
		const projected = (counts.progressEvents / end) * options.learners;
		const want = options.progressEvents * 0.93;
		otherRate = Math.min(
			1,
			Math.max(0, otherRate * (1 + (want - projected) / Math.max(projected, 1))),
		);
		await writer.flush();
		options.onProgress?.(end, options.learners);
	}

	// Spend what is left of the budget on undo/redo pairs of completions (state stays completed).
	let k = 0;
	while (counts.progressEvents < options.progressEvents && redo.length > 0) {
		const [userId, slug, lesson, at] = redo[k % redo.length]!;
		const undoAt = Math.min(now - 2, at + 1000 + k);
		writer.add('progress_event', 'user_id,course_slug,lesson_slug,kind,at', [
			userId,
			slug,
			lesson,
			'uncomplete',
			undoAt,
		]);
		writer.add('progress_event', 'user_id,course_slug,lesson_slug,kind,at', [
			userId,
			slug,
			lesson,
			'complete',
			undoAt + 1,
		]);
		counts.progressEvents += 2;
		k++;
		if (k % 50_000 === 0) await writer.flush();
	}
	await writer.flush();
	return counts;
}
