import { describe, expect, it } from 'vitest';
import { QuizSchema, type Question, type Quiz } from '../../src/lib/content/schemas.ts';
import {
	formatResponse,
	gradeAttempt,
	gradeQuestion,
	toAuthoredAnswer,
} from '../../src/lib/quiz/grading.ts';
import { createLayout, toPublicQuestions, type LayoutQuestion } from '../../src/lib/quiz/layout.ts';
import { buildAnswers } from '../helpers/quiz-answers.ts';

const question = (q: Record<string, unknown>): Question =>
	QuizSchema.parse({ title: 't', questions: [q] }).questions[0]!;

const single = question({
	id: 'single',
	type: 'single',
	prompt: 'p',
	options: [{ text: 'a' }, { text: 'b', correct: true }, { text: 'c' }],
});
const multiple = (scoring: string) =>
	question({
		id: 'multi',
		type: 'multiple',
		scoring,
		prompt: 'p',
		options: [
			{ text: 'a', correct: true },
			{ text: 'b', correct: true },
			{ text: 'c' },
			{ text: 'd' },
		],
	});

describe('gradeQuestion', () => {
	it('single: full credit for the correct option only', () => {
		expect(gradeQuestion(single, 1)).toBe(1);
		expect(gradeQuestion(single, 0)).toBe(0);
		expect(gradeQuestion(single, null)).toBe(0);
	});

	it('multiple, all-or-nothing: credit only for exactly the correct set', () => {
		const q = multiple('all-or-nothing');
		expect(gradeQuestion(q, [0, 1])).toBe(1);
		expect(gradeQuestion(q, [0])).toBe(0);
		expect(gradeQuestion(q, [0, 1, 2])).toBe(0);
	});

	it('multiple, per-option: a share per correct option chosen, minus a share per wrong one, never below 0', () => {
		const q = multiple('per-option');
		expect(gradeQuestion(q, [0, 1])).toBe(1);
		expect(gradeQuestion(q, [0])).toBe(0.5);
		expect(gradeQuestion(q, [0, 1, 2])).toBe(0.5);
		expect(gradeQuestion(q, [0, 2, 3])).toBe(0);
		expect(gradeQuestion(q, [0, 1, 2, 3])).toBe(0);
		expect(gradeQuestion(q, [])).toBe(0);
	});

	it('multiple, per-option, when every option is correct: a share per option chosen', () => {
		const q = question({
			id: 'm',
			type: 'multiple',
			scoring: 'per-option',
			prompt: 'p',
			options: [
				{ text: 'a', correct: true },
				{ text: 'b', correct: true },
			],
		});
		expect(gradeQuestion(q, [1])).toBe(0.5);
	});

	it('true-false: the answer must match', () => {
		const q = question({ id: 'tf', type: 'true-false', prompt: 'p', answer: false });
		expect(gradeQuestion(q, false)).toBe(1);
		expect(gradeQuestion(q, true)).toBe(0);
	});

	it('short-text: any accepted answer matches, whatever the case, spacing, punctuation or script form', () => {
		const q = question({
			id: 's',
			type: 'short-text',
			prompt: 'p',
			accept: ['client tip', 'client-tip'],
		});
		expect(gradeQuestion(q, '  Client   Tip. ')).toBe(1);
		expect(gradeQuestion(q, 'client')).toBe(0);
		const bn = question({ id: 's', type: 'short-text', prompt: 'p', accept: ['সময়সূচি'] });
		expect(gradeQuestion(bn, 'সময়সূচি।')).toBe(1);
		const hi = question({ id: 's', type: 'short-text', prompt: 'p', accept: ['क़लम'] });
		expect(gradeQuestion(hi, 'क़लम')).toBe(1);
	});

	it('short-text in a translation also accepts the English answers', () => {
		const bn = question({ id: 's', type: 'short-text', prompt: 'p', accept: ['পিভট টেবিল'] });
		const en = question({ id: 's', type: 'short-text', prompt: 'p', accept: ['pivot table'] });
		expect(gradeQuestion(bn, 'Pivot Table', en)).toBe(1);
		expect(gradeQuestion(bn, 'পিভট টেবিল', en)).toBe(1);
		expect(gradeQuestion(bn, 'Pivot Table')).toBe(0);
	});

	it('numeric: right within the tolerance, with local digits and the unit typed', () => {
		const q = question({
			id: 'n',
			type: 'numeric',
			prompt: 'p',
			answer: 12.5,
			tolerance: 0.5,
			unit: '%',
		});
		expect(gradeQuestion(q, '12.5')).toBe(1);
		expect(gradeQuestion(q, '13')).toBe(1);
		expect(gradeQuestion(q, '12')).toBe(1);
		expect(gradeQuestion(q, '13.01')).toBe(0);
		expect(gradeQuestion(q, '১২.৫%')).toBe(1);
		expect(gradeQuestion(q, 'twelve')).toBe(0);
		const exact = question({ id: 'n', type: 'numeric', prompt: 'p', answer: 0.3 });
		expect(gradeQuestion(exact, '0.3')).toBe(1);
		expect(gradeQuestion(exact, String(0.1 + 0.2))).toBe(1);
		expect(gradeQuestion(exact, '0.31')).toBe(0);
	});

	it('ordering: right only in the exact order', () => {
		const q = question({ id: 'o', type: 'ordering', prompt: 'p', items: ['a', 'b', 'c'] });
		expect(gradeQuestion(q, [0, 1, 2])).toBe(1);
		expect(gradeQuestion(q, [0, 2, 1])).toBe(0);
	});

	it('matching: a share for each correct pair', () => {
		const q = question({
			id: 'm',
			type: 'matching',
			prompt: 'p',
			pairs: [
				{ left: 'a', right: '1' },
				{ left: 'b', right: '2' },
				{ left: 'c', right: '3' },
				{ left: 'd', right: '4' },
			],
		});
		expect(gradeQuestion(q, [0, 1, 2, 3])).toBe(1);
		expect(gradeQuestion(q, [0, 1, 3, 2])).toBe(0.5);
		expect(gradeQuestion(q, [0, null, null, null])).toBe(0.25);
	});

	it('fill-blanks: a share per blank, any alternative accepted, normalised', () => {
		const q = question({
			id: 'f',
			type: 'fill-blanks',
			text: 'Type [[=SUM(B2:B9)]] or [[XLOOKUP|xlookup()]] in [[ঘর|সেল]].',
		});
		expect(gradeQuestion(q, ['=sum(b2:b9)', 'XLOOKUP', 'সেল'])).toBe(1);
		expect(gradeQuestion(q, ['=SUM(B2:B9)', 'vlookup', ''])).toBeCloseTo(1 / 3);
		expect(gradeQuestion(q, ['', '', 'ঘর।'])).toBeCloseTo(1 / 3);
	});
});

describe('toAuthoredAnswer', () => {
	it('maps display positions back to authored indexes through the layout', () => {
		const lq: LayoutQuestion = { id: 'single', order: [2, 0, 1] };
		expect(toAuthoredAnswer(single, lq, 2)).toBe(1);
		const m = multiple('per-option');
		expect(toAuthoredAnswer(m, { id: 'multi', order: [3, 2, 1, 0] }, [0, 3])).toEqual([0, 3]);
		const match = question({
			id: 'm',
			type: 'matching',
			prompt: 'p',
			pairs: [
				{ left: 'a', right: '1' },
				{ left: 'b', right: '2' },
				{ left: 'c', right: '3' },
			],
		});
		// Lefts shown c, a, b; rights shown 2, 3, 1. The learner pairs c–3, a–1, b–2 (all right).
		expect(
			toAuthoredAnswer(match, { id: 'm', order: [2, 0, 1], rights: [1, 2, 0] }, [1, 2, 0]),
		).toEqual([0, 1, 2]);
	});
});

describe('formatResponse', () => {
	it('writes answers in the analytics format, in authored terms', () => {
		expect(formatResponse(single, 2)).toBe('2');
		expect(formatResponse(multiple('per-option'), [0, 3])).toBe('0,3');
		expect(
			formatResponse(question({ id: 't', type: 'true-false', prompt: 'p', answer: true }), false),
		).toBe('false');
		expect(
			formatResponse(
				question({ id: 's', type: 'short-text', prompt: 'p', accept: ['x'] }),
				'  Client-Tip! ',
			),
		).toBe('client tip');
		expect(
			formatResponse(question({ id: 'n', type: 'numeric', prompt: 'p', answer: 1 }), '১০০'),
		).toBe('100');
		expect(
			formatResponse(question({ id: 'n', type: 'numeric', prompt: 'p', answer: 1 }), ' lots '),
		).toBe('lots');
		expect(
			formatResponse(
				question({ id: 'o', type: 'ordering', prompt: 'p', items: ['a', 'b', 'c'] }),
				[1, 0, 2],
			),
		).toBe('1,0,2');
		expect(
			formatResponse(
				question({
					id: 'm',
					type: 'matching',
					prompt: 'p',
					pairs: [
						{ left: 'a', right: '1' },
						{ left: 'b', right: '2' },
						{ left: 'c', right: '3' },
					],
				}),
				[0, 2, null],
			),
		).toBe('0,2,-');
		expect(
			formatResponse(question({ id: 'f', type: 'fill-blanks', text: '[[a]] and [[b]]' }), [
				'A.',
				' B ',
			]),
		).toBe('a | b');
		expect(formatResponse(single, null)).toBe('');
	});
});

const quiz: Quiz = QuizSchema.parse({
	title: 'Sample',
	passMark: 60,
	shuffleQuestions: true,
	questions: [
		{
			id: 'a',
			type: 'single',
			prompt: 'p',
			points: 2,
			options: [{ text: 'x' }, { text: 'y', correct: true }],
		},
		{ id: 'b', type: 'ordering', prompt: 'p', items: ['one', 'two', 'three'] },
		{
			id: 'c',
			type: 'matching',
			prompt: 'p',
			pairs: [
				{ left: 'l1', right: 'r1' },
				{ left: 'l2', right: 'r2' },
				{ left: 'l3', right: 'r3' },
			],
		},
		{ id: 'd', type: 'fill-blanks', text: 'A [[b]] c [[d]].' },
	],
});

describe('gradeAttempt', () => {
	it('scores 100 and passes when every answer is right, whatever the layout', () => {
		for (const seed of ['s1', 's2', 's3', 's4']) {
			const layout = createLayout(quiz, seed);
			const graded = gradeAttempt(
				quiz,
				layout,
				buildAnswers(quiz, toPublicQuestions(quiz, layout)),
				quiz.passMark,
			);
			expect(graded).toMatchObject({ score: 100, passed: true });
			expect(graded.questions.map((g) => g.credit)).toEqual([1, 1, 1, 1]);
		}
	});

	it('weights questions by points and rounds the score to one decimal', () => {
		const layout = createLayout(quiz, 'seed');
		const answers = buildAnswers(quiz, toPublicQuestions(quiz, layout), (id) => id !== 'a');
		// 2 points of 5 = 40 %.
		expect(gradeAttempt(quiz, layout, answers, 60)).toMatchObject({ score: 40, passed: false });
		// One of three pairs right in 'c' only: 1/3 of a point of 5 = 6.666… % → 6.7.
		const pqs = toPublicQuestions(quiz, layout);
		const c = buildAnswers(quiz, pqs).c as number[];
		expect(gradeAttempt(quiz, layout, { c: [c[0]!, null, null] }, 60).score).toBe(6.7);
	});

	it('passes exactly at the pass mark and fails just below it', () => {
		const layout = createLayout(quiz, 'edge');
		const pqs = toPublicQuestions(quiz, layout);
		const threeOfFive = buildAnswers(quiz, pqs, (id) => id === 'b' || id === 'd');
		expect(gradeAttempt(quiz, layout, threeOfFive, 60)).toMatchObject({ score: 60, passed: true });
		expect(gradeAttempt(quiz, layout, threeOfFive, 60.1)).toMatchObject({ passed: false });
	});

	it('counts unanswered questions as zero', () => {
		const layout = createLayout(quiz, 'empty');
		const graded = gradeAttempt(quiz, layout, {}, 60);
		expect(graded.score).toBe(0);
		expect(graded.questions.every((g) => g.response === '')).toBe(true);
	});
});
