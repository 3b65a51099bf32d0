/**
 * Content collections: the courses authors write in `courses/` and the site prose in `content/`.
 * Schemas live in src/lib/content/schemas.ts (shared with `npm run content:check`). Entry ids are
 * the file path without extension (e.g. `excel/01-clean-data/01-why-clean-data`), from which
 * src/lib/courses.ts derives slugs, order, outlines and prev/next.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
	CourseTranslationSchema,
	LessonSchema,
	LessonTranslationSchema,
	QuizSchema,
	UnitSchema,
	createCourseSchema,
} from './lib/content/schemas.ts';
import { ProjectSchema, ProjectTranslationSchema } from './lib/projects/schema.ts';
import { LabFileSchema } from './lib/labs/schema.ts';

/**
 * Where courses are read from. The test build (`DAKSHATA_TEST_BUILD=1`, used by `npm test`, built
 * into dist-test/) also loads the fixture courses in tests/fixtures/courses/ (all `draft: true`),
 * so production builds never contain them.
 */
const COURSE_ROOTS =
	process.env.DAKSHATA_TEST_BUILD === '1' ? ['courses', 'tests/fixtures/courses'] : ['courses'];

/** Ids are the path below the course root, without extension: `excel/01-clean/01-why`. */
const pathId = ({ entry }: { entry: string }) =>
	entry.replace(/^(tests\/fixtures\/)?courses\//, '').replace(/\.(mdx|md|ya?ml)$/, '');

/** A glob loader over every course root. */
const courseFiles = (...patterns: string[]) =>
	glob({
		base: '.',
		pattern: COURSE_ROOTS.flatMap((root) =>
			patterns.map((p) => (p.startsWith('!') ? `!${root}/${p.slice(1)}` : `${root}/${p}`)),
		),
		generateId: pathId,
	});

const courses = defineCollection({
	loader: courseFiles('*/course.md'),
	schema: ({ image }) => createCourseSchema(image()),
});
const courseTranslations = defineCollection({
	loader: courseFiles('*/course.{bn,hi}.md'),
	schema: CourseTranslationSchema,
});
const units = defineCollection({
	loader: courseFiles('*/*/unit.yaml'),
	schema: UnitSchema,
});
const unitTranslations = defineCollection({
	loader: courseFiles('*/*/unit.{bn,hi}.yaml'),
	schema: UnitSchema,
});
const lessons = defineCollection({
	loader: courseFiles('*/*/*.mdx', '!*/*/*.bn.mdx', '!*/*/*.hi.mdx'),
	schema: LessonSchema,
});
const lessonTranslations = defineCollection({
	loader: courseFiles('*/*/*.{bn,hi}.mdx'),
	schema: LessonTranslationSchema,
});
const quizzes = defineCollection({
	loader: courseFiles('*/*/*.quiz.yaml'),
	schema: QuizSchema,
});
const quizTranslations = defineCollection({
	loader: courseFiles('*/*/*.quiz.{bn,hi}.yaml'),
	schema: QuizSchema,
});
const projects = defineCollection({
	loader: courseFiles('*/*/*.project.yaml'),
	schema: ProjectSchema,
});
const projectTranslations = defineCollection({
	loader: courseFiles('*/*/*.project.{bn,hi}.yaml'),
	schema: ProjectTranslationSchema,
});
/** Labs (`<id>.lab.yaml`): kept as written; src/lib/server/labs/load.ts resolves variants and validates. */
const labs = defineCollection({
	loader: courseFiles('*/*/*.lab.yaml'),
	schema: LabFileSchema,
});
const labTranslations = defineCollection({
	loader: courseFiles('*/*/*.lab.{bn,hi}.yaml'),
	schema: LabFileSchema,
});
const docs = defineCollection({
	loader: glob({ base: './content/docs', pattern: '*.{md,mdx}' }),
	schema: ({ image: _image }) => LessonTranslationSchema.pick({ title: true, description: true }),
});

export const collections = {
	courses,
	courseTranslations,
	units,
	unitTranslations,
	lessons,
	lessonTranslations,
	quizzes,
	quizTranslations,
	projects,
	projectTranslations,
	labs,
	labTranslations,
	docs,
};
