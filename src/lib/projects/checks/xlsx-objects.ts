/**
 * xlsx checks on pivot tables and charts. exceljs does not read either, so both read the parts
 * directly: `xl/pivotTables/*.xml` with the `xl/pivotCache/*Definition*.xml` they point to (field
 * names live in the cache, the table refers to them by index), and `xl/charts/chart*.xml` reached
 * from a sheet through its drawing.
 */
import { z } from 'zod';
import type { OfficeFile } from '../ooxml.ts';
import { findAll, findFirst, getAttr, getChild, getChildren, type XmlNode } from '../xml.ts';
import type { CheckDefinition } from './types.ts';
import { fail, normaliseText, pass, share } from './outcome.ts';
import { formatRange, parseRange, rangesCover, type CellRange } from './refs.ts';
import { RangeParam } from './xlsx-cells.ts';
import { getPartXml, getRels, getSheet } from './xlsx-reader.ts';

/** Parts of one type reached from a sheet's relationships, or every part under `folder`. */
function getObjectParts(
	file: OfficeFile,
	sheetName: string | undefined,
	relType: string,
	folder: RegExp,
): string[] | null {
	if (!sheetName) return [...file.parts.keys()].filter((path) => folder.test(path)).sort();
	const sheet = getSheet(file, sheetName);
	if (!sheet) return null;
	const direct = [...getRels(file, sheet.path).values()]
		.filter((rel) => rel.type === relType)
		.map((rel) => rel.target);
	if (relType !== 'chart') return direct;
	const drawings = [...getRels(file, sheet.path).values()].filter((rel) => rel.type === 'drawing');
	return drawings.flatMap((drawing) =>
		[...getRels(file, drawing.target).values()]
			.filter((rel) => rel.type === 'chart')
			.map((rel) => rel.target),
	);
}

const Aggregation = z.enum([
	'sum',
	'count',
	'average',
	'max',
	'min',
	'countNums',
	'product',
	'stdDev',
	'var',
]);

const PivotParams = z.strictObject({
	/** Sheet the pivot table is on; omitted: any sheet. */
	sheet: z.string().optional(),
	/** Fields in Rows. */
	rows: z.array(z.string()).default([]),
	/** Fields in Columns. */
	columns: z.array(z.string()).default([]),
	/** Fields in Values, each with its aggregation (default sum). */
	values: z
		.array(z.strictObject({ field: z.string(), aggregation: Aggregation.default('sum') }))
		.default([]),
	/** Fields in Filters. */
	filters: z.array(z.string()).default([]),
});

interface PivotFacts {
	rows: string[];
	columns: string[];
	values: Array<{ field: string; aggregation: string }>;
	filters: string[];
}

function readPivot(file: OfficeFile, path: string): PivotFacts | null {
	const root = getPartXml(file, path);
	if (!root) return null;
	const cachePath = [...getRels(file, path).values()].find(
		(rel) => rel.type === 'pivotCacheDefinition',
	)?.target;
	const cache = cachePath ? getPartXml(file, cachePath) : null;
	const names = cache
		? findAll(cache, 'cacheField').map((field) => normaliseText(getAttr(field, 'name') ?? ''))
		: [];
	const nameOf = (index: string | undefined) => names[Number(index)] ?? '';
	const fieldList = (container: string, child: string, attr: string) =>
		getChildren(getChild(root, container) ?? root, child)
			.map((field) => getAttr(field, attr))
			.filter((index) => index !== '-2')
			.map(nameOf);
	return {
		rows: fieldList('rowFields', 'field', 'x'),
		columns: fieldList('colFields', 'field', 'x'),
		filters: fieldList('pageFields', 'pageField', 'fld'),
		values: getChildren(getChild(root, 'dataFields') ?? root, 'dataField').map((field) => ({
			field: nameOf(getAttr(field, 'fld')),
			aggregation: getAttr(field, 'subtotal') ?? 'sum',
		})),
	};
}

function scorePivot(facts: PivotFacts, params: z.infer<typeof PivotParams>): boolean[][] {
	const has = (list: string[], name: string) => list.includes(normaliseText(name));
	return [
		params.rows.map((name) => has(facts.rows, name)),
		params.columns.map((name) => has(facts.columns, name)),
		params.values.map((want) =>
			facts.values.some(
				(v) => v.field === normaliseText(want.field) && v.aggregation === want.aggregation,
			),
		),
		params.filters.map((name) => has(facts.filters, name)),
	];
}

const pivot: CheckDefinition<z.infer<typeof PivotParams>> = {
	type: 'xlsx.pivot',
	kind: 'xlsx',
	params: PivotParams,
	run({ file }, params) {
		const paths = getObjectParts(file, params.sheet, 'pivotTable', /^xl\/pivotTables\/[^/]+\.xml$/);
		if (paths === null) return fail('check.sheetMissing', { sheet: params.sheet ?? '' });
		const scored = paths
			.map((path) => readPivot(file, path))
			.filter((facts): facts is PivotFacts => facts !== null)
			.map((facts) => scorePivot(facts, params));
		if (scored.length === 0) return fail('check.pivot.missing');
		const best = scored.sort((a, b) => share(b.flat()) - share(a.flat()))[0]!;
		const groups = ['rows', 'columns', 'values', 'filters'] as const;
		const firstBad = best.findIndex((group) => group.some((ok) => !ok));
		if (firstBad < 0) return pass('check.pivot.pass');
		const group = groups[firstBad]!;
		const fields = group === 'values' ? params.values.map((v) => v.field) : params[group];
		return fail(`check.pivot.${group}`, { fields: fields.join(', ') }, share(best.flat()));
	},
};

const CHART_ELEMENTS: Record<string, RegExp> = {
	column: /^bar(3D)?Chart$/,
	bar: /^bar(3D)?Chart$/,
	line: /^line(3D)?Chart$/,
	pie: /^(pie|pie3D|ofPie)Chart$/,
	doughnut: /^doughnutChart$/,
	scatter: /^scatterChart$/,
	area: /^area(3D)?Chart$/,
};

const ChartType = z.enum(['column', 'bar', 'line', 'pie', 'doughnut', 'scatter', 'area']);

const ChartParams = z
	.strictObject({
		/** Sheet the chart is on; omitted: any sheet. */
		sheet: z.string().optional(),
		/** Kind of chart (`column` is vertical bars, `bar` horizontal). */
		type: ChartType.optional(),
		/** Or: kinds any one of which will do, e.g. `[column, bar]`. */
		types: z.array(ChartType).min(1).optional(),
		/** The values the chart must plot, e.g. `Summary!B2:B6` (series may be split over columns). */
		values: RangeParam.optional(),
		/** Whether a title is required (default true); a string: the title must contain it. */
		title: z.union([z.boolean(), z.string()]).default(true),
	})
	.refine((p) => p.type !== undefined || p.types !== undefined, 'give type or types');

function chartTypeMatches(plotArea: XmlNode, type: string): boolean {
	return plotArea.children.some((chart) => {
		if (!CHART_ELEMENTS[type]!.test(chart.name)) return false;
		if (type !== 'column' && type !== 'bar') return true;
		return (
			(getAttr(getChild(chart, 'barDir') ?? chart, 'val') ?? 'col') ===
			(type === 'column' ? 'col' : 'bar')
		);
	});
}

function getSeriesRanges(plotArea: XmlNode): CellRange[] {
	return findAll(plotArea, 'ser')
		.flatMap((ser) => [getChild(ser, 'val'), getChild(ser, 'yVal')])
		.filter((node): node is XmlNode => node !== null)
		.map((node) => parseRange((findFirst(node, 'f')?.text ?? '').replace(/^\(|\)$/g, '')))
		.filter((range): range is CellRange => range !== null);
}

function getTitle(chart: XmlNode): string | null {
	const title = getChild(chart, 'title');
	if (!title) return null;
	const text =
		findAll(title, 't')
			.map((t) => t.text)
			.join('') ||
		findAll(title, 'v')
			.map((v) => v.text)
			.join('');
	return text.trim() === '' ? null : text;
}

const chart: CheckDefinition<z.infer<typeof ChartParams>> = {
	type: 'xlsx.chart',
	kind: 'xlsx',
	params: ChartParams,
	run({ file }, params) {
		const paths = getObjectParts(file, params.sheet, 'chart', /^xl\/charts\/chart[^/]*\.xml$/);
		if (paths === null) return fail('check.sheetMissing', { sheet: params.sheet ?? '' });
		const want = params.values ? parseRange(params.values)! : null;
		const results = paths.flatMap((path) => {
			const root = getPartXml(file, path);
			const chartNode = root ? getChild(root, 'chart') : null;
			const plotArea = chartNode ? getChild(chartNode, 'plotArea') : null;
			if (!chartNode || !plotArea) return [];
			const series = getSeriesRanges(plotArea);
			const sameSheet = (r: CellRange) =>
				!want?.sheet || normaliseText(r.sheet ?? '') === normaliseText(want.sheet);
			const title = getTitle(chartNode);
			return [
				[
					[...(params.types ?? []), ...(params.type ? [params.type] : [])].some((type) =>
						chartTypeMatches(plotArea, type),
					),
					want === null || rangesCover(series.filter(sameSheet), want),
					params.title === false ||
						(title !== null &&
							(params.title === true ||
								normaliseText(title).includes(normaliseText(params.title)))),
				],
			];
		});
		if (results.length === 0) return fail('check.chart.missing');
		const best = results.sort((a, b) => share(b) - share(a))[0]!;
		const keys = ['check.chart.type', 'check.chart.range', 'check.chart.title'];
		const firstBad = best.findIndex((ok) => !ok);
		if (firstBad < 0) return pass('check.chart.pass');
		return fail(keys[firstBad]!, want ? { range: formatRange(want) } : undefined, share(best));
	},
};

/** Pivot table and chart checks. */
export const XLSX_OBJECT_CHECKS = [pivot, chart];
