/**
 * POST /api/quiz/start — start (or resume) an attempt.
 * Body: JSON `{ course, quiz, locale? }`. Signed-in users only; starting enrols the learner.
 * Answers: 201 `{ ok, attempt: { id, questions, deadlineAt }, status, serverNow }` for a new attempt,
 * 200 with `resumed: true` for the open one, 400 malformed, 401 not signed in, 404 unknown quiz,
 * 403 no attempts left, 429 cool-down (with Retry-After). Questions carry no answers.
 */
import type { APIRoute } from 'astro';
import { createTranslator } from '~/lib/i18n.ts';
import { errorResponse, readJson } from '~/lib/server/http/body.ts';
import { refusalResponse, StartBodySchema } from '~/lib/server/quiz/http.ts';
import { startAttempt } from '~/lib/server/quiz/attempts.ts';
import { loadQuiz } from '~/lib/server/quiz/load.ts';
import { getQuizStatus } from '~/lib/server/quiz/results.ts';

export const POST: APIRoute = async ({ request, locals }) => {
	const parsed = StartBodySchema.safeParse(await readJson(request));
	if (!parsed.success)
		return errorResponse(400, createTranslator(locals.locale)('quiz.error.malformed'));
	const { course, quiz, locale } = parsed.data;
	if (!locals.user) return errorResponse(401, createTranslator(locale)('quiz.error.notSignedIn'));
	const loaded = await loadQuiz(course, quiz, locale);
	if (!loaded) return refusalResponse({ kind: 'not-found' }, locale);
	const started = await startAttempt(locals.user.id, loaded);
	if (!started.ok) return refusalResponse(started.refusal, locale);
	const status = getQuizStatus(loaded, started.rows, locale);
	return Response.json(
		{ ok: true, resumed: started.resumed, attempt: started.attempt, status, serverNow: Date.now() },
		{ status: started.resumed ? 200 : 201 },
	);
};
