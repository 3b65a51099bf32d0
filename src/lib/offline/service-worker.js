/**
 * The service worker, built with Workbox (bundled by src/lib/offline/build-service-worker.ts at build time;
 * `self.__WB_MANIFEST` is filled in by workbox-build with the hashed scripts, styles, icons and
 * the offline pages).
 *
 * Caches (all names start with `dakshata-`):
 * - the Workbox precache: app scripts, styles, icons and `/offline` in every language (same for
 *   everyone);
 * - `dakshata-assets`: fonts, images, and older builds' scripts under `/_astro/` (hashed,
 *   immutable), bounded;
 * - `dakshata-pages`: course and lesson pages the learner visited, bounded, network first;
 * - `dakshata-course-<slug>`: a course the learner saved (written by the page, see
 *   src/components/offline/SaveCourse.astro).
 * Pages and saved courses are per-user: sign-out deletes them (src/components/offline/OfflineStatus.astro).
 * Nothing under /api/, no quiz page, no POST and no download is ever cached: those fall through to
 * the network.
 *
 * Updates: a new build installs beside the old one and waits until no page uses the old one (no
 * skipWaiting), so a page in use keeps the scripts it started with.
 */
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly } from 'workbox-strategies';
import { TRANSLATION_LOCALE_PATTERN } from '../locales.ts';

const LOCALE_PREFIX = new RegExp(`^/(${TRANSLATION_LOCALE_PATTERN})(?=/|$)`);
const COURSE_CACHE = 'dakshata-course-';

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
clientsClaim();

/** The precached offline page in the language of the address. */
function getOfflinePage(url) {
	const prefix = LOCALE_PREFIX.exec(url.pathname)?.[0] ?? '';
	return matchPrecache(`${prefix}/offline`);
}

/** A response from any of our caches (a saved course, visited pages, assets). */
async function matchAnyCache(request) {
	return (await caches.match(request, { ignoreVary: true })) ?? undefined;
}

/** When a saved course's page is fetched online, the saved copy is refreshed with it. */
const refreshSavedCopy = {
	fetchDidSucceed: async ({ request, response }) => {
		if (!response.ok) return response;
		const names = (await caches.keys()).filter((n) => n.startsWith(COURSE_CACHE));
		for (const name of names) {
			const cache = await caches.open(name);
			if (await cache.match(request, { ignoreVary: true }))
				await cache.put(request, response.clone());
		}
		return response;
	},
};

/** Offline: the saved copy, else the visited copy, else the offline page. */
const fallBackOffline = {
	handlerDidError: async ({ request }) =>
		(await matchAnyCache(request)) ?? getOfflinePage(new URL(request.url)),
};

/** Course pages and lessons (not quizzes): the same address for every learner, cleared at sign-out. */
function isCoursePage(url) {
	const path = url.pathname.replace(LOCALE_PREFIX, '');
	return /^\/courses(\/|$)/.test(path) && !path.includes('/quiz/');
}

registerRoute(
	({ request, url }) =>
		request.mode === 'navigate' && url.origin === self.location.origin && isCoursePage(url),
	new NetworkFirst({
		cacheName: 'dakshata-pages',
		networkTimeoutSeconds: 8,
		plugins: [
			refreshSavedCopy,
			new ExpirationPlugin({ maxEntries: 60, maxAgeSeconds: 60 * 60 * 24 * 30 }),
			fallBackOffline,
		],
	}),
);

// Every other page: always the network; offline, the offline page.
registerRoute(
	({ request }) => request.mode === 'navigate',
	new NetworkOnly({ plugins: [fallBackOffline] }),
);

// Hashed fonts, images (and Astro's image endpoint), and scripts and styles of an earlier build
// that a saved page still uses (this build's are precached): first from a cache (a saved course's
// copy counts), bounded.
registerRoute(
	({ url, request }) =>
		url.origin === self.location.origin &&
		(url.pathname.startsWith('/_astro/') || url.pathname === '/_image') &&
		['font', 'image', 'script', 'style'].includes(request.destination),
	new CacheFirst({
		cacheName: 'dakshata-assets',
		plugins: [
			{
				cachedResponseWillBeUsed: async ({ cachedResponse, request }) =>
					cachedResponse ?? matchAnyCache(request),
			},
			new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 60 * 60 * 24 * 365 }),
		],
	}),
);

setCatchHandler(async ({ request }) =>
	request.mode === 'navigate' ? getOfflinePage(new URL(request.url)) : Response.error(),
);
