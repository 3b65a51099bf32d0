/**
 * The guesser test over the real catalogue: for every quiz in courses/ (and every translation),
 * the exact expected score of always choosing the longest option, of choosing uniformly at random,
 * and of memorising what one failed attempt reveals under the quiz's reveal policy and pool, then
 * retrying (src/lib/quiz/guessers.ts), stays below the quiz's pass mark. First, the computation
 * itself on small quizzes whose answers can be worked out by hand.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { QuizSchema, type Quiz } from '../../src/lib/content/schemas.ts';
import {
	expectCredits,
	expectFeedbackRetry,
	expectGuesserScores,
	expectLongest,
	expectRandom,
	expectScore,
	getSeenShare,
	STRATEGIES,
} from '../../src/lib/quiz/guessers.ts';
import { readQuizFile } from '../helpers/quiz-answers.ts';

const root = join(import.meta.dirname, '..', '..');
const question = (q: Record<string, unknown>) =>
	QuizSchema.parse({ title: 't', questions: [{ id: 'q', prompt: 'p', ...q }] }).questions[0]!;
const single = (texts: string[], correct: number) =>
	question({ type: 'single', options: texts.map((text, i) => ({ text, correct: i === correct })) });

describe('expectRandom and expectLongest', () => {
	it('give 1/k for a single choice, and 1 or 0 for the longest option', () => {
		expect(expectRandom(single(['a', 'bb', 'ccc', 'dddd'], 3))).toBe(0.25);
		expect(expectLongest(single(['a', 'bb', 'ccc', 'dddd'], 3))).toBe(1);
		expect(expectLongest(single(['aaaa', 'bbbb', 'c'], 0))).toBe(0.5);
	});

	it('average a multi-select over every non-empty set of options', () => {
		const q = question({
			type: 'multiple',
			options: [{ text: 'a', correct: true }, { text: 'b' }],
		});
		// {a} right, {b} wrong, {a, b} wrong: 1/3.
		expect(expectRandom(q)).toBeCloseTo(1 / 3, 12);
		const perOption = question({
			type: 'multiple',
			scoring: 'per-option',
			options: [{ text: 'a', correct: true }, { text: 'b' }],
		});
		// {a} 1, {b} 0, {a, b} 1 − 1 = 0.
		expect(expectRandom(perOption)).toBeCloseTo(1 / 3, 12);
	});

	it('give typed answers nothing and orderings 1/n!', () => {
		expect(expectRandom(question({ type: 'short-text', accept: ['x'] }))).toBe(0);
		expect(expectRandom(question({ type: 'ordering', items: ['a', 'b', 'c'] }))).toBeCloseTo(
			1 / 6,
			12,
		);
	});
});

describe('expectFeedbackRetry', () => {
	it('is 2/k for a single choice: keep a right guess, or drop the wrong one and guess again', () => {
		expect(expectFeedbackRetry(single(['a', 'b', 'c', 'd'], 1))).toBeCloseTo(0.5, 12);
		expect(expectFeedbackRetry(single(['a', 'b', 'c'], 1))).toBeCloseTo(2 / 3, 12);
	});

	it('is 1 for true-false and 2/(2^k − 1) for an all-or-nothing multi-select', () => {
		expect(expectFeedbackRetry(question({ type: 'true-false', answer: true }))).toBe(1);
		const q = question({
			type: 'multiple',
			options: ['a', 'b', 'c'].map((text, i) => ({ text, correct: i < 2 })),
		});
		expect(expectFeedbackRetry(q)).toBeCloseTo(2 / 7, 12);
	});

	it('counts a question as known when its explanation quotes the correct answer', () => {
		const q = question({
			type: 'single',
			explanation: 'Choose Modify the style, because styles change in one place.',
			options: [
				{ text: 'Modify the style', correct: true },
				{ text: 'Recolour each heading' },
				{ text: 'Use Format Painter' },
			],
		});
		expect(expectFeedbackRetry(q)).toBe(1);
		expect(
			expectFeedbackRetry({ ...q, explanation: 'Styles change formatting in one place.' }),
		).toBeCloseTo(2 / 3, 12);
	});

	it('uses the share of pairs shown for matching: two pairs are known after one try', () => {
		const pairs = (n: number) =>
			question({
				type: 'matching',
				pairs: Array.from({ length: n }, (_, i) => ({ left: `l${i}`, right: `r${i}` })),
			});
		expect(expectFeedbackRetry(pairs(2))).toBe(1);
		const three = expectFeedbackRetry(pairs(3));
		expect(three).toBeGreaterThan(1 / 3);
		expect(three).toBeLessThan(1);
	});
});

describe('expectScore and getSeenShare', () => {
	const quiz = (extra: Record<string, unknown>, points = [1, 1, 1, 1]) =>
		QuizSchema.parse({
			title: 't',
			...extra,
			questions: points.map((p, i) => ({
				id: `q${i}`,
				type: 'true-false',
				prompt: 'p',
				answer: true,
				points: p,
			})),
		});

	it('averages credits weighted by points over every draw', () => {
		expect(expectScore(quiz({}), [1, 0, 0, 0])).toBeCloseTo(25, 10);
		// Draw 1 of 2 with points 3 and 1: each drawn alone, so the score is the mean of 100 and 0.
		expect(
			expectScore(
				QuizSchema.parse({
					title: 't',
					draw: 1,
					questions: [0, 1].map((i) => ({
						id: `q${i}`,
						type: 'true-false',
						prompt: 'p',
						answer: true,
						points: i === 0 ? 3 : 1,
					})),
				}),
				[1, 0],
			),
		).toBeCloseTo(50, 10);
		// Draw 2 of 3 with points 2, 1, 1 and credit only on the first: (2/3 + 2/3 + 0) / 3.
		expect(
			expectScore(
				QuizSchema.parse({
					title: 't',
					draw: 2,
					questions: [2, 1, 1].map((p, i) => ({
						id: `q${i}`,
						type: 'true-false',
						prompt: 'p',
						answer: true,
						points: p,
					})),
				}),
				[1, 0, 0],
			),
		).toBeCloseTo(400 / 3 / 3, 10);
	});

	it('counts every question as seen again without a pool of twice the draw, and N/(P − N) with one', () => {
		expect(getSeenShare(quiz({}))).toBe(1);
		expect(getSeenShare(quiz({ draw: 3 }))).toBe(1);
		expect(getSeenShare(quiz({ draw: 2 }))).toBe(1);
		expect(
			getSeenShare(
				QuizSchema.parse({
					...quiz({}),
					draw: 2,
					questions: [
						...quiz({}).questions,
						...quiz({}).questions.map((q) => ({ ...q, id: `${q.id}x` })),
					],
				}),
			),
		).toBeCloseTo(1 / 3, 12);
	});

	it('lets a memoriser pass a quiz that shows every answer after each attempt, but not one that shows feedback only', () => {
		const items = Array.from({ length: 8 }, (_, i) => ({
			id: `s${i}`,
			type: 'single',
			prompt: 'p',
			options: ['a', 'b', 'c', 'd'].map((text, j) => ({ text, correct: j === i % 4 })),
		}));
		const full = QuizSchema.parse({
			title: 't',
			draw: 4,
			reveal: 'after-each-attempt',
			questions: items,
		});
		const feedback = QuizSchema.parse({
			title: 't',
			draw: 4,
			reveal: 'feedback',
			questions: items,
		});
		expect(expectGuesserScores(full).memorise).toBeCloseTo(100, 10);
		expect(expectGuesserScores(feedback).memorise).toBeCloseTo(50, 10);
		expect(expectCredits(feedback, 'random')).toEqual(Array(8).fill(0.25));
	});
});

const files: string[] = [];
const coursesDir = process.env.QUIZ_COURSES_DIR ?? join(root, 'courses');
for (const course of existsSync(coursesDir) ? readdirSync(coursesDir) : []) {
	const dir = join(coursesDir, course);
	if (!existsSync(join(dir, 'course.md'))) continue;
	for (const unit of readdirSync(dir).filter((d) => /^\d+[-_]/.test(d))) {
		for (const file of readdirSync(join(dir, unit)))
			if (/\.quiz\.(bn\.|hi\.)?yaml$/.test(file)) files.push(join(dir, unit, file));
	}
}

describe('the catalogue against guessers', () => {
	it('has quizzes to check', () => {
		expect(files.length).toBeGreaterThan(0);
	});

	describe.each(files.map((f) => [f.replace(/^.*?(courses\/)/, '$1'), f]))('%s', (name, file) => {
		const quiz: Quiz = readQuizFile(file);
		it.each(STRATEGIES)('keeps the %s strategy below the pass mark', (strategy) => {
			const score = expectScore(quiz, expectCredits(quiz, strategy));
			expect(
				score,
				`${name}: the ${strategy} strategy expects ${score.toFixed(1)} %, pass mark ${quiz.passMark} %`,
			).toBeLessThan(quiz.passMark);
		});
	});
});
