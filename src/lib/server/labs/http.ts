/**
 * The HTTP side of labs: a status code and a translated message for each refusal, and a form
 * reader that refuses oversized bodies before parsing them.
 */
import { createTranslator, type Locale } from '../../i18n.ts';
import type { LabRefusal } from './attempts.ts';

/** Largest lab form accepted (an inbox of 40 messages with edited replies fits well within it). */
export const MAX_LAB_FORM_BYTES = 512 * 1024;

/** Status code and message for a refusal. */
export function describeLabRefusal(refusal: LabRefusal, locale: Locale, now = Date.now()): { status: number; message: string } {
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
			return { status: 429, message: t('lab.cooldown', { minutes: Math.max(1, Math.ceil((refusal.until - now) / 60_000)) }) };
		case 'malformed':
			return { status: 400, message: t('lab.error.malformed') };
		case 'too-large':
			return { status: 413, message: t('lab.error.tooLarge') };
	}
}

/**
 * Form fields of a urlencoded body (repeated names kept), `'too-large'` when the body is larger
 * than `MAX_LAB_FORM_BYTES` (checked while reading, whatever Content-Length says), or null when it
 * is not a urlencoded form.
 */
export async function readLabForm(request: Request): Promise<Map<string, string[]> | 'too-large' | null> {
	if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) return null;
	if (Number(request.headers.get('content-length') ?? 0) > MAX_LAB_FORM_BYTES) return 'too-large';
	if (!request.body) return new Map();
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > MAX_LAB_FORM_BYTES) {
			await reader.cancel().catch(() => {});
			return 'too-large';
		}
		chunks.push(value);
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
	} catch {
		return null;
	}
	const fields = new Map<string, string[]>();
	for (const [key, value] of new URLSearchParams(text)) fields.set(key, [...(fields.get(key) ?? []), value]);
	return fields;
}
