/**
 * Practice files for the course "Web research, data entry and lead lists"
 * (courses/web-research-and-lead-lists).
 *
 * - dental-leads-messy.xlsx / .csv: a lead list of made-up dental clinics in the north of England,
 *   typed by two people for a UK client (BrightSmile Web, Leeds): names in odd capitals, emails
 *   with capitals and stray spaces, one city written four ways, websites with and without
 *   https://, a lead with no email, and repeated leads (some only differ by case or spaces).
 *
 * Deterministic: a fixed list, a seeded mess, fixed timestamps in the zip. Run
 * `node scripts/practice-files/build.ts web-research-and-lead-lists` to rebuild, or this file
 * with `--stats` to print the figures the lessons quote.
 */
import ExcelJS from 'exceljs';
import { fixZipTimes } from './_zip.ts';
import { makeRandom, writeReadMeLines } from './_shared.ts';
import type { PracticeFile } from './types.ts';

export const HEADERS = [
	'Company',
	'Contact',
	'Job title',
	'Email',
	'Website',
	'City',
	'Source',
	'Date found',
];

interface Lead {
	company: string;
	contact: string;
	title: string;
	email: string;
	website: string;
	city: string;
	source: string;
	date: string;
}

// [clinic name, domain stem, contact, job title, city, source]
const LEADS: readonly (readonly [string, string, string, string, string, string])[] = [
	[
		'Northgate Dental Care',
		'northgatedental',
		'Sarah Whitfield',
		'Practice Manager',
		'Leeds',
		'Clinic website',
	],
	[
		'Kirkstall Smiles',
		'kirkstallsmiles',
		'James Holloway',
		'Principal Dentist',
		'Leeds',
		'Clinic website',
	],
	[
		'Roundhay Family Dentistry',
		'roundhaydental',
		'Priya Nair',
		'Practice Manager',
		'Leeds',
		'Google Maps',
	],
	[
		'Headingley Dental Studio',
		'headingleydental',
		'Tom Ashworth',
		'Owner',
		'Leeds',
		'Clinic website',
	],
	[
		'Chapel Allerton Dental',
		'chapelallertondental',
		'Fiona Gallagher',
		'Practice Manager',
		'Leeds',
		'Dentists directory',
	],
	[
		'Ancoats Dental Rooms',
		'ancoatsdental',
		'Daniel Okafor',
		'Principal Dentist',
		'Manchester',
		'Clinic website',
	],
	[
		'Didsbury Dental Practice',
		'didsburydental',
		'Emma Thornton',
		'Practice Manager',
		'Manchester',
		'Clinic website',
	],
	['Chorlton Smile Centre', 'chorltonsmile', 'Imran Qureshi', 'Owner', 'Manchester', 'Google Maps'],
	[
		'Salford Quays Dental',
		'salfordquaysdental',
		'Laura McKenzie',
		'Practice Manager',
		'Manchester',
		'Clinic website',
	],
	[
		'Northern Quarter Orthodontics',
		'nqortho',
		'Ben Fairclough',
		'Clinical Director',
		'Manchester',
		'Dentists directory',
	],
	[
		'Withington Dental Care',
		'withingtondental',
		'Aisha Rahman',
		'Practice Manager',
		'Manchester',
		'Clinic website',
	],
	[
		'Levenshulme Dental Surgery',
		'levenshulmedental',
		'Chris Doyle',
		'Owner',
		'Manchester',
		'Google Maps',
	],
	[
		'Kelham Island Dental',
		'kelhamdental',
		'Hannah Briggs',
		'Practice Manager',
		'Sheffield',
		'Clinic website',
	],
	[
		'Ecclesall Road Dentistry',
		'ecclesalldentistry',
		'Mark Pennington',
		'Principal Dentist',
		'Sheffield',
		'Clinic website',
	],
	[
		'Crookes Dental Practice',
		'crookesdental',
		'Sophie Lawson',
		'Practice Manager',
		'Sheffield',
		'Dentists directory',
	],
	[
		'Hillsborough Smiles',
		'hillsboroughsmiles',
		'Rajesh Patel',
		'Owner',
		'Sheffield',
		'Google Maps',
	],
	[
		'Meadowhall Dental Clinic',
		'meadowhalldental',
		'Gemma Stott',
		'Practice Manager',
		'Sheffield',
		'Clinic website',
	],
	[
		'Baltic Triangle Dental',
		'balticdental',
		'Kieran Byrne',
		'Owner',
		'Liverpool',
		'Clinic website',
	],
	[
		'Allerton Road Dental',
		'allertonroaddental',
		'Nadia Hussain',
		'Practice Manager',
		'Liverpool',
		'Clinic website',
	],
	[
		'Woolton Village Dentist',
		'wooltondentist',
		'Paul Rimmer',
		'Principal Dentist',
		'Liverpool',
		'Dentists directory',
	],
	[
		'Crosby Dental Care',
		'crosbydental',
		'Rachel Kerr',
		'Practice Manager',
		'Liverpool',
		'Google Maps',
	],
	['Lark Lane Dental', 'larklanedental', 'Owen Jones', 'Owner', 'Liverpool', 'Clinic website'],
	[
		'Saltaire Dental Practice',
		'saltairedental',
		'Zara Khan',
		'Practice Manager',
		'Bradford',
		'Clinic website',
	],
	['Shipley Smile Studio', 'shipleysmile', 'Adam Crowther', 'Owner', 'Bradford', 'Google Maps'],
	[
		'Ilkley Road Dental',
		'ilkleyroaddental',
		'Farah Siddiqui',
		'Practice Manager',
		'Bradford',
		'Clinic website',
	],
	[
		'Manningham Dental Centre',
		'manninghamdental',
		'Yusuf Ali',
		'Principal Dentist',
		'Bradford',
		'Dentists directory',
	],
	[
		'Horsforth Dental Care',
		'horsforthdental',
		'Claire Dawson',
		'Practice Manager',
		'Leeds',
		'Clinic website',
	],
	['Moortown Dental Clinic', 'moortowndental', 'Simon Barker', 'Owner', 'Leeds', 'Clinic website'],
	[
		'Sale Dental Studio',
		'saledentalstudio',
		'Lucy Brennan',
		'Practice Manager',
		'Manchester',
		'Clinic website',
	],
	[
		'Prestwich Family Dental',
		'prestwichdental',
		'Hamza Sheikh',
		'Owner',
		'Manchester',
		'Google Maps',
	],
	[
		'Broomhill Dental',
		'broomhilldental',
		'Katie Firth',
		'Practice Manager',
		'Sheffield',
		'Clinic website',
	],
	[
		'Walkley Dental Surgery',
		'walkleydental',
		'Neil Marsden',
		'Principal Dentist',
		'Sheffield',
		'Dentists directory',
	],
	[
		'Aigburth Smiles',
		'aigburthsmiles',
		'Megan Roberts',
		'Practice Manager',
		'Liverpool',
		'Clinic website',
	],
	[
		'Formby Dental Practice',
		'formbydental',
		'Joseph Quinn',
		'Owner',
		'Liverpool',
		'Clinic website',
	],
	[
		'Bingley Dental Care',
		'bingleydental',
		'Ruth Hartley',
		'Practice Manager',
		'Bradford',
		'Clinic website',
	],
	['Wibsey Dental Rooms', 'wibseydental', 'Tariq Mahmood', 'Owner', 'Bradford', 'Google Maps'],
];

/** The clean list: one row per clinic, as the client wants it (emails in lower case). */
export function cleanLeads(): Lead[] {
	return LEADS.map(([company, stem, contact, title, city, source], i) => ({
		company,
		contact,
		title,
		// One clinic only lists a contact form: no email to record.
		email: i === 16 ? '' : `${contact.split(' ')[0]!.toLowerCase()}@${stem}.example`,
		website: `https://www.${stem}.example`,
		city,
		source,
		date: `2026-11-${String(3 + (i % 20)).padStart(2, '0')}`,
	}));
}

/** Indexes of the clinics typed twice (the second typist's copy is added near the end). */
export const REPEATED = [2, 7, 13, 19, 24, 30] as const;

function messyRows(): Lead[] {
	const rand = makeRandom(20261203);
	const cityForms: Record<string, string[]> = {
		Manchester: ['Manchester', 'manchester', 'MANCHESTER', 'Manchester '],
	};
	const mess = (l: Lead, copy: boolean): Lead => {
		const r = rand();
		const contact =
			r < 0.2
				? l.contact.toUpperCase()
				: r < 0.4
					? l.contact.toLowerCase()
					: r < 0.55
						? ` ${l.contact.replace(' ', '  ')}`
						: l.contact;
		const e = rand();
		const email =
			l.email === ''
				? ''
				: copy
					? l.email.replace(/^./, (c) => c.toUpperCase())
					: e < 0.2
						? `${l.email} `
						: e < 0.3
							? l.email.toUpperCase()
							: l.email;
		const forms = cityForms[l.city];
		const city = forms ? forms[Math.floor(rand() * forms.length)]! : l.city;
		const website = rand() < 0.4 ? l.website.replace('https://', '') : l.website;
		const [y, m, d] = l.date.split('-');
		const date = rand() < 0.5 ? `${d}/${m}/${y}` : l.date;
		const company = rand() < 0.15 ? `${l.company} ` : l.company;
		return { ...l, company, contact, email, city, website, date };
	};
	const leads = cleanLeads();
	const rows = leads.map((l) => mess(l, false));
	// The second typist's copies: same clinic, often a different case or a stray space.
	for (const i of REPEATED) rows.push(mess(leads[i]!, true));
	// And one row pasted twice, character for character.
	rows.push({ ...rows[5]! });
	return rows;
}

async function buildXlsx(): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	wb.creator = 'Dakshata';
	wb.lastModifiedBy = 'Dakshata';
	wb.created = new Date(Date.UTC(2026, 0, 5));
	wb.modified = new Date(Date.UTC(2026, 0, 5));
	const ws = wb.addWorksheet('Leads');
	ws.addRow(HEADERS);
	ws.getRow(1).font = { bold: true };
	ws.getRow(1).eachCell(
		(c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }),
	);
	for (const r of messyRows())
		ws.addRow([r.company, r.contact, r.title, r.email, r.website, r.city, r.source, r.date]);
	[30, 20, 18, 34, 34, 13, 18, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
	const about = wb.addWorksheet('Read me');
	about.getColumn(1).width = 110;
	writeReadMeLines(about, [
		'BrightSmile Web: dental clinic leads (practice file)',
		'Typed by two people from public clinic websites, Google Maps listings and a dentists directory, then pasted together.',
		'Goal: one row per clinic, contact names in Proper Case, emails in lower case with no spaces, one spelling per city.',
		'Dates were typed two ways: 2026-11-05 and 05/11/2026 are the same day (day/month/year).',
		'Keep this original unchanged and clean a copy.',
		'Every clinic, person and address here is made up: the .example addresses cannot receive mail.',
	]);
	return fixZipTimes(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

const csvField = (v: string) =>
	/[",\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

function buildCsv(): Buffer {
	const lines = [HEADERS.join(',')];
	for (const r of messyRows())
		lines.push(
			[r.company, r.contact, r.title, r.email, r.website, r.city, r.source, r.date]
				.map(csvField)
				.join(','),
		);
	return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

export const files: PracticeFile[] = [
	{ name: 'dental-leads-messy.xlsx', build: buildXlsx },
	{ name: 'dental-leads-messy.csv', build: buildCsv },
];

/** The figures the lessons quote. */
export function stats(): Record<string, unknown> {
	const rows = messyRows();
	const exact = new Set(rows.map((r) => JSON.stringify(r))).size;
	const ci = new Set(rows.map((r) => JSON.stringify(r).toLowerCase())).size;
	const emailsTrimLower = new Set(
		rows.filter((r) => r.email).map((r) => r.email.trim().toLowerCase()),
	).size;
	const emailsRaw = new Set(rows.filter((r) => r.email).map((r) => r.email)).size;
	const emailsCi = new Set(rows.filter((r) => r.email).map((r) => r.email.toLowerCase())).size;
	const cityCounts: Record<string, number> = {};
	for (const r of rows) cityCounts[r.city] = (cityCounts[r.city] ?? 0) + 1;
	return {
		rows: rows.length,
		uniqueClinics: LEADS.length,
		exactDistinctRows: exact,
		caseInsensitiveDistinctRows: ci,
		emailsRaw,
		emailsCi,
		emailsTrimLower,
		blankEmails: rows.filter((r) => !r.email).length,
		cityCounts,
	};
}

if (process.argv.includes('--stats')) console.log(JSON.stringify(stats(), null, 2));
