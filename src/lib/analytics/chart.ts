/**
 * Geometry for the server-rendered SVG bar charts (src/components/BarChart.astro). Pure: it turns
 * values into rectangles in a fixed viewBox; the SVG scales to the container's width.
 */

export interface BarSeries {
	/** CSS class of the bars (colours live in the component's stylesheet, not in attributes). */
	className: string;
	values: readonly number[];
}

export interface BarRect {
	x: number;
	y: number;
	width: number;
	height: number;
	value: number;
	className: string;
}

export interface BarLayout {
	width: number;
	height: number;
	bars: BarRect[];
	/** Where each category's label goes (centre of its bar group, below the axis). */
	labels: { x: number; y: number; text: string }[];
	/** Y of the baseline. */
	baseline: number;
	/** The largest value, shown as the scale. */
	max: number;
}

/**
 * Vertical grouped bars: one group per category, one bar per series, heights proportional to the
 * largest value (at least 1, so all-zero data draws flat bars instead of dividing by zero).
 */
export function layoutBars(
	categories: readonly string[],
	series: readonly BarSeries[],
	size = { width: 640, height: 240 },
): BarLayout {
	const top = 16;
	const labelSpace = 28;
	// Room at both ends so the first and last labels (centred under their bars) are not cut off.
	const side = Math.min(24, size.width / 10);
	const plotWidth = size.width - 2 * side;
	const baseline = size.height - labelSpace;
	const max = Math.max(1, ...series.flatMap((s) => s.values));
	const groupWidth = categories.length === 0 ? plotWidth : plotWidth / categories.length;
	const gap = Math.min(12, groupWidth * 0.2);
	const barWidth = series.length === 0 ? 0 : (groupWidth - gap) / series.length;
	const bars: BarRect[] = [];
	categories.forEach((_, c) => {
		series.forEach((s, k) => {
			const value = s.values[c] ?? 0;
			const height = ((baseline - top) * value) / max;
			bars.push({
				x: round(side + c * groupWidth + gap / 2 + k * barWidth),
				y: round(baseline - height),
				width: round(Math.max(1, barWidth - 1)),
				height: round(height),
				value,
				className: s.className,
			});
		});
	});
	const labels = categories.map((text, c) => ({
		x: round(side + c * groupWidth + groupWidth / 2),
		y: baseline + 18,
		text,
	}));
	return { width: size.width, height: size.height, bars, labels, baseline, max };
}

const round = (n: number) => Math.round(n * 10) / 10;
