/**
 * Three mistakes learners make that a check used to miss, each with a file that passes and one
 * that fails with the learner-facing message:
 * - sorting one column alone ("Continue with the current selection"), which splits the rows up;
 * - small text that comes from the slide master, layout or presentation defaults, not from the run;
 * - typed placeholders such as `[FirstName]` left in a mail-merge letter.
 * The workbooks are written with exceljs and the decks as minimal PresentationML packages (the
 * parts PowerPoint needs to show text: presentation, slide, layout, master), so each fixture
 * differs from its pair in exactly the thing under test.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createAttemptKey } from '../../src/lib/projects/attempt-key.ts';
import { BUILDERS } from '../../src/lib/projects/builders/index.ts';
import { runCheck, validateCheckParams } from '../../src/lib/projects/checks/index.ts';
import { openOfficeFile, type OfficeFile } from '../../src/lib/projects/ooxml.ts';
import { OFFICE_JS_SOLVERS } from '../helpers/office-solutions.ts';
import { FIXTURE_ORDERS } from './office-check-cases.ts';

function open(bytes: Uint8Array): OfficeFile {
	const opened = openOfficeFile(bytes);
	if (!opened.ok) throw new Error(`refused: ${opened.refusal}`);
	return opened.file;
}

// ------------------------------------------------------------------ xlsx.sorted

type Order = (typeof FIXTURE_ORDERS)[number];

async function ordersWorkbook(rows: Order[]): Promise<OfficeFile> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Orders');
	sheet.addRow(['Date', 'Region', 'Item', 'Amount', 'Status']);
	for (const [date, ...rest] of rows) sheet.addRow([new Date(`${date}T00:00:00Z`), ...rest]);
	return open(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

const byAmountDescending = (a: Order, b: Order) => b[3] - a[3];
const sortedParams = {
	range: 'Orders!A2:E7',
	column: 'D',
	order: 'descending',
	rows: '$orders',
};

async function runSorted(rows: Order[]) {
	return runCheck('xlsx.sorted', sortedParams, {
		file: await ordersWorkbook(rows),
		expected: { orders: FIXTURE_ORDERS },
	});
}

describe('xlsx.sorted', () => {
	it('passes a table sorted whole, each row kept together', async () => {
		const outcome = await runSorted([...FIXTURE_ORDERS].sort(byAmountDescending));
		expect(outcome).toEqual({ score: 1, message: { key: 'check.sorted.pass' } });
	});

	it('fails a table where only the key column was sorted, saying the rows were split up', async () => {
		const amounts = FIXTURE_ORDERS.map((o) => o[3]).sort((a, b) => b - a);
		const rows = FIXTURE_ORDERS.map((o, i): Order => [o[0], o[1], o[2], amounts[i]!, o[4]]);
		const outcome = await runSorted(rows);
		expect(outcome).toEqual({
			score: 0,
			message: { key: 'check.sorted.rowsSplit', vars: { column: 'D', range: 'A2:E7' } },
		});
	});

	it('fails sorted rows whose values were changed, saying they are not the rows given', async () => {
		const rows = [...FIXTURE_ORDERS].sort(byAmountDescending);
		rows[5] = [rows[5]![0], rows[5]![1], rows[5]![2], 400, rows[5]![4]];
		const outcome = await runSorted(rows);
		expect(outcome.score).toBe(0);
		expect(outcome.message.key).toBe('check.sorted.rowsChanged');
	});

	it('still fails whole rows that are out of order with the order message', async () => {
		const outcome = await runSorted([...FIXTURE_ORDERS]);
		expect(outcome.message).toEqual({
			key: 'check.sorted.descending',
			vars: { column: 'D', range: 'A2:E7' },
		});
	});

	it('needs the original rows in its params', () => {
		expect(validateCheckParams('xlsx.sorted', { range: 'Orders!A2:E7', column: 'D' })).toMatch(
			/rows/,
		);
	});
});

// ------------------------------------------------------------------ pptx.min-font-size

const NS =
	'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

const rels = (items: Array<[string, string, string]>) =>
	`${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
		.map(
			([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`,
		)
		.join('')}</Relationships>`;

/** A list style with a size for each given level (1-based), e.g. `{ 1: 12 }`. */
const listStyle = (tag: string, sizes: Record<number, number>) =>
	`<${tag}>${Object.entries(sizes)
		.map(([level, pt]) => `<a:lvl${level}pPr><a:defRPr sz="${pt * 100}"/></a:lvl${level}pPr>`)
		.join('')}</${tag}>`;

/** A shape: a placeholder (`ph` attributes) or a text box (`ph` null), with paragraphs. */
function shape(
	ph: string | null,
	paragraphs: Array<{ text: string; sz?: number; lvl?: number }>,
	lstStyle = '<a:lstStyle/>',
) {
	return `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Shape"/><p:cNvSpPr${ph === null ? ' txBox="1"' : ''}/><p:nvPr>${ph === null ? '' : `<p:ph ${ph}/>`}</p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>${lstStyle}${paragraphs
		.map(
			(p) =>
				`<a:p>${p.lvl ? `<a:pPr lvl="${p.lvl}"/>` : ''}<a:r><a:rPr lang="en-GB"${p.sz ? ` sz="${p.sz * 100}"` : ''}/><a:t>${p.text}</a:t></a:r></a:p>`,
		)
		.join('')}</p:txBody></p:sp>`;
}

const spTree = (shapes: string[]) =>
	`<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shapes.join('')}</p:spTree></p:cSld>`;

interface DeckParts {
	/** `p:txStyles` sizes of the master, by style and level. */
	master: { title?: Record<number, number>; body?: Record<number, number> };
	/** Shapes of the master and layout (placeholders whose list styles the slide inherits). */
	masterShapes?: string[];
	layoutShapes?: string[];
	/** `p:defaultTextStyle` sizes of the presentation, by level. */
	presentationDefault?: Record<number, number>;
	slideShapes: string[];
}

async function deck(parts: DeckParts): Promise<OfficeFile> {
	const zip = new JSZip();
	const type = (name: string) =>
		`application/vnd.openxmlformats-officedocument.presentationml.${name}+xml`;
	zip.file(
		'[Content_Types].xml',
		`${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="${type('presentation.main')}"/><Override PartName="/ppt/slides/slide1.xml" ContentType="${type('slide')}"/><Override PartName="/ppt/slideLayouts/slideLayout1.xml" ContentType="${type('slideLayout')}"/><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="${type('slideMaster')}"/></Types>`,
	);
	zip.file('_rels/.rels', rels([['rId1', 'officeDocument', 'ppt/presentation.xml']]));
	zip.file(
		'ppt/presentation.xml',
		`${HEAD}<p:presentation ${NS}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst><p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/>${parts.presentationDefault ? listStyle('p:defaultTextStyle', parts.presentationDefault) : ''}</p:presentation>`,
	);
	zip.file(
		'ppt/_rels/presentation.xml.rels',
		rels([
			['rId1', 'slideMaster', 'slideMasters/slideMaster1.xml'],
			['rId2', 'slide', 'slides/slide1.xml'],
		]),
	);
	zip.file('ppt/slides/slide1.xml', `${HEAD}<p:sld ${NS}>${spTree(parts.slideShapes)}</p:sld>`);
	zip.file(
		'ppt/slides/_rels/slide1.xml.rels',
		rels([['rId1', 'slideLayout', '../slideLayouts/slideLayout1.xml']]),
	);
	zip.file(
		'ppt/slideLayouts/slideLayout1.xml',
		`${HEAD}<p:sldLayout ${NS} type="obj">${spTree(parts.layoutShapes ?? [])}</p:sldLayout>`,
	);
	zip.file(
		'ppt/slideLayouts/_rels/slideLayout1.xml.rels',
		rels([['rId1', 'slideMaster', '../slideMasters/slideMaster1.xml']]),
	);
	zip.file(
		'ppt/slideMasters/slideMaster1.xml',
		`${HEAD}<p:sldMaster ${NS}>${spTree(parts.masterShapes ?? [])}<p:txStyles>${listStyle('p:titleStyle', parts.master.title ?? { 1: 44 })}${listStyle('p:bodyStyle', parts.master.body ?? { 1: 28 })}${listStyle('p:otherStyle', { 1: 18 })}</p:txStyles></p:sldMaster>`,
	);
	zip.file(
		'ppt/slideMasters/_rels/slideMaster1.xml.rels',
		rels([['rId1', 'slideLayout', '../slideLayouts/slideLayout1.xml']]),
	);
	return open(await zip.generateAsync({ type: 'uint8array' }));
}

const title = shape('type="title"', [{ text: 'Annapurna Tiffins' }]);
const body = (paragraphs: Array<{ text: string; sz?: number; lvl?: number }>) =>
	shape('idx="1"', paragraphs);
const fontSize = (file: OfficeFile) =>
	runCheck('pptx.min-font-size', { minPt: 18 }, { file, expected: {} });
const SMALL = { key: 'check.fontSize.small', vars: { slides: '1', size: 18 } };

describe('pptx.min-font-size', () => {
	it('fails body text with no size of its own on a master whose body text is 12 pt', async () => {
		const file = await deck({
			master: { body: { 1: 12 } },
			slideShapes: [title, body([{ text: 'Lunch delivered by 12:30' }])],
		});
		expect(await fontSize(file)).toEqual({ score: 0, message: SMALL });
	});

	it('passes the same text set to 20 pt on the slide', async () => {
		const file = await deck({
			master: { body: { 1: 12 } },
			slideShapes: [title, body([{ text: 'Lunch delivered by 12:30', sz: 20 }])],
		});
		expect(await fontSize(file)).toEqual({ score: 1, message: { key: 'check.fontSize.pass' } });
	});

	it('takes the size of the layout placeholder (matched by idx) before the master', async () => {
		const big = await deck({
			master: { body: { 1: 12 } },
			layoutShapes: [shape('type="body" idx="1"', [], listStyle('a:lstStyle', { 1: 24 }))],
			slideShapes: [title, body([{ text: 'Five menus a week' }])],
		});
		expect((await fontSize(big)).score).toBe(1);
		const small = await deck({
			master: { body: { 1: 28 } },
			layoutShapes: [shape('type="body" idx="1"', [], listStyle('a:lstStyle', { 1: 14 }))],
			slideShapes: [title, body([{ text: 'Five menus a week' }])],
		});
		expect(await fontSize(small)).toEqual({ score: 0, message: SMALL });
	});

	it('reads the level of an indented paragraph, and the master placeholder of a title', async () => {
		const indented = await deck({
			master: { body: { 1: 28, 2: 14 } },
			slideShapes: [title, body([{ text: 'Menus' }, { text: 'Veg and non-veg', lvl: 1 }])],
		});
		expect(await fontSize(indented)).toEqual({ score: 0, message: SMALL });
		const smallTitle = await deck({
			master: { title: { 1: 44 } },
			masterShapes: [shape('type="title"', [], listStyle('a:lstStyle', { 1: 16 }))],
			slideShapes: [title],
		});
		expect(await fontSize(smallTitle)).toEqual({ score: 0, message: SMALL });
	});

	it("sizes a text box from the presentation's default text style, not the master body style", async () => {
		const box = shape(null, [{ text: 'Prices include delivery' }]);
		const small = await deck({
			master: { body: { 1: 28 } },
			presentationDefault: { 1: 10 },
			slideShapes: [title, box],
		});
		expect(await fontSize(small)).toEqual({ score: 0, message: SMALL });
		const fine = await deck({
			master: { body: { 1: 12 } },
			presentationDefault: { 1: 18 },
			slideShapes: [title, box],
		});
		expect((await fontSize(fine)).score).toBe(1);
	});
});

// ------------------------------------------------------------------ docx.no-text

const secret = new Uint8Array(32).fill(5);
const attemptKey = createAttemptKey(secret, 'noTextAttempt000001');
const PLACEHOLDERS = { texts: ['[FirstName]', '[Shop]', '[City]'] };

describe('docx.no-text', () => {
	it('fails the buyer letter as downloaded, naming a placeholder and counting all five', async () => {
		const start = await BUILDERS['buyer-letter']!.build('seed-a', {
			learnerName: 'Rahima Khatun',
			attemptKey,
		});
		const outcome = await runCheck('docx.no-text', PLACEHOLDERS, {
			file: open(start),
			expected: {},
		});
		expect(outcome).toEqual({
			score: 0,
			message: { key: 'check.noText.found', vars: { text: '[FirstName]', count: 5 } },
		});
	});

	it('passes the letter once every placeholder is a merge field', async () => {
		const start = await BUILDERS['buyer-letter']!.build('seed-a', {
			learnerName: 'Rahima Khatun',
			attemptKey,
		});
		const solved = await OFFICE_JS_SOLVERS['buyer-letter']!(start, []);
		const outcome = await runCheck('docx.no-text', PLACEHOLDERS, {
			file: open(solved),
			expected: {},
		});
		expect(outcome).toEqual({ score: 1, message: { key: 'check.noText.pass' } });
	});

	it('gives credit for the placeholders gone and finds a pattern whatever its case', async () => {
		const start = await BUILDERS['buyer-letter']!.build('seed-b', {
			learnerName: 'Rahima Khatun',
			attemptKey,
		});
		const file = open(start);
		const partly = await runCheck(
			'docx.no-text',
			{ texts: ['[firstname]', 'TODO', 'lorem ipsum'] },
			{ file, expected: {} },
		);
		expect(partly.score).toBeCloseTo(2 / 3);
		expect(partly.message.vars).toEqual({ text: '[firstname]', count: 1 });
		const pattern = await runCheck(
			'docx.no-text',
			{ patterns: ['\\[(firstname|shop|city)\\]'] },
			{ file, expected: {} },
		);
		expect(pattern.message).toEqual({
			key: 'check.noText.found',
			vars: { text: '[Shop]', count: 5 },
		});
	});

	it('refuses params with nothing to look for or a broken pattern', () => {
		expect(validateCheckParams('docx.no-text', {})).toMatch(/texts or patterns/);
		expect(validateCheckParams('docx.no-text', { patterns: ['[unclosed'] })).toMatch(
			/regular expression/,
		);
	});
});
