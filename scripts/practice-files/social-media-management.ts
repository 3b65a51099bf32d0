/**
 * Practice files for the course "Social media management for virtual assistants"
 * (courses/social-media-management).
 *
 * - content-calendar-template.xlsx: a content calendar with drop-down lists, a "How to use" sheet
 *   and six example rows for Shapla Crafts (a Dhaka handicraft shop) in April 2026. One example
 *   row deliberately breaks a rule from Unit 1 (an unverified claim) for the learner to find.
 * - shapla-march-2026-export-messy.csv: a messy post-level export of 30 Facebook and Instagram
 *   posts (March 2026) to clean and turn into a one-page client report. The mess: a description
 *   row under the header, mixed date formats, inconsistent platform names, stray spaces, numbers
 *   with thousands separators, "n/a" and "-" for missing clicks, two duplicate rows, one row with
 *   reach and impressions swapped, and a wrong TOTAL row at the bottom.
 *
 * Everything is fixed data (no randomness) and the .xlsx zip gets fixed timestamps, so a rebuild
 * gives the same bytes. Run this file directly with `--stats` to print the figures the lessons quote.
 */
import ExcelJS from 'exceljs';
import { writeReadMeLines } from './_shared.ts';
import type { PracticeFile } from './types.ts';
import { fixZipTimes } from './_zip.ts';

// ------------------------------------------------------------------ helpers

const FIXED_TIME = new Date(Date.UTC(2026, 0, 5));

/** A date at midnight UTC (ExcelJS stores dates as UTC, so the cell shows exactly this day). */
function day(y: number, m: number, d: number): Date {
	return new Date(Date.UTC(y, m - 1, d));
}

function csvField(value: string): string {
	return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

// ------------------------------------------------------------------ 1. content calendar template

const PLATFORMS = ['Facebook', 'Instagram', 'LinkedIn', 'X', 'TikTok', 'YouTube'];
const FORMATS = [
	'Photo',
	'Carousel',
	'Reel / short video',
	'Long video',
	'Story',
	'Text only',
	'Link',
	'Live',
];
const PILLARS = [
	'Behind the scenes',
	'Product',
	'How-to / care tips',
	'Customers',
	'Seasonal / festival',
	'Offers',
];
const STATUSES = [
	'Idea',
	'Drafting',
	'Ready for approval',
	'Approved',
	'Scheduled',
	'Published',
	'On hold',
];

interface CalendarRow {
	date: Date;
	time: string;
	platform: string;
	format: string;
	pillar: string;
	hook: string;
	caption: string;
	visual: string;
	alt: string;
	hashtags: string;
	cta: string;
	status: string;
	approved: string;
	notes: string;
}

const CALENDAR_EXAMPLES: CalendarRow[] = [
	{
		date: day(2026, 4, 6),
		time: '19:30',
		platform: 'Facebook',
		format: 'Photo',
		pillar: 'Seasonal / festival',
		hook: 'Boishakh pre-orders close on 10 April',
		caption:
			'Planning your Pohela Boishakh look? Pre-orders for our red-and-white kantha dupattas close on Friday 10 April so that Rokeya and her team can finish every piece by hand. Order through the link or send us a message.',
		visual: 'Drive > Shapla > April > boishakh-dupatta-01.jpg',
		alt: 'A red and white kantha dupatta folded on a wooden table, with a small clay pot of marigolds beside it.',
		hashtags: '#PohelaBoishakh #Kantha #ShaplaCrafts',
		cta: 'Order link: shapla-crafts.example/boishakh',
		status: 'Scheduled',
		approved: 'Yes - Nasrin, 2 Apr',
		notes: 'Same photo as the Instagram post on 7 April, different caption.',
	},
	{
		date: day(2026, 4, 7),
		time: '20:00',
		platform: 'Instagram',
		format: 'Reel / short video',
		pillar: 'Behind the scenes',
		hook: '30 hours of stitching in 30 seconds',
		caption:
			'One dupatta, about 30 hours of running stitch, 30 seconds of video. Boishakh pre-orders close Friday - link in bio.',
		visual: 'Drive > Shapla > April > reel-stitching-raw.mp4 (needs trimming)',
		alt: 'Not needed for a Reel: add captions (subtitles) to the video instead.',
		hashtags: '#Kantha #Handmade #Boishakh',
		cta: 'Link in bio',
		status: 'Drafting',
		approved: '',
		notes: 'Check with Nasrin that "about 30 hours" is right before approval.',
	},
	{
		date: day(2026, 4, 9),
		time: '18:00',
		platform: 'Facebook',
		format: 'Carousel',
		pillar: 'How-to / care tips',
		hook: 'How to wash a kantha without ruining it',
		caption:
			'Hand wash in cold water, no bleach, dry in the shade. Swipe for the four steps our artisans use at home.',
		visual: 'Canva: "Kantha care carousel" (4 slides, 1080 x 1350)',
		alt: 'Slide 1: a kantha soaking in a steel bucket of cold water. Slides 2 to 4 show the steps as text on a cream background.',
		hashtags: '#KanthaCare',
		cta: 'Save this post for later',
		status: 'Ready for approval',
		approved: '',
		notes: '',
	},
	{
		date: day(2026, 4, 11),
		time: '11:00',
		platform: 'Instagram',
		format: 'Photo',
		pillar: 'Product',
		hook: 'The best kantha in Bangladesh',
		caption:
			'The best kantha in Bangladesh! 100% organic cotton, guaranteed to last a lifetime. Shop now before they sell out!',
		visual: 'Drive > Shapla > April > throw-indigo.jpg',
		alt: '',
		hashtags:
			'#best #sale #kantha #bangladesh #handmade #organic #gift #home #decor #love #instagood',
		cta: 'Link in bio',
		status: 'Idea',
		approved: '',
		notes: '',
	},
	{
		date: day(2026, 4, 14),
		time: '09:00',
		platform: 'Facebook',
		format: 'Photo',
		pillar: 'Seasonal / festival',
		hook: 'Shubho Noboborsho from Shapla Crafts',
		caption:
			'Shubho Noboborsho! Wishing every one of you a peaceful and colourful new year. - Nasrin and the Shapla team',
		visual: 'Canva: "Noboborsho greeting 2026"',
		alt: 'A hand-drawn alpona pattern in red and white with the words Shubho Noboborsho in Bangla script.',
		hashtags: '#ShubhoNoboborsho',
		cta: '',
		status: 'Approved',
		approved: 'Yes - Nasrin, 2 Apr',
		notes: 'Shop closed 14 April: turn on the Messenger away message the night before.',
	},
	{
		date: day(2026, 4, 16),
		time: '19:00',
		platform: 'Instagram',
		format: 'Story',
		pillar: 'Customers',
		hook: 'Your Boishakh photos',
		caption: 'Reshare customer photos (only the ones where the customer said yes in DMs).',
		visual: 'Screenshots in Drive > Shapla > April > ugc-permission',
		alt: 'Write alt text for each photo when you post it.',
		hashtags: '',
		cta: 'Tag us in your photos',
		status: 'Idea',
		approved: '',
		notes: 'Keep the DM where each customer gave permission.',
	},
];

async function buildCalendar(): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Dakshata';
	wb.lastModifiedBy = 'Dakshata';
	wb.created = FIXED_TIME;
	wb.modified = FIXED_TIME;

	// Sheets in tab order: the calendar first, then the help, then the lists behind the drop-downs.
	const ws = wb.addWorksheet('Calendar', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
	const help = wb.addWorksheet('How to use');
	const lists = wb.addWorksheet('Lists');

	// --- How to use
	help.getColumn(1).width = 110;
	const lines = [
		'Content calendar template (Dakshata practice file)',
		'',
		'Client in the examples: Shapla Crafts, a handicraft shop in Dhaka (Facebook and Instagram). All times are Dhaka time (GMT+6).',
		'One row = one post on one platform. If the same idea goes to Facebook and Instagram, give it two rows: captions, sizes and times differ.',
		'Date: type a real date (for example 2026-04-20). The Day column fills itself in.',
		'Platform, Format, Content pillar and Status: pick from the drop-down list, so that you can filter and count later.',
		'Status moves in this order: Idea > Drafting > Ready for approval > Approved > Scheduled > Published. Use On hold to pause a post.',
		'Approved by client: write who approved it and when (for example "Yes - Nasrin, 2 Apr"). Never schedule a post that is not approved.',
		'Alt text: describe the picture for someone who cannot see it. For videos, add captions (subtitles) instead.',
		'Task: one of the example rows breaks the rules you learned in Unit 1. Find it, and rewrite it in the empty rows below the examples.',
		'Lists sheet: edit the allowed values there if your client uses other platforms or pillars.',
	];
	writeReadMeLines(help, lines, { wrap: true });

	// --- Lists (source of the drop-downs)
	const listColumns: [string, string[]][] = [
		['Platform', PLATFORMS],
		['Format', FORMATS],
		['Content pillar', PILLARS],
		['Status', STATUSES],
	];
	listColumns.forEach(([title, values], c) => {
		lists.getColumn(c + 1).width = 24;
		const head = lists.getCell(1, c + 1);
		head.value = title;
		head.font = { bold: true };
		values.forEach((v, r) => {
			lists.getCell(r + 2, c + 1).value = v;
		});
	});

	// --- Calendar
	ws.columns = [
		{ header: 'Date', key: 'date', width: 12 },
		{ header: 'Day', key: 'day', width: 6 },
		{ header: 'Time (Dhaka)', key: 'time', width: 12 },
		{ header: 'Platform', key: 'platform', width: 12 },
		{ header: 'Format', key: 'format', width: 18 },
		{ header: 'Content pillar', key: 'pillar', width: 20 },
		{ header: 'Topic / hook', key: 'hook', width: 30 },
		{ header: 'Caption draft', key: 'caption', width: 55 },
		{ header: 'Visual (file or link)', key: 'visual', width: 34 },
		{ header: 'Alt text', key: 'alt', width: 40 },
		{ header: 'Hashtags', key: 'hashtags', width: 28 },
		{ header: 'Link / call to action', key: 'cta', width: 28 },
		{ header: 'Status', key: 'status', width: 18 },
		{ header: 'Approved by client', key: 'approved', width: 20 },
		{ header: 'Notes', key: 'notes', width: 40 },
	];
	const header = ws.getRow(1);
	header.font = { bold: true };
	header.alignment = { vertical: 'middle', wrapText: true };
	header.eachCell((cell) => {
		cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
		cell.border = { bottom: { style: 'thin' } };
	});

	const lastRow = 60;
	for (let r = 2; r <= lastRow; r++) {
		const ex = CALENDAR_EXAMPLES[r - 2];
		const row = ws.getRow(r);
		if (ex) {
			row.getCell('date').value = ex.date;
			row.getCell('time').value = ex.time;
			row.getCell('platform').value = ex.platform;
			row.getCell('format').value = ex.format;
			row.getCell('pillar').value = ex.pillar;
			row.getCell('hook').value = ex.hook;
			row.getCell('caption').value = ex.caption;
			row.getCell('visual').value = ex.visual;
			row.getCell('alt').value = ex.alt;
			row.getCell('hashtags').value = ex.hashtags;
			row.getCell('cta').value = ex.cta;
			row.getCell('status').value = ex.status;
			row.getCell('approved').value = ex.approved;
			row.getCell('notes').value = ex.notes;
		}
		const weekday = ex
			? ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][ex.date.getUTCDay()]
			: '';
		row.getCell('day').value = {
			formula: `IF(A${r}="","",TEXT(A${r},"ddd"))`,
			result: weekday ?? '',
		};
		row.getCell('date').numFmt = 'yyyy-mm-dd';
		row.alignment = { vertical: 'top', wrapText: true };
		const list = (col: string, sheetCol: string, n: number) => {
			row.getCell(col).dataValidation = {
				type: 'list',
				allowBlank: true,
				formulae: [`Lists!$${sheetCol}$2:$${sheetCol}$${n + 1}`],
				showErrorMessage: true,
				errorTitle: 'Pick from the list',
				error: 'Choose a value from the drop-down list (edit the Lists sheet to add one).',
			};
		};
		list('platform', 'A', PLATFORMS.length);
		list('format', 'B', FORMATS.length);
		list('pillar', 'C', PILLARS.length);
		list('status', 'D', STATUSES.length);
	}
	ws.autoFilter = { from: 'A1', to: 'O1' };

	wb.views = [
		{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
	];

	const raw = await wb.xlsx.writeBuffer();
	return fixZipTimes(Buffer.from(raw as ArrayBuffer));
}

// ------------------------------------------------------------------ 2. messy analytics export

/** A clean post record, as the report should use it. */
interface Post {
	id: string;
	date: Date;
	platform: 'Facebook' | 'Instagram';
	type: string;
	title: string;
	reach: number;
	impressions: number;
	likes: number;
	comments: number;
	shares: number;
	/** Link clicks; null where the post has no link (greetings, most Instagram posts). */
	clicks: number | null;
}

const P = (
	id: string,
	d: number,
	platform: Post['platform'],
	type: string,
	title: string,
	reach: number,
	impressions: number,
	likes: number,
	comments: number,
	shares: number,
	clicks: number | null,
): Post => ({
	id,
	date: day(2026, 3, d),
	platform,
	type,
	title,
	reach,
	impressions,
	likes,
	comments,
	shares,
	clicks,
});

export const POSTS: Post[] = [
	P(
		'FB-0301',
		1,
		'Facebook',
		'Photo',
		'Ramadan opening hours for iftar and sehri',
		1850,
		2310,
		142,
		18,
		9,
		null,
	),
	P(
		'IG-0302',
		2,
		'Instagram',
		'Carousel',
		'New Eid kantha cushion covers - 6 designs',
		2640,
		3480,
		236,
		27,
		14,
		null,
	),
	P(
		'FB-0303',
		3,
		'Facebook',
		'Link',
		'Eid order deadline for UK delivery',
		1420,
		1710,
		38,
		6,
		4,
		96,
	),
	P(
		'IG-0304',
		4,
		'Instagram',
		'Reel',
		'How a nakshi kantha is stitched (60 sec)',
		6120,
		8950,
		552,
		41,
		87,
		null,
	),
	P(
		'FB-0305',
		5,
		'Facebook',
		'Video',
		'Meet Rokeya, our senior artisan',
		3310,
		4120,
		276,
		52,
		31,
		12,
	),
	P('FB-0306', 6, 'Facebook', 'Photo', 'Jute tote bags back in stock', 1180, 1390, 64, 9, 3, 41),
	P(
		'IG-0307',
		7,
		'Instagram',
		'Photo',
		'Customer photo: kantha throw in a London flat',
		1960,
		2440,
		205,
		15,
		6,
		null,
	),
	P(
		'FB-0308',
		8,
		'Facebook',
		'Photo',
		"International Women's Day - the women behind our stitches",
		2870,
		3560,
		301,
		44,
		38,
		7,
	),
	P(
		'IG-0309',
		9,
		'Instagram',
		'Reel',
		'Packing an Eid order with us',
		4380,
		6020,
		391,
		29,
		41,
		null,
	),
	P(
		'FB-0310',
		10,
		'Facebook',
		'Link',
		'Blog: how to wash a kantha safely',
		980,
		1150,
		22,
		3,
		5,
		74,
	),
	P(
		'IG-0311',
		11,
		'Instagram',
		'Carousel',
		'5 ways to style a kantha throw',
		2210,
		3090,
		194,
		12,
		19,
		null,
	),
	P('FB-0312', 12, 'Facebook', 'Photo', 'Eid gift box preview', 2050, 2600, 158, 37, 12, 55),
	P(
		'FB-0313',
		13,
		'Facebook',
		'Video',
		'Live Q&A replay: choosing an Eid gift',
		1560,
		1980,
		73,
		21,
		4,
		18,
	),
	P(
		'IG-0314',
		14,
		'Instagram',
		'Photo',
		'Flat lay: new colours for spring',
		1730,
		2150,
		161,
		8,
		3,
		null,
	),
	P(
		'FB-0315',
		15,
		'Facebook',
		'Photo',
		'Last day for UK Eid delivery orders',
		2480,
		3010,
		96,
		29,
		22,
		133,
	),
	P(
		'IG-0316',
		16,
		'Instagram',
		'Reel',
		'Before and after: hand-dyeing jute',
		5240,
		7310,
		447,
		33,
		58,
		null,
	),
	P(
		'FB-0317',
		17,
		'Facebook',
		'Photo',
		'Thank you for 10,000 followers',
		1690,
		2040,
		188,
		46,
		7,
		null,
	),
	P(
		'IG-0318',
		18,
		'Instagram',
		'Carousel',
		'Eid colour guide: which kantha for which room',
		2390,
		3170,
		219,
		16,
		22,
		null,
	),
	P('FB-0321', 21, 'Facebook', 'Photo', 'Eid Mubarak greeting', 3120, 3870, 344, 61, 25, null),
	P(
		'FB-0323',
		23,
		'Facebook',
		'Link',
		'Shop reopens after the Eid holidays',
		1040,
		1230,
		31,
		5,
		2,
		47,
	),
	P(
		'IG-0324',
		24,
		'Instagram',
		'Reel',
		'Studio tour after the holidays',
		3870,
		5120,
		318,
		22,
		30,
		null,
	),
	P(
		'FB-0325',
		25,
		'Facebook',
		'Photo',
		'Workshop announcement: kantha stitching class in Dhaka',
		2290,
		2760,
		121,
		58,
		36,
		88,
	),
	P('FB-0326', 26, 'Facebook', 'Photo', 'Independence Day greeting', 2710, 3320, 265, 34, 41, null),
	P(
		'IG-0327',
		27,
		'Instagram',
		'Photo',
		'Spotlight: jute laptop sleeve',
		1490,
		1840,
		109,
		7,
		4,
		null,
	),
	P(
		'FB-0328',
		28,
		'Facebook',
		'Video',
		'How to spot a hand-stitched kantha',
		3650,
		4730,
		233,
		39,
		64,
		29,
	),
	P('IG-0329', 29, 'Instagram', 'Carousel', 'Meet the team (part 2)', 2080, 2790, 229, 19, 8, null),
	P(
		'FB-0330',
		30,
		'Facebook',
		'Photo',
		'Pohela Boishakh pre-orders open',
		2560,
		3150,
		140,
		47,
		29,
		162,
	),
	P(
		'IG-0330',
		30,
		'Instagram',
		'Reel',
		'Boishakh colours sneak peek',
		4920,
		6680,
		418,
		35,
		47,
		null,
	),
	P(
		'FB-0331',
		31,
		'Facebook',
		'Link',
		'Survey: which Boishakh design should we make?',
		1330,
		1590,
		44,
		71,
		6,
		118,
	),
	P(
		'IG-0331',
		31,
		'Instagram',
		'Photo',
		'March thank-you: our month in numbers',
		1610,
		1980,
		146,
		11,
		2,
		null,
	),
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The date as it appears in the export: four formats, by a fixed pattern. */
function messyDate(d: Date, i: number): string {
	const y = d.getUTCFullYear();
	const m = d.getUTCMonth() + 1;
	const dd = d.getUTCDate();
	switch (i % 7) {
		case 1:
			return `${pad(m)}/${pad(dd)}/${y}`; // US month/day/year
		case 3:
			return `${dd} ${MONTHS[m - 1]} ${y}`;
		case 5:
			return `${MONTHS[m - 1]} ${dd}, ${y}`;
		default:
			return `${y}-${pad(m)}-${pad(dd)} ${pad(18 + (i % 4))}:${i % 2 === 0 ? '00' : '30'}`;
	}
}

const PLATFORM_SPELLINGS: Record<Post['platform'], string[]> = {
	Facebook: ['Facebook', 'facebook', 'Facebook ', 'FB', 'Facebook', ' facebook'],
	Instagram: ['Instagram', 'instagram', 'IG', 'Instagram ', 'instagram '],
};

const withCommas = (n: number) => n.toLocaleString('en-US');

function buildCsv(): string {
	const header = [
		'Post ID',
		'Publish time',
		'Platform',
		'Post type',
		'Title',
		'Reach',
		'Impressions',
		'Likes',
		'Comments',
		'Shares',
		'Link clicks',
	];
	const description = [
		'',
		'Local time',
		'',
		'',
		'',
		'Lifetime: the number of people who saw this post at least once',
		'Lifetime: the number of times this post was on screen',
		'Lifetime: likes and reactions',
		'Lifetime',
		'Lifetime',
		'Lifetime: clicks on links in the post',
	];
	const lines: string[][] = [header, description];
	const rowFor = (p: Post, i: number, variant = 0): string[] => {
		const spellings = PLATFORM_SPELLINGS[p.platform];
		const platform = spellings[(i + variant) % spellings.length] ?? p.platform;
		const type = i % 5 === 2 ? p.type.toLowerCase() : i % 9 === 4 ? `${p.type} ` : p.type;
		let title = p.title;
		if (i === 11) title = '  eid GIFT box preview';
		if (i === 20) title = 'Studio tour after the holidays ';
		let reach = p.reach;
		let impressions = p.impressions;
		// Row FB-0310: reach and impressions swapped in the export (reach can never exceed impressions).
		if (p.id === 'FB-0310') [reach, impressions] = [impressions, reach];
		const num = (n: number) => (n >= 1000 && i % 3 === 0 ? withCommas(n) : String(n));
		let clicks: string;
		if (p.clicks !== null) clicks = String(p.clicks);
		else if (p.platform === 'Instagram') clicks = i % 2 === 0 ? 'n/a' : '-';
		else clicks = '';
		return [
			p.id,
			messyDate(p.date, i),
			platform,
			type,
			title,
			num(reach),
			num(impressions),
			String(p.likes),
			String(p.comments),
			String(p.shares),
			clicks,
		];
	};
	POSTS.forEach((p, i) => {
		lines.push(rowFor(p, i));
		// Two posts were exported twice; the second copy is spelled a little differently.
		if (p.id === 'FB-0315') lines.push(rowFor(p, i));
		if (p.id === 'IG-0316') lines.push(rowFor(p, i, 1));
	});
	// A TOTAL row that the export tool added: it counts the duplicates and is wrong. Delete it.
	const dupes = POSTS.filter((p) => p.id === 'FB-0315' || p.id === 'IG-0316');
	const all = [...POSTS, ...dupes];
	const sum = (f: (p: Post) => number) => all.reduce((s, p) => s + f(p), 0);
	lines.push([
		'TOTAL',
		'',
		'',
		'',
		'',
		String(sum((p) => p.reach)),
		String(sum((p) => p.impressions)),
		String(sum((p) => p.likes)),
		String(sum((p) => p.comments)),
		String(sum((p) => p.shares)),
		String(sum((p) => p.clicks ?? 0)),
	]);
	return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n';
}

// ------------------------------------------------------------------ answers

const pct = (a: number, b: number) => Math.round((a / b) * 1000) / 10;

/** The figures the lessons quote as "check your answer". Run this file with `--stats`. */
export function stats(): Record<string, unknown> {
	const eng = (p: Post) => p.likes + p.comments + p.shares;
	const total = (list: Post[]) => {
		const reach = list.reduce((s, p) => s + p.reach, 0);
		const impressions = list.reduce((s, p) => s + p.impressions, 0);
		const engagements = list.reduce((s, p) => s + eng(p), 0);
		const withLinks = list.filter((p) => p.clicks !== null);
		const clicks = withLinks.reduce((s, p) => s + (p.clicks ?? 0), 0);
		const linkImpr = withLinks.reduce((s, p) => s + p.impressions, 0);
		const avgOfRates =
			Math.round((list.reduce((s, p) => s + eng(p) / p.reach, 0) / list.length) * 1000) / 10;
		return {
			posts: list.length,
			reach,
			impressions,
			likes: list.reduce((s, p) => s + p.likes, 0),
			comments: list.reduce((s, p) => s + p.comments, 0),
			shares: list.reduce((s, p) => s + p.shares, 0),
			engagements,
			engagementRateByReach: pct(engagements, reach),
			averageOfPostRates: avgOfRates,
			postsWithLinkClicks: withLinks.length,
			clicks,
			ctrOnPostsWithClicks: withLinks.length ? pct(clicks, linkImpr) : null,
		};
	};
	const byRate = [...POSTS]
		.map((p) => ({ id: p.id, title: p.title, rate: pct(eng(p), p.reach), engagements: eng(p) }))
		.sort((a, b) => b.rate - a.rate);
	const byType: Record<string, unknown> = {};
	for (const t of ['Photo', 'Carousel', 'Reel', 'Video', 'Link']) {
		byType[t] = total(POSTS.filter((p) => p.type === t));
	}
	return {
		all: total(POSTS),
		facebook: total(POSTS.filter((p) => p.platform === 'Facebook')),
		instagram: total(POSTS.filter((p) => p.platform === 'Instagram')),
		byType,
		top5ByRate: byRate.slice(0, 5),
		bottom3ByRate: byRate.slice(-3),
		top3ByEngagements: [...byRate].sort((a, b) => b.engagements - a.engagements).slice(0, 3),
		top3ByReach: [...POSTS]
			.sort((a, b) => b.reach - a.reach)
			.slice(0, 3)
			.map((p) => [p.id, p.reach]),
	};
}

// ------------------------------------------------------------------ export

export const files: PracticeFile[] = [
	{ name: 'content-calendar-template.xlsx', build: buildCalendar },
	{ name: 'shapla-march-2026-export-messy.csv', build: () => Buffer.from(buildCsv(), 'utf8') },
];

if (process.argv.includes('--stats')) console.log(JSON.stringify(stats(), null, 2));
if (process.argv.includes('--csv')) process.stdout.write(buildCsv());
