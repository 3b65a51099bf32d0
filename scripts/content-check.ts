/**
 * `npm run content:check`: validates every course in courses/ and prints every problem as
 * `file:line  message` (warnings as `file:line  warning: message`). Exits non-zero when there is
 * any error; warnings alone do not fail it.
 */
import { join } from 'node:path';
import { checkCourses } from '../src/lib/content/check.ts';

const root = join(import.meta.dirname, '..');
const problems = await checkCourses(join(root, 'courses'), root, join(root, 'content', 'docs'));
const errors = problems.filter((p) => p.severity !== 'warning');
const warnings = problems.filter((p) => p.severity === 'warning');
for (const p of warnings) console.log(`${p.file}:${p.line}  warning: ${p.message}`);
for (const p of errors) console.log(`${p.file}:${p.line}  ${p.message}`);
if (errors.length > 0) {
	console.log(`\n${errors.length} problem(s) and ${warnings.length} warning(s) in course content.`);
	process.exit(1);
}
console.log(warnings.length > 0 ? `\ncontent check: no problems, ${warnings.length} warning(s).` : 'content check: no problems.');
