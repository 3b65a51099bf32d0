/**
 * CSV encoding for exports (RFC 4180), made for spreadsheets people open with a double click:
 * - a UTF-8 byte order mark first, so Excel reads Bengali and Devanagari names as UTF-8;
 * - CRLF line ends; every text cell quoted, with inner quotes doubled;
 * - text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
 *   return) gets a leading apostrophe, as OWASP advises against CSV injection: learner names are
 *   typed by learners and must not become formulas on an instructor's computer.
 * Numbers are written as they are; null and undefined as empty cells.
 */
export type CsvCell = string | number | null | undefined;

export const CSV_BOM = '\uFEFF';

/** One cell, quoted and guarded as described above. */
export function encodeCsvCell(cell: CsvCell): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	const guarded = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
	return `"${guarded.replace(/"/g, '""')}"`;
}

/** One line, with its CRLF. */
export function encodeCsvRow(row: readonly CsvCell[]): string {
	return `${row.map(encodeCsvCell).join(',')}\r\n`;
}

/** A whole document: BOM, header and rows. */
export function encodeCsv(
	header: readonly string[],
	rows: readonly (readonly CsvCell[])[],
): string {
	return CSV_BOM + encodeCsvRow(header) + rows.map(encodeCsvRow).join('');
}

/** A file name safe for a Content-Disposition header, e.g. `excel-learners-2026-11-23.csv`. */
export function getCsvFileName(courseSlug: string, what: string, now: Date): string {
	return `${courseSlug}-${what}-${now.toISOString().slice(0, 10)}.csv`.replace(
		/[^a-z0-9.-]/gi,
		'-',
	);
}
