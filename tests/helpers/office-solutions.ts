/**
 * JS-made solutions of the Word and PowerPoint projects: the start file's content (read from its
 * XML) written again as a finished document with the `docx` package or pptxgenjs, as a learner's
 * file from another application would arrive. Neither library writes custom document properties,
 * so these files carry the attempt key only as the visible line the start file has (the footer in
 * Word, the first slide in PowerPoint), the way a Google Docs or Slides export does. `skip` leaves
 * steps undone (or done wrongly), to test partial credit.
 */
import { strFromU8, unzipSync } from 'fflate';
import {
	AlignmentType,
	CommentRangeEnd,
	CommentRangeStart,
	CommentReference,
	Document,
	Footer,
	HeadingLevel,
	ImageRun,
	InsertedTextRun,
	Packer,
	PageNumber,
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

const decode = (xml: string) =>
	xml
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
const texts = (xml: string) =>
	[...xml.matchAll(/<(?:w|a):t(?: [^>]*)?>([^<]*)<\/(?:w|a):t>/g)]
		.map((m) => decode(m[1]!))
		.join('');

function readPackage(bytes: Uint8Array) {
	const parts = unzipSync(bytes);
	return { parts, text: (p: string) => (parts[p] ? strFromU8(parts[p]) : '') };
}

/** Top-level body blocks of a start document: paragraphs and tables, in order. */
function bodyBlocks(documentXml: string): string[] {
	const body = /<w:body>([\s\S]*)<w:sectPr/.exec(documentXml)![1]!;
	return [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

const footerLine = (pkg: ReturnType<typeof readPackage>) => texts(pkg.text('word/footer1.xml'));

async function solveBuyerGuide(start: Uint8Array, skip: string[]): Promise<Uint8Array> {
	const pkg = readPackage(start);
	const logo = pkg.parts['word/media/image1.png']!;
	const children: (Paragraph | Table | TableOfContents)[] = [];
	for (const block of bodyBlocks(pkg.text('word/document.xml'))) {
		if (block.startsWith('<w:tbl>')) {
			const rows = [...block.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
				[...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => texts(c[1]!)),
			);
			children.push(
				new Table({
					rows: rows.map(
						(cells, i) =>
							new TableRow({
								tableHeader: i === 0 && !skip.includes('table-header'),
								children: cells.map(
									(t) =>
										new TableCell({
											children: [
												new Paragraph({ children: [new TextRun({ text: t, bold: i === 0 })] }),
											],
										}),
								),
							}),
					),
				}),
			);
			continue;
		}
		const text = texts(block);
		if (block.includes('<w:drawing>')) {
			const altText = skip.includes('alt-text')
				? { name: 'Picture 1' }
				: { name: 'Logo', description: 'Nakshi Ghor logo', title: 'Nakshi Ghor' };
			children.push(
				new Paragraph({
					children: [
						new ImageRun({
							type: 'png',
							data: logo,
							transformation: { width: 113, height: 57 },
							altText,
						}),
					],
				}),
			);
		} else if (block.includes('w:val="Title"')) {
			children.push(new Paragraph({ text, heading: HeadingLevel.TITLE }));
		} else if (/<w:b\/><w:sz w:val="(32|26)"/.test(block)) {
			const level = block.includes('w:val="32"') ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2;
			children.push(
				skip.includes('headings')
					? new Paragraph({ children: [new TextRun({ text, bold: true })] })
					: new Paragraph({ text, heading: level }),
			);
		} else {
			children.push(new Paragraph(text));
			if (text.startsWith('Prepared for') && !skip.includes('contents'))
				children.push(
					new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
				);
		}
	}
	const margin = convertMillimetersToTwip(skip.includes('margins') ? 30 : 20);
	const footer = [
		new TextRun(footerLine(pkg)),
		...(skip.includes('page-numbers')
			? []
			: [new TextRun(' · Page '), new TextRun({ children: [PageNumber.CURRENT] })]),
	];
	const doc = new Document({
		creator: 'Learner',
		sections: [
			{
				properties: {
					page: { margin: { top: margin, bottom: margin, left: margin, right: margin } },
				},
				footers: {
					default: new Footer({
						children: [new Paragraph({ alignment: AlignmentType.CENTER, children: footer })],
					}),
				},
				children,
			},
		],
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}

async function solveBuyerLetter(start: Uint8Array, skip: string[]): Promise<Uint8Array> {
	const pkg = readPackage(start);
	// The comment that asks for an undo marks the insertion to reject.
	const undo = [
		...pkg.text('word/comments.xml').matchAll(/<w:comment w:id="(\d+)"[\s\S]*?<\/w:comment>/g),
	]
		.filter((c) => /undo/i.test(texts(c[0])))
		.map((c) => c[1]!);
	const paragraphs = bodyBlocks(pkg.text('word/document.xml')).map((block) => {
		const runs: (
			TextRun | SimpleMailMergeField | InsertedTextRun | CommentRangeStart | CommentRangeEnd
		)[] = [];
		let xml = block.replace(/<w:del [\s\S]*?<\/w:del>/g, '');
		for (const id of undo) {
			const rejected = new RegExp(
				`<w:commentRangeStart w:id="${id}"/>([\\s\\S]*?)<w:commentRangeEnd`,
			).exec(xml);
			if (rejected && skip.includes('changes'))
				runs.push(
					new InsertedTextRun({
						text: texts(rejected[1]!),
						id: 9,
						author: 'Nusrat Jahan',
						date: '2026-03-02T09:30:00Z',
					}),
				);
			if (rejected) xml = xml.replace(rejected[1]!, '');
		}
		const text = texts(xml);
		const pieces = skip.includes('merge-fields') ? [text] : text.split(/\[(FirstName|Shop|City)\]/);
		const body = pieces.map((piece, i) =>
			i % 2 === 1 ? new SimpleMailMergeField(piece) : new TextRun(piece),
		);
		if (skip.includes('comments') && xml.includes('commentRangeStart'))
			return new Paragraph({
				children: [
					new CommentRangeStart(0),
					...body,
					new CommentRangeEnd(0),
					new TextRun({ children: [new CommentReference(0)] }),
					...runs,
				],
			});
		return new Paragraph({ children: [...body, ...runs] });
	});
	const doc = new Document({
		creator: 'Learner',
		comments: skip.includes('comments')
			? {
					children: [
						{
							id: 0,
							author: 'Nusrat Jahan',
							date: new Date('2026-03-02'),
							children: [new Paragraph('Is this date right?')],
						},
					],
				}
			: undefined,
		sections: [
			{
				footers: { default: new Footer({ children: [new Paragraph(footerLine(pkg))] }) },
				children: paragraphs,
			},
		],
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}

interface DraftSlide {
	title: string;
	body: string[];
	footnote: string | null;
	keyLines: string[];
	pictures: { data: string; w: number; h: number }[];
}

function readDeck(start: Uint8Array): DraftSlide[] {
	const pkg = readPackage(start);
	const order = [
		...pkg
			.text('ppt/_rels/presentation.xml.rels')
			.matchAll(/Id="(rId\d+)"[^>]*Target="slides\/(slide\d+\.xml)"/g),
	].sort((a, b) => Number(a[1]!.slice(3)) - Number(b[1]!.slice(3)));
	return order.map(([, , file]) => {
		const xml = pkg.text(`ppt/slides/${file}`);
		const rels = pkg.text(`ppt/slides/_rels/${file}.rels`);
		const shapes = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map((m) => m[0]);
		const lines = (sp: string) =>
			[...sp.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => texts(p[1]!)).filter(Boolean);
		const named = (name: string) => shapes.find((sp) => sp.includes(`name="${name}"`));
		const title =
			texts(shapes.find((sp) => /type="(ctrTitle|title)"/.test(sp)) ?? '') ||
			texts(named('Heading box') ?? '');
		const body = shapes.find((sp) => /<p:ph (type="subTitle" )?idx="1"\/>/.test(sp));
		const pictures = [
			...xml.matchAll(/<p:pic>[\s\S]*?r:embed="(rId\d+)"[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/g),
		].map(([, rel, cx, cy]) => {
			const target = new RegExp(`Id="${rel}"[^>]*Target="\\.\\./media/([^"]+)"`).exec(rels)![1]!;
			return {
				data: `image/png;base64,${Buffer.from(pkg.parts[`ppt/media/${target}`]!).toString('base64')}`,
				w: Number(cx) / 914400,
				h: Number(cy) / 914400,
			};
		});
		return {
			title,
			body: body ? lines(body) : [],
			footnote: named('Footnote') ? texts(named('Footnote')!) : null,
			keyLines: named('Draft note') ? lines(named('Draft note')!) : [],
			pictures,
		};
	});
}

async function solveOfficeLunchDeck(start: Uint8Array, skip: string[]): Promise<Uint8Array> {
	const slides = readDeck(start);
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_16x9';
	const title = {
		placeholder: {
			options: { name: 'title', type: 'title' as const, x: 0.5, y: 0.3, w: 9, h: 1 },
			text: '',
		},
	};
	const body = {
		placeholder: {
			options: { name: 'body', type: 'body' as const, x: 0.5, y: 1.4, w: 6.2, h: 3.2 },
			text: '',
		},
	};
	pptx.defineSlideMaster({ title: 'Title Slide', objects: [title, body] });
	pptx.defineSlideMaster({ title: 'Title and Content', objects: [title, body] });
	if (!skip.includes('closing-slide'))
		slides.push({
			title: 'How to start',
			body: [
				'Call or WhatsApp Sunita',
				'sunita@annapurnatiffins.example',
				'annapurnatiffins.example',
			],
			footnote: null,
			keyLines: [],
			pictures: [],
		});
	slides.forEach((s, i) => {
		const slide = pptx.addSlide({ masterName: i === 0 ? 'Title Slide' : 'Title and Content' });
		const boxedTitle = skip.includes('titles') && i === 1;
		if (boxedTitle) slide.addText(s.title, { x: 0.5, y: 0.3, w: 9, h: 1, fontSize: 32 });
		else slide.addText(s.title, { placeholder: 'title', fontSize: 32 });
		if (s.body.length)
			slide.addText(
				s.body.map((line) => ({ text: line, options: { breakLine: true } })),
				{ placeholder: 'body', fontSize: 20 },
			);
		if (s.footnote)
			slide.addText(s.footnote, {
				x: 0.5,
				y: 4.7,
				w: 6,
				h: 0.4,
				fontSize: skip.includes('text-size') ? 11 : 18,
			});
		if (s.keyLines.length)
			slide.addText(s.keyLines.join(' · '), { x: 0.5, y: 4.9, w: 9, h: 0.5, fontSize: 18 });
		s.pictures.forEach((p, j) => {
			const altText = skip.includes('alt-text')
				? undefined
				: p.w < 2.5
					? 'Annapurna Tiffins logo'
					: 'Photo of a steel thali with sabzi, dal, rice and chapati';
			slide.addImage({
				data: p.data,
				x: 7 + j * 0.1,
				y: 1.4,
				w: Math.min(p.w, 2.8),
				h: Math.min(p.h, 1.9),
				...(altText ? { altText } : {}),
			});
		});
		if (!skip.includes('notes'))
			slide.addNotes('Pause here and ask whether they have questions about this before moving on.');
	});
	return new Uint8Array((await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
}

/** Word and PowerPoint projects completed with the docx package or pptxgenjs. */
export const OFFICE_JS_SOLVERS: Record<
	string,
	(start: Uint8Array, skip: string[]) => Promise<Uint8Array>
> = {
	'buyer-guide': solveBuyerGuide,
	'buyer-letter': solveBuyerLetter,
	'office-lunch-deck': solveOfficeLunchDeck,
};
