/**
 * Loading a lab for the engine. SERVER ONLY: a loaded lab holds its keys (rule keywords, expected
 * actions, the model answer); src/lib/labs/public.ts shapes what the learner may see.
 *
 * A lab lives in a unit folder as `<id>.lab.yaml` and is embedded in a lesson with
 * `<Lab id="…" />`; the lesson that embeds it is the one a pass completes.
 */
import { getCollection } from 'astro:content';
import { getCourse, type Course } from '../../courses.ts';
import type { Locale } from '../../i18n.ts';
import type { Lab } from '../../labs/schema.ts';
import { countVariants, mergeLabTranslation, resolveLab } from '../../labs/variant.ts';

export interface LoadedLab {
	course: Course;
	labId: string;
	/** Variant shown (index into the lab's variables). */
	variant: number;
	/** The lab as shown: English rules, words in `locale` where translated. */
	lab: Lab;
	english: Lab;
	/** Language of the words shown (English when there is no translation). */
	locale: Locale;
	/** Number of variants of the lab. */
	variants: number;
	/** Slug of the lesson that embeds the lab, if any. */
	lessonSlug?: string;
}

/** The slug of the lesson of `course` that embeds lab `labId` with `<Lab id="…" />`, or undefined. */
export function getLabLessonSlug(course: Course, labId: string): string | undefined {
	return course.lessons.find((l) => l.labIds.includes(labId))?.slug;
}

async function getRawLab(courseSlug: string, labId: string, locale: Locale): Promise<unknown> {
	const english = (await getCollection('labs')).find(
		(q) => q.id.startsWith(`${courseSlug}/`) && q.id.endsWith(`/${labId}.lab`),
	);
	if (!english) return undefined;
	if (locale === 'en') return english.data;
	return (await getCollection('labTranslations')).find((q) => q.id === `${english.id}.${locale}`)
		?.data;
}

/**
 * Lab `labId` of course `courseSlug`, variant `variant`, in `locale`; null when the course or lab
 * does not exist. An invalid lab file throws (the content check and the build refuse them).
 */
export function loadLab(
	courseSlug: string,
	labId: string,
	locale: Locale,
	variant = 0,
): Promise<LoadedLab | null> {
	// Course files do not change while a built server runs, so each resolved variant is kept (a
	// few dozen per lab at most); `astro dev` reloads on every call so edits show at once.
	if (import.meta.env.DEV) return resolveLoadedLab(courseSlug, labId, locale, variant);
	const key = `${courseSlug}/${labId}/${locale}/${variant}`;
	let loaded = cache.get(key);
	if (!loaded) {
		loaded = resolveLoadedLab(courseSlug, labId, locale, variant);
		cache.set(key, loaded);
		// Only labs that exist are kept, so unknown ids in URLs cannot grow the cache.
		void loaded.then(
			(found) => found || cache.delete(key),
			() => cache.delete(key),
		);
	}
	return loaded;
}

const cache = new Map<string, Promise<LoadedLab | null>>();

async function resolveLoadedLab(
	courseSlug: string,
	labId: string,
	locale: Locale,
	variant: number,
): Promise<LoadedLab | null> {
	const [course, rawEn] = await Promise.all([
		getCourse(courseSlug, 'en'),
		getRawLab(courseSlug, labId, 'en'),
	]);
	if (!course || !rawEn) return null;
	const variants = countVariants(rawEn);
	const index = ((variant % variants) + variants) % variants;
	const en = resolveLab(rawEn, index);
	if (!en.success)
		throw new Error(`courses/${courseSlug}: lab ${labId} is invalid: ${en.error.message}`);
	let lab: Lab = en.data;
	let shownLocale: Locale = 'en';
	if (locale !== 'en') {
		const rawTr = await getRawLab(courseSlug, labId, locale);
		const tr = rawTr ? resolveLab(rawTr, index) : undefined;
		if (tr?.success) {
			lab = mergeLabTranslation(en.data, tr.data);
			shownLocale = locale;
		}
	}
	return {
		course,
		labId,
		variant: index,
		lab,
		english: en.data,
		locale: shownLocale,
		variants,
		lessonSlug: getLabLessonSlug(course, labId),
	};
}
