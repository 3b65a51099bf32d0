/**
 * Course progress: the one place that knows what a course requires, how far a learner is, what is
 * still missing for the certificate, and whether they have earned it. Pure: the server reads the
 * learner's record (`src/lib/server/progress/learner-record.ts`) and hands it in.
 *
 * Data shape: a course's certificate rule names required lessons (by slug) and required graded
 * items of three kinds — quizzes, projects and labs (by id); the final assessment is a required
 * quiz. Each required item is `{ kind, id }` plus the lesson that embeds it, so pages can link it.
 * A learner's record is the set of completed lessons and, per item kind, the set of passed ids.
 *
 * Rules:
 * - A lesson counts when it is completed; a graded item counts when it has a passing attempt.
 * - The final assessment passes at the course's pass mark when the course sets one, else at the
 *   quiz's own (`getPassMark`); the quiz engine records `passed` with that same mark, so "passed"
 *   and "eligible" always agree.
 * - Eligible = nothing missing. Required items are counted once each (a quiz that is also the
 *   assessment is one item).
 * - "Continue" goes to the first missing item in course order: the last lesson visited if it is
 *   still unfinished, else the first lesson that is unfinished or embeds a missing item; a finished
 *   course has no "continue".
 *
 * Adding a kind of graded work: add it to `GradedKind`, to the rule's lists and to the record the
 * server reads; nothing here is special-cased per kind.
 */
import type { Course, LessonRef } from './courses.ts';

/** Kinds of graded work a certificate rule can require, besides lessons. */
export const GRADED_KINDS = ['quiz', 'project', 'lab'] as const;
export type GradedKind = (typeof GRADED_KINDS)[number];
export type RequiredItemKind = 'lesson' | GradedKind;

/** One thing the certificate needs. */
export interface RequiredItem {
	kind: RequiredItemKind;
	/** Lesson slug for lessons; the quiz, project or lab id otherwise. */
	id: string;
	/** The lesson to send the learner to (the lesson itself, or the one embedding the item). */
	lesson: LessonRef | undefined;
	/** True for the course's final assessment. */
	assessment: boolean;
}

/** What the learner has done in one course. */
export interface LearnerRecord {
	completedLessons: Set<string>;
	/** Passed ids per kind of graded work. */
	passed: Record<GradedKind, Set<string>>;
}

/** An empty record (a learner who has done nothing yet). */
export function createEmptyRecord(): LearnerRecord {
	return {
		completedLessons: new Set(),
		passed: { quiz: new Set(), project: new Set(), lab: new Set() },
	};
}

/** The field of a lesson that lists the embedded items of a kind. */
const EMBED_FIELD = { quiz: 'quizIds', project: 'projectIds', lab: 'labIds' } as const;
/** The field of the certificate rule that lists the required items of a kind. */
const RULE_FIELD = { quiz: 'quizzes', project: 'projects', lab: 'labs' } as const;

/** The lesson that embeds a graded item, or undefined. */
export function getItemLesson(course: Course, kind: GradedKind, id: string): LessonRef | undefined {
	const field = EMBED_FIELD[kind];
	return course.lessons.find((l) => (l[field] ?? []).includes(id));
}

/** Every required item of a course, lessons first, then graded work in course order. */
export function getRequiredItems(course: Course): RequiredItem[] {
	const rule = course.certificate;
	const bySlug = new Map(course.lessons.map((l) => [l.slug, l]));
	const items: RequiredItem[] = rule.lessons.map((slug) => ({
		kind: 'lesson',
		id: slug,
		lesson: bySlug.get(slug),
		assessment: false,
	}));
	for (const kind of GRADED_KINDS) {
		const ids = [...(rule[RULE_FIELD[kind]] ?? [])];
		if (kind === 'quiz' && rule.assessment && !ids.includes(rule.assessment))
			ids.push(rule.assessment);
		for (const id of ids) {
			items.push({
				kind,
				id,
				lesson: getItemLesson(course, kind, id),
				assessment: kind === 'quiz' && id === rule.assessment,
			});
		}
	}
	return items;
}

/** True when the learner has done this required item. */
export function verifyItemDone(item: RequiredItem, record: LearnerRecord): boolean {
	return item.kind === 'lesson'
		? record.completedLessons.has(item.id)
		: record.passed[item.kind].has(item.id);
}

/**
 * What is still missing for the certificate, in course order (by the lesson each item belongs to),
 * so the first entry is where the learner should go next.
 */
export function getMissingItems(course: Course, record: LearnerRecord): RequiredItem[] {
	const order = new Map(course.lessons.map((l, i) => [l.slug, i]));
	const position = (item: RequiredItem) =>
		item.lesson ? (order.get(item.lesson.slug) ?? Infinity) : Infinity;
	return getRequiredItems(course)
		.filter((item) => !verifyItemDone(item, record))
		.map((item, index) => ({ item, index }))
		.sort((a, b) => position(a.item) - position(b.item) || a.index - b.index)
		.map((entry) => entry.item);
}

/** True when the learner meets the course's certificate rule. */
export function verifyEligible(course: Course, record: LearnerRecord): boolean {
	return getMissingItems(course, record).length === 0;
}

/**
 * The pass mark of a quiz in a course: the course's certificate pass mark for its final assessment
 * when the course sets one, else the quiz's own.
 */
export function getPassMark(
	course: Pick<Course, 'certificate'>,
	quizId: string,
	quizPassMark: number,
): number {
	const rule = course.certificate;
	return rule.assessment === quizId && rule.passMark !== undefined ? rule.passMark : quizPassMark;
}

/** A learner's progress in one course, as the course page, dashboard and instructors see it. */
export interface ProgressSummary {
	/** Number of required items and how many are done. */
	required: number;
	done: number;
	percent: number;
	/** Required items not yet done, in course order. */
	missing: RequiredItem[];
	/** Where "Continue" goes; undefined when the course is finished. */
	next: LessonRef | undefined;
}

/**
 * Progress figures from the learner's record. `lastLessonSlug` is the lesson they last opened:
 * "Continue" returns there while it is unfinished, otherwise goes to the first missing item.
 */
export function summariseRecord(
	course: Course,
	record: LearnerRecord,
	lastLessonSlug?: string | null,
): ProgressSummary {
	const items = getRequiredItems(course);
	const missing = getMissingItems(course, record);
	const done = items.length - missing.length;
	const last = lastLessonSlug ? course.lessons.find((l) => l.slug === lastLessonSlug) : undefined;
	const lastUnfinished = last && missing.some((m) => m.lesson?.slug === last.slug);
	const firstMissingLesson = missing.find((m) => m.lesson)?.lesson;
	const next =
		missing.length === 0 ? undefined : lastUnfinished ? last : (firstMissingLesson ?? last);
	return {
		required: items.length,
		done,
		percent: items.length === 0 ? 0 : Math.round((done / items.length) * 100),
		missing,
		next,
	};
}
