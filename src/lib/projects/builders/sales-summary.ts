/**
 * Start file of the "sales summary" capstone (Excel unit 3): Spice Route Kitchen's orders for a
 * quarter, a different set for every attempt. The learner summarises sales by region with a pivot
 * table, charts it, and answers the client's question (the best region and its sales) on the
 * Summary sheet.
 */
import { createSeededRandom, randomInt, randomItem } from '../seeded-random.ts';
import type { ExpectedValues } from '../types.ts';
import {
	addAboutSheet,
	CHANNELS,
	CITIES,
	money,
	newWorkbook,
	PRODUCTS,
	REGIONS,
	styleHeader,
	writeStamped,
} from './excel-common.ts';
import type { ProjectBuilder } from './types.ts';

export const SALES_ROWS = 40;

function generate(seed: string) {
	const rand = createSeededRandom(`sales-summary:${seed}`);
	// One region is the clear leader, so "the best region" has one answer.
	const leader = randomItem(rand, REGIONS);
	return Array.from({ length: SALES_ROWS }, (_, i) => {
		const [city, region] =
			rand() < 0.35 ? CITIES.find(([, r]) => r === leader)! : randomItem(rand, CITIES);
		const [, product, price] = randomItem(rand, PRODUCTS);
		const qty = randomInt(rand, 1, 5);
		return {
			id: `SR-${30001 + i}`,
			month: 1 + Math.floor((i * 3) / SALES_ROWS),
			day: randomInt(rand, 1, 28),
			city,
			region,
			channel: randomItem(rand, CHANNELS),
			product,
			total: money(qty * price),
		};
	});
}

function computeExpected(seed: string): ExpectedValues {
	const rows = generate(seed);
	const totals = REGIONS.map((r) =>
		money(rows.filter((x) => x.region === r).reduce((s, x) => s + x.total, 0)),
	);
	const best = totals.indexOf(Math.max(...totals));
	return { regionTotals: totals, bestRegion: REGIONS[best]!, bestTotal: totals[best]! };
}

export const salesSummary: ProjectBuilder = {
	kind: 'xlsx',
	expected: computeExpected,
	async build(seed, ctx) {
		const rows = generate(seed);
		const wb = newWorkbook();
		const ws = wb.addWorksheet('Orders');
		ws.addRow(['Order ID', 'Order date', 'City', 'Region', 'Channel', 'Product', 'Total (₹)']);
		styleHeader(ws.getRow(1));
		for (const r of rows) {
			const row = ws.addRow([
				r.id,
				new Date(Date.UTC(2026, r.month - 1, r.day)),
				r.city,
				r.region,
				r.channel,
				r.product,
				r.total,
			]);
			row.getCell(2).numFmt = 'dd-mmm-yyyy';
			row.getCell(7).numFmt = '#,##0';
		}
		[11, 13, 13, 9, 11, 24, 11].forEach((w, i) => (ws.getColumn(i + 1).width = w));
		const summary = wb.addWorksheet('Summary');
		summary.addRow(['Question', 'Answer']);
		styleHeader(summary.getRow(1));
		summary.addRow(['Best region', null]);
		summary.addRow(['Its sales (₹)', null]);
		[18, 16].forEach((w, i) => (summary.getColumn(i + 1).width = w));
		addAboutSheet(wb, 'Spice Route Kitchen: quarterly sales summary (Dakshata project)', ctx);
		return writeStamped(wb, ctx);
	},
};
