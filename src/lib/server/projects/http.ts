/**
 * The HTTP side of project refusals: a status code and a message in the learner's language, saying
 * what to do (e.g. how to save as .xlsx). Used by the project page and the start-file route.
 */
import { createTranslator, type Locale, type MessageKey } from '../../i18n.ts';
import type { ProjectRefusal } from './submit.ts';

const STATUS: Record<string, number> = {
	'too-large': 413,
	'no-file': 400,
	'not-office': 415,
	'legacy-format': 415,
	'macro-enabled': 415,
	encrypted: 415,
	csv: 415,
	'wrong-app': 415,
	'zip-bomb': 422,
	'too-many-entries': 422,
	corrupt: 422,
	timeout: 422,
	'no-key': 422,
	'tampered-key': 422,
	'wrong-attempt': 409,
	'no-attempt': 409,
	'no-attempts-left': 403,
	cooldown: 429,
};

/** Status and message for a refusal; `fileType` is the extension the project wants (xlsx, docx, pptx). */
export function describeProjectRefusal(
	refusal: ProjectRefusal,
	locale: Locale,
	fileType: string,
	now = Date.now(),
): { status: number; message: string; headers?: Record<string, string> } {
	const t = createTranslator(locale);
	const status = STATUS[refusal.kind] ?? 400;
	if (refusal.kind === 'no-attempts-left')
		return { status, message: t('project.error.noAttemptsLeft', { count: refusal.allowed }) };
	if (refusal.kind === 'cooldown') {
		const seconds = Math.max(1, Math.ceil((refusal.until - now) / 1000));
		return {
			status,
			message: t('project.error.cooldown', { minutes: Math.ceil(seconds / 60) }),
			headers: { 'retry-after': String(seconds) },
		};
	}
	const key =
		`project.error.${refusal.kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}` as MessageKey;
	return { status, message: t(key, { type: `.${fileType}` }) };
}
