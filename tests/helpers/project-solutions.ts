/**
 * Finished project files made the two ways the tests need: with a JS library — exceljs for Excel
 * (formulas plus the cached results an application saves, computed here from the data in the
 * start file itself), the docx package and pptxgenjs for Word and PowerPoint (./office-solutions.ts)
 * — and with LibreOffice Calc, Writer or Impress driven by Python-UNO
 * (tests/helpers/libreoffice/solve.py), which exports .xlsx/.docx/.pptx with its own filters.
 * `skip` leaves steps undone, to test partial credit.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { OFFICE_JS_SOLVERS } from './office-solutions.ts';
import { addPivotAndChart } from './ooxml-parts.ts';
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
	list.eachRow(
		(row, r) => r > 1 && prices.set(String(row.getCell(1).value), Number(row.getCell(3).value)),
	);
	const rows: { region: string; channel: string; total: number }[] = [];
	orders.eachRow((row, r) => {
		if (r === 1) return;
		const price = prices.get(String(row.getCell(7).value))!;
		const total = Number(row.getCell(8).value) * price;
		rows.push({
			region: String(row.getCell(5).value),
			channel: String(row.getCell(6).value),
			total,
		});
		if (!skip.includes('unit-prices'))
			row.getCell(9).value = {
				formula: `_xlfn.XLOOKUP(G${r},'Price list'!$A$2:$A$11,'Price list'!$C$2:$C$11)`,
				result: price,
			};
		if (!skip.includes('line-totals'))
			row.getCell(10).value = { formula: `H${r}*I${r}`, result: total };
	});
	const last = rows.length + 1;
	const summary = wb.getWorksheet('Summary')!;
	REGIONS.forEach((region, i) => {
		const r = i + 2;
		const sum = (f: (x: (typeof rows)[number]) => boolean) =>
			rows.filter(f).reduce((s, x) => s + x.total, 0);
		if (!skip.includes('region-totals'))
			summary.getCell(`B${r}`).value = {
				formula: `SUMIFS(Orders!$J$2:$J$${last},Orders!$E$2:$E$${last},A${r})`,
				result: sum((x) => x.region === region),
			};
		if (!skip.includes('whatsapp-totals'))
			summary.getCell(`C${r}`).value = {
				formula: `SUMIFS(Orders!$J$2:$J$${last},Orders!$E$2:$E$${last},A${r},Orders!$F$2:$F$${last},"WhatsApp")`,
				result: sum((x) => x.region === region && x.channel === 'WhatsApp'),
			};
	});
}

const CITY_ITEMS = ['Dhaka', 'Chattogram', 'Sylhet', 'Khulna', 'Rajshahi'];
const tidy = (s: string) =>
	s
		.trim()
		.replace(/\s+/g, ' ')
		.toLowerCase()
		.replace(/(^|[\s-])(\p{L})/gu, (m) => m.toUpperCase());

function solveCustomerList(wb: ExcelJS.Workbook, skip: string[]): void {
	const old = wb.getWorksheet('Customers')!;
	let rows: string[][] = [];
	old.eachRow(
		(row, r) => r > 1 && rows.push([1, 2, 3, 4].map((c) => String(row.getCell(c).value ?? ''))),
	);
	// A fresh sheet in the same place: exceljs cannot reliably delete rows under a new table.
	wb.removeWorksheet(old.id);
	const ws = wb.addWorksheet('Customers');
	rows = rows.map(([name, phone, city, source]) => [
		skip.includes('clean-names') ? name! : tidy(name!),
		phone!,
		skip.includes('clean-cities') ? city! : tidy(city!),
		source!,
	]);
	if (!skip.includes('table')) {
		const seen = new Set<string>();
		rows = rows.filter((r) => !seen.has(`${r[0]}|${r[1]}`) && Boolean(seen.add(`${r[0]}|${r[1]}`)));
	}
	if (skip.includes('table'))
		for (const r of [['Name', 'Phone', 'City', 'Source'], ...rows]) ws.addRow(r);
	else {
		ws.addTable({
			name: 'Customers',
			ref: 'A1',
			headerRow: true,
			style: { theme: 'TableStyleMedium2', showRowStripes: true },
			columns: ['Name', 'Phone', 'City', 'Source'].map((name) => ({ name, filterButton: true })),
			rows,
		});
	}
	if (!skip.includes('city-dropdown'))
		for (let r = 2; r <= rows.length + 1; r++)
			ws.getCell(`C${r}`).dataValidation = {
				type: 'list',
				allowBlank: false,
				formulae: [`"${CITY_ITEMS.join(',')}"`],
			};
}

const STATUS_ITEMS = ['New', 'Contacted', 'Replied', 'Not interested'];

function solveLeadList(wb: ExcelJS.Workbook, skip: string[]): void {
	const old = wb.getWorksheet('Leads')!;
	let rows: string[][] = [];
	old.eachRow(
		(row, r) => r > 1 && rows.push([1, 2, 3, 4, 5].map((c) => String(row.getCell(c).value ?? ''))),
	);
	wb.removeWorksheet(old.id);
	const ws = wb.addWorksheet('Leads');
	rows = rows.map(([company, contact, email, town, status]) => [
		company!,
		skip.includes('clean-contacts') ? contact! : tidy(contact!),
		skip.includes('clean-emails') ? email! : email!.trim().toLowerCase(),
		town!,
		status!,
	]);
	const headers = ['Company', 'Contact', 'Email', 'Town', 'Status'];
	if (!skip.includes('dedupe-table')) {
		// Remove Duplicates on the Email column, which ignores case as Excel's does.
		const seen = new Set<string>();
		rows = rows.filter(
			(r) => !seen.has(r[2]!.toLowerCase()) && Boolean(seen.add(r[2]!.toLowerCase())),
		);
		ws.addTable({
			name: 'Leads',
			ref: 'A1',
			headerRow: true,
			style: { theme: 'TableStyleMedium2', showRowStripes: true },
			columns: headers.map((name) => ({ name, filterButton: true })),
			rows,
		});
	} else for (const r of [headers, ...rows]) ws.addRow(r);
	if (!skip.includes('status-dropdown'))
		for (let r = 2; r <= rows.length + 1; r++)
			ws.getCell(`E${r}`).dataValidation = {
				type: 'list',
				allowBlank: false,
				formulae: [`"${STATUS_ITEMS.join(',')}"`],
			};
}

function solveSalesSummary(wb: ExcelJS.Workbook, skip: string[]): void {
	const orders = wb.getWorksheet('Orders')!;
	const totals = new Map<string, number>();
	orders.eachRow(
		(row, r) =>
			r > 1 &&
			totals.set(
				String(row.getCell(4).value),
				(totals.get(String(row.getCell(4).value)) ?? 0) + Number(row.getCell(7).value),
			),
	);
	const regions = [...totals.keys()].sort();
	const pivot = wb.addWorksheet('Pivot');
	// The pivot table's output as Excel saves it (values under the definition's location A3).
	pivot.getCell('A3').value = 'Row Labels';
	pivot.getCell('B3').value = 'Sum of Total (₹)';
	regions.forEach((region, i) => {
		pivot.getCell(`A${i + 4}`).value = region;
		pivot.getCell(`B${i + 4}`).value = totals.get(region)!;
	});
	if (!skip.includes('answer')) {
		const best = regions.reduce((a, b) => (totals.get(b)! > totals.get(a)! ? b : a));
		const summary = wb.getWorksheet('Summary')!;
		summary.getCell('B2').value = best;
		summary.getCell('B3').value = totals.get(best)!;
	}
	pivotPlan =
		skip.includes('pivot') && skip.includes('chart')
			? null
			: { regions, count: orders.rowCount, skip };
}

let pivotPlan: { regions: string[]; count: number; skip: string[] } | null = null;

const EXCELJS_SOLVERS: Record<
	string,
	(wb: ExcelJS.Workbook, skip: string[]) => void | Promise<void>
> = {
	'customer-list': solveCustomerList,
	'lead-list': solveLeadList,
	'order-report': solveOrderReport,
	'sales-summary': solveSalesSummary,
};

/**
 * The start file completed with a JS library: exceljs for Excel projects, the docx package or
 * pptxgenjs for Word and PowerPoint ones. None writes custom properties: the visible key remains
 * (the About sheet, the footer, the first slide).
 */
export async function solveWithJs(
	projectId: string,
	start: Uint8Array,
	skip: string[] = [],
): Promise<Uint8Array> {
	const office = OFFICE_JS_SOLVERS[projectId];
	if (office) return office(start, skip);
	const wb = await load(start);
	pivotPlan = null;
	await EXCELJS_SOLVERS[projectId]!(wb, skip);
	const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
	if (projectId !== 'sales-summary' || !pivotPlan) return bytes;
	const plan = pivotPlan as { regions: string[]; count: number; skip: string[] };
	const last = 3 + plan.regions.length;
	return addPivotAndChart(bytes, {
		sourceSheet: 'Orders',
		sourceRef: `A1:G${plan.count}`,
		headers: ['Order ID', 'Order date', 'City', 'Region', 'Channel', 'Product', 'Total (₹)'],
		rowField: 3,
		dataField: plan.skip.includes('pivot') ? 5 : 6,
		items: plan.regions,
		targetSheet: 'Pivot',
		chart: {
			barDir: plan.skip.includes('chart') ? 'bar' : 'col',
			title: plan.skip.includes('chart') ? '' : 'Sales by region, January to March',
			categories: `Pivot!$A$4:$A$${last}`,
			values: `Pivot!$B$4:$B$${last}`,
		},
	});
}

/** The former name, kept for the callers that only solve Excel projects. */
export const solveWithExcelJs = solveWithJs;

/** Projects the JS and LibreOffice solvers know. */
export const SOLVABLE_PROJECTS = [
	...Object.keys(EXCELJS_SOLVERS),
	...Object.keys(OFFICE_JS_SOLVERS),
];

/** File extension of a start file, from its content types. */
export function getOfficeKind(bytes: Uint8Array): 'xlsx' | 'docx' | 'pptx' {
	const types = strFromU8(
		unzipSync(bytes, { filter: (f) => f.name === '[Content_Types].xml' })['[Content_Types].xml']!,
	);
	return types.includes('wordprocessingml')
		? 'docx'
		: types.includes('presentationml')
			? 'pptx'
			: 'xlsx';
}

/** Start files completed by LibreOffice (Calc, Writer or Impress) in one headless session. */
export async function solveWithLibreOffice(
	jobs: { projectId: string; start: Uint8Array; skip?: string[] }[],
): Promise<Uint8Array[]> {
	const dir = mkdtempSync(join(tmpdir(), 'dakshata-lo-'));
	const list = jobs.map((j, i) => {
		const ext = getOfficeKind(j.start);
		const src = join(dir, `start-${i}.${ext}`);
		writeFileSync(src, j.start);
		return { project: j.projectId, src, out: join(dir, `solved-${i}.${ext}`), skip: j.skip ?? [] };
	});
	writeFileSync(join(dir, 'jobs.json'), JSON.stringify(list));
	// Debian's python3-uno lives in the system Python, not in a version manager's shim.
	await run(
		'/usr/bin/python3',
		[join(root, 'tests', 'helpers', 'libreoffice', 'solve.py'), join(dir, 'jobs.json')],
		{ cwd: dir, timeout: 600_000 },
	);
	return list.map((j) => new Uint8Array(readFileSync(j.out)));
}
