/**
 * The accessibility sweep: every page that exists, in each language where it differs, at phone
 * width, checked by axe-core against WCAG 2.2 AA. Fails on any violation.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations, test } from './fixtures.ts';

const PUBLIC_PAGES = [
	'/',
	'/courses',
	'/bn/',
	'/hi/courses',
	'/no-such-page',
	'/docs/authoring',
	'/login',
	'/signup',
	'/reset-password',
	'/courses/getting-started',
	'/courses/getting-started/how-courses-work',
	'/courses/getting-started/plan-your-study-week',
	'/bn/courses/getting-started',
	'/hi/courses/getting-started/how-courses-work',
];

for (const path of PUBLIC_PAGES) {
	test(`public page ${path} has no axe violations`, async ({ page }) => {
		await page.goto(path);
		await expectNoAxeViolations(page);
	});
}

/** Every course page in three languages and every lesson page (with its translations), from the files. */
function coursePages(): string[] {
	const root = join(import.meta.dirname, '..', '..', 'courses');
	const paths: string[] = [];
	for (const course of readdirSync(root)) {
		if (!existsSync(join(root, course, 'course.md'))) continue;
		if (/^draft:\s*true/m.test(readFileSync(join(root, course, 'course.md'), 'utf8'))) continue;
		paths.push(`/courses/${course}`, `/bn/courses/${course}`, `/hi/courses/${course}`);
		for (const unit of readdirSync(join(root, course)).filter((d) => /^\d+-/.test(d)).sort()) {
			for (const file of readdirSync(join(root, course, unit)).filter((f) => f.endsWith('.mdx')).sort()) {
				const m = /^\d+-(.+?)(?:\.(bn|hi))?\.mdx$/.exec(file);
				if (m) paths.push(`${m[2] ? `/${m[2]}` : ''}/courses/${course}/${m[1]}`);
			}
		}
	}
	return paths;
}

test('every course and lesson page has no axe violations', async ({ page }) => {
	test.setTimeout(600_000);
	for (const path of coursePages()) {
		await page.goto(path);
		await expectNoAxeViolations(page);
	}
});
