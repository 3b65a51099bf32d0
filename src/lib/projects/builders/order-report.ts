/**
 * Start file of the "order report" project (Excel unit 2): Spice Route Kitchen's orders for one
 * month, a price list whose prices vary per attempt, and an empty summary. The learner looks up
 * each unit price (XLOOKUP), works out line totals, and totals sales by region with SUMIFS, also
 * for WhatsApp alone.
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

/** Number of order rows (Orders!A2:A31). */
export const ORDER_ROWS = 30;

interface Data {
	prices: [string, string, number][];
	orders: {
		id: string;
		day: number;
		customer: string;
		city: string;
		region: string;
		channel: string;
		code: string;
		qty: number;
	}[];
}

const CUSTOMERS = [
	'Anjali Menon',
	'Ravi Iyer',
	'Farhan Qureshi',
	'Meera Nair',
	'Sunil Patil',
	'Kavya Reddy',
	'Imran Sheikh',
	'Pooja Sharma',
	'Arjun Das',
	'Lakshmi Pillai',
	'Neha Joshi',
	'Vikram Rao',
];

function generate(seed: string): Data {
	const rand = createSeededRandom(`order-report:${seed}`);
	const prices = PRODUCTS.map(
		([code, name, base]) =>
			[code, name, base + randomInt(rand, -4, 4) * 5] as [string, string, number],
	);
	const orders = Array.from({ length: ORDER_ROWS }, (_, i) => {
		const [city, region] = randomItem(rand, CITIES);
		return {
			id: `SR-${20001 + i}`,
			day: 1 + Math.floor((i * 30) / ORDER_ROWS),
			customer: randomItem(rand, CUSTOMERS),
			city,
			region,
			channel: randomItem(rand, CHANNELS),
			code: randomItem(rand, PRODUCTS)[0],
			qty: randomInt(rand, 1, 6),
		};
	});
	// Every region appears at least once on WhatsApp, so no SUMIFS answer is trivially 0.
	REGIONS.forEach((region, i) => {
		const o = orders[i * 7]!;
		const [city] = CITIES.find(([, r]) => r === region)!;
		Object.assign(o, { city, region, channel: 'WhatsApp' });
	});
	return { prices, orders };
}

function computeExpected(data: Data): ExpectedValues {
	const priceOf = new Map(data.prices.map(([c, , p]) => [c, p]));
	const unitPrices = data.orders.map((o) => priceOf.get(o.code)!);
	const lineTotals = data.orders.map((o, i) => money(o.qty * unitPrices[i]!));
	const sumWhere = (f: (o: Data['orders'][number]) => boolean) =>
		money(data.orders.reduce((s, o, i) => (f(o) ? s + lineTotals[i]! : s), 0));
	return {
		unitPrices,
		lineTotals,
		regionTotals: REGIONS.map((r) => sumWhere((o) => o.region === r)),
		whatsappTotals: REGIONS.map((r) => sumWhere((o) => o.region === r && o.channel === 'WhatsApp')),
	};
}

export const orderReport: ProjectBuilder = {
	kind: 'xlsx',
	expected: (seed) => computeExpected(generate(seed)),
	async build(seed, ctx) {
		const data = generate(seed);
		const wb = newWorkbook();
		const orders = wb.addWorksheet('Orders', { views: [{ state: 'frozen', ySplit: 1 }] });
		orders.addRow([
			'Order ID',
			'Order date',
			'Customer',
			'City',
			'Region',
			'Channel',
			'Product code',
			'Qty',
			'Unit price (₹)',
			'Total (₹)',
		]);
		styleHeader(orders.getRow(1));
		for (const o of data.orders) {
			const row = orders.addRow([
				o.id,
				new Date(Date.UTC(2026, 2, o.day)),
				o.customer,
				o.city,
				o.region,
				o.channel,
				o.code,
				o.qty,
				null,
				null,
			]);
			row.getCell(2).numFmt = 'dd-mmm-yyyy';
		}
		[11, 13, 18, 13, 9, 11, 13, 6, 14, 12].forEach((w, i) => (orders.getColumn(i + 1).width = w));
		const list = wb.addWorksheet('Price list');
		list.addRow(['Product code', 'Product', 'Unit price (₹)']);
		styleHeader(list.getRow(1));
		for (const p of data.prices) list.addRow(p);
		[13, 26, 14].forEach((w, i) => (list.getColumn(i + 1).width = w));
		const summary = wb.addWorksheet('Summary');
		summary.addRow(['Region', 'Total sales (₹)', 'WhatsApp sales (₹)']);
		styleHeader(summary.getRow(1));
		for (const r of REGIONS) summary.addRow([r, null, null]);
		[12, 16, 18].forEach((w, i) => (summary.getColumn(i + 1).width = w));
		addAboutSheet(wb, 'Spice Route Kitchen: March order report (Dakshata project)', ctx);
		return writeStamped(wb, ctx);
	},
};
