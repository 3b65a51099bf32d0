/**
 * `npm run translation:stamp -- <translation files…>`: records in each Bengali/Hindi translation the
 * English version it now matches, as `translatedFrom: sha256:<first 12 hex of the English file's
 * SHA-256>` (frontmatter line in .md/.mdx, top-level key in .yaml). Only that one line is written or
 * replaced; nothing else in the file changes. Run it after you have checked a translation against
 * the current English; `content:check` then warns when the English changes again.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { englishFileOf, fileStamp, stampText } from '../src/lib/content/translations.ts';

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
	console.error(
		'usage: npm run translation:stamp -- courses/<course>/<unit>/<file>.bn.mdx [more files…]',
	);
	process.exit(2);
}
let failed = 0;
for (const arg of files) {
	const path = resolve(arg);
	const english = englishFileOf(path);
	if (!english || !existsSync(path)) {
		console.error(
			`${arg}: not a translation file (name.bn.mdx, course.hi.md, unit.bn.yaml, x.quiz.hi.yaml…)`,
		);
		failed++;
		continue;
	}
	if (!existsSync(english)) {
		console.error(`${arg}: the English file ${relative(process.cwd(), english)} does not exist`);
		failed++;
		continue;
	}
	const stamp = fileStamp(english);
	const before = readFileSync(path, 'utf8');
	const after = stampText(before, path, stamp);
	if (after !== before) writeFileSync(path, after);
	console.log(`${arg}: translatedFrom ${stamp}${after === before ? ' (already)' : ''}`);
}
process.exit(failed ? 1 : 0);
