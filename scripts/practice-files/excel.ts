/**
 * Practice files for the course "Excel for virtual assistants" (courses/excel).
 *
 * - client-contacts-messy.xlsx / .csv: a Dhaka shop's customer list with the usual mess
 *   (capitalisation, stray spaces, mixed date formats, numbers stored as text, duplicates).
 * - task-tracker.xlsx: a VA's task log with inconsistent entries, for tables and data validation.
 * - orders-2026.xlsx: 300 orders of an online spice shop, for sorting, formulas, pivot tables, charts.
 * - price-list.xlsx: the same shop's price list and a wholesale order to complete with XLOOKUP.
 *
 * Everything is deterministic: a seeded generator, fixed dates, and fixed timestamps inside the
 * .xlsx zip so that a rebuild gives the same bytes. Run `node scripts/practice-files/build.ts excel`
 * to rebuild, or this file directly with `--stats` to print the answers the lessons quote.
 */
import ExcelJS from 'exceljs';
import { makeRandom, writeReadMeLines } from './_shared.ts';
import type { PracticeFile } from './types.ts';
import { fixZipTimes } from './_zip.ts';

// ------------------------------------------------------------------ helpers

function at<T>(list: readonly T[], index: number): T {
	const item = list[index];
	if (item === undefined) throw new Error(`index ${index} out of range`);
	return item;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
	return at(list, Math.floor(rand() * list.length));
}

/** Picks from [value, weight] pairs. */
function weighted<T>(rand: () => number, pairs: readonly (readonly [T, number])[]): T {
	const total = pairs.reduce((sum, [, w]) => sum + w, 0);
	let r = rand() * total;
	for (const [value, w] of pairs) {
		r -= w;
		if (r < 0) return value;
	}
	return at(pairs, pairs.length - 1)[0];
}

function int(rand: () => number, min: number, max: number): number {
	return min + Math.floor(rand() * (max - min + 1));
}

/** A date at midnight UTC (ExcelJS stores dates as UTC, so the cell shows exactly this day). */
function day(y: number, m: number, d: number): Date {
	return new Date(Date.UTC(y, m - 1, d));
}

function addDays(date: Date, days: number): Date {
	return new Date(date.getTime() + days * 86_400_000);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

const FIXED_TIME = day(2026, 1, 5);

function newWorkbook(): ExcelJS.Workbook {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Dakshata';
	wb.lastModifiedBy = 'Dakshata';
	wb.created = FIXED_TIME;
	wb.modified = FIXED_TIME;
	return wb;
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
	const raw = await wb.xlsx.writeBuffer();
	return fixZipTimes(Buffer.from(raw as ArrayBuffer));
}

function styleHeader(row: ExcelJS.Row): void {
	row.font = { bold: true };
	row.eachCell((cell) => {
		cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
		cell.border = { bottom: { style: 'thin' } };
	});
}

function readMeSheet(wb: ExcelJS.Workbook, lines: string[]): void {
	const ws = wb.addWorksheet('Read me');
	ws.getColumn(1).width = 110;
	writeReadMeLines(ws, lines);
}

function csvField(value: string): string {
	return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// ------------------------------------------------------------------ 1. messy customer list

/** A clean customer record; the mess is added when the file is written. */
interface Customer {
	first: string;
	last: string;
	email: string;
	phone: string; // 11 digits, e.g. 01712345678
	city: string; // clean name
	firstOrder: Date;
	spent: number;
	source: string; // clean name
}

/** One row as it appears in the messy file. */
interface MessyRow {
	name: string;
	email: string;
	phone: string | number;
	city: string;
	firstOrder: string | Date;
	spent: string | number;
	source: string;
}

/** Name groups whose first names and family names go together. */
const BD_NAMES: readonly (readonly [readonly string[], readonly string[], number])[] = [
	[
		[
			'Rahima',
			'Shirin',
			'Nusrat',
			'Farzana',
			'Tahmina',
			'Sharmin',
			'Jannatul',
			'Sadia',
			'Lamia',
			'Tasnim',
			'Sumaiya',
			'Nasrin',
			'Ayesha',
		],
		[
			'Akter',
			'Khatun',
			'Sultana',
			'Begum',
			'Ahmed',
			'Hasan',
			'Islam',
			'Rahman',
			'Hossain',
			'Chowdhury',
			'Karim',
			'Haque',
		],
		5,
	],
	[
		[
			'Tanvir',
			'Mahmud',
			'Arif',
			'Sabbir',
			'Imran',
			'Rakib',
			'Kamrul',
			'Habib',
			'Rashed',
			'Anisur',
			'Mizanur',
			'Rezaul',
			'Fahim',
			'Shakil',
			'Jahid',
		],
		[
			'Ahmed',
			'Hasan',
			'Islam',
			'Rahman',
			'Hossain',
			'Chowdhury',
			'Karim',
			'Uddin',
			'Sarkar',
			'Mollah',
			'Talukder',
			'Siddique',
			'Haque',
		],
		5,
	],
	[
		['Rupa', 'Moushumi', 'Priyanka', 'Sujan', 'Partha', 'Dipankar', 'Ananya'],
		['Das', 'Saha', 'Barua', 'Roy', 'Sen', 'Dey'],
		2,
	],
];
const BD_CITIES: readonly (readonly [string, number])[] = [
	['Dhaka', 20],
	['Chattogram', 8],
	['Sylhet', 5],
	['Khulna', 4],
	['Rajshahi', 4],
	['Gazipur', 4],
	['Narayanganj', 3],
];
const BD_SOURCES: readonly (readonly [string, number])[] = [
	['Facebook', 18],
	['Instagram', 9],
	['Walk-in', 7],
	['Daraz', 6],
	['Referral', 4],
];

function makeCustomers(): Customer[] {
	const rand = makeRandom(20260105);
	const used = new Set<string>();
	const customers: Customer[] = [];
	while (customers.length < 48) {
		const [firsts, lasts] = weighted(
			rand,
			BD_NAMES.map((g) => [g, g[2]] as const),
		);
		const first = pick(rand, firsts);
		const last = pick(rand, lasts);
		if (used.has(first + last)) continue;
		used.add(first + last);
		const domain = weighted(rand, [
			['example.com', 7],
			['example.net', 2],
			['example.org', 2],
		]);
		const style = int(rand, 0, 2);
		const local =
			style === 0
				? `${first}.${last}`.toLowerCase()
				: style === 1
					? `${first}${int(rand, 11, 99)}`.toLowerCase()
					: `${first.charAt(0)}${last}`.toLowerCase();
		// Every customer gets a different mailbox name, so the email column identifies a person.
		if (used.has(`@${local}`)) continue;
		used.add(`@${local}`);
		const prefix = pick(rand, ['017', '018', '019', '016', '015', '013']);
		customers.push({
			first,
			last,
			email: `${local}@${domain}`,
			phone: `${prefix}${String(int(rand, 10_000_000, 99_999_999))}`,
			city: weighted(rand, BD_CITIES),
			firstOrder: addDays(day(2025, 7, 1), int(rand, 0, 272)),
			spent: int(rand, 6, 260) * 50,
			source: weighted(rand, BD_SOURCES),
		});
	}
	return customers;
}

function messName(rand: () => number, c: Customer): string {
	let name = `${c.first} ${c.last}`;
	const r = rand();
	if (r < 0.14) name = name.toLowerCase();
	else if (r < 0.28) name = name.toUpperCase();
	else if (r < 0.34) name = `${c.first.toLowerCase()} ${c.last.toUpperCase()}`;
	const s = rand();
	if (s < 0.15) name = `  ${name}`;
	else if (s < 0.3) name = `${name} `;
	else if (s < 0.4) name = name.replace(' ', '   ');
	return name;
}

function messEmail(rand: () => number, c: Customer): string {
	const r = rand();
	if (r < 0.1) return c.email.charAt(0).toUpperCase() + c.email.slice(1);
	if (r < 0.16) return c.email.toUpperCase();
	if (r < 0.26) return `${c.email} `;
	return c.email;
}

function messPhone(rand: () => number, c: Customer): string | number {
	const p = c.phone;
	const r = rand();
	if (r < 0.3) return `${p.slice(0, 5)}-${p.slice(5)}`;
	if (r < 0.5) return `+880 ${p.slice(1, 5)}-${p.slice(5)}`;
	if (r < 0.65) return `${p.slice(0, 5)} ${p.slice(5, 8)} ${p.slice(8)}`;
	if (r < 0.8) return Number(p); // the leading zero is lost, as when a CSV is opened carelessly
	return p;
}

function messCity(rand: () => number, city: string): string {
	const r = rand();
	if (city === 'Chattogram') return pick(rand, ['Chattogram', 'Chittagong', 'CTG', 'chattogram']);
	if (r < 0.15) return city.toLowerCase();
	if (r < 0.25) return city.toUpperCase();
	if (r < 0.35) return `${city} `;
	return city;
}

function messDate(rand: () => number, d: Date): string | Date {
	const dd = d.getUTCDate();
	const mm = d.getUTCMonth() + 1;
	const yyyy = d.getUTCFullYear();
	const r = rand();
	if (r < 0.4) return d;
	if (r < 0.6) return `${pad(dd)}/${pad(mm)}/${yyyy}`;
	if (r < 0.72) return `${yyyy}-${pad(mm)}-${pad(dd)}`;
	if (r < 0.86) return `${dd} ${at(MONTHS, mm - 1)} ${yyyy}`;
	return `${pad(dd)}.${pad(mm)}.${yyyy}`;
}

function messSpent(rand: () => number, n: number): string | number {
	const r = rand();
	if (r < 0.5) return n;
	if (r < 0.68) return String(n);
	if (r < 0.84) return n.toLocaleString('en-US');
	if (r < 0.94) return `Tk ${n}`;
	return ` ${n}`;
}

function messSource(rand: () => number, source: string): string {
	const variants: Record<string, string[]> = {
		Facebook: ['Facebook', 'Facebook', 'facebook', 'FB', 'Facebook page'],
		Instagram: ['Instagram', 'Instagram', 'instagram', 'Insta'],
		'Walk-in': ['Walk-in', 'walk in', 'Walk in', 'Shop visit'],
		Daraz: ['Daraz', 'daraz', 'DARAZ'],
		Referral: ['Referral', 'referral', 'Friend referral'],
	};
	return pick(rand, variants[source] ?? [source]);
}

function makeMessyRows(customers: Customer[]): MessyRow[] {
	const rand = makeRandom(777);
	const rows: MessyRow[] = customers.map((c) => ({
		name: messName(rand, c),
		email: messEmail(rand, c),
		phone: messPhone(rand, c),
		city: messCity(rand, c.city),
		firstOrder: messDate(rand, c.firstOrder),
		spent: messSpent(rand, c.spent),
		source: messSource(rand, c.source),
	}));
	// Six duplicates, as when two exports are pasted together: two exact copies, two that
	// differ only in capitalisation, two whose email has a stray space (found only after TRIM).
	const copy = (i: number) => ({ ...at(rows, i) });
	const d1 = copy(4);
	const d2 = copy(17);
	const d3 = {
		...copy(9),
		name: at(rows, 9).name.toUpperCase().trim(),
		email: at(rows, 9).email.trim().toUpperCase(),
	};
	const d4 = {
		...copy(30),
		name: `${at(customers, 30).first} ${at(customers, 30).last}`,
		source: 'facebook',
	};
	const d5 = { ...copy(12), email: `${at(rows, 12).email.trim()}  ` };
	const d6 = { ...copy(25), email: ` ${at(rows, 25).email.trim()}`, city: at(customers, 25).city };
	const inserts: [number, MessyRow][] = [
		[11, d1],
		[22, d2],
		[29, d3],
		[38, d4],
		[44, d5],
		[51, d6],
	];
	for (const [pos, row] of inserts) rows.splice(pos, 0, row);
	return rows;
}

const CONTACT_HEADERS = [
	'Customer Name',
	'Email',
	'Phone',
	'City',
	'First Order',
	'Total Spent (Tk)',
	'Source',
];

function messyValues(r: MessyRow): (string | number | Date)[] {
	return [r.name, r.email, r.phone, r.city, r.firstOrder, r.spent, r.source];
}

async function buildContactsXlsx(): Promise<Buffer> {
	const rows = makeMessyRows(makeCustomers());
	const wb = newWorkbook();
	const ws = wb.addWorksheet('Customers');
	ws.addRow(CONTACT_HEADERS);
	styleHeader(ws.getRow(1));
	for (const r of rows) {
		const row = ws.addRow(messyValues(r));
		const dateCell = row.getCell(5);
		if (r.firstOrder instanceof Date) dateCell.numFmt = 'dd/mm/yyyy';
	}
	[24, 32, 18, 14, 14, 16, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
	readMeSheet(wb, [
		'Nakshi Home Decor: customer list (practice file)',
		'Exported from two places by the shop owner and pasted together, so it needs cleaning before use.',
		'The owner confirms: every date written with slashes or dots is day/month/year.',
		'Phone numbers are Bangladeshi mobile numbers: 11 digits starting with 01 (or +880 and 10 digits).',
		'Goal: one row per customer, names in Proper Case, emails in lower case, no stray spaces,',
		'real dates in the First Order column, real numbers in the Total Spent column, one spelling per city and source.',
		'Keep this original file unchanged and do your cleaning in a copy.',
		'All names, emails and phone numbers are made up for practice (the example.com addresses cannot receive mail).',
	]);
	return toBytes(wb);
}

function buildContactsCsv(): Buffer {
	const rows = makeMessyRows(makeCustomers());
	const lines = [CONTACT_HEADERS.map(csvField).join(',')];
	for (const r of rows) {
		const values = messyValues(r).map((v) => {
			if (v instanceof Date)
				return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
			if (typeof v === 'number') return String(v);
			return v;
		});
		lines.push(values.map(csvField).join(','));
	}
	return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

// ------------------------------------------------------------------ 2. task tracker

async function buildTaskTracker(): Promise<Buffer> {
	const wb = newWorkbook();
	const ws = wb.addWorksheet('Tasks');
	ws.addRow(['Date', 'Client', 'Task', 'Status', 'Hours', 'Billable']);
	// Written by hand: the kind of entries a tired VA types at the end of the day.
	const tasks: [Date | string, string, string, string, number | string, string][] = [
		[day(2026, 3, 2), 'Collins Photography', 'Reply to wedding enquiries', 'Done', 1.5, 'Yes'],
		[day(2026, 3, 2), 'Nakshi Home Decor', 'Update customer list', 'Done', 2, 'Yes'],
		[
			day(2026, 3, 3),
			'Spice Route Kitchen',
			'Schedule Instagram posts for March',
			'Done',
			1,
			'Yes',
		],
		[day(2026, 3, 3), 'Collins Photo', 'Send invoice reminders', 'Completed', 0.5, 'Yes'],
		[day(2026, 3, 4), 'Nakshi Home Decor', 'Research courier rates', 'In progress', '2 hrs', 'Yes'],
		[day(2026, 3, 4), 'Spice Route Kitchen', 'Answer WhatsApp orders', 'Done', 1.25, 'Y'],
		[
			day(2026, 3, 5),
			'Collins Photography',
			'Book venue visit for 14 March',
			'Waiting on client',
			0.25,
			'Yes',
		],
		['06/03/2026', 'Spice Route Kitchen', 'Fix prices in price list', 'Done', 1, 'Yes'],
		[day(2026, 3, 6), 'Nakshi Home Decor', 'Weekly sales summary', 'Done ', 1.5, 'Yes'],
		[day(2026, 3, 9), 'Collins Photograpy', 'Tidy shared Drive folder', 'Done', '45 min', 'No'],
		[day(2026, 3, 9), 'Spice Route Kitchen', 'Pivot table of February orders', 'Done', 2, 'Yes'],
		[day(2026, 3, 10), 'Nakshi Home Decor', 'Call supplier about late delivery', 'WIP', 0.5, 'Yes'],
		[day(2025, 3, 10), 'Collins Photography', 'Draft client welcome email', 'Done', 0.75, 'Yes'],
		[day(2026, 3, 11), 'Spice Route Kitchen', 'Remove duplicate contacts', 'Not started', 0, 'Yes'],
		[
			day(2026, 3, 11),
			'Nakshi Home Decor',
			'Photograph new cushion covers (listing)',
			'In progress',
			3,
			'Yes',
		],
		[day(2026, 3, 12), 'Spice Route', 'Reply to Amazon buyer messages', 'Finished', 1, 'Yes'],
		[day(2026, 3, 12), 'Collins Photography', 'Update booking calendar', 'Done', 1, 'Yes'],
		[day(2026, 3, 13), 'Nakshi Home Decor', 'Monthly stock count sheet', 'In progress', 1.5, 'Yes'],
		[day(2026, 3, 13), 'Spice Route Kitchen', 'Prepare chart for owner', 'Not started', 0, 'No'],
		[
			day(2026, 3, 16),
			'Collins Photography',
			'Confirm album print order',
			'Waiting on client',
			0.5,
			'Yes',
		],
	];
	for (const t of tasks) {
		const row = ws.addRow(t);
		if (t[0] instanceof Date) row.getCell(1).numFmt = 'dd-mmm-yyyy';
	}
	styleHeader(ws.getRow(1));
	[14, 24, 40, 20, 10, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));

	const lists = wb.addWorksheet('Lists');
	lists.addRow(['Clients', 'Status', 'Billable']);
	styleHeader(lists.getRow(1));
	const clients = ['Collins Photography', 'Nakshi Home Decor', 'Spice Route Kitchen'];
	const statuses = ['Not started', 'In progress', 'Waiting on client', 'Done'];
	const billable = ['Yes', 'No'];
	for (let i = 0; i < 4; i++)
		lists.addRow([clients[i] ?? null, statuses[i] ?? null, billable[i] ?? null]);
	[24, 20, 10].forEach((w, i) => (lists.getColumn(i + 1).width = w));

	readMeSheet(wb, [
		'Task tracker (practice file)',
		'A VA logs each task for three clients here. The entries were typed by hand and some do not follow the rules.',
		'Rules: Date in March 2026; Client and Status from the lists on the Lists sheet;',
		'Hours a number from 0 to 12 (quarter hours, e.g. 0.25 = 15 minutes); Billable Yes or No.',
		'Lesson tasks: turn the Tasks sheet into a table, add data validation, then find and fix the bad entries.',
	]);
	return toBytes(wb);
}

// ------------------------------------------------------------------ 3. price list and orders

interface Product {
	code: string;
	name: string;
	category: string;
	pack: string;
	price: number;
	inStock: boolean;
	popularity: number;
}

const PRODUCTS: Product[] = [
	{
		code: 'SP-101',
		name: 'Black pepper (whole)',
		category: 'Whole spices',
		pack: '100 g',
		price: 180,
		inStock: true,
		popularity: 9,
	},
	{
		code: 'SP-102',
		name: 'Green cardamom',
		category: 'Whole spices',
		pack: '50 g',
		price: 320,
		inStock: true,
		popularity: 8,
	},
	{
		code: 'SP-103',
		name: 'Cloves',
		category: 'Whole spices',
		pack: '50 g',
		price: 150,
		inStock: true,
		popularity: 4,
	},
	{
		code: 'SP-104',
		name: 'Cinnamon sticks',
		category: 'Whole spices',
		pack: '100 g',
		price: 140,
		inStock: true,
		popularity: 5,
	},
	{
		code: 'SP-105',
		name: 'Star anise',
		category: 'Whole spices',
		pack: '50 g',
		price: 120,
		inStock: false,
		popularity: 2,
	},
	{
		code: 'SP-201',
		name: 'Turmeric powder',
		category: 'Ground spices',
		pack: '200 g',
		price: 110,
		inStock: true,
		popularity: 9,
	},
	{
		code: 'SP-202',
		name: 'Kashmiri chilli powder',
		category: 'Ground spices',
		pack: '200 g',
		price: 190,
		inStock: true,
		popularity: 7,
	},
	{
		code: 'SP-203',
		name: 'Coriander powder',
		category: 'Ground spices',
		pack: '200 g',
		price: 90,
		inStock: true,
		popularity: 6,
	},
	{
		code: 'SP-204',
		name: 'Cumin powder',
		category: 'Ground spices',
		pack: '100 g',
		price: 130,
		inStock: true,
		popularity: 5,
	},
	{
		code: 'SP-301',
		name: 'Garam masala',
		category: 'Blends',
		pack: '100 g',
		price: 160,
		inStock: true,
		popularity: 8,
	},
	{
		code: 'SP-302',
		name: 'Sambar powder',
		category: 'Blends',
		pack: '200 g',
		price: 150,
		inStock: true,
		popularity: 6,
	},
	{
		code: 'SP-303',
		name: 'Chaat masala',
		category: 'Blends',
		pack: '100 g',
		price: 95,
		inStock: true,
		popularity: 4,
	},
	{
		code: 'SP-304',
		name: 'Fish curry masala',
		category: 'Blends',
		pack: '100 g',
		price: 125,
		inStock: true,
		popularity: 4,
	},
	{
		code: 'SP-401',
		name: 'Masala chai mix',
		category: 'Tea',
		pack: '250 g',
		price: 260,
		inStock: true,
		popularity: 7,
	},
	{
		code: 'SP-402',
		name: 'Cardamom tea',
		category: 'Tea',
		pack: '250 g',
		price: 290,
		inStock: true,
		popularity: 4,
	},
	{
		code: 'SP-403',
		name: 'Green tea (loose)',
		category: 'Tea',
		pack: '100 g',
		price: 210,
		inStock: false,
		popularity: 3,
	},
	{
		code: 'SP-501',
		name: 'Festival gift box',
		category: 'Gift boxes',
		pack: '1 box',
		price: 1450,
		inStock: true,
		popularity: 3,
	},
	{
		code: 'SP-502',
		name: 'Mini spice sampler',
		category: 'Gift boxes',
		pack: '1 box',
		price: 650,
		inStock: true,
		popularity: 4,
	},
];

function product(code: string): Product {
	const p = PRODUCTS.find((x) => x.code === code);
	if (!p) throw new Error(`no product ${code}`);
	return p;
}

/** The wholesale order on the "Order lines" sheet: codes as the café typed them. */
const ORDER_LINES: [string, number][] = [
	['SP-101', 10],
	['SP-201', 12],
	['SP-301', 8],
	['sp-401', 6],
	['SP-202', 5],
	['SP-105', 4],
	['SP-403 ', 3],
	['SP-206', 2],
	['SP-502', 2],
	['SP-102', 5],
];

async function buildPriceList(): Promise<Buffer> {
	const wb = newWorkbook();
	const ws = wb.addWorksheet('Price list');
	ws.addRow(['Code', 'Product', 'Category', 'Pack', 'Price (₹)', 'In stock']);
	styleHeader(ws.getRow(1));
	for (const p of PRODUCTS)
		ws.addRow([p.code, p.name, p.category, p.pack, p.price, p.inStock ? 'Yes' : 'No']);
	ws.getColumn(5).numFmt = '#,##0';
	[10, 26, 16, 8, 11, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
	ws.views = [{ state: 'frozen', ySplit: 1 }];

	const ol = wb.addWorksheet('Order lines');
	ol.getCell('A1').value = 'Wholesale order from Café Kaapi, Bengaluru (order date 16-Mar-2026)';
	ol.getCell('A1').font = { bold: true };
	ol.addRow([]);
	ol.addRow(['Line', 'Code', 'Qty', 'Product', 'Unit price (₹)', 'Line total (₹)', 'In stock?']);
	styleHeader(ol.getRow(3));
	ORDER_LINES.forEach(([code, qty], i) => ol.addRow([i + 1, code, qty, null, null, null, null]));
	ol.addRow([]);
	ol.addRow([null, null, null, null, 'Order total', null]);
	ol.getRow(15).font = { bold: true };
	[6, 10, 6, 26, 14, 14, 10].forEach((w, i) => (ol.getColumn(i + 1).width = w));

	const find = wb.addWorksheet('Find the code');
	find.addRow(['The owner asks: what are the codes of these products?']);
	find.getCell('A1').font = { bold: true };
	find.addRow([]);
	find.addRow(['Product', 'Code']);
	styleHeader(find.getRow(3));
	for (const name of ['Garam masala', 'Cloves', 'Cardamom tea', 'Mini spice sampler'])
		find.addRow([name, null]);
	[26, 10].forEach((w, i) => (find.getColumn(i + 1).width = w));

	readMeSheet(wb, [
		'Spice Route Kitchen: price list (practice file)',
		'Prices are in Indian rupees for one pack. Spice Route Kitchen is a made-up online spice shop in Kochi.',
		'Order lines: fill Product, Unit price, Line total and In stock? with lookup formulas, then the Order total.',
		'Some codes were typed carelessly by the customer. Your formulas should cope, or show clearly what needs checking.',
		'Find the code: the product name is to the right of the code in the price list, which VLOOKUP cannot handle. XLOOKUP can.',
	]);
	return toBytes(wb);
}

interface Order {
	id: string;
	date: Date;
	customer: string;
	city: string;
	region: string;
	channel: string;
	code: string;
	qty: number;
	status: string;
}

/** Customers of the spice shop and the city each one orders to. */
const IN_CUSTOMERS: readonly (readonly [string, string])[] = [
	['Anjali Menon', 'Kochi'],
	['Rohan Sharma', 'Delhi'],
	['Priya Iyer', 'Chennai'],
	['Arjun Reddy', 'Hyderabad'],
	['Meera Nair', 'Kochi'],
	['Vikram Pillai', 'Kochi'],
	['Kavya Rao', 'Bengaluru'],
	['Suresh Kumar', 'Chennai'],
	['Divya Gupta', 'Delhi'],
	['Rahul Verma', 'Lucknow'],
	['Sneha Joshi', 'Pune'],
	['Aditya Patel', 'Ahmedabad'],
	['Lakshmi Narayanan', 'Chennai'],
	['Karthik Subramanian', 'Bengaluru'],
	['Pooja Mehta', 'Mumbai'],
	['Nikhil Jain', 'Jaipur'],
	['Ananya Mukherjee', 'Kolkata'],
	['Deepak Singh', 'Delhi'],
	['Farah Khan', 'Mumbai'],
	['Joseph Thomas', 'Kochi'],
	['Aisha Siddiqui', 'Hyderabad'],
	['Rajesh Pillai', 'Bengaluru'],
	['Swati Kulkarni', 'Pune'],
	['Amit Desai', 'Mumbai'],
	['Neha Agarwal', 'Jaipur'],
	['Sanjay Bose', 'Kolkata'],
	['Ritu Malhotra', 'Delhi'],
	['Vivek Chatterjee', 'Kolkata'],
	['Shalini Menon', 'Bengaluru'],
	['Harish Shetty', 'Mumbai'],
	['Gayatri Hegde', 'Bengaluru'],
	['Manoj Yadav', 'Lucknow'],
	['Tanvi Shah', 'Ahmedabad'],
	['Abdul Rahman', 'Hyderabad'],
	['Mary George', 'Kochi'],
	['Ravi Krishnan', 'Chennai'],
	['Bhavna Trivedi', 'Ahmedabad'],
	['Sameer Qureshi', 'Delhi'],
	['Anand Varghese', 'Kochi'],
	['Nandini Ghosh', 'Kolkata'],
	['Pranav Kapoor', 'Delhi'],
	['Sunita Patil', 'Pune'],
	['Imran Sheikh', 'Mumbai'],
	['Sasmita Mohanty', 'Bhubaneswar'],
	['Kiran Rao', 'Hyderabad'],
];
const REGION: Record<string, string> = {
	Kochi: 'South',
	Bengaluru: 'South',
	Chennai: 'South',
	Hyderabad: 'South',
	Mumbai: 'West',
	Pune: 'West',
	Ahmedabad: 'West',
	Delhi: 'North',
	Jaipur: 'North',
	Lucknow: 'North',
	Kolkata: 'East',
	Bhubaneswar: 'East',
};
const CHANNELS: readonly (readonly [string, number])[] = [
	['Website', 40],
	['Instagram', 25],
	['WhatsApp', 20],
	['Amazon', 15],
];

function makeOrders(): Order[] {
	const rand = makeRandom(42);
	const customers = IN_CUSTOMERS.map(
		([name, city]) => [name, city, REGION[city] ?? 'South'] as const,
	);
	// Order dates from 2 Jan to 30 Jun 2026, a little busier as the shop grows.
	const start = day(2026, 1, 2);
	const days: [number, number][] = [];
	for (let i = 0; i < 180; i++) days.push([i, 1 + i / 180]);
	const dayIndexes: number[] = [];
	for (let n = 0; n < 300; n++) dayIndexes.push(weighted(rand, days));
	dayIndexes.sort((a, b) => a - b);
	const popularity = PRODUCTS.map((p) => [p.code, p.popularity] as const);
	return dayIndexes.map((d, n) => {
		const [customer, city, region] = pick(rand, customers);
		const code = weighted(rand, popularity);
		const isGift = code.startsWith('SP-5');
		const bulk = !isGift && rand() < 0.06;
		const qty = bulk
			? int(rand, 10, 12)
			: isGift
				? weighted(rand, [
						[1, 6],
						[2, 3],
						[3, 1],
					])
				: int(rand, 1, 6);
		return {
			id: `SR-${10001 + n}`,
			date: addDays(start, d),
			customer,
			city,
			region,
			channel: weighted(rand, CHANNELS),
			code,
			qty,
			status: weighted(rand, [
				['Delivered', 88],
				['Returned', 5],
				['Cancelled', 7],
			]),
		};
	});
}

async function buildOrders(): Promise<Buffer> {
	const orders = makeOrders();
	const wb = newWorkbook();
	const ws = wb.addWorksheet('Orders');
	ws.addRow([
		'Order ID',
		'Order date',
		'Customer',
		'City',
		'Region',
		'Channel',
		'Product',
		'Category',
		'Qty',
		'Unit price (₹)',
		'Total (₹)',
		'Status',
	]);
	styleHeader(ws.getRow(1));
	orders.forEach((o, i) => {
		const p = product(o.code);
		const r = i + 2;
		const row = ws.addRow([
			o.id,
			o.date,
			o.customer,
			o.city,
			o.region,
			o.channel,
			p.name,
			p.category,
			o.qty,
			p.price,
			{ formula: `I${r}*J${r}`, result: o.qty * p.price },
			o.status,
		]);
		row.getCell(2).numFmt = 'dd-mmm-yyyy';
	});
	ws.getColumn(10).numFmt = '#,##0';
	ws.getColumn(11).numFmt = '#,##0';
	[11, 13, 18, 13, 8, 11, 24, 14, 6, 14, 11, 11].forEach((w, i) => (ws.getColumn(i + 1).width = w));
	readMeSheet(wb, [
		'Spice Route Kitchen: orders January to June 2026 (practice file)',
		'One row per order line: 300 rows. Amounts are in Indian rupees. Total = Qty x Unit price.',
		'Status: Delivered, Returned (paid, then sent back) or Cancelled (never sent).',
		'Region is the delivery region of the city: South, West, North or East.',
		'Customers and orders are made up for practice; Spice Route Kitchen is a made-up shop.',
	]);
	return toBytes(wb);
}

// ------------------------------------------------------------------ exports

export const files: PracticeFile[] = [
	{ name: 'client-contacts-messy.xlsx', build: buildContactsXlsx },
	{ name: 'client-contacts-messy.csv', build: buildContactsCsv },
	{ name: 'task-tracker.xlsx', build: buildTaskTracker },
	{ name: 'orders-2026.xlsx', build: buildOrders },
	{ name: 'price-list.xlsx', build: buildPriceList },
];

/** The figures the lessons quote as "check your answer". Run this file with `--stats`. */
export function stats(): Record<string, unknown> {
	const orders = makeOrders().map((o) => ({
		...o,
		total: o.qty * product(o.code).price,
		product: product(o.code),
	}));
	const sum = (list: { total: number }[]) => list.reduce((s, o) => s + o.total, 0);
	const group = (key: (o: (typeof orders)[number]) => string, list = orders) => {
		const out: Record<string, { count: number; total: number }> = {};
		for (const o of list) {
			const k = key(o);
			const g = (out[k] ??= { count: 0, total: 0 });
			g.count++;
			g.total += o.total;
		}
		return out;
	};
	const month = (o: { date: Date }) => at(MONTHS, o.date.getUTCMonth());
	const delivered = orders.filter((o) => o.status === 'Delivered');
	const weekday = (o: { date: Date }) =>
		at(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], o.date.getUTCDay());
	const customers = makeCustomers();
	const lineTotals = ORDER_LINES.map(([code, qty]) => {
		const p = PRODUCTS.find((x) => x.code.toLowerCase() === code.trim().toLowerCase());
		return {
			code,
			qty,
			price: p?.price ?? null,
			total: p ? p.price * qty : null,
			exactMatch: PRODUCTS.some((x) => x.code === code.toUpperCase()),
		};
	});
	return {
		orders: {
			rows: orders.length,
			grandTotal: sum(orders),
			average: sum(orders) / orders.length,
			max: Math.max(...orders.map((o) => o.total)),
			min: Math.min(...orders.map((o) => o.total)),
			ordersAtLeast1500: orders.filter((o) => o.total >= 1500).length,
			totalsAtLeast2000: orders.filter((o) => o.total >= 2000).length,
			byChannel: group((o) => o.channel),
			byRegion: group((o) => o.region),
			byStatus: group((o) => o.status),
			byMonth: group(month),
			byCategory: group((o) => o.product.category),
			byProduct: group((o) => o.product.name),
			deliveredByRegion: group((o) => o.region, delivered),
			deliveredTotal: sum(delivered),
			deliveredByMonth: group(month, delivered),
			deliveredByChannel: group((o) => o.channel, delivered),
			whatsappMarch: orders.filter((o) => o.channel === 'WhatsApp' && month(o) === 'Mar').length,
			byWeekday: group(weekday),
			firstDate: orders[0]?.date,
			lastDate: orders.at(-1)?.date,
			biggest: [...orders]
				.sort((a, b) => b.total - a.total)
				.slice(0, 3)
				.map((o) => [o.id, o.customer, o.total]),
			southTeaDelivered: sum(
				delivered.filter((o) => o.region === 'South' && o.product.category === 'Tea'),
			),
		},
		contacts: {
			unique: customers.length,
			rowsInFile: makeMessyRows(customers).length,
			totalSpent: customers.reduce((s, c) => s + c.spent, 0),
			byCity: customers.reduce<Record<string, number>>(
				(acc, c) => ((acc[c.city] = (acc[c.city] ?? 0) + 1), acc),
				{},
			),
			bySource: customers.reduce<Record<string, number>>(
				(acc, c) => ((acc[c.source] = (acc[c.source] ?? 0) + 1), acc),
				{},
			),
		},
		priceList: { lineTotals, orderTotal: lineTotals.reduce((s, l) => s + (l.total ?? 0), 0) },
	};
}

if (process.argv.includes('--stats')) console.log(JSON.stringify(stats(), null, 2));
