/**
 * xlsx checks on sheet features: data validation, conditional formatting, tables, filters,
 * frozen panes and protection. Each reads the worksheet XML (see xlsx-reader.ts for why), including
 * the `x14` extension elements Excel uses when a rule refers to another sheet.
 */
import { z } from 'zod';
import type { OfficeFile } from '../ooxml.ts';
import { findAll, findFirst, getAttr, getChild, getDeepText, type XmlNode } from '../xml.ts';
import type { CheckDefinition, CheckOutcome } from './types.ts';
import { fail, normaliseText, pass, share } from './outcome.ts';
import {
	formatRange,
	formatRef,
	parseRange,
	parseSqref,
	rangeContains,
	rangesCover,
	type CellRange,
} from './refs.ts';
import { getRangeSheet, RangeParam } from './xlsx-cells.ts';
import {
	getColumnData,
	getPartXml,
	getRangeCells,
	getRels,
	getSheet,
	getWorkbook,
	type Sheet,
} from './xlsx-reader.ts';

/** The ranges a rule applies to: the `sqref` attribute, or the `xm:sqref` child of x14 rules. */
function getRuleRanges(node: XmlNode): CellRange[] {
	return parseSqref(getAttr(node, 'sqref') ?? getChild(node, 'sqref')?.text ?? '');
}

/** Values a list validation offers: an inline `"a,b,c"` list, or the cells of a range or name. */
function getListItems(file: OfficeFile, sheet: Sheet, formula: string): string[] {
	const text = formula.trim();
	if (text.startsWith('"'))
		return text
			.slice(1, -1)
			.split(',')
			.map((item) => item.trim());
	const named = getWorkbook(file).definedNames.get(text);
	const range = parseRange(named ?? text);
	if (!range) return [];
	const target = range.sheet ? getSheet(file, range.sheet) : sheet;
	return target
		? getRangeCells(target, range)
				.map((cell) => String(cell.value ?? ''))
				.filter((v) => v !== '')
		: [];
}

const ValidationListParams = z
	.strictObject({
		/** The cells that must offer the list, e.g. `Orders!E2:E41`. */
		range: RangeParam.optional(),
		/** Or: the sheet and header text of a column whose data cells must offer it. */
		sheet: z.string().optional(),
		column: z.string().optional(),
		/** The choices (order does not matter, compared as text without case). */
		items: z.array(z.string()).min(1),
	})
	.refine(
		(p) => p.range !== undefined || (p.sheet !== undefined && p.column !== undefined),
		'give range, or sheet and column',
	);

/** The cells a params object names: a range, or a column found by its header (data cells only). */
export function getTargetRange(
	file: OfficeFile,
	params: { range?: string; sheet?: string; column?: string },
): { sheet: Sheet; range: CellRange } | { missing: Record<string, string> } {
	if (params.range) {
		const found = getRangeSheet(file, params.range);
		return found ?? { missing: { sheet: parseRange(params.range)!.sheet ?? '' } };
	}
	const sheet = getSheet(file, params.sheet);
	const data = sheet ? getColumnData(sheet, params.column ?? '') : null;
	if (!sheet || !data || data.cells.length === 0)
		return { missing: { column: params.column ?? '', sheet: params.sheet ?? '' } };
	return {
		sheet,
		range: {
			start: { row: data.row + 1, col: data.col },
			end: { row: data.row + data.cells.length, col: data.col },
		},
	};
}

const validationList: CheckDefinition<z.infer<typeof ValidationListParams>> = {
	type: 'xlsx.validation-list',
	kind: 'xlsx',
	params: ValidationListParams,
	run({ file }, params) {
		const found = getTargetRange(file, params);
		if ('missing' in found)
			return fail(
				found.missing.column !== undefined ? 'check.column.missing' : 'check.sheetMissing',
				found.missing,
			);
		const label = formatRange(found.range);
		const lists = findAll(found.sheet.root, 'dataValidation').filter(
			(dv) => getAttr(dv, 'type') === 'list',
		);
		const covering = lists.filter((dv) => rangesCover(getRuleRanges(dv), found.range));
		if (covering.length === 0) {
			const partly = lists.some((dv) =>
				getRuleRanges(dv).some((r) => rangeContains(r, found.range.start)),
			);
			return fail(
				partly ? 'check.validationList.partial' : 'check.validationList.missing',
				{ range: label },
				partly ? 0.25 : 0,
			);
		}
		const want = new Set(params.items.map(normaliseText));
		const right = covering.some((dv) => {
			const got = new Set(
				getListItems(file, found.sheet, getDeepText(getChild(dv, 'formula1') ?? dv)).map(
					normaliseText,
				),
			);
			return got.size === want.size && [...want].every((item) => got.has(item));
		});
		return right
			? pass('check.validationList.pass')
			: fail('check.validationList.items', { range: label, count: want.size }, 0.5);
	},
};

const OPERATOR_SYMBOLS: Record<string, string[]> = {
	greaterThan: ['>'],
	greaterThanOrEqual: ['>='],
	lessThan: ['<'],
	lessThanOrEqual: ['<='],
	equal: ['='],
	notEqual: ['<>'],
};

const ConditionalFormatParams = z.strictObject({
	/** The cells the rule must cover. */
	range: RangeParam,
	/** Rule type as saved (`cellIs`, `expression`, `colorScale`, `dataBar`, `iconSet`, `containsText`, `top10`, `duplicateValues`…); omitted: any. */
	rule: z.string().optional(),
	/** For `cellIs`: the comparison (`greaterThan`, `lessThan`, `between`, `equal`…). */
	operator: z.string().optional(),
	/** For `cellIs`/`containsText`: the value compared with (number or text). */
	value: z.union([z.string(), z.number()]).optional(),
});

function cleanFormula(text: string): string {
	return text.replace(/\$/g, '').replace(/"/g, '').replace(/\s+/g, '').toLowerCase();
}

function ruleMatches(rule: XmlNode, params: z.infer<typeof ConditionalFormatParams>): boolean {
	const type = getAttr(rule, 'type') ?? '';
	const formulas = findAll(rule, 'formula').map((f) => cleanFormula(getDeepText(f)));
	const wantValue = params.value === undefined ? null : cleanFormula(String(params.value));
	if (!params.rule) return true;
	if (type === params.rule) {
		if (params.operator && (getAttr(rule, 'operator') ?? '') !== params.operator) return false;
		if (wantValue === null) return true;
		if (type === 'containsText')
			return (
				cleanFormula(getAttr(rule, 'text') ?? '') === wantValue ||
				formulas.some((f) => f.includes(wantValue))
			);
		return formulas.some((f) => f === wantValue);
	}
	// Google Sheets and hand-written custom formulas save "greater than 1000" as an expression rule.
	if (params.rule === 'cellIs' && type === 'expression' && params.operator && wantValue !== null) {
		const symbols = OPERATOR_SYMBOLS[params.operator] ?? [];
		return formulas.some((f) =>
			symbols.some((symbol) =>
				new RegExp(
					`[a-z]+\\d+${symbol.replace(/[<>=]/g, '\\$&')}${wantValue.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
				).test(f),
			),
		);
	}
	return false;
}

const conditionalFormat: CheckDefinition<z.infer<typeof ConditionalFormatParams>> = {
	type: 'xlsx.conditional-format',
	kind: 'xlsx',
	params: ConditionalFormatParams,
	run({ file }, params) {
		const found = getRangeSheet(file, params.range);
		if (!found) return fail('check.sheetMissing', { sheet: parseRange(params.range)!.sheet ?? '' });
		const label = formatRange(found.range);
		const blocks = findAll(found.sheet.root, 'conditionalFormatting').filter((cf) =>
			rangesCover(getRuleRanges(cf), found.range),
		);
		if (blocks.length === 0) return fail('check.conditionalFormat.missing', { range: label });
		const matches = blocks.some((cf) =>
			findAll(cf, 'cfRule').some((rule) => ruleMatches(rule, params)),
		);
		return matches
			? pass('check.conditionalFormat.pass')
			: fail('check.conditionalFormat.rule', { range: label }, 0.5);
	},
};

/** Tables (ListObjects) on a sheet: their range, name and header/total rows. */
function getSheetTables(
	file: OfficeFile,
	sheet: Sheet,
): Array<{ root: XmlNode; range: CellRange }> {
	const out: Array<{ root: XmlNode; range: CellRange }> = [];
	for (const rel of getRels(file, sheet.path).values()) {
		if (rel.type !== 'table') continue;
		const root = getPartXml(file, rel.target);
		const range = root ? parseRange(getAttr(root, 'ref') ?? '') : null;
		if (root && range) out.push({ root, range });
	}
	return out;
}

const TableParams = z
	.strictObject({
		/** The header row plus data rows the table must span, e.g. `Orders!A1:F41` (a total row may follow). */
		range: RangeParam.optional(),
		/** Or: the sheet the table is on, found by its columns (for data whose size varies per attempt). */
		sheet: z.string().optional(),
		/** Header texts the table must have (with `sheet`). */
		columns: z.array(z.string()).default([]),
		/** Exact number of data rows, without header and total rows (with `sheet`; usually `$name`). */
		rows: z.number().int().min(0).optional(),
		/** Table name the step asks for; omitted: any. */
		name: z.string().optional(),
		/** Whether a total row is required. Default false. */
		totalRow: z.boolean().default(false),
	})
	.refine((p) => p.range !== undefined || p.sheet !== undefined, 'give range or sheet');

type TableFacts = { root: XmlNode; range: CellRange };

function getTableColumns(t: TableFacts): string[] {
	return findAll(t.root, 'tableColumn').map((c) => normaliseText(getAttr(c, 'name') ?? ''));
}

/** With `sheet`: the table with the most wanted columns, judged on columns and row count. */
function judgeTableBySheet(file: OfficeFile, params: z.infer<typeof TableParams>): CheckOutcome {
	const sheet = getSheet(file, params.sheet);
	if (!sheet) return fail('check.sheetMissing', { sheet: params.sheet ?? '' });
	const tables = getSheetTables(file, sheet);
	if (tables.length === 0) return fail('check.table.missingOnSheet', { sheet: sheet.name });
	const missingOf = (t: TableFacts) =>
		params.columns.filter((c) => !getTableColumns(t).includes(normaliseText(c)));
	const best = [...tables].sort((a, b) => missingOf(a).length - missingOf(b).length)[0]!;
	const missing = missingOf(best);
	if (getAttr(best.root, 'headerRowCount') === '0' || missing.length > 0)
		return fail(
			'check.table.columns',
			{ columns: (missing.length > 0 ? missing : params.columns).join(', ') },
			0.5,
		);
	const totals = Number(getAttr(best.root, 'totalsRowCount') ?? 0);
	const dataRows = best.range.end.row - best.range.start.row - totals;
	if (params.rows !== undefined && dataRows !== params.rows)
		return fail('check.table.rows', { count: params.rows }, 0.5);
	if (params.totalRow && totals === 0)
		return fail('check.table.totalRow', { range: formatRange(best.range) }, 0.5);
	const name = getAttr(best.root, 'displayName') ?? getAttr(best.root, 'name') ?? '';
	if (params.name && normaliseText(name) !== normaliseText(params.name))
		return fail('check.table.name', { name: params.name }, 0.75);
	return pass('check.table.pass');
}

const table: CheckDefinition<z.infer<typeof TableParams>> = {
	type: 'xlsx.table',
	kind: 'xlsx',
	params: TableParams,
	run({ file }, params) {
		if (!params.range) return judgeTableBySheet(file, params);
		const found = getRangeSheet(file, params.range);
		if (!found) return fail('check.sheetMissing', { sheet: parseRange(params.range)!.sheet ?? '' });
		const want = found.range;
		const label = formatRange(want);
		const tables = getSheetTables(file, found.sheet);
		const spans = (r: CellRange) =>
			r.start.row === want.start.row &&
			r.start.col === want.start.col &&
			r.end.col === want.end.col &&
			r.end.row >= want.end.row &&
			r.end.row <= want.end.row + 1;
		const candidate = tables.find((t) => spans(t.range));
		if (!candidate)
			return fail(
				tables.length > 0 ? 'check.table.range' : 'check.table.missing',
				{ range: label },
				tables.length > 0 ? 0.25 : 0,
			);
		const root = candidate.root;
		if (getAttr(root, 'headerRowCount') === '0')
			return fail('check.table.headerRow', { range: label }, 0.5);
		const totals =
			Number(getAttr(root, 'totalsRowCount') ?? 0) > 0 || candidate.range.end.row > want.end.row;
		if (params.totalRow && !totals) return fail('check.table.totalRow', { range: label }, 0.5);
		const name = getAttr(root, 'displayName') ?? getAttr(root, 'name') ?? '';
		if (params.name && normaliseText(name) !== normaliseText(params.name))
			return fail('check.table.name', { name: params.name }, 0.75);
		return pass('check.table.pass');
	},
};

const AutofilterParams = z.strictObject({
	/** The header row the filter buttons must be on, e.g. `Orders!A1:F1`. */
	range: RangeParam,
});

const autofilter: CheckDefinition<z.infer<typeof AutofilterParams>> = {
	type: 'xlsx.autofilter',
	kind: 'xlsx',
	params: AutofilterParams,
	run({ file }, params) {
		const found = getRangeSheet(file, params.range);
		if (!found) return fail('check.sheetMissing', { sheet: parseRange(params.range)!.sheet ?? '' });
		const header = found.range;
		const filters: CellRange[] = [];
		const own = getChild(found.sheet.root, 'autoFilter');
		if (own) filters.push(...parseSqref(getAttr(own, 'ref') ?? ''));
		for (const t of getSheetTables(file, found.sheet)) {
			const filter = getChild(t.root, 'autoFilter');
			if (filter) filters.push(...parseSqref(getAttr(filter, 'ref') ?? ''));
		}
		const ok = filters.some(
			(f) =>
				f.start.row === header.start.row &&
				f.start.col <= header.start.col &&
				f.end.col >= header.end.col,
		);
		return ok
			? pass('check.autofilter.pass')
			: fail('check.autofilter.missing', { range: formatRange(header) });
	},
};

const FrozenParams = z.strictObject({
	/** Sheet name; omitted: the first sheet. */
	sheet: z.string().optional(),
	/** Rows that must stay in view. Default 1. */
	rows: z.number().int().min(0).default(1),
	/** Columns that must stay in view. Default 0. */
	columns: z.number().int().min(0).default(0),
});

const frozenHeader: CheckDefinition<z.infer<typeof FrozenParams>> = {
	type: 'xlsx.frozen-header',
	kind: 'xlsx',
	params: FrozenParams,
	run({ file }, params) {
		const sheet = getSheet(file, params.sheet);
		if (!sheet) return fail('check.sheetMissing', { sheet: params.sheet ?? '' });
		const pane = findFirst(getChild(sheet.root, 'sheetViews') ?? sheet.root, 'pane');
		if (!pane || !/^frozen/.test(getAttr(pane, 'state') ?? ''))
			return fail('check.frozen.missing', { rows: params.rows });
		const ySplit = Number(getAttr(pane, 'ySplit') ?? 0);
		const xSplit = Number(getAttr(pane, 'xSplit') ?? 0);
		return ySplit === params.rows && xSplit === params.columns
			? pass('check.frozen.pass')
			: fail('check.frozen.wrong', { rows: params.rows }, 0.5);
	},
};

/** Whether a cell is locked: its own format, else its column's format, else the default (locked). */
function isLocked(file: OfficeFile, sheet: Sheet, row: number, col: number): boolean {
	const { locked } = getWorkbook(file);
	const cell = sheet.cells.get(formatRef({ row, col }));
	if (cell) return locked[cell.style] ?? true;
	const column = findAll(getChild(sheet.root, 'cols') ?? sheet.root, 'col').find(
		(c) => Number(getAttr(c, 'min')) <= col && Number(getAttr(c, 'max')) >= col,
	);
	return locked[Number(getAttr(column ?? sheet.root, 'style') ?? 0)] ?? true;
}

const ProtectionParams = z.strictObject({
	/** Sheet that must be protected; omitted: the first sheet. */
	sheet: z.string().optional(),
	/** Ranges learners' clients may still type in (must be unlocked), e.g. `['B2:B10']`. */
	unlocked: z.array(RangeParam).default([]),
	/** Ranges that must stay locked (e.g. the formulas); omitted: every formula cell. */
	locked: z.array(RangeParam).optional(),
});

const protection: CheckDefinition<z.infer<typeof ProtectionParams>> = {
	type: 'xlsx.protection',
	kind: 'xlsx',
	params: ProtectionParams,
	run({ file }, params) {
		const sheet = getSheet(file, params.sheet);
		if (!sheet) return fail('check.sheetMissing', { sheet: params.sheet ?? '' });
		const guard = getChild(sheet.root, 'sheetProtection');
		const isProtected = guard !== null && /^(1|true)$/.test(getAttr(guard, 'sheet') ?? '');
		const unlockedRanges = params.unlocked.map((ref) => parseRange(ref)!);
		const unlockedRight = unlockedRanges.every((range) =>
			getRangeCells(sheet, range).every((cell) => !isLocked(file, sheet, cell.row, cell.col)),
		);
		const lockedCells = params.locked
			? params.locked.flatMap((ref) => getRangeCells(sheet, parseRange(ref)!))
			: [...sheet.cells.values()].filter((cell) => cell.formula !== null);
		const lockedRight = lockedCells.every((cell) => isLocked(file, sheet, cell.row, cell.col));
		const score = share([isProtected, unlockedRight, lockedRight]);
		if (!isProtected) return fail('check.protection.notProtected', undefined, score);
		if (!unlockedRight)
			return fail(
				'check.protection.unlocked',
				{ range: unlockedRanges.map(formatRange).join(', ') },
				score,
			);
		if (!lockedRight) return fail('check.protection.locked', undefined, score);
		return pass('check.protection.pass');
	},
};

/** Sheet-feature checks. */
export const XLSX_SHEET_CHECKS = [
	validationList,
	conditionalFormat,
	table,
	autofilter,
	frozenHeader,
	protection,
];
