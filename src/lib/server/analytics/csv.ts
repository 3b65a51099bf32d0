/**
 * Shared bits of the analytics CSV endpoints: response headers, refusals and the time format.
 */
import { createTranslator, type Locale } from '../../i18n.ts';
import { errorResponse } from '../http/body.ts';
import type { AnalyticsAccess } from './instructor-access.ts';

/** Headers for a CSV download: private, never cached, with a file name. */
export function getCsvHeaders(fileName: string): HeadersInit {
	return {
		'content-type': 'text/csv; charset=utf-8',
		'content-disposition': `attachment; filename="${fileName}"`,
		'cache-control': 'private, no-store',
	};
}

/** The answer to a refused request: sign in (303), 403 or 404, with a plain-text message. */
export function refuseAnalytics(
	access: Exclude<AnalyticsAccess, { kind: 'ok' }>,
	locale: Locale,
): Response {
	if (access.kind === 'sign-in') return access.response;
	if (access.kind === 'not-found') return new Response(null, { status: 404 });
	return errorResponse(403, createTranslator(locale)('error.forbidden'), { json: false });
}

/** A time as spreadsheets read it, in UTC: `2026-11-23 10:40:05`; null stays empty. */
export function toCsvTime(date: Date | null): string | null {
	return date ? date.toISOString().slice(0, 19).replace('T', ' ') : null;
}
