/**
 * `npm run content:check`: validates every course in courses/ and prints every problem as
 * `file:line  message` (warnings as `file:line  warning: message`). Exits non-zero when there is
 * any error; warnings alone do not fail it.
 */
import { join } from 'node:path';
import { checkCourses } from '../src/lib/content/check.ts';
import { checkTranslations } from '../src/lib/content/translations.ts';

const root = join(import.meta.dirname, '..');
const problems = await checkCourses(join(root, 'courses'), root, join(root, 'content', 'docs'));
const errors = problems.filter((p) => p.severity !== 'warning');
const warnings = problems.filter((p) => p.severity === 'warning');
for (const p of warnings) console.log(`${p.file}:${p.line}  warning: ${p.message}`);
for (const p of errors) console.log(`${p.file}:${p.line}  ${p.message}`);
// Info only (not warnings): how many translations record the English version they match.
const { counts } = checkTranslations(join(root, 'courses'), root);
for (const [locale, c] of Object.entries(counts)) {
	if (c.files === 0) continue;
	const notes = [
		`${c.files - c.stamped} without a translatedFrom stamp`,
		...(c.stale ? [`${c.stale} stale`] : []),
		...(c.latinDigitFiles ? [`${c.latinDigitFiles} with only Latin digits in prose`] : []),
	];
	console.log(`info: ${locale}: ${c.files} translation files, ${notes.join(', ')}`);
}
if (errors.length > 0) {
	console.log(`\n${errors.length} problem(s) and ${warnings.length} warning(s) in course content.`);
	process.exit(1);
}
console.log(
	warnings.length > 0
		? `\ncontent check: no problems, ${warnings.length} warning(s).`
		: 'content check: no problems.',
);
