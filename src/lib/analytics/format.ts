/**
 * Number formats for the analytics pages, in the page's language (Bengali and Hindi pages get
 * their own digits where the locale uses them).
 */
import type { Locale } from '../i18n.ts';

/**
 * A share (0–1) as a whole percentage, or a dash when there is none.
 * @example formatShare(0.456, 'en') // '46%'
 */
export function formatShare(share: number | null, locale: Locale): string {
	if (share === null) return '—';
	return new Intl.NumberFormat(`${locale}-IN`, {
		style: 'percent',
		maximumFractionDigits: 0,
	}).format(share);
}

/**
 * A discrimination index with two decimals and a real minus sign, or a dash when there is none.
 * @example formatIndex(-0.125, 'en') // '−0.13'
 */
export function formatIndex(value: number | null, locale: Locale): string {
	if (value === null) return '—';
	const text = new Intl.NumberFormat(`${locale}-IN`, {
		minimumFractionDigits: 2,
		maximumFractionDigits: 2,
		signDisplay: 'negative',
	}).format(value);
	return text.replace('-', '−');
}

/** A score in percent with at most one decimal, e.g. '72.5%'. */
export function formatScore(score: number | null, locale: Locale): string {
	if (score === null) return '—';
	return `${new Intl.NumberFormat(`${locale}-IN`, { maximumFractionDigits: 1 }).format(score)}%`;
}

/** A short date for chart labels, e.g. '3 Nov'. */
export function formatShortDate(ms: number, locale: Locale): string {
	return new Intl.DateTimeFormat(`${locale}-IN`, {
		day: 'numeric',
		month: 'short',
		timeZone: 'UTC',
	}).format(ms);
}

/** A date and time in UTC, e.g. '23 Nov 2026, 10:40'. */
export function formatDateTime(ms: number, locale: Locale): string {
	return new Intl.DateTimeFormat(`${locale}-IN`, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: 'UTC',
	}).format(ms);
}
