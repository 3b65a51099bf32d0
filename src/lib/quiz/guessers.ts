/**
 * What a learner who does not know the material can expect to score: the exact expected score of
 * three guessing strategies, used by the catalogue test (tests/unit/quiz-guessers.test.ts) to keep
 * every quiz out of a guesser's reach. Exact means computed, not sampled.
 *
 * Strategies, per question (expected credit, 0–1, graded as src/lib/quiz/grading.ts grades):
 * - `longest`: single-choice: the longest option (ties: one of them at random); multi-select:
 *   every option at least as long as the options' mean length; other types as `random`.
 * - `random`: single-choice: one option uniformly; multi-select: a non-empty set of options
 *   uniformly; true-false: 1/2; ordering: a permutation uniformly (1/n!); matching: a one-to-one
 *   pairing uniformly (1/n expected share); typed answers (short text, numbers, blanks): 0.
 * - `memorise`: one failed attempt answered at random, then a retry that uses what the quiz's
 *   reveal policy showed. On a question seen in the failed attempt:
 *   `after-each-attempt` showed the key (credit 1); `after-passing`/`never` showed nothing
 *   (as `random`); `feedback` showed the credit earned and the explanation: the learner keeps a
 *   right answer and otherwise picks the answer with the best expected credit among the keys
 *   consistent with what was shown (uniform prior over keys, exact Bayesian update over every key
 *   and answer), unless the explanation quotes the correct answer (then credit 1).
 *   On a question not seen before: the better of `longest` and `random`.
 *
 * Which retry questions were seen: attempts draw first from the questions the previous attempt
 * did not show (src/lib/quiz/layout.ts). With a pool P ≥ 2N the next attempt repeats nothing, but
 * the one after draws N of the P − N questions not in the last attempt, among them the N of the
 * failed one: a share N / (P − N) of seen questions (all of them when P = 2N). Without a draw, or
 * with P < 2N, every question counts as seen.
 *
 * The expected score over draws of N of P questions is exact (a dynamic programme over the number
 * of questions and points drawn); `memorise` treats each drawn question as seen with the share
 * above, which is exact when the questions carry equal points.
 */
import type { Question, Quiz } from '../content/schemas.ts';
import { getQuotedKey, getTextLength } from '../content/item-lint.ts';

export type Strategy = 'longest' | 'random' | 'memorise';
export const STRATEGIES: Strategy[] = ['longest', 'random', 'memorise'];

/** Every non-empty subset of 0…k-1, as bit masks. */
const subsets = (k: number) => Array.from({ length: 2 ** k - 1 }, (_, i) => i + 1);
const bits = (mask: number) => mask.toString(2).split('1').length - 1;

/** Every permutation of 0…n-1. */
function permutations(n: number): number[][] {
	if (n === 0) return [[]];
	return permutations(n - 1).flatMap((p) =>
		Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]),
	);
}

/** The credit of ticking `chosen` when `key` is the set of correct options (bit masks). */
function creditMultiple(
	q: Extract<Question, { type: 'multiple' }>,
	chosen: number,
	key: number,
): number {
	const k = q.options.length;
	const nRight = bits(key);
	const right = bits(chosen & key);
	const wrong = bits(chosen & ~key);
	if (q.scoring === 'all-or-nothing') return chosen === key ? 1 : 0;
	const nWrong = k - nRight;
	return Math.max(0, right / nRight - (nWrong === 0 ? 0 : wrong / nWrong));
}

/**
 * Expected credit of a retry after a uniformly random first answer whose credit was shown:
 * `answers` and `keys` are the answer and key spaces, `credit(a, k)` the grading, `truth` the
 * index of the real key in `keys`. The learner picks the answer with the best average credit over
 * the keys that would have shown the same credit (ties: any of them, averaged).
 */
function expectRetry<A, K>(
	answers: A[],
	keys: K[],
	credit: (a: A, k: K) => number,
	truth: number,
): number {
	const nk = keys.length;
	const matrix = new Float64Array(answers.length * nk);
	answers.forEach((a, i) => keys.forEach((k, j) => (matrix[i * nk + j] = credit(a, k))));
	let total = 0;
	for (let first = 0; first < answers.length; first++) {
		const shown = matrix[first * nk + truth]!;
		const consistent: number[] = [];
		for (let j = 0; j < nk; j++)
			if (Math.abs(matrix[first * nk + j]! - shown) < 1e-9) consistent.push(j);
		let [best, sum, ties] = [-1, 0, 0];
		for (let i = 0; i < answers.length; i++) {
			let value = 0;
			for (const j of consistent) value += matrix[i * nk + j]!;
			const real = matrix[i * nk + truth]!;
			if (value > best + 1e-9) [best, sum, ties] = [value, real, 1];
			else if (value >= best - 1e-9) [sum, ties] = [sum + real, ties + 1];
		}
		total += sum / ties;
	}
	return total / answers.length;
}

/** Expected credit of a question under `random`. */
export function expectRandom(q: Question): number {
	switch (q.type) {
		case 'single':
			return 1 / q.options.length;
		case 'multiple': {
			const key = q.options.reduce((m, o, i) => (o.correct ? m | (1 << i) : m), 0);
			const all = subsets(q.options.length);
			return all.reduce((s, c) => s + creditMultiple(q, c, key), 0) / all.length;
		}
		case 'true-false':
			return 0.5;
		case 'ordering':
			return 1 / permutations(q.items.length).length;
		case 'matching':
			return 1 / q.pairs.length;
		default:
			return 0;
	}
}

/** Expected credit of a question under `longest`. */
export function expectLongest(q: Question): number {
	if (q.type === 'single') {
		const lengths = q.options.map((o) => getTextLength(o.text));
		const max = Math.max(...lengths);
		const ties = q.options.filter((_, i) => lengths[i] === max);
		return ties.filter((o) => o.correct).length / ties.length;
	}
	if (q.type === 'multiple') {
		const lengths = q.options.map((o) => getTextLength(o.text));
		const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
		const chosen = lengths.reduce((m, l, i) => (l >= mean ? m | (1 << i) : m), 0);
		const key = q.options.reduce((m, o, i) => (o.correct ? m | (1 << i) : m), 0);
		return creditMultiple(q, chosen, key);
	}
	return expectRandom(q);
}

/** Largest answer space the exact retry computation takes on (matching of 6 pairs: 720). */
const MAX_SPACE = 1000;

/**
 * Expected credit of a retry of a question seen once under the `feedback` policy. An explanation
 * that quotes the correct answer (see item-lint's `getQuotedKey`) gives it away: credit 1.
 */
export function expectFeedbackRetry(q: Question): number {
	if (getQuotedKey(q)) return 1;
	switch (q.type) {
		case 'single': {
			const k = q.options.length;
			const all = Array.from({ length: k }, (_, i) => i);
			return expectRetry(
				all,
				all,
				(a, key) => (a === key ? 1 : 0),
				q.options.findIndex((o) => o.correct),
			);
		}
		case 'multiple': {
			const all = subsets(q.options.length);
			const truth = q.options.reduce((m, o, i) => (o.correct ? m | (1 << i) : m), 0);
			if (all.length > MAX_SPACE) return 1;
			return expectRetry(all, all, (a, key) => creditMultiple(q, a, key), all.indexOf(truth));
		}
		case 'true-false':
			return 1;
		case 'ordering': {
			const n = permutations(q.items.length).length;
			return Math.min(1, 2 / n);
		}
		case 'matching': {
			// Answers are pairings (answer[left] = right); by symmetry the key is the identity.
			const n = q.pairs.length;
			if (permutations(n).length > MAX_SPACE) return 1;
			const all = permutations(n);
			const identity = all.findIndex((p) => p.every((v, i) => v === i));
			const share = (a: number[], key: number[]) => a.filter((v, i) => v === key[i]).length / n;
			return expectRetry(all, all, share, identity);
		}
		default:
			return 0;
	}
}

/** Share of a retry's questions that the failed attempt showed (see the module comment). */
export function getSeenShare(quiz: Quiz): number {
	const pool = quiz.questions.length;
	const draw = quiz.draw && quiz.draw < pool ? quiz.draw : pool;
	if (draw === pool || pool < 2 * draw) return 1;
	return Math.min(1, draw / (pool - draw));
}

/** Expected credit of each question of the quiz under a strategy, in authored order. */
export function expectCredits(quiz: Quiz, strategy: Strategy): number[] {
	if (strategy === 'random') return quiz.questions.map(expectRandom);
	if (strategy === 'longest') return quiz.questions.map(expectLongest);
	const seen = getSeenShare(quiz);
	return quiz.questions.map((q) => {
		const fresh = Math.max(expectLongest(q), expectRandom(q));
		const known =
			quiz.reveal === 'after-each-attempt'
				? 1
				: quiz.reveal === 'feedback'
					? expectFeedbackRetry(q)
					: expectRandom(q);
		return seen * known + (1 - seen) * fresh;
	});
}

/**
 * The expected score (percent) of an attempt that draws `draw` of the questions uniformly, each
 * question earning its expected credit times its points, over the points drawn.
 */
export function expectScore(quiz: Quiz, credits: number[]): number {
	const pool = quiz.questions.length;
	const draw = quiz.draw && quiz.draw < pool ? quiz.draw : pool;
	// states[n]: points drawn → [number of ways, sum over those ways of points earned]
	let states: Map<number, [number, number]>[] = [new Map([[0, [1, 0]]])];
	quiz.questions.forEach((q, i) => {
		const next = states.map((m) => new Map(m));
		for (let n = Math.min(states.length - 1, draw - 1); n >= 0; n--) {
			for (const [points, [ways, earned]] of states[n]!) {
				const target = (next[n + 1] ??= new Map());
				const key = points + q.points;
				const [w, e] = target.get(key) ?? [0, 0];
				target.set(key, [w + ways, e + earned + ways * credits[i]! * q.points]);
			}
		}
		states = next;
	});
	let ways = 0;
	let score = 0;
	for (const [points, [w, e]] of states[draw] ?? []) {
		ways += w;
		score += points === 0 ? 0 : e / points;
	}
	return (score / ways) * 100;
}

/** Expected score (percent) of every strategy on a quiz. */
export function expectGuesserScores(quiz: Quiz): Record<Strategy, number> {
	return Object.fromEntries(
		STRATEGIES.map((s) => [s, expectScore(quiz, expectCredits(quiz, s))]),
	) as Record<Strategy, number>;
}
