/**
 * xlsx checks on cell contents: values, formulas, number formats, sort order, error values.
 * Cached values are what the application saved when the learner last saved the file (Excel,
 * LibreOffice, Google Sheets and exceljs all write them), so no formula is evaluated here.
 */
import { z } from 'zod';
import type { CheckDefinition } from './types.ts';
import { fail, normaliseText, pass, share, valuesMatch } from './outcome.ts';
import { formatRange, parseRange, type CellRange } from './refs.ts';
import {
	getColumnData,
	getRangeCells,
	getSheet,
	getWorkbook,
	type Sheet,
	type SheetCell,
} from './xlsx-reader.ts';
import { classifyFormat, countDecimals, type FormatCategory } from './number-formats.ts';

const Scalar = z.union([z.string(), z.number(), z.boolean()]);
/** A cell or range reference such as `Summary!B4` or `Data!B2:B20`. */
export const RangeParam = z
	.string()
	.refine((ref) => parseRange(ref) !== null, 'not a cell or range reference');

/** Opens the sheet a reference names (or the first sheet); null when it does not exist. */
export function getRangeSheet(
	file: Parameters<typeof getSheet>[0],
	ref: string,
): { sheet: Sheet; range: CellRange } | null {
	const range = parseRange(ref)!;
	const sheet = getSheet(file, range.sheet);
	return sheet ? { sheet, range } : null;
}

const DAY_MS = 86400000;

/** A date serial as `YYYY-MM-DD` (1900 system with Excel's leap-year bug, or 1904). */
export function serialToIsoDate(serial: number, date1904: boolean): string {
	const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
	return new Date(epoch + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

function cellMatches(
	cell: SheetCell,
	expected: string | number | boolean,
	tolerance: number,
	date1904: boolean,
): boolean {
	if (
		typeof expected === 'string' &&
		/^\d{4}-\d{2}-\d{2}$/.test(expected) &&
		typeof cell.value === 'number'
	) {
		return serialToIsoDate(cell.value, date1904) === expected;
	}
	return valuesMatch(cell.value, expected, tolerance);
}

const ValueParams = z.strictObject({
	/** The cell or range, e.g. `Summary!B4` or `Summary!B4:B7` (row by row). */
	cell: RangeParam,
	/** The value, or one value per cell of the range; `$name` for an attempt value. Dates as `YYYY-MM-DD`. */
	expected: z.union([Scalar, z.array(z.union([z.string(), z.number()]))]),
	/** Allowed difference for numbers. Default 0.005. */
	tolerance: z.number().nonnegative().default(0.005),
	/** Text comparison: `normalised` (case, spacing and Unicode form ignored; default) or `exact`. */
	text: z.enum(['normalised', 'exact']).default('normalised'),
});

const value: CheckDefinition<z.infer<typeof ValueParams>> = {
	type: 'xlsx.value',
	kind: 'xlsx',
	params: ValueParams,
	run({ file }, params) {
		const found = getRangeSheet(file, params.cell);
		const label = formatRange(parseRange(params.cell)!);
		if (!found) return fail('check.sheetMissing', { sheet: parseRange(params.cell)!.sheet ?? '' });
		const cells = getRangeCells(found.sheet, found.range);
		const expected = Array.isArray(params.expected) ? params.expected : [params.expected];
		const { date1904 } = getWorkbook(file);
		const right = cells.map((cell, i) => {
			const want = expected[i];
			if (want === undefined) return false;
			if (params.text === 'exact' && typeof want === 'string' && typeof cell.value === 'string')
				return cell.value === want;
			return cellMatches(cell, want, params.tolerance, date1904);
		});
		if (right.every(Boolean) && cells.length === expected.length) return pass('check.value.pass');
		if (cells.length === 1) {
			return fail(cells[0]!.value === null ? 'check.value.empty' : 'check.value.wrong', {
				cell: label,
			});
		}
		return fail(
			'check.value.partial',
			{ range: label, right: right.filter(Boolean).length, total: cells.length },
			share(right),
		);
	},
};

/** Function names a formula calls, upper-case, without Excel's `_xlfn.`/`_xlws.` or LibreOffice's prefixes. */
export function getFormulaFunctions(formula: string): Set<string> {
	const withoutStrings = formula.replace(/"[^"]*"/g, '""');
	const names = new Set<string>();
	for (const match of withoutStrings.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) {
		names.add(
			match[1]!.toUpperCase().replace(/^(_XLFN\.|_XLWS\.|COM\.MICROSOFT\.|ORG\.OPENOFFICE\.)+/, ''),
		);
	}
	return names;
}

/**
 * Functions a formula must call. Each item is required; an item that is a list, or a string with
 * `|` (`XLOOKUP|VLOOKUP|INDEX`), accepts any one of its functions. Empty: any formula will do.
 */
const FunctionsParam = z.array(z.union([z.string(), z.array(z.string()).min(1)])).default([]);

function getAlternatives(item: string | string[]): string[] {
	return (Array.isArray(item) ? item : item.split('|')).map((name) => name.trim().toUpperCase());
}

function describeFunctions(functions: z.infer<typeof FunctionsParam>): string {
	return functions.map((f) => getAlternatives(f).join(' / ')).join(', ');
}

const FormulaParams = z.strictObject({
	/** The cell, or a range filled with one formula (each cell judged). */
	cell: RangeParam,
	/** Functions the formula must call; an inner list means any one of them (`[[XLOOKUP, VLOOKUP]]`). */
	functions: FunctionsParam,
	/** The right result(s) for this attempt's data, usually `$name`; omitted: any result. */
	expected: z.union([Scalar, z.array(z.union([z.string(), z.number()]))]).optional(),
	/** Allowed difference for numbers. Default 0.005. */
	tolerance: z.number().nonnegative().default(0.005),
});

type FormulaProblem = 'pass' | 'empty' | 'typed' | 'functions' | 'value';

function judgeFormulaCell(
	cell: SheetCell,
	params: z.infer<typeof FormulaParams>,
	expected: string | number | boolean | undefined,
	date1904: boolean,
): FormulaProblem {
	if (cell.formula === null) return cell.value === null ? 'empty' : 'typed';
	const used = getFormulaFunctions(cell.formula);
	const hasAll = params.functions.every((f) => getAlternatives(f).some((name) => used.has(name)));
	if (!hasAll) return 'functions';
	if (expected !== undefined && !cellMatches(cell, expected, params.tolerance, date1904))
		return 'value';
	return 'pass';
}

const formula: CheckDefinition<z.infer<typeof FormulaParams>> = {
	type: 'xlsx.formula',
	kind: 'xlsx',
	params: FormulaParams,
	run({ file }, params) {
		const found = getRangeSheet(file, params.cell);
		if (!found) return fail('check.sheetMissing', { sheet: parseRange(params.cell)!.sheet ?? '' });
		const cells = getRangeCells(found.sheet, found.range);
		const single = params.expected;
		const expected: Array<string | number | boolean | undefined> = Array.isArray(single)
			? single
			: cells.map(() => single);
		const { date1904 } = getWorkbook(file);
		const results = cells.map((cell, i) => judgeFormulaCell(cell, params, expected[i], date1904));
		const firstBad = results.findIndex((result) => result !== 'pass');
		if (firstBad < 0) return pass('check.formula.pass');
		const vars = {
			cell: cells[firstBad]!.ref,
			functions: describeFunctions(params.functions),
			wrong: results.filter((r) => r !== 'pass').length,
			total: cells.length,
		};
		const problem = results[firstBad]!;
		// Without required functions, "a formula using …" would name nothing: say "a formula".
		const key =
			params.functions.length === 0 && (problem === 'typed' || problem === 'empty')
				? `${problem}Any`
				: problem;
		return fail(`check.formula.${key}`, vars, share(results.map((r) => r === 'pass')));
	},
};

const NumberFormatParams = z.strictObject({
	/** The range whose cells must all have the format. */
	range: RangeParam,
	/** Category of number format. */
	category: z.enum(['date', 'time', 'currency', 'percent', 'number', 'text']),
	/** Exact number of decimal places, when the step asks for one. */
	decimals: z.number().int().min(0).max(10).optional(),
});

const numberFormat: CheckDefinition<z.infer<typeof NumberFormatParams>> = {
	type: 'xlsx.number-format',
	kind: 'xlsx',
	params: NumberFormatParams,
	run({ file }, params) {
		const found = getRangeSheet(file, params.range);
		if (!found) return fail('check.sheetMissing', { sheet: parseRange(params.range)!.sheet ?? '' });
		const { formatCodes } = getWorkbook(file);
		const label = formatRange(found.range);
		const cells = getRangeCells(found.sheet, found.range);
		const codes = cells.map((cell) => formatCodes[cell.style] ?? 'General');
		const categoryRight = codes.map(
			(code) => classifyFormat(code) === (params.category as FormatCategory),
		);
		if (!categoryRight.every(Boolean))
			return fail(
				`check.numberFormat.${params.category}`,
				{ range: label },
				share(categoryRight) / 2,
			);
		if (
			params.decimals !== undefined &&
			!codes.every((code) => countDecimals(code) === params.decimals)
		) {
			return fail('check.numberFormat.decimals', { range: label, decimals: params.decimals }, 0.5);
		}
		return pass('check.numberFormat.pass');
	},
};

const SortedParams = z.strictObject({
	/** The data rows (without the header), e.g. `Orders!A2:F41`. */
	range: RangeParam,
	/** Column letter of the sort key, e.g. `D`. */
	column: z.string().regex(/^[A-Za-z]{1,3}$/),
	order: z.enum(['ascending', 'descending']).default('ascending'),
	/**
	 * The data rows as the learner was given them, in any order: one list of values per row, a
	 * value per column of `range` (dates as `YYYY-MM-DD`); usually `$name` for the attempt's data.
	 * Each row of the range must still be one of these rows, so sorting one column alone (which
	 * splits the rows up) fails.
	 */
	rows: z.array(z.array(z.union([z.string(), z.number()]))).min(1),
	/** Allowed difference for numbers in `rows`. Default 0.005. */
	tolerance: z.number().nonnegative().default(0.005),
});

function compareCells(a: SheetCell['value'], b: SheetCell['value']): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return normaliseText(String(a)).localeCompare(normaliseText(String(b)), 'en');
}

type Row = SheetCell[];
type Match = (cell: SheetCell, want: string | number) => boolean;

/** True when every item of `actual` pairs with its own item of `expected` (a multiset match). */
function isPermutation<A, E>(actual: A[], expected: E[], same: (a: A, e: E) => boolean): boolean {
	if (actual.length !== expected.length) return false;
	const pool = [...expected];
	return actual.every((item) => {
		const i = pool.findIndex((want) => same(item, want));
		if (i >= 0) pool.splice(i, 1);
		return i >= 0;
	});
}

/**
 * How the rows of the range relate to the rows the learner was given: `intact` (the same rows, in
 * any order), `split` (each column still holds its own values but rows no longer belong together:
 * one column was sorted alone) or `changed` (values added, lost or edited).
 */
function judgeRowIntegrity(
	rows: Row[],
	want: Array<Array<string | number>>,
	match: Match,
): 'intact' | 'split' | 'changed' {
	const rowMatches = (row: Row, tuple: Array<string | number>) =>
		row.length === tuple.length && row.every((cell, i) => match(cell, tuple[i]!));
	if (isPermutation(rows, want, rowMatches)) return 'intact';
	const columnsKept = rows[0]!.every((_, col) =>
		isPermutation(
			rows.map((row) => row[col]!),
			want.map((tuple) => tuple[col]!),
			(cell, value) => value !== undefined && match(cell, value),
		),
	);
	return columnsKept ? 'split' : 'changed';
}

const sorted: CheckDefinition<z.infer<typeof SortedParams>> = {
	type: 'xlsx.sorted',
	kind: 'xlsx',
	params: SortedParams,
	run({ file }, params) {
		const found = getRangeSheet(file, params.range);
		if (!found) return fail('check.sheetMissing', { sheet: parseRange(params.range)!.sheet ?? '' });
		const { start, end } = found.range;
		const width = end.col - start.col + 1;
		const cells = getRangeCells(found.sheet, found.range);
		const rows: Row[] = Array.from({ length: end.row - start.row + 1 }, (_, i) =>
			cells.slice(i * width, (i + 1) * width),
		);
		const column = params.column.toUpperCase();
		const vars = { column, range: formatRange(found.range) };
		const { date1904 } = getWorkbook(file);
		const integrity = judgeRowIntegrity(rows, params.rows, (cell, want) =>
			cellMatches(cell, want, params.tolerance, date1904),
		);
		if (integrity !== 'intact')
			return fail(
				integrity === 'split' ? 'check.sorted.rowsSplit' : 'check.sorted.rowsChanged',
				vars,
			);
		const keyCol = parseRange(`${column}1`)!.start.col - start.col;
		const values = rows.map((row) => row[keyCol]?.value ?? null);
		const sign = params.order === 'ascending' ? 1 : -1;
		const inOrder = values.every(
			(v, i) =>
				i === 0 ||
				(v !== null && values[i - 1] !== null && sign * compareCells(values[i - 1]!, v) <= 0),
		);
		return inOrder ? pass('check.sorted.pass') : fail(`check.sorted.${params.order}`, vars);
	},
};

const ERROR_VALUES = /^#(REF!|DIV\/0!|N\/A|VALUE!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/;

const NoErrorsParams = z.strictObject({
	/** Sheet to scan; omitted: every sheet. */
	sheet: z.string().optional(),
	/** Range to scan on that sheet; omitted: the whole sheet. */
	range: RangeParam.optional(),
});

const noErrors: CheckDefinition<z.infer<typeof NoErrorsParams>> = {
	type: 'xlsx.no-errors',
	kind: 'xlsx',
	params: NoErrorsParams,
	run({ file }, params) {
		const names = params.sheet
			? [params.sheet]
			: getWorkbook(file).sheets.map((sheet) => sheet.name);
		const bad: string[] = [];
		for (const name of names) {
			const sheet = getSheet(file, name);
			if (!sheet) return fail('check.sheetMissing', { sheet: name });
			const limit = params.range ? parseRange(params.range) : null;
			for (const cell of sheet.cells.values()) {
				if (
					limit &&
					(cell.row < limit.start.row ||
						cell.row > limit.end.row ||
						cell.col < limit.start.col ||
						cell.col > limit.end.col)
				)
					continue;
				const isError =
					cell.error !== null ||
					(typeof cell.value === 'string' && ERROR_VALUES.test(cell.value)) ||
					/#REF!/.test(cell.formula ?? '');
				if (isError) bad.push(names.length > 1 ? `${sheet.name}!${cell.ref}` : cell.ref);
			}
		}
		return bad.length === 0
			? pass('check.noErrors.pass')
			: fail('check.noErrors.found', { count: bad.length, cell: bad[0]! });
	},
};

const ColumnValuesParams = z.strictObject({
	/** Sheet that holds the column. */
	sheet: z.string(),
	/** Header text of the column; its data runs from the cell below down to the first empty cell. */
	column: z.string(),
	/** The values the column must hold, in any order (usually `$name`). */
	expected: z.array(z.union([z.string(), z.number()])),
	/** Allowed difference for numbers. Default 0.005. */
	tolerance: z.number().nonnegative().default(0.005),
});

const columnValues: CheckDefinition<z.infer<typeof ColumnValuesParams>> = {
	type: 'xlsx.column-values',
	kind: 'xlsx',
	params: ColumnValuesParams,
	run({ file }, params) {
		const sheet = getSheet(file, params.sheet);
		const data = sheet ? getColumnData(sheet, params.column) : null;
		if (!data) return fail('check.column.missing', { column: params.column, sheet: params.sheet });
		const pool = [...params.expected];
		let matched = 0;
		for (const cell of data.cells) {
			const i = pool.findIndex((want) => valuesMatch(cell.value, want, params.tolerance));
			if (i >= 0) {
				pool.splice(i, 1);
				matched++;
			}
		}
		const score = matched / Math.max(params.expected.length, data.cells.length, 1);
		return score === 1
			? pass('check.columnValues.pass')
			: fail(
					'check.columnValues.wrong',
					{ column: params.column, count: params.expected.length },
					score,
				);
	},
};

/** Cell-content checks. */
export const XLSX_CELL_CHECKS = [value, formula, numberFormat, sorted, noErrors, columnValues];
