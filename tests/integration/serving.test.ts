/**
 * How pages and files travel, as a client sees it: compression negotiated by Accept-Encoding,
 * `charset=utf-8`, ETags and 304s, precompressed static files, and the shared page cache, which
 * must never hand a signed-in learner's page to anyone else, nor a visitor's page to a learner.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { signUp } from '../helpers/accounts.ts';

const base = inject('baseUrl');
const LESSON = '/courses/getting-started/how-courses-work';

interface RawResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** A GET with exactly the headers given (fetch would add Accept-Encoding and decode). */
function get(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const req = request(
			new URL(path, base),
			{ headers: { connection: 'close', ...headers } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
				);
			},
		);
		req.on('error', reject);
		req.end();
	});
}

function decode(res: RawResponse): string {
	const encoding = res.headers['content-encoding'];
	if (encoding === 'br') return brotliDecompressSync(res.body).toString('utf8');
	if (encoding === 'gzip') return gunzipSync(res.body).toString('utf8');
	return res.body.toString('utf8');
}

describe('compression and caching headers', () => {
	it('sends a lesson as Brotli, gzip or plain as the client asks, the same page each way, in UTF-8', async () => {
		await get(LESSON); // the first visit renders (and fills the cache)
		const br = await get(LESSON, { 'accept-encoding': 'gzip, deflate, br' });
		const gzip = await get(LESSON, { 'accept-encoding': 'gzip' });
		const plain = await get(LESSON, { 'accept-encoding': 'identity' });
		const none = await get(LESSON);
		expect([br.status, gzip.status, plain.status, none.status]).toEqual([200, 200, 200, 200]);
		expect(br.headers['content-encoding']).toBe('br');
		expect(gzip.headers['content-encoding']).toBe('gzip');
		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(none.headers['content-encoding']).toBeUndefined();
		for (const res of [br, gzip, plain]) {
			expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
			expect(res.headers.vary).toMatch(/Accept-Encoding/i);
		}
		expect(br.body.length).toBeLessThan(plain.body.length / 3);
		expect(decode(br)).toBe(plain.body.toString('utf8'));
		expect(decode(gzip)).toBe(plain.body.toString('utf8'));
		// The page keeps its own Content-Security-Policy (with its script hashes) when it comes from the cache.
		expect(String(br.headers['content-security-policy'])).toContain("script-src 'self' 'sha256-");
	});

	it('answers a repeat visit with 304 when the page has not changed', async () => {
		await get(LESSON);
		const first = await get(LESSON, { 'accept-encoding': 'br' });
		const etag = first.headers.etag as string;
		expect(etag).toMatch(/^"[\w-]+"$/);
		const again = await get(LESSON, { 'accept-encoding': 'br', 'if-none-match': etag });
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
	});

	it('compresses pages that are rendered for each request too', async () => {
		const res = await get('/login', { 'accept-encoding': 'gzip' });
		expect(res.status).toBe(200);
		expect(res.headers['content-encoding']).toBe('gzip');
		expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(decode(res)).toContain('<form');
	});

	it('sends the built stylesheet precompressed, with an ETag and a year-long cache', async () => {
		const css = readdirSync(
			join(
				import.meta.dirname,
				'..',
				'..',
				process.env.DAKSHATA_DIST || 'dist-test',
				'client',
				'_astro',
			),
		).find((f) => f.endsWith('.css'))!;
		const br = await get(`/_astro/${css}`, { 'accept-encoding': 'br' });
		const plain = await get(`/_astro/${css}`);
		expect(br.status).toBe(200);
		expect(br.headers['content-encoding']).toBe('br');
		expect(br.headers['content-type']).toBe('text/css; charset=utf-8');
		expect(br.headers['cache-control']).toContain('immutable');
		expect(decode(br)).toBe(plain.body.toString('utf8'));
		expect(
			(await get(`/_astro/${css}`, { 'if-none-match': br.headers.etag as string })).status,
		).toBe(304);
	});
});

describe('the shared page cache', () => {
	it('never shows a learner’s page to a visitor, nor a visitor’s page to a learner', async () => {
		const { browser } = await signUp(base, { name: 'Cache Tester' });
		const account = await (await browser.get('/account')).text();
		const userId = /data-user="([^"]+)"/.exec(await (await browser.get(LESSON)).text())?.[1];
		expect(account).toContain('Cache Tester');
		expect(userId).toBeTruthy();
		// The visitor's page is cached first; the learner must still get their own page.
		await get(LESSON);
		const cachedForVisitor = await get(LESSON, { 'accept-encoding': 'br' });
		expect(cachedForVisitor.headers.etag).toBeDefined();
		const learner = await browser.get(LESSON);
		const learnerPage = await learner.text();
		expect(learnerPage).toContain(`data-user="${userId}"`);
		expect(learnerPage).toContain('action="/logout"');
		expect(learner.headers.get('cache-control')).toBe('private, no-store');
		expect(learner.headers.get('etag')).toBeNull();
		// And after the learner's visit, a visitor still gets the anonymous page.
		for (const headers of [
			{},
			{ 'accept-encoding': 'br' },
			{ 'accept-encoding': 'gzip' },
		] as Record<string, string>[]) {
			const visitor = decode(await get(LESSON, headers));
			expect(visitor).not.toContain(userId!);
			expect(visitor).not.toContain('action="/logout"');
			expect(visitor).toContain('href="/login');
		}
	});

	it('renders afresh for a visitor who sends any cookie, and never caches a page with a query string', async () => {
		const withCookie = await get(LESSON, {
			cookie: 'session=not-a-real-session',
			'accept-encoding': 'br',
		});
		expect(withCookie.status).toBe(200);
		expect(withCookie.headers.etag).toBeUndefined();
		await get('/courses?notice=x');
		const withQuery = await get('/courses?notice=x', { 'accept-encoding': 'br' });
		expect(withQuery.headers.etag).toBeUndefined();
	});
});
