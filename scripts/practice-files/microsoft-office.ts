/**
 * Practice files for the "Microsoft Office for virtual assistants" course (`courses/microsoft-office`).
 *
 * - nakshi-ghor-buyer-guide-draft.docx: a client's draft with every classic formatting sin (fake
 *   headings, typed numbering, four fonts, spaces for indents, a "table" made of tabs, empty lines
 *   used as page breaks). Used in unit 1 (styles, templates, tables) and unit 2 (PDF export).
 * - clinic-leaflet-with-edits.docx: a leaflet the client has edited with Track Changes on, with
 *   comments and a reply thread. Used in unit 2 (track changes and comments).
 * - nakshi-ghor-buyers-list.xlsx: a messy mail-merge recipient list. Used in unit 2 (mail merge).
 * - annapurna-tiffins-brief.txt: a client's brief for a short slide deck. Used in unit 3.
 * - messy-file-names.txt: file names to rename to a convention. Used in unit 3.
 *
 * Everything is fixed: dates are constants and nothing is random, and the zip containers are
 * rewritten with a fixed timestamp so a rebuild gives the same bytes.
 */
import {
	AlignmentType,
	CommentRangeEnd,
	CommentRangeStart,
	CommentReference,
	DeletedTextRun,
	Document,
	InsertedTextRun,
	Packer,
	Paragraph,
	Tab,
	TextRun,
} from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { PracticeFile, SolutionFile } from './types.ts';

/** The moment every generated file claims to have been written. */
const FIXED_ISO = '2026-03-02T09:00:00Z';
const FIXED_DATE = new Date(FIXED_ISO);

/** Rewrites a zip-based Office file with fixed entry dates and fixed document-property dates. */
async function normaliseZip(input: Buffer | Uint8Array | ArrayBuffer): Promise<Buffer> {
	const zip = await JSZip.loadAsync(input);
	const out = new JSZip();
	const names = Object.keys(zip.files).sort((a, b) => {
		// [Content_Types].xml must stay first for some readers; keep the rest in a stable order.
		if (a === '[Content_Types].xml') return -1;
		if (b === '[Content_Types].xml') return 1;
		return a < b ? -1 : a > b ? 1 : 0;
	});
	for (const name of names) {
		const entry = zip.files[name];
		if (!entry || entry.dir) continue;
		if (name === 'docProps/core.xml') {
			let xml = await entry.async('string');
			xml = xml
				.replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${FIXED_ISO}$2`)
				.replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${FIXED_ISO}$2`);
			out.file(name, xml, { date: FIXED_DATE, createFolders: false });
		} else {
			out.file(name, await entry.async('uint8array'), { date: FIXED_DATE, createFolders: false });
		}
	}
	return out.generateAsync({
		type: 'nodebuffer',
		compression: 'DEFLATE',
		compressionOptions: { level: 9 },
		platform: 'DOS',
	});
}

// ------------------------------------------------------------------ messy buyer guide (.docx)

interface RunSpec {
	text: string;
	font?: string;
	/** Size in points. */
	size?: number;
	bold?: boolean;
	italics?: boolean;
	underline?: boolean;
	color?: string;
	highlight?: 'yellow';
	allCaps?: boolean;
}

/** A run; `\t` in the text becomes a real tab character. */
function run(spec: RunSpec): TextRun {
	const parts = spec.text.split('\t');
	const children: (string | Tab)[] = [];
	parts.forEach((part, i) => {
		if (i > 0) children.push(new Tab());
		if (part) children.push(part);
	});
	return new TextRun({
		children,
		font: spec.font,
		size: spec.size ? Math.round(spec.size * 2) : undefined,
		bold: spec.bold,
		italics: spec.italics,
		underline: spec.underline ? {} : undefined,
		color: spec.color,
		highlight: spec.highlight,
		allCaps: spec.allCaps,
	});
}

function para(runs: RunSpec | RunSpec[], align?: 'center'): Paragraph {
	const list = Array.isArray(runs) ? runs : [runs];
	return new Paragraph({
		children: list.map(run),
		alignment: align === 'center' ? AlignmentType.CENTER : undefined,
	});
}

const empty = (): Paragraph => new Paragraph({ children: [] });

const cal = (text: string, extra: Partial<RunSpec> = {}): RunSpec => ({
	text,
	font: 'Calibri',
	size: 11,
	...extra,
});
const tnr = (text: string, extra: Partial<RunSpec> = {}): RunSpec => ({
	text,
	font: 'Times New Roman',
	size: 12,
	...extra,
});
const arial = (text: string, extra: Partial<RunSpec> = {}): RunSpec => ({
	text,
	font: 'Arial',
	size: 10.5,
	...extra,
});

async function buyerGuideDraft(): Promise<Buffer> {
	const body: Paragraph[] = [
		empty(),
		empty(),
		// A "title" centred with spaces as well as the centre button.
		para(tnr('          WHOLESALE BUYER GUIDE 2026', { size: 20, bold: true }), 'center'),
		para(
			cal('Nakshi Ghor  -  handmade kantha and home textiles', { italics: true, size: 12 }),
			'center',
		),
		empty(),
		empty(),
		empty(),
		// Fake heading 1: bold Arial 14.
		para(arial('About Nakshi Ghor', { size: 14, bold: true })),
		para(
			cal(
				'Nakshi Ghor started in 2017 as a small group of women embroiderers in Jashore.  Today we work with more than 60 artisans who stitch every piece by hand.  We sell to boutiques, gift shops and hotels in Bangladesh and India.',
			),
		),
		para(
			tnr(
				'All our fabric is cotton or cotton-silk, and we use colour-fast threads.  Each piece is checked twice before it is packed.',
			),
		),
		empty(),
		// Fake heading 2: bold underlined Calibri 13.
		para(cal('Our product range', { size: 13, bold: true, underline: true })),
		para(arial('We make the following products for wholesale buyers:')),
		// Typed bullets with three different characters and space indents.
		para(cal('    - Nakshi kantha bedspreads (single and double)')),
		para(cal('    * Cushion covers, 16 x 16 inch')),
		para(tnr('    • Table runners and placemats')),
		para(cal('    - Wall hangings, made to order')),
		para(cal('    -Baby quilts (new for 2026)')),
		empty(),
		// A "table" made with tabs and spaces.
		para(arial('Wholesale prices 2026', { size: 14, bold: true })),
		para(cal('Prices are per piece, in Bangladeshi Taka, for orders placed before 30 June 2026.')),
		para(cal('Product\t\tSize\t\tPrice (BDT)\tMinimum order', { bold: true })),
		para(cal('Bedspread, single\t150 x 220 cm\t4,800\t\t5 pieces')),
		para(cal('Bedspread, double\t\t220 x 250 cm\t6,500\t\t5 pieces')),
		para(cal('Cushion cover\t\t16 x 16 inch\t650\t\t20 pieces')),
		para(cal('Table runner   \t\t35 x 180 cm\t1,200\t\t10 pieces')),
		para(cal('Placemat (set of 6)\t30 x 45 cm\t1,500\t\t10 sets')),
		para(cal('Baby quilt\t\t90 x 120 cm\t2,200\t\t10 pieces')),
		empty(),
		empty(),
		empty(),
		empty(),
		empty(),
		empty(),
		empty(),
		empty(),
		// Fake heading in a third style: all caps Comic Sans.
		para({ text: 'HOW TO PLACE AN ORDER', font: 'Comic Sans MS', size: 12, bold: true }),
		// Typed numbering with mixed formats and a missing number.
		para(
			cal(
				'1. Email your order list to orders@nakshighor.example with product, size, colour and quantity.',
			),
		),
		para(cal('2) We reply within two working days to confirm stock and the delivery date.')),
		para(tnr('3 - You pay 50% of the order value in advance by bank transfer or bKash Merchant.')),
		para(cal('5. Our artisans start stitching. Large orders take 3 to 5 weeks.')),
		para(
			cal('6.We send photos of the finished pieces. You pay the remaining 50% before dispatch.'),
		),
		empty(),
		para(arial('Shiping and payment', { size: 14, bold: true })),
		para({
			text: 'Inside Bangladesh we send orders by courier; the buyer pays the courier charge. For India we ship by air cargo from Dhaka and share the tracking number the same day.',
			font: 'Cambria',
			size: 11,
			color: '1F4E9E',
			highlight: 'yellow',
		}),
		para(
			cal(
				'We accept bank transfer (BDT or USD), bKash Merchant and Nagad.   We do not accept cash on delivery for wholesale orders.',
			),
		),
		empty(),
		para(arial('Quality and returns', { size: 14, bold: true })),
		para(
			tnr(
				'Hand embroidery is never perfectly identical, small differences in stitch and colour are part of the craft and are not defects.  If a piece arrives damaged, send us a photo within 7 days of delivery and we will replace it or refund it.',
			),
		),
		empty(),
		para(cal('Contact us', { size: 16, bold: true, color: 'C00000' })),
		para(cal('Nusrat Jahan, Founder')),
		para(cal('Email:orders@nakshighor.example')),
		para(cal('WhatsApp:  +880 17XX-XXXXXX (ask Nusrat for the number before sending)')),
		para(arial('Office: House 12, Road 4, Dhanmondi, Dhaka (by appointment only)')),
	];

	const doc = new Document({
		creator: 'Nusrat Jahan',
		lastModifiedBy: 'Nusrat Jahan',
		title: 'Buyer guide draft',
		sections: [{ children: body }],
	});
	return normaliseZip(await Packer.toBuffer(doc));
}

// ------------------------------------------------------------------ leaflet with tracked changes

const MEERA = 'Dr. Meera Iyer';
const RAVI = 'Ravi Kumar (front desk)';
const EDIT_DATE = '2026-03-02T08:15:00Z';

function ins(id: number, text: string, author = MEERA): InsertedTextRun {
	return new InsertedTextRun({ id, author, date: EDIT_DATE, text, font: 'Calibri', size: 22 });
}

function del(id: number, text: string, author = MEERA): DeletedTextRun {
	return new DeletedTextRun({ id, author, date: EDIT_DATE, text, font: 'Calibri', size: 22 });
}

function t(text: string, extra: { bold?: boolean; size?: number } = {}): TextRun {
	return new TextRun({ text, font: 'Calibri', size: extra.size ?? 22, bold: extra.bold });
}

function commentText(text: string): Paragraph[] {
	return [new Paragraph({ children: [new TextRun(text)] })];
}

async function clinicLeaflet(): Promise<Buffer> {
	const commentDate = new Date('2026-03-02T08:30:00Z');
	const replyDate = new Date('2026-03-02T10:05:00Z');
	const comments = [
		{
			id: 0,
			author: MEERA,
			initials: 'MI',
			date: commentDate,
			children: commentText(
				'Is this too formal? Most first-time patients are nervous. Can you make this opening warmer?',
			),
		},
		{
			id: 1,
			author: MEERA,
			initials: 'MI',
			date: commentDate,
			children: commentText(
				'Please check the new fee with Ravi before this goes out. I am not sure if it is 900 or 950.',
			),
		},
		{
			id: 2,
			author: RAVI,
			initials: 'RK',
			date: replyDate,
			children: commentText('We open at 8:30 on Saturdays, not 8:00. Weekdays are 8:00.'),
		},
		{
			id: 3,
			author: MEERA,
			initials: 'MI',
			date: commentDate,
			children: commentText(
				'I removed the cancellation line. Ravi, do we still charge for missed appointments?',
			),
		},
		{
			id: 4,
			author: RAVI,
			initials: 'RK',
			date: replyDate,
			parentId: 3,
			children: commentText('Yes, we still charge. Please keep the line, patients ask about it.'),
		},
	];

	const children: Paragraph[] = [
		new Paragraph({
			alignment: AlignmentType.CENTER,
			children: [
				t('Spine & Joint Physio Clinic, Indiranagar, Bengaluru', { bold: true, size: 28 }),
			],
		}),
		new Paragraph({
			alignment: AlignmentType.CENTER,
			children: [t('Your first visit: what to expect', { bold: true, size: 24 })],
		}),
		new Paragraph({ children: [] }),
		new Paragraph({
			children: [
				new CommentRangeStart(0),
				t(
					'This leaflet informs patients of the procedures applicable to an initial consultation at the clinic.',
				),
				new CommentRangeEnd(0),
				new TextRun({ children: [new CommentReference(0)] }),
				t(' Please read it before you come'),
				ins(101, ' and keep it for later'),
				t('.'),
			],
		}),
		new Paragraph({ children: [t('Before you come', { bold: true })] }),
		new Paragraph({
			children: [
				t('Bring any X-rays, MRI reports or prescriptions you have'),
				ins(102, ', on paper or on your phone'),
				t('. Wear loose clothes so that we can check how you move. Please arrive '),
				del(103, '5'),
				ins(104, '10'),
				t(' minutes early to fill in a short form.'),
			],
		}),
		new Paragraph({ children: [t('Your first session', { bold: true })] }),
		new Paragraph({
			children: [
				t('The first session takes about '),
				del(105, '30'),
				ins(106, '45'),
				t(
					' minutes. The physiotherapist asks about your pain, checks your movement and explains a treatment plan. Most patients also get their first exercises the same day.',
				),
			],
		}),
		new Paragraph({
			children: [
				new CommentRangeStart(1),
				t('The consultation fee is Rs. '),
				del(107, '800'),
				ins(108, '950'),
				t('. Later sessions are charged separately.'),
				new CommentRangeEnd(1),
				new TextRun({ children: [new CommentReference(1)] }),
			],
		}),
		new Paragraph({ children: [t('Opening hours', { bold: true })] }),
		new Paragraph({
			children: [
				new CommentRangeStart(2),
				t('Monday to Saturday, '),
				del(109, '9:00'),
				ins(110, '8:00'),
				t(' am to 7:00 pm. Closed on Sundays and public holidays.'),
				new CommentRangeEnd(2),
				new TextRun({ children: [new CommentReference(2)] }),
			],
		}),
		new Paragraph({ children: [t('Changing or cancelling', { bold: true })] }),
		new Paragraph({
			children: [
				t('To change your appointment, call or WhatsApp the front desk at least 24 hours before. '),
				new CommentRangeStart(3),
				new CommentRangeStart(4),
				del(111, 'Missed appointments without notice are charged at the full session fee.'),
				new CommentRangeEnd(3),
				new CommentRangeEnd(4),
				new TextRun({ children: [new CommentReference(3)] }),
				new TextRun({ children: [new CommentReference(4)] }),
			],
		}),
		new Paragraph({
			children: [
				t('We look forward to meeting you'),
				del(112, ' and helping you on your journey to recovery'),
				t('.'),
			],
		}),
	];

	const doc = new Document({
		creator: MEERA,
		lastModifiedBy: MEERA,
		title: 'First visit leaflet',
		features: { trackRevisions: true },
		comments: { children: comments },
		sections: [{ children }],
	});
	return normaliseZip(await Packer.toBuffer(doc));
}

// ------------------------------------------------------------------ messy mail-merge list (.xlsx)

/**
 * One row of the buyers list as the client typed it. Cleaning it should leave 17 buyers to email:
 * 22 data rows, minus 2 duplicates, 1 "do not email", 1 closed shop and 1 with no email. Two
 * addresses have obvious typos (gmail,example and yahoo.exmaple) to fix and report to the client.
 * Every address ends in .example, a name reserved for examples, so a test send reaches no one.
 */
const buyers: (string | Date | null)[][] = [
	[
		'farzana',
		'AKTER',
		'Rangdhonu Boutique',
		'Dhaka',
		'farzana.rangdhonu@gmail.example',
		'2025-11-03',
		'',
	],
	[
		'MD. RAFIQUL',
		'islam',
		'Rafiq Gift Corner',
		'Chattogram',
		' rafiqgift.ctg@gmail.example',
		'03/12/2025',
		'prefers WhatsApp but email ok',
	],
	[' Sumaiya ', 'Rahman', 'Sutoli Home', 'Sylhet', 'sumaiya@sutolihome.example', 'Jan 2026', ''],
	[
		'Priya',
		'Sen',
		'Kantha Kolkata',
		'Kolkata',
		'PRIYA.SEN@KANTHAKOLKATA.EXAMPLE',
		'2025-12-18',
		'pays in USD',
	],
	['Karim', 'Uddin', 'Karim Traders', 'Khulna', 'Karim.Traders@Gmail.example ', '12.01.26', ''],
	[
		'Nadia  Chowdhury',
		'',
		'The Loom Room',
		'Dhaka',
		'nadia@theloomroom.example',
		'2026-01-20',
		'full name typed in one cell',
	],
	['Rina', 'Das', 'Rina Boutique', 'Rajshahi', 'rina.boutique@gmail,example', '2025-10-07', ''],
	[
		'Hasan',
		'Mahmud',
		'Hotel Sea Pearl Gifts',
		"Cox's Bazar",
		'hasan.gifts@yahoo.exmaple',
		'2025-09-15',
		'',
	],
	[
		'Ananya',
		'Ghosh',
		'Ghosh Handicrafts',
		'Kolkata',
		'ananya@ghoshhandicrafts.example',
		'2026-02-02',
		'',
	],
	[
		'tanvir',
		'ahmed',
		'Shilpo Bazar',
		'Dhaka',
		'tanvir.shilpobazar@gmail.example',
		'2025/11/28',
		'',
	],
	[
		'Farzana',
		'Akter',
		'Rangdhonu boutique',
		'Dhaka',
		'farzana.rangdhonu@gmail.example',
		'2025-11-03',
		'',
	],
	[
		'Shirin',
		'Sultana',
		'Shirin Crafts',
		'Mymensingh',
		'',
		'2025-08-30',
		'email not known, call her',
	],
	[
		'Joydeep',
		'Banerjee',
		'Bengal Weaves',
		'Kolkata',
		'joydeep@bengalweaves.example',
		'5 Feb 2026',
		'DO NOT EMAIL - asked us to stop',
	],
	[
		'Mousumi',
		'Haque',
		'Nakshi Corner',
		'Bogura',
		'mousumi.nakshicorner@gmail.example',
		'2025-12-01',
		'',
	],
	[
		'ABDUL',
		'KARIM',
		'Sonargaon Gift Shop',
		'Narayanganj',
		'sonargaongifts@gmail.example',
		'2025-07-19',
		'shop closed in Dec 2025',
	],
	[
		'Lipika',
		'Roy',
		'Lipika Home Decor',
		'Siliguri',
		'lipika.homedecor@gmail.example',
		'2026-01-11',
		'',
	],
	[
		'Imran',
		'Hossain',
		'Grand Palace Hotel (gift shop)',
		'Sylhet',
		'purchase@grandpalacesylhet.example',
		'2025-10-25',
		'contact is the purchase manager',
	],
	[
		'sabrina',
		'Islam',
		'Rupkotha Corner',
		'Cumilla',
		'sabrina.corner@gmail.example',
		'20/01/2026',
		'',
	],
	[
		'Priya',
		'Sen',
		'Kantha Kolkata',
		'Kolkata',
		'priya.sen@kanthakolkata.example',
		'2025-12-18',
		'',
	],
	[
		'Moumita',
		'Paul',
		'Paul Textiles',
		'Agartala',
		'moumita.paultextiles@gmail.example',
		'2025-11-14',
		'',
	],
	['Rezaul', 'Karim', 'Deshi Dokan', 'Barishal', 'rezaul.deshidokan@gmail.example', 'Dec-2025', ''],
	[
		'Tahmina',
		'Begum',
		'Tahmina Fashion House',
		'Rangpur',
		'tahmina.fashion@gmail.example ',
		'2026-02-14',
		'',
	],
];

async function buyersList(): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Nusrat Jahan';
	wb.lastModifiedBy = 'Nusrat Jahan';
	wb.created = FIXED_DATE;
	wb.modified = FIXED_DATE;

	const ws = wb.addWorksheet('Buyers 2026');
	// A title row above the headers: mail merge expects the headers in row 1.
	ws.mergeCells('A1:G1');
	ws.getCell('A1').value = 'Wholesale buyers - updated by Nusrat (March 2026)';
	ws.getCell('A1').font = { bold: true, size: 14 };
	ws.addRow(['First name', 'Last name', 'Shop', 'City', 'E-mail ', 'Last order', 'Notes']);
	ws.getRow(2).font = { bold: true };
	buyers.forEach((row, i) => {
		ws.addRow(row.map((v) => (v === '' ? null : v)));
		// A blank row in the middle of the data, as often happens.
		if (i === 9) ws.addRow([]);
	});
	ws.columns = [
		{ width: 14 },
		{ width: 12 },
		{ width: 30 },
		{ width: 13 },
		{ width: 38 },
		{ width: 13 },
		{ width: 36 },
	];

	// An old sheet that must not be used for the merge.
	const old = wb.addWorksheet('Old list 2024');
	old.addRow(['Name', 'Shop', 'Email']);
	old.addRow(['Farzana Akter', 'Rangdhonu Boutique', 'farzana.boutique@yahoo.example']);
	old.addRow(['Abdul Karim', 'Sonargaon Gift Shop', 'sonargaongifts@gmail.example']);
	old.addRow(['Priya Sen', 'Kantha Kolkata', 'priya.kantha@gmail.example']);
	old.addRow(['Joydeep Banerjee', 'Bengal Weaves', 'joydeep@bengalweaves.example']);
	old.columns = [{ width: 20 }, { width: 24 }, { width: 32 }];

	const buf = await wb.xlsx.writeBuffer();
	return normaliseZip(Buffer.from(buf as ArrayBuffer));
}

// ------------------------------------------------------------------ slide-deck brief (.txt)

const tiffinBrief = `From: Sunita Deshpande <sunita@annapurnatiffins.example>
To: (you)
Date: Monday, 2 March 2026, 10:42 AM IST
Subject: Slides for the Hinjewadi office meeting - need by Thursday

Hi,

As discussed on the call, I need a short PowerPoint for my meeting next Friday with the admin
and HR managers of two IT companies in Hinjewadi (Pune). I will have about 10 minutes, then
questions. I want them to sign up for our office lunch plan for their staff.

Please keep it to 8-10 slides. I will present from my laptop, and afterwards I want to email
them a PDF of the slides, so it should make sense without me talking.

ABOUT US (use what you need)
- Annapurna Tiffins, started in 2019 from our home kitchen in Kothrud, now a small central
  kitchen in Baner.
- 14 people in the team: cooks, packers and delivery riders.
- Home-style vegetarian food: Maharashtrian and North Indian. Jain meals on request.
- Menu changes every day, 4-week rotation, so people don't get bored.
- We are FSSAI registered (I will send the licence copy separately, don't put the number on
  the slides).
- We deliver in steel containers and collect them the next day. No plastic boxes.

THE OFFICE LUNCH PLAN
- Minimum 20 meals per day per office.
- Delivery between 12:00 and 12:30, to the office reception.
- Three thalis:
    Basic thali (2 sabzi, dal, rice, 4 chapati, salad) - Rs 110
    Standard thali (Basic + sweet + buttermilk) - Rs 140
    Diet thali (less oil, millet roti, no rice) - Rs 150
- Monthly billing, invoice on the 1st, payment within 15 days.
- Free trial: one week at half price for the first 20 meals per day.

WHAT CUSTOMERS SAY (these two only, both agreed to be quoted with first name)
- "Tastes like my mother's cooking, and it's never late." - Amol, software engineer
- "We switched our whole team of 35 to Annapurna last year. Fewer complaints than any canteen
  we tried." - Farah, office manager

LOOK AND FEEL
- Our colours: saffron #E8871E, dark green #2E5E4E, cream #FFF8EC.
- Our menu card uses the font Poppins. If you don't have it, use something clean and simple.
- Logo attached (annapurna-logo.png). Put it on the first and last slide, small on others.
- Please NO clip art and no cartoon food. Real photos only if you have them - I will send
  8 photos of our thalis and kitchen tomorrow.

PLEASE ALSO
- Last slide: how to start (call or WhatsApp me, email above, website annapurnatiffins.example).
- Don't say we are the cheapest or the best in Pune. Just the facts.
- One of the managers is from Chennai and doesn't read Marathi, so English only.
- The Standard thali is Rs 145 from April, I think. I'll confirm.

Send me a draft by Thursday 6 pm so I can check it on Friday morning.

Thanks!
Sunita
Annapurna Tiffins, Baner, Pune
`;

// ------------------------------------------------------------------ messy file names (.txt)

const fileNames = `Files in Kabir & Associates' shared folder "STUFF", March 2026
(one file per line, exactly as they appear)

final report.docx
final report FINAL.docx
final report FINAL (2).docx
Copy of final report FINAL.docx
invoice march.pdf
Invoice-Mar-26.pdf
INV 12.pdf
scan0001.pdf
scan0002.pdf
WhatsApp Image 2026-02-27 at 16.04.11.jpeg
tax docs rahman sir.zip
Rahman & Sons - VAT return (Feb).xlsx
rahman vat feb NEW.xlsx
meeting notes.docx
Meeting Notes 3-3.docx
notes from call with Mr. Chowdhury!!.docx
client list.xlsx
client list - DO NOT DELETE.xlsx
presentation v1.pptx
presentation v2 kabir edits.pptx
presentation v2 kabir edits (1).pptx
logo.png
logo new.png
`;

export const files: PracticeFile[] = [
	{ name: 'nakshi-ghor-buyer-guide-draft.docx', build: buyerGuideDraft },
	{ name: 'clinic-leaflet-with-edits.docx', build: clinicLeaflet },
	{ name: 'nakshi-ghor-buyers-list.xlsx', build: buyersList },
	{ name: 'annapurna-tiffins-brief.txt', build: () => Buffer.from(tiffinBrief, 'utf8') },
	{ name: 'messy-file-names.txt', build: () => Buffer.from(fileNames, 'utf8') },
];

// ------------------------------------------------------------------ worked solution (.txt)

/** The worked solution to messy-file-names.txt, unlocked by passing the unit 3 check. */
const fileNamesRenamed = `Kabir & Associates, folder "STUFF": a worked solution (Dakshata practice file)

The rule (agreed with Kabir before renaming anything):
  date_client_description_version, for example 2026-03-05_rahman-and-sons_vat-return-feb_v02.xlsx
  - the document's date as year-month-day; "xx" marks a part of a date you could not find:
    open the file, and ask Kabir if it does not say
  - lowercase letters, numbers and hyphens; underscores only between the parts
  - versions v01, v02 ...; a version sent to a client gets "-sent"; never "final"

Your dates and descriptions may differ: what matters is that every name follows one rule,
that nothing is deleted, and that every doubt becomes a question for Kabir.

01-admin/
  2026-03-xx_kabir-associates_invoice-march_v01.pdf        <- invoice march.pdf
  2026-03-xx_kabir-associates_invoice-march_v02.pdf        <- Invoice-Mar-26.pdf
  2026-xx-xx_kabir-associates_invoice-12_v01.pdf           <- INV 12.pdf
  2026-xx-xx_kabir-associates_client-list_v01.xlsx         <- client list.xlsx
  2026-xx-xx_kabir-associates_client-list_v02.xlsx         <- client list - DO NOT DELETE.xlsx
  kabir-associates_logo_v01.png                            <- logo.png
  kabir-associates_logo_v02.png                            <- logo new.png
  (A logo has no date: it is a brand file, not a document of one day.)

02-projects/rahman-and-sons/
  2026-02-xx_rahman-and-sons_vat-return-feb_v01.xlsx       <- Rahman & Sons - VAT return (Feb).xlsx
  2026-02-xx_rahman-and-sons_vat-return-feb_v02.xlsx       <- rahman vat feb NEW.xlsx
  2026-xx-xx_rahman-and-sons_tax-documents_v01.zip         <- tax docs rahman sir.zip
  2026-03-xx_rahman-and-sons_monthly-report_v01.docx       <- final report.docx
  2026-03-xx_rahman-and-sons_monthly-report_v02.docx       <- final report FINAL.docx
  2026-03-xx_rahman-and-sons_monthly-report_v03.docx       <- final report FINAL (2).docx
  2026-03-xx_rahman-and-sons_monthly-report_v02-copy.docx  <- Copy of final report FINAL.docx

02-projects/kabir-associates/
  2026-03-03_kabir-associates_meeting-notes_v01.docx       <- Meeting Notes 3-3.docx
  2026-xx-xx_kabir-associates_meeting-notes_v01.docx       <- meeting notes.docx
  2026-xx-xx_chowdhury_call-notes_v01.docx                 <- notes from call with Mr. Chowdhury!!.docx
  2026-xx-xx_kabir-associates_presentation_v01.pptx        <- presentation v1.pptx
  2026-xx-xx_kabir-associates_presentation_v02-kabir-edits.pptx  <- presentation v2 kabir edits.pptx
  2026-xx-xx_kabir-associates_presentation_v02-kabir-edits-copy.pptx  <- presentation v2 kabir edits (1).pptx

00-to-file/ (open each one, then name it by what it is)
  2026-xx-xx_unknown_scan-0001_v01.pdf                     <- scan0001.pdf
  2026-xx-xx_unknown_scan-0002_v01.pdf                     <- scan0002.pdf
  2026-02-27_unknown_whatsapp-photo_v01.jpeg               <- WhatsApp Image 2026-02-27 at 16.04.11.jpeg

Questions for Kabir before anything moves to 99-archive:
  1. The four "final report" files: which one was sent to Rahman & Sons? Is the "Copy of" file
     the same as "final report FINAL.docx"? (The sent one becomes _v0x-sent; the others go to
     99-archive.)
  2. Are "invoice march.pdf" and "Invoice-Mar-26.pdf" the same invoice? Whose invoice is INV 12?
  3. Which VAT return for February was filed: the first or the "NEW" one?
  4. Which client list is current? The "DO NOT DELETE" one stays either way.
  5. Is "presentation v2 kabir edits (1).pptx" a second download of the same file?
  6. Is the old logo still used anywhere (letterhead, invoices), or can it be archived?
  7. Which meeting do "meeting notes.docx" and the Chowdhury call notes belong to, and when were they?
`;

/** Worked solutions, served only to learners who passed the quiz or project named in `after`. */
export const solutions: SolutionFile[] = [
	{
		after: 'unit-3-check',
		name: 'messy-file-names-renamed.txt',
		build: () => Buffer.from(fileNamesRenamed, 'utf8'),
	},
];
