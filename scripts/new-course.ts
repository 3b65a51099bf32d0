/**
 * `npm run new:course -- --slug my-course --title "My course"`
 * Scaffolds courses/<slug>/ with a course.md (every field, commented), a first unit and lesson.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { slug: { type: 'string' }, title: { type: 'string' } } });
const slug = values.slug ?? '';
if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) {
	console.error('Give --slug with lowercase letters, digits and hyphens, e.g. --slug excel-basics');
	process.exit(2);
}
const title = (values.title ?? '').trim() || slug.replace(/-/g, ' ');
const dir = join(import.meta.dirname, '..', 'courses', slug);
if (existsSync(dir)) {
	console.error(`courses/${slug} already exists.`);
	process.exit(2);
}
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
mkdirSync(join(dir, '01-first-unit'), { recursive: true });
mkdirSync(join(dir, 'files'));
mkdirSync(join(dir, 'images'));
writeFileSync(
	join(dir, 'course.md'),
	`---
title: ${q(title)}
summary: One or two sentences for the catalogue card.
skillArea: other            # office | excel | email | social-media | communication | freelancing | other
level: beginner             # beginner | intermediate | advanced
languages: [en]             # add bn and hi as translations arrive
hours: 1                    # estimated hours, printed on the certificate
version: '1'                # raise when the content changes materially
outcomes:
  - What a learner can do at the end
skills: [A short skill name]
prerequisites: []
order: 100                  # catalogue position, smallest first
team: []                    # people shown on the course page: - name: …, bio: …
instructors: []             # instructor account emails
draft: true                 # remove when the course is ready for the catalogue
certificate:
  lessons: all
  quizzes: []
---

Write the "About this course" text here.
`,
);
writeFileSync(
	join(dir, '01-first-unit', 'unit.yaml'),
	`title: First unit\nintro: What this unit covers, in one or two sentences.\n`,
);
writeFileSync(
	join(dir, '01-first-unit', '01-first-lesson.mdx'),
	`---
title: First lesson
description: One sentence about this lesson.
minutes: 10
objectives:
  - What the learner will be able to do
kind: lesson
---

<Objectives />

Start writing here.
`,
);
console.log(
	`Created courses/${slug}/ — open http://localhost:4321/courses/${slug} with npm run dev.`,
);
