/**
 * Start file of the "office lunch deck" project (Office unit 3, the course capstone): a first draft
 * of Sunita's deck for Annapurna Tiffins (the brief in the course files), seven slides long. Some
 * slide titles sit in plain text boxes instead of the title placeholder, the logo and the photo
 * stand-ins have no alt text, footnotes are too small to read from the back of a room, there are
 * no speaker notes and no closing slide. Which slides have which problem, the order of the middle
 * slides and the wording vary per attempt.
 */
import { createSeededRandom, randomItem, shuffle } from '../seeded-random.ts';
import type { ExpectedValues } from '../types.ts';
import { makePng } from './office-package.ts';
import { buildDeckPackage, type Slide, type SlideShape } from './slides-common.ts';
import type { ProjectBuilder } from './types.ts';

interface Draft {
	key: 'about' | 'thalis' | 'plan' | 'billing' | 'quotes' | 'kitchen';
	titles: readonly string[];
	lines: readonly string[];
	footnote?: string;
	photo?: boolean;
}

const MIDDLE: readonly Draft[] = [
	{
		key: 'about',
		titles: [
			'Home-style food from a Baner kitchen',
			'Who cooks your lunch',
			'Annapurna Tiffins since 2019',
		],
		lines: [
			'Started in 2019 in a home kitchen in Kothrud',
			'Now a central kitchen in Baner with 14 people',
			'Vegetarian: Maharashtrian and North Indian; Jain on request',
		],
	},
	{
		key: 'thalis',
		titles: [
			'Three thalis to choose from',
			'Pick the thali that suits your team',
			'Three thalis, one monthly bill',
		],
		lines: [
			'Basic: 2 sabzi, dal, rice, 4 chapati, salad (Rs 110)',
			'Standard: Basic + sweet + buttermilk (Rs 140)',
			'Diet: less oil, millet roti, no rice (Rs 150)',
		],
		footnote: 'Prices per meal, to be confirmed for April.',
		photo: true,
	},
	{
		key: 'plan',
		titles: [
			'How the office lunch plan works',
			'Lunch at reception by 12:30',
			'From our kitchen to your desk',
		],
		lines: [
			'At least 20 meals a day per office',
			'Delivered to reception between 12:00 and 12:30',
			'Steel containers, collected the next day: no plastic boxes',
		],
		footnote: 'Menu changes daily on a 4-week rotation.',
	},
	{
		key: 'billing',
		titles: [
			'Simple monthly billing and a trial week',
			'Try it for a week at half price',
			'Billing and the trial week',
		],
		lines: [
			'Invoice on the 1st, payment within 15 days',
			'First week at half price for the first 20 meals a day',
		],
		footnote: 'Trial open to new offices only.',
	},
	{
		key: 'quotes',
		titles: ['What our customers say', 'In our customers’ words', 'Why teams stay with us'],
		lines: [
			'“Tastes like my mother’s cooking, and it’s never late.” (Amol, software engineer)',
			'“We switched our whole team of 35 to Annapurna last year. Fewer complaints than any canteen we tried.” (Farah, office manager)',
		],
	},
	{
		key: 'kitchen',
		titles: ['Our kitchen in Baner', 'Clean, registered, careful', 'Where your lunch is cooked'],
		lines: ['FSSAI registered kitchen', 'Cooked fresh every morning, packed by 11:30'],
		photo: true,
	},
];

function generate(seed: string) {
	const rand = createSeededRandom(`office-lunch-deck:${seed}`);
	// "About" opens and "quotes" closes the middle; the three practical slides change places.
	const [about, thalis, plan, billing, quotes, kitchen] = MIDDLE as [
		Draft,
		Draft,
		Draft,
		Draft,
		Draft,
		Draft,
	];
	const middle = [about, kitchen, ...shuffle(rand, [thalis, plan, billing]), quotes];
	const slides = middle.map((d) => ({ ...d, title: randomItem(rand, d.titles) }));
	// Two of slides 2–7 have their title in a text box, not in the title placeholder.
	const boxed = new Set(shuffle(rand, [0, 1, 2, 3, 4, 5]).slice(0, 2));
	const heading = randomItem(rand, [
		'Lunch for your team, cooked like home',
		'Office lunches from Annapurna Tiffins',
		'Home-style office lunches for Hinjewadi',
	]);
	return { slides, boxed, heading };
}

function computeExpected(seed: string): ExpectedValues {
	const { slides } = generate(seed);
	// Slide numbers (1 is the title slide) of the prices and the trial week: they need notes.
	return {
		notesSlides: [
			slides.findIndex((s) => s.key === 'thalis') + 2,
			slides.findIndex((s) => s.key === 'billing') + 2,
		],
	};
}

export const officeLunchDeck: ProjectBuilder = {
	kind: 'pptx',
	expected: computeExpected,
	async build(seed, ctx) {
		const g = generate(seed);
		const logo: SlideShape = { kind: 'picture', image: 'logo', at: [28.5, 15.2, 4.2, 2.6] };
		const deck: Slide[] = [
			{
				layout: 'title',
				shapes: [
					{ kind: 'placeholder', type: 'ctrTitle', lines: [g.heading] },
					{
						kind: 'placeholder',
						type: 'subTitle',
						lines: ['Annapurna Tiffins · Baner, Pune · draft for Sunita Deshpande'],
					},
					{ kind: 'picture', image: 'logo', at: [1.5, 1.2, 5, 3.1] },
					{
						kind: 'textbox',
						name: 'Draft note',
						lines: [`Draft prepared by ${ctx.learnerName}`, ctx.attemptKey],
						size: 18,
						at: [1.5, 15.4, 26, 2],
					},
				],
			},
			...g.slides.map((s, i): Slide => {
				const shapes: SlideShape[] = g.boxed.has(i)
					? [
							{ kind: 'placeholder', type: 'title', lines: [] },
							{
								kind: 'textbox',
								name: 'Heading box',
								lines: [s.title],
								size: 36,
								at: [2.3, 1, 29, 2.5],
							},
						]
					: [{ kind: 'placeholder', type: 'title', lines: [s.title] }];
				// Narrower than the layout's body, so the text stays clear of the picture on the right.
				shapes.push({
					kind: 'placeholder',
					type: 'body',
					lines: [...s.lines],
					at: [2.3, 5.1, 20.8, 11.5],
				});
				if (s.footnote)
					shapes.push({
						kind: 'textbox',
						name: 'Footnote',
						lines: [s.footnote],
						size: 11,
						at: [2.3, 17.3, 20, 1],
					});
				if (s.photo)
					shapes.push({
						kind: 'picture',
						image: s.key === 'kitchen' ? 'kitchen' : 'thali',
						at: [24, 6, 7.5, 5],
					});
				else shapes.push(logo);
				return { layout: 'obj', shapes };
			}),
		];
		const images = {
			logo: makePng(100, 62, [232, 135, 30]),
			thali: makePng(150, 100, [46, 94, 78]),
			kitchen: makePng(150, 100, [120, 90, 60]),
		};
		return buildDeckPackage('Annapurna Tiffins office lunch plan (draft)', deck, images, ctx);
	},
};
