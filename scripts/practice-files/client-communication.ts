/**
 * Practice files for the course "Client communication and freelancing" (courses/client-communication).
 *
 * - four sample job posts as plain text (three real-looking posts with application instructions
 *   buried in the text, and one scam post with red flags)
 * - a proposal template (.docx) with an example for a different, invented job
 * - a services list and rate-card worksheet (.xlsx) with a deliberately messy draft list to clean
 *
 * All clients, businesses, names and addresses are invented. Dates are fixed and nothing is random,
 * so a rebuild gives the same content.
 */
import ExcelJS from 'exceljs';
import {
	AlignmentType,
	BorderStyle,
	Document,
	HeadingLevel,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType,
} from 'docx';
import { withFixedDate, writeReadMeLines } from './_shared.ts';
import type { PracticeFile } from './types.ts';

/** The moment every generated file claims to have been written (zip entries and document properties). */
const FIXED = new Date('2026-01-15T12:00:00Z');

/** Plain text with Windows line endings, as a client's copied post often arrives. */
const text = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');

// ---------------------------------------------------------------- job posts

const header = (n: number, source: string) => [
	`PRACTICE JOB POST ${n} OF 4  -  Dakshata course "Client communication and freelancing"`,
	`Where it was posted: ${source}`,
	'The client, business and contact details are invented for practice. Do not contact anyone.',
	'Your task: read the WHOLE post and list every instruction the client gives about how to apply.',
	'======================================================================================',
	'',
];

const jobPost1 = text([
	...header(1, 'Upwork (copied into a text file)'),
	'Part-time VA for a home bakery - order emails + WhatsApp Business replies',
	'',
	'Posted 2 hours ago | Worldwide | Hourly: $5.00-$8.00 | Less than 30 hrs/week | 1 to 3 months',
	'Entry level | Proposals: 20 to 50',
	'About the client: Payment method verified | Leeds, United Kingdom | 4 jobs posted, 3 hires | 4.9 of 5 from 3 reviews',
	'',
	"Hi! I'm Shirin and I run a small home bakery in Leeds (celebration cakes, brownies, the odd",
	"wedding order). Orders arrive by email (Gmail) and through WhatsApp Business and honestly I'm",
	'drowning - I bake all day and answer messages at midnight. I need someone reliable to:',
	'',
	'  - check the Gmail inbox twice a day (my mornings and early afternoons, UK time) and label every order email',
	'  - reply to customers using my saved reply templates, and write new ones when needed',
	'  - keep the order sheet (Google Sheets) up to date: name, date, item, price, deposit paid yes/no',
	'  - politely chase unpaid deposits',
	"  - send me a short note each evening saying what's confirmed for the next day",
	'',
	'You do NOT need to know anything about baking! You DO need good written English, a calm tone',
	"with upset customers, and attention to detail. I'll check everything for the first two weeks,",
	'then less once we trust each other.',
	'',
	"Please don't send me a long CV. I read every proposal myself, usually on my phone between batches,",
	'so keep it short. To show me you actually read this far, start your proposal with the words',
	'"Fresh bread" and then tell me which email app you use on your phone. Proposals that',
	"don't start that way go straight to the bottom of my list, sorry!",
	'',
	'Also include ONE short example reply (3 or 4 lines) to this real customer message:',
	'   "My birthday cake was supposed to arrive at 2pm and its now 3.30. Where is it??"',
	'',
	'Screening question (Upwork will show it when you apply):',
	'  1. Which hours, in UK time, could you check the inbox on weekdays?',
	'',
	'Thanks for reading!',
	'Shirin',
]);

const jobPost2 = text([
	...header(2, 'a LinkedIn post shared in a property-management group; applications by email'),
	'HIRING: Virtual Assistant - CRM data entry + appointment scheduling (remote, about 10 hrs/week)',
	'',
	"We're a three-person property management team in Brisbane, Australia. We are moving our tenant",
	"and owner contacts out of old spreadsheets and into a CRM (HubSpot's free version), and we need",
	'help for about 6 to 8 weeks - possibly longer for appointment scheduling after that.',
	'',
	"What you'd do",
	'* Clean our contact spreadsheets (around 1,200 rows, lots of duplicates, mixed phone formats)',
	'* Import them into HubSpot and check the import worked',
	'* Book property inspection appointments in Google Calendar, following our booking rules',
	'* Send confirmation emails from a shared Gmail inbox',
	'',
	'What we need from you',
	'* Good Excel or Google Sheets skills (removing duplicates, TRIM, splitting text into columns)',
	'* At least 2 hours of overlap with Brisbane business hours (9am-5pm AEST, UTC+10 - Queensland',
	'  does not change its clocks)',
	'* A stable internet connection and your own computer - we do not supply equipment',
	'* Happy to sign a simple confidentiality agreement before you see tenant data',
	'',
	'Budget: AUD 12-15 per hour depending on experience, paid every two weeks by bank transfer',
	'against your invoice.',
	'',
	'How to apply',
	'Email hiring@brisbane-pm.example with your CV and two lines about a spreadsheet you have cleaned.',
	'',
	'About us',
	'We look after 140 rental homes on the north side of Brisbane. We are small, friendly and busy.',
	"We've been let down before by people who didn't read instructions (which is a big part of this",
	'job!), so one more thing: please put BRISBANE VA in the subject line of your email, and in the',
	"email tell us what time it is in Brisbane when it's 10 a.m. where you live.",
	'',
	"P.S. We don't do calls until we have read your email, and please no voice notes.",
	'',
	'#hiring #virtualassistant #remotework #dataentry',
]);

const jobPost3 = text([
	...header(3, 'Freelancer.com (fixed-price project; you place a bid)'),
	'Research 150 dental clinics in Toronto and put them in a spreadsheet',
	'',
	'Budget: $30 - $250 USD | Fixed price | Bids so far: 37',
	'Skills: Web Research, Data Entry, Excel, Lead Generation',
	'',
	'Project description',
	"I'm opening a dental supply business and need a clean list of dental clinics in Toronto, Canada",
	'(the City of Toronto only, not the whole GTA).',
	'',
	'Deliverables:',
	'1. One spreadsheet (Excel or Google Sheets) with 150 clinics, one clinic per row.',
	'2. Columns: Clinic name | Street address | Postal code | Phone | Website | Email (only if shown on',
	'   the clinic website) | Source URL',
	'3. Phone numbers written as (416) 555-0123 style. No duplicates. No clinics that have closed.',
	'4. Every row must come from a real source you visited - I will spot-check 20 rows by calling them.',
	'5. Do NOT copy from paid lead databases and do not invent anything.',
	'6. In your bid, give ONE fixed price for the whole project and the number of days you need, and',
	'   write the word "maple" somewhere in your bid so I know a human read this brief.',
	'7. Send me the first 10 rows after day one so I can check the format before you continue.',
	'',
	"I don't need a cover letter about your whole career. Tell me how you would check that a clinic is",
	'still open. Bids without a fixed price and a number of days will be ignored.',
	'',
	'Thanks - Daniel',
]);

const jobPost4 = text([
	...header(
		4,
		'a message forwarded in a Facebook group (red-flag practice: read it, do NOT reply)',
	),
	'URGENT!!! DATA ENTRY FROM HOME - $45/HOUR - NO EXPERIENCE NEEDED - START TODAY',
	'',
	'Our international company is hiring 50 virtual assistants immediately. Work only 2 hours a day',
	'from your phone. Guaranteed income of $900 every week!!',
	'',
	'How to start:',
	'1. Contact our HR manager on Telegram or WhatsApp right now (link in comments). Do not apply on',
	'   any website, our company prefers private chat.',
	'2. Pay a one-time REFUNDABLE registration fee of $25 for your training kit and account activation.',
	'   The fee is returned with your first salary.',
	'3. Send a photo of your national ID card (both sides) and your bank login so we can set up',
	'   your salary faster.',
	'4. We will post you a cheque to buy a laptop from our approved supplier. Deposit the cheque and',
	'   send the supplier the money the same day.',
	'5. First task: like and review 20 products to unlock your first payment.',
	'',
	'Reply "I AGREE" within 1 hour or your seat goes to the next person. Limited places!!!',
]);

// ---------------------------------------------------------------- proposal template (.docx)

const p = (t: string, opts: { bold?: boolean; italics?: boolean } = {}) =>
	new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: t, ...opts })] });
const heading = (
	t: string,
	level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2,
) =>
	new Paragraph({
		heading: level,
		spacing: { before: 240, after: 120 },
		children: [new TextRun(t)],
	});
const bullet = (t: string) =>
	new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun(t)] });
const placeholder = (label: string, guide: string) =>
	new Paragraph({
		spacing: { after: 160 },
		children: [
			new TextRun({ text: `[${label}] `, bold: true }),
			new TextRun({ text: guide, italics: true, color: '555555' }),
		],
	});

const cell = (t: string, bold = false) =>
	new TableCell({
		width: { size: 50, type: WidthType.PERCENTAGE },
		children: [new Paragraph({ children: [new TextRun({ text: t, bold })] })],
	});

const checkRows: [string, string][] = [
	['Did I read the whole post, including the last lines and any P.S.?', ''],
	['Did I follow every application instruction (code word, subject line, question, format)?', ''],
	['Does my first line answer the client, not talk about me?', ''],
	["Did I repeat the client's problem in my own words, in one sentence?", ''],
	['Is my sample real work or an honestly labelled practice sample?', ''],
	['Did I answer every screening question fully?', ''],
	["Did I state my availability in the CLIENT's time zone?", ''],
	['If a price is asked for, did I give one clear number and what it includes?', ''],
	['Is it short enough to read on a phone (about 120 to 200 words)?', ''],
	["Did I check spelling, the client's name and the business name?", ''],
	['No promises I cannot keep, no "100% guaranteed", no fake experience?', ''],
	['No request to move to WhatsApp, Telegram or email before a contract exists?', ''],
];

function proposalTemplate() {
	// The document records its creation time when constructed, so build it inside the frozen clock.
	return withFixedDate(FIXED, () => Packer.toBuffer(buildProposalDocument()));
}

function buildProposalDocument() {
	return new Document({
		creator: 'Dakshata',
		title: 'Proposal template',
		description: 'Practice file for the Dakshata course Client communication and freelancing',
		styles: { default: { document: { run: { font: 'Calibri', size: 24 } } } },
		sections: [
			{
				children: [
					new Paragraph({
						heading: HeadingLevel.TITLE,
						alignment: AlignmentType.LEFT,
						children: [new TextRun('Proposal template')],
					}),
					p('Dakshata practice file - course "Client communication and freelancing".', {
						italics: true,
					}),
					p(
						'How to use it: make a copy, then replace each [BRACKET] with your own words for ONE job post. ' +
							'Delete the grey guidance as you go. Never send a proposal that still has brackets in it. ' +
							'Most marketplace proposals should end up between 120 and 200 words.',
					),

					heading('Part 1. The proposal'),
					placeholder(
						'OPENING LINE',
						'Do what the client asked first: the code word, the answer to their question, or the detail they asked for. Then one sentence that shows you understood their problem, in your own words.',
					),
					placeholder(
						'HOW I WOULD DO IT',
						'Two or three short steps. Name the real tools (Gmail labels, Google Sheets, Google Calendar, Outlook rules). Keep each step to one line.',
					),
					placeholder(
						'PROOF',
						'One relevant sample: a link to a view-only file or a portfolio item. If it is a practice sample you made yourself, say so ("a practice sample I built with invented data").',
					),
					placeholder(
						'ANSWERS',
						'Answer every screening question and every question in the post, in the order the client asked them.',
					),
					placeholder(
						'AVAILABILITY',
						"The hours you can work, written in the CLIENT's time zone, plus your own in brackets. Example: 9am-1pm UK time (3pm-7pm in Dhaka while the UK is on winter time). Clocks change in many countries, so check.",
					),
					placeholder(
						'PRICE (only if asked or if the job is fixed-price)',
						'One clear number and what it includes, e.g. "$60 fixed for 150 rows, delivered in 4 days, including one round of corrections."',
					),
					placeholder(
						'ONE QUESTION',
						'A useful question that moves the work forward, e.g. "Do you already have saved reply templates, or should I draft the first five?"',
					),
					placeholder(
						'SIGN-OFF',
						'Thank them and write your real first name. No "Dear Sir/Madam", no long signature.',
					),

					heading('Part 2. An example for a different job'),
					p(
						'The invented job: a yoga teacher in Toronto wants someone to manage class bookings in Google Calendar and answer booking emails. Her post says: "Tell me your favourite calendar feature in your first line."',
						{ italics: true },
					),
					p(
						'My favourite calendar feature is appointment schedules in Google Calendar, because students can book a free slot without emailing back and forth.',
					),
					p(
						'You need class bookings handled so you can teach without checking your inbox between sessions. Here is how I would do it:',
					),
					bullet('Set up one booking page per class type and connect it to your calendar.'),
					bullet(
						'Answer booking emails within 2 hours during your day, using replies you approve first.',
					),
					bullet(
						"Send you a short list every evening: tomorrow's classes and how many are booked.",
					),
					p(
						'Sample: a practice booking calendar and three reply templates I built for an invented studio (view-only link). I am new on this platform, so this is practice work, not a past client.',
					),
					p(
						'I can work 8am to 12 noon Toronto time (6:30pm to 10:30pm in Kolkata in winter, an hour earlier in summer), Monday to Friday.',
					),
					p('One question: do students pay when they book, or at the studio?'),
					p('Thank you, Priya'),

					heading('Part 3. Before you send'),
					p('Tick each line. If any answer is "no", fix the proposal first.'),
					new Table({
						width: { size: 100, type: WidthType.PERCENTAGE },
						borders: {
							top: { style: BorderStyle.SINGLE, size: 4, color: '999999' },
							bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999' },
							left: { style: BorderStyle.SINGLE, size: 4, color: '999999' },
							right: { style: BorderStyle.SINGLE, size: 4, color: '999999' },
							insideHorizontal: { style: BorderStyle.SINGLE, size: 4, color: '999999' },
							insideVertical: { style: BorderStyle.SINGLE, size: 4, color: '999999' },
						},
						rows: [
							new TableRow({
								tableHeader: true,
								children: [cell('Check', true), cell('Yes / No', true)],
							}),
							...checkRows.map(([a, b]) => new TableRow({ children: [cell(a), cell(b)] })),
						],
					}),

					heading('Phrases to avoid'),
					bullet('"Dear Sir/Madam" - use the name in the post, or just "Hi".'),
					bullet('"I am the best VA" or "100% guaranteed results" - show a sample instead.'),
					bullet('"Kindly check my profile" - put the one thing that matters in the proposal.'),
					bullet(
						'"Let\'s continue on WhatsApp" - before a contract, keep talking on the platform.',
					),
				],
			},
		],
	});
}

// ---------------------------------------------------------------- services list and rate card (.xlsx)

/** The learner's first, messy attempt at a services list: duplicates, typos, stray spaces, mixed formats. */
const draftServices: (string | number)[][] = [
	['  email management', 'Email', 'Gmail, outlook', 'yes', '$5/hr', 'hourly', '12/03/2026', ''],
	[
		'Calender scheduling',
		'admin',
		'Google calendar',
		'Y',
		'5 usd',
		'Hourly',
		'2026-03-14',
		'did for my uncle shop - ask permission before showing',
	],
	['Data Entery', 'Data', 'excel , google sheets', 'YES ', 'USD 6.00', 'hour', '14 Mar 26', ''],
	[
		'SOCIAL MEDIA POSTING',
		'social media',
		'Meta Business Suite',
		'not yet',
		'$4 per post',
		'per item',
		'March 2026',
		'need a sample first',
	],
	['Email Management ', 'email', 'Gmail', 'Yes', '$5/hr', 'hourly', '12/03/2026', 'same as row 2?'],
	['web research', 'Research', 'Google, Google Sheets', 'no', 'five dollars', '', '03/15/2026', ''],
	[
		'Customer service replies (email + chat)',
		'customer service',
		'Gmail, WhatsApp Business',
		'Y',
		'$6',
		'Hourly ',
		'2026/03/10',
		'',
	],
	[
		'backup important files',
		'Admin',
		'google drive, OneDrive',
		'N',
		'',
		'fixed',
		'',
		'how to price this?',
	],
	[
		'Basic image editing (resize, crop)',
		'Images',
		'Canva',
		'yes',
		'$2 per image',
		'Per Item',
		'9-3-2026',
		'',
	],
	[
		'copywriting - product descriptions',
		'Writing',
		'Google Docs',
		'no',
		'$10 for 5',
		'fixed ',
		'',
		'only short ones',
	],
	['Data entry', 'data', 'Excel', 'Yes', '6$', 'Hourly', '2026-03-14', 'duplicate?'],
	[
		'Travel arrangements research',
		'admin ',
		'Google Flights, Google Sheets',
		'no',
		'$5/hr',
		'hourly',
		'',
		'',
	],
	['Blog management (WordPress posts)', 'Blog', 'WordPress', 'Not yet', '??', '', '', 'learning'],
	[
		'Customer service phone calls',
		'Customer Service',
		"Client's calling app (Zoom Phone, Aircall)",
		'no',
		'$7/hour',
		'hourly',
		'1 Apr 2026',
		'check I have a quiet room',
	],
	[
		'e-book promotion + guest blogging outreach',
		'Marketing',
		'Gmail, Google Sheets',
		'no',
		'',
		'',
		'',
		'',
	],
	[
		'  Social media posting',
		'Social Media',
		'Meta business suite, Canva',
		'no',
		'$4/post',
		'per post',
		'2026-03-20',
		'',
	],
];

const headerFill: ExcelJS.Fill = {
	type: 'pattern',
	pattern: 'solid',
	fgColor: { argb: 'FFDDEBF7' },
};

function styleHeader(row: ExcelJS.Row) {
	row.font = { bold: true };
	row.eachCell((c) => {
		c.fill = headerFill;
		c.alignment = { vertical: 'middle', wrapText: true };
	});
}

async function rateCard() {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Dakshata';
	wb.created = FIXED;
	wb.modified = FIXED;

	// Read me
	const readMe = wb.addWorksheet('Read me');
	readMe.getColumn(1).width = 100;
	writeReadMeLines(readMe, [
		'Services list and rate card - Dakshata practice file',
		'',
		'Sheet "My services (draft)" is a first attempt by a new VA. It has the problems real lists have:',
		'duplicates, typos, stray spaces, mixed capitals, prices written five different ways and mixed date formats.',
		'',
		'Your tasks:',
		'1. Clean the draft into the sheet "Services list (clean)": one row per service, no duplicates,',
		'   consistent capitals, one price format (a number in column E, the type in column F).',
		'2. Be honest in column D: a service only gets "Yes" if you have a sample you are allowed to show.',
		'3. Add at least two services of your own and remove any you cannot really do yet.',
		'4. Use the sheet "Rate calculator" to see what a client pays and what reaches you after a platform fee.',
		'',
		'The prices in this file are examples for practice only. They are not advice on what to charge and not',
		'a promise of what anyone will earn. Check the current fee on your own platform before you use the calculator.',
	]);

	// Messy draft
	const draft = wb.addWorksheet('My services (draft)');
	draft.columns = [
		{ header: 'Service', width: 38 },
		{ header: 'category', width: 16 },
		{ header: 'Tools i use', width: 28 },
		{ header: 'Sample ready?', width: 14 },
		{ header: 'Price', width: 14 },
		{ header: 'price type', width: 12 },
		{ header: 'Last practised', width: 14 },
		{ header: 'Notes', width: 44 },
	];
	styleHeader(draft.getRow(1));
	draftServices.forEach((r) => draft.addRow(r));
	draft.views = [{ state: 'frozen', ySplit: 1 }];

	// Clean list to fill in
	const clean = wb.addWorksheet('Services list (clean)');
	clean.columns = [
		{ header: 'Service', width: 38 },
		{ header: 'Category', width: 18 },
		{ header: 'Tools', width: 30 },
		{ header: 'Sample ready?', width: 14 },
		{ header: 'Price (USD)', width: 12 },
		{ header: 'Price type', width: 12 },
		{ header: 'What the price includes', width: 44 },
	];
	styleHeader(clean.getRow(1));
	clean.addRow([
		'Email management',
		'Email',
		'Gmail, Outlook',
		'Yes',
		5,
		'Hourly',
		'Inbox checked twice a day, labels, replies from approved templates',
	]);
	clean.getRow(2).font = { italic: true, color: { argb: 'FF666666' } };
	clean.getCell('H2').value = '<- example row: replace or delete it';
	for (let r = 2; r <= 40; r++) {
		clean.getCell(`D${r}`).dataValidation = {
			type: 'list',
			allowBlank: true,
			formulae: ['"Yes,No"'],
			showErrorMessage: true,
			errorTitle: 'Yes or No',
			error: 'Type Yes or No. Only say Yes if you have a sample you may show.',
		};
		clean.getCell(`F${r}`).dataValidation = {
			type: 'list',
			allowBlank: true,
			formulae: ['"Hourly,Fixed,Per item"'],
			showErrorMessage: true,
			errorTitle: 'Price type',
			error: 'Choose Hourly, Fixed or Per item.',
		};
		clean.getCell(`E${r}`).numFmt = '0.00';
	}
	clean.views = [{ state: 'frozen', ySplit: 1 }];

	// Rate calculator
	const calc = wb.addWorksheet('Rate calculator');
	calc.columns = [
		{ header: 'Task (example)', width: 34 },
		{ header: 'Minutes per task', width: 12 },
		{ header: 'Tasks per week', width: 12 },
		{ header: 'Hours per week', width: 12 },
		{ header: 'Hourly rate (USD)', width: 12 },
		{ header: 'Platform fee %', width: 12 },
		{ header: 'Client pays per week (USD)', width: 16 },
		{ header: 'Fee (USD)', width: 12 },
		{ header: 'Reaches you before withdrawal costs (USD)', width: 22 },
	];
	styleHeader(calc.getRow(1));
	const tasks: [string, number, number, number, number][] = [
		['Check inbox and label orders', 20, 10, 5, 0.1],
		['Reply to customer messages', 5, 40, 5, 0.1],
		['Update the order sheet', 15, 5, 5, 0.1],
		['Evening status note', 10, 5, 5, 0.1],
	];
	tasks.forEach(([task, minutes, perWeek, rate, fee], i) => {
		const r = i + 2;
		const hours = (minutes * perWeek) / 60;
		const pays = hours * rate;
		calc.addRow([
			task,
			minutes,
			perWeek,
			{ formula: `B${r}*C${r}/60`, result: Math.round(hours * 100) / 100 },
			rate,
			fee,
			{ formula: `D${r}*E${r}`, result: Math.round(pays * 100) / 100 },
			{ formula: `G${r}*F${r}`, result: Math.round(pays * fee * 100) / 100 },
			{ formula: `G${r}-H${r}`, result: Math.round(pays * (1 - fee) * 100) / 100 },
		]);
	});
	const last = tasks.length + 1;
	const total = (col: string) =>
		tasks.reduce((sum, [, m, w, rate, fee]) => {
			const pays = ((m * w) / 60) * rate;
			return (
				sum +
				(col === 'D'
					? (m * w) / 60
					: col === 'G'
						? pays
						: col === 'H'
							? pays * fee
							: pays * (1 - fee))
			);
		}, 0);
	const totalRow = calc.addRow([
		'Total per week',
		null,
		null,
		{ formula: `SUM(D2:D${last})`, result: Math.round(total('D') * 100) / 100 },
		null,
		null,
		{ formula: `SUM(G2:G${last})`, result: Math.round(total('G') * 100) / 100 },
		{ formula: `SUM(H2:H${last})`, result: Math.round(total('H') * 100) / 100 },
		{ formula: `SUM(I2:I${last})`, result: Math.round(total('I') * 100) / 100 },
	]);
	totalRow.font = { bold: true };
	for (let r = 2; r <= last + 1; r++) {
		calc.getCell(`D${r}`).numFmt = '0.00';
		calc.getCell(`F${r}`).numFmt = '0%';
		for (const c of ['E', 'G', 'H', 'I']) calc.getCell(`${c}${r}`).numFmt = '0.00';
	}
	calc.getCell(`A${last + 3}`).value =
		'Change the inputs in columns B, C, E and F (minutes, tasks per week, rate, fee %) to your own. The fee % here is only an example: check the fee your platform shows you today.';
	calc.getCell(`A${last + 4}`).value =
		'Fixed-price check: type a fixed price in B' +
		(last + 6) +
		' and your honest estimate of hours in B' +
		(last + 7) +
		'.';
	calc.getCell(`A${last + 6}`).value = 'Fixed price offered (USD)';
	calc.getCell(`B${last + 6}`).value = 40;
	calc.getCell(`A${last + 7}`).value = 'Hours it will really take';
	calc.getCell(`B${last + 7}`).value = 8;
	calc.getCell(`A${last + 8}`).value = 'Works out per hour (USD)';
	calc.getCell(`B${last + 8}`).value = { formula: `B${last + 6}/B${last + 7}`, result: 5 };
	calc.getCell(`B${last + 8}`).numFmt = '0.00';
	calc.getCell(`A${last + 8}`).font = { bold: true };
	calc.views = [{ state: 'frozen', ySplit: 1 }];

	return withFixedDate(FIXED, async () => Buffer.from(await wb.xlsx.writeBuffer()));
}

export const files: PracticeFile[] = [
	{ name: 'job-post-1-bakery.txt', build: () => jobPost1 },
	{ name: 'job-post-2-property-crm.txt', build: () => jobPost2 },
	{ name: 'job-post-3-clinic-research.txt', build: () => jobPost3 },
	{ name: 'job-post-4-red-flags.txt', build: () => jobPost4 },
	{ name: 'proposal-template.docx', build: proposalTemplate },
	{ name: 'services-rate-card.xlsx', build: rateCard },
];
