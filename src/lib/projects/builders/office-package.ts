/**
 * Shared pieces of the Word and PowerPoint start files. They are written as OOXML by hand and
 * zipped with fflate: the `docx` and `pptxgenjs` packages are development dependencies only (the
 * tests and fixtures use them), and fflate is already a runtime dependency. The parts are the
 * smallest set that Word, PowerPoint, LibreOffice and Google Docs/Slides open without a repair
 * prompt: content types, package relationships, core and app properties, and the document's own
 * parts. The attempt key is stamped afterwards by `stampAttemptKey` (docProps/custom.xml), as for
 * the Excel files. Entry times are fixed so the same attempt always gives the same bytes.
 */
import { deflateSync } from 'node:zlib';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { stampAttemptKey } from './stamp.ts';

/** Escapes text for XML content and attribute values. */
export const esc = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
export const NS_PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A relationships part: `[id, type (last path segment), target]` rows. */
export function relsXml(rels: Array<[string, string, string]>): string {
	return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
		.map(
			([id, type, target]) =>
				`<Relationship Id="${id}" Type="${type.startsWith('http') ? type : `${REL}/${type}`}" Target="${esc(target)}"/>`,
		)
		.join('')}</Relationships>`;
}

/** `[Content_Types].xml` with png/rels/xml defaults and one override per part. */
export function contentTypesXml(overrides: Array<[string, string]>): string {
	return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>${overrides
		.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
		.join(
			'',
		)}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
}

/** Core properties: title, author (the learner) and fixed dates. */
export function corePropsXml(title: string, author: string): string {
	return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(title)}</dc:title><dc:creator>${esc(author)}</dc:creator><cp:lastModifiedBy>Dakshata</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified></cp:coreProperties>`;
}

export function appPropsXml(application: string): string {
	return `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${application}</Application></Properties>`;
}

/** Zips the parts ([Content_Types].xml first) and stamps the attempt key as a custom property. */
export function packageAndStamp(
	parts: Record<string, string | Uint8Array>,
	attemptKey: string,
): Uint8Array {
	const mtime = new Date(2026, 0, 1);
	const zippable: Zippable = {};
	for (const name of [
		'[Content_Types].xml',
		...Object.keys(parts).filter((n) => n !== '[Content_Types].xml'),
	]) {
		const data = parts[name]!;
		zippable[name] = [typeof data === 'string' ? strToU8(data) : data, { mtime }];
	}
	return stampAttemptKey(zipSync(zippable, { level: 6 }), attemptKey);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/**
 * A small PNG in one colour with a lighter band across the middle (a stand-in for a logo or a
 * photo the client will send), made here so no image file ships with the builders.
 */
export function makePng(width: number, height: number, rgb: [number, number, number]): Uint8Array {
	const light = rgb.map((v) => Math.min(255, v + 90)) as [number, number, number];
	const raw = new Uint8Array((width * 3 + 1) * height);
	for (let y = 0; y < height; y++) {
		const band = y > height * 0.4 && y < height * 0.6;
		for (let x = 0; x < width; x++) raw.set(band ? light : rgb, y * (width * 3 + 1) + 1 + x * 3);
	}
	const chunk = (type: string, data: Uint8Array) => {
		const out = new Uint8Array(12 + data.length);
		const view = new DataView(out.buffer);
		view.setUint32(0, data.length);
		out.set(strToU8(type), 4);
		out.set(data, 8);
		view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
		return out;
	};
	const header = new Uint8Array(13);
	const hv = new DataView(header.buffer);
	hv.setUint32(0, width);
	hv.setUint32(4, height);
	header.set([8, 2, 0, 0, 0], 8);
	const parts = [
		new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', new Uint8Array(deflateSync(raw))),
		chunk('IEND', new Uint8Array()),
	];
	const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		png.set(p, at);
		at += p.length;
	}
	return png;
}
