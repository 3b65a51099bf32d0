/**
 * Checks of the Bengali and Hindi translations of course files, run by `content:check`:
 *
 * - **Glossary**: a translation that uses one of the `avoid` variants of a term in
 *   `content/i18n/glossary.<lang>.yaml` gets a warning at that line naming the chosen term.
 * - **Digits**: the glossary's `digits` rule (`bengali`: Bengali prose uses ০-৯; `latin`: prose uses
 *   0-9). Digits that are not prose are never checked: code blocks, inline code, component tags and
 *   their attributes, URLs, keyboard shortcuts, times, dates typed as 2026-03-01 or 3/15/2026,
 *   formulas and cell references, and any number inside a stretch of English text ("Excel 2021",
 *   "2 hrs", `A2`).
 * - **Stale translations**: a translation may carry `translatedFrom: sha256:<12 hex>` (frontmatter
 *   in .md/.mdx, top-level key in .yaml), the start of the SHA-256 of the English file. When the
 *   English file's hash differs, the translation is stale.
 *
 * No Astro runtime imports: runs as a plain Node script and in unit tests.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

import { TRANSLATION_LOCALE_PATTERN, TRANSLATION_LOCALES, type TranslationLocale } from '../locales.ts';

export { TRANSLATION_LOCALES, type TranslationLocale } from '../locales.ts';

/** A translation's file name: `<name>.<locale>.<mdx|md|yaml>`. */
const TRANSLATION_FILE = new RegExp(`^(.*)\\.(${TRANSLATION_LOCALE_PATTERN})\\.(mdx|md|yaml)$`);

export interface TranslationProblem {
	file: string;
	line: number;
	message: string;
}

export interface GlossaryTerm {
	en: string;
	use: string;
	keepEnglishOnScreen: boolean;
	avoid: string[];
	/** Course folders the avoid list applies to (e.g. a word that is also an everyday word elsewhere); all when absent. */
	avoidOnlyIn?: string[];
	note?: string;
}

export interface Glossary {
	language: TranslationLocale;
	/** `bengali`: prose uses the language's own digits; `latin`: prose uses 0-9. */
	digits: 'bengali' | 'devanagari' | 'latin';
	terms: GlossaryTerm[];
}

/** The `sha256:<12 hex>` stamp of a file's current contents. */
export function fileStamp(path: string): string {
	return `sha256:${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12)}`;
}

/** The English file a translation file was made from (`x.bn.mdx` → `x.mdx`), or undefined if the name is not a translation. */
export function englishFileOf(path: string): string | undefined {
	const m = TRANSLATION_FILE.exec(path);
	return m ? `${m[1]}.${m[3]}` : undefined;
}

export function localeOf(path: string): TranslationLocale | undefined {
	return TRANSLATION_FILE.exec(path)?.[2] as TranslationLocale | undefined;
}

/** Every translation file (lessons, course and unit files, quizzes, projects, labs) under a courses folder. */
export function listTranslationFiles(coursesDir: string): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir).sort()) {
			if (name.startsWith('.') || name.startsWith('_') || name === 'files' || name === 'images') continue;
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (TRANSLATION_FILE.test(name)) out.push(path);
		}
	};
	if (existsSync(coursesDir)) walk(coursesDir);
	return out;
}

/** The `translatedFrom` value of a translation and its 1-based line, if present. */
export function readStamp(text: string, path: string): { value: string; line: number } | undefined {
	const lines = text.split('\n');
	let end = lines.length;
	if (/\.mdx?$/.test(path)) {
		if (lines[0]?.trim() !== '---') return undefined;
		const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
		end = close < 0 ? lines.length : close;
	}
	for (let i = 0; i < end; i++) {
		const m = /^translatedFrom:\s*['"]?([^'"\s#]+)['"]?\s*(#.*)?$/.exec(lines[i]!);
		if (m) return { value: m[1]!, line: i + 1 };
	}
	return undefined;
}

/**
 * Writes the current English hash into a translation file as `translatedFrom`, changing only that
 * one line (or adding it: first frontmatter line in .md/.mdx, first line in .yaml). Returns the stamp.
 */
export function stampText(text: string, path: string, stamp: string): string {
	const lineText = `translatedFrom: ${stamp}`;
	const existing = readStamp(text, path);
	const lines = text.split('\n');
	if (existing) {
		lines[existing.line - 1] = lineText;
		return lines.join('\n');
	}
	if (/\.mdx?$/.test(path)) {
		if (lines[0]?.trim() !== '---') throw new Error(`${path} has no frontmatter to put translatedFrom in`);
		lines.splice(1, 0, lineText);
		return lines.join('\n');
	}
	return `${lineText}\n${text}`;
}

// ------------------------------------------------------------------ glossaries

export function loadGlossary(path: string): Glossary | undefined {
	if (!existsSync(path)) return undefined;
	const data = parse(readFileSync(path, 'utf8')) as Partial<Glossary>;
	return {
		language: data.language!,
		digits: data.digits ?? 'latin',
		terms: (data.terms ?? []).map((t) => ({ ...t, avoid: t.avoid ?? [] })),
	};
}

export function loadGlossaries(i18nDir: string): Partial<Record<TranslationLocale, Glossary>> {
	const out: Partial<Record<TranslationLocale, Glossary>> = {};
	for (const l of TRANSLATION_LOCALES) {
		const g = loadGlossary(join(i18nDir, `glossary.${l}.yaml`));
		if (g) out[l] = g;
	}
	return out;
}

/** Endings a word may carry and still be the glossary word ("লেসনে", "লেসনগুলো"; "पंक्तियों"). */
const SUFFIX: Record<TranslationLocale, RegExp> = {
	bn: /^(?:টি|টা|খানা|গুলো|গুলি|দের|রা|কে|তে|ে|ের|এ|এর|র|ও|ই|য়|য়ে|সহ)*$/u,
	hi: /^(?:ों|ें|े|ो|ी|ियाँ|ियों|ियां|ाएँ|ाओं|ा)*$/u,
};
const SCRIPT_LETTER: Record<TranslationLocale, RegExp> = {
	bn: /[\u0980-\u09E5\u09F0-\u09FF]/u,
	hi: /[\u0900-\u0965\u0970-\u097F]/u,
};
const NATIVE_DIGIT: Record<TranslationLocale, RegExp> = { bn: /[০-৯]+/gu, hi: /[०-९]+/gu };
const DIGIT_NAME: Record<TranslationLocale, string> = { bn: 'Bengali digits (০-৯)', hi: 'Devanagari digits (०-९)' };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/**
 * The file's text with everything that is not prose replaced by spaces (newlines kept, so line
 * numbers stay right): code, inline code, component tags with their attributes, URLs and link
 * targets, HTML comments, YAML keys, and in frontmatter the translatedFrom line.
 */
export function maskNonProse(text: string, path: string): string {
	let t = text;
	if (/\.mdx?$/.test(path)) {
		t = t.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank);
		t = t.replace(/<!--[\s\S]*?-->/g, blank);
		t = t.replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
		t = t.replace(/``[^\n]*?``|`[^`\n]*`/g, blank);
		t = t.replace(/<\/?[A-Za-z][\w.]*(?:\s+[^<>]*?)?\/?>/gs, blank);
		t = t.replace(/\]\([^)\n]*\)/g, (m) => `]${blank(m.slice(1))}`);
		const fm = /^---\n[\s\S]*?\n---\n/.exec(t);
		if (fm) t = maskYamlKeys(fm[0]) + t.slice(fm[0].length);
	} else {
		t = maskYamlKeys(t);
		// A cloze blank holds accepted answers, as typed ("[[प्रपोज़ल|प्रपोजल|proposal]]"), like `accept`.
		t = t.replace(/\[\[([^\]\n]*)\]\]/g, (_m, answers: string) => `[[${blank(answers)}]]`);
	}
	// Markdown list numbers ("1. ") are list markers, rendered by the list, not prose digits.
	t = t.replace(/^(\s*(?:-\s+)?)(\d+[.)])(?=\s)/gm, (_m, a: string, n: string) => a + blank(n));
	t = t.replace(/https?:\/\/[^\s)>\]"'`]+|www\.[^\s)>\]"'`]+|[\w.+-]+@[\w-]+\.[\w.]+/g, blank);
	return t;
}

/**
 * Keys whose values are what a learner may type or write (accepted answers, keywords a lab looks
 * for): variants there are deliberate, so a learner who writes "टेम्प्लेट" still gets credit.
 */
const ANSWER_LIST_KEYS = /^(\s*)(?:-\s+)?(?:accept|acceptUnits|keywords|phrases|groups|replyMentions|any|all|none|words|blanks)\s*:(.*)$/;

/** Blanks YAML keys, `translatedFrom`/`id`/`type` lines, other one-word ASCII values, and answer lists. */
function maskYamlKeys(text: string): string {
	let listIndent = -1;
	return text
		.split('\n')
		.map((line) => {
			const indent = /^\s*/.exec(line)![0].length;
			if (listIndent >= 0) {
				if (line.trim() === '' || indent > listIndent || (indent === listIndent && /^\s*-\s/.test(line))) return blank(line);
				listIndent = -1;
			}
			// A lab's inline list of words a reply must mention: accepted variants, as above.
			line = line.replace(/replyMentions:\s*\[\[.*?\]\]/g, blank);
			const answers = ANSWER_LIST_KEYS.exec(line);
			if (answers) {
				if (answers[2]!.trim() === '') listIndent = answers[1]!.length;
				return blank(line);
			}
			if (/^\s*(?:-\s+)?(?:translatedFrom|id|type|file|correct|answer|tolerance|draw|passMark|minutes|kind)\s*:/.test(line)) return blank(line);
			return line.replace(/^(\s*(?:-\s+)?)([A-Za-z_][\w-]*\s*:)(?=\s|$)/, (_m, a: string, k: string) => a + blank(k));
		})
		.join('\n');
}

/** Spans of a (masked) prose line whose digits are not prose digits and are never checked. */
const NON_PROSE_DIGITS = [
	/\b(?:Ctrl|Cmd|Alt|Option|Shift|Win|Fn)\s*\+\s*\S+/g, // shortcuts typed in text
	/\bF\d{1,2}\b/g, // function keys
	/\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?/g, // times (as typed into Excel)
	/\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?/g, // dates as typed
	/[$£€₹৳]\s?\d[\d,.]*(?:\s?[–-]\s?[$£€₹৳]?\d[\d,.]*)?/g, // amounts written as on the platform ($5–$7)
	/=[A-Z][A-Z0-9.]*\([^)\n]*\)?/g, // formulas
	/\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/g, // cell references
	/\b[A-Za-z][A-Za-z]+\s+\d+(?:\s?[–-]\s?\d+)+/g, // product versions in English ("PowerPoint 2007–365")
];

/** Latin digit runs in a prose line that count as prose digits (not inside English text). */
function proseLatinDigits(line: string): string[] {
	let l = line;
	for (const re of NON_PROSE_DIGITS) l = l.replace(re, (m) => ' '.repeat(m.length));
	const out: string[] = [];
	// An ASCII stretch (between non-ASCII characters) that contains a Latin letter is English text:
	// its numbers are names, versions or values typed as shown ("Excel 2021", "2 hrs").
	for (const m of l.matchAll(/[\x00-\x7F]+/g)) {
		if (/[A-Za-z]/.test(m[0])) continue;
		for (const d of m[0].matchAll(/\d+(?:[.,]\d+)*/g)) out.push(d[0]);
	}
	return out;
}

/** Glossary (avoid variants) and digits problems of one translation file. */
export function checkTranslationText(text: string, path: string, glossary: Glossary, displayPath = path): TranslationProblem[] {
	const locale = glossary.language;
	const problems: TranslationProblem[] = [];
	const lines = maskNonProse(text, path).split('\n');
	const suffix = SUFFIX[locale];
	const course = /(?:^|[\\/])courses[\\/]([^\\/]+)[\\/]/.exec(path)?.[1];
	const matchers = glossary.terms
		.filter((term) => !term.avoidOnlyIn || (course !== undefined && term.avoidOnlyIn.includes(course)))
		.flatMap((term) =>
		term.avoid.map((variant) => ({ term, variant, re: new RegExp(`(?<![\\p{L}\\p{M}])${escapeRe(variant)}([\\p{L}\\p{M}]*)`, 'gu') })),
	).sort((a, b) => b.variant.length - a.variant.length);
	const latin: { line: number; digits: string[] }[] = [];
	const native: { line: number; digits: string[] }[] = [];
	lines.forEach((line, i) => {
		if (!SCRIPT_LETTER[locale].test(line)) return;
		const taken: [number, number][] = [];
		for (const { term, variant, re } of matchers) {
			for (const m of line.matchAll(re)) {
				if (!suffix.test(m[1] ?? '')) continue;
				const start = m.index!;
				const end = start + variant.length;
				// "হেডার রো" and "রো" at the same place are one problem: the longer variant wins.
				if (taken.some(([a, b]) => start < b && a < end)) continue;
				taken.push([start, end]);
				problems.push({
					file: displayPath,
					line: i + 1,
					message: `"${m[0]}": the glossary says "${term.use}" for "${term.en}", not "${variant}" (content/i18n/glossary.${locale}.yaml)`,
				});
			}
		}
		const l = proseLatinDigits(line);
		if (l.length) latin.push({ line: i + 1, digits: l });
		const n = [...line.matchAll(NATIVE_DIGIT[locale])].map((m) => m[0]);
		if (n.length) native.push({ line: i + 1, digits: n });
	});
	const wantNative = glossary.digits !== 'latin';
	const wrong = wantNative ? latin : native;
	const right = wantNative ? native : latin;
	// Only a file that mixes both kinds of digits in its prose is warned about: the lines with the
	// digits the rule does not want. (A file with only Latin digits in Bengali prose is counted by
	// `translationInfo` instead; converting whole lessons is a translator's pass, not a drift.)
	if (wrong.length && right.length) {
		const want = wantNative ? DIGIT_NAME[locale] : 'Latin digits (0-9)';
		for (const w of wrong) problems.push({ file: displayPath, line: w.line, message: `digits ${w.digits.join(', ')} in prose: this file otherwise uses ${want}, as the glossary's digits rule says; write them the same way (numbers the learner types into Excel go in \`inline code\`)` });
	}
	return problems;
}

export interface TranslationReport {
	problems: TranslationProblem[];
	/** Translation files per locale, and how many of them carry a translatedFrom stamp. */
	counts: Record<TranslationLocale, { files: number; stamped: number; stale: number; latinDigitFiles: number }>;
}

/** All translation checks for a courses folder (glossary, digits, stale), with counts. */
export function checkTranslations(coursesDir: string, repoRoot: string, i18nDir = join(repoRoot, 'content', 'i18n')): TranslationReport {
	const glossaries = loadGlossaries(i18nDir);
	const problems: TranslationProblem[] = [];
	const counts = Object.fromEntries(TRANSLATION_LOCALES.map((l) => [l, { files: 0, stamped: 0, stale: 0, latinDigitFiles: 0 }])) as TranslationReport['counts'];
	for (const path of listTranslationFiles(coursesDir)) {
		const locale = localeOf(path)!;
		const rel = relative(repoRoot, path);
		const text = readFileSync(path, 'utf8');
		counts[locale].files++;
		const english = englishFileOf(path)!;
		const stamp = readStamp(text, path);
		if (stamp) {
			counts[locale].stamped++;
			if (existsSync(english) && fileStamp(english) !== stamp.value) {
				counts[locale].stale++;
				problems.push({ file: rel, line: stamp.line, message: `translation of ${relative(repoRoot, english)} is stale — the English changed since it was translated (update the translation, then npm run translation:stamp -- ${rel})` });
			}
		}
		const glossary = glossaries[locale];
		if (glossary) {
			problems.push(...checkTranslationText(text, path, glossary, rel));
			if (glossary.digits !== 'latin') {
				const masked = maskNonProse(text, path).split('\n');
				const prose = masked.filter((l) => SCRIPT_LETTER[locale].test(l));
				if (prose.some((l) => proseLatinDigits(l).length) && !prose.some((l) => l.match(NATIVE_DIGIT[locale]))) counts[locale].latinDigitFiles++;
			}
		}
	}
	return { problems, counts };
}
