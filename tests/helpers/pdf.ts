/**
 * Looking inside PDFs the way a person or a client's tool would: the text layer (`pdftotext`), a
 * rendering (`pdftoppm`, poppler-utils), the QR code on the rendering (jsQR), the embedded fonts
 * (`pdffonts`), and glyphs drawn as .notdef (the "tofu" box a missing glyph becomes).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

function toFile(pdf: Buffer): string {
	const file = join(mkdtempSync(join(tmpdir(), 'dakshata-pdf-')), 'doc.pdf');
	writeFileSync(file, pdf);
	return file;
}

/** The PDF's text layer as `pdftotext` gives it. */
export function extractText(pdf: Buffer): string {
	return execFileSync('pdftotext', ['-enc', 'UTF-8', toFile(pdf), '-'], { encoding: 'utf8' });
}

/** The fonts `pdffonts` lists: name and whether each is embedded. */
export function listFonts(pdf: Buffer): Array<{ name: string; embedded: boolean }> {
	const out = execFileSync('pdffonts', [toFile(pdf)], { encoding: 'utf8' });
	return out
		.split('\n')
		.slice(2)
		.filter((l) => l.trim())
		.map((l) => {
			const cols = l.trim().split(/\s+/);
			// name, type words…, encoding, emb, sub, uni, object, id
			return { name: cols[0]!, embedded: cols.at(-5) === 'yes' };
		});
}

/** Renders page 1 to PNG with pdftoppm; `stderr` holds any complaint poppler printed. */
export function renderPage(pdf: Buffer, dpi = 150): { png: PNG; stderr: string } {
	const file = toFile(pdf);
	const out = join(file, '..', 'page');
	const result = spawnSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', file, out], {
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
	return { png: PNG.sync.read(readFileSync(`${out}.png`)), stderr: result.stderr };
}

/** Decodes the QR code on a rendered page, or null. */
export function decodeQr(png: PNG): string | null {
	return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/**
 * How many glyphs the page draws as .notdef (glyph 0). pdfkit writes text as `[<hex gids> …] TJ`
 * with 2-byte glyph ids (Identity-H), and a character the font lacks becomes gid 0000.
 */
export function countNotdefGlyphs(pdf: Buffer): number {
	const raw = pdf.toString('latin1');
	let count = 0;
	for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
		let content: string;
		try {
			content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
		} catch {
			continue;
		}
		for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
			for (const hex of tj[1]!.matchAll(/<([0-9a-fA-F]+)>/g)) {
				for (let i = 0; i + 4 <= hex[1]!.length; i += 4)
					if (hex[1]!.slice(i, i + 4) === '0000') count++;
			}
		}
	}
	return count;
}
