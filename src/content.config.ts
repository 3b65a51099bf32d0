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

const pathId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx|md|ya?ml)$/, '');

const courses = defineCollection({
	loader: glob({ base: './courses', pattern: '*/course.md', generateId: pathId }),
	schema: ({ image }) => createCourseSchema(image()),
});
const courseTranslations = defineCollection({
	loader: glob({ base: './courses', pattern: '*/course.{bn,hi}.md', generateId: pathId }),
	schema: CourseTranslationSchema,
});
const units = defineCollection({
	loader: glob({ base: './courses', pattern: '*/*/unit.yaml', generateId: pathId }),
	schema: UnitSchema,
});
const unitTranslations = defineCollection({
	loader: glob({ base: './courses', pattern: '*/*/unit.{bn,hi}.yaml', generateId: pathId }),
	schema: UnitSchema,
});
const lessons = defineCollection({
	loader: glob({
		base: './courses',
		pattern: ['*/*/*.mdx', '!*/*/*.bn.mdx', '!*/*/*.hi.mdx'],
		generateId: pathId,
	}),
	schema: LessonSchema,
});
const lessonTranslations = defineCollection({
	loader: glob({ base: './courses', pattern: '*/*/*.{bn,hi}.mdx', generateId: pathId }),
	schema: LessonTranslationSchema,
});
const quizzes = defineCollection({
	loader: glob({ base: './courses', pattern: '*/*/*.quiz.yaml', generateId: pathId }),
	schema: QuizSchema,
});
const quizTranslations = defineCollection({
	loader: glob({ base: './courses', pattern: '*/*/*.quiz.{bn,hi}.yaml', generateId: pathId }),
	schema: QuizSchema,
});
const docs = defineCollection({
	loader: glob({ base: './content/docs', pattern: '*.{md,mdx}' }),
	schema: ({ image: _image }) =>
		LessonTranslationSchema.pick({ title: true, description: true }),
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
	docs,
};
