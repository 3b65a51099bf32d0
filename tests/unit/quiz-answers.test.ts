import { describe, expect, it } from 'vitest';
import { QuizSchema } from '../../src/lib/content/schemas.ts';
import { parseAnswers, parseFormAnswers } from '../../src/lib/quiz/answers.ts';
import type { QuizLayout } from '../../src/lib/quiz/layout.ts';

const quiz = QuizSchema.parse({
	title: 'Sample',
	questions: [
		{
			id: 'one',
			type: 'single',
			prompt: 'p',
			options: [{ text: 'a' }, { text: 'b', correct: true }, { text: 'c' }],
		},
		{
			id: 'many',
			type: 'multiple',
			prompt: 'p',
			options: [{ text: 'a', correct: true }, { text: 'b' }, { text: 'c' }],
		},
		{ id: 'tf', type: 'true-false', prompt: 'p', answer: true },
		{ id: 'text', type: 'short-text', prompt: 'p', accept: ['x'] },
		{ id: 'num', type: 'numeric', prompt: 'p', answer: 3 },
		{ id: 'order', type: 'ordering', prompt: 'p', items: ['a', 'b', 'c'] },
		{
			id: 'match',
			type: 'matching',
			prompt: 'p',
			pairs: [
				{ left: 'a', right: '1' },
				{ left: 'b', right: '2' },
				{ left: 'c', right: '3' },
			],
		},
		{ id: 'fill', type: 'fill-blanks', text: '[[a]] and [[b]]' },
		{ id: 'spare', type: 'true-false', prompt: 'not drawn', answer: false },
	],
});
const layout: QuizLayout = {
	questions: [
		{ id: 'one', order: [2, 0, 1] },
		{ id: 'many', order: [0, 1, 2] },
		{ id: 'tf' },
		{ id: 'text' },
		{ id: 'num' },
		{ id: 'order', order: [2, 1, 0] },
		{ id: 'match', order: [0, 1, 2], rights: [1, 2, 0] },
		{ id: 'fill' },
	],
};

describe('parseAnswers', () => {
	it('accepts a well-formed answer to every type, and nulls as unanswered', () => {
		const answers = {
			one: 2,
			many: [2, 0],
			tf: false,
			text: 'hi',
			num: '3',
			order: [2, 1, 0],
			match: [2, null, 1],
			fill: ['a', ''],
		};
		const result = parseAnswers(quiz, layout, answers);
		expect(result).toEqual({ ok: true, answers: { ...answers, many: [0, 2] } });
		expect(parseAnswers(quiz, layout, { one: null, order: null })).toEqual({
			ok: true,
			answers: { one: null, order: null },
		});
	});

	it('refuses an answer to a question that was not drawn', () => {
		expect(parseAnswers(quiz, layout, { spare: true })).toEqual({
			ok: false,
			reason: 'not-drawn',
			questionId: 'spare',
		});
		expect(parseAnswers(quiz, layout, { nope: 1 })).toMatchObject({
			ok: false,
			reason: 'not-drawn',
		});
	});

	it.each([
		['a position out of range', { one: 3 }],
		['a fractional position', { one: 0.5 }],
		['a string for a choice', { one: '1' }],
		['repeated options', { many: [1, 1] }],
		['a string for true/false', { tf: 'true' }],
		['a number for text', { text: 5 }],
		['an over-long text', { text: 'x'.repeat(501) }],
		['an ordering that is not a permutation', { order: [0, 0, 1] }],
		['an ordering of the wrong length', { order: [0, 1] }],
		['a matching of the wrong length', { match: [0, 1] }],
		['the wrong number of blanks', { fill: ['a'] }],
	])('refuses %s as malformed', (_, answers) => {
		expect(parseAnswers(quiz, layout, answers)).toMatchObject({ ok: false, reason: 'malformed' });
	});

	it('refuses a body that is not an object', () => {
		for (const raw of [null, [], 'x', 3])
			expect(parseAnswers(quiz, layout, raw)).toMatchObject({ ok: false, reason: 'malformed' });
	});
});

describe('parseFormAnswers', () => {
	const form = (entries: [string, string][]) => {
		const map = new Map<string, string[]>();
		for (const [k, v] of entries) map.set(k, [...(map.get(k) ?? []), v]);
		return map;
	};

	it('reads every type from form fields', () => {
		const result = parseFormAnswers(
			quiz,
			layout,
			form([
				['q.one', '1'],
				['q.many', '0'],
				['q.many', '2'],
				['q.tf', 'true'],
				['q.text', ' hi '],
				['q.num', '৩'],
				['q.order.0', '3'],
				['q.order.1', '1'],
				['q.order.2', '2'],
				['q.match.0', '1'],
				['q.match.1', ''],
				['q.match.2', '0'],
				['q.fill.0', 'a'],
				['q.fill.1', 'b'],
			]),
		);
		expect(result).toEqual({
			ok: true,
			answers: {
				one: 1,
				many: [0, 2],
				tf: true,
				text: ' hi ',
				num: '৩',
				order: [1, 2, 0],
				match: [1, null, 0],
				fill: ['a', 'b'],
			},
		});
	});

	it('leaves out questions with nothing filled in', () => {
		expect(
			parseFormAnswers(
				quiz,
				layout,
				form([
					['q.text', '  '],
					['q.fill.0', ''],
					['q.fill.1', ''],
					['q.match.0', ''],
				]),
			),
		).toEqual({
			ok: true,
			answers: { match: [null, null, null] },
		});
	});

	it('resolves tied ranks in the shown order', () => {
		const result = parseFormAnswers(
			quiz,
			layout,
			form([
				['q.order.0', '2'],
				['q.order.1', '1'],
				['q.order.2', '2'],
			]),
		);
		expect(result).toEqual({ ok: true, answers: { order: [1, 0, 2] } });
	});

	it('refuses fields for questions not drawn and values no form could send', () => {
		expect(parseFormAnswers(quiz, layout, form([['q.spare', 'true']]))).toMatchObject({
			ok: false,
			reason: 'not-drawn',
			questionId: 'spare',
		});
		expect(parseFormAnswers(quiz, layout, form([['q.one', '7']]))).toMatchObject({
			ok: false,
			reason: 'malformed',
		});
		expect(parseFormAnswers(quiz, layout, form([['q.tf', 'maybe']]))).toMatchObject({
			ok: false,
			reason: 'malformed',
		});
		expect(
			parseFormAnswers(
				quiz,
				layout,
				form([
					['q.order.0', '9'],
					['q.order.1', '1'],
					['q.order.2', '2'],
				]),
			),
		).toMatchObject({ ok: false, reason: 'malformed' });
	});
});
