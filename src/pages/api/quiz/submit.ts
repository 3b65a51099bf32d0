/**
 * POST /api/quiz/submit — submit an attempt, once.
 * Body: JSON `{ attempt, answers: { <question id>: answer }, locale? }` (answers in display terms,
 * see src/lib/quiz/types.ts). Signed-in users only, and only their own attempt.
 * Answers: 200 `{ ok, result, status }` (the result as the quiz's reveal policy allows, with the
 * certificate page when the learner now holds the course certificate), 400
 * malformed or an answer to a question not drawn, 401 not signed in, 403 someone else's attempt,
 * 404 unknown attempt, 409 already submitted or time is up. A refused submission changes nothing.
 */
import type { APIRoute } from 'astro';
import { createTranslator, type Locale } from '~/lib/i18n.ts';
import { errorResponse, readJson } from '~/lib/server/http/body.ts';
import { refusalResponse, SubmitBodySchema } from '~/lib/server/quiz/http.ts';
import { submitAttempt } from '~/lib/server/quiz/attempts.ts';
import { loadQuiz } from '~/lib/server/quiz/load.ts';
import { addCertificateLink, getQuizStatus, getStoredResult } from '~/lib/server/quiz/results.ts';

export const POST: APIRoute = async ({ request, locals }) => {
	const parsed = SubmitBodySchema.safeParse(await readJson(request));
	if (!parsed.success)
		return errorResponse(400, createTranslator(locals.locale)('quiz.error.malformed'));
	const { attempt, answers, locale } = parsed.data;
	if (!locals.user) return errorResponse(401, createTranslator(locale)('quiz.error.notSignedIn'));
	const submitted = await submitAttempt(locals.user.id, attempt, { json: answers }, (row) =>
		loadQuiz(row.courseSlug, row.quizId, row.locale as Locale),
	);
	if (!submitted.ok) return refusalResponse(submitted.refusal, locale);
	const { loaded, submission, rows, certificate } = submitted;
	const stored = getStoredResult(loaded, submission.row, rows, locale, submission.graded);
	const result =
		stored &&
		(await addCertificateLink(stored, locals.user.id, loaded.course.slug, locale, certificate));
	return Response.json({ ok: true, result, status: getQuizStatus(loaded, rows, locale) });
};
