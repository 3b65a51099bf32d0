import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS, runCheck, validateCheckParams } from '../../src/lib/projects/checks/index.ts';
import { classifyFormat, countDecimals } from '../../src/lib/projects/checks/number-formats.ts';
import { parseRange } from '../../src/lib/projects/checks/refs.ts';
import { getFormulaFunctions } from '../../src/lib/projects/checks/xlsx-cells.ts';
import {
	OPEN_REFUSAL_MESSAGE_KEYS,
	openOfficeFile,
	type OfficeFile,
} from '../../src/lib/projects/ooxml.ts';
import { CHECK_CASES } from './office-check-cases.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'office');
const WRITERS = { js: 'exceljs / docx / pptxgenjs', lo: 'LibreOffice' } as const;

function openFixture(name: string): OfficeFile {
	const opened = openOfficeFile(readFileSync(join(FIXTURES, name)));
	if (!opened.ok) throw new Error(`${name} refused: ${opened.refusal}`);
	return opened.file;
}

describe('runCheck', () => {
	it('has a passing and a failing case for every check type', () => {
		expect(new Set(CHECK_CASES.map((c) => c.type))).toEqual(new Set(Object.keys(CHECKS)));
	});

	for (const [writer, label] of Object.entries(WRITERS) as Array<[keyof typeof WRITERS, string]>) {
		for (const c of CHECK_CASES) {
			const ext = c.type.split('.')[0]!;
			const name = `${c.type} ${JSON.stringify(c.params)}`;
			it(`gives full marks to a ${label} file that satisfies ${name}`, async () => {
				const outcome = await runCheck(c.type, c.params, {
					file: openFixture(`${writer}-good.${ext}`),
					expected: c.expected ?? {},
				});
				expect(outcome.message.key).toMatch(/\.pass$/);
				expect(outcome.score).toBe(1);
			});
			it(`marks down a ${label} file that does not satisfy ${name}, saying what was expected`, async () => {
				const outcome = await runCheck(c.type, c.params, {
					file: openFixture(`${writer}-bad.${ext}`),
					expected: c.expected ?? {},
				});
				expect(outcome.score).toBeLessThan(1);
				expect(outcome.message.key).toBe(
					typeof c.failKey === 'string' ? c.failKey : c.failKey[writer],
				);
			});
		}
	}

	it('tells a formula using the wrong function from a typed result and from a wrong result', async () => {
		for (const writer of ['js', 'lo']) {
			const file = openFixture(`${writer}-bad.xlsx`);
			const run = (cell: string, expected: number) =>
				runCheck('xlsx.formula', { cell, functions: ['SUMIFS'], expected }, { file, expected: {} });
			expect((await run('Summary!B2', 2185.75)).message).toEqual({
				key: 'check.formula.typed',
				vars: { cell: 'B2', functions: 'SUMIFS', wrong: 1, total: 1 },
			});
			expect((await run('Summary!B3', 3250)).message.key).toBe('check.formula.functions');
			expect((await run('Summary!B4', 1300.75)).message.key).toBe('check.formula.value');
		}
	});

	it('accepts any one of a list of functions (XLOOKUP in Excel, VLOOKUP in LibreOffice 7)', async () => {
		for (const writer of ['js', 'lo']) {
			const file = openFixture(`${writer}-good.xlsx`);
			for (const functions of [[['XLOOKUP', 'VLOOKUP', 'INDEX']], ['XLOOKUP|VLOOKUP|INDEX']]) {
				expect(
					(
						await runCheck(
							'xlsx.formula',
							{ cell: 'Summary!B6', functions },
							{ file, expected: {} },
						)
					).score,
				).toBe(1);
			}
		}
	});

	it('gives partial credit for a range where only some cells are right', async () => {
		const outcome = await runCheck(
			'xlsx.value',
			{ cell: 'Summary!A2:A4', expected: '$regions' },
			{ file: openFixture('lo-bad.xlsx'), expected: { regions: ['Dhaka', 'Khulna', 'Sylhet'] } },
		);
		expect(outcome.score).toBeCloseTo(2 / 3);
		expect(outcome.message.vars).toEqual({ range: 'A2:A4', right: 2, total: 3 });
	});

	it('compares a date cell with an ISO date', async () => {
		const outcome = await runCheck(
			'xlsx.value',
			{ cell: 'Orders!A2', expected: '2026-01-05' },
			{ file: openFixture('lo-good.xlsx'), expected: {} },
		);
		expect(outcome.score).toBe(1);
	});

	it('scores 0 with a message when the file is of another kind than the check', async () => {
		const outcome = await runCheck(
			'docx.toc',
			{},
			{ file: openFixture('js-good.xlsx'), expected: {} },
		);
		expect(outcome).toEqual({
			score: 0,
			message: { key: 'check.wrongKind', vars: { kind: 'docx' } },
		});
	});

	it('says which sheet is missing', async () => {
		const outcome = await runCheck(
			'xlsx.value',
			{ cell: 'March!B4', expected: 1 },
			{ file: openFixture('js-good.xlsx'), expected: {} },
		);
		expect(outcome.message).toEqual({ key: 'check.sheetMissing', vars: { sheet: 'March' } });
	});

	it('throws for an unknown check type, bad params or an attempt value the builder did not compute', async () => {
		const ctx = { file: openFixture('js-good.xlsx'), expected: {} };
		await expect(runCheck('xlsx.nope', {}, ctx)).rejects.toThrow(/Unknown check type/);
		await expect(
			runCheck('xlsx.value', { cell: 'not a cell', expected: 1 }, ctx),
		).rejects.toThrow();
		await expect(runCheck('xlsx.value', { cell: 'B4', expected: '$missing' }, ctx)).rejects.toThrow(
			/\$missing/,
		);
	});
});

describe('validateCheckParams', () => {
	it('accepts params with $names and reports bad ones with the field', () => {
		expect(
			validateCheckParams('xlsx.formula', {
				cell: 'Summary!B4',
				functions: ['SUMIFS'],
				expected: '$total',
			}),
		).toBeNull();
		expect(
			validateCheckParams('xlsx.column-values', {
				sheet: 'Customers',
				column: 'City',
				expected: '$cleanCities',
			}),
		).toBeNull();
		expect(
			validateCheckParams('xlsx.table', { sheet: 'Customers', rows: '$count', colums: ['Name'] }),
		).toMatch(/colums/);
		expect(validateCheckParams('xlsx.number-format', { range: 'A1', category: 'money' })).toMatch(
			/category/,
		);
		expect(validateCheckParams('xlsx.sparkline', {})).toMatch(/unknown check type/);
	});
});

describe('getFormulaFunctions', () => {
	it('finds functions without Excel prefixes and ignores text in quotes', () => {
		expect(getFormulaFunctions('_xlfn.XLOOKUP(A2,B:B,C:C,"SUM(")+sumifs(D:D,E:E,"x")')).toEqual(
			new Set(['XLOOKUP', 'SUMIFS']),
		);
	});
});

describe('classifyFormat', () => {
	it('reads the category the way the menus name it, whichever application wrote the code', () => {
		expect(classifyFormat('[$-409]yyyy\\-mm\\-dd')).toBe('date');
		expect(classifyFormat('d-mmm-yy')).toBe('date');
		expect(classifyFormat('h:mm AM/PM')).toBe('time');
		expect(classifyFormat('[$₹-4009]#,##0.00')).toBe('currency');
		expect(classifyFormat('"Tk "#,##0')).toBe('currency');
		expect(classifyFormat('_("$"* #,##0.00_)')).toBe('currency');
		expect(classifyFormat('0.0%')).toBe('percent');
		expect(classifyFormat('#,##0.00;[Red]-#,##0.00')).toBe('number');
		expect(classifyFormat('@')).toBe('text');
		expect(classifyFormat('General')).toBe('general');
		expect(countDecimals('#,##0.000')).toBe(3);
		expect(countDecimals('0%')).toBe(0);
	});
});

describe('parseRange', () => {
	it('reads quoted sheet names, absolute references and whole columns', () => {
		expect(parseRange("'March sales'!$B$2:C5")).toEqual({
			sheet: 'March sales',
			start: { row: 2, col: 2 },
			end: { row: 5, col: 3 },
		});
		expect(parseRange('C:C')).toEqual({ start: { row: 1, col: 3 }, end: { row: 1048576, col: 3 } });
		expect(parseRange('Sheet1!')).toBeNull();
	});
});

describe('message keys', () => {
	it('has every message a check or a refusal can give in the English catalogue (bn and hi are held to it by the i18n check)', () => {
		const en = JSON.parse(
			readFileSync(join(import.meta.dirname, '..', '..', 'content', 'i18n', 'en.json'), 'utf8'),
		) as Record<string, string>;
		const dir = join(import.meta.dirname, '..', '..', 'src', 'lib', 'projects', 'checks');
		const source = readdirSync(dir)
			.map((name) => readFileSync(join(dir, name), 'utf8'))
			.join('\n');
		const literal = [...source.matchAll(/'(check\.[A-Za-z.]+)'/g)].map((m) => m[1]!);
		const families: Record<string, string[]> = {
			formula: ['empty', 'typed', 'functions', 'value', 'emptyAny', 'typedAny'],
			numberFormat: ['date', 'time', 'currency', 'percent', 'number', 'text'],
			pageNumbers: ['footer', 'header', 'either'],
			pageSetup: ['landscape', 'portrait'],
			pivot: ['rows', 'columns', 'values', 'filters'],
			sorted: ['ascending', 'descending'],
		};
		const templated = Object.entries(families).flatMap(([family, names]) =>
			names.map((name) => `check.${family}.${name}`),
		);
		const keys = [...literal, ...templated, ...Object.values(OPEN_REFUSAL_MESSAGE_KEYS)];
		expect(keys.filter((key) => !(key in en))).toEqual([]);
		expect(literal.length).toBeGreaterThan(60);
	});
});
