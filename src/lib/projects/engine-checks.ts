/**
 * Two checks the grading engine adds to the check library (./checks/), for what its projects need
 * and the library does not cover. Same shape as the library's checks (`CheckDefinition`):
 * - `xlsx.calculated`: cells hold a formula (any functions) whose saved result is right for the
 *   attempt's data — for plain arithmetic such as `=H2*I2`, where `xlsx.formula` requires named
 *   functions;
 * - `xlsx.clean-column`: the data under a header holds exactly the given texts (case and spaces
 *   count, unlike the library's `xlsx.column-values`), in any order
 *   (a cleaned and de-duplicated list).
 * Messages use i18n keys under `project.check.`.
 */
import { z } from 'zod';
import type { CheckDefinition, CheckOutcome } from './checks/index.ts';
import {
	expandRange,
	findSheet,
	readSheets,
	splitRef,
	type Cell,
	type Sheet,
} from './engine-checks-xlsx-read.ts';
import type { OfficeFile } from './ooxml.ts';

type Scalar = string | number | boolean;
const Expected = z.union([
	z.string(),
	z.number(),
	z.boolean(),
	z.array(z.union([z.string(), z.number()])),
]);

const sheetsCache = new WeakMap<OfficeFile, Sheet[]>();
function sheetsOf(file: OfficeFile): Sheet[] {
	let s = sheetsCache.get(file);
	if (!s) sheetsCache.set(file, (s = readSheets(file)));
	return s;
}

function same(actual: Cell['value'], expected: Scalar, tolerance: number): boolean {
	if (typeof expected === 'number') {
		const n =
			typeof actual === 'number'
				? actual
				: typeof actual === 'string' && actual.trim() !== ''
					? Number(actual)
					: NaN;
		return Number.isFinite(n) && Math.abs(n - expected) <= tolerance;
	}
	if (typeof expected === 'boolean') return actual === expected;
	const norm = (v: string) => v.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
	return norm(actual === null ? '' : String(actual)) === norm(expected);
}

const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
const ok = (): CheckOutcome => ({ score: 1, message: { key: 'project.check.ok' } });

const CalculatedParams = z.strictObject({
	/** Cell or range, e.g. `Orders!J2:J31`. */
	cell: z.string(),
	/** The result for this attempt's data: a constant, or (usually) a `$name` list for a range. */
	expected: Expected,
	/** Absolute tolerance for numbers. Default 0.01. */
	tolerance: z.number().min(0).default(0.01),
});

const ColumnValuesParams = z.strictObject({
	/** Sheet that holds the column. */
	sheet: z.string(),
	/** Header text of the column. */
	column: z.string(),
	/** The values the column must hold, in any order (`$name` or a list); text compared exactly. */
	expected: z.array(z.union([z.string(), z.number()])),
});

/** Header → column letter and header row (the first cell holding the header text). */
function findColumn(sheet: Sheet, header: string): { col: string; row: number } | null {
	for (const cell of sheet.cells.values()) {
		if (
			typeof cell.value === 'string' &&
			cell.value.trim().toLowerCase() === header.toLowerCase()
		) {
			const m = /^([A-Z]+)(\d+)$/.exec(cell.ref)!;
			return { col: m[1]!, row: Number(m[2]) };
		}
	}
	return null;
}

const calculated: CheckDefinition<z.infer<typeof CalculatedParams>> = {
	type: 'xlsx.calculated',
	kind: 'xlsx',
	params: CalculatedParams,
	run(ctx, p) {
		const { sheet: name, range } = splitRef(p.cell);
		const sheet = name ? findSheet(sheetsOf(ctx.file), name) : sheetsOf(ctx.file)[0];
		if (!sheet)
			return {
				score: 0,
				message: { key: 'project.check.sheetMissing', vars: { sheet: name ?? '' } },
			};
		const cells = expandRange(range).map(
			(r) => sheet.cells.get(r) ?? { ref: r, formula: null, value: null },
		);
		const expected = Array.isArray(p.expected) ? p.expected : cells.map(() => p.expected as Scalar);
		let right = 0;
		let problem: CheckOutcome['message'] | null = null;
		cells.forEach((c, i) => {
			if (!c.formula) problem ??= { key: 'project.check.formulaMissing', vars: { cell: c.ref } };
			else if (expected[i] === undefined || !same(c.value, expected[i]!, p.tolerance))
				problem ??= { key: 'project.check.formulaValue', vars: { cell: c.ref } };
			else right++;
		});
		return problem ? { score: share(right, cells.length), message: problem } : ok();
	},
};

const columnValues: CheckDefinition<z.infer<typeof ColumnValuesParams>> = {
	type: 'xlsx.clean-column',
	kind: 'xlsx',
	params: ColumnValuesParams,
	run(ctx, p) {
		const sheet = findSheet(sheetsOf(ctx.file), p.sheet);
		const at = sheet ? findColumn(sheet, p.column) : null;
		if (!sheet || !at)
			return {
				score: 0,
				message: { key: 'project.check.columnMissing', vars: { column: p.column, sheet: p.sheet } },
			};
		const have: string[] = [];
		for (let r = at.row + 1; ; r++) {
			const c = sheet.cells.get(`${at.col}${r}`);
			if (!c || c.value === null || c.value === '') break;
			have.push(String(c.value));
		}
		const pool = p.expected.map(String);
		const want = pool.length;
		let matched = 0;
		for (const h of have) {
			const i = pool.indexOf(h);
			if (i >= 0) {
				pool.splice(i, 1);
				matched++;
			}
		}
		const score = share(matched, Math.max(want, have.length));
		return score === 1
			? ok()
			: {
					score,
					message: { key: 'project.check.columnValues', vars: { column: p.column, count: want } },
				};
	},
};

/** The engine's checks by type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own params type
export const ENGINE_CHECKS: Record<string, CheckDefinition<any>> = {
	[calculated.type]: calculated,
	[columnValues.type]: columnValues,
};
