import { describe, expect, inject, it } from 'vitest';

const base = inject('baseUrl');

type Listing = {
	course: string;
	version: string;
	url: string;
	files: { url: string; bytes: number }[];
	bytes: number;
};

describe('GET /api/offline/<course>', () => {
	it('lists the course page, every lesson, its images and fonts with their sizes, and no quiz page', async () => {
		const res = await fetch(`${base}/api/offline/getting-started?lang=bn`);
		expect(res.status).toBe(200);
		const listing = (await res.json()) as Listing;
		expect(listing).toMatchObject({
			course: 'getting-started',
			version: '2026.1',
			url: '/bn/courses/getting-started',
		});
		const urls = listing.files.map((f) => f.url);
		expect(urls).toEqual(
			expect.arrayContaining([
				'/bn/courses/getting-started',
				'/bn/courses/getting-started/how-courses-work',
				'/bn/courses/getting-started/plan-your-study-week',
				'/bn/courses/getting-started/prove-your-skills',
			]),
		);
		expect(urls.some((u) => /\.woff2$/.test(u))).toBe(true);
		expect(urls.some((u) => u.startsWith('/_image') || /\.(png|webp|jpe?g)$/.test(u))).toBe(true);
		expect(urls.filter((u) => u.includes('/quiz/') || u.startsWith('/api/'))).toEqual([]);
		expect(listing.files.every((f) => f.bytes > 0)).toBe(true);
		expect(listing.bytes).toBe(listing.files.reduce((sum, f) => sum + f.bytes, 0));
		// The size of a page is the size of what the server sends for it.
		const page = listing.files.find(
			(f) => f.url === '/bn/courses/getting-started/how-courses-work',
		)!;
		const html = await (await fetch(`${base}${page.url}`)).arrayBuffer();
		expect(Math.abs(html.byteLength - page.bytes)).toBeLessThan(200);
	});

	it('answers 404 for an unknown course or language', async () => {
		expect((await fetch(`${base}/api/offline/no-such-course`)).status).toBe(404);
		expect((await fetch(`${base}/api/offline/getting-started?lang=fr`)).status).toBe(404);
	});
});

describe('offline pages', () => {
	it('serves the offline page as for a visitor and the manifest in each language', async () => {
		const html = await (await fetch(`${base}/hi/offline`)).text();
		expect(html).toContain('<html lang="hi"');
		expect(html).toContain('आप ऑफ़लाइन हैं');
		const manifest = await (await fetch(`${base}/hi/manifest.webmanifest`)).json();
		expect(manifest).toMatchObject({ name: 'दक्षता', start_url: '/hi/dashboard' });
		const sw = await fetch(`${base}/sw.js`);
		expect(sw.status).toBe(200);
		expect(await sw.text()).toContain('/hi/offline');
	});
});
