/**
 * WordprocessingML pieces of the Word start files: styles (Normal, Title, Heading 1–2, Table
 * Grid — the built-in names every application maps), paragraphs and runs, a real table, an inline
 * picture, a footer that names the learner and shows the attempt key (Google Docs drops custom
 * properties, the footer line survives), comments, and the package around them.
 */
import {
	appPropsXml,
	contentTypesXml,
	corePropsXml,
	esc,
	NS_A,
	NS_PIC,
	NS_R,
	packageAndStamp,
	relsXml,
	XML_HEAD,
} from './office-package.ts';
import type { StartFileContext } from './types.ts';

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const DOC_NS = `xmlns:w="${NS_W}" xmlns:r="${NS_R}" xmlns:wp="${NS_WP}" xmlns:a="${NS_A}" xmlns:pic="${NS_PIC}"`;

export interface RunOptions {
	bold?: boolean;
	/** Size in points. */
	size?: number;
}

/** A run of text (spaces kept). */
export function run(text: string, options: RunOptions = {}): string {
	const rPr = `${options.bold ? '<w:b/>' : ''}${options.size ? `<w:sz w:val="${options.size * 2}"/><w:szCs w:val="${options.size * 2}"/>` : ''}`;
	return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A paragraph of runs (strings are plain runs), optionally in a style. */
export function para(content: string | string[], style?: string): string {
	const runs = (Array.isArray(content) ? content : [content])
		.map((c) => (c.startsWith('<') ? c : run(c)))
		.join('');
	return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}${runs}</w:p>`;
}

/** A heading faked the way messy drafts do it: body text, bold, bigger. */
export const fakeHeading = (text: string, size: number) => para([run(text, { bold: true, size })]);

/** A real table in Table Grid with a first row in bold, but no repeating header row. */
export function table(rows: string[][], widthsTwips: number[]): string {
	const grid = widthsTwips.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
	const body = rows
		.map(
			(cells, r) =>
				`<w:tr>${cells.map((text, c) => `<w:tc><w:tcPr><w:tcW w:w="${widthsTwips[c]}" w:type="dxa"/></w:tcPr><w:p>${c > 1 ? '<w:pPr><w:jc w:val="right"/></w:pPr>' : ''}${run(text, { bold: r === 0 })}</w:p></w:tc>`).join('')}</w:tr>`,
		)
		.join('');
	return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`;
}

/** An inline picture (relationship `rId`) with no alt text: `descr` is left empty on purpose. */
export function picture(
	relId: string,
	id: number,
	name: string,
	widthCm: number,
	heightCm: number,
): string {
	const cx = Math.round(widthCm * 360000);
	const cy = Math.round(heightCm * 360000);
	return `<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${id}" name="${esc(name)}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="${NS_PIC}"><pic:pic><pic:nvPicPr><pic:cNvPr id="${id}" name="${esc(name)}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${relId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
}

const STYLES = `${XML_HEAD}<w:styles xmlns:w="${NS_W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:sz w:val="48"/><w:szCs w:val="48"/><w:color w:val="1F3864"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="2E5E4E"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>
</w:styles>`;

const SETTINGS = `${XML_HEAD}<w:settings xmlns:w="${NS_W}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

export interface WordDocument {
	title: string;
	/** Body XML (paragraphs and tables). */
	body: string;
	/** Page margins in centimetres. */
	marginCm: number;
	/** Pictures by relationship id (`rIdImage1`…). */
	images?: Record<string, Uint8Array>;
	/** Comments: id → [author, text]; the body marks their ranges. */
	comments?: Array<{ id: number; author: string; text: string }>;
}

/** A comment's range and its reference around some runs. */
export function commented(id: number, runs: string): string {
	return `<w:commentRangeStart w:id="${id}"/>${runs}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
}

/** A tracked insertion or deletion by the client. */
export function tracked(kind: 'ins' | 'del', id: number, author: string, text: string): string {
	const t =
		kind === 'ins'
			? `<w:t xml:space="preserve">${esc(text)}</w:t>`
			: `<w:delText xml:space="preserve">${esc(text)}</w:delText>`;
	return `<w:${kind} w:id="${id}" w:author="${esc(author)}" w:date="2026-03-02T09:30:00Z"><w:r>${t}</w:r></w:${kind}>`;
}

/** The .docx package of a start file, with the learner's footer line and the stamped key. */
export function buildWordPackage(doc: WordDocument, ctx: StartFileContext): Uint8Array {
	const twips = Math.round((doc.marginCm * 1440) / 2.54);
	const footer = `${XML_HEAD}<w:ftr ${DOC_NS}><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>${run(`Prepared by ${ctx.learnerName} · Attempt key ${ctx.attemptKey}`)}</w:p></w:ftr>`;
	const sectPr = `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="${twips}" w:right="${twips}" w:bottom="${twips}" w:left="${twips}" w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>`;
	const document = `${XML_HEAD}<w:document ${DOC_NS}><w:body>${doc.body}${sectPr}</w:body></w:document>`;
	const rels: Array<[string, string, string]> = [
		['rIdStyles', 'styles', 'styles.xml'],
		['rIdSettings', 'settings', 'settings.xml'],
		['rIdFooter1', 'footer', 'footer1.xml'],
	];
	const parts: Record<string, string | Uint8Array> = {
		'word/document.xml': document,
		'word/styles.xml': STYLES,
		'word/settings.xml': SETTINGS,
		'word/footer1.xml': footer,
		'docProps/core.xml': corePropsXml(doc.title, ctx.learnerName),
		'docProps/app.xml': appPropsXml('Dakshata'),
		'_rels/.rels': relsXml([
			['rId1', 'officeDocument', 'word/document.xml'],
			[
				'rId2',
				'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
				'docProps/core.xml',
			],
			['rId3', 'extended-properties', 'docProps/app.xml'],
		]),
	};
	const overrides: Array<[string, string]> = [
		[
			'/word/document.xml',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
		],
		[
			'/word/styles.xml',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml',
		],
		[
			'/word/settings.xml',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml',
		],
		[
			'/word/footer1.xml',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
		],
	];
	for (const [id, bytes] of Object.entries(doc.images ?? {})) {
		const name = `media/${id.replace(/^rId/, '').toLowerCase()}.png`;
		parts[`word/${name}`] = bytes;
		rels.push([id, 'image', name]);
	}
	if (doc.comments?.length) {
		parts['word/comments.xml'] = `${XML_HEAD}<w:comments ${DOC_NS}>${doc.comments
			.map(
				(c) =>
					`<w:comment w:id="${c.id}" w:author="${esc(c.author)}" w:date="2026-03-02T09:30:00Z" w:initials="${esc(
						c.author
							.split(' ')
							.map((w) => w[0])
							.join(''),
					)}"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>${run(c.text)}</w:p></w:comment>`,
			)
			.join('')}</w:comments>`;
		rels.push(['rIdComments', 'comments', 'comments.xml']);
		overrides.push([
			'/word/comments.xml',
			'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
		]);
	}
	parts['word/_rels/document.xml.rels'] = relsXml(rels);
	parts['[Content_Types].xml'] = contentTypesXml(overrides);
	return packageAndStamp(parts, ctx.attemptKey);
}
