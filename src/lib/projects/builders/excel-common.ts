/**
 * Shared pieces of the Excel start files: the spice shop's products and regions (the same
 * made-up shop as the course's practice files), a workbook with fixed metadata, the "About" sheet
 * that names the learner and shows the attempt key, and writing the stamped bytes.
 */
import ExcelJS from 'exceljs';
import { stampAttemptKey } from './stamp.ts';
import type { StartFileContext } from './types.ts';

/** Spice Route Kitchen's products: code, name and a base price in rupees. */
export const PRODUCTS: readonly (readonly [string, string, number])[] = [
	['SP-101', 'Black pepper (whole)', 180],
	['SP-102', 'Green cardamom', 320],
	['SP-103', 'Cloves', 150],
	['SP-104', 'Cinnamon sticks', 120],
	['SP-201', 'Turmeric powder', 90],
	['SP-202', 'Kashmiri chilli powder', 140],
	['SP-203', 'Coriander powder', 80],
	['SP-301', 'Garam masala', 160],
	['SP-302', 'Sambar masala', 130],
	['SP-501', 'Festival gift box', 950],
];

/** Cities the shop delivers to, with their region. */
export const CITIES: readonly (readonly [string, string])[] = [
	['Kochi', 'South'],
	['Bengaluru', 'South'],
	['Chennai', 'South'],
	['Mumbai', 'West'],
	['Pune', 'West'],
	['Delhi', 'North'],
	['Jaipur', 'North'],
	['Kolkata', 'East'],
	['Bhubaneswar', 'East'],
];

export const REGIONS = ['North', 'South', 'East', 'West'] as const;
export const CHANNELS = ['Website', 'WhatsApp', 'Instagram'] as const;

/** A workbook with fixed metadata, so the same attempt gives the same file. */
export function newWorkbook(): ExcelJS.Workbook {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Dakshata';
	wb.lastModifiedBy = 'Dakshata';
	wb.created = new Date(Date.UTC(2026, 0, 1));
	wb.modified = new Date(Date.UTC(2026, 0, 1));
	return wb;
}

/** Bold header row with a light fill. */
export function styleHeader(row: ExcelJS.Row): void {
	row.font = { bold: true };
	row.eachCell(
		(c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } }),
	);
}

/** The "About" sheet: project title, the learner's name and the attempt key (kept by every app). */
export function addAboutSheet(wb: ExcelJS.Workbook, title: string, ctx: StartFileContext): void {
	const ws = wb.addWorksheet('About');
	ws.addRow([title]);
	ws.addRow(['Prepared for', ctx.learnerName]);
	ws.addRow(['Attempt key', ctx.attemptKey]);
	ws.addRow(['Keep this sheet and its key as they are: the key ties this file to your attempt.']);
	ws.getRow(1).font = { bold: true, size: 14 };
	ws.getColumn(1).width = 16;
	ws.getColumn(2).width = 48;
}

/** The workbook's bytes with the attempt key stamped in as a custom property. */
export async function writeStamped(
	wb: ExcelJS.Workbook,
	ctx: StartFileContext,
): Promise<Uint8Array> {
	const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
	return stampAttemptKey(bytes, ctx.attemptKey);
}

/** Rounds to 2 decimals (money). */
export const money = (n: number) => Math.round(n * 100) / 100;
