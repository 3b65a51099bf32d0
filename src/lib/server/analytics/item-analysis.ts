/**
 * Quiz item analysis queries (the method is described in src/lib/analytics/items.ts).
 *
 * Two steps per quiz, each bounded whatever the number of learners:
 * 1. the latest `ITEM_SAMPLE_SIZE` first attempts: walk `quiz_attempt_course_idx` from the newest
 *    submission back, keeping an attempt only when the learner has no earlier submitted attempt
 *    of the quiz (a probe of `quiz_attempt_user_quiz_idx`, named with INDEXED BY: without ANALYZE
 *    statistics SQLite prefers the course index there, which turns the probe into a scan of every
 *    attempt of the quiz — minutes at 100,000 learners);
 * 2. their responses, aggregated in SQL by question, response and upper/middle/lower group (the
 *    groups come from step 1's ranking, passed in as JSON), one primary-key probe per attempt.
 * Totals that are cheap at any size (submitted attempts) are exact.
 */
import { sql } from 'drizzle-orm';
import type { Question, Quiz } from '../../content/schemas.ts';
import {
	ITEM_SAMPLE_SIZE,
	rankFirstAttempts,
	summariseItems,
	type Group,
	type ItemStats,
	type ResponseRow,
} from '../../analytics/items.ts';
import { getShare, median } from '../../analytics/stats.ts';
import { db } from '../db.ts';

export interface QuizAnalysis {
	quizId: string;
	/** Every submitted attempt of the quiz, by anyone. */
	submittedAttempts: number;
	/** First attempts analysed (the latest learners' when there are more than the sample size). */
	firstAttempts: number;
	/** True when there were more first attempts than the analysis reads. */
	sampled: boolean;
	sampleSize: number;
	/** Share of the analysed first attempts that passed, and their median score. */
	firstPassShare: number | null;
	firstMedianScore: number | null;
	items: (ItemStats & { question: Question | undefined })[];
}

const GROUP_CODE: Record<Group, string> = { upper: 'u', middle: 'm', lower: 'l' };
const CODE_GROUP: Record<string, Group> = { u: 'upper', m: 'middle', l: 'lower' };

/** The item analysis of one quiz of a course. `quiz` is the content, for question order. */
export async function getQuizAnalysis(
	courseSlug: string,
	quizId: string,
	quiz: Quiz,
	sampleSize = ITEM_SAMPLE_SIZE,
): Promise<QuizAnalysis> {
	const total = await db.get<{ n: number }>(sql`
		select count(*) as n from quiz_attempt
		where course_slug = ${courseSlug} and quiz_id = ${quizId} and submitted_at is not null`);
	const firsts = await db.all<{ id: string; score: number | null; passed: number | null }>(sql`
		select a.id as id, a.score as score, a.passed as passed from quiz_attempt a
		where a.course_slug = ${courseSlug} and a.quiz_id = ${quizId} and a.submitted_at is not null
			and not exists (
				select 1 from quiz_attempt b indexed by quiz_attempt_user_quiz_idx
				where b.user_id = a.user_id and b.course_slug = a.course_slug and b.quiz_id = a.quiz_id
					and b.submitted_at is not null
					and (b.submitted_at < a.submitted_at or (b.submitted_at = a.submitted_at and b.id < a.id)))
		order by a.submitted_at desc limit ${sampleSize + 1}`);
	const sampled = firsts.length > sampleSize;
	const attempts = firsts
		.slice(0, sampleSize)
		.map((a) => ({ id: a.id, score: Number(a.score ?? 0), passed: Boolean(a.passed) }));
	const rows = await getResponseRows(rankFirstAttempts(attempts));
	const stats = summariseItems(
		quiz.questions.map((q) => q.id),
		rows,
	);
	return {
		quizId,
		submittedAttempts: Number(total?.n ?? 0),
		firstAttempts: attempts.length,
		sampled,
		sampleSize,
		firstPassShare: getShare(attempts.filter((a) => a.passed).length, attempts.length),
		firstMedianScore: median(attempts.map((a) => a.score)),
		items: stats.map((s) => ({
			...s,
			question: quiz.questions.find((q) => q.id === s.questionId),
		})),
	};
}

/** Responses of the ranked attempts, counted by question, response and group. */
async function getResponseRows(groups: Map<string, Group>): Promise<ResponseRow[]> {
	if (groups.size === 0) return [];
	const json = JSON.stringify([...groups].map(([id, group]) => [id, GROUP_CODE[group]]));
	const rows = await db.all<{
		questionId: string;
		response: string;
		grp: string;
		n: number;
		correct: number;
	}>(sql`
		with g(id, grp) as (select value ->> 0, value ->> 1 from json_each(${json}))
		select r.question_id as questionId, r.response as response, g.grp as grp,
			count(*) as n, sum(r.credit >= 1) as correct
		from g join quiz_response r on r.attempt_id = g.id
		group by r.question_id, r.response, g.grp`);
	return rows.map((r) => ({
		questionId: r.questionId,
		response: r.response,
		group: CODE_GROUP[r.grp] ?? 'middle',
		count: Number(r.n),
		correct: Number(r.correct ?? 0),
	}));
}
