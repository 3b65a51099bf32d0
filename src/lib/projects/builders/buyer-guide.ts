/**
 * Start file of the "buyer guide" project (Office unit 1): Nakshi Ghor's wholesale buyer guide as
 * the client drafted it — headings faked with bold text, a price table with no repeating header,
 * a logo with no alt text, wide margins, no contents and no page numbers. The buyer it is prepared
 * for, the section names, the products and the prices vary per attempt.
 */
import { createSeededRandom, randomInt, randomItem, shuffle } from '../seeded-random.ts';
import type { ExpectedValues } from '../types.ts';
import { makePng } from './office-package.ts';
import type { ProjectBuilder } from './types.ts';
import { buildWordPackage, fakeHeading, para, picture, run, table } from './word-common.ts';

/** Heading sizes of the faked headings (points): the JS solver tells the levels apart by them. */
export const FAKE_H1_PT = 16;
export const FAKE_H2_PT = 13;

const BUYERS: readonly (readonly [string, string, string])[] = [
	['Farzana Akter', 'Rangdhonu Boutique', 'Dhaka'],
	['Rafiqul Islam', 'Rafiq Gift Corner', 'Chattogram'],
	['Sumaiya Rahman', 'Sutoli Home', 'Sylhet'],
	['Priya Sen', 'Kantha Kolkata', 'Kolkata'],
	['Mahmuda Khanam', 'Aarong Lane Crafts', 'Rajshahi'],
	['Tahmid Hasan', 'Nokshi Bazar', 'Khulna'],
	['Anika Tabassum', 'Shilpo Ghor', 'Barishal'],
];

const SECTIONS: readonly (readonly [readonly string[], readonly string[]])[] = [
	[
		['About Nakshi Ghor', 'Who we are', 'Our workshop in Jamalpur'],
		['Our artisans', 'How each piece is made', 'Materials we use'],
	],
	[
		['Wholesale prices', 'Prices for 2027', 'Price list for shops'],
		['Order minimums', 'Bulk discounts', 'Made-to-order pieces'],
	],
	[
		['Ordering and delivery', 'How to order', 'Orders and shipping'],
		['Payment terms', 'Delivery times', 'Returns and damage'],
	],
];

const PRODUCTS: readonly (readonly [string, string, number, number])[] = [
	['Nakshi kantha cushion cover', '16 x 16 in', 650, 10],
	['Nakshi kantha bedspread', 'Double', 4800, 2],
	['Table runner', '14 x 72 in', 900, 6],
	['Jute shopping bag', 'Medium', 350, 20],
	['Embroidered wall hanging', '24 x 36 in', 2200, 3],
	['Kantha stole', '28 x 80 in', 1400, 5],
	['Jute floor mat', '2 x 3 ft', 750, 8],
	['Placemat set (6)', '13 x 19 in', 1100, 4],
	['Coaster set (6)', '4 in round', 280, 15],
	['Baby quilt', '36 x 44 in', 2600, 2],
];

function generate(seed: string) {
	const rand = createSeededRandom(`buyer-guide:${seed}`);
	const [contact, shop, city] = randomItem(rand, BUYERS);
	const sections = SECTIONS.map(([h1, h2]) => ({
		h1: randomItem(rand, h1),
		h2: randomItem(rand, h2),
	}));
	const products = shuffle(rand, PRODUCTS)
		.slice(0, randomInt(rand, 6, 8))
		.map(([name, size, price, min]) => ({
			name,
			size,
			price: price + randomInt(rand, -3, 3) * 25,
			min,
		}));
	const discount = randomItem(rand, [5, 8, 10, 12]);
	const days = randomInt(rand, 7, 14);
	return { contact, shop, city, sections, products, discount, days };
}

function computeExpected(seed: string): ExpectedValues {
	const { sections } = generate(seed);
	return { level1: sections.map((s) => s.h1), level2: sections.map((s) => s.h2) };
}

export const buyerGuide: ProjectBuilder = {
	kind: 'docx',
	expected: computeExpected,
	async build(seed, ctx) {
		const g = generate(seed);
		const [about, prices, ordering] = g.sections as [
			(typeof g.sections)[number],
			(typeof g.sections)[number],
			(typeof g.sections)[number],
		];
		const taka = (n: number) => n.toLocaleString('en-IN');
		const body = [
			picture('rIdImage1', 1, 'Picture 1', 3, 1.5),
			para('Nakshi Ghor: wholesale buyer guide', 'Title'),
			para(`Prepared for ${g.contact}, ${g.shop}, ${g.city}`),
			fakeHeading(about.h1, FAKE_H1_PT),
			para(
				'Nakshi Ghor is a family workshop in Jamalpur, Bangladesh. Since 2015 we have made hand-stitched kantha and jute pieces for shops in Bangladesh and India.',
			),
			para(
				'Every piece is stitched by one of our 38 artisans, most of them women who work from home around the workshop and are paid by the piece within a week.',
			),
			fakeHeading(about.h2, FAKE_H2_PT),
			para(
				'We use cotton from local weavers and natural jute. Each cushion cover takes one artisan about three days, so colours and patterns vary a little from piece to piece.',
			),
			fakeHeading(prices.h1, FAKE_H1_PT),
			para(
				'Prices are in Bangladeshi taka (BDT) per piece, before delivery. They apply to orders placed between January and December 2027.',
			),
			table(
				[
					['Product', 'Size', 'Price (BDT)', 'Minimum order'],
					...g.products.map((p) => [p.name, p.size, taka(p.price), `${p.min} pieces`]),
				],
				[3600, 1800, 1600, 1800],
			),
			fakeHeading(prices.h2, FAKE_H2_PT),
			para(
				`Orders above BDT 50,000 get a ${g.discount}% discount on the whole order. Made-to-order colours need a deposit of 30%.`,
			),
			fakeHeading(ordering.h1, FAKE_H1_PT),
			para(
				`Send your order by email or WhatsApp with the product names and quantities. We confirm within two working days and ship within ${g.days} days of payment.`,
			),
			fakeHeading(ordering.h2, FAKE_H2_PT),
			para([
				run('Payment is by bank transfer or bKash. '),
				run('Damaged pieces are replaced free if you send a photo within 3 days of delivery.'),
			]),
			para('Thank you for stocking Nakshi Ghor.'),
		].join('');
		return buildWordPackage(
			{
				title: 'Nakshi Ghor wholesale buyer guide',
				body,
				marginCm: 3,
				images: { rIdImage1: makePng(120, 60, [46, 94, 78]) },
			},
			ctx,
		);
	},
};
