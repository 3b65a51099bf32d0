/**
 * Practice files for the course "Win your first client and get paid" (courses/win-your-first-client).
 *
 * - invoice-template.xlsx: an invoice for a direct client with line items, subtotal, deposit and
 *   amount due as formulas, filled in with the course's worked example (Rahul Verma in Pune
 *   invoicing Priya Shah's online shop in Leicester for two weeks of order-email support), plus
 *   a timesheet sheet that turns start and end times into minutes and hours.
 *
 * All people, businesses and addresses are invented. Dates are fixed and nothing is random, so a
 * rebuild gives the same content.
 */
import ExcelJS from 'exceljs';
import { withFixedDate, writeReadMeLines } from './_shared.ts';
import type { PracticeFile } from './types.ts';

/** The moment the generated file claims to have been written (zip entries and document properties). */
const FIXED = new Date('2026-12-01T12:00:00Z');

const headerFill: ExcelJS.Fill = {
	type: 'pattern',
	pattern: 'solid',
	fgColor: { argb: 'FFDDEBF7' },
};
const inputFill: ExcelJS.Fill = {
	type: 'pattern',
	pattern: 'solid',
	fgColor: { argb: 'FFFFF8E1' },
};

/** A date cell at midnight UTC, so every spreadsheet app shows the same calendar day. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The worked example's two weeks, as timesheet rows: date, start, end (24-hour "HH:MM"), task. */
const timesheet: [string, string, string, string][] = [
	['2027-01-04', '14:00', '15:35', 'Order emails, order sheet'],
	['2027-01-05', '14:00', '16:00', 'Order emails, two refund queries flagged'],
	['2027-01-06', '14:30', '15:55', 'Order emails, order sheet'],
	['2027-01-07', '14:00', '16:10', 'Order emails, supplier price list updated'],
	['2027-01-08', '14:00', '15:50', 'Order emails, weekly summary'],
	['2027-01-11', '14:00', '16:00', 'Order emails, order sheet'],
	['2027-01-12', '14:00', '16:15', 'Order emails, January stock count (part 1)'],
	['2027-01-13', '14:00', '16:05', 'Order emails, January stock count (part 2)'],
	['2027-01-14', '14:00', '15:45', 'Order emails, order sheet'],
	['2027-01-15', '14:00', '15:55', 'Order emails, weekly summary'],
];

/** "HH:MM" as a fraction of a day, the way spreadsheets store times. */
const timeValue = (hhmm: string) => {
	const [h = 0, m = 0] = hhmm.split(':').map(Number);
	return (h * 60 + m) / 1440;
};
const minutesOf = ([, start, end]: [string, string, string, string]) =>
	Math.round((timeValue(end) - timeValue(start)) * 1440);

/**
 * Builds the workbook inside withFixedDate: exceljs recognises dates with `instanceof Date`, so the
 * date cells must be created with the same (frozen) Date class that is active while it writes.
 */
async function invoiceTemplate() {
	return withFixedDate(FIXED, buildInvoiceTemplate);
}

async function buildInvoiceTemplate() {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Dakshata';
	wb.created = FIXED;
	wb.modified = FIXED;

	// ------------------------------------------------------------------ Read me
	const readMe = wb.addWorksheet('Read me');
	readMe.getColumn(1).width = 100;
	writeReadMeLines(readMe, [
		'Invoice template - Dakshata practice file',
		'',
		'Sheet "Invoice" is filled in with the course example: Rahul Verma (Pune, India) invoices Priya Shah',
		'(Nakshi Home, Leicester, UK) for two weeks of order-email support at 8 US dollars an hour, less a deposit.',
		'Sheet "Timesheet" holds the hours behind it: minutes are calculated from the start and end times.',
		'',
		'To use it for your own client:',
		'1. Save a copy with a new name, for example invoice-2027-002-clientname.xlsx.',
		'2. Replace every yellow cell: your details, the client, the invoice number, dates, items, hours and rate.',
		'3. Do not type over the white cells with totals: they are formulas and update themselves.',
		'4. Check the currency is the one in your agreement, and the payment details are your own, correct account.',
		'5. Export the Invoice sheet as a PDF (File > Download > PDF in Google Sheets; File > Export in Excel)',
		'   and send the PDF, never the editable file.',
		'',
		'Invoice numbers go up by one for every invoice you send (2027-001, 2027-002 ...). Never reuse or skip one:',
		'your records and any tax adviser rely on the sequence.',
		'',
		'Everything in this file is invented for practice. It is not tax advice: whether you must add any tax to an',
		'invoice, or register for one, depends on your country and income. Ask a tax adviser.',
	]);

	// ------------------------------------------------------------------ Timesheet
	const ts = wb.addWorksheet('Timesheet');
	ts.columns = [
		{ header: 'Date', width: 12 },
		{ header: 'Start', width: 8 },
		{ header: 'End', width: 8 },
		{ header: 'Minutes', width: 10 },
		{ header: 'Task (what the client sees)', width: 48 },
	];
	ts.getRow(1).font = { bold: true };
	ts.getRow(1).eachCell((c) => (c.fill = headerFill));
	timesheet.forEach((row, i) => {
		const r = i + 2;
		ts.addRow([
			day(row[0]),
			timeValue(row[1]),
			timeValue(row[2]),
			{ formula: `ROUND((C${r}-B${r})*1440,0)`, result: minutesOf(row) },
			row[3],
		]);
		ts.getCell(`A${r}`).numFmt = 'yyyy-mm-dd';
		ts.getCell(`B${r}`).numFmt = 'hh:mm';
		ts.getCell(`C${r}`).numFmt = 'hh:mm';
		for (const col of ['A', 'B', 'C', 'E']) ts.getCell(`${col}${r}`).fill = inputFill;
	});
	const lastTs = timesheet.length + 1;
	const week1 = timesheet.slice(0, 5).reduce((s, r) => s + minutesOf(r), 0);
	const week2 = timesheet.slice(5).reduce((s, r) => s + minutesOf(r), 0);
	const totalMinutes = week1 + week2;
	const summary: [string, ExcelJS.CellValue, string?][] = [
		['Week 1 minutes (4-8 Jan)', { formula: 'SUM(D2:D6)', result: week1 }],
		['Week 2 minutes (11-15 Jan)', { formula: `SUM(D7:D${lastTs})`, result: week2 }],
		['Total minutes', { formula: `SUM(D2:D${lastTs})`, result: totalMinutes }],
		[
			'Total hours (minutes / 60)',
			{ formula: `D${lastTs + 4}/60`, result: totalMinutes / 60 },
			'0.00',
		],
	];
	summary.forEach(([label, value, fmt], i) => {
		const r = lastTs + 2 + i;
		ts.getCell(`C${r}`).value = label;
		ts.getCell(`C${r}`).alignment = { horizontal: 'right' };
		ts.getCell(`D${r}`).value = value;
		if (fmt) ts.getCell(`D${r}`).numFmt = fmt;
		ts.getCell(`D${r}`).font = { bold: true };
	});
	const hoursCell = `D${lastTs + 5}`;
	ts.getCell(`A${lastTs + 7}`).value =
		'Minutes are sixtieths of an hour: divide the total by 60 once, at the end. 1 h 30 min is 1.5 hours, not 1.3.';
	ts.views = [{ state: 'frozen', ySplit: 1 }];

	// ------------------------------------------------------------------ Invoice
	const inv = wb.addWorksheet('Invoice');
	inv.columns = [{ width: 44 }, { width: 12 }, { width: 14 }, { width: 16 }];
	const put = (
		addr: string,
		value: ExcelJS.CellValue,
		opts: { bold?: boolean; input?: boolean; fmt?: string } = {},
	) => {
		const c = inv.getCell(addr);
		c.value = value;
		if (opts.bold) c.font = { bold: true };
		if (opts.input) c.fill = inputFill;
		if (opts.fmt) c.numFmt = opts.fmt;
	};
	put('A1', 'INVOICE');
	inv.getCell('A1').font = { bold: true, size: 18 };

	put('A3', 'From', { bold: true });
	put('A4', 'Rahul Verma', { input: true });
	put('A5', 'Freelance virtual assistant', { input: true });
	put('A6', 'Flat 12, Shanti Apartments, Kothrud, Pune 411038, India', { input: true });
	put('A7', 'rahul.verma.va@example.com', { input: true });

	put('C3', 'Invoice number', { bold: true });
	put('D3', '2027-001', { input: true });
	put('C4', 'Invoice date', { bold: true });
	put('D4', day('2027-01-18'), { input: true, fmt: 'd mmm yyyy' });
	put('C5', 'Payment terms (days)', { bold: true });
	put('D5', 7, { input: true });
	put('C6', 'Due date', { bold: true });
	put('D6', { formula: 'D4+D5', result: day('2027-01-25') }, { fmt: 'd mmm yyyy' });
	put('C7', 'Currency', { bold: true });
	put('D7', 'USD', { input: true });

	put('A9', 'Bill to', { bold: true });
	put('A10', 'Priya Shah, Nakshi Home Ltd', { input: true });
	put('A11', '24 Granby Street, Leicester LE1 1DE, United Kingdom', { input: true });
	put('A12', 'Service period: 4 to 17 January 2027', { input: true });

	const head = inv.getRow(14);
	['Description', 'Hours / qty', 'Rate (USD)', 'Amount (USD)'].forEach((h, i) => {
		const c = head.getCell(i + 1);
		c.value = h;
		c.font = { bold: true };
		c.fill = headerFill;
	});
	const rate = 8;
	const hours1 = week1 / 60;
	const hours2 = week2 / 60;
	put('A15', 'Order-email support, week of 4 January (see timesheet)', { input: true });
	put(
		'B15',
		{ formula: `Timesheet!D${lastTs + 2}/60`, result: hours1 },
		{ input: true, fmt: '0.00' },
	);
	put('C15', rate, { input: true, fmt: '0.00' });
	put('D15', { formula: 'B15*C15', result: hours1 * rate }, { fmt: '0.00' });
	put('A16', 'Order-email support and stock count, week of 11 January', { input: true });
	put(
		'B16',
		{ formula: `Timesheet!D${lastTs + 3}/60`, result: hours2 },
		{ input: true, fmt: '0.00' },
	);
	put('C16', rate, { input: true, fmt: '0.00' });
	put('D16', { formula: 'B16*C16', result: hours2 * rate }, { fmt: '0.00' });
	for (const r of [17, 18, 19]) {
		for (const col of ['A', 'B', 'C']) inv.getCell(`${col}${r}`).fill = inputFill;
		put(`D${r}`, { formula: `IF(B${r}="","",B${r}*C${r})`, result: '' }, { fmt: '0.00' });
	}
	const subtotal = (hours1 + hours2) * rate;
	const deposit = 40;
	put('C21', 'Subtotal', { bold: true });
	put('D21', { formula: 'SUM(D15:D19)', result: subtotal }, { fmt: '0.00' });
	put('C22', 'Less deposit received', { bold: true });
	put('D22', deposit, { input: true, fmt: '0.00' });
	put('C23', 'Amount due', { bold: true });
	put('D23', { formula: 'D21-D22', result: subtotal - deposit }, { bold: true, fmt: '0.00' });

	put('A25', 'Payment details', { bold: true });
	put(
		'A26',
		'Bank transfer to: Rahul Verma, [bank name], account [number], IFSC [code], SWIFT [code]',
		{ input: true },
	);
	put('A27', 'Please quote the invoice number as the payment reference.', { input: true });
	put('A29', 'Thank you for your business.');
	put(
		'A31',
		`Check: total hours on the timesheet = ${hoursCell} on the Timesheet sheet; hours above must add up to it.`,
	);
	inv.getCell('A31').font = { italic: true, color: { argb: 'FF666666' } };

	// The invoice is what the learner opens first after reading the instructions.
	wb.views = [
		{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
	];

	return Buffer.from(await wb.xlsx.writeBuffer());
}

export const files: PracticeFile[] = [{ name: 'invoice-template.xlsx', build: invoiceTemplate }];
