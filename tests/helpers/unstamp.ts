/**
 * Removes the `translatedFrom` stamps from every translation in a copied course, so tests that edit
 * the English files of a real course copy check what they mean to, not the stale-translation
 * warning those edits would otherwise also raise.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { listTranslationFiles } from '../../src/lib/content/translations.ts';

export function removeTranslationStamps(dir: string): void {
	for (const file of listTranslationFiles(dir)) {
		const text = readFileSync(file, 'utf8');
		const without = text.replace(/^translatedFrom:[^\n]*\n/m, '');
		if (without !== text) writeFileSync(file, without);
	}
}
