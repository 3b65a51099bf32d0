/**
 * The HTTP side of labs: a status code and a translated message for each refusal, and the largest
 * lab form (read with ../http/body.ts, which refuses oversized bodies before parsing them).
 */
import { createTranslator, type Locale } from '../../i18n.ts';
import type { LabRefusal } from './attempts.ts';

/** Largest lab form accepted (an inbox of 40 messages with edited replies fits well within it). */
export const MAX_LAB_FORM_BYTES = 512 * 1024;

/** Status code and message for a refusal. */
export function describeLabRefusal(
	refusal: LabRefusal,
	locale: Locale,
	now = Date.now(),
): { status: number; message: string } {
	const t = createTranslator(locale);
	switch (refusal.kind) {
		case 'not-found':
			return { status: 404, message: t('lab.error.notFound') };
		case 'not-yours':
			return { status: 403, message: t('lab.error.notYours') };
		case 'already-submitted':
			return { status: 409, message: t('lab.error.alreadySubmitted') };
		case 'no-open-attempt':
			return { status: 409, message: t('lab.error.noOpenAttempt') };
		case 'no-attempts-left':
			return { status: 403, message: t('lab.noAttemptsLeft', { count: refusal.allowed }) };
		case 'cooldown':
			return {
				status: 429,
				message: t('lab.cooldown', {
					minutes: Math.max(1, Math.ceil((refusal.until - now) / 60_000)),
				}),
			};
		case 'malformed':
			return { status: 400, message: t('lab.error.malformed') };
		case 'too-large':
			return { status: 413, message: t('lab.error.tooLarge') };
	}
}
