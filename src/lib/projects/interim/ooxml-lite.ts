/**
 * A small stand-in for the safe Office-file opener (`openOfficeFile` in src/lib/projects/ooxml.ts,
 * owned by the check library's branch), with the same signature, so the grading engine works end
 * to end before that module lands. Judged by content, never by file name:
 * - OLE/CFB containers are old binary formats (.xls/.doc/.ppt) or password-protected OOXML;
 * - a zip is opened only after its central directory passes the limits (total uncompressed size,
 *   entry count, per-entry compression ratio); inflation writes into a buffer of the declared size,
 *   so an entry that lies about its size cannot grow;
 * - macro-enabled packages (.xlsm/.docm/.pptm) are refused, and so is any XML part with a DOCTYPE
 *   (no DTDs, no external entities are ever processed).
 */
import { strFromU8, unzipSync } from 'fflate';

export type OfficeKind = 'xlsx' | 'docx' | 'pptx';
export type OpenRefusal = 'not-office' | 'legacy-format' | 'macro-enabled' | 'encrypted' | 'csv' | 'zip-bomb' | 'too-many-entries' | 'corrupt';

export interface OpenLimits {
	maxTotalBytes: number;
	maxEntries: number;
	maxRatio: number;
}

export interface OfficeFile {
	kind: OfficeKind;
	parts: Map<string, Uint8Array>;
	text(path: string): string | null;
	customProperty(name: string): string | null;
}

const DEFAULT_LIMITS: OpenLimits = { maxTotalBytes: 100 * 1024 * 1024, maxEntries: 2000, maxRatio: 200 };

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

function judgeNonZip(bytes: Uint8Array): OpenRefusal {
	if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
		const utf16 = Buffer.from('EncryptionInfo', 'utf16le');
		return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(utf16) ? 'encrypted' : 'legacy-format';
	}
	const head = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
	if (!/[\u0000-\u0008\u000e-\u001f]/.test(head) && /[,;\t]/.test(head) && /\n/.test(head)) return 'csv';
	return 'not-office';
}

/** Opens an uploaded Office file safely, or says why not. */
export function openOfficeFile(bytes: Uint8Array, limits: Partial<OpenLimits> = {}): { ok: true; file: OfficeFile } | { ok: false; refusal: OpenRefusal } {
	const lim = { ...DEFAULT_LIMITS, ...limits };
	if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, refusal: judgeNonZip(bytes) };
	let entries = 0;
	let total = 0;
	let bomb = false;
	try {
		unzipSync(bytes, {
			filter: (info) => {
				entries++;
				total += info.originalSize;
				if (info.size > 0 ? info.originalSize / info.size > lim.maxRatio && info.originalSize > 1024 * 1024 : info.originalSize > 0) bomb = true;
				return false;
			},
		});
	} catch {
		return { ok: false, refusal: 'corrupt' };
	}
	if (entries > lim.maxEntries) return { ok: false, refusal: 'too-many-entries' };
	if (bomb || total > lim.maxTotalBytes) return { ok: false, refusal: 'zip-bomb' };
	let raw: Record<string, Uint8Array>;
	try {
		raw = unzipSync(bytes);
	} catch {
		return { ok: false, refusal: 'corrupt' };
	}
	const parts = new Map(Object.entries(raw));
	const text = (path: string) => {
		const p = parts.get(path.replace(/^\//, ''));
		return p ? strFromU8(p) : null;
	};
	const types = text('[Content_Types].xml');
	if (!types) return { ok: false, refusal: 'not-office' };
	if (/macroEnabled/i.test(types) || [...parts.keys()].some((k) => /vbaProject\.bin$/i.test(k))) return { ok: false, refusal: 'macro-enabled' };
	for (const [name] of parts) if (/\.(xml|rels)$/i.test(name) && /<!DOCTYPE/i.test(text(name)!)) return { ok: false, refusal: 'corrupt' };
	const kind: OfficeKind | null = parts.has('xl/workbook.xml') ? 'xlsx' : parts.has('word/document.xml') ? 'docx' : parts.has('ppt/presentation.xml') ? 'pptx' : null;
	if (!kind) return { ok: false, refusal: 'not-office' };
	const customProperty = (name: string) => {
		const xml = text('docProps/custom.xml');
		if (!xml) return null;
		const m = new RegExp(`<property[^>]*name="${name}"[^>]*>\\s*<vt:lpwstr>([^<]*)</vt:lpwstr>`).exec(xml);
		return m ? decodeXml(m[1]!) : null;
	};
	return { ok: true, file: { kind, parts, text, customProperty } };
}

/** XML text with the five predefined entities and numeric references decoded. */
export function decodeXml(s: string): string {
	return s
		.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
		.replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}
