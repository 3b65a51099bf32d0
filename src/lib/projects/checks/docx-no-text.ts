/**
 * `docx.no-text`: text that must not be left in the body of a Word document, such as the typed
 * placeholders (`[FirstName]`) a mail-merge letter replaces with merge fields, or a "TODO" a draft
 * carried. Reads the paragraphs of the main document (see docx-reader.ts for why XML), joining each
 * paragraph's runs first, because Word often splits `[FirstName]` over several runs. Deleted text
 * of a tracked change is not counted; field results (the «FirstName» a merge field shows) are
 * text like any other, so a placeholder must not be the name of a field in brackets.
 */
import { z } from 'zod';
import type { XmlNode } from '../xml.ts';
import type { CheckDefinition } from './types.ts';
import { getParagraphs } from './docx-reader.ts';
import { fail, normaliseText, pass } from './outcome.ts';

function isRegExp(source: string): boolean {
	try {
		new RegExp(source, 'giu');
		return true;
	} catch {
		return false;
	}
}

const NoTextParams = z
	.strictObject({
		/** Literal texts that must not remain (compared after `normaliseText`: case and spacing ignored). */
		texts: z.array(z.string().min(1)).default([]),
		/** JavaScript regular expressions (case ignored) that must not match any paragraph. */
		patterns: z
			.array(z.string().min(1).refine(isRegExp, 'not a valid regular expression'))
			.default([]),
	})
	.refine((p) => p.texts.length + p.patterns.length > 0, 'give texts or patterns');

/** Visible text of a paragraph's own runs (not of a paragraph nested in a text box inside it). */
function getOwnText(paragraph: XmlNode): string {
	const walk = (node: XmlNode): string =>
		node.children
			.map((child) => (child.name === 't' ? child.text : child.name === 'p' ? '' : walk(child)))
			.join('');
	return walk(paragraph);
}

function countOccurrences(haystack: string, needle: string): number {
	let count = 0;
	for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length))
		count++;
	return count;
}

const noText: CheckDefinition<z.infer<typeof NoTextParams>> = {
	type: 'docx.no-text',
	kind: 'docx',
	params: NoTextParams,
	run({ file }, params) {
		const paragraphs = getParagraphs(file).map((p) => getOwnText(p).normalize('NFC'));
		const found: Array<{ text: string; count: number }> = [];
		for (const text of params.texts) {
			const needle = normaliseText(text);
			const count = paragraphs.reduce((n, p) => n + countOccurrences(normaliseText(p), needle), 0);
			if (count > 0) found.push({ text, count });
		}
		for (const pattern of params.patterns) {
			const matches = paragraphs.flatMap((p) => [...p.matchAll(new RegExp(pattern, 'giu'))]);
			if (matches.length > 0) found.push({ text: matches[0]![0], count: matches.length });
		}
		if (found.length === 0) return pass('check.noText.pass');
		const items = params.texts.length + params.patterns.length;
		return fail(
			'check.noText.found',
			{ text: found[0]!.text, count: found.reduce((n, f) => n + f.count, 0) },
			1 - found.length / items,
		);
	},
};

/** Checks on text left in the document. */
export const DOCX_TEXT_CHECKS = [noText];
