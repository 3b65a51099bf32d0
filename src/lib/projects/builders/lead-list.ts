/**
 * Start file of the "lead list" project (Web research course, unit 3): a lead list of made-up
 * accounting firms for a UK client, typed by two people — contact names in odd capitals with
 * stray spaces, emails with capitals and trailing spaces, and leads typed twice (the copy differs
 * only by case or spaces). The learner cleans contacts and emails, removes the repeats by email,
 * turns the list into a table and adds a Status drop-down. Firms, people and repeats vary per
 * attempt. Surnames avoid Mc/Mac and O' forms, which PROPER does not capitalise the way people spell them.
 */
import { createSeededRandom, randomInt, randomItem, shuffle } from '../seeded-random.ts';
import type { ExpectedValues } from '../types.ts';
import { addAboutSheet, newWorkbook, styleHeader, writeStamped } from './excel-common.ts';
import type { ProjectBuilder } from './types.ts';

/** The Status drop-down's items. */
export const LEAD_STATUSES = ['New', 'Contacted', 'Replied', 'Not interested'] as const;
const TOWNS = ['Leeds', 'York', 'Harrogate', 'Wakefield', 'Halifax', 'Huddersfield'];
const FIRM_START = [
	'Aire',
	'Calder',
	'Ouse',
	'Minster',
	'Pennine',
	'Dales',
	'Wharfe',
	'Moor',
	'Ridings',
	'Castle',
	'Abbey',
	'Bridge',
	'Kestrel',
	'Heron',
	'Oak',
	'Ashby',
];
const FIRM_END = ['Accountants', 'Tax Services', 'Bookkeeping', 'Payroll', 'Accounting'];
const FIRST = [
	'Sarah',
	'James',
	'Priya',
	'Tom',
	'Fiona',
	'Daniel',
	'Emma',
	'Imran',
	'Laura',
	'Ben',
	'Aisha',
	'Chris',
	'Hannah',
	'Mark',
	'Sophie',
	'Rajesh',
	'Gemma',
	'Kieran',
	'Nadia',
	'Paul',
	'Rachel',
	'Owen',
	'Zara',
	'Adam',
];
const LAST = [
	'Whitfield',
	'Holloway',
	'Nair',
	'Ashworth',
	'Gallagher',
	'Okafor',
	'Thornton',
	'Qureshi',
	'Marsh',
	'Fairclough',
	'Rahman',
	'Doyle',
	'Briggs',
	'Pennington',
	'Lawson',
	'Patel',
];

interface Lead {
	company: string;
	contact: string;
	email: string;
	town: string;
}

function generate(seed: string): { leads: Lead[]; rows: Lead[] } {
	const rand = createSeededRandom(`lead-list:${seed}`);
	const firms = new Set<string>();
	const people = new Set<string>();
	const leads: Lead[] = [];
	const count = randomInt(rand, 24, 28);
	while (leads.length < count) {
		const start = randomItem(rand, FIRM_START);
		const company = `${start} ${randomItem(rand, FIRM_END)}`;
		const first = randomItem(rand, FIRST);
		const contact = `${first} ${randomItem(rand, LAST)}`;
		// Unique firms keep email domains unique; one person per firm.
		if (firms.has(company) || people.has(contact)) continue;
		firms.add(company);
		people.add(contact);
		const domain = `${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
		leads.push({
			company,
			contact,
			email: `${first.toLowerCase()}@${domain}`,
			town: randomItem(rand, TOWNS),
		});
	}
	const messContact = (n: string) => {
		const r = rand();
		if (r < 0.25) return n.toUpperCase();
		if (r < 0.5) return n.toLowerCase();
		if (r < 0.7) return ` ${n.replace(' ', '  ')} `;
		return n;
	};
	const messEmail = (e: string) => {
		const r = rand();
		if (r < 0.25) return e.replace(/^./, (c) => c.toUpperCase());
		if (r < 0.45) return `${e} `;
		if (r < 0.55) return e.toUpperCase();
		return e;
	};
	const rows = leads.map((l) => ({
		...l,
		contact: messContact(l.contact),
		email: messEmail(l.email),
	}));
	// The second typist's copies: 3 to 5 leads appear twice.
	for (const l of shuffle(rand, leads).slice(0, randomInt(rand, 3, 5)))
		rows.push({ ...l, contact: messContact(l.contact), email: messEmail(l.email) });
	return { leads, rows: shuffle(rand, rows) };
}

function computeExpected(seed: string): ExpectedValues {
	const { leads } = generate(seed);
	const last = leads.length + 1;
	return {
		cleanContacts: leads.map((l) => l.contact),
		cleanEmails: leads.map((l) => l.email),
		leadCount: leads.length,
		tableRange: `Leads!A1:E${last}`,
		statusRange: `Leads!E2:E${last}`,
	};
}

export const leadList: ProjectBuilder = {
	kind: 'xlsx',
	expected: computeExpected,
	async build(seed, ctx) {
		const { rows } = generate(seed);
		const wb = newWorkbook();
		const ws = wb.addWorksheet('Leads');
		ws.addRow(['Company', 'Contact', 'Email', 'Town', 'Status']);
		styleHeader(ws.getRow(1));
		for (const r of rows) ws.addRow([r.company, r.contact, r.email, r.town, 'New']);
		[28, 22, 36, 14, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
		addAboutSheet(wb, 'Ledger Lane Marketing: accountancy leads (Dakshata project)', ctx);
		return writeStamped(wb, ctx);
	},
};
