/**
 * POST /api/quiz/practice — grade a visitor's practice answers; nothing is recorded.
 * Body: JSON `{ course, quiz, seed, answers, locale? }` (seed and questions from the page).
 * Answers: 200 `{ ok, result }` (only the score when the quiz reveals nothing), 400 malformed, 403
 * for a final assessment (no practice), 404 unknown quiz, 429 too many practice submissions from
 * this address (with Retry-After).
 */
import type { APIRoute } from 'astro';
import { createTranslator } from '~/lib/i18n.ts';
import { getClientAddress } from '~/lib/server/http/client-address.ts';
import { errorResponse, readJson } from '~/lib/server/http/body.ts';
import { PracticeBodySchema, refusalResponse } from '~/lib/server/quiz/http.ts';
import { loadQuiz } from '~/lib/server/quiz/load.ts';
import { gradePractice } from '~/lib/server/quiz/practice.ts';

export const POST: APIRoute = async (context) => {
	const { request, locals } = context;
	const parsed = PracticeBodySchema.safeParse(await readJson(request));
	if (!parsed.success)
		return errorResponse(400, createTranslator(locals.locale)('quiz.error.malformed'));
	const { course, quiz, seed, answers, locale } = parsed.data;
	const loaded = await loadQuiz(course, quiz, locale);
	if (!loaded) return refusalResponse({ kind: 'not-found' }, locale);
	const address = getClientAddress(request, () => context.clientAddress);
	const graded = await gradePractice(loaded, seed, { json: answers }, address, locale);
	if (!graded.ok) return refusalResponse(graded.refusal, locale);
	return Response.json(
		{ ok: true, result: graded.result },
		{ headers: { 'cache-control': 'no-store' } },
	);
};
