/**
 * The course model, derived from the content collections.
 *
 * Shape: a course has ordered units, a unit has ordered lessons; order comes from the `NN-` prefixes
 * of folders and files, slugs are the names without them. Lesson slugs and quiz ids are unique per
 * course (the content check enforces it), so a lesson's address is `/courses/<course>/<lesson>`.
 * Translations are looked up beside each English entry; where one is missing the English entry is
 * used and `isFallback` tells the page to say so.
 *
 * The model is built once per process in production and on every call in `astro dev`, so edits to
 * course files show at once.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { LOCALES, type Locale } from './locales.ts';
import type { CertificateRule, Quiz } from './content/schemas.ts';

export const stripOrderPrefix = (name: string) => name.replace(/^\d+[-_]/, '');

/**
 * Ids of the graded items an MDX body embeds with `<Quiz id="…" />`, `<Project id="…" />` or
 * `<Lab id="…" />`, in order.
 * @example getEmbeddedIds('<Quiz id="unit-1" />', 'Quiz') // ['unit-1']
 */
export function getEmbeddedIds(body: string, component: 'Quiz' | 'Project' | 'Lab'): string[] {
	const pattern = new RegExp(`<${component}\\s+[^>]*\\bid=["']([^"']+)["']`, 'g');
	return [...body.matchAll(pattern)].map((m) => m[1]!);
}

/** Quiz ids embedded in an MDX body with `<Quiz id="…" />`. */
export function getEmbeddedQuizIds(body: string): string[] {
	return getEmbeddedIds(body, 'Quiz');
}

export interface LessonRef {
	slug: string;
	/** Collection id of the English lesson, e.g. `excel/01-clean/01-why`. */
	id: string;
	title: string;
	minutes: number;
	kind: 'lesson' | 'practice' | 'assessment';
	optional: boolean;
	unitSlug: string;
	/** Whether a translation exists for the requested locale. */
	translated: boolean;
	/** Ids of the quizzes this lesson embeds with <Quiz id="…" />, in order. */
	quizIds: string[];
	/** Ids of the graded projects this lesson embeds with <Project id="…" />, in order. */
	projectIds: string[];
	/** Ids of the labs this lesson embeds with <Lab id="…" />, in order. */
	labIds: string[];
}

export interface UnitRef {
	slug: string;
	title: string;
	intro?: string;
	lessons: LessonRef[];
}

export interface Course {
	slug: string;
	locale: Locale;
	title: string;
	summary: string;
	outcomes: string[];
	skills: string[];
	prerequisites: string[];
	skillArea: string;
	level: 'beginner' | 'intermediate' | 'advanced';
	languages: Locale[];
	hours: number;
	version: string;
	instructors: string[];
	/** Catalogue position, smallest first. */
	order: number;
	/** The people shown on the course page. */
	team: { name: string; bio: string }[];
	draft: boolean;
	units: UnitRef[];
	lessons: LessonRef[];
	/** The resolved certificate rule: lesson slugs, quiz, project and lab ids, and the assessment. */
	certificate: {
		lessons: string[];
		quizzes: string[];
		projects: string[];
		labs: string[];
		assessment?: string;
		passMark?: number;
	};
	/** Ids of the English and translated course file entries, for rendering the "about" text. */
	entryId: string;
	translationId?: string;
}

interface Model {
	courses: Map<string, Record<Locale, Course>>;
}

let cached: Promise<Model> | undefined;

async function loadModel(): Promise<Model> {
	const [courses, courseTr, units, unitTr, lessons, lessonTr] = await Promise.all([
		getCollection('courses'),
		getCollection('courseTranslations'),
		getCollection('units'),
		getCollection('unitTranslations'),
		getCollection('lessons'),
		getCollection('lessonTranslations'),
	]);
	const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((e) => [e.id, e]));
	const courseTrById = byId(courseTr);
	const unitsById = byId(units);
	const unitTrById = byId(unitTr);
	const lessonTrById = byId(lessonTr);

	const model: Model = { courses: new Map() };
	for (const entry of courses) {
		const slug = entry.id.split('/')[0]!;
		const unitFolders = [
			...new Set(
				lessons.filter((l) => l.id.startsWith(`${slug}/`)).map((l) => l.id.split('/')[1]!),
			),
		];
		for (const u of units) if (u.id.startsWith(`${slug}/`)) unitFolders.push(u.id.split('/')[1]!);
		const folders = [...new Set(unitFolders)].sort();
		const variants = {} as Record<Locale, Course>;
		for (const locale of LOCALES) {
			variants[locale] = buildCourse(entry, locale, folders);
		}
		model.courses.set(slug, variants);
	}
	return model;

	function buildCourse(
		entry: CollectionEntry<'courses'>,
		locale: Locale,
		folders: string[],
	): Course {
		const slug = entry.id.split('/')[0]!;
		const tr = locale === 'en' ? undefined : courseTrById.get(`${slug}/course.${locale}`);
		const unitRefs: UnitRef[] = folders.map((folder) => {
			const unitId = `${slug}/${folder}/unit`;
			const unit = unitsById.get(unitId);
			const unitTr = locale === 'en' ? undefined : unitTrById.get(`${unitId}.${locale}`);
			const unitSlug = stripOrderPrefix(folder);
			const unitLessons = lessons
				.filter((l) => l.id.startsWith(`${slug}/${folder}/`))
				.sort((a, b) => a.id.localeCompare(b.id))
				.map((l): LessonRef => {
					const lt = locale === 'en' ? undefined : lessonTrById.get(`${l.id}.${locale}`);
					return {
						slug: stripOrderPrefix(l.id.split('/')[2]!),
						id: l.id,
						title: lt?.data.title ?? l.data.title,
						minutes: l.data.minutes,
						kind: l.data.kind,
						optional: l.data.optional,
						unitSlug,
						translated: locale === 'en' || Boolean(lt),
						quizIds: getEmbeddedIds(l.body ?? '', 'Quiz'),
						projectIds: getEmbeddedIds(l.body ?? '', 'Project'),
						labIds: getEmbeddedIds(l.body ?? '', 'Lab'),
					};
				});
			return {
				slug: unitSlug,
				title: unitTr?.data.title ?? unit?.data.title ?? unitSlug,
				intro: unitTr?.data.intro ?? unit?.data.intro,
				lessons: unitLessons,
			};
		});
		const allLessons = unitRefs.flatMap((u) => u.lessons);
		const rule: CertificateRule = entry.data.certificate;
		return {
			slug,
			locale,
			title: tr?.data.title ?? entry.data.title,
			summary: tr?.data.summary ?? entry.data.summary,
			outcomes: tr?.data.outcomes ?? entry.data.outcomes,
			skills: tr?.data.skills ?? entry.data.skills,
			prerequisites: tr?.data.prerequisites ?? entry.data.prerequisites,
			skillArea: entry.data.skillArea,
			level: entry.data.level,
			languages: entry.data.languages,
			hours: entry.data.hours,
			version: entry.data.version,
			instructors: entry.data.instructors.map((e) => e.toLowerCase()),
			order: entry.data.order ?? 100,
			team: tr?.data.team ?? entry.data.team ?? [],
			draft: entry.data.draft,
			units: unitRefs,
			lessons: allLessons,
			certificate: {
				lessons:
					rule.lessons === 'all'
						? allLessons.filter((l) => !l.optional).map((l) => l.slug)
						: rule.lessons,
				quizzes: rule.quizzes,
				// `?? []` and the defaults below: entries Astro's content store cached before these
				// fields existed lack their schema defaults until the file changes.
				projects: rule.projects ?? [],
				labs: rule.labs ?? [],
				assessment: rule.assessment,
				passMark: rule.passMark,
			},
			entryId: entry.id,
			translationId: tr?.id,
		};
	}
}

function getModel(): Promise<Model> {
	if (import.meta.env.DEV) return loadModel();
	cached ??= loadModel();
	return cached;
}

/** Every published course, in catalogue order (the authored `order`, then the slug), the same in every language. */
export async function getCourses(
	locale: Locale,
	options: { includeDrafts?: boolean } = {},
): Promise<Course[]> {
	const model = await getModel();
	return [...model.courses.values()]
		.map((v) => v[locale])
		.filter((c) => options.includeDrafts || !c.draft)
		.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

/** A course by slug, or null. */
export async function getCourse(slug: string, locale: Locale): Promise<Course | null> {
	const model = await getModel();
	return model.courses.get(slug)?.[locale] ?? null;
}

export interface LessonContext {
	course: Course;
	unit: UnitRef;
	lesson: LessonRef;
	prev?: LessonRef;
	next?: LessonRef;
	/** Entry to render: the translation where it exists, else the English lesson. */
	entry: CollectionEntry<'lessons'> | CollectionEntry<'lessonTranslations'>;
	english: CollectionEntry<'lessons'>;
	/** True when the locale is not English and no translation exists. */
	isFallback: boolean;
}

/** A lesson with its course, unit, neighbours and the entry to render, or null. */
export async function getLesson(
	courseSlug: string,
	lessonSlug: string,
	locale: Locale,
): Promise<LessonContext | null> {
	const course = await getCourse(courseSlug, locale);
	if (!course) return null;
	const index = course.lessons.findIndex((l) => l.slug === lessonSlug);
	const lesson = course.lessons[index];
	if (!lesson) return null;
	const unit = course.units.find((u) => u.slug === lesson.unitSlug)!;
	const lessons = await getCollection('lessons');
	const english = lessons.find((l) => l.id === lesson.id);
	if (!english) return null;
	let entry: LessonContext['entry'] = english;
	if (locale !== 'en') {
		const translated = (await getCollection('lessonTranslations')).find(
			(l) => l.id === `${lesson.id}.${locale}`,
		);
		if (translated) entry = translated;
	}
	return {
		course,
		unit,
		lesson,
		prev: course.lessons[index - 1],
		next: course.lessons[index + 1],
		entry,
		english,
		isFallback: locale !== 'en' && entry === english,
	};
}

/**
 * A quiz's full data, answers included. SERVER ONLY: never pass the result to an island or a
 * response; use src/lib/quiz/ to shape what the learner may see.
 */
export async function getQuizData(
	courseSlug: string,
	quizId: string,
	locale: Locale,
): Promise<{ quiz: Quiz; locale: Locale } | null> {
	const quizzes = await getCollection('quizzes');
	const english = quizzes.find(
		(q) => q.id.startsWith(`${courseSlug}/`) && q.id.endsWith(`/${quizId}.quiz`),
	);
	if (!english) return null;
	if (locale !== 'en') {
		const tr = (await getCollection('quizTranslations')).find(
			(q) => q.id === `${english.id}.${locale}`,
		);
		if (tr) return { quiz: tr.data, locale };
	}
	return { quiz: english.data, locale: 'en' };
}

/** The lesson that embeds a quiz, or undefined. */
export function getQuizLesson(course: Course, quizId: string): LessonRef | undefined {
	return course.lessons.find((l) => l.quizIds.includes(quizId));
}

/** The lesson that embeds a graded project, or undefined. */
export function getProjectLesson(course: Course, projectId: string): LessonRef | undefined {
	return course.lessons.find((l) => l.projectIds.includes(projectId));
}
