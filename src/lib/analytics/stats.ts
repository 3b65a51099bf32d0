/**
 * Small statistics for the instructor analytics. Pure functions: no database, no Astro.
 */

/**
 * The median of a list of numbers, or null for an empty list (the mean of the two middle values
 * when the count is even).
 * @example median([5, 1, 3]) // 3
 * @example median([4, 1, 3, 2]) // 2.5
 */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Which rows of a sorted list of `count` values hold its median: read `limit` rows from `offset`
 * (SQL `ORDER BY … LIMIT … OFFSET …`) and pass them to `median`. Null for an empty list.
 * @example getMedianWindow(5) // { offset: 2, limit: 1 }
 * @example getMedianWindow(4) // { offset: 1, limit: 2 }
 */
export function getMedianWindow(count: number): { offset: number; limit: number } | null {
	if (!Number.isInteger(count) || count <= 0) return null;
	return count % 2 === 1
		? { offset: (count - 1) / 2, limit: 1 }
		: { offset: count / 2 - 1, limit: 2 };
}

/** A share in 0–1, or null when there is nothing to divide by. */
export function getShare(part: number, whole: number): number | null {
	return whole > 0 ? part / whole : null;
}

/**
 * Share of each group in the upper–lower discrimination index (Kelley's 27 %): learners are ranked
 * by their score on the whole quiz; the top 27 % form the upper group and the bottom 27 % the
 * lower group.
 */
export const DISCRIMINATION_GROUP_SHARE = 0.27;

/**
 * How many learners go into each of the upper and lower groups when `count` learners are ranked:
 * 27 % of them, rounded, at least 1 when there are two or more learners, and never more than half.
 * @example getGroupSize(100) // 27
 * @example getGroupSize(4) // 1
 */
export function getGroupSize(count: number): number {
	if (count < 2) return 0;
	return Math.min(
		Math.floor(count / 2),
		Math.max(1, Math.round(count * DISCRIMINATION_GROUP_SHARE)),
	);
}

/**
 * Which group each ranked learner falls in: `upper` for the first `getGroupSize(n)` ranks, `lower`
 * for the last as many, `middle` otherwise. `rank` is 0-based, best score first.
 */
export function getGroup(rank: number, count: number): 'upper' | 'middle' | 'lower' {
	const size = getGroupSize(count);
	if (rank < size) return 'upper';
	if (rank >= count - size) return 'lower';
	return 'middle';
}

/**
 * The upper–lower discrimination index of a question: the share of the upper group who got it right
 * minus the share of the lower group who did, from −1 to 1. Good questions score 0.3 or more; a
 * negative value means weaker learners did better than stronger ones, which usually points to a
 * wrong answer key or a misleading question. Null when either group is empty.
 * @example getDiscrimination({ upperCorrect: 9, upperCount: 10, lowerCorrect: 3, lowerCount: 10 }) // 0.6
 */
export function getDiscrimination(groups: {
	upperCorrect: number;
	upperCount: number;
	lowerCorrect: number;
	lowerCount: number;
}): number | null {
	if (groups.upperCount === 0 || groups.lowerCount === 0) return null;
	return groups.upperCorrect / groups.upperCount - groups.lowerCorrect / groups.lowerCount;
}

/** Fewest first attempts before a question is judged at all. */
export const MIN_ATTEMPTS_FOR_FLAGS = 10;
/** Below this share correct on first attempt, a question is flagged as "nearly everyone wrong". */
export const LOW_CORRECT_SHARE = 0.2;

export type ItemFlag = 'mostly-wrong' | 'negative-discrimination';

/**
 * Why a question looks broken, if it does: nearly everyone gets it wrong (under 20 % correct on
 * first attempt), or stronger learners do worse on it than weaker ones (negative discrimination).
 * Only judged from `MIN_ATTEMPTS_FOR_FLAGS` first attempts up.
 */
export function getItemFlags(item: {
	attempts: number;
	correctShare: number | null;
	discrimination: number | null;
}): ItemFlag[] {
	if (item.attempts < MIN_ATTEMPTS_FOR_FLAGS) return [];
	const flags: ItemFlag[] = [];
	if (item.correctShare !== null && item.correctShare < LOW_CORRECT_SHARE)
		flags.push('mostly-wrong');
	if (item.discrimination !== null && item.discrimination < 0)
		flags.push('negative-discrimination');
	return flags;
}
