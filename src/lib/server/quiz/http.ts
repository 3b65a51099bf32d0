/**
 * The HTTP side of quiz refusals and bodies, shared by the JSON endpoints (src/pages/api/quiz/)
 * and the no-JavaScript quiz page: a status code and a message in the learner's language for each
 * refusal, and readers for request bodies.
 */
import { z } from 'astro/zod';
import { SlugSchema } from '../../content/schemas.ts';
import { createTranslator, type Locale } from '../../i18n.ts';
import { LocaleSchema as SharedLocaleSchema } from '../../user-input.ts';
import type { QuizRefusal } from './attempts.ts';

/** Attempt ids are 24 characters of the secure-random alphabet. */
export const AttemptIdSchema = z.string().regex(/^[a-z0-9]{16,40}$/);

/** The learner's language, English when not sent. */
const LocaleSchema = SharedLocaleSchema.default('en');

export const StartBodySchema = z.strictObject({ course: SlugSchema, quiz: SlugSchema, locale: LocaleSchema });
export const SubmitBodySchema = z.strictObject({ attempt: AttemptIdSchema, answers: z.unknown(), locale: LocaleSchema });
export const PracticeBodySchema = z.strictObject({
	course: SlugSchema,
	quiz: SlugSchema,
	seed: z.string().max(60),
	answers: z.unknown(),
	locale: LocaleSchema,
});

/** Status code and message for a refusal. */
export function describeRefusal(refusal: QuizRefusal, locale: Locale, now = Date.now()): { status: number; message: string; headers?: Record<string, string> } {
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
			return { status: 429, message: t('quiz.cooldown', { minutes }), headers: { 'retry-after': String(Math.ceil((refusal.until - now) / 1000)) } };
		}
		case 'not-drawn':
			return { status: 400, message: t('quiz.error.notDrawn', { id: refusal.questionId.slice(0, 60) }) };
		case 'malformed':
			return { status: 400, message: refusal.questionId ? t('quiz.error.malformedQuestion', { id: refusal.questionId }) : t('quiz.error.malformed') };
		case 'practice-off':
			return { status: 403, message: t('quiz.signInForFinal') };
		case 'rate-limited':
			return {
				status: 429,
				message: t('quiz.error.rateLimited', { minutes: Math.max(1, Math.ceil(refusal.retryAfterSeconds / 60)) }),
				headers: { 'retry-after': String(refusal.retryAfterSeconds) },
			};
	}
}

/** A JSON error answer for a refusal. */
export function refusalResponse(refusal: QuizRefusal, locale: Locale): Response {
	const { status, message, headers } = describeRefusal(refusal, locale);
	return Response.json({ ok: false, error: message }, { status, headers });
}

/** A JSON error answer with a status and message. */
export function errorResponse(status: number, message: string): Response {
	return Response.json({ ok: false, error: message }, { status });
}

/** Largest JSON body read (a quiz's answers are a few KB). */
const MAX_JSON_BYTES = 256 * 1024;

/** The request's JSON body, or undefined when it is not JSON or too large. */
export async function readJsonBody(request: Request): Promise<unknown> {
	if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) return undefined;
	if (Number(request.headers.get('content-length') ?? 0) > MAX_JSON_BYTES) return undefined;
	const text = await request.text().catch(() => '');
	if (text.length > MAX_JSON_BYTES) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Form fields with repeated names kept (checkbox groups), or null when the body is not a form. */
export async function readFormFields(request: Request): Promise<Map<string, string[]> | null> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return null;
	try {
		const data = await request.formData();
		const fields = new Map<string, string[]>();
		for (const [key, value] of data) if (typeof value === 'string') fields.set(key, [...(fields.get(key) ?? []), value]);
		return fields;
	} catch {
		return null;
	}
}
