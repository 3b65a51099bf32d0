import { chmodSync, chownSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { nodeBin, root, startServer } from '../helpers/server.ts';

const base = inject('baseUrl');

describe('site shell', () => {
	it('serves the home page in English without a prefix, with lang and skip link', async () => {
		const res = await fetch(`${base}/`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('<html lang="en"');
		expect(html).toContain('href="#main"');
		expect(html).toContain('Learn the work clients pay for');
	});

	it('serves Bengali and Hindi pages under /bn/ and /hi/', async () => {
		const bn = await (await fetch(`${base}/bn/`)).text();
		expect(bn).toContain('<html lang="bn"');
		expect(bn).toContain('ক্লায়েন্ট');
		const hi = await (await fetch(`${base}/hi/courses`)).text();
		expect(hi).toContain('<html lang="hi"');
		expect(hi).toContain('कोर्स');
	});

	it('answers an unknown page with the 404 page in the right language', async () => {
		const res = await fetch(`${base}/bn/no-such-page`);
		expect(res.status).toBe(404);
		expect(await res.text()).toContain('পাতাটি পাওয়া যায়নি');
		expect((await fetch(`${base}/xx/courses`)).status).toBe(404);
	});

	it('sends security headers on pages and static files', async () => {
		for (const path of ['/', '/favicon.svg']) {
			const res = await fetch(`${base}${path}`);
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
			expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
			expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
			expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		}
		const csp = (await fetch(`${base}/`)).headers.get('content-security-policy')!;
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("base-uri 'none'");
	});
});

describe('/healthz', () => {
	it('answers 200 with a small JSON body while the database answers', async () => {
		const res = await fetch(`${base}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok' });
	});

	it('answers 503 when the database file becomes unreadable, and 200 again once it is back', async () => {
		// Root reads any file, so the server runs as an unprivileged user when the tests run as root.
		const asRoot = process.getuid?.() === 0;
		const dataDir = mkdtempSync(join(tmpdir(), 'dakshata-health-'));
		if (asRoot) {
			chownSync(dataDir, 65534, 65534);
			chmodSync(dataDir, 0o755);
		}
		const server = await startServer({
			dataDir,
			spawnOptions: asRoot ? { uid: 65534, gid: 65534 } : {},
		});
		try {
			const dbFile = join(dataDir, 'test.db');
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
			chmodSync(dbFile, 0o000);
			const down = await fetch(`${server.url}/healthz`);
			expect(down.status).toBe(503);
			expect(await down.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' });
			chmodSync(dbFile, 0o644);
			expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		} finally {
			await server.stop();
		}
	});
});

describe('start-up configuration', () => {
	it('refuses to start with a bad DATABASE_URL and names it with an example', () => {
		const result = spawnSync(nodeBin, [join(root, 'scripts', 'serve.ts')], {
			cwd: root,
			env: { ...process.env, DATABASE_URL: 'postgres://db.example/dakshata', PORT: '0' },
			encoding: 'utf8',
			timeout: 20_000,
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('DATABASE_URL');
		expect(result.stderr).toContain('Example: DATABASE_URL=file:data/dakshata.db');
	});

	it('refuses to start with a malformed SITE_URL and names it', () => {
		const result = spawnSync(nodeBin, [join(root, 'scripts', 'serve.ts')], {
			cwd: root,
			env: { ...process.env, SITE_URL: 'learn.example.org', PORT: '0' },
			encoding: 'utf8',
			timeout: 20_000,
		});
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('SITE_URL is not a URL');
	});
});
