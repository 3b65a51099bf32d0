/**
 * `npm run content:check`: validates every course in courses/ and prints every problem as
 * `file:line  message`. Exits non-zero when there is any.
 */
import { join } from 'node:path';
import { checkCourses } from '../src/lib/content/check.ts';

const root = join(import.meta.dirname, '..');
const problems = await checkCourses(join(root, 'courses'), root, join(root, 'content', 'docs'));
for (const p of problems) console.log(`${p.file}:${p.line}  ${p.message}`);
if (problems.length > 0) {
	console.log(`\n${problems.length} problem(s) in course content.`);
	process.exit(1);
}
console.log('content check: no problems.');
