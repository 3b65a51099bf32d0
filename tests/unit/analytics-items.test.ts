import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/lib/content/schemas.ts';
import {
	describeResponse,
	rankFirstAttempts,
	summariseItems,
	type ResponseRow,
} from '../../src/lib/analytics/items.ts';

describe('rankFirstAttempts', () => {
	it('ranks by score and splits off the top and bottom 27 %', () => {
		const attempts = [20, 100, 40, 60, 30, 50, 80, 70, 90, 10].map((score, i) => ({
			id: `a${i}`,
			score,
		}));
		const groups = rankFirstAttempts(attempts);
		const ids = (group: string) =>
			[...groups]
				.filter(([, g]) => g === group)
				.map(([id]) => id)
				.sort();
		expect(ids('upper')).toEqual(['a1', 'a6', 'a8']);
		expect(ids('lower')).toEqual(['a0', 'a4', 'a9']);
		expect(ids('middle')).toHaveLength(4);
	});

	it('breaks ties by id, so the split does not depend on the order rows arrive in', () => {
		const a = [
			{ id: 'b', score: 50 },
			{ id: 'a', score: 50 },
			{ id: 'c', score: 50 },
			{ id: 'd', score: 50 },
		];
		expect([...rankFirstAttempts(a)]).toEqual([...rankFirstAttempts([...a].reverse())]);
		expect(rankFirstAttempts(a).get('a')).toBe('upper');
		expect(rankFirstAttempts(a).get('d')).toBe('lower');
	});
});

describe('summariseItems', () => {
	const row = (
		questionId: string,
		response: string,
		group: ResponseRow['group'],
		count: number,
		correct: number,
	): ResponseRow => ({ questionId, response, group, count, correct });

	it('adds up attempts, share correct, the top wrong response and discrimination per question, in quiz order', () => {
		const rows = [
			row('q2', '1', 'upper', 3, 3),
			row('q2', '0', 'lower', 2, 0),
			row('q2', '1', 'lower', 1, 1),
			row('q2', '2', 'middle', 4, 0),
			row('q2', '0', 'middle', 1, 0),
			row('q1', 'x', 'middle', 1, 1),
		];
		const [q1, q2] = summariseItems(['q1', 'q2'], rows);
		expect(q1).toMatchObject({
			questionId: 'q1',
			attempts: 1,
			correct: 1,
			correctShare: 1,
			topWrong: null,
			discrimination: null,
			flags: [],
		});
		expect(q2).toMatchObject({
			questionId: 'q2',
			attempts: 11,
			correct: 4,
			topWrong: { response: '2', count: 4 },
		});
		expect(q2!.discrimination).toBeCloseTo(1 - 1 / 3);
		expect(q2!.flags).toEqual([]);
	});

	it('counts partial credit as wrong and picks the most common wrong response, ties by response', () => {
		const [q] = summariseItems(
			['q'],
			[row('q', 'b', 'middle', 2, 0), row('q', 'a', 'middle', 2, 0), row('q', 'c', 'middle', 1, 1)],
		);
		expect(q!.topWrong).toEqual({ response: 'a', count: 2 });
	});

	it('gives zeros to a question nobody answered and ignores questions no longer in the quiz', () => {
		const items = summariseItems(['new'], [row('gone', '1', 'upper', 5, 5)]);
		expect(items).toEqual([
			{
				questionId: 'new',
				attempts: 0,
				correct: 0,
				correctShare: null,
				topWrong: null,
				discrimination: null,
				flags: [],
			},
		]);
	});

	it('flags a question most learners fail', () => {
		const [q] = summariseItems(
			['q'],
			[row('q', 'x', 'upper', 3, 1), row('q', 'y', 'middle', 4, 0), row('q', 'y', 'lower', 3, 0)],
		);
		expect(q!.flags).toEqual(['mostly-wrong']);
	});
});

describe('describeResponse', () => {
	const labels = { true: 'True', false: 'False', none: '(no answer)' };
	const single = {
		id: 's',
		type: 'single',
		prompt: 'p',
		points: 1,
		options: [
			{ text: 'Alpha', correct: false },
			{ text: 'Bravo', correct: true },
		],
	} as Question;
	const multiple = {
		id: 'm',
		type: 'multiple',
		prompt: 'p',
		points: 1,
		scoring: 'per-option',
		options: [
			{ text: 'Echo', correct: true },
			{ text: 'Foxtrot', correct: false },
			{ text: 'Golf', correct: true },
		],
	} as Question;
	const ordering = {
		id: 'o',
		type: 'ordering',
		prompt: 'p',
		points: 1,
		items: ['one', 'two', 'three'],
	} as Question;
	const matching = {
		id: 'x',
		type: 'matching',
		prompt: 'p',
		points: 1,
		pairs: [
			{ left: 'L1', right: 'R1' },
			{ left: 'L2', right: 'R2' },
		],
	} as Question;
	const tf = { id: 't', type: 'true-false', prompt: 'p', points: 1, answer: false } as Question;
	const text = {
		id: 'st',
		type: 'short-text',
		prompt: 'p',
		points: 1,
		accept: ['hello'],
	} as Question;

	it('names the chosen options of choice questions', () => {
		expect(describeResponse(single, '0', labels)).toBe('Alpha');
		expect(describeResponse(multiple, '0,1', labels)).toBe('Echo; Foxtrot');
	});

	it("shows items in the learner's order and matched pairs", () => {
		expect(describeResponse(ordering, '2,0,1', labels)).toBe('three → one → two');
		expect(describeResponse(matching, '1,-', labels)).toBe('L1 → R2; L2 → (no answer)');
	});

	it('translates true and false and keeps typed answers as they are', () => {
		expect(describeResponse(tf, 'true', labels)).toBe('True');
		expect(describeResponse(text, 'helo', labels)).toBe('helo');
		expect(describeResponse(text, '', labels)).toBe('(no answer)');
	});

	it('falls back to the stored response when it no longer fits the question', () => {
		expect(describeResponse(single, '7', labels)).toBe('7');
		expect(describeResponse(multiple, 'a,b', labels)).toBe('a,b');
	});
});
