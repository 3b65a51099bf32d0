/**
 * Pure helpers of the quiz island: answer bookkeeping, ordering moves, time and string formatting.
 * No Solid, no DOM: unit-tested in tests/unit/quiz-island-helpers.test.ts.
 */
import type {
	AnswerByType,
	DisplayAnswer,
	DisplayAnswers,
	PublicQuestion,
	QuestionOf,
	QuestionType,
	QuizStatus,
} from '~/lib/quiz/types.ts';

/**
 * Fills `{name}` placeholders.
 * @example fill('{answered} of {total} answered', { answered: 2, total: 5 }) // '2 of 5 answered'
 */
export function fill(template: string, vars: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
		if (!(name in vars)) return whole;
		const value = vars[name]!;
		return typeof value === 'number' && numberFormat ? numberFormat.format(value) : String(value);
	});
}

let numberFormat: Intl.NumberFormat | null = null;

/**
 * Makes `fill` write numbers in the locale's digits ("নম্বর: ১০০%"), as the server's messages do
 * (src/lib/i18n.ts formats with the same `<locale>-IN` rules). The island calls it with its locale.
 */
export function setNumberLocale(locale: string): void {
	numberFormat = new Intl.NumberFormat(`${locale}-IN`);
}

/** True when an answer holds something the learner gave. */
export function isAnswered(answer: DisplayAnswer | undefined): boolean {
	if (answer === undefined || answer === null) return false;
	if (typeof answer === 'string') return answer.trim() !== '';
	if (Array.isArray(answer))
		return answer.some((v) => (typeof v === 'string' ? v.trim() !== '' : v !== null));
	return true;
}

/** How many of `questions` have an answer. */
export function countAnswered(questions: PublicQuestion[], answers: DisplayAnswers): number {
	return questions.filter((q) => isAnswered(answers[q.id])).length;
}

/** The answers worth sending: unanswered questions left out. */
export function getAnswersToSend(
	questions: PublicQuestion[],
	answers: DisplayAnswers,
): DisplayAnswers {
	return Object.fromEntries(
		questions.filter((q) => isAnswered(answers[q.id])).map((q) => [q.id, answers[q.id]!]),
	);
}

/** An ordering with the item at `index` moved by `delta` places (clamped). */
export function moveItem(order: number[], index: number, delta: number): number[] {
	const to = Math.min(order.length - 1, Math.max(0, index + delta));
	const next = [...order];
	const [item] = next.splice(index, 1);
	next.splice(to, 0, item!);
	return next;
}

/** Ticks or unticks option `position` in a multiple-choice answer (kept sorted). */
export function toggleChoice(
	chosen: number[] | undefined,
	position: number,
	on: boolean,
): number[] {
	const set = new Set(chosen ?? []);
	if (on) set.add(position);
	else set.delete(position);
	return [...set].sort((a, b) => a - b);
}

/** A copy of `list` (of length `n`, filled with `empty`) with index `i` set to `value`. */
export function setAt<T>(list: T[] | undefined, n: number, i: number, value: T, empty: T): T[] {
	const next = list ? [...list] : Array.from({ length: n }, () => empty);
	next[i] = value;
	return next;
}

/** Milliseconds as m:ss (or h:mm:ss), never negative. */
export function formatClock(ms: number): string {
	const total = Math.max(0, Math.ceil(ms / 1000));
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = String(total % 60).padStart(2, '0');
	return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Whole minutes until `until` (at least 1 while any time is left). */
export function getMinutesLeft(until: number, now: number): number {
	return Math.max(1, Math.ceil((until - now) / 60_000));
}

/** What stops a new attempt now: nothing, no attempts left, or a running cool-down. */
export function getStartBlock(
	status: QuizStatus | undefined,
	now: number,
): 'none' | 'no-attempts' | 'cooldown' {
	if (status?.attemptsLeft === 0) return 'no-attempts';
	if (status?.cooldownUntil && status.cooldownUntil > now) return 'cooldown';
	return 'none';
}

/** Verdict key for a question's credit. */
export function getVerdict(
	credit: number,
	answered: boolean,
): 'correct' | 'partly' | 'incorrect' | 'unanswered' {
	if (credit >= 1) return 'correct';
	if (credit > 0) return 'partly';
	return answered ? 'incorrect' : 'unanswered';
}

/** `q` when it is a question of `type`, else undefined (for a `<Match when>` that narrows). */
export function questionOf<T extends QuestionType>(
	q: PublicQuestion,
	type: T,
): QuestionOf<T> | undefined {
	return isOfType(q, type) ? q : undefined;
}

function isOfType<T extends QuestionType>(q: PublicQuestion, type: T): q is QuestionOf<T> {
	return q.type === type;
}

const isPositions = (a: unknown): a is number[] =>
	Array.isArray(a) && a.every((v) => typeof v === 'number');

/** How each type's answer is recognised. */
const ANSWER_SHAPES: { [T in QuestionType]: (a: DisplayAnswer) => a is AnswerByType[T] } = {
	single: (a): a is number => typeof a === 'number',
	multiple: isPositions,
	'true-false': (a): a is boolean => typeof a === 'boolean',
	'short-text': (a): a is string => typeof a === 'string',
	numeric: (a): a is string => typeof a === 'string',
	ordering: isPositions,
	matching: (a): a is (number | null)[] =>
		Array.isArray(a) && a.every((v) => v === null || typeof v === 'number'),
	'fill-blanks': (a): a is string[] => Array.isArray(a) && a.every((v) => typeof v === 'string'),
};

/** The answer to a question of `type`, or undefined when there is none (or it has another shape). */
export function answerOf<T extends QuestionType>(
	type: T,
	answer: DisplayAnswer | undefined,
): AnswerByType[T] | undefined {
	if (answer === undefined || answer === null) return undefined;
	const shape: (a: DisplayAnswer) => a is AnswerByType[T] = ANSWER_SHAPES[type];
	return shape(answer) ? answer : undefined;
}
