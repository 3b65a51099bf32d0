/**
 * Quiz item analysis: from learners' first attempts to per-question figures. Pure functions; the
 * queries live in src/lib/server/analytics/item-analysis.ts.
 *
 * Method (shown to instructors on the page too):
 * - Only each learner's FIRST submitted attempt of a quiz counts, so practice and answer-memorising
 *   on retries do not flatter a question. At scale the analysis uses the first attempts of the most
 *   recent learners (see `ITEM_SAMPLE_SIZE`), which also keeps it about the quiz as it is now.
 * - Correct means full credit (credit 1); partial credit counts as wrong.
 * - Discrimination is the upper–lower index (Kelley's 27 % groups by quiz score; see stats.ts).
 * - A question is flagged when nearly everyone gets it wrong or its discrimination is negative.
 */
import type { Question } from '../content/schemas.ts';
import { getDiscrimination, getGroup, getItemFlags, getShare, type ItemFlag } from './stats.ts';

/** How many of the latest learners' first attempts an item analysis reads, at most. */
export const ITEM_SAMPLE_SIZE = 500;

/** A learner's first attempt as the ranking needs it. */
export interface FirstAttempt {
	id: string;
	/** Score in percent. */
	score: number;
}

export type Group = 'upper' | 'middle' | 'lower';

/**
 * Ranks first attempts by score (best first; equal scores in id order, so the split is stable) and
 * places each in the upper, middle or lower group.
 */
export function rankFirstAttempts(attempts: readonly FirstAttempt[]): Map<string, Group> {
	const ranked = [...attempts].sort(
		(a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
	);
	return new Map(ranked.map((a, rank) => [a.id, getGroup(rank, ranked.length)]));
}

/** One aggregated row from the database: the first attempts in a group that gave one response. */
export interface ResponseRow {
	questionId: string;
	response: string;
	group: Group;
	/** How many first attempts gave this response. */
	count: number;
	/** How many of them earned full credit. */
	correct: number;
}

export interface ItemStats {
	questionId: string;
	/** First attempts that answered this question. */
	attempts: number;
	correct: number;
	/** Share of first attempts with full credit, 0–1 (null with no attempts). */
	correctShare: number | null;
	/** The wrong response given most often, and how many gave it (null when nobody was wrong). */
	topWrong: { response: string; count: number } | null;
	discrimination: number | null;
	flags: ItemFlag[];
}

/**
 * Per-question figures for the questions of a quiz, in the quiz's order. Responses to questions no
 * longer in the quiz are ignored; a question nobody answered gets zeros.
 */
export function summariseItems(
	questionIds: readonly string[],
	rows: readonly ResponseRow[],
): ItemStats[] {
	return questionIds.map((questionId) => {
		const mine = rows.filter((r) => r.questionId === questionId);
		const sum = (pick: (r: ResponseRow) => number, group?: Group) =>
			mine
				.filter((r) => group === undefined || r.group === group)
				.reduce((total, r) => total + pick(r), 0);
		const attempts = sum((r) => r.count);
		const correct = sum((r) => r.correct);
		const wrongByResponse = new Map<string, number>();
		for (const r of mine) {
			const wrong = r.count - r.correct;
			if (wrong > 0)
				wrongByResponse.set(r.response, (wrongByResponse.get(r.response) ?? 0) + wrong);
		}
		let topWrong: ItemStats['topWrong'] = null;
		for (const [response, count] of [...wrongByResponse].sort(([a], [b]) =>
			a < b ? -1 : a > b ? 1 : 0,
		)) {
			if (!topWrong || count > topWrong.count) topWrong = { response, count };
		}
		const discrimination = getDiscrimination({
			upperCorrect: sum((r) => r.correct, 'upper'),
			upperCount: sum((r) => r.count, 'upper'),
			lowerCorrect: sum((r) => r.correct, 'lower'),
			lowerCount: sum((r) => r.count, 'lower'),
		});
		const correctShare = getShare(correct, attempts);
		return {
			questionId,
			attempts,
			correct,
			correctShare,
			topWrong,
			discrimination,
			flags: getItemFlags({ attempts, correctShare, discrimination }),
		};
	});
}

/** Words the description of a response needs, in the page's language. */
export interface ResponseLabels {
	true: string;
	false: string;
	none: string;
}

/**
 * A stored response (`quiz_response.response`, see `formatResponse` in src/lib/quiz/grading.ts) in
 * words an instructor can read: option texts for choice questions, items in the learner's order for
 * ordering, "left → right" pairs for matching, the text itself otherwise. Falls back to the stored
 * string when it does not fit the question (e.g. the quiz was edited since).
 * @example describeResponse(single, '2', labels) // 'Charlie'
 */
export function describeResponse(
	question: Question,
	response: string,
	labels: ResponseLabels,
): string {
	if (response === '') return labels.none;
	const indexes = (list: readonly string[]) => {
		const parts = response.split(',');
		const texts = parts.map((p) =>
			p === '-' ? labels.none : /^\d+$/.test(p) ? list[Number(p)] : undefined,
		);
		return texts.every((t) => t !== undefined) ? (texts as string[]) : null;
	};
	switch (question.type) {
		case 'single':
		case 'multiple':
			return indexes(question.options.map((o) => o.text))?.join('; ') ?? response;
		case 'true-false':
			return response === 'true' ? labels.true : response === 'false' ? labels.false : response;
		case 'ordering':
			return indexes(question.items)?.join(' → ') ?? response;
		case 'matching': {
			const rights = indexes(question.pairs.map((p) => p.right));
			if (!rights || rights.length !== question.pairs.length) return response;
			return question.pairs.map((p, i) => `${p.left} → ${rights[i]}`).join('; ');
		}
		default:
			return response;
	}
}
