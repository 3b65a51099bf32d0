/**
 * Browser-side record of the courses saved for offline use (used by the save widget, the offline
 * page and sign-out). The files themselves live in the Cache Storage cache `dakshata-course-<slug>`;
 * this list in localStorage says what is saved, in which version, and how large.
 *
 * Everything here is per-user: `clearUserCaches` (called after sign-out) removes the saved courses,
 * the visited pages and this list. The precache (app scripts and styles) and the font/image cache
 * are the same for everyone and stay.
 */

/** One saved course. */
export interface SavedCourse {
	/** Course slug. */
	slug: string;
	/** Course title in the language it was saved in. */
	title: string;
	/** Address of the course page (in that language). */
	url: string;
	/** Content version (`course.md` `version`). */
	version: string;
	/** Bytes downloaded. */
	bytes: number;
	/** ISO time it was saved. */
	savedAt: string;
}

const KEY = 'dakshata:offline-courses';
/** Prefix of the cache that holds one saved course. */
export const COURSE_CACHE_PREFIX = 'dakshata-course-';
/** The cache of visited course and lesson pages (see the service worker). */
export const PAGES_CACHE = 'dakshata-pages';

/** The saved courses, by slug. */
export function getSavedCourses(): Record<string, SavedCourse> {
	try {
		return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, SavedCourse>;
	} catch {
		return {};
	}
}

/** Records (or with `null`, forgets) a saved course. */
export function setSavedCourse(slug: string, course: SavedCourse | null): void {
	const all = getSavedCourses();
	if (course) all[slug] = course;
	else delete all[slug];
	localStorage.setItem(KEY, JSON.stringify(all));
}

/** Removes everything saved for the signed-out user: saved courses, visited pages, the list. */
export async function clearUserCaches(): Promise<void> {
	localStorage.removeItem(KEY);
	if (!('caches' in window)) return;
	const names = await caches.keys();
	await Promise.all(
		names
			.filter((n) => n === PAGES_CACHE || n.startsWith(COURSE_CACHE_PREFIX))
			.map((n) => caches.delete(n)),
	);
}

/**
 * A byte count for people, with the page's digits: "840 KB", "1.2 MB".
 * @param templates the translated `offline.kb` / `offline.mb` / `offline.gb` messages, `{n}` for the number
 */
export function formatBytes(
	bytes: number,
	lang: string,
	templates: { kb: string; mb: string; gb: string },
): string {
	const format = (n: number) =>
		new Intl.NumberFormat(`${lang}-IN`, { maximumFractionDigits: 1 }).format(n);
	if (bytes >= 1e9) return templates.gb.replace('{n}', format(bytes / 1e9));
	if (bytes >= 1e6) return templates.mb.replace('{n}', format(bytes / 1e6));
	return templates.kb.replace('{n}', format(Math.max(1, Math.round(bytes / 1e3))));
}

/** Fills `{name}` placeholders of a translated message. */
export function fill(template: string, vars: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
