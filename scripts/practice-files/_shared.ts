/**
 * Helpers the practice-file builders share, so every build writes the same bytes: a seeded random
 * generator for made-up data, and a frozen clock for the libraries that stamp `new Date()` into
 * the files they write.
 */
import type ExcelJS from 'exceljs';

/** mulberry32: a small seeded generator, so every build gives the same data. */
export function makeRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Runs `fn` with `Date` frozen at `fixed`, so the zip timestamps and document properties that
 * exceljs and docx write from `new Date()` / `Date.now()` do not change between builds.
 */
export async function withFixedDate<T>(fixed: Date, fn: () => Promise<T>): Promise<T> {
	const RealDate = globalThis.Date;
	const fixedMs = fixed.getTime();
	class FixedDate extends RealDate {
		constructor(...args: unknown[]) {
			if (args.length === 0) super(fixedMs);
			else super(...(args as [string | number | Date]));
		}
		static now() {
			return fixedMs;
		}
	}
	globalThis.Date = FixedDate as DateConstructor;
	try {
		return await fn();
	} finally {
		globalThis.Date = RealDate;
	}
}

/**
 * Writes `lines` down column A of a sheet, one a row, the first as a bold title: the "Read me" text
 * every practice workbook opens with. `wrap` wraps long lines at the column's width.
 */
export function writeReadMeLines(
	ws: ExcelJS.Worksheet,
	lines: string[],
	options: { wrap?: boolean } = {},
): void {
	lines.forEach((line, i) => {
		const cell = ws.getCell(i + 1, 1);
		cell.value = line;
		if (options.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
		if (i === 0) cell.font = { bold: true, size: 14 };
	});
}
