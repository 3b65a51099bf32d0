import { describe, expect, it } from 'vitest';
import { QuizSchema } from '../../src/lib/content/schemas.ts';
import {
	createLayout,
	getBlanks,
	toPublicQuestions,
	verifyLayoutFits,
} from '../../src/lib/quiz/layout.ts';
import { createRandom, shuffle } from '../../src/lib/quiz/random.ts';

const quiz = (extra: Record<string, unknown> = {}) =>
	QuizSchema.parse({
		title: 'Sample',
		...extra,
		questions: [
			{
				id: 'q1',
				type: 'single',
				prompt: 'Pick',
				options: [{ text: 'a' }, { text: 'b', correct: true, feedback: 'Yes!' }, { text: 'c' }],
				explanation: 'Because.',
			},
			{ id: 'q2', type: 'ordering', prompt: 'Order', items: ['first', 'second', 'third'] },
			{
				id: 'q3',
				type: 'matching',
				prompt: 'Match',
				pairs: [
					{ left: 'L1', right: 'R1' },
					{ left: 'L2', right: 'R2' },
					{ left: 'L3', right: 'R3' },
				],
			},
			{ id: 'q4', type: 'numeric', prompt: 'How many?', answer: 42, tolerance: 1, unit: 'kg' },
			{ id: 'q5', type: 'fill-blanks', text: 'Press [[Ctrl+C|ctrl c]] then [[Ctrl+V]].' },
			{ id: 'q6', type: 'short-text', prompt: 'Name it', accept: ['secret word'] },
			{ id: 'q7', type: 'true-false', prompt: 'True?', answer: true },
		],
	});

describe('createRandom and shuffle', () => {
	it('repeats the same sequence for the same seed and differs for another', () => {
		const a = createRandom('abc');
		const b = createRandom('abc');
		const c = createRandom('abd');
		const seqA = [a(), a(), a()];
		expect([b(), b(), b()]).toEqual(seqA);
		expect([c(), c(), c()]).not.toEqual(seqA);
		expect(shuffle([1, 2, 3, 4, 5], createRandom('x'))).toEqual(
			shuffle([1, 2, 3, 4, 5], createRandom('x')),
		);
	});
});

describe('createLayout', () => {
	it('is deterministic for a seed', () => {
		expect(createLayout(quiz({ shuffleQuestions: true }), 'seed-1')).toEqual(
			createLayout(quiz({ shuffleQuestions: true }), 'seed-1'),
		);
	});

	it('keeps the authored question order unless shuffleQuestions is set', () => {
		expect(createLayout(quiz(), 'x').questions.map((q) => q.id)).toEqual([
			'q1',
			'q2',
			'q3',
			'q4',
			'q5',
			'q6',
			'q7',
		]);
		const orders = new Set(
			Array.from({ length: 20 }, (_, i) =>
				createLayout(quiz({ shuffleQuestions: true }), `s${i}`)
					.questions.map((q) => q.id)
					.join(),
			),
		);
		expect(orders.size).toBeGreaterThan(1);
	});

	it('draws N different questions of the pool, varying between attempts', () => {
		const drawn = Array.from({ length: 30 }, (_, i) =>
			createLayout(quiz({ draw: 3 }), `d${i}`).questions.map((q) => q.id),
		);
		for (const ids of drawn) {
			expect(ids).toHaveLength(3);
			expect(new Set(ids).size).toBe(3);
			expect([...ids].sort()).toEqual(ids); // authored order kept among the drawn
		}
		expect(new Set(drawn.flat()).size).toBe(7);
	});

	it("draws none of the previous attempt's questions when the pool has twice the draw, and tops up from them when it has not", () => {
		for (let i = 0; i < 20; i++) {
			const first = createLayout(quiz({ draw: 3 }), `a${i}`).questions.map((q) => q.id);
			const second = createLayout(quiz({ draw: 3 }), `b${i}`, new Set(first)).questions.map(
				(q) => q.id,
			);
			expect(second.filter((id) => first.includes(id))).toEqual([]);
			const big = createLayout(quiz({ draw: 5 }), `c${i}`).questions.map((q) => q.id);
			const next = createLayout(quiz({ draw: 5 }), `e${i}`, new Set(big)).questions.map(
				(q) => q.id,
			);
			// 7 questions, 5 shown before: the 2 unseen ones are always drawn, then 3 seen ones.
			expect(next.filter((id) => !big.includes(id))).toHaveLength(2);
			expect(next).toHaveLength(5);
		}
	});

	it('keeps option order when shuffleOptions is false and shuffles it otherwise', () => {
		expect(createLayout(quiz({ shuffleOptions: false }), 'x').questions[0]!.order).toEqual([
			0, 1, 2,
		]);
		const orders = new Set(
			Array.from({ length: 20 }, (_, i) =>
				createLayout(quiz(), `o${i}`).questions[0]!.order!.join(),
			),
		);
		expect(orders.size).toBeGreaterThan(1);
	});

	it('never starts an ordering question in the correct order, nor lines matching choices up with their prompts', () => {
		for (let i = 0; i < 300; i++) {
			for (const shuffleOptions of [true, false]) {
				const layout = createLayout(quiz({ shuffleOptions }), `n${i}`);
				expect(layout.questions[1]!.order).not.toEqual([0, 1, 2]);
				expect(layout.questions[2]!.rights).not.toEqual(layout.questions[2]!.order);
			}
		}
	});
});

describe('verifyLayoutFits', () => {
	it('accepts its own layout and refuses one for a changed quiz', () => {
		const layout = createLayout(quiz(), 'x');
		expect(verifyLayoutFits(quiz(), layout)).toBe(true);
		const changed = QuizSchema.parse({
			title: 't',
			questions: [
				{
					id: 'q1',
					type: 'single',
					prompt: 'p',
					options: [{ text: 'a', correct: true }, { text: 'b' }],
				},
			],
		});
		expect(verifyLayoutFits(changed, layout)).toBe(false);
		expect(verifyLayoutFits(quiz(), { questions: [{ id: 'q1', order: [0, 0, 1] }] })).toBe(false);
	});
});

describe('getBlanks', () => {
	it('lists the accepted answers of each blank', () => {
		expect(getBlanks('Press [[Ctrl+C|ctrl c]] then [[ Ctrl+V ]].')).toEqual([
			['Ctrl+C', 'ctrl c'],
			['Ctrl+V'],
		]);
	});
});

describe('toPublicQuestions', () => {
	it('contains no correct flags, answers, feedback or explanations', () => {
		const q = quiz();
		for (let i = 0; i < 20; i++) {
			const json = JSON.stringify(toPublicQuestions(q, createLayout(q, `p${i}`)));
			for (const secret of [
				'correct',
				'answer',
				'accept',
				'feedback',
				'explanation',
				'tolerance',
				'Yes!',
				'Because.',
				'secret word',
				'Ctrl+C',
				'ctrl c',
				'42',
				'"pairs"',
			]) {
				expect(json).not.toContain(secret);
			}
		}
	});

	it('shows options, items and choices in the layout order and splits fill-blanks at the blanks', () => {
		const q = quiz();
		const layout = createLayout(q, 'view');
		const [single, ordering, matching, numeric, fill] = toPublicQuestions(q, layout);
		expect(single).toMatchObject({
			type: 'single',
			options: layout.questions[0]!.order!.map((i) => ['a', 'b', 'c'][i]),
		});
		expect(ordering).toMatchObject({
			type: 'ordering',
			items: layout.questions[1]!.order!.map((i) => ['first', 'second', 'third'][i]),
		});
		expect(matching).toMatchObject({
			lefts: layout.questions[2]!.order!.map((i) => `L${i + 1}`),
			rights: layout.questions[2]!.rights!.map((i) => `R${i + 1}`),
		});
		expect(numeric).toEqual({
			id: 'q4',
			type: 'numeric',
			prompt: 'How many?',
			points: 1,
			unit: 'kg',
		});
		expect(fill).toEqual({
			id: 'q5',
			type: 'fill-blanks',
			prompt: '',
			points: 1,
			parts: ['Press ', ' then ', '.'],
		});
	});
});
