/**
 * Learners' names in every script the platform expects, drawn on the certificate PDF: each name
 * is checked in the fonts (every glyph present, no dotted circle from a failed shaping), then in
 * the PDF as a client's tools see it (`pdftotext` gives the name back exactly, in logical order
 * for right-to-left names; no .notdef glyph is drawn; `pdftoppm` renders the page cleanly).
 */
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { renderCertificatePdf } from '../../src/lib/server/certificates/pdf.ts';
import {
	getFontByKey,
	splitRuns,
	toShapingForm,
} from '../../src/lib/server/certificates/pdf-fonts.ts';
import { countNotdefGlyphs, extractText, listFonts, renderPage } from '../helpers/pdf.ts';

const NAMES: Array<[script: string, name: string, font: RegExp]> = [
	['Urdu (Arabic script)', 'محمد علی خان', /NotoNastaliqUrdu/],
	['Urdu with no Urdu-only letter', 'محمد عمران خان', /NotoNastaliqUrdu/],
	['Urdu with ہ ی', 'عائشہ صدیقی', /NotoNastaliqUrdu/],
	['Urdu with hamza and ہ', 'ثناء اللہ', /NotoNastaliqUrdu/],
	['Urdu with a repeated word', 'فیض احمد فیض', /NotoNastaliqUrdu/],
	// ز: fontkit 2.0.4 throws on Nastaliq's null mark anchors without the guard in pdf-fonts.ts.
	['Urdu with ز', 'پرویز یوسف', /NotoNastaliqUrdu/],
	['Arabic', 'فاطمة الزهراء', /NotoNaskhArabic/],
	['Tamil', 'கார்த்திகேயன் சுப்பிரமணியம்', /NotoSansTamil/],
	['Telugu', 'శ్రీనివాస్ రెడ్డి', /NotoSansTelugu/],
	['Kannada', 'ಪ್ರಜ್ವಲ್ ಕುಮಾರ್', /NotoSansKannada/],
	['Malayalam', 'ശ്രീക്കുട്ടി നായർ', /NotoSansMalayalam/],
	['Gujarati', 'પ્રિયંકા પટેલ', /NotoSansGujarati/],
	['Gurmukhi', 'ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ', /NotoSansGurmukhi/],
	['Odia', 'ସ୍ୱାତି ମହାପାତ୍ର', /NotoSansOriya/],
	['Sinhala', 'කසුන් ප්‍රනාන්දු', /NotoSansSinhala/],
	['Chinese', '王小明', /NotoSansSC/],
	['Japanese kanji', '山田太郎', /NotoSansSC/],
	['Bengali with য় + vowel sign', 'আয়েশা নিয়ামত', /NotoSansBengali/],
];

const cert = (learnerName: string) => ({
	id: 'abcdefghijklmnopqrstuvwxyz234567',
	learnerName,
	courseTitle: 'Excel for virtual assistants',
	courseVersion: '1.0',
	hours: 12,
	skills: ['Formulas'],
	issuedAt: new Date('2026-03-05T00:00:00Z'),
	revokedAt: null,
	supersededBy: null,
});

/** Glyphs a font draws for the name: ids and the code points each stands for. */
function shape(name: string) {
	return splitRuns(name, 700).runs.flatMap((run) => {
		const font = getFontByKey(run.key) as unknown as {
			layout(text: string): { glyphs: Array<{ id: number; codePoints: number[] }> };
		};
		return font.layout(run.text).glyphs;
	});
}

describe('splitRuns', () => {
	it.each(NAMES)('shapes a %s name with every glyph and no dotted circle', (_script, name) => {
		const { missing } = splitRuns(name, 700);
		expect(missing).toEqual([]);
		const glyphs = shape(name);
		expect(glyphs.filter((g) => g.id === 0)).toEqual([]);
		expect(glyphs.filter((g) => g.codePoints.includes(0x25cc))).toEqual([]);
	});

	it('would show a dotted circle for য় + vowel sign without the shaping form (so the check can fail)', () => {
		const font = getFontByKey('noto-sans-bengali-bengali-700') as unknown as {
			layout(text: string): { glyphs: Array<{ codePoints: number[] }> };
		};
		const nfc = 'আয়েশা'.normalize('NFC');
		expect(font.layout(nfc).glyphs.some((g) => g.codePoints.includes(0x25cc))).toBe(true);
		expect(font.layout(toShapingForm(nfc)).glyphs.some((g) => g.codePoints.includes(0x25cc))).toBe(
			false,
		);
	});

	it('orders runs visually: a right-to-left line starts from the right', () => {
		const rtl = (text: string) => splitRuns(text, 700).runs.map((r) => [r.text, Boolean(r.rtl)]);
		expect(rtl('محمد علی')).toEqual([['محمد علی', true]]);
		expect(rtl('Ali محمد')).toEqual([
			['Ali ', false],
			['محمد', true],
		]);
		// Base direction right to left (first strong letter is Arabic): the Latin word goes left.
		expect(rtl('محمد Ali')).toEqual([
			['Ali', false],
			['محمد ', true],
		]);
	});

	it('draws Urdu in Nastaliq and Arabic in Naskh, telling them apart by their letters', () => {
		const fonts = (text: string) => splitRuns(text, 700).runs.map((r) => r.key);
		expect(fonts('عائشہ صدیقی')).toEqual(['noto-nastaliq-urdu-arabic-700']);
		expect(fonts('محمد عمران خان')).toEqual(['noto-nastaliq-urdu-arabic-700']);
		// ة and Arabic ي: an Arabic name.
		expect(fonts('فاطمة الزهراء')).toEqual(['noto-naskh-arabic-arabic-700']);
		expect(fonts('علي حسن')).toEqual(['noto-naskh-arabic-arabic-700']);
	});

	it('falls back to a system Noto font for a script outside the chain', () => {
		const { runs, missing } = splitRuns('Արամ', 700);
		expect(missing).toEqual([]);
		expect(runs.map((r) => r.key)).toEqual(['system-NotoSansArmenian-Bold.ttf']);
	});

	it('draws a character no font has as its code point, never as a box', () => {
		const { runs, missing } = splitRuns('A\uE000', 400);
		expect(missing).toEqual(['\uE000']);
		expect(runs.map((r) => r.text).join('')).toBe('AU+E000');
	});
});

describe('renderCertificatePdf', () => {
	it.each(NAMES)('prints a %s name that pdftotext returns exactly', async (_script, name, font) => {
		const pdf = await renderCertificatePdf(cert(name), 'https://learn.example.org');
		expect(extractText(pdf)).toContain(name);
		expect(countNotdefGlyphs(pdf)).toBe(0);
		const fonts = listFonts(pdf);
		expect(fonts.every((f) => f.embedded)).toBe(true);
		expect(fonts.map((f) => f.name).join(' ')).toMatch(font);
		expect(renderPage(pdf, 40).stderr).toBe('');
		// Subset fonts keep the document small, CJK included.
		expect(pdf.length).toBeLessThan(150_000);
	});

	it.each([
		['Urdu (Nastaliq)', 'محمد عمران خان'],
		['Arabic (Naskh)', 'فاطمة الزهراء'],
	])('draws the words of a %s name right to left, spaced', async (_script, name) => {
		// pdfkit breaks text at spaces (not at no-break spaces) and, unless the run is shaped whole,
		// puts the words left to right with a space moved inside: the two would then differ.
		const spaced = await renderCertificatePdf(cert(name), 'https://learn.example.org');
		const joined = await renderCertificatePdf(
			cert(name.replaceAll(' ', '\u00A0')),
			'https://learn.example.org',
		);
		expect(renderPage(spaced, 50).png.data.equals(renderPage(joined, 50).png.data)).toBe(true);
	});

	it('keeps a Nastaliq name on the name line, above the rule under it', async () => {
		// Nastaliq's ascent is 1.9 em: on pdfkit's default placement its baseline would fall ~31 pt,
		// across the rule at y = 252 pt and into "has successfully completed" (from y = 264 pt).
		const { png } = renderPage(
			await renderCertificatePdf(cert('عائشہ صدیقی'), 'https://learn.example.org'),
			72,
		);
		const darkRows: number[] = [];
		for (let y = 200; y < 266; y++) {
			for (let x = 60; x < png.width - 60; x++) {
				if (png.data[(y * png.width + x) * 4]! < 140) {
					darkRows.push(y);
					break;
				}
			}
		}
		expect(darkRows.length).toBeGreaterThan(20);
		expect(Math.max(...darkRows)).toBeLessThan(250);
	});

	it('counts .notdef glyphs when a font lacks a character (so the check above can fail)', async () => {
		const doc = new PDFDocument({ size: 'A6', font: undefined as unknown as string });
		doc.registerFont('latin', getFontByKey('noto-sans-latin-400') as unknown as Buffer);
		doc.font('latin').text('王');
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		const done = new Promise((r) => doc.on('end', r));
		doc.end();
		await done;
		expect(countNotdefGlyphs(Buffer.concat(chunks))).toBeGreaterThan(0);
	});
});

describe('renderCertificatePdf branding', () => {
	function png(width: number, height: number): Buffer {
		const image = new PNG({ width, height });
		for (let i = 0; i < image.data.length; i += 4) image.data.set([11, 92, 173, 255], i);
		return PNG.sync.write(image);
	}

	it('prints the signatory’s name and title and embeds the signature and the logo', async () => {
		const plain = await renderCertificatePdf(cert('Asha Devi'), 'https://learn.example.org');
		const pdf = await renderCertificatePdf(cert('Asha Devi'), 'https://learn.example.org', {
			signatoryName: 'Ayesha Rahman',
			signatoryTitle: 'Programme director',
			signature: { data: png(200, 50), type: 'image/png' },
			logo: { data: png(120, 60), type: 'image/png' },
		});
		const text = extractText(pdf);
		expect(text).toContain('Ayesha Rahman');
		expect(text).toContain('Programme director');
		expect(extractText(plain)).not.toContain('Ayesha Rahman');
		const images = (b: Buffer) => b.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;
		expect(images(pdf)).toBeGreaterThanOrEqual(2);
		expect(images(plain)).toBe(0);
		expect(renderPage(pdf, 40).stderr).toBe('');
	});
});
