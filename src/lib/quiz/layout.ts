/**
 * Attempt layouts and the public view of a quiz.
 *
 * A layout is what the server decides when an attempt starts: which questions were drawn, in what
 * order, and the order of each question's options, items and matching choices. It is stored with
 * the attempt (`quiz_attempt.layout`) and never sent to the browser; anonymous practice rebuilds it
 * from a seed. Positions the learner sees are mapped back to authored indexes through it.
 *
 * Order rules, so that no order gives an answer away:
 * - options of single/multiple questions are shuffled when the quiz says `shuffleOptions` (their
 *   order carries no answer either way: correct flags never leave the server);
 * - ordering items are always shuffled and never start in the correct order;
 * - matching: the left-hand prompts are shuffled when `shuffleOptions`, and the right-hand choices
 *   always are; from three pairs on they never line up with the prompts in the correct pairing.
 */
import type { Question, Quiz } from '../content/schemas.ts';
import type { PublicQuestion } from './types.ts';
import { createRandom, range, shuffle } from './random.ts';

export interface LayoutQuestion {
	id: string;
	/** single/multiple: display position → authored option; ordering: starting position → authored
	 * item; matching: display position → authored pair (the left-hand side). */
	order?: number[];
	/** matching only: display position → authored pair (the right-hand side). */
	rights?: number[];
}

export interface QuizLayout {
	questions: LayoutQuestion[];
}

const BLANK = /\[\[([^\]]+)\]\]/g;

/** The accepted answers of each blank of a fill-blanks text. */
export function getBlanks(text: string): string[][] {
	return [...text.matchAll(BLANK)].map((m) =>
		m[1]!
			.split('|')
			.map((a) => a.trim())
			.filter(Boolean),
	);
}

/** How many choices a question's layout orders (options, items or pairs); 0 for the others. */
export function countChoices(q: Question): number {
	if (q.type === 'single' || q.type === 'multiple') return q.options.length;
	if (q.type === 'ordering') return q.items.length;
	if (q.type === 'matching') return q.pairs.length;
	return 0;
}

const isIdentity = (order: number[]) => order.every((v, i) => v === i);

/** A shuffle of 0…n-1 that `avoid` does not refuse (n ≥ 2), so a starting order never shows the answer. */
function shuffleAway(
	n: number,
	random: () => number,
	avoid: (order: number[]) => boolean,
): number[] {
	let order = shuffle(range(n), random);
	for (let tries = 0; tries < 20 && avoid(order); tries++) order = shuffle(range(n), random);
	// Twenty unlucky shuffles in a row: rotating by one cannot be the avoided order.
	return avoid(order) ? order.map((_, i) => order[(i + 1) % n]!) : order;
}

/**
 * The questions an attempt draws: `draw` of the pool at random, taken first from the questions
 * not in `avoid` (the learner's previous attempt) and only then from the rest, so consecutive
 * attempts share no question when the pool has at least twice the draw.
 */
function drawQuestions(quiz: Quiz, random: () => number, avoid?: ReadonlySet<string>): number[] {
	const all = range(quiz.questions.length);
	if (!quiz.draw || quiz.draw >= all.length) return all;
	const shuffled = shuffle(all, random);
	const fresh = shuffled.filter((i) => !avoid?.has(quiz.questions[i]!.id));
	const seen = shuffled.filter((i) => avoid?.has(quiz.questions[i]!.id));
	return [...fresh, ...seen].slice(0, quiz.draw);
}

/**
 * Draws and orders a quiz for one attempt. Deterministic for a given seed (and `avoid`, the ids of
 * the questions of the learner's previous attempt, drawn again only when the pool runs short).
 * @example createLayout(quiz, 'k3v9…').questions[0] // { id: 'best-format', order: [2, 0, 1] }
 */
export function createLayout(quiz: Quiz, seed: string, avoid?: ReadonlySet<string>): QuizLayout {
	const random = createRandom(seed);
	const drawn = drawQuestions(quiz, random, avoid);
	const ordered = quiz.shuffleQuestions ? shuffle(drawn, random) : [...drawn].sort((a, b) => a - b);
	return {
		questions: ordered.map((index) => {
			const q = quiz.questions[index]!;
			const n = countChoices(q);
			if (q.type === 'single' || q.type === 'multiple') {
				return { id: q.id, order: quiz.shuffleOptions ? shuffle(range(n), random) : range(n) };
			}
			if (q.type === 'ordering') return { id: q.id, order: shuffleAway(n, random, isIdentity) };
			if (q.type === 'matching') {
				const order = quiz.shuffleOptions ? shuffle(range(n), random) : range(n);
				const rights = shuffleAway(n, random, (r) => n >= 3 && r.every((v, i) => v === order[i]));
				return { id: q.id, order, rights };
			}
			return { id: q.id };
		}),
	};
}

/** True when a stored layout still fits the quiz (same ids, types and numbers of choices). */
export function verifyLayoutFits(quiz: Quiz, layout: QuizLayout): boolean {
	return layout.questions.every((lq) => {
		const q = quiz.questions.find((x) => x.id === lq.id);
		if (!q) return false;
		const n = countChoices(q);
		const fits = (order?: number[]) =>
			!order || (order.length === n && [...order].sort((a, b) => a - b).every((v, i) => v === i));
		return (
			(n === 0) === !lq.order &&
			fits(lq.order) &&
			fits(lq.rights) &&
			(q.type === 'matching') === Boolean(lq.rights)
		);
	});
}

/** The question of a layout entry. The layout must fit the quiz (see `verifyLayoutFits`). */
export function getLayoutQuestion(quiz: Quiz, lq: LayoutQuestion): Question {
	return quiz.questions.find((q) => q.id === lq.id)!;
}

/** What the learner may see of one drawn question: no answers, correct flags or feedback. */
export function toPublicQuestion(q: Question, lq: LayoutQuestion): PublicQuestion {
	const base = { id: q.id, prompt: q.prompt ?? '', points: q.points };
	const order = lq.order ?? [];
	switch (q.type) {
		case 'single':
		case 'multiple':
			return { ...base, type: q.type, options: order.map((i) => q.options[i]!.text) };
		case 'true-false':
		case 'short-text':
			return { ...base, type: q.type };
		case 'numeric':
			return q.unit ? { ...base, type: 'numeric', unit: q.unit } : { ...base, type: 'numeric' };
		case 'ordering':
			return { ...base, type: 'ordering', items: order.map((i) => q.items[i]!) };
		case 'matching':
			return {
				...base,
				type: 'matching',
				lefts: order.map((i) => q.pairs[i]!.left),
				rights: (lq.rights ?? []).map((i) => q.pairs[i]!.right),
			};
		case 'fill-blanks':
			return {
				...base,
				type: 'fill-blanks',
				parts: q.text.split(BLANK).filter((_, i) => i % 2 === 0),
			};
	}
}

/** The public view of every drawn question, in the attempt's order. */
export function toPublicQuestions(quiz: Quiz, layout: QuizLayout): PublicQuestion[] {
	return layout.questions.map((lq) => toPublicQuestion(getLayoutQuestion(quiz, lq), lq));
}
