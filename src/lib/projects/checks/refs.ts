/**
 * A1-style references: `B4`, `$B$4`, `Summary!B2:B10`, `'March sales'!A:A`, `A1:C3 E5` (sqref lists).
 */

/** A cell position, 1-based. */
export interface CellPosition {
	row: number;
	col: number;
}

/** A rectangular range, optionally on a named sheet. */
export interface CellRange {
	sheet?: string;
	start: CellPosition;
	end: CellPosition;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** Column letters to number (`A` → 1, `AA` → 27). */
export function columnToNumber(letters: string): number {
	let n = 0;
	for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
	return n;
}

/** Column number to letters (1 → `A`). */
export function numberToColumn(n: number): string {
	let s = '';
	for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
		s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
	return s;
}

/** `B4` from a position. */
export function formatRef(position: CellPosition): string {
	return `${numberToColumn(position.col)}${position.row}`;
}

/** Parses `B4` or `$B$4`; null when it is not a cell reference. */
export function parseCellRef(ref: string): CellPosition | null {
	const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
	return match ? { col: columnToNumber(match[1]!), row: Number(match[2]) } : null;
}

function parseEnd(text: string, isStart: boolean): CellPosition | null {
	const cell = parseCellRef(text);
	if (cell) return cell;
	const column = /^\$?([A-Za-z]{1,3})$/.exec(text);
	if (column) return { col: columnToNumber(column[1]!), row: isStart ? 1 : MAX_ROW };
	const row = /^\$?(\d{1,7})$/.exec(text);
	if (row) return { row: Number(row[1]), col: isStart ? 1 : MAX_COL };
	return null;
}

/** Splits `'My sheet'!A1:B2` into the sheet name (quotes undone) and the address. */
export function splitSheet(ref: string): { sheet?: string; address: string } {
	const bang = ref.lastIndexOf('!');
	if (bang < 0) return { address: ref.trim() };
	let sheet = ref.slice(0, bang).trim();
	if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
	return { sheet, address: ref.slice(bang + 1).trim() };
}

/** Parses a cell, range, whole-column or whole-row reference; null when it is none of them. */
export function parseRange(ref: string): CellRange | null {
	const { sheet, address } = splitSheet(ref);
	const [a, b = a] = address.split(':');
	const start = parseEnd(a ?? '', true);
	const end = parseEnd(b ?? '', false);
	if (!start || !end) return null;
	return {
		...(sheet !== undefined ? { sheet } : {}),
		start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
		end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
	};
}

/** Parses a space-separated list of ranges (an `sqref` attribute); invalid pieces are skipped. */
export function parseSqref(sqref: string): CellRange[] {
	return sqref
		.split(/\s+/)
		.filter(Boolean)
		.map(parseRange)
		.filter((range): range is CellRange => range !== null);
}

/** True when the position lies inside the range. */
export function rangeContains(range: CellRange, position: CellPosition): boolean {
	return (
		position.row >= range.start.row &&
		position.row <= range.end.row &&
		position.col >= range.start.col &&
		position.col <= range.end.col
	);
}

/** True when every cell of `inner` lies in one of `outers`. Counts cells only for small ranges. */
export function rangesCover(outers: CellRange[], inner: CellRange): boolean {
	if (outers.some((outer) => rangeContains(outer, inner.start) && rangeContains(outer, inner.end)))
		return true;
	const cells = (inner.end.row - inner.start.row + 1) * (inner.end.col - inner.start.col + 1);
	if (cells > 100000) return false;
	for (let row = inner.start.row; row <= inner.end.row; row++) {
		for (let col = inner.start.col; col <= inner.end.col; col++) {
			if (!outers.some((outer) => rangeContains(outer, { row, col }))) return false;
		}
	}
	return true;
}

/** `A1:B2` (no sheet) for messages. */
export function formatRange(range: CellRange): string {
	const a = formatRef(range.start);
	const b = formatRef(range.end);
	return a === b ? a : `${a}:${b}`;
}
