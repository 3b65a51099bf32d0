import { describe, expect, it } from 'vitest';
import {
	getDiscrimination,
	getGroup,
	getGroupSize,
	getItemFlags,
	getMedianWindow,
	getShare,
	median,
} from '../../src/lib/analytics/stats.ts';

describe('median', () => {
	it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([7])).toBe(7);
	});

	it('is null for no values', () => {
		expect(median([])).toBeNull();
	});
});

describe('getMedianWindow', () => {
	it('points at the rows of a sorted list that hold its median', () => {
		expect(getMedianWindow(5)).toEqual({ offset: 2, limit: 1 });
		expect(getMedianWindow(4)).toEqual({ offset: 1, limit: 2 });
		expect(getMedianWindow(1)).toEqual({ offset: 0, limit: 1 });
		expect(getMedianWindow(2)).toEqual({ offset: 0, limit: 2 });
	});

	it('agrees with median on the rows it selects', () => {
		for (const values of [
			[3, 1, 2],
			[10, 40, 20, 30],
			[1, 2, 3, 4, 5, 6, 7, 100],
		]) {
			const sorted = [...values].sort((a, b) => a - b);
			const w = getMedianWindow(values.length)!;
			expect(median(sorted.slice(w.offset, w.offset + w.limit))).toBe(median(values));
		}
	});

	it('is null for an empty list', () => {
		expect(getMedianWindow(0)).toBeNull();
	});
});

describe('getShare', () => {
	it('divides, and is null when there is nothing to divide by', () => {
		expect(getShare(3, 10)).toBe(0.3);
		expect(getShare(0, 0)).toBeNull();
	});
});

describe('getGroupSize', () => {
	it('takes 27 % of the learners, at least one from two learners, never more than half', () => {
		expect(getGroupSize(100)).toBe(27);
		expect(getGroupSize(10)).toBe(3);
		expect(getGroupSize(4)).toBe(1);
		expect(getGroupSize(2)).toBe(1);
		expect(getGroupSize(1)).toBe(0);
		expect(getGroupSize(0)).toBe(0);
	});
});

describe('getGroup', () => {
	it('puts the best ranks in the upper group and the worst in the lower group', () => {
		expect(Array.from({ length: 10 }, (_, rank) => getGroup(rank, 10))).toEqual([
			'upper',
			'upper',
			'upper',
			'middle',
			'middle',
			'middle',
			'middle',
			'lower',
			'lower',
			'lower',
		]);
	});

	it('leaves a single learner in the middle', () => {
		expect(getGroup(0, 1)).toBe('middle');
	});
});

describe('getDiscrimination', () => {
	it('is the upper group share correct minus the lower group share correct', () => {
		expect(
			getDiscrimination({ upperCorrect: 9, upperCount: 10, lowerCorrect: 3, lowerCount: 10 }),
		).toBeCloseTo(0.6);
		expect(
			getDiscrimination({ upperCorrect: 1, upperCount: 3, lowerCorrect: 3, lowerCount: 3 }),
		).toBeCloseTo(-2 / 3);
	});

	it('is null when a group is empty', () => {
		expect(
			getDiscrimination({ upperCorrect: 0, upperCount: 0, lowerCorrect: 0, lowerCount: 3 }),
		).toBeNull();
	});
});

describe('getItemFlags', () => {
	it('flags a question nearly everyone gets wrong', () => {
		expect(getItemFlags({ attempts: 10, correctShare: 0.1, discrimination: 0.3 })).toEqual([
			'mostly-wrong',
		]);
	});

	it('does not flag exactly 20 % correct', () => {
		expect(getItemFlags({ attempts: 10, correctShare: 0.2, discrimination: 0.3 })).toEqual([]);
	});

	it('flags negative discrimination, and both problems at once', () => {
		expect(getItemFlags({ attempts: 50, correctShare: 0.6, discrimination: -0.05 })).toEqual([
			'negative-discrimination',
		]);
		expect(getItemFlags({ attempts: 50, correctShare: 0.05, discrimination: -0.2 })).toEqual([
			'mostly-wrong',
			'negative-discrimination',
		]);
	});

	it('does not judge a question with fewer than ten attempts', () => {
		expect(getItemFlags({ attempts: 9, correctShare: 0, discrimination: -1 })).toEqual([]);
	});
});
