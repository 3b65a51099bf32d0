/**
 * docx checks: heading styles, table of contents, page numbers, table header rows, tracked changes,
 * comments, mail-merge fields, page setup and alt text; text that must not remain is in
 * docx-no-text.ts. All read WordprocessingML (see docx-reader.ts for why).
 */
import { z } from 'zod';
import { findAll, findFirst, getAttr, getChild, type XmlNode } from '../xml.ts';
import type { CheckDefinition } from './types.ts';
import {
	getDocument,
	getFieldInstructions,
	getHeadingLevel,
	getParagraphs,
	getRelatedParts,
	getVisibleText,
	isFakeHeading,
	isOn,
} from './docx-reader.ts';
import { DOCX_TEXT_CHECKS } from './docx-no-text.ts';
import { fail, isMeaningfulAltText, normaliseText, pass, share } from './outcome.ts';

const HeadingParams = z.strictObject({
	/** Fewest paragraphs in heading styles. Default 1. */
	minHeadings: z.number().int().min(1).default(1),
	/** Paragraphs (by their text) that must be headings at a given level. */
	headings: z
		.array(z.strictObject({ text: z.string(), level: z.number().int().min(1).max(9) }))
		.default([]),
	/** Texts of paragraphs that must be level 1 headings (usually `$name`: they vary per attempt). */
	level1: z.array(z.string()).default([]),
	/** Texts of paragraphs that must be level 2 headings. */
	level2: z.array(z.string()).default([]),
	/** Refuse short all-bold body paragraphs (headings faked with bold). Default true. */
	noBoldHeadings: z.boolean().default(true),
});

const headingStyles: CheckDefinition<z.infer<typeof HeadingParams>> = {
	type: 'docx.heading-styles',
	kind: 'docx',
	params: HeadingParams,
	run({ file }, params) {
		const paragraphs = getParagraphs(file).map((p) => ({
			p,
			text: getVisibleText(p).trim(),
			level: getHeadingLevel(file, p),
		}));
		const headings = paragraphs.filter((entry) => entry.level !== null && entry.text !== '');
		const all = [
			...params.headings,
			...params.level1.map((text) => ({ text, level: 1 })),
			...params.level2.map((text) => ({ text, level: 2 })),
		];
		// Each paragraph's text normalised once, not once per wanted heading.
		let normalised: string[] | undefined;
		const wanted = all.map((want) => {
			const target = normaliseText(want.text);
			normalised ??= paragraphs.map((entry) => normaliseText(entry.text));
			const candidates = paragraphs.filter((_, i) => normalised![i] === target);
			const found =
				candidates.find((c) => c.level === want.level) ??
				candidates.find((c) => c.level !== null) ??
				candidates[0];
			return { want, ok: found?.level === want.level, isHeading: found?.level != null };
		});
		// Bold text in table cells (a header row) is not a faked heading.
		const inTables = new Set(findAll(getDocument(file), 'tbl').flatMap((tbl) => findAll(tbl, 'p')));
		const fake = params.noBoldHeadings
			? paragraphs.find(
					(entry) =>
						entry.level === null &&
						entry.text.length > 0 &&
						entry.text.length <= 80 &&
						!inTables.has(entry.p) &&
						isFakeHeading(file, entry.p),
				)
			: undefined;
		const parts = [
			headings.length >= params.minHeadings,
			...wanted.map((w) => w.ok),
			fake === undefined,
		];
		const score = share(parts);
		const firstWrong = wanted.find((w) => !w.ok);
		if (firstWrong) {
			const key = firstWrong.isHeading ? 'check.headings.level' : 'check.headings.notHeading';
			return fail(key, { text: firstWrong.want.text, level: firstWrong.want.level }, score);
		}
		if (fake) return fail('check.headings.bold', { text: fake.text.slice(0, 60) }, score);
		if (headings.length < params.minHeadings)
			return fail('check.headings.missing', { count: params.minHeadings }, score);
		return pass('check.headings.pass');
	},
};

const TocParams = z.strictObject({
	/** Fewest entries the table of contents must list (0: an empty, not yet updated one passes). Default 1. */
	minEntries: z.number().int().min(0).default(1),
});

const toc: CheckDefinition<z.infer<typeof TocParams>> = {
	type: 'docx.toc',
	kind: 'docx',
	params: TocParams,
	run({ file }, params) {
		const body = getDocument(file);
		const hasField = getFieldInstructions(body).some((instr) => /^TOC\b/i.test(instr));
		const gallery = findAll(body, 'docPartGallery').some((node) =>
			/table of contents/i.test(getAttr(node, 'val') ?? ''),
		);
		if (!hasField && !gallery) return fail('check.toc.missing');
		// Entries: paragraphs in a "TOC n"/"Contents n" style, or links to the headings' _Toc bookmarks.
		const entries = getParagraphs(file).filter((p) => {
			const style = getAttr(findFirst(p, 'pStyle') ?? p, 'val') ?? '';
			return (
				/^(toc|contents)\s*\d/i.test(style.replace(/([a-z])(\d)/i, '$1 $2')) ||
				findAll(p, 'hyperlink').some((h) => /^_Toc/.test(getAttr(h, 'anchor') ?? ''))
			);
		});
		if (entries.length < params.minEntries) return fail('check.toc.empty', undefined, 0.5);
		return pass('check.toc.pass');
	},
};

const PageNumberParams = z.strictObject({
	/** Where the number must be. Default footer. */
	where: z.enum(['footer', 'header', 'either']).default('footer'),
});

const pageNumbers: CheckDefinition<z.infer<typeof PageNumberParams>> = {
	type: 'docx.page-numbers',
	kind: 'docx',
	params: PageNumberParams,
	run({ file }, params) {
		const places = params.where === 'either' ? ['footer', 'header'] : [params.where];
		const found = places.some((place) =>
			getRelatedParts(file, place).some((part) =>
				getFieldInstructions(part).some((instr) => /^PAGE\b/i.test(instr)),
			),
		);
		return found ? pass('check.pageNumbers.pass') : fail(`check.pageNumbers.${params.where}`);
	},
};

const TableHeaderParams = z.strictObject({
	/** Fewest tables whose first row must repeat as a header row. Default 1. */
	minTables: z.number().int().min(1).default(1),
});

const tableHeaderRow: CheckDefinition<z.infer<typeof TableHeaderParams>> = {
	type: 'docx.table-header-row',
	kind: 'docx',
	params: TableHeaderParams,
	run({ file }, params) {
		const tables = findAll(getDocument(file), 'tbl');
		if (tables.length === 0) return fail('check.tableHeader.noTable');
		const withHeader = tables.filter((tbl) => {
			const firstRow = getChild(tbl, 'tr');
			const trPr = firstRow ? getChild(firstRow, 'trPr') : null;
			return trPr !== null && isOn(getChild(trPr, 'tblHeader'));
		}).length;
		if (withHeader >= params.minTables) return pass('check.tableHeader.pass');
		return fail(
			'check.tableHeader.missing',
			{ count: params.minTables },
			withHeader / params.minTables,
		);
	},
};

const REVISIONS = [
	'ins',
	'del',
	'moveFrom',
	'moveTo',
	'rPrChange',
	'pPrChange',
	'sectPrChange',
	'tblPrChange',
	'trPrChange',
	'tcPrChange',
	'numberingChange',
];

function getStoryParts(file: Parameters<typeof getDocument>[0]): XmlNode[] {
	return [
		getDocument(file),
		...getRelatedParts(file, 'header'),
		...getRelatedParts(file, 'footer'),
		...getRelatedParts(file, 'footnotes'),
		...getRelatedParts(file, 'endnotes'),
	];
}

const TrackedParams = z.strictObject({
	/** Text that must be in the document once changes are resolved (changes to accept). */
	accepted: z.array(z.string()).default([]),
	/** Text that must not be in it (changes to reject). */
	rejected: z.array(z.string()).default([]),
});

const noTrackedChanges: CheckDefinition<z.infer<typeof TrackedParams>> = {
	type: 'docx.no-tracked-changes',
	kind: 'docx',
	params: TrackedParams,
	run({ file }, params) {
		const parts = getStoryParts(file);
		const count = parts.reduce(
			(n, part) => n + REVISIONS.reduce((m, name) => m + findAll(part, name).length, 0),
			0,
		);
		const text = normaliseText(parts.map(getVisibleText).join(' '));
		const accepted = params.accepted.map((t) => text.includes(normaliseText(t)));
		const rejected = params.rejected.map((t) => !text.includes(normaliseText(t)));
		const score = share([count === 0, ...accepted, ...rejected]);
		if (count > 0) return fail('check.trackedChanges.remaining', { count }, score);
		if (!accepted.every(Boolean)) return fail('check.trackedChanges.accepted', undefined, score);
		if (!rejected.every(Boolean)) return fail('check.trackedChanges.rejected', undefined, score);
		return pass('check.trackedChanges.pass');
	},
};

const noComments: CheckDefinition<Record<string, never>> = {
	type: 'docx.no-comments',
	kind: 'docx',
	params: z.strictObject({}).strict() as unknown as z.ZodType<Record<string, never>>,
	run({ file }) {
		const count = getStoryParts(file).reduce(
			(n, part) => n + findAll(part, 'commentReference').length,
			0,
		);
		return count === 0 ? pass('check.comments.pass') : fail('check.comments.remaining', { count });
	},
};

/** The field name of a MERGEFIELD instruction, or null. */
export function getMergeFieldName(instr: string): string | null {
	const match = /^MERGEFIELD\s+(?:"([^"]+)"|(\S+))/i.exec(instr.trim());
	return match ? (match[1] ?? match[2] ?? null) : null;
}

const MergeParams = z.strictObject({
	/** Data-source columns the letter must insert as merge fields. */
	fields: z.array(z.string()).min(1),
});

const mergeFields: CheckDefinition<z.infer<typeof MergeParams>> = {
	type: 'docx.merge-fields',
	kind: 'docx',
	params: MergeParams,
	run({ file }, params) {
		const squash = (name: string) => normaliseText(name).replace(/[\s_]/g, '');
		const names = new Set(
			getStoryParts(file)
				.flatMap(getFieldInstructions)
				.map(getMergeFieldName)
				.filter((name): name is string => name !== null)
				.map(squash),
		);
		const missing = params.fields.filter((field) => !names.has(squash(field)));
		if (missing.length === 0) return pass('check.mergeFields.pass');
		return fail(
			'check.mergeFields.missing',
			{ fields: missing.join(', ') },
			1 - missing.length / params.fields.length,
		);
	},
};

const TWIPS_PER_CM = 1440 / 2.54;

const PageSetupParams = z.strictObject({
	orientation: z.enum(['portrait', 'landscape']).optional(),
	/** Margins in centimetres. */
	margins: z
		.strictObject({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() })
		.partial()
		.optional(),
	/** Allowed difference in centimetres. Default 0.1. */
	tolerance: z.number().nonnegative().default(0.1),
});

const pageSetup: CheckDefinition<z.infer<typeof PageSetupParams>> = {
	type: 'docx.page-setup',
	kind: 'docx',
	params: PageSetupParams,
	run({ file }, params) {
		const body = getChild(getDocument(file), 'body');
		const sectPr = body ? getChild(body, 'sectPr') : null;
		const size = sectPr ? getChild(sectPr, 'pgSz') : null;
		const margin = sectPr ? getChild(sectPr, 'pgMar') : null;
		const width = Number(size ? getAttr(size, 'w') : 0);
		const height = Number(size ? getAttr(size, 'h') : 0);
		const landscape = (size ? getAttr(size, 'orient') === 'landscape' : false) || width > height;
		const orientationOk = !params.orientation || (params.orientation === 'landscape') === landscape;
		const sides = Object.entries(params.margins ?? {}) as Array<[string, number]>;
		const near = (twips: string | undefined, cm: number) =>
			twips !== undefined &&
			Math.abs(Math.abs(Number(twips)) / TWIPS_PER_CM - cm) <= params.tolerance;
		// LibreOffice keeps a header/footer inside the page margin and saves the margin it shows as
		// the header/footer distance (w:header, w:footer), with the body's margin enlarged by the
		// header or footer: either one matching is the margin the learner set.
		const edge: Record<string, string> = { top: 'header', bottom: 'footer' };
		const marginsOk = sides.every(
			([side, cm]) =>
				margin !== null &&
				(near(getAttr(margin, side), cm) ||
					(edge[side] !== undefined && near(getAttr(margin, edge[side]!), cm))),
		);
		const score = share([orientationOk, marginsOk]);
		if (!orientationOk) return fail(`check.pageSetup.${params.orientation}`, undefined, score);
		if (!marginsOk) return fail('check.pageSetup.margins', undefined, score);
		return pass('check.pageSetup.pass');
	},
};

const AltTextParams = z.strictObject({
	/** Fewest pictures the document must have. Default 1. */
	minImages: z.number().int().min(0).default(1),
});

/** Alt text of a picture in a docx (DrawingML `wp:docPr`, or a legacy VML shape's `alt`). */
function hasAltText(node: XmlNode): boolean {
	if (node.name !== 'drawing') return isMeaningfulAltText(getAttr(node, 'alt'));
	const docPr = findFirst(node, 'docPr');
	return (
		docPr !== null &&
		(isMeaningfulAltText(getAttr(docPr, 'descr')) || isMeaningfulAltText(getAttr(docPr, 'title')))
	);
}

const imageAltText: CheckDefinition<z.infer<typeof AltTextParams>> = {
	type: 'docx.image-alt-text',
	kind: 'docx',
	params: AltTextParams,
	run({ file }, params) {
		const doc = getDocument(file);
		const pictures = [
			...findAll(doc, 'drawing'),
			...findAll(doc, 'shape').filter((shape) => findFirst(shape, 'imagedata') !== null),
		];
		if (pictures.length < params.minImages)
			return fail('check.altText.noImages', { count: params.minImages });
		const missing = pictures.filter((picture) => !hasAltText(picture)).length;
		if (missing === 0) return pass('check.altText.pass');
		return fail(
			'check.altText.missing',
			{ count: missing, total: pictures.length },
			1 - missing / pictures.length,
		);
	},
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each definition has its own params type
export const DOCX_CHECKS: CheckDefinition<any>[] = [
	headingStyles,
	toc,
	pageNumbers,
	tableHeaderRow,
	noTrackedChanges,
	noComments,
	mergeFields,
	...DOCX_TEXT_CHECKS,
	pageSetup,
	imageAltText,
];
