/**
 * Builds the service worker after `astro build`: esbuild bundles the Workbox modules used by
 * src/lib/offline/service-worker.js, then workbox-build's `injectManifest` writes `sw.js` into the
 * client output with the precache list (hashed scripts and styles, icons, the prerendered offline
 * pages, fetched from the server at install). Build-time only: nothing here runs in the server or the browser.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Files under the client output that every page needs offline. */
const PRECACHE = [
	'_astro/*.{js,css}',
	'icons/*.{png,svg}',
	'favicon.svg',
	'{,bn/,hi/}manifest.webmanifest',
];
/** The offline page in each language (rendered on demand, the same for everyone). */
const OFFLINE_PAGES = ['/offline', '/bn/offline', '/hi/offline'];

/**
 * Writes `<clientDir>/sw.js`.
 * @returns the number of precached files and their total bytes.
 */
export async function buildServiceWorker(
	clientDir: string,
): Promise<{ count: number; size: number }> {
	const { build } = await import('esbuild');
	const { injectManifest } = await import('workbox-build');
	const source = fileURLToPath(new URL('./service-worker.js', import.meta.url));
	const bundled = join(clientDir, 'sw.src.js');
	await build({
		entryPoints: [source],
		bundle: true,
		format: 'iife',
		minify: true,
		target: 'es2020',
		outfile: bundled,
		// Workbox logs in development builds only.
		define: { 'process.env.NODE_ENV': '"production"' },
		logLevel: 'silent',
	});
	try {
		const { count, size, warnings } = await injectManifest({
			swSrc: bundled,
			swDest: join(clientDir, 'sw.js'),
			globDirectory: clientDir,
			globPatterns: PRECACHE,
			globIgnores: ['sw.js', 'sw.src.js'],
			// Hashed names need no revision query.
			dontCacheBustURLsMatching: /^_astro\//,
			// A new build fetches the offline pages again (their scripts and strings may have changed).
			additionalManifestEntries: OFFLINE_PAGES.map((url) => ({
				url,
				revision: Date.now().toString(36),
			})),
		});
		if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('; ')}`);
		return { count, size };
	} finally {
		await rm(bundled, { force: true });
	}
}
