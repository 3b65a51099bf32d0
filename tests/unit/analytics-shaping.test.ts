import { describe, expect, it } from 'vitest';
import { layoutBars } from '../../src/lib/analytics/chart.ts';
import { shapeFunnel } from '../../src/lib/analytics/funnel.ts';
import { DAY_MS, getRecentWeeks, splitDuration, WEEK_MS } from '../../src/lib/analytics/periods.ts';

describe('shapeFunnel', () => {
	const lessons = [
		{ slug: 'intro', title: 'Intro' },
		{ slug: 'middle', title: 'Middle' },
		{ slug: 'end', title: 'End' },
	];

	it('follows course order, fills lessons nobody reached with zeros and drops lessons no longer in the course', () => {
		const steps = shapeFunnel(
			lessons,
			[
				{ lessonSlug: 'end', reached: 2, completed: 1 },
				{ lessonSlug: 'intro', reached: 8, completed: 6 },
				{ lessonSlug: 'removed', reached: 5, completed: 5 },
			],
			10,
		);
		expect(steps.map((s) => [s.position, s.slug, s.reached, s.completed])).toEqual([
			[1, 'intro', 8, 6],
			[2, 'middle', 0, 0],
			[3, 'end', 2, 1],
		]);
		expect(steps[0]!.reachedShare).toBe(0.8);
		expect(steps[0]!.completedShare).toBe(0.6);
	});

	it('has no shares when nobody is enrolled', () => {
		expect(shapeFunnel(lessons, [], 0)[0]!.reachedShare).toBeNull();
	});
});

describe('getRecentWeeks', () => {
	it('returns rolling seven-day windows ending now, oldest first, without gaps', () => {
		const now = Date.UTC(2026, 10, 23, 10);
		const weeks = getRecentWeeks(now, 12);
		expect(weeks).toHaveLength(12);
		expect(weeks[11]).toEqual({ start: now - WEEK_MS, end: now });
		expect(weeks[0]!.start).toBe(now - 12 * WEEK_MS);
		for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.start).toBe(weeks[i - 1]!.end);
	});
});

describe('splitDuration', () => {
	it('speaks in days from two days up and in hours below', () => {
		expect(splitDuration(6 * DAY_MS)).toEqual({ unit: 'days', value: 6 });
		expect(splitDuration(2.25 * DAY_MS)).toEqual({ unit: 'days', value: 2.3 });
		expect(splitDuration(30 * 3_600_000)).toEqual({ unit: 'hours', value: 30 });
		expect(splitDuration(90 * 60_000)).toEqual({ unit: 'hours', value: 1.5 });
	});
});

describe('layoutBars', () => {
	it('scales bars to the largest value and keeps them inside the chart', () => {
		const layout = layoutBars(
			['a', 'b'],
			[
				{ className: 'x', values: [5, 10] },
				{ className: 'y', values: [0, 2] },
			],
			{ width: 200, height: 100 },
		);
		expect(layout.max).toBe(10);
		expect(layout.bars).toHaveLength(4);
		// Category by category, series by series: a·x, a·y, b·x, b·y.
		const [ax, ay, bx, by] = layout.bars;
		expect(bx!.height).toBeCloseTo(layout.baseline - 16);
		expect(ax!.height).toBeCloseTo(bx!.height / 2, 0);
		expect(ay!.height).toBe(0);
		expect(by!.className).toBe('y');
		expect(by!.height).toBeCloseTo(bx!.height / 5, 0);
		for (const bar of layout.bars) {
			expect(bar.x + bar.width).toBeLessThanOrEqual(200);
			expect(bar.y + bar.height).toBeCloseTo(layout.baseline);
		}
		expect(layout.labels.map((l) => l.text)).toEqual(['a', 'b']);
	});

	it('leaves room at both ends for the first and last labels', () => {
		const layout = layoutBars(
			Array.from({ length: 12 }, (_, i) => `w${i}`),
			[{ className: 'x', values: Array(12).fill(1) }],
			{ width: 360, height: 200 },
		);
		expect(layout.labels[0]!.x).toBeGreaterThanOrEqual(24 + 10);
		expect(layout.labels[11]!.x).toBeLessThanOrEqual(360 - 24 - 10);
		expect(layout.bars[0]!.x).toBeGreaterThanOrEqual(24);
	});

	it('draws flat bars for all-zero data instead of dividing by zero', () => {
		const layout = layoutBars(['a'], [{ className: 'x', values: [0] }]);
		expect(layout.max).toBe(1);
		expect(layout.bars[0]!.height).toBe(0);
	});
});
