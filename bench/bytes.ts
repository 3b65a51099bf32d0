/**
 * Scenario: bytes on the wire for a first visit, measured in a real Chromium with a cold cache
 * (a new browser context per page; Chrome DevTools Protocol `encodedDataLength`, so compressed
 * sizes and headers as they travel). Goals (issue #19): an English lesson ≤ 50 KB, a Bengali one
 * ≤ 80 KB, fonts included. Prints each page's total, its font bytes and which fonts were fetched.
 *
 * Faces the device has installed are used from it (`local()` in src/styles/fonts.css; Android phones
 * ship Noto Sans Bengali and Devanagari) and not downloaded, so the table also prints what a device
 * without any of them would fetch ("without local fonts"), which is what the goal is judged on.
 *
 * `npm run bench -- bytes` (uses the Debian Chromium at /usr/bin/chromium when present).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { ensureBuild, printTable, root, startServer } from './lib.ts';

/** The built WOFF2 file of a face (family, weight), for what a device without the font would fetch. */
const builtFonts = readdirSync(join(root, 'dist', 'client', '_astro')).filter((f) =>
	f.endsWith('.woff2'),
);
function fontFileSize(family: string, weight: string): number {
	const script = /Bengali/.test(family)
		? 'bengali-bengali'
		: /Devanagari/.test(family)
			? 'devanagari-devanagari'
			: 'latin';
	const file = builtFonts.find((f) => f.includes(`-${script}-${weight}-normal`));
	// No file: a face taken only from the device (the Bengali and Devanagari bold faces); a device
	// without it downloads nothing and draws bold text in its own font.
	return file ? statSync(join(root, 'dist', 'client', '_astro', file)).size : 0;
}

const PAGES = [
	{ path: '/courses/excel/tables-and-formats', goal: 50 },
	{ path: '/bn/courses/excel/tables-and-formats', goal: 80 },
	{ path: '/hi/courses/excel/tables-and-formats', goal: 80 },
	{ path: '/courses/email-management/inbox-zero', goal: 50 },
	{ path: '/', goal: 50 },
	{ path: '/courses', goal: 50 },
	{ path: '/courses/excel', goal: 50 },
];

ensureBuild();
const server = await startServer();
const browser = await chromium.launch({
	executablePath: existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
});
const rows: Record<string, string | number>[] = [];
try {
	for (const page of PAGES) {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const tab = await context.newPage();
		const cdp = await context.newCDPSession(tab);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		const urls = new Map<string, string>();
		const bytes = new Map<string, number>();
		cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
		cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
		await tab.goto(server.url + page.path, { waitUntil: 'networkidle' });
		await tab.evaluate(() => document.fonts.ready);
		const used = await tab.evaluate(() =>
			[...document.fonts]
				.filter((f) => f.status === 'loaded')
				.map((f) => [f.family.replace(/"/g, ''), String(f.weight)]),
		);
		await tab.waitForTimeout(300);
		let total = 0;
		let fonts = 0;
		const fontNames: string[] = [];
		for (const [id, n] of bytes) {
			total += n;
			const url = urls.get(id) ?? '';
			if (/\.woff2?$/.test(url)) {
				fonts += n;
				fontNames.push(
					/noto-sans-(?:(bengali|devanagari)-)?[a-z]+-(\d00)/
						.exec(url)
						?.slice(1)
						.filter(Boolean)
						.join('-') || 'latin',
				);
			}
		}
		// Faces this machine had installed (local()) were not downloaded: add what a device without them fetches.
		const fetchedFonts = fontNames.length;
		const withoutLocal =
			total +
			(used.length > fetchedFonts
				? used.reduce((sum, [family, weight]) => sum + fontFileSize(family!, weight!), 0) - fonts
				: 0);
		const kb = total / 1000;
		rows.push({
			page: page.path,
			requests: bytes.size,
			'total KB': kb.toFixed(1),
			'fonts KB': (fonts / 1000).toFixed(1),
			fonts: fontNames.sort().join(' ') || '—',
			'faces used': used.map(([f, w]) => `${f!.replace('Noto Sans', 'NS')} ${w}`).join(', '),
			'KB without local fonts': (withoutLocal / 1000).toFixed(1),
			goal: `≤ ${page.goal} KB`,
			met: withoutLocal / 1000 <= page.goal ? 'yes' : kb <= page.goal ? 'with local fonts' : 'NO',
		});
		await context.close();
	}
} finally {
	await browser.close();
	await server.stop();
}
printTable(
	'First visit, cold cache, Chromium at 360 px: bytes on the wire (compressed, headers included)',
	rows,
);
