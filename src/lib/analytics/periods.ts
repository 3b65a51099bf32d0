/**
 * Time windows for "over time" figures. Weeks are rolling seven-day windows that end now, so the
 * last bar is always "the last 7 days" whatever the weekday.
 */
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

export interface Period {
	/** Inclusive start, ms since the epoch. */
	start: number;
	/** Exclusive end. */
	end: number;
}

/**
 * The last `count` weeks before `now`, oldest first.
 * @example getRecentWeeks(Date.UTC(2026, 0, 15), 2) // [{ start: Jan 1, end: Jan 8 }, { start: Jan 8, end: Jan 15 }]
 */
export function getRecentWeeks(now: number, count: number): Period[] {
	return Array.from({ length: count }, (_, i) => ({
		start: now - (count - i) * WEEK_MS,
		end: now - (count - i - 1) * WEEK_MS,
	}));
}

/**
 * A duration in whole days, or in hours when it is under two days (one decimal under ten hours),
 * for "median time to complete".
 * @example splitDuration(3 * DAY_MS) // { unit: 'days', value: 3 }
 */
export function splitDuration(ms: number): { unit: 'days' | 'hours'; value: number } {
	if (ms >= 2 * DAY_MS) return { unit: 'days', value: Math.round((ms / DAY_MS) * 10) / 10 };
	const hours = ms / 3_600_000;
	return { unit: 'hours', value: hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours) };
}
