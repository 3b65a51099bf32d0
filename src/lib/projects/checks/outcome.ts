/**
 * Small helpers shared by the checks: building outcomes, normalising text, comparing values.
 */
import type { CheckOutcome } from './index.ts';

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
export function valuesMatch(actual: string | number | boolean | null, expected: string | number | boolean, tolerance = 0): boolean {
	if (actual === null) return false;
	if (typeof expected === 'number') {
		const n = typeof actual === 'number' ? actual : typeof actual === 'string' ? Number(actual.replace(/,/g, '')) : NaN;
		return Number.isFinite(n) && Math.abs(n - expected) <= Math.max(tolerance, 1e-9 * Math.abs(expected));
	}
	if (typeof expected === 'boolean') return actual === expected || normaliseText(String(actual)) === String(expected);
	return normaliseText(String(actual)) === normaliseText(expected);
}

/** Share of `parts` that are true (0 for none). */
export function share(parts: boolean[]): number {
	return parts.length === 0 ? 0 : parts.filter(Boolean).length / parts.length;
}
