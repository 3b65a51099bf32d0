import { describe, expect, it } from 'vitest';
import {
	answerOf,
	countAnswered,
	fill,
	formatClock,
	getAnswersToSend,
	getMinutesLeft,
	getStartBlock,
	getVerdict,
	isAnswered,
	moveItem,
	questionOf,
	setAt,
	toggleChoice,
} from '../../src/components/quiz/quiz-helpers.ts';
import type { PublicQuestion, QuizStatus } from '../../src/lib/quiz/types.ts';

describe('fill', () => {
	it('replaces known placeholders and leaves unknown ones', () => {
		expect(fill('{answered} of {total} answered', { answered: 2, total: 5 })).toBe(
			'2 of 5 answered',
		);
		expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
	});
});

describe('isAnswered and countAnswered', () => {
	it('counts only answers the learner gave', () => {
		expect([undefined, null, '', '  ', [], [null, null], ['', ' ']].map(isAnswered)).toEqual([
			false,
			false,
			false,
			false,
			false,
			false,
			false,
		]);
		expect([0, false, 'x', [0], [null, 1], ['', 'a']].map(isAnswered)).toEqual([
			true,
			true,
			true,
			true,
			true,
			true,
		]);
		const qs = [{ id: 'a' }, { id: 'b' }, { id: 'c' }] as PublicQuestion[];
		expect(countAnswered(qs, { a: 0, b: '  ', c: false })).toBe(2);
	});

	it('leaves unanswered questions out of what is sent', () => {
		const qs = [{ id: 'a' }, { id: 'b' }] as PublicQuestion[];
		expect(getAnswersToSend(qs, { a: 1, b: '' })).toEqual({ a: 1 });
	});
});

describe('moveItem', () => {
	it('moves an item up or down one place and stays within the list', () => {
		expect(moveItem([0, 1, 2, 3], 2, -1)).toEqual([0, 2, 1, 3]);
		expect(moveItem([0, 1, 2, 3], 0, 1)).toEqual([1, 0, 2, 3]);
		expect(moveItem([0, 1, 2, 3], 0, -1)).toEqual([0, 1, 2, 3]);
		expect(moveItem([0, 1, 2, 3], 3, 1)).toEqual([0, 1, 2, 3]);
	});
});

describe('toggleChoice and setAt', () => {
	it('keeps multiple-choice answers sorted and unique', () => {
		expect(toggleChoice(undefined, 2, true)).toEqual([2]);
		expect(toggleChoice([2], 0, true)).toEqual([0, 2]);
		expect(toggleChoice([0, 2], 0, true)).toEqual([0, 2]);
		expect(toggleChoice([0, 2], 2, false)).toEqual([0]);
	});

	it('sets one place of a fixed-length answer without changing the original', () => {
		const before = ['a', 'b'];
		expect(setAt(before, 2, 1, 'x', '')).toEqual(['a', 'x']);
		expect(before).toEqual(['a', 'b']);
		expect(setAt<number | null>(undefined, 3, 1, 2, null)).toEqual([null, 2, null]);
	});
});

describe('formatClock and getMinutesLeft', () => {
	it('shows time left as m:ss or h:mm:ss, never negative', () => {
		expect(formatClock(75_000)).toBe('1:15');
		expect(formatClock(14_200)).toBe('0:15');
		expect(formatClock(3_725_000)).toBe('1:02:05');
		expect(formatClock(-5_000)).toBe('0:00');
	});

	it('rounds minutes up and says at least 1', () => {
		expect(getMinutesLeft(10 * 60_000 + 1, 0)).toBe(11);
		expect(getMinutesLeft(1_000, 0)).toBe(1);
	});
});

describe('getStartBlock', () => {
	const status = (s: Partial<QuizStatus>): QuizStatus => ({
		history: [],
		best: null,
		passed: false,
		attemptsLeft: null,
		cooldownUntil: null,
		...s,
	});
	it('blocks when no attempt is left or a cool-down runs', () => {
		expect(getStartBlock(undefined, 0)).toBe('none');
		expect(getStartBlock(status({ attemptsLeft: 0 }), 0)).toBe('no-attempts');
		expect(getStartBlock(status({ cooldownUntil: 1000 }), 999)).toBe('cooldown');
		expect(getStartBlock(status({ cooldownUntil: 1000 }), 1000)).toBe('none');
	});
});

describe('getVerdict', () => {
	it('names full, partial, no credit and no answer', () => {
		expect(getVerdict(1, true)).toBe('correct');
		expect(getVerdict(0.5, true)).toBe('partly');
		expect(getVerdict(0, true)).toBe('incorrect');
		expect(getVerdict(0, false)).toBe('unanswered');
	});
});

describe('answers by question type', () => {
	const ordering: PublicQuestion = {
		id: 'steps',
		prompt: 'Put the steps in order',
		points: 1,
		type: 'ordering',
		items: ['Open', 'Sort', 'Save'],
	};

	it('gives a question of the asked type, and nothing for another type', () => {
		expect(questionOf(ordering, 'ordering')?.items).toEqual(['Open', 'Sort', 'Save']);
		expect(questionOf(ordering, 'matching')).toBeUndefined();
	});

	it('gives the answer only when it has the shape of that type’s answers', () => {
		expect(answerOf('ordering', [2, 0, 1])).toEqual([2, 0, 1]);
		expect(answerOf('matching', [1, null])).toEqual([1, null]);
		expect(answerOf('fill-blanks', ['SUM', ''])).toEqual(['SUM', '']);
		expect(answerOf('single', 2)).toBe(2);
		expect(answerOf('single', [2])).toBeUndefined();
		expect(answerOf('fill-blanks', [1, 2])).toBeUndefined();
		expect(answerOf('true-false', 'true')).toBeUndefined();
		expect(answerOf('numeric', null)).toBeUndefined();
	});
});
