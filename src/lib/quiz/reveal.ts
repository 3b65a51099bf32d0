/**
 * The reveal policy and the review a learner gets after submitting.
 *
 * `after-each-attempt`: every submission shows, per question, the credit, the learner's answer, a
 * correct answer, the feedback of the options chosen and the explanation. `after-passing`: the same
 * once the learner has passed (this submission or an earlier one); before that only the score and
 * the verdict. `never`: only the score and the verdict, always — not even which questions were
 * wrong, so repeated submissions cannot be used to find the answers.
 */
import type { Quiz } from '../content/schemas.ts';
import type { GradedAttempt, GradedQuestion } from './grading.ts';
import type { QuestionReview, QuizResult } from './types.ts';

/** True when the learner may see answers and feedback. */
export function verifyRevealAllowed(reveal: Quiz['reveal'], hasPassed: boolean): boolean {
	return reveal === 'after-each-attempt' || (reveal === 'after-passing' && hasPassed);
}

/** Words the review needs in the page's language. */
export interface ReviewLabels {
	true: string;
	false: string;
	/** Stands for an empty blank or an unmatched item. */
	none: string;
}

const list = (items: string[]) => items.join('; ');

/** Writes out the learner's answer and a correct answer of one graded question. */
function describe(g: GradedQuestion, labels: ReviewLabels): { yours: string; correct: string } {
	const q = g.question;
	const a = g.answer;
	const order = g.layout.order ?? [];
	switch (q.type) {
		case 'single':
		case 'multiple': {
			const shown = order.map((i) => ({ i, o: q.options[i]! }));
			const chosen = a === null ? [] : ([] as number[]).concat(a as number);
			return {
				yours: list(shown.filter((s) => chosen.includes(s.i)).map((s) => s.o.text)),
				correct: list(shown.filter((s) => s.o.correct).map((s) => s.o.text)),
			};
		}
		case 'true-false':
			return { yours: a === null ? '' : labels[String(a) as 'true' | 'false'], correct: labels[String(q.answer) as 'true' | 'false'] };
		case 'short-text':
			return { yours: (a as string | null) ?? '', correct: q.accept[0]! };
		case 'numeric': {
			const tolerance = q.tolerance > 0 ? ` ± ${q.tolerance}` : '';
			return { yours: (a as string | null) ?? '', correct: `${q.answer}${tolerance}${q.unit ? ` ${q.unit}` : ''}` };
		}
		case 'ordering':
			return { yours: a === null ? '' : (a as number[]).map((i) => q.items[i]!).join(' → '), correct: q.items.join(' → ') };
		case 'matching': {
			const chosen = (a as (number | null)[] | null) ?? [];
			const pair = (i: number, r: number | null | undefined) => `${q.pairs[i]!.left}: ${r == null ? labels.none : q.pairs[r]!.right}`;
			return {
				yours: a === null ? '' : list(order.map((i) => pair(i, chosen[i]))),
				correct: list(order.map((i) => pair(i, i))),
			};
		}
		case 'fill-blanks': {
			const typed = (a as string[] | null) ?? [];
			let n = 0;
			const fill = (pick: (alts: string, i: number) => string) => q.text.replace(/\[\[([^\]]+)\]\]/g, (_, alts: string) => `[${pick(alts, n++)}]`);
			const yours = a === null ? '' : fill((_, i) => typed[i]?.trim() || labels.none);
			n = 0;
			return { yours, correct: fill((alts) => alts.split('|')[0]!.trim()) };
		}
	}
}

/** The review of one graded question (only call when the reveal policy allows). */
export function toQuestionReview(g: GradedQuestion, labels: ReviewLabels, defaultPrompt: string): QuestionReview {
	const q = g.question;
	const { yours, correct } = describe(g, labels);
	const feedback: string[] = [];
	if ((q.type === 'single' || q.type === 'multiple') && g.answer !== null) {
		const chosen = ([] as number[]).concat(g.answer as number);
		for (const i of g.layout.order ?? []) if (chosen.includes(i) && q.options[i]!.feedback) feedback.push(q.options[i]!.feedback!);
	}
	return {
		id: q.id,
		prompt: q.prompt ?? defaultPrompt,
		credit: Math.round(g.credit * 1000) / 1000,
		yourAnswer: yours,
		correctAnswer: correct,
		feedback,
		...(q.explanation ? { explanation: q.explanation } : {}),
	};
}

/**
 * The result a submission shows: the score and verdict, and the review when the policy allows.
 * `hasPassedBefore` counts earlier passing attempts (after-passing reveals from then on).
 */
export function toQuizResult(
	quiz: Quiz,
	graded: GradedAttempt,
	passMark: number,
	hasPassedBefore: boolean,
	labels: ReviewLabels,
	defaultPrompt: string,
): QuizResult {
	const base = { score: graded.score, passed: graded.passed, passMark };
	if (!verifyRevealAllowed(quiz.reveal, graded.passed || hasPassedBefore)) {
		return { ...base, withheld: quiz.reveal === 'never' ? 'never' : 'after-passing' };
	}
	return { ...base, review: graded.questions.map((g) => toQuestionReview(g, labels, defaultPrompt)) };
}
