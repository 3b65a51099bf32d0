/**
 * A small reader of the SpreadsheetML parts the xlsx checks need, over an already opened file.
 *
 * Why XML and not exceljs (which reads most of these features): measured here, exceljs takes
 * 65–130 ms to load even a 200-row workbook, against the grader's goal of p99 ≤ 100 ms per file,
 * and it expands every data-validation range into one object per cell, so a list validation on a
 * whole column (`C1:C1048576`, which Excel users and Google Sheets often write) took 6 s. It also
 * does not read pivot tables, pivot caches or charts at all. Reading the parts directly is a few
 * milliseconds, keeps ranges as ranges, and gives every check the same view of the file whichever
 * application wrote it. exceljs stays the tool for writing start files and fixtures.
 *
 * Parsed parts are cached per `OfficeFile`, so many checks on one upload parse each part once.
 */
import type { OfficeFile } from '../ooxml.ts';
import {
	findAll,
	findFirst,
	getAttr,
	getChild,
	getChildren,
	getDeepText,
	parseXmlTree,
	type XmlNode,
} from '../xml.ts';
import { formatRef, parseCellRef, type CellRange } from './refs.ts';

/** One cell as saved: its formula (if any) and the value the application cached. */
export interface SheetCell {
	ref: string;
	row: number;
	col: number;
	/** Formula text without the leading `=`; for a shared formula's follower, the leader's text. */
	formula: string | null;
	/** Cached value: number, text, boolean, or null when empty. */
	value: string | number | boolean | null;
	/** Error value such as `#REF!`, when the cell holds one. */
	error: string | null;
	/** Index into the workbook's cell formats (`cellXfs`). */
	style: number;
}

/** A worksheet: its name, part path, parsed XML and cells by reference (`B4`). */
export interface Sheet {
	name: string;
	path: string;
	root: XmlNode;
	cells: Map<string, SheetCell>;
}

/** Workbook-level facts: sheets, number formats and protection by cell format. */
export interface Workbook {
	sheets: Array<{ name: string; path: string }>;
	/** Number format code of each cell format index. */
	formatCodes: string[];
	/** Whether each cell format locks its cells when the sheet is protected. */
	locked: boolean[];
	/** True when dates count from 1904 (old Mac Excel). */
	date1904: boolean;
	definedNames: Map<string, string>;
}

const BUILTIN_FORMATS: Record<number, string> = {
	0: 'General',
	1: '0',
	2: '0.00',
	3: '#,##0',
	4: '#,##0.00',
	5: '"$"#,##0_);("$"#,##0)',
	6: '"$"#,##0_);[Red]("$"#,##0)',
	7: '"$"#,##0.00_);("$"#,##0.00)',
	8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
	9: '0%',
	10: '0.00%',
	11: '0.00E+00',
	12: '# ?/?',
	13: '# ??/??',
	14: 'mm-dd-yy',
	15: 'd-mmm-yy',
	16: 'd-mmm',
	17: 'mmm-yy',
	18: 'h:mm AM/PM',
	19: 'h:mm:ss AM/PM',
	20: 'h:mm',
	21: 'h:mm:ss',
	22: 'm/d/yy h:mm',
	37: '#,##0 ;(#,##0)',
	38: '#,##0 ;[Red](#,##0)',
	39: '#,##0.00;(#,##0.00)',
	40: '#,##0.00;[Red](#,##0.00)',
	41: '_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)',
	42: '_("$"* #,##0_);_("$"* (#,##0);_("$"* "-"_);_(@_)',
	43: '_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)',
	44: '_("$"* #,##0.00_);_("$"* (#,##0.00);_("$"* "-"??_);_(@_)',
	45: 'mm:ss',
	46: '[h]:mm:ss',
	47: 'mmss.0',
	48: '##0.0E+0',
	49: '@',
};

const xmlCache = new WeakMap<OfficeFile, Map<string, XmlNode | null>>();
const workbookCache = new WeakMap<OfficeFile, Workbook>();
const sheetCache = new WeakMap<OfficeFile, Map<string, Sheet>>();
const sharedStringsCache = new WeakMap<OfficeFile, string[]>();
const relsCache = new WeakMap<
	OfficeFile,
	Map<string, Map<string, { target: string; type: string }>>
>();

/** The part parsed (cached), or null when the package has no such part. */
export function getPartXml(file: OfficeFile, path: string): XmlNode | null {
	let cache = xmlCache.get(file);
	if (!cache) xmlCache.set(file, (cache = new Map()));
	if (!cache.has(path)) {
		const text = file.text(path);
		cache.set(path, text === null ? null : parseXmlTree(text));
	}
	return cache.get(path)!;
}

/** Resolves a relationship target against the folder of the part that refers to it. */
export function resolveTarget(fromPart: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const parts = fromPart.split('/').slice(0, -1);
	for (const piece of target.split('/')) {
		if (piece === '..') parts.pop();
		else if (piece !== '.') parts.push(piece);
	}
	return parts.join('/');
}

/**
 * The relationships of a part: id → { target part path, type }. Read once per part and file; the
 * map is shared by every caller, so do not change it.
 */
export function getRels(
	file: OfficeFile,
	part: string,
): Map<string, { target: string; type: string }> {
	let cache = relsCache.get(file);
	if (!cache) relsCache.set(file, (cache = new Map()));
	let rels = cache.get(part);
	if (!rels) cache.set(part, (rels = readRels(file, part)));
	return rels;
}

function readRels(file: OfficeFile, part: string): Map<string, { target: string; type: string }> {
	const slash = part.lastIndexOf('/');
	const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
	const root = getPartXml(file, relsPath);
	const rels = new Map<string, { target: string; type: string }>();
	for (const rel of root ? getChildren(root, 'Relationship') : []) {
		if (getAttr(rel, 'TargetMode') === 'External') continue;
		rels.set(getAttr(rel, 'Id') ?? '', {
			target: resolveTarget(part, getAttr(rel, 'Target') ?? ''),
			type: (getAttr(rel, 'Type') ?? '').replace(/^.*\//, ''),
		});
	}
	return rels;
}

/** Workbook facts (sheets in tab order, formats, protection, defined names). */
export function getWorkbook(file: OfficeFile): Workbook {
	const cached = workbookCache.get(file);
	if (cached) return cached;
	const root = getPartXml(file, 'xl/workbook.xml');
	if (!root) throw new Error('The workbook has no xl/workbook.xml part.');
	const rels = getRels(file, 'xl/workbook.xml');
	const sheets = findAll(root, 'sheet')
		.map((sheet) => ({
			name: getAttr(sheet, 'name') ?? '',
			path: rels.get(getAttr(sheet, 'r:id') ?? '')?.target ?? '',
		}))
		.filter((sheet) => sheet.path.includes('worksheets/'));
	const styles = getPartXml(file, 'xl/styles.xml');
	const custom = new Map<number, string>();
	for (const format of styles ? findAll(styles, 'numFmt') : []) {
		custom.set(Number(getAttr(format, 'numFmtId')), getAttr(format, 'formatCode') ?? '');
	}
	const xfs = styles ? getChildren(getChild(styles, 'cellXfs') ?? styles, 'xf') : [];
	const workbook: Workbook = {
		sheets,
		formatCodes: xfs.map((xf) => {
			const id = Number(getAttr(xf, 'numFmtId') ?? 0);
			return custom.get(id) ?? BUILTIN_FORMATS[id] ?? 'General';
		}),
		locked: xfs.map(
			(xf) => !/^(0|false)$/.test(getAttr(getChild(xf, 'protection') ?? xf, 'locked') ?? '1'),
		),
		date1904: /^(1|true)$/.test(getAttr(findFirst(root, 'workbookPr') ?? root, 'date1904') ?? ''),
		definedNames: new Map(
			findAll(root, 'definedName').map((name) => [getAttr(name, 'name') ?? '', getDeepText(name)]),
		),
	};
	workbookCache.set(file, workbook);
	return workbook;
}

function readCells(root: XmlNode, sharedStrings: string[]): Map<string, SheetCell> {
	const cells = new Map<string, SheetCell>();
	const shared = new Map<string, string>();
	for (const row of findAll(root, 'row')) {
		let nextCol = 1;
		for (const c of getChildren(row, 'c')) {
			const position = parseCellRef(getAttr(c, 'r') ?? '') ?? {
				row: Number(getAttr(row, 'r')),
				col: nextCol,
			};
			nextCol = position.col + 1;
			const f = getChild(c, 'f');
			let formula = f ? f.text : null;
			const si = f ? getAttr(f, 'si') : undefined;
			if (f && si !== undefined) {
				if (f.text) shared.set(si, f.text);
				else formula = shared.get(si) ?? '';
			}
			const type = getAttr(c, 't') ?? 'n';
			const raw = getChild(c, 'v')?.text ?? null;
			let value: SheetCell['value'] = null;
			let error: string | null = null;
			if (type === 's' && raw !== null) value = sharedStrings[Number(raw)] ?? '';
			else if (type === 'inlineStr') value = getDeepText(getChild(c, 'is') ?? c);
			else if (type === 'str' && raw !== null) value = raw;
			else if (type === 'b' && raw !== null) value = raw === '1' || raw === 'true';
			else if (type === 'e') error = raw;
			else if (raw !== null && raw !== '') value = Number(raw);
			const ref = formatRef(position);
			const style = Number(getAttr(c, 's') ?? 0);
			cells.set(ref, { ref, ...position, formula, value, error, style });
		}
	}
	return cells;
}

/**
 * A worksheet by name (case-insensitive), or the first worksheet when no name is given.
 * Returns null when the workbook has no such sheet.
 */
export function getSheet(file: OfficeFile, name?: string): Sheet | null {
	const workbook = getWorkbook(file);
	const entry = name
		? workbook.sheets.find((sheet) => sheet.name.trim().toLowerCase() === name.trim().toLowerCase())
		: workbook.sheets[0];
	if (!entry) return null;
	let cache = sheetCache.get(file);
	if (!cache) sheetCache.set(file, (cache = new Map()));
	const hit = cache.get(entry.path);
	if (hit) return hit;
	const root = getPartXml(file, entry.path);
	if (!root) return null;
	const sheet: Sheet = {
		name: entry.name,
		path: entry.path,
		root,
		cells: readCells(root, getSharedStrings(file)),
	};
	cache.set(entry.path, sheet);
	return sheet;
}

/** The workbook's shared strings (read once per file, whichever sheets are read). */
function getSharedStrings(file: OfficeFile): string[] {
	let strings = sharedStringsCache.get(file);
	if (!strings) {
		const root = getPartXml(file, 'xl/sharedStrings.xml');
		strings = root ? getChildren(root, 'si').map(getDeepTextOfT) : [];
		sharedStringsCache.set(file, strings);
	}
	return strings;
}

/**
 * Text of a shared string: the `t` elements in document order, except those directly inside a
 * phonetic `rPh` run. One walk (it used to search the string's `rPh` runs again for every `t`).
 */
function getDeepTextOfT(si: XmlNode): string {
	let text = '';
	const walk = (node: XmlNode) => {
		for (const child of node.children) {
			if (child.name === 't' && node.name !== 'rPh') text += child.text;
			walk(child);
		}
	};
	walk(si);
	return text;
}

/** The cells of a range in row-major order (missing cells as empty placeholders). */
export function getRangeCells(sheet: Sheet, range: CellRange): SheetCell[] {
	const out: SheetCell[] = [];
	for (let row = range.start.row; row <= range.end.row; row++) {
		for (let col = range.start.col; col <= range.end.col; col++) {
			const ref = formatRef({ row, col });
			out.push(
				sheet.cells.get(ref) ?? {
					ref,
					row,
					col,
					formula: null,
					value: null,
					error: null,
					style: 0,
				},
			);
		}
	}
	return out;
}

/**
 * A column found by its header text (the first cell, row by row, whose text is the header), with
 * the cells below it down to the first empty one.
 */
export function getColumnData(
	sheet: Sheet,
	header: string,
): { col: number; row: number; cells: SheetCell[] } | null {
	const want = header.normalize('NFC').trim().toLowerCase();
	const head = [...sheet.cells.values()].find(
		(cell) =>
			typeof cell.value === 'string' && cell.value.normalize('NFC').trim().toLowerCase() === want,
	);
	if (!head) return null;
	const cells: SheetCell[] = [];
	for (let row = head.row + 1; ; row++) {
		const cell = sheet.cells.get(formatRef({ row, col: head.col }));
		if (!cell || cell.value === null || cell.value === '') break;
		cells.push(cell);
	}
	return { col: head.col, row: head.row, cells };
}
