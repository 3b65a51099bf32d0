/**
 * `npm run new:lesson -- --course my-course --unit 01-first-unit --slug my-lesson --title "My lesson"`
 * Adds the next numbered lesson to a unit (creating the unit folder and unit.yaml if needed).
 */
import { localeOf } from '../src/lib/content/translations.ts';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: {
		course: { type: 'string' },
		unit: { type: 'string' },
		slug: { type: 'string' },
		title: { type: 'string' },
		minutes: { type: 'string', default: '10' },
	},
});
const fail = (m: string) => {
	console.error(m);
	process.exit(2);
};
const courseDir = join(import.meta.dirname, '..', 'courses', values.course ?? '');
if (!values.course || !existsSync(join(courseDir, 'course.md')))
	fail(
		'Give --course with the slug of an existing course (a folder in courses/ with a course.md).',
	);
if (!/^\d+-[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.unit ?? ''))
	fail('Give --unit as a numbered folder name, e.g. --unit 01-clean-data');
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.slug ?? ''))
	fail('Give --slug with lowercase letters, digits and hyphens, e.g. --slug why-clean-data');
const minutes = Number(values.minutes);
if (!Number.isInteger(minutes) || minutes < 1) fail('--minutes must be a whole number of minutes');
const unitDir = join(courseDir, values.unit!);
mkdirSync(unitDir, { recursive: true });
if (!existsSync(join(unitDir, 'unit.yaml')))
	writeFileSync(
		join(unitDir, 'unit.yaml'),
		`title: ${values.unit!.replace(/^\d+-/, '').replace(/-/g, ' ')}\nintro: What this unit covers.\n`,
	);
const existing = readdirSync(unitDir).filter((f) => /^\d+-.*\.mdx$/.test(f) && !localeOf(f));
if (existing.some((f) => f.replace(/^\d+-/, '') === `${values.slug}.mdx`))
	fail(`A lesson "${values.slug}" already exists in ${values.unit}.`);
const next = String(existing.length + 1).padStart(2, '0');
const title = (values.title ?? '').trim() || values.slug!.replace(/-/g, ' ');
const file = join(unitDir, `${next}-${values.slug}.mdx`);
writeFileSync(
	file,
	`---
title: '${title.replace(/'/g, "''")}'
description: One sentence about this lesson.
minutes: ${minutes}
objectives:
  - What the learner will be able to do
kind: lesson                # lesson | practice | assessment
---

<Objectives />

Start writing here.
`,
);
console.log(`Created courses/${values.course}/${values.unit}/${next}-${values.slug}.mdx`);
