/**
 * Loading a graded project for the engine: the English project (authority for checks, points and
 * settings), the version shown in the learner's language, its builder, and where it lives (course
 * and embedding lesson).
 */
import { getCollection } from 'astro:content';
import { getCourse, getProjectLesson, type Course } from '../../courses.ts';
import type { Locale } from '../../i18n.ts';
import { BUILDERS, type ProjectBuilder } from '../../projects/builders/index.ts';
import { FILE_KIND, mergeProjectTranslation, type Project } from '../../projects/schema.ts';

export interface LoadedProject {
	course: Course;
	projectId: string;
	/** English settings and checks, words in `locale` where translated. */
	project: Project;
	english: Project;
	locale: Locale;
	builder: ProjectBuilder;
	kind: 'xlsx' | 'docx' | 'pptx';
	/** Slug of the lesson that embeds the project, if any. */
	lessonSlug?: string;
}

/** The English project file of a course, or null. */
export async function getProjectData(
	courseSlug: string,
	projectId: string,
): Promise<Project | null> {
	const all = await getCollection('projects');
	return (
		all.find((p) => p.id.startsWith(`${courseSlug}/`) && p.id.endsWith(`/${projectId}.project`))
			?.data ?? null
	);
}

/** Ids of every project of a course, in file order. */
export async function listProjectIds(courseSlug: string): Promise<string[]> {
	const all = await getCollection('projects');
	return all
		.filter((p) => p.id.startsWith(`${courseSlug}/`))
		.sort((a, b) => a.id.localeCompare(b.id))
		.map((p) =>
			p.id
				.split('/')
				.pop()!
				.replace(/\.project$/, ''),
		);
}

/** The project `projectId` of course `courseSlug` in `locale`, or null when either does not exist. */
export async function loadProject(
	courseSlug: string,
	projectId: string,
	locale: Locale,
): Promise<LoadedProject | null> {
	const [course, all] = await Promise.all([getCourse(courseSlug, 'en'), getCollection('projects')]);
	const entry = all.find(
		(p) => p.id.startsWith(`${courseSlug}/`) && p.id.endsWith(`/${projectId}.project`),
	);
	if (!course || !entry) return null;
	const builder = BUILDERS[entry.data.builder];
	if (!builder)
		throw new Error(
			`project ${courseSlug}/${projectId} names unknown builder ${entry.data.builder}`,
		);
	const tr =
		locale === 'en'
			? undefined
			: (await getCollection('projectTranslations')).find((t) => t.id === `${entry.id}.${locale}`);
	return {
		course,
		projectId,
		project: mergeProjectTranslation(entry.data, tr?.data),
		english: entry.data,
		locale: tr ? locale : 'en',
		builder,
		kind: FILE_KIND[entry.data.app],
		lessonSlug: getProjectLesson(course, projectId)?.slug,
	};
}
