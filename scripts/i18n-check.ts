/**
 * `npm run check` step: reports interface strings missing from the Bengali or Hindi catalogue
 * (they fall back to English at run time) and keys that English does not have (typos). Exits
 * non-zero when any is found.
 */
import { TRANSLATION_LOCALES } from '../src/lib/locales.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'content', 'i18n');
const load = (locale: string) =>
	JSON.parse(readFileSync(join(dir, `${locale}.json`), 'utf8')) as Record<string, string>;
const en = load('en');
let problems = 0;
for (const locale of TRANSLATION_LOCALES) {
	const catalogue = load(locale);
	for (const key of Object.keys(en)) {
		if (!(key in catalogue)) {
			console.log(
				`content/i18n/${locale}.json: missing "${key}" (falls back to English: "${en[key]}")`,
			);
			problems++;
		}
	}
	for (const key of Object.keys(catalogue)) {
		if (!(key in en)) {
			console.log(`content/i18n/${locale}.json: "${key}" is not in en.json`);
			problems++;
		}
	}
	for (const [key, value] of Object.entries(catalogue)) {
		// Placeholder names, plain (`{count}`) or plural (`{count, plural, one {…} other {…}}`).
		const names = (text: string) =>
			new Set([...text.matchAll(/\{(\w+)(?=[,}])/g)].map((m) => `{${m[1]}}`));
		const want = names(en[key] ?? '');
		const got = names(value);
		if ([...want].some((p) => !got.has(p))) {
			console.log(
				`content/i18n/${locale}.json: "${key}" lacks a placeholder of the English text (${[...want].join(', ')})`,
			);
			problems++;
		}
	}
}
if (problems > 0) {
	console.log(`\n${problems} i18n problem(s).`);
	process.exit(1);
}
console.log(`i18n: ${Object.keys(en).length} strings, complete in bn and hi.`);
