/**
 * The files a course needs offline, with their sizes, so the learner sees the size before saving.
 *
 * The list is the course page and every lesson page in the requested language (an untranslated
 * lesson's page shows the English text, so its address is the same), and the images those pages
 * show. Sizes are measured by requesting the pages from this server as a visitor (a signed-in copy
 * differs by a few hundred bytes) and the images they reference. The result is kept per course,
 * language and version for the life of the process: content does not change under a running build.
 * Quizzes are never listed: they need the server.
 */
import type { Course } from '../../courses.ts';
import { localizePath, type Locale } from '../../i18n.ts';

/** One file to save. */
export interface OfflineFile {
	/** Same-origin address. */
	url: string;
	/** Size in bytes (0 when it could not be measured). */
	bytes: number;
}

/** What `/api/offline/<course>` answers. */
export interface OfflineCourse {
	course: string;
	title: string;
	locale: Locale;
	version: string;
	/** The course page's address in this language. */
	url: string;
	files: OfflineFile[];
	/** Sum of the file sizes. */
	bytes: number;
}

const memo = new Map<string, Promise<OfflineCourse>>();

/**
 * This server's own address, for measuring pages (never the request's Host header, which a caller
 * chooses): HOST and PORT as the server was started with.
 */
export function getLocalOrigin(): string {
	const host = process.env.HOST ?? 'localhost';
	const local =
		host === '0.0.0.0'
			? '127.0.0.1'
			: host === '::'
				? '[::1]'
				: host.includes(':')
					? `[${host}]`
					: host;
	return `http://${local}:${process.env.PORT ?? 4321}`;
}

/** Lists (and measures, once per process) the files of a course in a language. */
export function getOfflineCourse(
	course: Course,
	origin = getLocalOrigin(),
): Promise<OfflineCourse> {
	const key = `${course.slug}:${course.locale}:${course.version}`;
	let result = memo.get(key);
	if (!result) {
		result = measureCourse(course, origin);
		result.catch(() => memo.delete(key));
		memo.set(key, result);
	}
	return result;
}

/** Same-origin stylesheet addresses linked from a page. */
export function getStylesheetUrls(html: string, origin: string): string[] {
	const urls = (html.match(/<link\b[^>]*rel="stylesheet"[^>]*>/g) ?? []).map(
		(tag) => /\shref="([^"]+)"/.exec(tag)?.[1],
	);
	return urls
		.filter((u): u is string => Boolean(u))
		.map((u) => new URL(u, origin))
		.filter((u) => u.origin === origin)
		.map((u) => u.pathname);
}

/** The same-origin woff2 font files a stylesheet (or a page's inline style) at `base` names. */
export function getFontUrls(css: string, base: string): string[] {
	const found = [...css.matchAll(/url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/g)].map(
		(m) => new URL(m[1]!, base),
	);
	return [
		...new Set(found.filter((u) => u.origin === new URL(base).origin).map((u) => u.pathname)),
	];
}

/** Same-origin image addresses in a page (`src` and `srcset`), without duplicates. */
export function getImageUrls(html: string, origin: string): string[] {
	const urls = new Set<string>();
	for (const tag of html.match(/<img\b[^>]*>/g) ?? []) {
		const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
		const srcset = /\ssrcset="([^"]+)"/.exec(tag)?.[1];
		const candidates = [src, ...(srcset?.split(',').map((c) => c.trim().split(/\s+/)[0]) ?? [])];
		for (const c of candidates) {
			if (!c || c.startsWith('data:')) continue;
			const url = new URL(c.replace(/&amp;/g, '&'), origin);
			if (url.origin === origin) urls.add(url.pathname + url.search);
		}
	}
	return [...urls];
}

async function measureCourse(course: Course, origin: string): Promise<OfflineCourse> {
	const url = localizePath(`/courses/${course.slug}`, course.locale);
	const pages = [
		url,
		...course.lessons.map((l) => localizePath(`/courses/${course.slug}/${l.slug}`, course.locale)),
	];
	const files: OfflineFile[] = [];
	const images = new Set<string>();
	const fonts = new Set<string>();
	const stylesheets = new Set<string>();
	for (const page of pages) {
		const res = await fetch(new URL(page, origin), {
			headers: { accept: 'text/html' },
			redirect: 'manual',
		});
		if (!res.ok) throw new Error(`offline list: ${page} answered ${res.status}`);
		const html = await res.text();
		files.push({ url: page, bytes: Buffer.byteLength(html) });
		for (const image of getImageUrls(html, origin)) images.add(image);
		for (const font of getFontUrls(html, new URL(page, origin).href)) fonts.add(font);
		for (const sheet of getStylesheetUrls(html, origin)) stylesheets.add(sheet);
	}
	for (const sheet of stylesheets) {
		const res = await fetch(new URL(sheet, origin));
		if (res.ok)
			for (const font of getFontUrls(await res.text(), new URL(sheet, origin).href))
				fonts.add(font);
	}
	for (const asset of [...images, ...fonts]) {
		const res = await fetch(new URL(asset, origin));
		const body = res.ok ? await res.arrayBuffer() : null;
		if (body) files.push({ url: asset, bytes: body.byteLength });
	}
	const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
	return {
		course: course.slug,
		title: course.title,
		locale: course.locale,
		version: course.version,
		url,
		files,
		bytes,
	};
}
