/**
 * The certificate as a PDF: A4 landscape, one page, print quality (vector text and QR code).
 *
 * Text is drawn with the embedded, subset Noto fonts of pdf-fonts.ts, split into per-script runs so
 * Bengali and Devanagari are shaped by their own fonts. pdfkit writes shaped glyphs in visual
 * order, so any line with non-Latin text (always the learner's name) is wrapped in a marked-content
 * span with `/ActualText`: copy, search and `pdftotext` then give back the text in logical order.
 *
 * The page states what the verify page states: a revoked or replaced certificate carries a banner
 * and a watermark. Generated documents are kept in a small in-memory LRU cache keyed by id,
 * status and the facts that can change, so a repeated download costs nothing.
 *
 * Free of Astro imports (the site address is a parameter) so the benchmark can call it directly.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { getVerifyUrl, ISSUER_NAME } from '../../certificates/links.ts';
import { certificateTitle } from '../../certificates/title.ts';
import { getFontByKey, splitRuns, type FontWeight, type TextRun } from './pdf-fonts.ts';

/** The fields drawn on the page. */
export interface PdfCertificate {
	id: string;
	learnerName: string;
	courseTitle: string;
	/**
	 * The course title in the learner's language (Bengali or Hindi), looked up by course slug when
	 * the PDF is drawn; printed above the stored English title, which follows in brackets.
	 */
	courseTitleTranslated?: string;
	courseVersion: string;
	hours: number;
	skills: string[];
	issuedAt: Date;
	revokedAt: Date | null;
	supersededBy: string | null;
	/** Set while suspended (a SUSPENDED banner); absent for callers that predate suspension. */
	suspendedAt?: Date | null;
}

/** An image file's bytes and type (PNG or JPEG: what pdfkit embeds). */
export interface BrandingImage {
	data: Buffer;
	type: 'image/png' | 'image/jpeg';
}

/** The issuer's branding (from the environment; see branding.ts). Every part is optional. */
export interface CertificateBranding {
	signatoryName?: string;
	signatoryTitle?: string;
	signature?: BrandingImage;
	logo?: BrandingImage;
}

/** Bump when the layout changes, so cached documents are regenerated. */
const LAYOUT_VERSION = 2;
const WIDTH = 841.89;
const HEIGHT = 595.28;
const CENTER = WIDTH / 2;
const INK = '#1b1f24';
const MUTED = '#4a5560';
const ACCENT = '#0b5cad';
const DANGER = '#a3161a';
const NON_LATIN = /[^\u0000-\u024F\u1E00-\u1EFF\u2000-\u206F\u20AC\u2122]/u;
const RTL_TEXT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

type Doc = PDFKit.PDFDocument;

/** English dates as on the verify page ("23 November 2026"); one formatter, built once. */
const dateFormat = new Intl.DateTimeFormat('en-IN', { dateStyle: 'long', timeZone: 'UTC' });
const formatDate = (date: Date) => dateFormat.format(date);

interface LineStyle {
	size: number;
	weight?: FontWeight;
	color?: string;
	/** Shrink the font (down to `minSize`) until the line fits this width. */
	maxWidth?: number;
	minSize?: number;
	/** Left edge; the line is centred on the page when unset. */
	x?: number;
}

const registered = new WeakMap<Doc, Set<string>>();

/** Selects a font on the document, registering it on first use (only used fonts are embedded). */
function useFont(doc: Doc, key: string, size: number) {
	let keys = registered.get(doc);
	if (!keys) registered.set(doc, (keys = new Set()));
	if (!keys.has(key)) {
		// pdfkit accepts a parsed fontkit font (its type only lists file sources).
		doc.registerFont(key, getFontByKey(key) as unknown as Buffer);
		keys.add(key);
	}
	return doc.font(key).fontSize(size);
}

/**
 * Options for drawing a run. Without OpenType features pdfkit shapes text word by word and puts
 * the words left to right, which reverses the words of a right-to-left name and moves a space
 * inside it; `features: []` (the font's default features) makes it shape the run whole.
 */
const runOptions = (run: TextRun) => (run.rtl ? { features: [] } : {});

/**
 * Top of a run's line box. pdfkit puts the baseline one font ascent below `y`; Nastaliq's ascent is
 * 1.9 em (Noto Sans: 1.07 em), so its run is lifted onto the baseline Noto Sans would use.
 */
function runTop(run: TextRun, y: number, size: number): number {
	if (!run.key.startsWith('noto-nastaliq-urdu')) return y;
	// fontkit's type leaves out `ascent` (hhea ascender, font units).
	const ascent = (key: string) => {
		const font = getFontByKey(key) as unknown as { ascent: number; unitsPerEm: number };
		return font.ascent / font.unitsPerEm;
	};
	return y - (ascent(run.key) - ascent('noto-sans-latin-400')) * size;
}

function measure(doc: Doc, text: string, size: number, weight: FontWeight): number {
	return splitRuns(text, weight).runs.reduce(
		(sum, run) => sum + useFont(doc, run.key, size).widthOfString(run.text, runOptions(run)),
		0,
	);
}

/** Draws one line of text (any script). Returns the font size used. */
function drawLine(doc: Doc, text: string, y: number, style: LineStyle): number {
	const weight = style.weight ?? 400;
	let size = style.size;
	let width = measure(doc, text, size, weight);
	while (style.maxWidth && width > style.maxWidth && size > (style.minSize ?? size)) {
		size = Math.max(style.minSize ?? size, size - 1);
		width = measure(doc, text, size, weight);
	}
	let x = style.x ?? CENTER - width / 2;
	const actual = NON_LATIN.test(text);
	if (actual)
		doc.markContent('Span', {
			actual: getActualText(text, weight),
		} as PDFKit.Mixins.MarkingOptions);
	doc.fillColor(style.color ?? INK);
	for (const run of splitRuns(text, weight).runs) {
		useFont(doc, run.key, size).text(run.text, x, runTop(run, y, size), {
			lineBreak: false,
			...runOptions(run),
		});
		x += doc.widthOfString(run.text, runOptions(run));
	}
	if (actual) doc.endMarkedContent();
	return size;
}

/**
 * The ActualText of a line. Right-to-left text is given in visual order (each right-to-left run
 * reversed), because poppler's pdftotext lays an ActualText string out over the span as if it were
 * visual and then reorders right-to-left words itself, giving the logical name back. (The glyphs'
 * own Unicode mapping is no substitute: in Naskh, ر and ز share a base glyph, so it reads wrongly.)
 */
function getActualText(text: string, weight: FontWeight): string {
	if (!RTL_TEXT.test(text)) return text;
	const reverse = (run: string) => [...run].reverse().join('');
	return splitRuns(text, weight)
		.runs.map((run) => (run.rtl ? reverse(run.text) : run.text))
		.join('');
}

/** Greedy word wrap to `maxWidth`, at most `maxLines` lines (the last one shrinks to fit). */
function wrap(
	doc: Doc,
	text: string,
	size: number,
	weight: FontWeight,
	maxWidth: number,
	maxLines: number,
): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		const candidate = line ? `${line} ${word}` : word;
		if (line && measure(doc, candidate, size, weight) > maxWidth && lines.length < maxLines - 1) {
			lines.push(line);
			line = word;
		} else {
			line = candidate;
		}
	}
	if (line) lines.push(line);
	return lines;
}

function drawQrCode(doc: Doc, text: string, x: number, y: number, size: number) {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const cell = size / modules.size;
	for (let row = 0; row < modules.size; row++) {
		for (let col = 0; col < modules.size; col++) {
			if (!modules.get(row, col)) continue;
			let end = col;
			while (end + 1 < modules.size && modules.get(row, end + 1)) end++;
			// A hair of overlap so renderers leave no seams between modules.
			doc.rect(x + col * cell, y + row * cell, (end - col + 1) * cell + 0.05, cell + 0.05);
			col = end;
		}
	}
	doc.fillColor('#000000').fill();
}

function drawStatusBanner(doc: Doc, cert: PdfCertificate, siteUrl: string) {
	if (!cert.revokedAt && !cert.supersededBy && !cert.suspendedAt) return;
	const text = cert.revokedAt
		? `REVOKED on ${formatDate(cert.revokedAt)}: this certificate is no longer valid.`
		: cert.supersededBy
			? `REPLACED: this certificate was reissued as ${getVerifyUrl(siteUrl, cert.supersededBy)}`
			: `SUSPENDED since ${formatDate(cert.suspendedAt!)}: not valid while suspended.`;
	const word = cert.revokedAt ? 'REVOKED' : cert.supersededBy ? 'REPLACED' : 'SUSPENDED';
	doc.save();
	doc.rect(40, 40, WIDTH - 80, 30).fill(cert.revokedAt ? '#fdecec' : '#fff4de');
	doc.restore();
	drawLine(doc, text, 48, {
		size: 11,
		weight: 700,
		color: DANGER,
		maxWidth: WIDTH - 100,
		minSize: 7,
	});
	doc.save();
	doc.rotate(-24, { origin: [CENTER, HEIGHT / 2] });
	doc.fillOpacity(0.12);
	drawLine(doc, word, HEIGHT / 2 - 60, {
		size: 120,
		weight: 700,
		color: DANGER,
	});
	doc.restore();
}

/** Draws an image scaled into a box; a broken image is skipped (the certificate still renders). */
function drawImage(doc: Doc, image: BrandingImage, x: number, y: number, fit: [number, number]) {
	try {
		doc.image(image.data, x, y, { fit, valign: 'bottom' });
	} catch {
		// pdfkit could not decode it; env-vars.ts already checked the extension and existence.
	}
}

/** Signature block (left): signature image, line, signatory name and title, issuer. */
function drawSignatory(doc: Doc, siteUrl: string, branding: CertificateBranding) {
	if (branding.signature) drawImage(doc, branding.signature, 70, 436, [220, 50]);
	doc.lineWidth(0.75).strokeColor(INK).moveTo(70, 490).lineTo(290, 490).stroke();
	if (branding.signatoryName) {
		drawLine(doc, branding.signatoryName, 495, {
			size: 12,
			weight: 700,
			x: 70,
			maxWidth: 220,
			minSize: 8,
		});
		if (branding.signatoryTitle)
			drawLine(doc, branding.signatoryTitle, 511, {
				size: 9,
				color: MUTED,
				x: 70,
				maxWidth: 220,
				minSize: 6,
			});
		drawLine(doc, `${ISSUER_NAME} · ${new URL(siteUrl).host}`, 525, {
			size: 9,
			color: MUTED,
			x: 70,
		});
		return;
	}
	drawLine(doc, ISSUER_NAME, 462, { size: 18, weight: 700, color: ACCENT, x: 70 });
	drawLine(doc, `Issuer · ${new URL(siteUrl).host}`, 496, { size: 10, color: MUTED, x: 70 });
}

function render(
	cert: PdfCertificate,
	siteUrl: string,
	branding: CertificateBranding = {},
): Promise<Buffer> {
	const verifyUrl = getVerifyUrl(siteUrl, cert.id);
	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 0,
		// No default Helvetica: every font is one of ours (saves parsing an AFM file per document).
		font: null as unknown as string,
		lang: 'en',
		displayTitle: true,
		pdfVersion: '1.7',
		info: {
			Title: `Certificate of completion: ${cert.courseTitle} (${cert.learnerName})`,
			Author: ISSUER_NAME,
			Subject: `Verify at ${verifyUrl}`,
			Keywords: cert.skills.join(', '),
			CreationDate: cert.issuedAt,
		},
	});
	const chunks: Buffer[] = [];
	doc.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	doc
		.lineWidth(3)
		.strokeColor(ACCENT)
		.rect(20, 20, WIDTH - 40, HEIGHT - 40)
		.stroke();
	doc
		.lineWidth(0.75)
		.rect(28, 28, WIDTH - 56, HEIGHT - 56)
		.stroke();
	if (branding.logo) drawImage(doc, branding.logo, 48, 78, [110, 56]);
	drawStatusBanner(doc, cert, siteUrl);

	drawLine(doc, ISSUER_NAME.toUpperCase(), 86, { size: 14, weight: 700, color: ACCENT });
	drawLine(doc, 'Certificate of Completion', 108, { size: 32, weight: 700 });
	drawLine(doc, 'This certifies that', 170, { size: 13, color: MUTED });
	drawLine(doc, cert.learnerName, 192, { size: 38, weight: 700, maxWidth: 680, minSize: 16 });
	doc
		.lineWidth(0.75)
		.strokeColor('#c9d1d9')
		.moveTo(CENTER - 260, 252)
		.lineTo(CENTER + 260, 252)
		.stroke();
	drawLine(doc, 'has successfully completed the course', 264, { size: 13, color: MUTED });
	let y = 288;
	const title = certificateTitle(cert.courseTitle, cert.courseTitleTranslated);
	if (title.translated) {
		// "Translated title" on one line, "(English title)" under it: the English stays the record.
		drawLine(doc, title.translated, y, { size: 22, weight: 700, maxWidth: 640, minSize: 12 });
		y += 30;
		drawLine(doc, `(${title.english})`, y - 2, {
			size: 14,
			weight: 700,
			color: MUTED,
			maxWidth: 640,
			minSize: 9,
		});
		y += 20;
	} else {
		for (const line of wrap(doc, cert.courseTitle, 22, 700, 640, 2)) {
			drawLine(doc, line, y, { size: 22, weight: 700, maxWidth: 640, minSize: 12 });
			y += 30;
		}
	}
	const hours = `${cert.hours} ${cert.hours === 1 ? 'hour' : 'hours'} of study`;
	drawLine(
		doc,
		`Version ${cert.courseVersion}  ·  ${hours}  ·  Issued ${formatDate(cert.issuedAt)}`,
		y + 6,
		{ size: 12, color: MUTED, maxWidth: 700, minSize: 8 },
	);
	y += 32;
	for (const line of wrap(
		doc,
		`Skills: ${cert.skills.join('  ·  ')}`,
		11,
		400,
		640,
		title.translated ? 2 : 3,
	)) {
		drawLine(doc, line, y, { size: 11, maxWidth: 640, minSize: 7 });
		y += 16;
	}

	// Signature block (left), verification details (middle), QR code (right).
	drawSignatory(doc, siteUrl, branding);
	drawLine(doc, 'Certificate ID', 452, { size: 9, color: MUTED, x: 330 });
	drawLine(doc, cert.id, 465, { size: 10, weight: 700, x: 330 });
	drawLine(doc, 'Check that it is genuine at', 484, { size: 9, color: MUTED, x: 330 });
	drawLine(doc, verifyUrl, 497, { size: 9, color: ACCENT, x: 330, maxWidth: 320, minSize: 6 });
	doc.link(330, 495, 320, 14, verifyUrl);
	drawQrCode(doc, verifyUrl, 680, 420, 100);
	drawLine(doc, 'Scan to verify', 524, { size: 8, color: MUTED, x: 700 });

	doc.end();
	return done;
}

const cache = new Map<string, Promise<Buffer>>();
const CACHE_SIZE = 200;

/**
 * The certificate PDF, from the cache when the same certificate in the same state was drawn before.
 * The key holds everything printed that can change (status, revocation date, replacement).
 */
export function getCertificatePdf(
	cert: PdfCertificate,
	siteUrl: string,
	branding: CertificateBranding = {},
): Promise<Buffer> {
	const key = [
		LAYOUT_VERSION,
		siteUrl,
		cert.id,
		cert.revokedAt?.getTime() ?? '',
		cert.supersededBy ?? '',
		cert.suspendedAt?.getTime() ?? '',
		cert.courseTitleTranslated ?? '',
	].join('|');
	let pdf = cache.get(key);
	if (pdf) {
		cache.delete(key);
	} else {
		pdf = render(cert, siteUrl, branding);
		pdf.catch(() => cache.delete(key));
	}
	cache.set(key, pdf);
	if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
	return pdf;
}

/** Draws the PDF without the cache (for the benchmark). */
export function renderCertificatePdf(
	cert: PdfCertificate,
	siteUrl: string,
	branding: CertificateBranding = {},
): Promise<Buffer> {
	return render(cert, siteUrl, branding);
}
