/**
 * pptx checks: slide count, titles, picture alt text, speaker notes, layouts, smallest text (with
 * the size each run inherits, see pptx-text-size.ts).
 * No maintained library reads PresentationML (pptxgenjs only writes), so these read the parts:
 * `ppt/presentation.xml` gives the slides in order, each slide's relationships give its layout and
 * notes page.
 */
import { z } from 'zod';
import type { OfficeFile } from '../ooxml.ts';
import { findAll, findFirst, getAttr, getChild, type XmlNode } from '../xml.ts';
import { getMainPart, getVisibleText } from './docx-reader.ts';
import type { CheckDefinition } from './types.ts';
import { fail, isMeaningfulAltText, normaliseText, pass } from './outcome.ts';
import { getSlideRunSizes } from './pptx-text-size.ts';
import { getPartXml, getRels } from './xlsx-reader.ts';

interface Slide {
	number: number;
	path: string;
	root: XmlNode;
}

/** Slides in presentation order (hidden ones included). */
function getSlides(file: OfficeFile): Slide[] {
	const main = getMainPart(file);
	const root = getPartXml(file, main);
	if (!root) throw new Error('The presentation has no main part.');
	const rels = getRels(file, main);
	return findAll(getChild(root, 'sldIdLst') ?? root, 'sldId')
		.map((id) => rels.get(getAttr(id, 'r:id') ?? '')?.target ?? '')
		.map((path, i) => ({ number: i + 1, path, root: getPartXml(file, path)! }))
		.filter((slide) => slide.root !== null);
}

/** The placeholder type of a shape (`title`, `ctrTitle`, `body`…), or null for a plain shape. */
function getPlaceholderType(shape: XmlNode): string | null {
	const ph = findFirst(shape, 'ph');
	return ph ? (getAttr(ph, 'type') ?? 'obj') : null;
}

function getSlideTitle(slide: Slide): string {
	const shapes = findAll(slide.root, 'sp').filter((sp) =>
		/^(title|ctrTitle)$/.test(getPlaceholderType(sp) ?? ''),
	);
	return shapes
		.map((sp) => getVisibleText(sp))
		.join(' ')
		.trim();
}

const CountParams = z.strictObject({
	min: z.number().int().min(0).optional(),
	max: z.number().int().min(0).optional(),
});

const slideCount: CheckDefinition<z.infer<typeof CountParams>> = {
	type: 'pptx.slide-count',
	kind: 'pptx',
	params: CountParams,
	run({ file }, params) {
		const count = getSlides(file).length;
		if (params.min !== undefined && count < params.min)
			return fail('check.slideCount.tooFew', { min: params.min, count });
		if (params.max !== undefined && count > params.max)
			return fail('check.slideCount.tooMany', { max: params.max, count });
		return pass('check.slideCount.pass');
	},
};

const SlidesParam = z.array(z.number().int().min(1)).optional();

const TitleParams = z.strictObject({
	/** Slides (1-based) that need a title; omitted: every slide. */
	slides: SlidesParam,
});

const slideTitles: CheckDefinition<z.infer<typeof TitleParams>> = {
	type: 'pptx.slide-titles',
	kind: 'pptx',
	params: TitleParams,
	run({ file }, params) {
		const slides = getSlides(file).filter(
			(slide) => !params.slides || params.slides.includes(slide.number),
		);
		if (slides.length === 0) return fail('check.slideCount.tooFew', { min: 1, count: 0 });
		const missing = slides
			.filter((slide) => getSlideTitle(slide) === '')
			.map((slide) => slide.number);
		if (missing.length === 0) return pass('check.slideTitles.pass');
		return fail(
			'check.slideTitles.missing',
			{ slides: missing.join(', ') },
			1 - missing.length / slides.length,
		);
	},
};

const PictureParams = z.strictObject({
	/** Fewest pictures the deck must have. Default 1. */
	minPictures: z.number().int().min(0).default(1),
});

const pictureAltText: CheckDefinition<z.infer<typeof PictureParams>> = {
	type: 'pptx.picture-alt-text',
	kind: 'pptx',
	params: PictureParams,
	run({ file }, params) {
		const pictures = getSlides(file).flatMap((slide) =>
			findAll(slide.root, 'pic').map((pic) => ({ slide: slide.number, pic })),
		);
		if (pictures.length < params.minPictures)
			return fail('check.altText.noImages', { count: params.minPictures });
		const missing = pictures.filter(({ pic }) => {
			const cNvPr = findFirst(pic, 'cNvPr');
			return (
				!cNvPr ||
				!(
					isMeaningfulAltText(getAttr(cNvPr, 'descr')) ||
					isMeaningfulAltText(getAttr(cNvPr, 'title'))
				)
			);
		});
		if (missing.length === 0) return pass('check.altText.pass');
		return fail(
			'check.altText.slides',
			{ slides: [...new Set(missing.map((m) => m.slide))].join(', ') },
			1 - missing.length / pictures.length,
		);
	},
};

/** Speaker-notes text of a slide: the notes page's body placeholder (not the slide image or number). */
function getNotes(file: OfficeFile, slide: Slide): string {
	const notesPath = [...getRels(file, slide.path).values()].find(
		(rel) => rel.type === 'notesSlide',
	)?.target;
	const notes = notesPath ? getPartXml(file, notesPath) : null;
	if (!notes) return '';
	return findAll(notes, 'sp')
		.filter(
			(sp) => (getPlaceholderType(sp) ?? 'body') === 'body' || getPlaceholderType(sp) === 'obj',
		)
		.map((sp) => getVisibleText(sp))
		.join(' ')
		.trim();
}

const NotesParams = z.strictObject({
	/** Slides (1-based) that need notes; omitted: every slide. */
	slides: SlidesParam,
	/** Fewest words of notes per slide. Default 5. */
	minWords: z.number().int().min(1).default(5),
});

const speakerNotes: CheckDefinition<z.infer<typeof NotesParams>> = {
	type: 'pptx.speaker-notes',
	kind: 'pptx',
	params: NotesParams,
	run({ file }, params) {
		const slides = getSlides(file).filter(
			(slide) => !params.slides || params.slides.includes(slide.number),
		);
		const missing = slides
			.filter(
				(slide) => getNotes(file, slide).split(/\s+/).filter(Boolean).length < params.minWords,
			)
			.map((s) => s.number);
		if (params.slides && slides.length < params.slides.length)
			return fail('check.slideCount.tooFew', {
				min: Math.max(...params.slides),
				count: slides.length,
			});
		if (missing.length === 0) return pass('check.speakerNotes.pass');
		return fail(
			'check.speakerNotes.missing',
			{ slides: missing.join(', '), words: params.minWords },
			1 - missing.length / slides.length,
		);
	},
};

/** Layout type and name aliases as PowerPoint, LibreOffice and Google Slides write them. */
const LAYOUT_ALIASES: Record<string, string[]> = {
	title: ['title', 'title slide'],
	obj: ['obj', 'title and content', 'title, content', 'title and body'],
	twoObj: [
		'twoobj',
		'two content',
		'title and 2 content',
		'title, 2 content',
		'title, content and 2 content',
		'title and two columns',
	],
	secHead: ['sechead', 'section header', 'section title'],
	titleOnly: ['titleonly', 'title only', 'title, only'],
	blank: ['blank'],
	picTx: ['pictx', 'picture with caption'],
};

const LayoutParams = z.strictObject({
	/** Layout type (`title`, `obj`, `twoObj`, `secHead`, `titleOnly`, `blank`, `picTx`) or layout name. */
	layout: z.string(),
	/** Slides (1-based) that must use it; omitted: at least `minSlides` slides anywhere. */
	slides: SlidesParam,
	/** Fewest slides using it when `slides` is omitted. Default 1. */
	minSlides: z.number().int().min(1).default(1),
});

const layoutUsed: CheckDefinition<z.infer<typeof LayoutParams>> = {
	type: 'pptx.layout-used',
	kind: 'pptx',
	params: LayoutParams,
	run({ file }, params) {
		const accepted = new Set(
			[params.layout, ...(LAYOUT_ALIASES[params.layout] ?? [])].map(normaliseText),
		);
		const uses = (slide: Slide) => {
			const layoutPath = [...getRels(file, slide.path).values()].find(
				(rel) => rel.type === 'slideLayout',
			)?.target;
			const layout = layoutPath ? getPartXml(file, layoutPath) : null;
			if (!layout) return false;
			const name = getAttr(getChild(layout, 'cSld') ?? layout, 'name') ?? '';
			return (
				accepted.has(normaliseText(getAttr(layout, 'type') ?? '')) ||
				accepted.has(normaliseText(name))
			);
		};
		const slides = getSlides(file);
		if (params.slides) {
			const wrong = params.slides.filter((n) => !slides[n - 1] || !uses(slides[n - 1]!));
			if (wrong.length === 0) return pass('check.layout.pass');
			return fail(
				'check.layout.slides',
				{ slides: wrong.join(', ') },
				1 - wrong.length / params.slides.length,
			);
		}
		const count = slides.filter(uses).length;
		return count >= params.minSlides
			? pass('check.layout.pass')
			: fail('check.layout.missing', { count: params.minSlides }, count / params.minSlides);
	},
};

const FontParams = z.strictObject({
	/** Smallest allowed text size in points. */
	minPt: z.number().positive(),
});

const minFontSize: CheckDefinition<z.infer<typeof FontParams>> = {
	type: 'pptx.min-font-size',
	kind: 'pptx',
	params: FontParams,
	run({ file }, params) {
		const small = new Set<number>();
		for (const slide of getSlides(file)) {
			// Sizes inherited from the layout, master and presentation count too (pptx-text-size.ts).
			if (getSlideRunSizes(file, slide.path, slide.root).some((pt) => pt < params.minPt))
				small.add(slide.number);
		}
		if (small.size === 0) return pass('check.fontSize.pass');
		return fail('check.fontSize.small', { slides: [...small].join(', '), size: params.minPt });
	},
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own params type
export const PPTX_CHECKS: CheckDefinition<any>[] = [
	slideCount,
	slideTitles,
	pictureAltText,
	speakerNotes,
	layoutUsed,
	minFontSize,
];
