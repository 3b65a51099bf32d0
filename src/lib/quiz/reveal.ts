/**
 * The reveal policy and the review a learner gets after submitting.
 *
 * Three levels of review:
 * - `full`: per question the credit, the learner's answer, a correct answer, the feedback of the
 *   options chosen and the explanation;
 * - `feedback`: per question the credit (right, partly, wrong), the learner's answer and the
 *   explanation, and for a single-choice question the feedback of the option chosen; never a
 *   correct answer, and no per-option feedback of a multi-select question (it would tell which
 *   ticked options are right, i.e. the key, to anyone who ticks them all);
 * - `none`: the score and the verdict only.
 *
 * Policies: `after-each-attempt` → full every time. `feedback` (recommended for unit quizzes) →
 * feedback until the learner has passed (this submission or an earlier one), then full.
 * `after-passing` → none until passed, then full. `never` → none, always — not even which
 * questions were wrong, so repeated submissions cannot be used to find the answers.
 *
 * Anonymous practice never gets `full`: a visitor can post any answers with any seed, so a full
 * review would hand out the key. It gets `feedback` under `after-each-attempt` and `feedback`,
 * `feedback` for a passing submission under `after-passing`, and `none` under `never`.
 */
import type { Quiz } from '../content/schemas.ts';
import type { GradedAttempt, GradedQuestion } from './grading.ts';
import type { QuestionReview, QuizResult } from './types.ts';

export type RevealLevel = 'full' | 'feedback' | 'none';

/** How much a submission reveals. `practice` is anonymous practice (never `full`). */
export function getRevealLevel(
	reveal: Quiz['reveal'],
	hasPassed: boolean,
	practice = false,
): RevealLevel {
	if (practice) {
		if (reveal === 'never' || (reveal === 'after-passing' && !hasPassed)) return 'none';
		return 'feedback';
	}
	if (reveal === 'after-each-attempt' || (reveal !== 'never' && hasPassed)) return 'full';
	return reveal === 'feedback' ? 'feedback' : 'none';
}

/** True when the learner may see the answers (a full review). */
export function verifyRevealAllowed(reveal: Quiz['reveal'], hasPassed: boolean): boolean {
	return getRevealLevel(reveal, hasPassed) === 'full';
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
			return {
				yours: a === null ? '' : labels[String(a) as 'true' | 'false'],
				correct: labels[String(q.answer) as 'true' | 'false'],
			};
		case 'short-text':
			return { yours: (a as string | null) ?? '', correct: q.accept[0]! };
		case 'numeric': {
			const tolerance = q.tolerance > 0 ? ` ± ${q.tolerance}` : '';
			return {
				yours: (a as string | null) ?? '',
				correct: `${q.answer}${tolerance}${q.unit ? ` ${q.unit}` : ''}`,
			};
		}
		case 'ordering':
			return {
				yours: a === null ? '' : (a as number[]).map((i) => q.items[i]!).join(' → '),
				correct: q.items.join(' → '),
			};
		case 'matching': {
			const chosen = (a as (number | null)[] | null) ?? [];
			const pair = (i: number, r: number | null | undefined) =>
				`${q.pairs[i]!.left}: ${r == null ? labels.none : q.pairs[r]!.right}`;
			return {
				yours: a === null ? '' : list(order.map((i) => pair(i, chosen[i]))),
				correct: list(order.map((i) => pair(i, i))),
			};
		}
		case 'fill-blanks': {
			const typed = (a as string[] | null) ?? [];
			let n = 0;
			const fill = (pick: (alts: string, i: number) => string) =>
				q.text.replace(/\[\[([^\]]+)\]\]/g, (_, alts: string) => `[${pick(alts, n++)}]`);
			const yours = a === null ? '' : fill((_, i) => typed[i]?.trim() || labels.none);
			n = 0;
			return { yours, correct: fill((alts) => alts.split('|')[0]!.trim()) };
		}
	}
}

/**
 * The review of one graded question (only call when the reveal policy allows). `level: 'feedback'`
 * leaves out the correct answer and a multi-select question's option feedback.
 */
export function toQuestionReview(
	g: GradedQuestion,
	labels: ReviewLabels,
	defaultPrompt: string,
	level: 'full' | 'feedback' = 'full',
): QuestionReview {
	const q = g.question;
	const { yours, correct } = describe(g, labels);
	const feedback: string[] = [];
	const optionFeedback = q.type === 'single' || (q.type === 'multiple' && level === 'full');
	if (optionFeedback && g.answer !== null) {
		const chosen = ([] as number[]).concat(g.answer as number);
		for (const i of g.layout.order ?? [])
			if (chosen.includes(i) && q.options[i]!.feedback) feedback.push(q.options[i]!.feedback!);
	}
	return {
		id: q.id,
		prompt: q.prompt ?? defaultPrompt,
		credit: Math.round(g.credit * 1000) / 1000,
		yourAnswer: yours,
		...(level === 'full' ? { correctAnswer: correct } : {}),
		feedback,
		...(q.explanation ? { explanation: q.explanation } : {}),
	};
}

/**
 * The result a submission shows: the score and verdict, and the review as far as the policy
 * allows. `hasPassedBefore` counts earlier passing attempts (feedback and after-passing reveal
 * everything from then on); `practice` is anonymous practice (see the module comment).
 */
export function toQuizResult(
	quiz: Quiz,
	graded: GradedAttempt,
	passMark: number,
	hasPassedBefore: boolean,
	labels: ReviewLabels,
	defaultPrompt: string,
	practice = false,
): QuizResult {
	const base = { score: graded.score, passed: graded.passed, passMark };
	const level = getRevealLevel(quiz.reveal, graded.passed || hasPassedBefore, practice);
	if (level === 'none')
		return { ...base, withheld: quiz.reveal === 'never' ? 'never' : 'after-passing' };
	const review = graded.questions.map((g) => toQuestionReview(g, labels, defaultPrompt, level));
	return level === 'full' ? { ...base, review } : { ...base, withheld: 'answers', review };
}
