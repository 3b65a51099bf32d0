/**
 * Finished project files made the two ways the tests need: with exceljs (formulas plus the cached
 * results an application saves, computed here from the data in the start file itself), and with
 * LibreOffice Calc driven by Python-UNO (tests/helpers/libreoffice/solve.py), which calculates and
 * exports .xlsx with its own filter. `skip` leaves steps undone, to test partial credit.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { root } from './server.ts';

const run = promisify(execFile);
const REGIONS = ['North', 'South', 'East', 'West'];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
	return wb;
}

function solveOrderReport(wb: ExcelJS.Workbook, skip: string[]): void {
	const orders = wb.getWorksheet('Orders')!;
	const list = wb.getWorksheet('Price list')!;
	const prices = new Map<string, number>();
	list.eachRow((row, r) => r > 1 && prices.set(String(row.getCell(1).value), Number(row.getCell(3).value)));
	const rows: { region: string; channel: string; total: number }[] = [];
	orders.eachRow((row, r) => {
		if (r === 1) return;
		const price = prices.get(String(row.getCell(7).value))!;
		const total = Number(row.getCell(8).value) * price;
		rows.push({ region: String(row.getCell(5).value), channel: String(row.getCell(6).value), total });
		if (!skip.includes('unit-prices')) row.getCell(9).value = { formula: `_xlfn.XLOOKUP(G${r},'Price list'!$A$2:$A$11,'Price list'!$C$2:$C$11)`, result: price };
		if (!skip.includes('line-totals')) row.getCell(10).value = { formula: `H${r}*I${r}`, result: total };
	});
	const last = rows.length + 1;
	const summary = wb.getWorksheet('Summary')!;
	REGIONS.forEach((region, i) => {
		const r = i + 2;
		const sum = (f: (x: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, x) => s + x.total, 0);
		if (!skip.includes('region-totals')) summary.getCell(`B${r}`).value = { formula: `SUMIFS(Orders!$J$2:$J$${last},Orders!$E$2:$E$${last},A${r})`, result: sum((x) => x.region === region) };
		if (!skip.includes('whatsapp-totals'))
			summary.getCell(`C${r}`).value = { formula: `SUMIFS(Orders!$J$2:$J$${last},Orders!$E$2:$E$${last},A${r},Orders!$F$2:$F$${last},"WhatsApp")`, result: sum((x) => x.region === region && x.channel === 'WhatsApp') };
	});
}

const EXCELJS_SOLVERS: Record<string, (wb: ExcelJS.Workbook, skip: string[]) => void | Promise<void>> = {
	'order-report': solveOrderReport,
};

/** The start file completed with exceljs (exceljs drops custom properties: the About sheet's key remains). */
export async function solveWithExcelJs(projectId: string, start: Uint8Array, skip: string[] = []): Promise<Uint8Array> {
	const wb = await load(start);
	await EXCELJS_SOLVERS[projectId]!(wb, skip);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Projects the exceljs and LibreOffice solvers know. */
export const SOLVABLE_PROJECTS = Object.keys(EXCELJS_SOLVERS);

/** Start files completed by LibreOffice Calc in one headless session. */
export async function solveWithLibreOffice(jobs: { projectId: string; start: Uint8Array; skip?: string[] }[]): Promise<Uint8Array[]> {
	const dir = mkdtempSync(join(tmpdir(), 'dakshata-lo-'));
	const list = jobs.map((j, i) => {
		const src = join(dir, `start-${i}.xlsx`);
		writeFileSync(src, j.start);
		return { project: j.projectId, src, out: join(dir, `solved-${i}.xlsx`), skip: j.skip ?? [] };
	});
	writeFileSync(join(dir, 'jobs.json'), JSON.stringify(list));
	// Debian's python3-uno lives in the system Python, not in a version manager's shim.
	await run('/usr/bin/python3', [join(root, 'tests', 'helpers', 'libreoffice', 'solve.py'), join(dir, 'jobs.json')], { cwd: dir, timeout: 600_000 });
	return list.map((j) => new Uint8Array(readFileSync(j.out)));
}
