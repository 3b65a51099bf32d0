/**
 * Normalisation of typed answers, so that what a learner means matches what the author accepted
 * in any script: English, Bengali or Hindi, typed on any phone keyboard.
 *
 * Text (short-text, fill-blanks): Unicode NFKC (composed and compatibility forms: full-width
 * letters, ligatures, Bengali য় / Devanagari क़ in either encoding), the old Bengali khanda-ta
 * spelling (ত + ্ + ZWJ) as ৎ, invisible format characters (ZWJ, ZWNJ, soft hyphen) removed, lower
 * case, Bengali/Devanagari/Arabic-Indic digits as ASCII, punctuation (including the danda ।) as
 * spaces, runs of spaces collapsed. Letters and combining marks (vowel signs, virama, nukta) are
 * kept, so কলম and কলমে stay different. Two answers match when they are equal after that with
 * spaces removed ("client-tip", "client tip" and "clienttip" match).
 *
 * Numbers: the same digits, a leading or trailing unit or currency sign, thousands separators in
 * Western (1,234,567) or Indian (12,34,567) grouping, a decimal comma ("12,5") and the Unicode
 * minus sign.
 */

const DIGIT_BASES = [0x0660, 0x06f0, 0x0966, 0x09e6];

/** Bengali, Devanagari and Arabic-Indic digits as ASCII digits. */
export function foldDigits(text: string): string {
	return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef]/g, (c) => {
		const code = c.charCodeAt(0);
		const base = DIGIT_BASES.find((b) => code >= b && code <= b + 9)!;
		return String(code - base);
	});
}

/**
 * The readable normal form of a typed answer (kept in quiz responses for analytics).
 * @example normaliseText('  Client-Tip! ') // 'client tip'
 * @example normaliseText('২০ টাকা।') // '20 টাকা'
 */
export function normaliseText(text: string): string {
	return foldDigits(
		text
			.normalize('NFKC')
			.replace(/\u09a4\u09cd\u200d/g, '\u09ce')
			.replace(/\p{Cf}/gu, '')
			.toLowerCase(),
	)
		.replace(/\p{P}/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim();
}

/** The form two answers are compared in: normalised, without spaces. */
export function getMatchKey(text: string): string {
	return normaliseText(text).replace(/ /g, '');
}

/** True when `typed` matches one of `accepted` (ignoring case, spacing, punctuation, Unicode form). */
export function matchesAny(typed: string, accepted: readonly string[]): boolean {
	const key = getMatchKey(typed);
	return key !== '' && accepted.some((a) => getMatchKey(a) === key);
}

const WESTERN_GROUPS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const INDIAN_GROUPS = /^[+-]?\d{1,2}(,\d{2})*,\d{3}(\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The number a learner typed, or null when it is not one. `units` (e.g. `minutes`, `%`, or the
 * author's list such as `['Rs', 'টাকা', 'रुपये']`) may be typed before or after the number; a full
 * stop or a danda (।) ending the answer is ignored, as a sentence ending.
 * @example parseTypedNumber('১,২৩,৪৫৬.৫') // 123456.5
 * @example parseTypedNumber('100 minutes', 'minutes') // 100
 * @example parseTypedNumber('২১,৬০০ টাকা।', ['Rs', 'টাকা']) // 21600
 */
export function parseTypedNumber(typed: string, units?: string | readonly string[]): number | null {
	let s = foldDigits(typed.normalize('NFKC'))
		.replace(/\p{Cf}/gu, '')
		.toLowerCase()
		.trim();
	s = s
		.replace(/[\u2212\u2012\u2013\u2014]/g, '-')
		.replace(/\s*[।॥.]+$/u, '')
		.trim();
	const list = (typeof units === 'string' ? [units] : (units ?? []))
		.map((u) => u.normalize('NFKC').toLowerCase().trim())
		.filter((u) => u !== '')
		// Longest first, so "USD per hour" is removed before "USD".
		.sort((a, b) => b.length - a.length);
	for (const u of list) {
		if (s.endsWith(u)) {
			s = s.slice(0, -u.length).trim();
			break;
		}
		if (s.startsWith(u)) {
			s = s
				.slice(u.length)
				.replace(/^[.\s]+/u, '')
				.trim();
			break;
		}
	}
	s = s.replace(/^[$₹৳€£]|[$₹৳€£%]$/g, '').replace(/\s+/gu, '');
	if (WESTERN_GROUPS.test(s) || INDIAN_GROUPS.test(s)) s = s.replace(/,/g, '');
	else if (DECIMAL_COMMA.test(s)) s = s.replace(',', '.');
	if (!PLAIN_NUMBER.test(s)) return null;
	const value = Number(s);
	return Number.isFinite(value) ? value : null;
}
