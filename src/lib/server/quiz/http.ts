/**
 * The HTTP side of quiz refusals and bodies, shared by the JSON endpoints (src/pages/api/quiz/)
 * and the no-JavaScript quiz page: a status code and a message in the learner's language for each
 * refusal, and the schemas of the request bodies (read with ../http/body.ts).
 */
import { z } from 'astro/zod';
import { SlugSchema } from '../../content/schemas.ts';
import { createTranslator, type Locale } from '../../i18n.ts';
import { LocaleSchema as SharedLocaleSchema } from '../../user-input.ts';
import { errorResponse } from '../http/body.ts';
import type { QuizRefusal } from './attempts.ts';

/** Attempt ids are 24 characters of the secure-random alphabet. */
export const AttemptIdSchema = z.string().regex(/^[a-z0-9]{16,40}$/);

/** The learner's language, English when not sent. */
const LocaleSchema = SharedLocaleSchema.default('en');

export const StartBodySchema = z.strictObject({
	course: SlugSchema,
	quiz: SlugSchema,
	locale: LocaleSchema,
});
export const SubmitBodySchema = z.strictObject({
	attempt: AttemptIdSchema,
	answers: z.unknown(),
	locale: LocaleSchema,
});
export const PracticeBodySchema = z.strictObject({
	course: SlugSchema,
	quiz: SlugSchema,
	seed: z.string().max(60),
	answers: z.unknown(),
	locale: LocaleSchema,
});

/** Status code and message for a refusal. */
export function describeRefusal(
	refusal: QuizRefusal,
	locale: Locale,
	now = Date.now(),
): { status: number; message: string; headers?: Record<string, string> } {
	const t = createTranslator(locale);
	switch (refusal.kind) {
		case 'not-found':
			return { status: 404, message: t('quiz.error.notFound') };
		case 'not-yours':
			return { status: 403, message: t('quiz.error.notYours') };
		case 'already-submitted':
			return { status: 409, message: t('quiz.error.alreadySubmitted') };
		case 'time-up':
			return { status: 409, message: t('quiz.error.timeUp') };
		case 'no-attempts-left':
			return { status: 403, message: t('quiz.noAttemptsLeft', { count: refusal.allowed }) };
		case 'cooldown': {
			const minutes = Math.max(1, Math.ceil((refusal.until - now) / 60_000));
			return {
				status: 429,
				message: t('quiz.cooldown', { minutes }),
				headers: { 'retry-after': String(Math.ceil((refusal.until - now) / 1000)) },
			};
		}
		case 'not-drawn':
			return {
				status: 400,
				message: t('quiz.error.notDrawn', { id: refusal.questionId.slice(0, 60) }),
			};
		case 'malformed':
			return {
				status: 400,
				message: refusal.questionId
					? t('quiz.error.malformedQuestion', { id: refusal.questionId })
					: t('quiz.error.malformed'),
			};
		case 'practice-off':
			return { status: 403, message: t('quiz.signInForFinal') };
		case 'rate-limited':
			return {
				status: 429,
				message: t('quiz.error.rateLimited', {
					minutes: Math.max(1, Math.ceil(refusal.retryAfterSeconds / 60)),
				}),
				headers: { 'retry-after': String(refusal.retryAfterSeconds) },
			};
	}
}

/** A JSON error answer for a refusal. */
export function refusalResponse(refusal: QuizRefusal, locale: Locale): Response {
	const { status, message, headers } = describeRefusal(refusal, locale);
	return errorResponse(status, message, { headers });
}
