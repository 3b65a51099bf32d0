/**
 * Reading WordprocessingML for the docx checks: the main document, its styles, headers/footers and
 * fields. No maintained library reads Word documents for styles, fields or tracked changes (the
 * `docx` package only writes), so these helpers query the parts parsed by `xml.ts`.
 */
import type { OfficeFile } from '../ooxml.ts';
import { findAll, getAttr, getChild, getChildren, type XmlNode } from '../xml.ts';
import { getPartXml, getRels, resolveTarget } from './xlsx-reader.ts';

const mainPartCache = new WeakMap<OfficeFile, string>();

/** Path of the main document part (normally `word/document.xml`), from the package relationships. */
export function getMainPart(file: OfficeFile): string {
	const cached = mainPartCache.get(file);
	if (cached !== undefined) return cached;
	const root = getPartXml(file, '_rels/.rels');
	const rel = root
		? getChildren(root, 'Relationship').find((r) =>
				(getAttr(r, 'Type') ?? '').endsWith('/officeDocument'),
			)
		: undefined;
	const main = rel ? resolveTarget('', getAttr(rel, 'Target') ?? '') : 'word/document.xml';
	mainPartCache.set(file, main);
	return main;
}

/** The main document's root element. */
export function getDocument(file: OfficeFile): XmlNode {
	const root = getPartXml(file, getMainPart(file));
	if (!root) throw new Error('The document has no main part.');
	return root;
}

/** Parts of one relationship type from the main document (`header`, `footer`, `footnotes`…). */
export function getRelatedParts(file: OfficeFile, type: string): XmlNode[] {
	const main = getMainPart(file);
	return [...getRels(file, main).values()]
		.filter((rel) => rel.type === type)
		.map((rel) => getPartXml(file, rel.target))
		.filter((node): node is XmlNode => node !== null);
}

interface StyleInfo {
	name: string;
	basedOn: string | null;
	outlineLevel: number | null;
	bold: boolean;
}

const styleCache = new WeakMap<OfficeFile, Map<string, StyleInfo>>();

function getStyles(file: OfficeFile): Map<string, StyleInfo> {
	const cached = styleCache.get(file);
	if (cached) return cached;
	const styles = new Map<string, StyleInfo>();
	const main = getMainPart(file);
	const stylesPath =
		[...getRels(file, main).values()].find((rel) => rel.type === 'styles')?.target ??
		'word/styles.xml';
	const root = getPartXml(file, stylesPath);
	for (const style of root ? getChildren(root, 'style') : []) {
		const pPr = getChild(style, 'pPr');
		const level = pPr ? getChild(pPr, 'outlineLvl') : null;
		const rPr = getChild(style, 'rPr');
		styles.set(getAttr(style, 'styleId') ?? '', {
			name: getAttr(getChild(style, 'name') ?? style, 'val') ?? '',
			basedOn: getAttr(getChild(style, 'basedOn') ?? style, 'val') ?? null,
			outlineLevel: level ? Number(getAttr(level, 'val')) : null,
			bold: rPr ? isOn(getChild(rPr, 'b')) : false,
		});
	}
	styleCache.set(file, styles);
	return styles;
}

/** True for an on/off property element that is present and not switched off (`w:val="0"`). */
export function isOn(node: XmlNode | null): boolean {
	return node !== null && !/^(0|false|off)$/.test(getAttr(node, 'val') ?? '');
}

/** The paragraph's style chain, nearest first (at most 10 steps, against loops). */
function getStyleChain(file: OfficeFile, paragraph: XmlNode): StyleInfo[] {
	const styles = getStyles(file);
	const pPr = getChild(paragraph, 'pPr');
	let id: string | null = pPr ? (getAttr(getChild(pPr, 'pStyle') ?? pPr, 'val') ?? null) : null;
	const chain: StyleInfo[] = [];
	for (let i = 0; id && i < 10; i++) {
		const style = styles.get(id);
		if (!style) break;
		chain.push(style);
		id = style.basedOn;
	}
	return chain;
}

/**
 * The heading level (1–9) of a paragraph: from a built-in "heading N" style in its chain (Word,
 * LibreOffice and Google Docs all name them so), else an outline level; null for body text.
 */
export function getHeadingLevel(file: OfficeFile, paragraph: XmlNode): number | null {
	for (const style of getStyleChain(file, paragraph)) {
		const match = /^heading\s*(\d)$/i.exec(style.name.trim());
		if (match) return Number(match[1]);
		if (style.outlineLevel !== null && style.outlineLevel < 9) return style.outlineLevel + 1;
	}
	const pPr = getChild(paragraph, 'pPr');
	const level = pPr ? getChild(pPr, 'outlineLvl') : null;
	const n = level ? Number(getAttr(level, 'val')) : NaN;
	return n >= 0 && n < 9 ? n + 1 : null;
}

const BODY_STYLES =
	/^(normal|default|standard|body text|text body|default paragraph style|plain text)$/i;

/**
 * True for a heading faked with formatting: a body-text paragraph (no style, or Normal/Body Text)
 * whose every run with text is made bold by hand. Bold that comes from a style (a "TOC Heading",
 * a "Caption") is the author's choice of style and is not counted.
 */
export function isFakeHeading(file: OfficeFile, paragraph: XmlNode): boolean {
	const chain = getStyleChain(file, paragraph);
	if (chain.length > 0 && !BODY_STYLES.test(chain[0]!.name.trim())) return false;
	const runs = findAll(paragraph, 'r').filter((run) =>
		getChildren(run, 't').some((t) => t.text.trim() !== ''),
	);
	return (
		runs.length > 0 &&
		runs.every((run) => {
			const rPr = getChild(run, 'rPr');
			return isOn(rPr ? getChild(rPr, 'b') : null);
		})
	);
}

/** Visible text of a paragraph or any element (deleted text left out). */
export function getVisibleText(node: XmlNode): string {
	return findAll(node, 't')
		.map((t) => t.text)
		.join('');
}

/** Paragraphs of the body, in order (including those in tables). */
export function getParagraphs(file: OfficeFile): XmlNode[] {
	return findAll(getChild(getDocument(file), 'body') ?? getDocument(file), 'p');
}

/**
 * Instructions of every field in an element, in order: simple fields (`w:fldSimple w:instr`) and
 * complex fields (`w:instrText` runs between `begin` and `separate`, possibly split over runs).
 */
export function getFieldInstructions(root: XmlNode): string[] {
	const out: string[] = [];
	const stack: string[] = [];
	const walk = (node: XmlNode) => {
		if (node.name === 'fldSimple') out.push(getAttr(node, 'instr') ?? '');
		if (node.name === 'fldChar') {
			const type = getAttr(node, 'fldCharType');
			if (type === 'begin') stack.push('');
			else if (
				(type === 'separate' || type === 'end') &&
				stack.length > 0 &&
				stack[stack.length - 1] !== '\u0000'
			) {
				out.push(stack.pop()!);
				if (type === 'separate') stack.push('\u0000');
			} else if (type === 'end') stack.pop();
		}
		if (node.name === 'instrText' && stack.length > 0 && stack[stack.length - 1] !== '\u0000')
			stack[stack.length - 1] += node.text;
		node.children.forEach(walk);
	};
	walk(root);
	return out.map((instr) => instr.trim());
}
