/**
 * Small helpers shared by the checks: building outcomes, normalising text, comparing values.
 */
import type { CheckOutcome } from './types.ts';

/** A full-marks outcome. */
export function pass(key: string, vars?: Record<string, string | number>): CheckOutcome {
	return { score: 1, message: vars ? { key, vars } : { key } };
}

/** An outcome with the given share of the points (0 by default). */
export function fail(key: string, vars?: Record<string, string | number>, score = 0): CheckOutcome {
	return { score, message: vars ? { key, vars } : { key } };
}

/** Text compared the way a person reads it: Unicode NFC, trimmed, inner spaces collapsed, case folded. */
export function normaliseText(text: string): string {
	return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
}

/** True when two values match: numbers within tolerance, text after `normaliseText`, booleans exactly. */
export function valuesMatch(
	actual: string | number | boolean | null,
	expected: string | number | boolean,
	tolerance = 0,
): boolean {
	if (actual === null) return false;
	if (typeof expected === 'number') {
		const n =
			typeof actual === 'number'
				? actual
				: typeof actual === 'string'
					? Number(actual.replace(/,/g, ''))
					: NaN;
		return (
			Number.isFinite(n) && Math.abs(n - expected) <= Math.max(tolerance, 1e-9 * Math.abs(expected))
		);
	}
	if (typeof expected === 'boolean')
		return actual === expected || normaliseText(String(actual)) === String(expected);
	return normaliseText(String(actual)) === normaliseText(expected);
}

/**
 * True when alt text describes something: not empty, not a file name (`image1.png`) and not a name
 * an application filled in by itself (`Picture 3`, `Image 0`, `Graphic 2`).
 */
export function isMeaningfulAltText(text: string | undefined): boolean {
	const t = (text ?? '').trim();
	if (t === '') return false;
	if (/\.(png|jpe?g|gif|bmp|svg|emf|wmf|tiff?|webp)$/i.test(t)) return false;
	return !/^(image|picture|img|graphic|photo|chart|object|shape)\s*\d*$/i.test(t);
}

/** Share of `parts` that are true (0 for none). */
export function share(parts: boolean[]): number {
	return parts.length === 0 ? 0 : parts.filter(Boolean).length / parts.length;
}
