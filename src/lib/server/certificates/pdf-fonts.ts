/**
 * Fonts for the certificate PDF, shipped with `npm install` (the @fontsource packages the site
 * already uses), so a fresh machine with no system fonts draws Latin, Bengali and Devanagari names
 * with correct shaping.
 *
 * Design:
 * - Fontsource ships each script as a separate subset file (latin, latin-ext, bengali, devanagari,
 *   cyrillic, greek, vietnamese) in WOFF and WOFF2. fontkit 2.0.4 cannot subset WOFF2 composite
 *   glyphs (it throws while embedding Bengali), and reading WOFF directly re-inflates whole tables
 *   for every document (≈ 250 ms a certificate). So each WOFF is unpacked ONCE per process into a
 *   plain TrueType file in memory (`woffToSfnt`) and parsed once with fontkit; pdfkit accepts the
 *   parsed font object and subsets it into each PDF (only the glyphs used are embedded).
 * - Text is split into runs by font (`splitRuns`): each grapheme cluster stays in the current run's
 *   font when that font covers it (so spaces and danda do not break a Bengali run), otherwise it
 *   takes the first font of the fallback chain that covers it. Combining marks and joiners always
 *   stay with their base, so conjuncts and vowel signs are shaped by one font.
 * - Fonts are parsed lazily: a Latin-only certificate never reads the Bengali files.
 * - Scripts South Asian learners write have their own Noto family in the chain (Urdu in Nastaliq,
 *   Arabic in Naskh, Tamil, Telugu, Kannada, Malayalam, Gujarati, Gurmukhi, Odia, Sinhala). Chinese,
 *   Japanese kanji and other CJK come from Noto Sans SC, which Fontsource ships as ~100 numbered
 *   slices: only the slice holding a character is parsed, and pdfkit embeds only the glyphs used,
 *   so a CJK name adds a few kilobytes to the PDF.
 * - Last resort: a character none of these covers is looked up in the system's Noto fonts
 *   (Debian's fonts-noto-core, /usr/share/fonts); if nothing has it, it is logged and drawn as its
 *   code point (`U+XXXX`) in Latin, never as an empty box. The text layer keeps the real name.
 * - Shaping fixes (`toShapingForm`): Bengali য় ড় ঢ় typed as letter + nukta (which NFC produces)
 *   are drawn from the precomposed letters, because fontkit's Indic shaper otherwise puts a
 *   dotted circle before a following vowel sign and misplaces the e-kar.
 * - Right-to-left: fontkit lays out an Arabic run right to left; `orderRuns` puts the runs of a
 *   line in visual order (a simplified bidi: the base direction is the first strong character's).
 * - Urdu names are drawn in Noto Nastaliq Urdu, Arabic names (told apart by their letters, see
 *   `useNastaliq`) in Noto Naskh Arabic. Checked December 2026 (fontkit 2.0.4, pdfkit 0.20.2, Fontsource 5.3.0):
 *   fontkit shapes Nastaliq correctly, cursive attachment and the descending baseline included.
 *   محمد عمران خان, عائشہ صدیقی, ثناء اللہ and فیض احمد فیض drawn by pdfkit (pdftoppm -r 150) and by
 *   Chromium/HarfBuzz (same WOFF, same size) differ by no pixel more than 2 px from the other's
 *   ink, in both weights, once each right-to-left run is shaped whole (certificate-pdf.ts passes
 *   `features: []`; pdfkit's default word-by-word layout put the words left to right). Nastaliq's
 *   ascent is 1.9 em, so certificate-pdf.ts lifts it onto Noto Sans's baseline. A PDF with these
 *   four names in Nastaliq is about 6 KB (Naskh: 5.5 KB).
 */
import * as fontkit from 'fontkit';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { log } from '../log.ts';

export type FontWeight = 400 | 700;

interface FontSource {
	/** Key used with `doc.registerFont` / `doc.font`. */
	key: string;
	/** Module path of the WOFF file, or an absolute path of a system TrueType file. */
	file: string;
	/** True for a system font file (TrueType, read as is). */
	system?: boolean;
}

/** Debian's fonts-noto-core TrueType files (present on the CI and most servers; optional). */
const SYSTEM_FONT_DIR = '/usr/share/fonts/truetype/noto';

/** The fallback chain, in order of preference, per weight. */
const CHAIN: Array<[pkg: string, subset: string]> = [
	['noto-sans', 'latin'],
	['noto-sans', 'latin-ext'],
	['noto-sans-bengali', 'bengali'],
	['noto-sans-devanagari', 'devanagari'],
	['noto-sans', 'vietnamese'],
	['noto-sans', 'cyrillic'],
	['noto-sans', 'cyrillic-ext'],
	['noto-sans', 'greek'],
	['noto-sans', 'greek-ext'],
	['noto-nastaliq-urdu', 'arabic'],
	['noto-naskh-arabic', 'arabic'],
	['noto-sans-tamil', 'tamil'],
	['noto-sans-telugu', 'telugu'],
	['noto-sans-kannada', 'kannada'],
	['noto-sans-malayalam', 'malayalam'],
	['noto-sans-gujarati', 'gujarati'],
	['noto-sans-gurmukhi', 'gurmukhi'],
	['noto-sans-oriya', 'oriya'],
	['noto-sans-sinhala', 'sinhala'],
];

/**
 * Families whose Fontsource files crash fontkit 2.0.4 while positioning marks (a null anchor in
 * GPOS: "Cannot read properties of null (reading 'xCoordinate')" for శ్రీ or ਗੁਰ); Debian's
 * fonts-noto-core TTFs of the same families shape correctly, so they are used when installed.
 */
const PREFER_SYSTEM: Record<string, string> = {
	'noto-sans-telugu': 'NotoSansTelugu',
	'noto-sans-gurmukhi': 'NotoSansGurmukhi',
};

const sources = (weight: FontWeight): FontSource[] =>
	CHAIN.map(([pkg, subset]) => {
		const system = PREFER_SYSTEM[pkg];
		const file =
			system && join(SYSTEM_FONT_DIR, `${system}-${weight === 700 ? 'Bold' : 'Regular'}.ttf`);
		if (file && existsSync(file)) return { key: `${pkg}-${subset}-${weight}`, file, system: true };
		return {
			key: `${pkg}-${subset}-${weight}`,
			file: `@fontsource/${pkg}/files/${pkg}-${subset}-${weight}-normal.woff`,
		};
	});

const require = createRequire(import.meta.url);
const parsed = new Map<string, fontkit.Font>();

/** Thrown by the patched `applyAnchor` below; never leaves `applyLookup`. */
const NO_ANCHOR = Symbol('no anchor');
let anchorsGuarded = false;

/**
 * fontkit 2.0.4 reads a NULL anchor in a GPOS mark attachment (a base with no anchor for that
 * mark class, which the OpenType spec allows) and throws "Cannot read properties of null (reading
 * 'xCoordinate')". Noto Nastaliq Urdu has such anchors for ز ژ ڑ (نواز, فراز, پرویز all throw).
 * HarfBuzz skips the subtable instead; so does this patch of fontkit's (unexported) GPOS
 * processor: `applyAnchor` is called before the lookup changes anything, so returning false from
 * `applyLookup` there is what HarfBuzz does.
 */
function guardNullAnchors(font: fontkit.Font): void {
	if (anchorsGuarded) return;
	const engine = (font as unknown as { _layoutEngine?: { engine?: { GPOSProcessor?: object } } })
		._layoutEngine?.engine?.GPOSProcessor;
	if (!engine) return;
	type Processor = {
		applyAnchor(record: { markAnchor: unknown }, anchor: unknown, index: number): void;
		applyLookup(type: number, table: unknown): boolean;
	};
	const proto = Object.getPrototypeOf(engine) as Processor;
	const { applyAnchor, applyLookup } = proto;
	proto.applyAnchor = function (record, anchor, index) {
		if (!anchor || !record.markAnchor) throw NO_ANCHOR;
		applyAnchor.call(this, record, anchor, index);
	};
	proto.applyLookup = function (type, table) {
		try {
			return applyLookup.call(this, type, table);
		} catch (error) {
			if (error === NO_ANCHOR) return false;
			throw error;
		}
	};
	anchorsGuarded = true;
}

/** A parsed font by key (parsing it on first use). */
export function getFont(source: FontSource): fontkit.Font {
	let font = parsed.get(source.key);
	if (!font) {
		font = fontkit.create(
			source.system
				? readFileSync(source.file)
				: woffToSfnt(readFileSync(require.resolve(source.file))),
		);
		guardNullAnchors(font);
		parsed.set(source.key, font);
	}
	return font;
}

/** Noto Sans SC slices: [first, last, slice number] code point ranges from Fontsource's unicode.json. */
let cjkRanges: Array<[number, number, string]> | undefined;

function getCjkRanges(): Array<[number, number, string]> {
	if (!cjkRanges) {
		const slices = JSON.parse(
			readFileSync(require.resolve('@fontsource/noto-sans-sc/unicode.json'), 'utf8'),
		) as Record<string, string>;
		cjkRanges = [];
		for (const [name, ranges] of Object.entries(slices)) {
			const slice = /^\[(\d+)\]$/.exec(name)?.[1];
			if (!slice) continue;
			for (const range of ranges.split(',')) {
				const [a, b] = range.replace(/^U\+/i, '').split('-');
				const first = parseInt(a!, 16);
				cjkRanges.push([first, b ? parseInt(b, 16) : first, slice]);
			}
		}
	}
	return cjkRanges;
}

/** The Noto Sans SC slice holding a code point, or undefined. */
function getCjkSource(codePoint: number, weight: FontWeight): FontSource | undefined {
	const slice = getCjkRanges().find(([a, b]) => codePoint >= a && codePoint <= b)?.[2];
	if (!slice) return undefined;
	return {
		key: `noto-sans-sc-${slice}-${weight}`,
		file: `@fontsource/noto-sans-sc/files/noto-sans-sc-${slice}-${weight}-normal.woff`,
	};
}

const systemHits = new Map<string, FontSource | null>();

/**
 * A system Noto font (fonts-noto-core) covering a cluster, or null. Files are read one at a time
 * and dropped unless they cover it; answers are remembered per cluster and weight.
 */
function getSystemSource(cluster: string, weight: FontWeight): FontSource | null {
	const memo = `${weight}:${cluster}`;
	const known = systemHits.get(memo);
	if (known !== undefined) return known;
	let found: FontSource | null = null;
	if (existsSync(SYSTEM_FONT_DIR)) {
		const style = weight === 700 ? 'Bold' : 'Regular';
		const files = readdirSync(SYSTEM_FONT_DIR)
			.filter((f) => f.endsWith(`-${style}.ttf`))
			.sort((a, b) => Number(b.startsWith('NotoSans')) - Number(a.startsWith('NotoSans')));
		for (const file of files) {
			const source = { key: `system-${file}`, file: join(SYSTEM_FONT_DIR, file), system: true };
			const font = parsed.get(source.key) ?? fontkit.create(readFileSync(source.file));
			if (covers(font, cluster)) {
				parsed.set(source.key, font);
				found = source;
				break;
			}
		}
	}
	systemHits.set(memo, found);
	return found;
}

/** The fallback chain for a weight: keys and their (lazily parsed) fonts. */
export function getFontChain(weight: FontWeight): FontSource[] {
	return sources(weight);
}

const byKey = new Map([...sources(400), ...sources(700)].map((s) => [s.key, s]));

/** A parsed font by its key (as found in `TextRun.key`). */
export function getFontByKey(key: string): fontkit.Font {
	const font = parsed.get(key);
	if (font) return font;
	const source = byKey.get(key);
	if (!source) throw new Error(`unknown font ${key}`);
	return getFont(source);
}

/**
 * Unpacks a WOFF 1.0 file into the TrueType/OpenType file it wraps (tables inflated, directory
 * rebuilt with 4-byte aligned offsets). Throws on anything that is not WOFF.
 */
export function woffToSfnt(woff: Buffer): Buffer {
	if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
	const flavor = woff.readUInt32BE(4);
	const numTables = woff.readUInt16BE(12);
	const tables: Array<{ tag: number; checksum: number; data: Buffer }> = [];
	for (let i = 0; i < numTables; i++) {
		const at = 44 + i * 20;
		const offset = woff.readUInt32BE(at + 4);
		const compLength = woff.readUInt32BE(at + 8);
		const origLength = woff.readUInt32BE(at + 12);
		const raw = woff.subarray(offset, offset + compLength);
		const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
		if (data.length !== origLength) throw new Error('corrupt WOFF table');
		tables.push({ tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data });
	}
	const headerSize = 12 + 16 * numTables;
	const size = tables.reduce((sum, t) => sum + Math.ceil(t.data.length / 4) * 4, headerSize);
	const out = Buffer.alloc(size);
	const power = 2 ** Math.floor(Math.log2(numTables));
	out.writeUInt32BE(flavor, 0);
	out.writeUInt16BE(numTables, 4);
	out.writeUInt16BE(power * 16, 6);
	out.writeUInt16BE(Math.log2(power), 8);
	out.writeUInt16BE(numTables * 16 - power * 16, 10);
	let offset = headerSize;
	tables.forEach((t, i) => {
		const at = 12 + i * 16;
		out.writeUInt32BE(t.tag, at);
		out.writeUInt32BE(t.checksum, at + 4);
		out.writeUInt32BE(offset, at + 8);
		out.writeUInt32BE(t.data.length, at + 12);
		t.data.copy(out, offset);
		offset += Math.ceil(t.data.length / 4) * 4;
	});
	return out;
}

export interface TextRun {
	/** Font key (see `getFontChain`). */
	key: string;
	text: string;
	/** True for a right-to-left run (Arabic script): fontkit lays its glyphs out right to left. */
	rtl?: boolean;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Joiners and variation selectors: invisible, shaped by whichever font draws their cluster. */
const IGNORABLE = /^[\u200B-\u200F\u2060\uFE00-\uFE0F]$/u;

/**
 * Whether a font has a glyph for every visible character of a grapheme cluster (marks included)
 * and can shape it: a cluster of several code points is laid out once as a trial, so a font that
 * fontkit cannot position (see PREFER_SYSTEM) is passed over instead of failing the whole PDF.
 */
function covers(font: fontkit.Font, cluster: string): boolean {
	for (const ch of cluster) {
		if (!IGNORABLE.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!)) return false;
	}
	if (cluster.length < 2) return true;
	try {
		font.layout(cluster);
		return true;
	} catch {
		return false;
	}
}

const splitCache = new Map<string, { runs: TextRun[]; missing: string[] }>();

/**
 * Splits text into runs, each drawn with one font, in VISUAL order (memoised: labels repeat on
 * every certificate). `missing` lists clusters no font covers (logged; drawn as `U+XXXX`).
 */
export function splitRuns(
	text: string,
	weight: FontWeight,
): { runs: TextRun[]; missing: string[] } {
	const key = `${weight}:${text}`;
	let result = splitCache.get(key);
	if (!result) {
		if (splitCache.size >= 2000) splitCache.clear();
		result = computeRuns(text, weight);
		splitCache.set(key, result);
	}
	return result;
}

const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const STRONG = /[\p{L}]/u;

/**
 * The form of a text the shaper draws correctly: Bengali য় ড় ঢ় as their precomposed letters
 * (U+09DF, U+09DC, U+09DD) instead of letter + nukta. Only for drawing; the text layer keeps the
 * name as stored (NFC).
 */
export function toShapingForm(text: string): string {
	return text
		.normalize('NFC')
		.replace(/\u09AF\u09BC/g, '\u09DF')
		.replace(/\u09A1\u09BC/g, '\u09DC')
		.replace(/\u09A2\u09BC/g, '\u09DD');
}

/** Code points as `U+XXXX`, for logs and for the visible stand-in of a character no font has. */
const toCodePoints = (cluster: string) =>
	[...cluster]
		.map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
		.join(' ');

function chooseSource(
	segment: string,
	current: FontSource | undefined,
	chain: FontSource[],
	weight: FontWeight,
): FontSource | undefined {
	if (current && covers(getFont(current), segment)) return current;
	const fromChain = chain.find((s) => covers(getFont(s), segment));
	if (fromChain) return fromChain;
	const cjk = getCjkSource(segment.codePointAt(0)!, weight);
	if (cjk && covers(getFont(cjk), segment)) return cjk;
	return getSystemSource(segment, weight) ?? undefined;
}

/** Letters Urdu uses and Arabic does not (ٹ ڈ ڑ ں ھ ہ ۂ ۃ ی ے ۓ ک). */
const URDU = /[\u0679\u0688\u0691\u06A9\u06BA\u06BE\u06C1-\u06C3\u06CC\u06D2\u06D3]/u;
/** Letters Arabic uses and Urdu does not (ة ك ى ي, as an Arabic keyboard types them). */
const ARABIC_ONLY = /[\u0629\u0643\u0649\u064A]/u;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/**
 * Whether to draw a text's Arabic script in Nastaliq: yes for Urdu, no for a name with an
 * Arabic-only letter and no Urdu one (Arabic names keep Naskh). A name with neither (محمد عمران
 * خان is the same in both) is taken as Urdu, the likelier language for learners in India and
 * Bangladesh. Only when Nastaliq has every Arabic-script letter, so no word mixes the two styles.
 */
function useNastaliq(text: string, source: FontSource): boolean {
	if (!ARABIC_SCRIPT.test(text)) return false;
	if (ARABIC_ONLY.test(text) && !URDU.test(text)) return false;
	const font = getFont(source);
	return [...text].every(
		(c) => !ARABIC_SCRIPT.test(c) || font.hasGlyphForCodePoint(c.codePointAt(0)!),
	);
}

function computeRuns(text: string, weight: FontWeight): { runs: TextRun[]; missing: string[] } {
	const chain = getFontChain(weight).filter(
		(s) => !s.key.startsWith('noto-nastaliq-urdu') || useNastaliq(text, s),
	);
	const runs: TextRun[] = [];
	const missing: string[] = [];
	let current: FontSource | undefined;
	for (const { segment } of segmenter.segment(toShapingForm(text))) {
		let chosen = chooseSource(segment, current, chain, weight);
		let drawn = segment;
		if (!chosen) {
			missing.push(segment);
			chosen = chain[0]!;
			drawn = toCodePoints(segment);
		}
		const rtl = RTL.test(segment) || undefined;
		const last = runs.at(-1);
		// A neutral (space, punctuation) continues the run it sits in.
		const sameDirection = !STRONG.test(segment) || Boolean(last?.rtl) === Boolean(rtl);
		if (last && last.key === chosen.key && sameDirection) last.text += drawn;
		else runs.push({ key: chosen.key, text: drawn, ...(rtl ? { rtl } : {}) });
		current = chosen;
	}
	if (missing.length > 0)
		log.warn(
			{ missing: missing.map(toCodePoints) },
			'no font has these characters; drawn as code points on the certificate',
		);
	return { runs: orderRuns(runs, text), missing };
}

/**
 * Puts runs in visual order (simplified Unicode bidi): consecutive right-to-left runs, with the
 * neutral runs between them, are reversed as a group; when the line's first strong character is
 * right-to-left, the whole line is reversed group by group.
 */
export function orderRuns(runs: TextRun[], text: string): TextRun[] {
	if (!runs.some((r) => r.rtl)) return runs;
	const groups: TextRun[][] = [];
	for (const run of runs) {
		const neutral = !STRONG.test(run.text);
		const last = groups.at(-1);
		const lastRtl = last?.some((r) => r.rtl) ?? false;
		if (last && (neutral || Boolean(run.rtl) === lastRtl)) last.push(run);
		else groups.push([run]);
	}
	const firstStrong = [...text].find((c) => STRONG.test(c)) ?? '';
	const baseRtl = RTL.test(firstStrong);
	const visual = groups.map((g) => (g.some((r) => r.rtl) ? [...g].reverse() : g));
	return (baseRtl ? visual.reverse() : visual).flat();
}
