/**
 * Start file of the "buyer letter" project (Office unit 2): the letter Nusrat of Nakshi Ghor wants
 * merged to her wholesale buyers, as she sent it back — her tracked edits (one insertion to keep,
 * one she added by mistake, one deletion to keep), two comments, and typed placeholders such as
 * `[FirstName]` where merge fields belong. The season, dates, offer and the edits vary per attempt.
 */
import { createSeededRandom, randomInt, randomItem } from '../seeded-random.ts';
import type { ExpectedValues } from '../types.ts';
import type { ProjectBuilder } from './types.ts';
import { buildWordPackage, commented, para, run, tracked } from './word-common.ts';

/** Columns of the cleaned buyers list (the lesson's practice) that the letter must merge. */
export const LETTER_FIELDS = ['FirstName', 'Shop', 'City'] as const;
export const CLIENT = 'Nusrat Jahan';

const SEASONS = [
	['Pohela Boishakh', 'red-and-white cushion covers and table runners', 'April'],
	['Eid', 'kantha stoles and gift-boxed coaster sets', 'March'],
	['Durga Puja', 'wall hangings and jute floor mats', 'September'],
	['winter', 'kantha bedspreads and baby quilts', 'November'],
] as const;

function generate(seed: string) {
	const rand = createSeededRandom(`buyer-letter:${seed}`);
	const [season, products, month] = randomItem(rand, SEASONS);
	const day = randomInt(rand, 10, 25);
	const freeOver = randomItem(rand, [15000, 20000, 25000, 30000]);
	const keep = ` Orders above BDT ${freeOver.toLocaleString('en-IN')} travel free anywhere in Bangladesh.`;
	const mistake = ` Every order this season also gets a free ${randomItem(rand, ['jute bag', 'coaster set', 'table runner', 'cushion cover'])}.`;
	const removed = randomItem(rand, [
		' Prices are the same as last year.',
		' Our old price list still applies.',
		" Last year's prices still apply.",
	]);
	return { season, products, month, day, keep, mistake, removed };
}

function computeExpected(seed: string): ExpectedValues {
	const g = generate(seed);
	return { keepText: g.keep.trim(), dropTexts: [g.mistake.trim(), g.removed.trim()] };
}

export const buyerLetter: ProjectBuilder = {
	kind: 'docx',
	expected: computeExpected,
	async build(seed, ctx) {
		const g = generate(seed);
		const body = [
			para('Nakshi Ghor · Jamalpur, Bangladesh · orders@nakshighor.example'),
			para('[Shop]'),
			para('[City]'),
			para('Dear [FirstName],'),
			para([
				run(
					`Thank you for stocking Nakshi Ghor. Our ${g.season} collection is ready: ${g.products}, all hand-stitched by our artisans in Jamalpur.`,
				),
				tracked('del', 1, CLIENT, g.removed),
			]),
			para([
				commented(
					1,
					run(
						`Please send your order by ${g.day} ${g.month} so that it reaches [Shop] in [City] in time for the festival.`,
					),
				),
				tracked('ins', 2, CLIENT, g.keep),
			]),
			para([
				run('Our new price list is attached.'),
				commented(2, tracked('ins', 3, CLIENT, g.mistake)),
			]),
			para('With warm regards,'),
			para(CLIENT),
			para('Nakshi Ghor'),
		].join('');
		return buildWordPackage(
			{
				title: `Nakshi Ghor ${g.season} letter to buyers`,
				body,
				marginCm: 2.5,
				comments: [
					{
						id: 1,
						author: CLIENT,
						text: 'Is this date right? Please check the calendar and then delete this comment.',
					},
					{
						id: 2,
						author: CLIENT,
						text: 'Sorry, I added this free gift by mistake. We are not giving gifts this season, please undo it.',
					},
				],
			},
			ctx,
		);
	},
};
