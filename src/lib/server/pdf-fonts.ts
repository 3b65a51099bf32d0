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
 */
import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

export type FontWeight = 400 | 700;

interface FontSource {
	/** Key used with `doc.registerFont` / `doc.font`. */
	key: string;
	/** Module path of the WOFF file. */
	file: string;
}

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
];

const sources = (weight: FontWeight): FontSource[] =>
	CHAIN.map(([pkg, subset]) => ({
		key: `${pkg}-${subset}-${weight}`,
		file: `@fontsource/${pkg}/files/${pkg}-${subset}-${weight}-normal.woff`,
	}));

const require = createRequire(import.meta.url);
const parsed = new Map<string, fontkit.Font>();

/** A parsed font by key (parsing it on first use). */
export function getFont(source: FontSource): fontkit.Font {
	let font = parsed.get(source.key);
	if (!font) {
		font = fontkit.create(woffToSfnt(readFileSync(require.resolve(source.file))));
		parsed.set(source.key, font);
	}
	return font;
}

/** The fallback chain for a weight: keys and their (lazily parsed) fonts. */
export function getFontChain(weight: FontWeight): FontSource[] {
	return sources(weight);
}

const byKey = new Map([...sources(400), ...sources(700)].map((s) => [s.key, s]));

/** A parsed font by its key (as found in `TextRun.key`). */
export function getFontByKey(key: string): fontkit.Font {
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
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Joiners and variation selectors: invisible, shaped by whichever font draws their cluster. */
const IGNORABLE = /^[\u200B-\u200F\u2060\uFE00-\uFE0F]$/u;

/** Whether a font has a glyph for every visible character of a grapheme cluster (marks included). */
function covers(font: fontkit.Font, cluster: string): boolean {
	for (const ch of cluster) {
		if (!IGNORABLE.test(ch) && !font.hasGlyphForCodePoint(ch.codePointAt(0)!)) return false;
	}
	return true;
}

const splitCache = new Map<string, { runs: TextRun[]; missing: string[] }>();

/**
 * Splits text into runs, each drawn with one font of the chain (memoised: labels repeat on every
 * certificate). `missing` lists characters no font covers (drawn with the first font, as boxes).
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

function computeRuns(text: string, weight: FontWeight): { runs: TextRun[]; missing: string[] } {
	const chain = getFontChain(weight);
	const runs: TextRun[] = [];
	const missing: string[] = [];
	let current: FontSource | undefined;
	for (const { segment } of segmenter.segment(text)) {
		let chosen: FontSource | undefined;
		if (current && covers(getFont(current), segment)) chosen = current;
		else chosen = chain.find((s) => covers(getFont(s), segment));
		if (!chosen) {
			missing.push(segment);
			chosen = current ?? chain[0]!;
		}
		const last = runs.at(-1);
		if (last && last.key === chosen.key) last.text += segment;
		else runs.push({ key: chosen.key, text: segment });
		current = chosen;
	}
	return { runs, missing };
}
