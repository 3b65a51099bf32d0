/**
 * Safe opening of an uploaded Office file, judged by its content, never by its name.
 *
 * Order of judgement:
 * 1. Magic bytes. `D0 CF 11 E0 A1 B1 1A E1` is an OLE compound file (CFB): either a legacy binary
 *    .xls/.doc/.ppt, or a password-protected .xlsx/.docx/.pptx (Office wraps the encrypted package
 *    in CFB with `EncryptionInfo` and `EncryptedPackage` streams). `PK\x03\x04` is a zip. Text with
 *    separators on most lines is a CSV; anything else is not an Office file.
 * 2. The zip is opened by `openZip` with the limits checked from the central directory before any
 *    entry is inflated, and enforced again while inflating (see zip.ts). Only the XML parts
 *    (`.xml`, `.rels`, `.vml`) are inflated now; pictures and other binary entries, which no check
 *    reads, are inflated only if asked for.
 * 3. `[Content_Types].xml` decides the kind: the content type of the main part says .xlsx, .docx or
 *    .pptx (templates and slide shows count as their kind), the macro-enabled variants (.xlsm,
 *    .docm, .pptm…) are refused, as is any package carrying a `vbaProject.bin`. .xlsb is binary and
 *    refused like .xls.
 * 4. Every XML part is refused if it declares a DOCTYPE (no DTD or entity is ever processed), so a
 *    file that opens here can be handed to any XML reader. The DOCTYPE is looked for in the bytes
 *    (`<!DOCTYPE` is ASCII, so this finds exactly what a search of the decoded text finds).
 *
 * Why checks read XML themselves and do not only use exceljs: exceljs reads cells, formulas with
 * their cached values, number formats, validation, conditional formats, views, protection and
 * tables, and the xlsx checks use it for those; it does not read pivot tables, pivot caches or
 * charts at all, and there is no maintained library that reads Word or PowerPoint documents for
 * styles, fields, notes or alt text, so those checks query the XML parts (parsed by `xml.ts`).
 */
import { DEFAULT_LIMITS, openZip, type OpenLimits } from './zip.ts';
import {
	bytesHaveDoctype,
	findAll,
	getAttr,
	getDeepText,
	parseXmlTree,
	type XmlNode,
} from './xml.ts';

export { parseXml } from './xml.ts';
export type { OpenLimits } from './zip.ts';

/** The three kinds of Office file a project can ask for. */
export type OfficeKind = 'xlsx' | 'docx' | 'pptx';

/** Why an upload was not opened (each maps to a learner-facing message by the caller). */
export type OpenRefusal =
	| 'not-office'
	/** .xls/.doc/.ppt (OLE/CFB) or .xlsb */
	| 'legacy-format'
	/** .xlsm/.docm/.pptm and other packages with macros */
	| 'macro-enabled'
	/** password-protected OOXML is a CFB container */
	| 'encrypted'
	| 'csv'
	| 'zip-bomb'
	| 'too-many-entries'
	| 'corrupt';

/** The i18n key of the learner-facing message for each refusal (says how to save correctly). */
export const OPEN_REFUSAL_MESSAGE_KEYS: Record<OpenRefusal, string> = {
	'not-office': 'check.open.notOffice',
	'legacy-format': 'check.open.legacyFormat',
	'macro-enabled': 'check.open.macroEnabled',
	encrypted: 'check.open.encrypted',
	csv: 'check.open.csv',
	'zip-bomb': 'check.open.zipBomb',
	'too-many-entries': 'check.open.tooManyEntries',
	corrupt: 'check.open.corrupt',
};

/** An opened Office file: its kind and every part, uncompressed. */
export interface OfficeFile {
	kind: OfficeKind;
	/**
	 * Uncompressed parts by path (no leading slash, e.g. `xl/workbook.xml`). XML parts are inflated
	 * when the file is opened; binary ones (pictures) on first `get`. List names with `keys()`.
	 */
	parts: ReadonlyMap<string, Uint8Array>;
	/** The part decoded as UTF-8 (decoded once, then remembered), or null when there is no such part. */
	text(path: string): string | null;
	/** custom document property (docProps/custom.xml), or null when absent */
	customProperty(name: string): string | null;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const MAIN_TYPES: Array<[RegExp, OfficeKind | 'macro-enabled' | 'legacy-format']> = [
	[/^application\/vnd\.ms-excel\.sheet\.binary\.macroEnabled\.main/i, 'legacy-format'],
	[/^application\/vnd\.ms-(excel|word|powerpoint)\..*macroEnabled/i, 'macro-enabled'],
	[
		/^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.(sheet|template)\.main\+xml$/i,
		'xlsx',
	],
	[
		/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.(document|template)\.main\+xml$/i,
		'docx',
	],
	[
		/^application\/vnd\.openxmlformats-officedocument\.presentationml\.(presentation|slideshow|template)\.main\+xml$/i,
		'pptx',
	],
];

const rawBytes = new WeakMap<OfficeFile, Uint8Array>();

/** The parts read as XML (and searched for a DOCTYPE) when a file is opened. */
export function isXmlPart(name: string): boolean {
	return /\.(xml|rels|vml)$/i.test(name);
}
const decoder = new TextDecoder();

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
	return magic.every((byte, i) => bytes[i] === byte);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
	const needle = Buffer.from(text, 'utf16le');
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

function sniffText(bytes: Uint8Array): 'csv' | 'not-office' {
	const head = bytes.subarray(0, 8192);
	if (head.includes(0)) return 'not-office';
	const lines = decoder
		.decode(head)
		.split(/\r?\n/)
		.filter((line) => line.trim() !== '')
		.slice(0, 20);
	const separated = lines.filter((line) => /[,;\t|]/.test(line)).length;
	return lines.length > 0 && separated * 2 >= lines.length ? 'csv' : 'not-office';
}

function judgeContentTypes(
	xml: string,
	parts: ReadonlyMap<string, Uint8Array>,
): OfficeKind | 'macro-enabled' | 'legacy-format' | 'not-office' {
	if ([...parts.keys()].some((name) => /(^|\/)vbaProject\.bin$/i.test(name)))
		return 'macro-enabled';
	const root = parseXmlTree(xml);
	for (const override of findAll(root, 'Override')) {
		const type = getAttr(override, 'ContentType') ?? '';
		for (const [pattern, kind] of MAIN_TYPES) if (pattern.test(type)) return kind;
	}
	return 'not-office';
}

function createOfficeFile(kind: OfficeKind, parts: ReadonlyMap<string, Uint8Array>): OfficeFile {
	let custom: Map<string, string> | null = null;
	const texts = new Map<string, string | null>();
	const text = (path: string): string | null => {
		const name = path.replace(/^\/+/, '');
		let decoded = texts.get(name);
		if (decoded === undefined) {
			const part = parts.get(name);
			decoded = part ? decoder.decode(part) : null;
			texts.set(name, decoded);
		}
		return decoded;
	};
	return {
		kind,
		parts,
		text,
		customProperty(name) {
			if (!custom) {
				custom = new Map();
				const xml = text('docProps/custom.xml');
				const root: XmlNode | null = xml ? parseXmlTree(xml) : null;
				for (const property of root ? findAll(root, 'property') : []) {
					custom.set(getAttr(property, 'name') ?? '', getDeepText(property));
				}
			}
			return custom.get(name) ?? null;
		},
	};
}

/**
 * Opens an uploaded file as .xlsx, .docx or .pptx, judged by content, within size limits.
 * Never throws for bad input: every problem is a refusal value.
 * @example
 * const opened = openOfficeFile(bytes);
 * if (!opened.ok) return refuse(opened.refusal);
 */
export function openOfficeFile(
	bytes: Uint8Array,
	limits?: Partial<OpenLimits>,
): { ok: true; file: OfficeFile } | { ok: false; refusal: OpenRefusal } {
	if (startsWith(bytes, CFB_MAGIC)) {
		const encrypted =
			containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo');
		return { ok: false, refusal: encrypted ? 'encrypted' : 'legacy-format' };
	}
	if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, refusal: sniffText(bytes) };
	const zip = openZip(bytes, { ...DEFAULT_LIMITS, ...limits }, isXmlPart);
	if (!zip.ok) return zip;
	const contentTypes = zip.entries.get('[Content_Types].xml');
	if (!contentTypes) return { ok: false, refusal: 'not-office' };
	for (const name of zip.entries.keys()) {
		if (isXmlPart(name) && bytesHaveDoctype(zip.entries.get(name)!)) {
			return { ok: false, refusal: 'corrupt' };
		}
	}
	let kind: ReturnType<typeof judgeContentTypes>;
	try {
		kind = judgeContentTypes(decoder.decode(contentTypes), zip.entries);
	} catch {
		return { ok: false, refusal: 'corrupt' };
	}
	if (kind === 'macro-enabled' || kind === 'legacy-format' || kind === 'not-office')
		return { ok: false, refusal: kind };
	const file = createOfficeFile(kind, zip.entries);
	rawBytes.set(file, bytes);
	return { ok: true, file };
}

/** The bytes an `OfficeFile` was opened from (already judged safe), for readers that want a zip. */
export function getOfficeFileBytes(file: OfficeFile): Uint8Array | null {
	return rawBytes.get(file) ?? null;
}
