import { describe, expect, it } from 'vitest';
import { QuizSchema } from '../../src/lib/content/schemas.ts';
import { gradeAttempt } from '../../src/lib/quiz/grading.ts';
import { createLayout, toPublicQuestions } from '../../src/lib/quiz/layout.ts';
import { getRevealLevel, toQuizResult, verifyRevealAllowed } from '../../src/lib/quiz/reveal.ts';
import { buildAnswers } from '../helpers/quiz-answers.ts';

const labels = { true: 'True', false: 'False', none: '—' };
const quizWith = (reveal: string) =>
	QuizSchema.parse({
		title: 'Sample',
		reveal,
		passMark: 50,
		questions: [
			{
				id: 'pick',
				type: 'single',
				prompt: 'Pick one',
				options: [
					{ text: 'Alpha', feedback: 'Not alpha.' },
					{ text: 'Bravo', correct: true, feedback: 'Yes, bravo.' },
				],
				explanation: 'Bravo is right.',
			},
			{ id: 'tf', type: 'true-false', prompt: 'Sky is blue', answer: true },
			{ id: 'ord', type: 'ordering', prompt: 'Order', items: ['one', 'two', 'three'] },
			{
				id: 'match',
				type: 'matching',
				prompt: 'Match',
				pairs: [
					{ left: 'Copy', right: 'Ctrl+C' },
					{ left: 'Paste', right: 'Ctrl+V' },
				],
			},
			{ id: 'fill', type: 'fill-blanks', text: 'Use [[SUM|AutoSum]] and [[AVERAGE]].' },
			{ id: 'num', type: 'numeric', prompt: 'How many?', answer: 5, tolerance: 0.5, unit: 'kg' },
		],
	});

describe('verifyRevealAllowed', () => {
	it('follows the policy', () => {
		expect(verifyRevealAllowed('after-each-attempt', false)).toBe(true);
		expect(verifyRevealAllowed('after-passing', false)).toBe(false);
		expect(verifyRevealAllowed('after-passing', true)).toBe(true);
		expect(verifyRevealAllowed('never', true)).toBe(false);
		expect(verifyRevealAllowed('feedback', false)).toBe(false);
		expect(verifyRevealAllowed('feedback', true)).toBe(true);
	});
});

describe('getRevealLevel', () => {
	it('gives feedback without answers before passing under the feedback policy, and everything after', () => {
		expect(getRevealLevel('feedback', false)).toBe('feedback');
		expect(getRevealLevel('feedback', true)).toBe('full');
		expect(getRevealLevel('after-passing', false)).toBe('none');
		expect(getRevealLevel('never', true)).toBe('none');
	});

	it('never gives anonymous practice the full review, whatever the policy', () => {
		for (const reveal of ['after-each-attempt', 'feedback', 'after-passing', 'never'] as const) {
			for (const passed of [false, true])
				expect(getRevealLevel(reveal, passed, true)).not.toBe('full');
		}
		expect(getRevealLevel('after-each-attempt', false, true)).toBe('feedback');
		expect(getRevealLevel('after-passing', false, true)).toBe('none');
		expect(getRevealLevel('after-passing', true, true)).toBe('feedback');
		expect(getRevealLevel('never', true, true)).toBe('none');
	});
});

describe('toQuizResult', () => {
	const grade = (reveal: string, wrong: (id: string) => boolean) => {
		const quiz = quizWith(reveal);
		const layout = createLayout(quiz, 'r');
		const graded = gradeAttempt(
			quiz,
			layout,
			buildAnswers(quiz, toPublicQuestions(quiz, layout), wrong),
			quiz.passMark,
		);
		return { quiz, graded };
	};

	it('after each attempt: reviews every question with answers, chosen feedback and explanation', () => {
		const { quiz, graded } = grade('after-each-attempt', (id) => id === 'pick');
		const result = toQuizResult(quiz, graded, 50, false, labels, 'Fill in the blanks');
		expect(result.withheld).toBeUndefined();
		const pick = result.review!.find((r) => r.id === 'pick')!;
		expect(pick).toMatchObject({
			credit: 0,
			yourAnswer: 'Alpha',
			correctAnswer: 'Bravo',
			feedback: ['Not alpha.'],
			explanation: 'Bravo is right.',
		});
		expect(result.review!.find((r) => r.id === 'tf')).toMatchObject({
			credit: 1,
			yourAnswer: 'True',
			correctAnswer: 'True',
		});
		expect(result.review!.find((r) => r.id === 'ord')!.correctAnswer).toBe('one → two → three');
		expect(result.review!.find((r) => r.id === 'fill')).toMatchObject({
			prompt: 'Fill in the blanks',
			correctAnswer: 'Use [SUM] and [AVERAGE].',
			yourAnswer: 'Use [SUM] and [AVERAGE].',
		});
		expect(result.review!.find((r) => r.id === 'num')!.correctAnswer).toBe('5 ± 0.5 kg');
		expect(result.review!.find((r) => r.id === 'match')!.correctAnswer).toMatch(/Copy: Ctrl\+C/);
	});

	it('after passing: only the score and verdict until the learner passes', () => {
		const failing = grade('after-passing', () => true);
		const withheld = toQuizResult(failing.quiz, failing.graded, 50, false, labels, '');
		expect(withheld).toEqual({ score: 0, passed: false, passMark: 50, withheld: 'after-passing' });
		expect(JSON.stringify(withheld)).not.toContain('Bravo');
		expect(toQuizResult(failing.quiz, failing.graded, 50, true, labels, '').review).toHaveLength(6);
		const passing = grade('after-passing', () => false);
		expect(toQuizResult(passing.quiz, passing.graded, 50, false, labels, '').review).toHaveLength(
			6,
		);
	});

	it('feedback: right or wrong, the chosen feedback and the explanation, but no correct answer until passed', () => {
		const { quiz, graded } = grade('feedback', (id) => id !== 'tf');
		const result = toQuizResult(quiz, graded, 50, false, labels, 'Fill in the blanks');
		expect(result.withheld).toBe('answers');
		expect(result.review).toHaveLength(6);
		for (const row of result.review!) expect(row).not.toHaveProperty('correctAnswer');
		expect(result.review!.find((r) => r.id === 'pick')).toMatchObject({
			credit: 0,
			yourAnswer: 'Alpha',
			feedback: ['Not alpha.'],
			explanation: 'Bravo is right.',
		});
		expect(result.review!.find((r) => r.id === 'tf')).toMatchObject({
			credit: 1,
			yourAnswer: 'True',
		});
		expect(JSON.stringify(result)).not.toContain('one → two → three');
		expect(JSON.stringify(result)).not.toContain('5 ± 0.5');
		expect(
			toQuizResult(quiz, graded, 50, true, labels, '').review!.find((r) => r.id === 'pick')!
				.correctAnswer,
		).toBe('Bravo');
		const passing = grade('feedback', () => false);
		const full = toQuizResult(passing.quiz, passing.graded, 50, false, labels, '');
		expect(full.withheld).toBeUndefined();
		expect(full.review!.find((r) => r.id === 'ord')!.correctAnswer).toBe('one → two → three');
	});

	it('feedback: ticking every option of a multi-select question shows no option feedback and no key', () => {
		const quiz = QuizSchema.parse({
			title: 'Multi',
			reveal: 'feedback',
			passMark: 100,
			questions: [
				{
					id: 'many',
					type: 'multiple',
					prompt: 'Which?',
					options: [
						{ text: 'Right one', correct: true },
						{ text: 'Right two', correct: true },
						{ text: 'Wrong one', feedback: 'Not this one.' },
						{ text: 'Wrong two', feedback: 'Nor this.' },
					],
					explanation: 'Two are right.',
				},
			],
		});
		const layout = createLayout(quiz, 'all');
		const graded = gradeAttempt(quiz, layout, { many: [0, 1, 2, 3] }, quiz.passMark);
		const result = toQuizResult(quiz, graded, 100, false, labels, '');
		expect(result.review![0]).toEqual({
			id: 'many',
			prompt: 'Which?',
			credit: 0,
			yourAnswer: expect.any(String),
			feedback: [],
			explanation: 'Two are right.',
		});
	});

	it('practice: never the correct answers, even for a passing submission under after-each-attempt', () => {
		for (const reveal of ['after-each-attempt', 'feedback', 'after-passing']) {
			const { quiz, graded } = grade(reveal, () => false);
			const result = toQuizResult(quiz, graded, 50, false, labels, '', true);
			expect(result.withheld, reveal).toBe('answers');
			for (const row of result.review!) expect(row).not.toHaveProperty('correctAnswer');
		}
		const failing = grade('after-passing', () => true);
		expect(toQuizResult(failing.quiz, failing.graded, 50, false, labels, '', true)).toEqual({
			score: 0,
			passed: false,
			passMark: 50,
			withheld: 'after-passing',
		});
	});

	it('never: only the score and verdict, even after passing', () => {
		const { quiz, graded } = grade('never', () => false);
		expect(toQuizResult(quiz, graded, 50, true, labels, '')).toEqual({
			score: 100,
			passed: true,
			passMark: 50,
			withheld: 'never',
		});
	});
});
