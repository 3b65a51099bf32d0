/**
 * PresentationML pieces of the PowerPoint start files: a 16:9 deck with one theme (the client's
 * colours), one slide master and three layouts (Title Slide, Title and Content, Title Only), and
 * slides made of placeholders, text boxes and pictures. Everything a grader reads (titles in
 * title placeholders, `descr` on pictures, run sizes) is written the way PowerPoint writes it.
 */
import {
	appPropsXml,
	contentTypesXml,
	corePropsXml,
	esc,
	NS_A,
	NS_R,
	packageAndStamp,
	relsXml,
	XML_HEAD,
} from './office-package.ts';
import type { StartFileContext } from './types.ts';

const NS_P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const NS = `xmlns:a="${NS_A}" xmlns:r="${NS_R}" xmlns:p="${NS_P}"`;
const PML = 'application/vnd.openxmlformats-officedocument.presentationml';
const GROUP =
	'<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';
const EMU_PER_CM = 360000;

const xfrm = (x: number, y: number, w: number, h: number) =>
	`<a:xfrm><a:off x="${Math.round(x * EMU_PER_CM)}" y="${Math.round(y * EMU_PER_CM)}"/><a:ext cx="${Math.round(w * EMU_PER_CM)}" cy="${Math.round(h * EMU_PER_CM)}"/></a:xfrm>`;

/** Paragraphs of text; `size` in points is written on every run (as PowerPoint does once changed). */
function paragraphs(lines: string[], size?: number): string {
	if (lines.length === 0) return '<a:p><a:endParaRPr lang="en-GB" dirty="0"/></a:p>';
	return lines
		.map(
			(line) =>
				`<a:p><a:r><a:rPr lang="en-GB"${size ? ` sz="${size * 100}"` : ''} dirty="0"/><a:t>${esc(line)}</a:t></a:r></a:p>`,
		)
		.join('');
}

export type SlideShape =
	| {
			kind: 'placeholder';
			type: 'ctrTitle' | 'subTitle' | 'title' | 'body';
			lines: string[];
			size?: number;
			at?: [number, number, number, number];
	  }
	| {
			kind: 'textbox';
			name: string;
			lines: string[];
			size: number;
			at: [number, number, number, number];
	  }
	| { kind: 'picture'; image: string; at: [number, number, number, number] };

export interface Slide {
	layout: 'title' | 'obj' | 'titleOnly';
	shapes: SlideShape[];
}

function shapeXml(shape: SlideShape, id: number, imageRel: (image: string) => string): string {
	if (shape.kind === 'picture') {
		// No descr: the picture has no alt text until the learner writes it.
		return `<p:pic><p:nvPicPr><p:cNvPr id="${id}" name="Picture ${id - 1}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr><p:blipFill><a:blip r:embed="${imageRel(shape.image)}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill><p:spPr>${xfrm(...shape.at)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`;
	}
	if (shape.kind === 'textbox') {
		return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${esc(shape.name)}"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr><p:spPr>${xfrm(...shape.at)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr><p:txBody><a:bodyPr wrap="square" rtlCol="0"><a:spAutoFit/></a:bodyPr><a:lstStyle/>${paragraphs(shape.lines, shape.size)}</p:txBody></p:sp>`;
	}
	const ph =
		shape.type === 'title' || shape.type === 'ctrTitle'
			? `<p:ph type="${shape.type}"/>`
			: shape.type === 'subTitle'
				? '<p:ph type="subTitle" idx="1"/>'
				: '<p:ph idx="1"/>';
	const name =
		shape.type.endsWith('itle') && shape.type !== 'subTitle'
			? 'Title'
			: shape.type === 'subTitle'
				? 'Subtitle'
				: 'Content Placeholder';
	return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name} ${id - 1}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${ph}</p:nvPr></p:nvSpPr>${shape.at ? `<p:spPr>${xfrm(...shape.at)}</p:spPr>` : '<p:spPr/>'}<p:txBody><a:bodyPr/><a:lstStyle/>${paragraphs(shape.lines, shape.size)}</p:txBody></p:sp>`;
}

const THEME = `${XML_HEAD}<a:theme xmlns:a="${NS_A}" name="Annapurna"><a:themeElements><a:clrScheme name="Annapurna"><a:dk1><a:srgbClr val="222222"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="2E5E4E"/></a:dk2><a:lt2><a:srgbClr val="FFF8EC"/></a:lt2><a:accent1><a:srgbClr val="E8871E"/></a:accent1><a:accent2><a:srgbClr val="2E5E4E"/></a:accent2><a:accent3><a:srgbClr val="A5A5A5"/></a:accent3><a:accent4><a:srgbClr val="FFC000"/></a:accent4><a:accent5><a:srgbClr val="5B9BD5"/></a:accent5><a:accent6><a:srgbClr val="70AD47"/></a:accent6><a:hlink><a:srgbClr val="0563C1"/></a:hlink><a:folHlink><a:srgbClr val="954F72"/></a:folHlink></a:clrScheme><a:fontScheme name="Annapurna"><a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="Office"><a:fillStyleLst>${'<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'.repeat(3)}</a:fillStyleLst><a:lnStyleLst>${'<a:ln w="6350" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/></a:ln>'.repeat(3)}</a:lnStyleLst><a:effectStyleLst>${'<a:effectStyle><a:effectLst/></a:effectStyle>'.repeat(3)}</a:effectStyleLst><a:bgFillStyleLst>${'<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'.repeat(3)}</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>`;

const CLR_MAP =
	'<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>';
const PROMPT = (text: string) => `<a:p><a:r><a:rPr lang="en-GB"/><a:t>${text}</a:t></a:r></a:p>`;
const masterPh = (
	id: number,
	name: string,
	ph: string,
	at: string,
	prompt: string,
	lstStyle = '',
) =>
	`<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>${ph}</p:nvPr></p:nvSpPr><p:spPr>${at}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr/><a:lstStyle>${lstStyle}</a:lstStyle>${PROMPT(prompt)}</p:txBody></p:sp>`;

const MASTER = `${XML_HEAD}<p:sldMaster ${NS}><p:cSld><p:bg><p:bgPr><a:solidFill><a:schemeClr val="bg2"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>${GROUP}${masterPh(2, 'Title Placeholder 1', '<p:ph type="title"/>', xfrm(2.3, 1, 29.2, 3.7), 'Click to edit Master title style')}${masterPh(3, 'Text Placeholder 2', '<p:ph type="body" idx="1"/>', xfrm(2.3, 5.1, 29.2, 12), 'Click to edit Master text styles')}</p:spTree></p:cSld>${CLR_MAP}<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/><p:sldLayoutId id="2147483650" r:id="rId2"/><p:sldLayoutId id="2147483651" r:id="rId3"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle><a:lvl1pPr algn="l"><a:defRPr sz="4000" b="1"><a:solidFill><a:schemeClr val="tx2"/></a:solidFill><a:latin typeface="+mj-lt"/></a:defRPr></a:lvl1pPr></p:titleStyle><p:bodyStyle><a:lvl1pPr marL="228600" indent="-228600"><a:buFont typeface="Arial"/><a:buChar char="•"/><a:defRPr sz="2400"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mn-lt"/></a:defRPr></a:lvl1pPr></p:bodyStyle><p:otherStyle><a:lvl1pPr><a:defRPr sz="1800"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill></a:defRPr></a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>`;

const LAYOUTS: Array<[string, string, string]> = [
	[
		'title',
		'Title Slide',
		masterPh(
			2,
			'Title 1',
			'<p:ph type="ctrTitle"/>',
			xfrm(4.2, 4, 25.4, 5.5),
			'Click to edit Master title style',
		) +
			masterPh(
				3,
				'Subtitle 2',
				'<p:ph type="subTitle" idx="1"/>',
				xfrm(4.2, 10, 25.4, 3.5),
				'Click to edit Master subtitle style',
				'<a:lvl1pPr marL="0" indent="0" algn="ctr"><a:buNone/><a:defRPr sz="2400"/></a:lvl1pPr>',
			),
	],
	[
		'obj',
		'Title and Content',
		masterPh(2, 'Title 1', '<p:ph type="title"/>', '', 'Click to edit Master title style') +
			masterPh(
				3,
				'Content Placeholder 2',
				'<p:ph idx="1"/>',
				'',
				'Click to edit Master text styles',
			),
	],
	[
		'titleOnly',
		'Title Only',
		masterPh(2, 'Title 1', '<p:ph type="title"/>', '', 'Click to edit Master title style'),
	],
];

/** The .pptx package of a start file with the stamped key. */
export function buildDeckPackage(
	title: string,
	slides: Slide[],
	images: Record<string, Uint8Array>,
	ctx: StartFileContext,
): Uint8Array {
	const parts: Record<string, string | Uint8Array> = {
		'ppt/theme/theme1.xml': THEME,
		'ppt/slideMasters/slideMaster1.xml': MASTER,
		'ppt/slideMasters/_rels/slideMaster1.xml.rels': relsXml([
			...LAYOUTS.map((_, i): [string, string, string] => [
				`rId${i + 1}`,
				'slideLayout',
				`../slideLayouts/slideLayout${i + 1}.xml`,
			]),
			['rId9', 'theme', '../theme/theme1.xml'],
		]),
		'ppt/presProps.xml': `${XML_HEAD}<p:presentationPr ${NS}/>`,
		'ppt/tableStyles.xml': `${XML_HEAD}<a:tblStyleLst xmlns:a="${NS_A}" def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>`,
		'docProps/core.xml': corePropsXml(title, ctx.learnerName),
		'docProps/app.xml': appPropsXml('Dakshata'),
		'_rels/.rels': relsXml([
			['rId1', 'officeDocument', 'ppt/presentation.xml'],
			[
				'rId2',
				'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
				'docProps/core.xml',
			],
			['rId3', 'extended-properties', 'docProps/app.xml'],
		]),
	};
	const overrides: Array<[string, string]> = [
		['/ppt/presentation.xml', `${PML}.presentation.main+xml`],
		['/ppt/slideMasters/slideMaster1.xml', `${PML}.slideMaster+xml`],
		['/ppt/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml'],
		['/ppt/presProps.xml', `${PML}.presProps+xml`],
		['/ppt/tableStyles.xml', `${PML}.tableStyles+xml`],
	];
	LAYOUTS.forEach(([type, name, shapes], i) => {
		parts[`ppt/slideLayouts/slideLayout${i + 1}.xml`] =
			`${XML_HEAD}<p:sldLayout ${NS} type="${type}" preserve="1"><p:cSld name="${name}"><p:spTree>${GROUP}${shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`;
		parts[`ppt/slideLayouts/_rels/slideLayout${i + 1}.xml.rels`] = relsXml([
			['rId1', 'slideMaster', '../slideMasters/slideMaster1.xml'],
		]);
		overrides.push([`/ppt/slideLayouts/slideLayout${i + 1}.xml`, `${PML}.slideLayout+xml`]);
	});
	for (const [name, bytes] of Object.entries(images)) parts[`ppt/media/${name}.png`] = bytes;
	slides.forEach((slide, i) => {
		const rels: Array<[string, string, string]> = [
			[
				'rId1',
				'slideLayout',
				`../slideLayouts/slideLayout${LAYOUTS.findIndex(([type]) => type === slide.layout) + 1}.xml`,
			],
		];
		const imageRel = (image: string) => {
			const found = rels.find(([, , target]) => target === `../media/${image}.png`);
			if (found) return found[0];
			rels.push([`rId${rels.length + 1}`, 'image', `../media/${image}.png`]);
			return `rId${rels.length}`;
		};
		const shapes = slide.shapes.map((shape, j) => shapeXml(shape, j + 2, imageRel)).join('');
		parts[`ppt/slides/slide${i + 1}.xml`] =
			`${XML_HEAD}<p:sld ${NS}><p:cSld><p:spTree>${GROUP}${shapes}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`;
		parts[`ppt/slides/_rels/slide${i + 1}.xml.rels`] = relsXml(rels);
		overrides.push([`/ppt/slides/slide${i + 1}.xml`, `${PML}.slide+xml`]);
	});
	parts['ppt/presentation.xml'] =
		`${XML_HEAD}<p:presentation ${NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>${slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${10 + i}"/>`).join('')}</p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`;
	parts['ppt/_rels/presentation.xml.rels'] = relsXml([
		['rId1', 'slideMaster', 'slideMasters/slideMaster1.xml'],
		['rId2', 'theme', 'theme/theme1.xml'],
		['rId3', 'presProps', 'presProps.xml'],
		['rId4', 'tableStyles', 'tableStyles.xml'],
		...slides.map((_, i): [string, string, string] => [
			`rId${10 + i}`,
			'slide',
			`slides/slide${i + 1}.xml`,
		]),
	]);
	parts['[Content_Types].xml'] = contentTypesXml(overrides);
	return packageAndStamp(parts, ctx.attemptKey);
}
