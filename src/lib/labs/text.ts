/**
 * Text matching for lab rules, in any script: normalising (Unicode form, case, punctuation,
 * Bengali and Devanagari digits), finding a keyword as a word, counting words and spotting contact
 * details that would take a client off the platform.
 */

const DIGITS: Record<string, string> = Object.fromEntries(
	[...'০১২৩৪৫৬৭৮৯']
		.map((d, i) => [d, String(i)])
		.concat([...'०१२३४५६७८९'].map((d, i) => [d, String(i)])),
);

/** Lower case, NFKC, Bengali/Devanagari digits as ASCII, punctuation as spaces, single spaces. */
export function normaliseText(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[০-৯०-९]/g, (d) => DIGITS[d] ?? d)
		.replace(/[^\p{L}\p{M}\p{N}$]+/gu, ' ')
		.trim();
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

/** Number of words: runs of letters, marks and digits in any script. */
export function countWords(text: string): number {
	return text.match(WORD)?.length ?? 0;
}

const normalisedKeywords = new Map<string, string>();

/** A keyword normalised once (keywords come from lab files, so the cache stays small). */
function normaliseKeyword(keyword: string): string {
	let value = normalisedKeywords.get(keyword);
	if (value === undefined) {
		value = normaliseText(keyword);
		if (normalisedKeywords.size < 10_000) normalisedKeywords.set(keyword, value);
	}
	return value;
}

/** A text prepared for many keyword look-ups (normalised once). */
export interface PreparedText {
	/** The normalised text with a space at each end. */
	padded: string;
}

/** Normalises a text once for `containsKeyword` and `findKeyword`. */
export function prepareText(text: string): PreparedText {
	return { padded: ` ${normaliseText(text)} ` };
}

/**
 * True when `keyword` occurs in `text` starting at a word boundary. Longer keywords may run on
 * into a suffix ("deadline" matches "deadlines", "সময়" matches "সময়ে"); keywords of three
 * characters or fewer must be whole words ("IST" does not match "list").
 */
export function containsKeyword(text: string | PreparedText, keyword: string): boolean {
	const hay = typeof text === 'string' ? prepareText(text).padded : text.padded;
	const needle = normaliseKeyword(keyword);
	if (!needle) return false;
	let from = 0;
	for (;;) {
		const at = hay.indexOf(needle, from);
		if (at < 0) return false;
		const before = hay[at - 1] ?? ' ';
		const after = hay[at + needle.length] ?? ' ';
		if (before === ' ' && (needle.length > 3 || after === ' ')) return true;
		from = at + 1;
	}
}

/** The first keyword of `keywords` found in `text`, or undefined. */
export function findKeyword(text: string | PreparedText, keywords: string[]): string | undefined {
	const prepared = typeof text === 'string' ? prepareText(text) : text;
	return keywords.find((k) => containsKeyword(prepared, k));
}

/** True when the text begins with `phrase` (case, spacing and punctuation ignored). */
export function startsWithPhrase(text: string, phrase: string): boolean {
	const hay = `${normaliseText(text)} `;
	const needle = normaliseText(phrase);
	return needle !== '' && hay.startsWith(`${needle} `);
}

/** The first `n` words of a text, normalised. */
export function getOpening(text: string, n: number): string {
	return normaliseText(text).split(' ').slice(0, n).join(' ');
}

const MESSAGING_APPS = [
	'whats app',
	'telegram',
	'skype',
	'viber',
	'signal app',
	'wechat',
	'imo app',
	'messenger',
	'hotmail',
	'gmail',
	'yahoo mail',
];

/**
 * Off-platform contact details found in a text: email addresses, phone numbers (7+ digits with
 * spaces, dots, dashes or brackets, in any of the three scripts), web addresses and messaging
 * apps. Returns short descriptions of what was found (empty when clean).
 */
export function findContactDetails(text: string): string[] {
	const found: string[] = [];
	const ascii = text.normalize('NFKC').replace(/[০-৯०-९]/g, (d) => DIGITS[d] ?? d);
	if (
		/@|\(at\)|\[at\]|\sat\s/i.test(ascii) &&
		/[\p{L}\p{N}._%+-]+\s*(@|\(at\)|\[at\]|\sat\s)\s*[\p{L}\p{N}-]+\s*(\.|\(dot\)|\[dot\]|\sdot\s)\s*[a-z]{2,}/iu.test(
			ascii,
		)
	)
		found.push('email');
	if (/(?:\+\s?)?\d(?:[\s().-]{0,2}\d){6,}/.test(ascii)) found.push('phone');
	if (/\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:com|net|org|io|me|in|bd|co|link|ly)\b/i.test(ascii))
		found.push('link');
	const normal = ` ${normaliseText(text)} `;
	for (const app of MESSAGING_APPS)
		if (normal.includes(` ${app} `) || normal.includes(` ${app.replace(' ', '')} `))
			found.push(app === 'whats app' ? 'whatsapp' : app);
	return [...new Set(found)];
}
