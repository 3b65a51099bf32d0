/**
 * The check cases the office fixtures were built for (scripts/office-fixtures.ts): each check type
 * with params every "good" file satisfies, and the message key each "bad" file fails with.
 */
import type { ExpectedValues } from '../../src/lib/projects/types.ts';

/** The orders of the Orders sheet, as scripts/office-fixtures.ts writes them (row order of a good file). */
export const FIXTURE_ORDERS: Array<[string, string, string, number, string]> = [
	['2026-01-05', 'Sylhet', 'Notebook', 420.5, 'Paid'],
	['2026-01-09', 'Dhaka', 'Pen', 610, 'Pending'],
	['2026-01-12', 'Sylhet', 'Stapler', 880.25, 'Paid'],
	['2026-01-20', 'Khulna', 'Desk', 1240, 'Overdue'],
	['2026-02-02', 'Dhaka', 'Chair', 1575.75, 'Paid'],
	['2026-02-11', 'Khulna', 'Lamp', 2010, 'Pending'],
];

export interface CheckCase {
	type: string;
	params: Record<string, unknown>;
	expected?: ExpectedValues;
	/** Message key of the failing fixture (same for both writers unless given per writer). */
	failKey: string | { js: string; lo: string };
}

export const CHECK_CASES: CheckCase[] = [
	{
		type: 'xlsx.value',
		params: { cell: 'Summary!B4', expected: 1300.75 },
		failKey: 'check.value.wrong',
	},
	{
		type: 'xlsx.value',
		params: { cell: 'Summary!A2:A4', expected: ['Dhaka', ' khulna', 'SYLHET'] },
		failKey: 'check.value.partial',
	},
	{
		type: 'xlsx.formula',
		params: { cell: 'Summary!B2:B4', functions: ['SUMIFS'], expected: '$totals' },
		expected: { totals: [2185.75, 3250, 1300.75] },
		failKey: 'check.formula.typed',
	},
	{
		type: 'xlsx.formula',
		params: { cell: 'Summary!C2:C4', expected: '$shares' },
		expected: { shares: [2185.75 / 6736.5, 3250 / 6736.5, 1300.75 / 6736.5] },
		failKey: 'check.formula.value',
	},
	{ type: 'xlsx.formula', params: { cell: 'Summary!B6' }, failKey: 'check.formula.emptyAny' },
	{
		type: 'xlsx.column-values',
		params: { sheet: 'Summary', column: 'Region', expected: ['Sylhet', 'Dhaka', 'Khulna'] },
		failKey: 'check.columnValues.wrong',
	},
	{
		type: 'xlsx.number-format',
		params: { range: 'Orders!D2:D7', category: 'currency', decimals: 2 },
		failKey: 'check.numberFormat.currency',
	},
	{
		type: 'xlsx.number-format',
		params: { range: 'Orders!A2:A7', category: 'date' },
		failKey: 'check.numberFormat.date',
	},
	{
		type: 'xlsx.number-format',
		params: { range: 'Summary!C2:C4', category: 'percent', decimals: 1 },
		failKey: 'check.numberFormat.percent',
	},
	{
		type: 'xlsx.validation-list',
		params: { range: 'Orders!E2:E7', items: ['Paid', 'Pending', 'Overdue'] },
		failKey: 'check.validationList.items',
	},
	{
		type: 'xlsx.validation-list',
		params: { sheet: 'Orders', column: 'Status', items: ['Overdue', 'Paid', 'Pending'] },
		failKey: 'check.validationList.items',
	},
	{
		type: 'xlsx.conditional-format',
		params: { range: 'Orders!D2:D7', rule: 'cellIs', operator: 'greaterThan', value: 1000 },
		failKey: 'check.conditionalFormat.missing',
	},
	{
		type: 'xlsx.sorted',
		params: { range: 'Orders!A2:E7', column: 'A', order: 'ascending', rows: '$orders' },
		expected: { orders: FIXTURE_ORDERS },
		failKey: 'check.sorted.ascending',
	},
	{
		type: 'xlsx.autofilter',
		params: { range: 'Orders!A1:E1' },
		failKey: 'check.autofilter.missing',
	},
	{
		type: 'xlsx.frozen-header',
		params: { sheet: 'Orders', rows: 1 },
		failKey: 'check.frozen.missing',
	},
	{
		type: 'xlsx.table',
		params: { range: 'Orders!A1:E7', name: 'OrdersTable' },
		failKey: 'check.table.missing',
	},
	{
		type: 'xlsx.table',
		params: {
			sheet: 'Orders',
			columns: ['Date', 'Region', 'Item', 'Amount', 'Status'],
			rows: '$orderCount',
		},
		expected: { orderCount: 6 },
		failKey: 'check.table.missingOnSheet',
	},
	{
		type: 'xlsx.pivot',
		params: { sheet: 'Pivot', rows: ['Region'], values: [{ field: 'Amount', aggregation: 'sum' }] },
		failKey: 'check.pivot.values',
	},
	{
		type: 'xlsx.chart',
		params: { sheet: 'Summary', type: 'column', values: 'Summary!B2:B4', title: 'sales by region' },
		failKey: 'check.chart.type',
	},
	{
		type: 'xlsx.chart',
		params: { types: ['column', 'bar'], title: true },
		failKey: 'check.chart.type',
	},
	{
		type: 'xlsx.protection',
		params: { sheet: 'Summary', unlocked: ['D2:D4'] },
		failKey: 'check.protection.notProtected',
	},
	{ type: 'xlsx.no-errors', params: {}, failKey: 'check.noErrors.found' },
	{
		type: 'docx.heading-styles',
		params: {
			minHeadings: 3,
			headings: [
				{ text: 'Introduction', level: 1 },
				{ text: 'Method', level: 2 },
			],
		},
		failKey: 'check.headings.notHeading',
	},
	{ type: 'docx.toc', params: { minEntries: 3 }, failKey: 'check.toc.missing' },
	{ type: 'docx.page-numbers', params: { where: 'footer' }, failKey: 'check.pageNumbers.footer' },
	{ type: 'docx.table-header-row', params: {}, failKey: 'check.tableHeader.missing' },
	{ type: 'docx.no-tracked-changes', params: {}, failKey: 'check.trackedChanges.remaining' },
	{ type: 'docx.no-comments', params: {}, failKey: 'check.comments.remaining' },
	{
		type: 'docx.merge-fields',
		params: { fields: ['FirstName', 'City'] },
		failKey: 'check.mergeFields.missing',
	},
	{
		type: 'docx.no-text',
		params: { texts: ['unreviewed insertion'], patterns: ['<<\\w+>>'] },
		failKey: 'check.noText.found',
	},
	{
		type: 'docx.page-setup',
		params: { orientation: 'landscape', margins: { top: 2, bottom: 2, left: 2, right: 2 } },
		failKey: 'check.pageSetup.landscape',
	},
	{ type: 'docx.image-alt-text', params: {}, failKey: 'check.altText.missing' },
	{ type: 'pptx.slide-count', params: { min: 3, max: 3 }, failKey: 'check.slideCount.tooMany' },
	{ type: 'pptx.slide-titles', params: {}, failKey: 'check.slideTitles.missing' },
	{ type: 'pptx.picture-alt-text', params: {}, failKey: 'check.altText.slides' },
	{ type: 'pptx.speaker-notes', params: { minWords: 5 }, failKey: 'check.speakerNotes.missing' },
	{
		type: 'pptx.layout-used',
		params: { layout: 'obj', slides: [2] },
		failKey: 'check.layout.slides',
	},
	{ type: 'pptx.min-font-size', params: { minPt: 18 }, failKey: 'check.fontSize.small' },
];
