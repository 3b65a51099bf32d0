/**
 * Anonymous practice: a visitor answers a quiz and gets it graded; nothing is recorded.
 *
 * The layout is rebuilt from a seed the page hands out (it decides only draws and orders, so
 * knowing it reveals nothing). Practice is refused for final assessments, follows the quiz's reveal
 * policy but never reveals the answers (at most right/wrong and the explanation, see
 * src/lib/quiz/reveal.ts; `never` → the score only), and is rate-limited per client address so
 * that it cannot be used to search for answers by trial.
 */
import { createLayout, toPublicQuestions } from '../../quiz/layout.ts';
import type { PublicQuestion, QuizResult } from '../../quiz/types.ts';
import type { Locale } from '../../i18n.ts';
import { consumeRateLimit } from '../rate-limit.ts';
import { readAnswers, type AnswersInput, type QuizRefusal } from './attempts.ts';
import type { LoadedQuiz } from './load.ts';
import { buildResult } from './results.ts';
import { generateSecureRandomString } from '../random.ts';

/** Practice submissions allowed per client address and window. */
export const PRACTICE_LIMIT = 30;
export const PRACTICE_WINDOW_MS = 60 * 60_000;

/** The shape of a practice seed. */
export const PRACTICE_SEED = /^[a-z0-9]{8,40}$/;

/** A fresh seed for one practice layout. */
export function createPracticeSeed(): string {
	return generateSecureRandomString();
}

/** The practice questions for a seed (null for a final assessment: no practice). */
export function getPracticeQuestions(loaded: LoadedQuiz, seed: string): PublicQuestion[] | null {
	if (loaded.quiz.final) return null;
	return toPublicQuestions(loaded.quiz, createLayout(loaded.english, seed));
}

/** Grades a practice submission. Validation comes first, so a malformed one counts for nothing. */
export async function gradePractice(
	loaded: LoadedQuiz,
	seed: string,
	input: AnswersInput,
	clientAddress: string,
	locale: Locale,
): Promise<{ ok: true; result: QuizResult } | { ok: false; refusal: QuizRefusal }> {
	if (loaded.quiz.final) return { ok: false, refusal: { kind: 'practice-off' } };
	if (!PRACTICE_SEED.test(seed)) return { ok: false, refusal: { kind: 'malformed' } };
	const layout = createLayout(loaded.english, seed);
	const parsed = readAnswers(loaded, layout, input);
	if (!parsed.ok)
		return {
			ok: false,
			refusal:
				parsed.reason === 'not-drawn'
					? { kind: 'not-drawn', questionId: parsed.questionId! }
					: { kind: 'malformed', questionId: parsed.questionId },
		};
	const limit = await consumeRateLimit(
		`quiz-practice:${clientAddress}`,
		PRACTICE_LIMIT,
		PRACTICE_WINDOW_MS,
	);
	if (!limit.allowed)
		return {
			ok: false,
			refusal: { kind: 'rate-limited', retryAfterSeconds: limit.retryAfterSeconds },
		};
	return {
		ok: true,
		result: buildResult(loaded, layout, parsed.answers, false, locale, undefined, true),
	};
}
