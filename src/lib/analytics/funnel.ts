/**
 * The completion funnel: for each lesson in course order, how many enrolled learners reached it
 * (opened it at least once) and completed it. Pure shaping; the counts come from
 * src/lib/server/analytics/overview.ts.
 */
import { getShare } from './stats.ts';

export interface FunnelCounts {
	lessonSlug: string;
	reached: number;
	completed: number;
}

export interface FunnelStep {
	slug: string;
	title: string;
	/** 1-based position in the course. */
	position: number;
	reached: number;
	completed: number;
	/** Shares of all enrolments, 0–1 (null when nobody is enrolled). */
	reachedShare: number | null;
	completedShare: number | null;
}

/**
 * One step per lesson, in the order given (the course's). Lessons nobody reached get zeros; counts
 * for lessons no longer in the course are left out.
 */
export function shapeFunnel(
	lessons: readonly { slug: string; title: string }[],
	counts: readonly FunnelCounts[],
	enrolments: number,
): FunnelStep[] {
	const bySlug = new Map(counts.map((c) => [c.lessonSlug, c]));
	return lessons.map((lesson, i) => {
		const c = bySlug.get(lesson.slug);
		const reached = c?.reached ?? 0;
		const completed = c?.completed ?? 0;
		return {
			slug: lesson.slug,
			title: lesson.title,
			position: i + 1,
			reached,
			completed,
			reachedShare: getShare(reached, enrolments),
			completedShare: getShare(completed, enrolments),
		};
	});
}
