/**
 * Start file of the "customer list" project (Excel unit 1): Nakshi Home Decor's customer list as
 * it arrives from two pasted exports — names in odd capitals with stray spaces, one city spelt
 * four ways, and repeated customers. The learner cleans names and cities, removes the repeats,
 * turns the list into a table and adds a drop-down for City. Names, cities and repeats vary per
 * attempt.
 */
import { createSeededRandom, randomInt, randomItem, shuffle } from '../seeded-random.ts';
import type { ExpectedValues } from '../types.ts';
import { addAboutSheet, newWorkbook, styleHeader, writeStamped } from './excel-common.ts';
import type { ProjectBuilder } from './types.ts';

/** The five cities the shop delivers to: the drop-down's items. */
export const CUSTOMER_CITIES = ['Dhaka', 'Chattogram', 'Sylhet', 'Khulna', 'Rajshahi'] as const;
const SOURCES = ['Facebook', 'Instagram', 'Walk-in', 'Daraz', 'Referral'];
const FIRST = [
	'Rahima',
	'Nusrat',
	'Tanvir',
	'Sadia',
	'Farhan',
	'Mim',
	'Arif',
	'Sumaiya',
	'Rakib',
	'Jannat',
	'Imran',
	'Tania',
	'Shakil',
	'Lamia',
	'Hasan',
	'Priyanka',
	'Sujan',
	'Ananya',
	'Mahmud',
	'Rupa',
];
const LAST = [
	'Akter',
	'Hossain',
	'Rahman',
	'Islam',
	'Chowdhury',
	'Ahmed',
	'Karim',
	'Das',
	'Saha',
	'Barua',
	'Sarker',
	'Khan',
];

interface Person {
	name: string;
	phone: string;
	city: string;
	source: string;
}

function generate(seed: string): { people: Person[]; rows: Person[] } {
	const rand = createSeededRandom(`customer-list:${seed}`);
	const used = new Set<string>();
	const people: Person[] = [];
	const count = randomInt(rand, 22, 26);
	while (people.length < count) {
		const name = `${randomItem(rand, FIRST)} ${randomItem(rand, LAST)}`;
		if (used.has(name)) continue;
		used.add(name);
		people.push({
			name,
			phone: `01${randomInt(rand, 3, 9)}${String(randomInt(rand, 0, 99_999_999)).padStart(8, '0')}`,
			city: randomItem(rand, CUSTOMER_CITIES),
			source: randomItem(rand, SOURCES),
		});
	}
	const messName = (n: string) => {
		const r = rand();
		if (r < 0.3) return n.toUpperCase();
		if (r < 0.55) return n.toLowerCase();
		if (r < 0.75) return `  ${n.replace(' ', '  ')} `;
		return n;
	};
	const messCity = (c: string) => {
		const r = rand();
		if (r < 0.25) return c.toUpperCase();
		if (r < 0.45) return c.toLowerCase();
		if (r < 0.6) return `${c} `;
		return c;
	};
	const rows = people.map((p) => ({ ...p, name: messName(p.name), city: messCity(p.city) }));
	// Repeats, as when two exports are pasted together: 3 to 5 customers appear twice.
	const repeats = shuffle(rand, people).slice(0, randomInt(rand, 3, 5));
	for (const p of repeats) rows.push({ ...p, name: messName(p.name), city: messCity(p.city) });
	return { people, rows: shuffle(rand, rows) };
}

function computeExpected(seed: string): ExpectedValues {
	const { people } = generate(seed);
	const last = people.length + 1;
	return {
		cleanNames: people.map((p) => p.name),
		cleanCities: people.map((p) => p.city),
		customerCount: people.length,
		tableRange: `Customers!A1:D${last}`,
		cityRange: `Customers!C2:C${last}`,
	};
}

export const customerList: ProjectBuilder = {
	kind: 'xlsx',
	expected: computeExpected,
	async build(seed, ctx) {
		const { rows } = generate(seed);
		const wb = newWorkbook();
		const ws = wb.addWorksheet('Customers');
		ws.addRow(['Name', 'Phone', 'City', 'Source']);
		styleHeader(ws.getRow(1));
		for (const r of rows) {
			const row = ws.addRow([r.name, r.phone, r.city, r.source]);
			row.getCell(2).numFmt = '@';
		}
		[26, 14, 14, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
		addAboutSheet(wb, 'Nakshi Home Decor: customer list (Dakshata project)', ctx);
		return writeStamped(wb, ctx);
	},
};
