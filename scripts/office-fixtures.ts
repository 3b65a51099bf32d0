/**
 * Regenerates the Office fixtures of the check library's unit tests (tests/fixtures/office/):
 * - `js-good|bad.xlsx` with exceljs, `js-good|bad.docx` with the `docx` package and
 *   `js-good|bad.pptx` with pptxgenjs, written here;
 * - `lo-good|bad.xlsx|docx|pptx` by LibreOffice, through scripts/office-fixtures/libreoffice.py
 *   (Python-UNO, needs Debian's libreoffice-calc/-writer/-impress and python3-uno).
 * A "good" file satisfies every check with the parameters in tests/unit/office-checks.test.ts;
 * a "bad" file fails each. exceljs writes neither pivot tables nor charts, so this script adds a
 * minimal pivot table (with its cache definition) and a minimal chart to the exceljs workbooks, in
 * the shape Excel writes them.
 *
 * Usage: node scripts/office-fixtures.ts [--js-only]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
	AlignmentType,
	CommentRangeEnd,
	CommentRangeStart,
	CommentReference,
	Document,
	Footer,
	Header,
	HeadingLevel,
	ImageRun,
	InsertedTextRun,
	Packer,
	PageNumber,
	PageOrientation,
	Paragraph,
	SimpleMailMergeField,
	Table,
	TableCell,
	TableOfContents,
	TableRow,
	TextRun,
	convertMillimetersToTwip,
} from 'docx';
import PptxGenJS from 'pptxgenjs';
import { FIXTURE_ORDERS } from '../tests/unit/office-check-cases.ts';

const OUT = join(import.meta.dirname, '..', 'tests', 'fixtures', 'office');

// The orders the unit tests expect (tests/unit/office-check-cases.ts), in a good file's row order.
const ORDERS = FIXTURE_ORDERS;
const REGIONS = ['Dhaka', 'Khulna', 'Sylhet'];
const totalOf = (region: string) =>
	ORDERS.filter((o) => o[1] === region).reduce((sum, o) => sum + o[3], 0);

/** A 4×4 PNG (blue), the picture in every document fixture. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEklEQVR4nGNQEGBABgwwBjYBAC8iAOFkUaFcAAAAAElFTkSuQmCC',
	'base64',
);

// ------------------------------------------------------------------ xlsx

async function buildWorkbook(good: boolean): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const orders = workbook.addWorksheet(
		'Orders',
		good ? { views: [{ state: 'frozen', ySplit: 1 }] } : {},
	);
	const summary = workbook.addWorksheet('Summary');
	workbook.addWorksheet('Pivot');
	const rows = good ? ORDERS : [3, 0, 5, 1, 4, 2].map((i) => ORDERS[i]!);
	const values = rows.map(([date, region, item, amount, status]) => [
		new Date(`${date}T00:00:00Z`),
		region,
		item,
		amount,
		status,
	]);
	if (good) {
		orders.addTable({
			name: 'OrdersTable',
			ref: 'A1',
			headerRow: true,
			columns: ['Date', 'Region', 'Item', 'Amount', 'Status'].map((name) => ({
				name,
				filterButton: true,
			})),
			rows: values,
		});
	} else {
		orders.addRow(['Date', 'Region', 'Item', 'Amount', 'Status']);
		for (const row of values) orders.addRow(row);
	}
	for (let r = 2; r <= 7; r++) {
		orders.getCell(`A${r}`).numFmt = good ? 'yyyy-mm-dd' : 'General';
		orders.getCell(`D${r}`).numFmt = good ? '"₹"#,##0.00' : '0.0';
		orders.getCell(`E${r}`).dataValidation = {
			type: 'list',
			allowBlank: true,
			formulae: [good ? '"Paid,Pending,Overdue"' : '"Paid,Unpaid"'],
		};
	}
	if (good) {
		orders.addConditionalFormatting({
			ref: 'D2:D7',
			rules: [
				{
					type: 'cellIs',
					operator: 'greaterThan',
					priority: 1,
					formulae: [1000],
					style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } },
				},
			],
		});
	}
	summary.addRow(['Region', 'Total', 'Share']);
	const grand = ORDERS.reduce((sum, o) => sum + o[3], 0);
	REGIONS.forEach((region, i) => {
		const r = i + 2;
		summary.getCell(`A${r}`).value = good || region !== 'Khulna' ? region : 'Khulna Division';
		summary.getCell(`B${r}`).value = {
			formula: `SUMIFS(Orders!$D$2:$D$7,Orders!$B$2:$B$7,A${r})`,
			result: totalOf(region),
		};
		summary.getCell(`C${r}`).value = {
			formula: `B${r}/SUM($B$2:$B$4)`,
			result: totalOf(region) / grand,
		};
		if (good) summary.getCell(`C${r}`).numFmt = '0.0%';
	});
	summary.getCell('A6').value = 'Lamp region';
	if (good)
		summary.getCell('B6').value = {
			formula: '_xlfn.XLOOKUP("Lamp",Orders!$C$2:$C$7,Orders!$B$2:$B$7)',
			result: 'Khulna',
		};
	if (good) {
		for (const ref of ['D2', 'D3', 'D4']) summary.getCell(ref).protection = { locked: false };
		await summary.protect('', {});
	} else {
		summary.getCell('B2').value = totalOf('Dhaka');
		summary.getCell('B3').value = { formula: 'SUM(Orders!$D$2:$D$7)', result: grand };
		summary.getCell('B4').value = {
			formula: 'SUMIFS(Orders!$D$2:$D$7,Orders!$B$2:$B$7,A2)',
			result: totalOf('Dhaka'),
		};
		summary.getCell('C2').value = { formula: 'B2/0', result: { error: '#DIV/0!' } };
	}
	const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
	await addPivotTable(zip, good);
	await addChart(zip, good);
	return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

async function edit(zip: JSZip, path: string, change: (xml: string) => string): Promise<void> {
	zip.file(path, change(await zip.file(path)!.async('string')));
}

function addRel(xml: string | null, id: string, type: string, target: string): string {
	const rels =
		xml ??
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
	return rels.replace(
		'</Relationships>',
		`<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/></Relationships>`,
	);
}

function addOverride(xml: string, part: string, type: string): string {
	return xml.replace(
		'</Types>',
		`<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/></Types>`,
	);
}

async function addPivotTable(zip: JSZip, good: boolean): Promise<void> {
	const fields = ['Date', 'Region', 'Item', 'Amount', 'Status'];
	zip.file(
		'xl/pivotCache/pivotCacheDefinition1.xml',
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="${NS_MAIN}" xmlns:r="${NS_R}" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A1:E7" sheet="Orders"/></cacheSource><cacheFields count="5">${fields.map((name) => `<cacheField name="${name}" numFmtId="0"><sharedItems/></cacheField>`).join('')}</cacheFields></pivotCacheDefinition>`,
	);
	zip.file(
		'xl/pivotTables/pivotTable1.xml',
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotTableDefinition xmlns="${NS_MAIN}" name="RegionTotals" cacheId="1" dataCaption="Values"><location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="5"><pivotField showAll="0"/><pivotField axis="axisRow" showAll="0"/><pivotField showAll="0"/><pivotField dataField="1" showAll="0"/><pivotField showAll="0"/></pivotFields><rowFields count="1"><field x="1"/></rowFields><dataFields count="1"><dataField name="Total Amount" fld="3"${good ? '' : ' subtotal="count"'}/></dataFields></pivotTableDefinition>`,
	);
	zip.file(
		'xl/pivotTables/_rels/pivotTable1.xml.rels',
		addRel(null, 'rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml'),
	);
	zip.file(
		'xl/worksheets/_rels/sheet3.xml.rels',
		addRel(
			(await zip.file('xl/worksheets/_rels/sheet3.xml.rels')?.async('string')) ?? null,
			'rIdPivot1',
			'pivotTable',
			'../pivotTables/pivotTable1.xml',
		),
	);
	await edit(zip, 'xl/_rels/workbook.xml.rels', (xml) =>
		addRel(xml, 'rIdCache1', 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml'),
	);
	await edit(zip, 'xl/workbook.xml', (xml) =>
		xml.replace(
			'</workbook>',
			'<pivotCaches><pivotCache cacheId="1" r:id="rIdCache1"/></pivotCaches></workbook>',
		),
	);
	await edit(zip, '[Content_Types].xml', (xml) =>
		addOverride(
			addOverride(
				xml,
				'/xl/pivotCache/pivotCacheDefinition1.xml',
				'spreadsheetml.pivotCacheDefinition+xml',
			),
			'/xl/pivotTables/pivotTable1.xml',
			'spreadsheetml.pivotTable+xml',
		),
	);
}

async function addChart(zip: JSZip, good: boolean): Promise<void> {
	const title = good
		? '<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Sales by region</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>'
		: '<c:autoTitleDeleted val="1"/>';
	const series =
		'<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Summary!$B$1</c:f></c:strRef></c:tx><c:cat><c:strRef><c:f>Summary!$A$2:$A$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>Summary!$B$2:$B$4</c:f></c:numRef></c:val></c:ser>';
	const plot = good
		? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>${series}<c:axId val="1"/><c:axId val="2"/></c:barChart>`
		: `<c:lineChart><c:grouping val="standard"/>${series}<c:axId val="1"/><c:axId val="2"/></c:lineChart>`;
	zip.file(
		'xl/charts/chart1.xml',
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${NS_R}"><c:chart>${title}<c:plotArea><c:layout/>${plot}<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
	);
	zip.file(
		'xl/drawings/drawing1.xml',
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
	);
	zip.file(
		'xl/drawings/_rels/drawing1.xml.rels',
		addRel(null, 'rId1', 'chart', '../charts/chart1.xml'),
	);
	zip.file(
		'xl/worksheets/_rels/sheet2.xml.rels',
		addRel(
			(await zip.file('xl/worksheets/_rels/sheet2.xml.rels')?.async('string')) ?? null,
			'rIdDrawing1',
			'drawing',
			'../drawings/drawing1.xml',
		),
	);
	await edit(zip, 'xl/worksheets/sheet2.xml', (xml) => {
		const at = ['<legacyDrawing', '<tableParts', '<extLst', '</worksheet>']
			.map((tag) => xml.indexOf(tag))
			.find((i) => i >= 0)!;
		return `${xml.slice(0, at)}<drawing r:id="rIdDrawing1"/>${xml.slice(at)}`;
	});
	await edit(zip, '[Content_Types].xml', (xml) =>
		addOverride(
			addOverride(xml, '/xl/charts/chart1.xml', 'drawingml.chart+xml'),
			'/xl/drawings/drawing1.xml',
			'drawing+xml',
		),
	);
}

// ------------------------------------------------------------------ docx

function buildDocument(good: boolean): Promise<Buffer> {
	const heading = (text: string, level: 1 | 2) =>
		good
			? new Paragraph({
					text,
					heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
				})
			: new Paragraph({ children: [new TextRun({ text, bold: true })] });
	const table = new Table({
		rows: [
			new TableRow({
				tableHeader: good,
				children: ['Region', 'Total'].map((t) => new TableCell({ children: [new Paragraph(t)] })),
			}),
			...REGIONS.map(
				(region) =>
					new TableRow({
						children: [region, totalOf(region).toFixed(2)].map(
							(t) => new TableCell({ children: [new Paragraph(t)] }),
						),
					}),
			),
		],
	});
	const picture = new ImageRun({
		type: 'png',
		data: PNG,
		transformation: { width: 96, height: 96 },
		...(good
			? {
					altText: {
						name: 'Chart',
						description: 'Column chart of sales by region',
						title: 'Sales by region',
					},
				}
			: { altText: { name: 'Picture 1' } }),
	});
	const greeting = good
		? [
				new TextRun('Dear '),
				new SimpleMailMergeField('FirstName'),
				new TextRun(' of '),
				new SimpleMailMergeField('City'),
			]
		: [new TextRun('Dear «FirstName» of «City»')];
	const pageNumber = new Paragraph({
		alignment: AlignmentType.CENTER,
		children: [new TextRun({ children: [PageNumber.CURRENT] })],
	});
	const results = good
		? [new Paragraph('Khulna led with the largest orders.')]
		: [
				new Paragraph({
					children: [
						new CommentRangeStart(0),
						new TextRun('Khulna led with the largest orders.'),
						new CommentRangeEnd(0),
						new TextRun({ children: [new CommentReference(0)] }),
						new InsertedTextRun({
							text: ' An unreviewed insertion.',
							id: 1,
							author: 'Reviewer',
							date: '2026-01-01T00:00:00Z',
						}),
					],
				}),
			];
	const doc = new Document({
		creator: 'Dakshata fixtures',
		comments: good
			? undefined
			: {
					children: [
						{
							id: 0,
							author: 'Reviewer',
							date: new Date('2026-01-01'),
							children: [new Paragraph('Please check this figure.')],
						},
					],
				},
		sections: [
			{
				properties: good
					? {
							page: {
								size: { orientation: PageOrientation.LANDSCAPE },
								margin: {
									top: convertMillimetersToTwip(20),
									bottom: convertMillimetersToTwip(20),
									left: convertMillimetersToTwip(20),
									right: convertMillimetersToTwip(20),
								},
							},
						}
					: {},
				headers: good
					? undefined
					: { default: new Header({ children: [new Paragraph('Quarterly report')] }) },
				footers: good ? { default: new Footer({ children: [pageNumber] }) } : undefined,
				children: [
					new Paragraph({
						text: 'Quarterly report',
						heading: good ? HeadingLevel.TITLE : undefined,
					}),
					...(good
						? [new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-3' })]
						: []),
					heading('Introduction', 1),
					new Paragraph('Sales grew in every region this quarter, led by Khulna.'),
					new Paragraph({ children: greeting }),
					heading('Method', 2),
					table,
					new Paragraph({ children: [picture] }),
					heading('Results', 1),
					...results,
				],
			},
		],
	});
	return Packer.toBuffer(doc);
}

// ------------------------------------------------------------------ pptx

async function buildDeck(good: boolean): Promise<Buffer> {
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_16x9';
	const title = {
		placeholder: {
			options: { name: 'title', type: 'title' as const, x: 0.5, y: 0.3, w: 9, h: 1 },
			text: '',
		},
	};
	pptx.defineSlideMaster({ title: 'Title Slide', objects: [title] });
	pptx.defineSlideMaster({
		title: 'Title and Content',
		objects: [
			title,
			{
				placeholder: {
					options: { name: 'body', type: 'body', x: 0.5, y: 1.5, w: 9, h: 3.5 },
					text: '',
				},
			},
		],
	});
	pptx.defineSlideMaster({ title: 'Title Only', objects: [title] });
	const masters = good
		? ['Title Slide', 'Title and Content', 'Title and Content']
		: ['Title Slide', 'Title Only', 'Title Only', 'Title Only'];
	const titles = good
		? ['Quarterly sales', 'Where sales grew', 'Next steps']
		: ['Quarterly sales', 'Where sales grew', '', ''];
	masters.forEach((masterName, i) => {
		const slide = pptx.addSlide({ masterName });
		if (titles[i]) slide.addText(titles[i]!, { placeholder: 'title', fontSize: 40 });
		if (good || i !== 1)
			slide.addNotes('Say the total first, then explain the regions one by one.');
		if (i === 1) {
			slide.addImage({
				data: `image/png;base64,${PNG.toString('base64')}`,
				x: 1,
				y: 1.6,
				w: 2,
				h: 2,
				...(good ? { altText: 'Bar chart: Khulna has the largest orders' } : {}),
			});
			slide.addText('Source: order list, January and February', {
				x: 1,
				y: 4.2,
				w: 8,
				h: 0.6,
				fontSize: good ? 20 : 10,
			});
		}
	});
	return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
}

// ------------------------------------------------------------------ main

mkdirSync(OUT, { recursive: true });
for (const good of [true, false]) {
	const tag = good ? 'good' : 'bad';
	writeFileSync(join(OUT, `js-${tag}.xlsx`), await buildWorkbook(good));
	writeFileSync(join(OUT, `js-${tag}.docx`), await buildDocument(good));
	writeFileSync(join(OUT, `js-${tag}.pptx`), await buildDeck(good));
	console.log(`wrote js-${tag}.xlsx, js-${tag}.docx, js-${tag}.pptx`);
}
if (!process.argv.includes('--js-only')) {
	execFileSync(
		'/usr/bin/python3',
		[join(import.meta.dirname, 'office-fixtures', 'libreoffice.py'), OUT],
		{ stdio: 'inherit' },
	);
}
