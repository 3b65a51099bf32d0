/**
 * The size a PowerPoint text run is shown at, for `pptx.min-font-size`.
 *
 * A run without its own `sz` takes its size from the first of these that gives one, for the run's
 * paragraph level (`a:pPr lvl`, 0–8 → `a:lvl1pPr`…`a:lvl9pPr`):
 * 1. the run's `a:rPr sz`;
 * 2. the shape's own list style (`a:lstStyle` in its `p:txBody`);
 * 3. for a placeholder: the matching placeholder on the slide layout (same `idx`, else same type),
 *    then on the slide master (by type: titles to `title`, dates/footers/slide numbers as they are,
 *    everything else to `body`), then the master's `p:txStyles` (`titleStyle` for titles,
 *    `otherStyle` for date, footer, header and slide number, `bodyStyle` for the rest);
 * 4. the presentation's `p:defaultTextStyle` (a plain text box or table cell goes here straight
 *    from its own list style, as PowerPoint does);
 * 5. 18 pt, PowerPoint's built-in default.
 * "Shrink text on overflow" (`a:normAutofit fontScale`) then scales what the learner sees.
 *
 * Why this reads XML directly: no maintained JavaScript library reads PresentationML (pptxgenjs
 * only writes), and the inheritance chain spans four parts (slide, layout, master, presentation)
 * that only the raw parts expose. A master that makes body text 12 pt shows 12 pt text on every
 * slide whose runs carry no size, so reading `a:rPr sz` alone let such a deck pass.
 */
import type { OfficeFile } from '../ooxml.ts';
import { findAll, findFirst, getAttr, getChild, getDeepText, type XmlNode } from '../xml.ts';
import { getMainPart } from './docx-reader.ts';
import { getPartXml, getRels } from './xlsx-reader.ts';

/** PowerPoint's size for text nothing else sizes, in points. */
const DEFAULT_PT = 18;

interface Placeholder {
	type: string;
	idx: string | null;
}

/** The placeholder of a shape (`type` defaults to `obj`, as the schema says), or null. */
function getPlaceholder(shape: XmlNode): Placeholder | null {
	const nv = getChild(shape, 'nvSpPr');
	const ph = nv ? findFirst(nv, 'ph') : null;
	return ph ? { type: getAttr(ph, 'type') ?? 'obj', idx: getAttr(ph, 'idx') ?? null } : null;
}

/** The list style in a shape's (or table cell's) own text body. */
function getListStyle(shape: XmlNode | null): XmlNode | null {
	const body = shape ? getChild(shape, 'txBody') : null;
	return body ? getChild(body, 'lstStyle') : null;
}

function getPlaceholderShapes(root: XmlNode | null): Array<{ shape: XmlNode; ph: Placeholder }> {
	if (!root) return [];
	return findAll(root, 'sp').flatMap((shape) => {
		const ph = getPlaceholder(shape);
		return ph ? [{ shape, ph }] : [];
	});
}

const TITLE_TYPES = new Set(['title', 'ctrTitle']);
const OTHER_TYPES = new Set(['dt', 'ftr', 'sldNum', 'hdr']);

/** The master placeholder type a layout or slide placeholder inherits from. */
function getMasterType(type: string): string {
	if (TITLE_TYPES.has(type)) return 'title';
	return OTHER_TYPES.has(type) ? type : 'body';
}

function getRelatedPath(file: OfficeFile, part: string, type: string): string | null {
	return [...getRels(file, part).values()].find((rel) => rel.type === type)?.target ?? null;
}

/** The list styles a slide's text inherits from, found once per slide. */
interface SlideStyles {
	layout: XmlNode | null;
	master: XmlNode | null;
	presentationDefault: XmlNode | null;
}

function getSlideStyles(file: OfficeFile, slidePath: string): SlideStyles {
	const layoutPath = getRelatedPath(file, slidePath, 'slideLayout');
	const masterPath = layoutPath ? getRelatedPath(file, layoutPath, 'slideMaster') : null;
	const presentation = getPartXml(file, getMainPart(file));
	return {
		layout: layoutPath ? getPartXml(file, layoutPath) : null,
		master: masterPath ? getPartXml(file, masterPath) : null,
		presentationDefault: presentation ? getChild(presentation, 'defaultTextStyle') : null,
	};
}

/** The list styles the text of a shape (or table cell) inherits from, nearest first. */
function getStyleChain(shape: XmlNode, styles: SlideStyles): Array<XmlNode | null> {
	const ph = getPlaceholder(shape);
	if (!ph) return [getListStyle(shape), styles.presentationDefault];
	const layoutShapes = getPlaceholderShapes(styles.layout);
	const onLayout =
		(ph.idx !== null ? layoutShapes.find((s) => s.ph.idx === ph.idx) : undefined) ??
		layoutShapes.find((s) => s.ph.type === ph.type);
	const masterType = getMasterType(onLayout?.ph.type ?? ph.type);
	const onMaster = getPlaceholderShapes(styles.master).find(
		(s) => getMasterType(s.ph.type) === masterType,
	);
	const txStyles = styles.master ? getChild(styles.master, 'txStyles') : null;
	const styleName =
		masterType === 'title'
			? 'titleStyle'
			: OTHER_TYPES.has(masterType)
				? 'otherStyle'
				: 'bodyStyle';
	return [
		getListStyle(shape),
		getListStyle(onLayout?.shape ?? null),
		getListStyle(onMaster?.shape ?? null),
		txStyles ? getChild(txStyles, styleName) : null,
		styles.presentationDefault,
	];
}

/** The size (pt) a list-style chain gives paragraph level `level` (0-based). */
function getInheritedSize(chain: Array<XmlNode | null>, level: number): number {
	for (const listStyle of chain) {
		if (!listStyle) continue;
		const levelProps = getChild(listStyle, `lvl${level + 1}pPr`) ?? getChild(listStyle, 'defPPr');
		const defRPr = levelProps ? getChild(levelProps, 'defRPr') : null;
		const size = defRPr ? getAttr(defRPr, 'sz') : undefined;
		if (size && Number.isFinite(Number(size))) return Number(size) / 100;
	}
	return DEFAULT_PT;
}

/** Sizes (pt, as shown) of the non-blank text runs of one text body. */
function getBodyRunSizes(body: XmlNode, chain: Array<XmlNode | null>): number[] {
	// "Shrink text on overflow" stores a scale; the learner sees the scaled size.
	const autofit = findFirst(getChild(body, 'bodyPr') ?? body, 'normAutofit');
	const scale = Number(autofit ? (getAttr(autofit, 'fontScale') ?? 100000) : 100000) / 100000;
	const sizes: number[] = [];
	for (const paragraph of findAll(body, 'p')) {
		const pPr = getChild(paragraph, 'pPr');
		const level = Math.min(8, Math.max(0, Number(pPr ? (getAttr(pPr, 'lvl') ?? 0) : 0) || 0));
		for (const run of findAll(paragraph, 'r')) {
			if (getDeepText(run).trim() === '') continue;
			const rPr = getChild(run, 'rPr');
			const own = rPr ? getAttr(rPr, 'sz') : undefined;
			const pt = own ? Number(own) / 100 : getInheritedSize(chain, level);
			sizes.push(pt * scale);
		}
	}
	return sizes;
}

/**
 * The size in points each non-blank text run of a slide is shown at (shapes, grouped shapes and
 * table cells), following the inheritance chain described at the top of this module.
 */
export function getSlideRunSizes(file: OfficeFile, slidePath: string, slide: XmlNode): number[] {
	const styles = getSlideStyles(file, slidePath);
	const sizes: number[] = [];
	for (const shape of findAll(slide, 'sp')) {
		const body = getChild(shape, 'txBody');
		if (body) sizes.push(...getBodyRunSizes(body, getStyleChain(shape, styles)));
	}
	for (const cell of findAll(slide, 'tc')) {
		const body = getChild(cell, 'txBody');
		if (body) sizes.push(...getBodyRunSizes(body, getStyleChain(cell, styles)));
	}
	return sizes;
}
