import { describe, expect, it } from 'vitest';
import {
	getFontUrls,
	getImageUrls,
	getLocalOrigin,
	getStylesheetUrls,
} from '../../src/lib/server/offline/course-files.ts';
import { fill, formatBytes } from '../../src/lib/offline/saved-courses.ts';

const ORIGIN = 'http://127.0.0.1:4321';
const UNITS = { kb: '{n} KB', mb: '{n} MB', gb: '{n} GB' };

describe('getImageUrls', () => {
	it('lists same-origin images from src and srcset once each, and skips other sites and data URLs', () => {
		const html = `<img src="/_image?href=%2F_astro%2Fa.png&amp;w=800" srcset="/_astro/a-400.webp 400w, /_astro/a-800.webp 800w" alt="">
			<img alt="x" src="https://cdn.example.org/b.png"><img src="data:image/png;base64,AAAA"><img src="/_astro/a-400.webp">`;
		expect(getImageUrls(html, ORIGIN)).toEqual([
			'/_image?href=%2F_astro%2Fa.png&w=800',
			'/_astro/a-400.webp',
			'/_astro/a-800.webp',
		]);
	});
});

describe('getStylesheetUrls', () => {
	it('lists linked same-origin stylesheets only', () => {
		const html =
			'<link rel="stylesheet" href="/_astro/base.css"><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="https://fonts.example.org/x.css">';
		expect(getStylesheetUrls(html, ORIGIN)).toEqual(['/_astro/base.css']);
	});
});

describe('getFontUrls', () => {
	it('resolves woff2 fonts against the stylesheet address and ignores woff fallbacks', () => {
		const css =
			'@font-face{src:url(./noto-latin.woff2) format("woff2"),url(./noto-latin.woff) format("woff")}@font-face{src:url("/_astro/noto-bengali.woff2")}';
		expect(getFontUrls(css, `${ORIGIN}/_astro/base.css`)).toEqual([
			'/_astro/noto-latin.woff2',
			'/_astro/noto-bengali.woff2',
		]);
	});
});

describe('getLocalOrigin', () => {
	it('measures on the address the server listens on, not on one a request names', () => {
		const saved = { HOST: process.env.HOST, PORT: process.env.PORT };
		try {
			Object.assign(process.env, { HOST: '0.0.0.0', PORT: '8080' });
			expect(getLocalOrigin()).toBe('http://127.0.0.1:8080');
			Object.assign(process.env, { HOST: '::' });
			expect(getLocalOrigin()).toBe('http://[::1]:8080');
		} finally {
			for (const [k, v] of Object.entries(saved)) {
				if (v === undefined) delete process.env[k];
				else process.env[k] = v;
			}
		}
	});
});

describe('formatBytes', () => {
	it('shows kilobytes and megabytes with one decimal at most', () => {
		expect(formatBytes(840_200, 'en', UNITS)).toBe('840 KB');
		expect(formatBytes(1_234_567, 'en', UNITS)).toBe('1.2 MB');
		expect(formatBytes(120, 'en', UNITS)).toBe('1 KB');
	});

	it('uses Bengali digits on Bengali pages', () => {
		expect(formatBytes(4_200_000, 'bn', UNITS)).toBe('৪.২ MB');
	});
});

describe('fill', () => {
	it('fills named placeholders and leaves unknown ones', () => {
		expect(
			fill('Saved — {size}, version {version} {x}', { size: '1.2 MB', version: '2026.1' }),
		).toBe('Saved — 1.2 MB, version 2026.1 {x}');
	});
});
