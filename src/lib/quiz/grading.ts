/**
 * Grading: from a learner's answers (display terms, already validated by answers.ts) and the
 * attempt's layout to a credit per question (0–1), a score and the short response kept for
 * analytics.
 *
 * Credit per type (documented for authors in content/docs/authoring.mdx):
 * - single, true-false, short-text, numeric, ordering: 1 or 0;
 * - multiple, all-or-nothing: 1 when exactly the correct options are chosen;
 * - multiple, per-option: (correct options chosen ÷ correct options) − (wrong options chosen ÷
 *   wrong options), never below 0 — ticking everything earns nothing;
 * - matching: the share of pairs matched correctly; fill-blanks: the share of blanks filled right.
 * Typed answers (short-text, fill-blanks) also match the English quiz's accepted answers when the
 * attempt is in a translation.
 *
 * Score: points earned ÷ points drawn, in percent with one decimal; the attempt passes when that
 * rounded score reaches the pass mark, so the figure shown and the verdict always agree.
 */
import type { Question, Quiz } from '../content/schemas.ts';
import type { DisplayAnswer, DisplayAnswers } from './types.ts';
import { getBlanks, getLayoutQuestion, type LayoutQuestion, type QuizLayout } from './layout.ts';
import { matchesAny, normaliseText, parseTypedNumber } from './normalise.ts';

/**
 * The units a numeric answer may carry. `acceptUnits` may be missing from quiz data that Astro's
 * content store cached before the field existed (it re-parses only changed files), so it is read
 * with a fallback rather than trusted to have its schema default.
 */
function getAcceptedUnits(q: { unit?: string; acceptUnits?: string[] }): string[] {
	return [...(q.unit ? [q.unit] : []), ...(q.acceptUnits ?? [])];
}

/**
 * An answer in AUTHORED terms: single → option index; multiple → sorted option indexes; ordering →
 * item indexes in the learner's order; matching → for each authored pair, the authored index of
 * the right-hand side chosen for its left (or null); the rest as in display terms.
 */
export type AuthoredAnswer = DisplayAnswer;

/** Maps a display-terms answer to authored terms through the layout. */
export function toAuthoredAnswer(
	q: Question,
	lq: LayoutQuestion,
	answer: DisplayAnswer | undefined,
): AuthoredAnswer {
	if (answer === undefined || answer === null) return null;
	const order = lq.order ?? [];
	switch (q.type) {
		case 'single':
			return order[answer as number]!;
		case 'multiple':
			return (answer as number[]).map((d) => order[d]!).sort((a, b) => a - b);
		case 'ordering':
			return (answer as number[]).map((d) => order[d]!);
		case 'matching': {
			const chosen: (number | null)[] = order.map(() => null);
			(answer as (number | null)[]).forEach(
				(r, d) => (chosen[order[d]!] = r === null ? null : lq.rights![r]!),
			);
			return chosen;
		}
		default:
			return answer;
	}
}

/** Accepted answers of a short-text question or of each blank, with the English ones added. */
function accepted(q: Question, english?: Question): string[][] {
	if (q.type === 'short-text')
		return [[...q.accept, ...(english?.type === 'short-text' ? english.accept : [])]];
	if (q.type !== 'fill-blanks') return [];
	const extra = english?.type === 'fill-blanks' ? getBlanks(english.text) : [];
	return getBlanks(q.text).map((alts, i) => [...alts, ...(extra[i] ?? [])]);
}

const share = (hits: number, total: number) => (total === 0 ? 0 : hits / total);

/** The credit (0–1) an authored-terms answer earns. */
export function gradeQuestion(q: Question, answer: AuthoredAnswer, english?: Question): number {
	if (answer === null) return 0;
	switch (q.type) {
		case 'single':
			return q.options[answer as number]?.correct ? 1 : 0;
		case 'multiple': {
			const chosen = new Set(answer as number[]);
			const right = q.options.filter((o, i) => o.correct && chosen.has(i)).length;
			const wrong = q.options.filter((o, i) => !o.correct && chosen.has(i)).length;
			const nRight = q.options.filter((o) => o.correct).length;
			if (q.scoring === 'all-or-nothing') return right === nRight && wrong === 0 ? 1 : 0;
			return Math.max(0, share(right, nRight) - share(wrong, q.options.length - nRight));
		}
		case 'true-false':
			return answer === q.answer ? 1 : 0;
		case 'short-text':
			return matchesAny(answer as string, accepted(q, english)[0]!) ? 1 : 0;
		case 'numeric': {
			const value = parseTypedNumber(answer as string, getAcceptedUnits(q));
			if (value === null) return 0;
			return Math.abs(value - q.answer) <= q.tolerance + 1e-9 * Math.max(1, Math.abs(q.answer))
				? 1
				: 0;
		}
		case 'ordering':
			return (answer as number[]).every((v, i) => v === i) ? 1 : 0;
		case 'matching': {
			const chosen = answer as (number | null)[];
			return share(chosen.filter((r, i) => r === i).length, chosen.length);
		}
		case 'fill-blanks': {
			const lists = accepted(q, english);
			const typed = answer as string[];
			return share(
				lists.filter((alts, i) => matchesAny(typed[i] ?? '', alts)).length,
				lists.length,
			);
		}
	}
}

/**
 * The short, comparable form of an answer kept in `quiz_response.response` (read by the instructor
 * analytics): single → "2"; true-false → "true"; multiple → "0,3"; short-text → normalised text;
 * fill-blanks → normalised blanks joined by " | "; numeric → the number ("100") or the text typed
 * when it is not one; ordering → item indexes in the learner's order ("1,0,2"); matching → for each
 * pair in authored order the right-hand index chosen, "-" for none ("0,2,-"). Unanswered → "".
 */
export function formatResponse(q: Question, answer: AuthoredAnswer): string {
	if (answer === null) return '';
	switch (q.type) {
		case 'short-text':
			return normaliseText(answer as string).slice(0, 200);
		case 'fill-blanks':
			return (answer as string[]).map(normaliseText).join(' | ').slice(0, 200);
		case 'numeric': {
			const value = parseTypedNumber(answer as string, getAcceptedUnits(q));
			return value === null ? (answer as string).trim().slice(0, 50) : String(value);
		}
		case 'matching':
			return (answer as (number | null)[]).map((r) => (r === null ? '-' : String(r))).join(',');
		default:
			return Array.isArray(answer) ? answer.join(',') : String(answer);
	}
}

export interface GradedQuestion {
	question: Question;
	layout: LayoutQuestion;
	answer: AuthoredAnswer;
	credit: number;
	response: string;
}

export interface GradedAttempt {
	score: number;
	passed: boolean;
	questions: GradedQuestion[];
}

/** Grades every drawn question of an attempt. `english` is the English quiz when `quiz` is a translation. */
export function gradeAttempt(
	quiz: Quiz,
	layout: QuizLayout,
	answers: DisplayAnswers,
	passMark: number,
	english?: Quiz,
): GradedAttempt {
	const questions = layout.questions.map((lq): GradedQuestion => {
		const question = getLayoutQuestion(quiz, lq);
		const answer = toAuthoredAnswer(question, lq, answers[lq.id]);
		const credit = gradeQuestion(
			question,
			answer,
			english?.questions.find((e) => e.id === lq.id),
		);
		return { question, layout: lq, answer, credit, response: formatResponse(question, answer) };
	});
	const total = questions.reduce((sum, g) => sum + g.question.points, 0);
	const earned = questions.reduce((sum, g) => sum + g.credit * g.question.points, 0);
	const score = total === 0 ? 0 : Math.round((earned / total) * 1000) / 10;
	return { score, passed: score >= passMark, questions };
}
