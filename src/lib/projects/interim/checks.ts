/**
 * Interim checks for .xlsx files, in the shape of the check library's registry (`CHECKS`,
 * `runCheck`), so projects grade end to end before the full library lands. Each check returns a
 * share of the step's points (0–1) and a message that says what was expected, never the answer.
 *
 * Parameters that name expected values start with `$` and are looked up in the attempt's values.
 */
import { z } from 'astro/zod';
import type { CheckMessage, ExpectedValues } from '../types.ts';
import type { OfficeFile, OfficeKind } from './ooxml-lite.ts';
import { expandRange, findSheet, readCharts, readListValidations, readPivots, readSheets, readTables, splitRef, type Cell, type Sheet } from './xlsx-read.ts';

export interface CheckContext {
	file: OfficeFile;
	expected: ExpectedValues;
}
export interface CheckOutcome {
	score: number;
	message: CheckMessage;
}
export interface CheckDefinition<P> {
	type: string;
	kind: OfficeKind;
	params: z.ZodType<P>;
	run(ctx: CheckContext, params: P): CheckOutcome | Promise<CheckOutcome>;
}

type Scalar = string | number | boolean;
const Expected = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]);

function resolve(ctx: CheckContext, value: unknown): unknown {
	if (typeof value === 'string' && value.startsWith('$')) {
		const v = ctx.expected[value.slice(1)];
		if (v === undefined) throw new Error(`no expected value named ${value}`);
		return v;
	}
	return value;
}

const sheetsCache = new WeakMap<OfficeFile, Sheet[]>();
function sheetsOf(file: OfficeFile): Sheet[] {
	let s = sheetsCache.get(file);
	if (!s) sheetsCache.set(file, (s = readSheets(file)));
	return s;
}

/** Cells of a reference such as `Summary!B2:B5` (missing cells as empty). */
function cellsOf(file: OfficeFile, ref: string): { sheet: Sheet | undefined; cells: Cell[] } {
	const { sheet: name, range } = splitRef(ref);
	const sheet = name ? findSheet(sheetsOf(file), name) : sheetsOf(file)[0];
	return { sheet, cells: expandRange(range).map((r) => sheet?.cells.get(r) ?? { ref: r, formula: null, value: null }) };
}

function same(actual: Cell['value'], expected: Scalar, tolerance: number, text: 'exact' | 'normalised'): boolean {
	if (typeof expected === 'number') {
		const n = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : NaN;
		return Number.isFinite(n) && Math.abs(n - expected) <= tolerance;
	}
	if (typeof expected === 'boolean') return actual === expected;
	const a = actual === null ? '' : String(actual);
	return text === 'exact' ? a === expected : a.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase() === expected.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const listOf = (v: unknown, n: number): Scalar[] => (Array.isArray(v) ? (v as Scalar[]) : Array.from({ length: n }, () => v as Scalar));
const ok = (key: string, vars?: Record<string, string | number>): CheckOutcome => ({ score: 1, message: { key, vars } });
const share = (n: number, of: number) => (of === 0 ? 0 : n / of);

const FormulaParams = z.strictObject({
	/** Cell or range, e.g. `Orders!F2:F31`. */
	cell: z.string(),
	/** Functions the formula must use; `A|B` accepts either (e.g. `XLOOKUP|VLOOKUP|INDEX`). */
	functions: z.array(z.string()).default([]),
	/** The value for this attempt's data: a constant, a `$name`, or a list for a range. */
	expected: Expected,
	/** Absolute tolerance for numbers. Default 0.01. */
	tolerance: z.number().min(0).default(0.01),
});

const ValueParams = z.strictObject({
	cell: z.string(),
	expected: Expected,
	tolerance: z.number().min(0).default(0.01),
	/** `normalised` (default: case and spacing ignored) or `exact`. */
	text: z.enum(['exact', 'normalised']).default('normalised'),
});

const TableParams = z.strictObject({
	/** Sheet that holds the table. */
	sheet: z.string(),
	/** Header texts the table must have. */
	columns: z.array(z.string()).default([]),
	/** Exact number of data rows (a number or `$name`). */
	rows: z.union([z.number().int().min(0), z.string()]).optional(),
});

const ColumnValuesParams = z.strictObject({
	sheet: z.string(),
	/** Header text of the column. */
	column: z.string(),
	/** The values the column must hold, in any order (`$name` or a list). */
	expected: Expected,
});

const ValidationListParams = z.strictObject({
	sheet: z.string(),
	/** Header text of the column whose data cells need the drop-down. */
	column: z.string(),
	/** The list's items, in any order. */
	items: z.array(z.string()).min(1),
});

const PivotParams = z.strictObject({
	rows: z.array(z.string()).min(1),
	columns: z.array(z.string()).default([]),
	values: z.array(z.strictObject({ field: z.string(), aggregation: z.enum(['sum', 'count', 'average', 'max', 'min']).default('sum') })).min(1),
});

const ChartParams = z.strictObject({
	/** Accepted chart types: column, bar, line, pie, doughnut, area, scatter. */
	types: z.array(z.string()).min(1),
	/** Whether the chart needs a title. Default true. */
	title: z.boolean().default(true),
});

/** Header → column letter on a sheet (first row that holds the header). */
function findColumn(sheet: Sheet, header: string): { col: string; row: number } | null {
	for (const cell of sheet.cells.values()) {
		if (typeof cell.value === 'string' && cell.value.trim().toLowerCase() === header.toLowerCase()) {
			const m = /^([A-Z]+)(\d+)$/.exec(cell.ref)!;
			return { col: m[1]!, row: Number(m[2]) };
		}
	}
	return null;
}

function columnData(sheet: Sheet, header: string): { col: string; row: number; values: Cell[] } | null {
	const at = findColumn(sheet, header);
	if (!at) return null;
	const values: Cell[] = [];
	for (let r = at.row + 1; ; r++) {
		const c = sheet.cells.get(`${at.col}${r}`);
		if (!c || c.value === null || c.value === '') break;
		values.push(c);
	}
	return { ...at, values };
}

export const CHECKS: Record<string, CheckDefinition<any>> = {
	'xlsx.formula': {
		type: 'xlsx.formula',
		kind: 'xlsx',
		params: FormulaParams,
		run(ctx, p: z.infer<typeof FormulaParams>) {
			const { cells } = cellsOf(ctx.file, p.cell);
			const expected = listOf(resolve(ctx, p.expected), cells.length);
			let right = 0;
			let firstProblem: CheckMessage | null = null;
			cells.forEach((c, i) => {
				const f = c.formula?.toUpperCase() ?? '';
				const missingFn = p.functions.find((alts) => !alts.split('|').some((fn) => new RegExp(`(^|[^A-Z0-9_.])(_XLFN\\.)?(_XLWS\\.)?${fn.toUpperCase()}\\s*\\(`).test(f)));
				if (!c.formula) firstProblem ??= { key: 'project.check.formulaMissing', vars: { cell: c.ref } };
				else if (missingFn) firstProblem ??= { key: 'project.check.formulaFunction', vars: { cell: c.ref, functions: missingFn.split('|').join(' / ') } };
				else if (!same(c.value, expected[i]!, p.tolerance, 'normalised')) firstProblem ??= { key: 'project.check.formulaValue', vars: { cell: c.ref } };
				else right++;
			});
			return firstProblem ? { score: share(right, cells.length), message: firstProblem } : ok('project.check.ok');
		},
	},
	'xlsx.value': {
		type: 'xlsx.value',
		kind: 'xlsx',
		params: ValueParams,
		run(ctx, p: z.infer<typeof ValueParams>) {
			const { cells } = cellsOf(ctx.file, p.cell);
			const expected = listOf(resolve(ctx, p.expected), cells.length);
			const wrong = cells.filter((c, i) => !same(c.value, expected[i]!, p.tolerance, p.text));
			return wrong.length === 0 ? ok('project.check.ok') : { score: share(cells.length - wrong.length, cells.length), message: { key: 'project.check.value', vars: { cell: wrong[0]!.ref } } };
		},
	},
	'xlsx.table': {
		type: 'xlsx.table',
		kind: 'xlsx',
		params: TableParams,
		run(ctx, p: z.infer<typeof TableParams>) {
			const sheet = findSheet(sheetsOf(ctx.file), p.sheet);
			const tables = sheet ? readTables(ctx.file, sheet) : [];
			if (tables.length === 0) return { score: 0, message: { key: 'project.check.tableMissing', vars: { sheet: p.sheet } } };
			const t = tables[0]!;
			const headers = t.columns.map((c) => c.trim().toLowerCase());
			const missing = p.columns.filter((c) => !headers.includes(c.toLowerCase()));
			if (!t.headerRow || missing.length > 0) return { score: 0.5, message: { key: 'project.check.tableColumns', vars: { columns: missing.join(', ') || p.columns.join(', ') } } };
			if (p.rows !== undefined) {
				const want = Number(resolve(ctx, p.rows));
				const [a, b] = t.ref.split(':');
				const have = Number(/\d+$/.exec(b ?? a!)![0]) - Number(/\d+$/.exec(a!)![0]);
				if (have !== want) return { score: 0.5, message: { key: 'project.check.tableRows', vars: { count: want } } };
			}
			return ok('project.check.ok');
		},
	},
	'xlsx.column-values': {
		type: 'xlsx.column-values',
		kind: 'xlsx',
		params: ColumnValuesParams,
		run(ctx, p: z.infer<typeof ColumnValuesParams>) {
			const sheet = findSheet(sheetsOf(ctx.file), p.sheet);
			const data = sheet ? columnData(sheet, p.column) : null;
			if (!data) return { score: 0, message: { key: 'project.check.columnMissing', vars: { column: p.column, sheet: p.sheet } } };
			const want = (resolve(ctx, p.expected) as Scalar[]).map(String);
			const have = data.values.map((c) => String(c.value));
			const pool = [...want];
			let matched = 0;
			for (const h of have) {
				const i = pool.indexOf(h);
				if (i >= 0) {
					pool.splice(i, 1);
					matched++;
				}
			}
			const score = share(matched, Math.max(want.length, have.length));
			return score === 1 ? ok('project.check.ok') : { score, message: { key: 'project.check.columnValues', vars: { column: p.column, count: want.length } } };
		},
	},
	'xlsx.validation-list': {
		type: 'xlsx.validation-list',
		kind: 'xlsx',
		params: ValidationListParams,
		run(ctx, p: z.infer<typeof ValidationListParams>) {
			const sheets = sheetsOf(ctx.file);
			const sheet = findSheet(sheets, p.sheet);
			const data = sheet ? columnData(sheet, p.column) : null;
			if (!sheet || !data) return { score: 0, message: { key: 'project.check.columnMissing', vars: { column: p.column, sheet: p.sheet } } };
			const need = data.values.map((c) => c.ref);
			const want = p.items.map((s) => s.toLowerCase()).sort();
			for (const v of readListValidations(sheet)) {
				const covered = new Set(v.sqref.flatMap((r) => expandRange(r)));
				if (!need.every((r) => covered.has(r))) continue;
				let items = v.items;
				if (!items) {
					const { cells } = cellsOf(ctx.file, v.source.replace(/^=/, '').includes('!') ? v.source.replace(/^=/, '') : `${p.sheet}!${v.source.replace(/^=/, '')}`);
					items = cells.map((c) => String(c.value ?? '')).filter(Boolean);
				}
				if (JSON.stringify(items.map((s) => s.toLowerCase()).sort()) === JSON.stringify(want)) return ok('project.check.ok');
				return { score: 0.5, message: { key: 'project.check.validationItems', vars: { column: p.column } } };
			}
			return { score: 0, message: { key: 'project.check.validationMissing', vars: { column: p.column } } };
		},
	},
	'xlsx.pivot': {
		type: 'xlsx.pivot',
		kind: 'xlsx',
		params: PivotParams,
		run(ctx, p: z.infer<typeof PivotParams>) {
			const pivots = readPivots(ctx.file);
			if (pivots.length === 0) return { score: 0, message: { key: 'project.check.pivotMissing' } };
			const eq = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i]!.toLowerCase());
			for (const pv of pivots) {
				const rowsOk = eq(pv.rows, p.rows);
				const colsOk = eq(pv.columns, p.columns);
				const valuesOk = p.values.every((v) => pv.data.some((d) => d.field.toLowerCase() === v.field.toLowerCase() && d.aggregation === v.aggregation));
				if (rowsOk && colsOk && valuesOk) return ok('project.check.ok');
			}
			return { score: 0.5, message: { key: 'project.check.pivotFields', vars: { rows: p.rows.join(', '), values: p.values.map((v) => v.field).join(', ') } } };
		},
	},
	'xlsx.chart': {
		type: 'xlsx.chart',
		kind: 'xlsx',
		params: ChartParams,
		run(ctx, p: z.infer<typeof ChartParams>) {
			const charts = readCharts(ctx.file);
			if (charts.length === 0) return { score: 0, message: { key: 'project.check.chartMissing' } };
			const typed = charts.filter((c) => c.types.some((t) => p.types.includes(t)));
			if (typed.length === 0) return { score: 0.5, message: { key: 'project.check.chartType', vars: { types: p.types.join(' / ') } } };
			if (p.title && !typed.some((c) => c.title.trim() !== '')) return { score: 0.5, message: { key: 'project.check.chartTitle' } };
			return ok('project.check.ok');
		},
	},
};

/** Runs one check; unknown types and bad parameters are author errors (the content check catches them). */
export async function runCheck(type: string, params: unknown, ctx: CheckContext): Promise<CheckOutcome> {
	const def = CHECKS[type];
	if (!def) throw new Error(`unknown check type ${type}`);
	return def.run(ctx, def.params.parse(params));
}
