/**
 * Learn offline: the JavaScript the offline feature adds to a page (service-worker registration,
 * the Offline badge, the save widget and the offline list), gzip-compressed, next to all the
 * JavaScript the page loads; and the service worker itself (downloaded once, not on the page).
 * Goal: ≤ 10 KB gzip added on the pages that register the worker.
 */
import { gzipSync } from 'node:zlib';
import { ensureBuild, printTable, startServer } from './lib.ts';

ensureBuild();
const server = await startServer();
const OFFLINE_CHUNK = /\/_astro\/(OfflineStatus|SaveCourse|OfflineList|saved-courses)[.\w-]*\.js$/;
const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length;
const kb = (n: number) => (n / 1024).toFixed(2);

/** Every JavaScript chunk a page loads (scripts, islands, their static imports). */
async function loadScripts(html: string): Promise<Map<string, string>> {
	const queue = [
		...html.matchAll(
			/(?:src|component-url|renderer-url|before-hydration-url)="(\/_astro\/[^"]+\.js)"/g,
		),
	].map((m) => m[1]!);
	const chunks = new Map<string, string>();
	while (queue.length > 0) {
		const url = queue.pop()!;
		if (chunks.has(url)) continue;
		chunks.set(url, await (await fetch(server.url + url)).text());
		for (const m of chunks.get(url)!.matchAll(/(?:from|import)\s*\(?\s*["']\.\/([^"']+\.js)["']/g))
			queue.push(`/_astro/${m[1]}`);
	}
	// Small scripts are inlined into the page.
	for (const [i, m] of [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].entries())
		chunks.set(`inline-${i}`, m[1]!);
	return chunks;
}

const rows: Record<string, string | number>[] = [];
try {
	for (const path of [
		'/',
		'/courses/getting-started',
		'/courses/getting-started/how-courses-work',
		'/offline',
	]) {
		const html = await (await fetch(server.url + path)).text();
		const chunks = await loadScripts(html);
		const all = [...chunks.values()].reduce((sum, s) => sum + gz(s), 0);
		const added = [...chunks]
			.filter(
				([name, s]) =>
					OFFLINE_CHUNK.test(name) || (name.startsWith('inline-') && s.includes('serviceWorker')),
			)
			.reduce((sum, [, s]) => sum + gz(s), 0);
		rows.push({
			page: path,
			'offline JS (KB gzip)': kb(added),
			'all JS (KB gzip)': kb(all),
			'within 10 KB': added <= 10 * 1024 ? 'yes' : 'no',
		});
	}
	const sw = await (await fetch(`${server.url}/sw.js`)).text();
	rows.push({
		page: '/sw.js (once, not on the page)',
		'offline JS (KB gzip)': kb(gz(sw)),
		'all JS (KB gzip)': '',
		'within 10 KB': '',
	});
} finally {
	await server.stop();
}
printTable('JavaScript added by the offline feature (gzip -9)', rows);
